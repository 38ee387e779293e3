"""Saved searches, kept in the corpus folder (``saved-searches.json``), or, for a store
that keeps them itself (a server shared by a team), in the store: a store offering
``saved_searches()`` returns an object with ``load() -> dict`` and ``save(dict)`` over the
same JSON shape as the file, and ``where`` (what messages name).

A saved search is a query with its filters under a name. Running it returns the
matching documents; running it with ``new_only`` returns only the documents that were
not among its matches at the previous run (the ids seen are recorded at every run),
which is what a cron job that mails new items needs. The file is replaced atomically.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corpus_search.errors import InputError, InvalidFilterError
from corpus_search.query import Query

if TYPE_CHECKING:
    from corpus_search.corpus import Corpus
    from corpus_search.document import Document

SAVED_FILE = "saved-searches.json"
_NAME = re.compile(r"^[\w.-]{1,64}$")
_QUERY_KEYS = (
    "text",
    "actors",
    "key_actors",
    "themes",
    "sources",
    "authors",
    "tags",
    "since",
    "until",
    "sort",
)


@dataclass
class SavedSearch:
    name: str
    query: dict[str, Any]
    created: str
    last_run: str | None = None
    seen: list[str] = field(default_factory=list)

    def to_query(self) -> Query:
        q = self.query
        return Query.build(
            q.get("text", ""),
            actors=q.get("actors"),
            key_actors=q.get("key_actors"),
            themes=q.get("themes"),
            sources=q.get("sources"),
            authors=q.get("authors"),
            tags=q.get("tags"),
            since=q.get("since"),
            until=q.get("until"),
            sort=q.get("sort", "relevance"),
            limit=None,
        )

    def to_dict(self) -> dict[str, Any]:
        """The public shape (``saved list --json``): without the ids seen."""
        return {
            "name": self.name,
            "query": self.query,
            "created": self.created,
            "last_run": self.last_run,
            "seen": len(self.seen),
        }


@dataclass
class SavedRun:
    search: SavedSearch
    documents: list[Document]
    new_only: bool
    previous_run: str | None


def query_to_dict(query: Query) -> dict[str, Any]:
    """A Query as JSON-able values that ``Query.build`` reads back ("A|B" for either)."""
    return {
        "text": query.text,
        "actors": ["|".join(g) for g in query.actors],
        "key_actors": ["|".join(g) for g in query.key_actors],
        "themes": ["|".join(g) for g in query.themes],
        "sources": list(query.sources),
        "authors": list(query.authors),
        "tags": list(query.tags),
        "since": str(query.since) if query.since else None,
        "until": str(query.until) if query.until else None,
        "sort": query.sort,
    }


class SavedSearches:
    def __init__(self, corpus: Corpus, shared: Any = None) -> None:
        self._corpus = corpus
        self.path = Path(corpus.path) / SAVED_FILE
        self._shared = shared  # the store's own keeping, or None: the file

    def _load(self) -> dict[str, SavedSearch]:
        where = self._shared.where if self._shared is not None else self.path
        if self._shared is None and not self.path.exists():
            return {}
        try:
            if self._shared is not None:
                data = self._shared.load()
            else:
                data = json.loads(self.path.read_text("utf-8"))
            return {
                name: SavedSearch(
                    name=name,
                    query={k: v for k, v in item["query"].items() if k in _QUERY_KEYS},
                    created=item["created"],
                    last_run=item.get("last_run"),
                    seen=list(item.get("seen") or []),
                )
                for name, item in data["searches"].items()
            }
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise InputError(
                f"cannot read the saved searches in {where}: {exc}",
                "fix the file or delete it to start again",
            ) from None

    def _store(self, searches: dict[str, SavedSearch]) -> None:
        data = {
            "searches": {
                s.name: {
                    "query": s.query,
                    "created": s.created,
                    "last_run": s.last_run,
                    "seen": s.seen,
                }
                for s in searches.values()
            }
        }
        if self._shared is not None:
            self._shared.save(data)
            return
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
        os.replace(tmp, self.path)

    def list(self) -> list[SavedSearch]:
        return sorted(self._load().values(), key=lambda s: s.name)

    def get(self, name: str) -> SavedSearch:
        searches = self._load()
        if name not in searches:
            known = ", ".join(sorted(searches)) or "none yet"
            raise InvalidFilterError(f"no saved search named {name!r}", f"saved searches: {known}")
        return searches[name]

    def add(self, name: str, query: Query, replace: bool = False) -> SavedSearch:
        """Save ``query`` as ``name``. The query is checked against the corpus first, so
        a search that cannot parse is never saved."""
        if not _NAME.match(name):
            raise InvalidFilterError(
                f"cannot use {name!r} as a name", "use letters, digits, '-', '_' or '.'"
            )
        self._corpus.explain(query)  # raises on a query that cannot be parsed
        searches = self._load()
        if name in searches and not replace:
            raise InvalidFilterError(
                f"a saved search named {name!r} exists", "pass --replace to overwrite it"
            )
        saved = SavedSearch(name=name, query=query_to_dict(query), created=_now())
        searches[name] = saved
        self._store(searches)
        return saved

    def put(self, search: SavedSearch) -> None:
        """Keep ``search`` as it is (query, dates and ids seen), replacing one of the same
        name: how ``copy`` carries saved searches to another store."""
        searches = self._load()
        searches[search.name] = search
        self._store(searches)

    def remove(self, name: str) -> None:
        searches = self._load()
        self.get(name)
        del searches[name]
        self._store(searches)

    def run(self, name: str, new_only: bool = False) -> SavedRun:
        """Every matching document (or, with ``new_only``, those not matched at the
        previous run), and record this run."""
        searches = self._load()
        saved = self.get(name)
        docs = list(self._corpus.documents(saved.to_query()))
        seen = set(saved.seen)
        previous = saved.last_run
        shown = [d for d in docs if d.id not in seen] if new_only else docs
        saved.seen = sorted(seen | {d.id for d in docs})
        saved.last_run = _now()
        searches[name] = saved
        self._store(searches)
        return SavedRun(search=saved, documents=shown, new_only=new_only, previous_run=previous)


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()
