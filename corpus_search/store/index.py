"""``Store``: open or create the index directory, write and read Documents."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from whoosh import highlight, index, sorting
from whoosh import query as wq
from whoosh.index import LockError

from corpus_search.dates import day_number
from corpus_search.document import Document
from corpus_search.errors import (
    IndexLockedError,
    IndexNotFoundError,
    IndexVersionError,
    InputError,
)
from corpus_search.query import Query
from corpus_search.results import Hit, SearchResult, Stats
from corpus_search.store import query as store_query
from corpus_search.store.schema import (
    FILTER_FIELDS,
    STORE_VERSION,
    UNDATED_END,
    UNDATED_START,
    make_schema,
)

META_FILE = "corpus.json"
INDEX_NAME = "corpus"
WRITE_LOCK_TIMEOUT = 10.0
FACET_SIZE = 20
SNIPPET_CHARS = 240

# alias(field, value) -> the canonical value a user means ("PRC" -> "China"), or None
AliasResolver = Callable[[str, str], "str | None"]


class Store:
    def __init__(self, path: Path, ix: index.Index) -> None:
        self.path = path
        self._ix = ix

    # -- opening -----------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, create: bool = False) -> Store:
        path = Path(path)
        meta_path = path / META_FILE
        if index.exists_in(str(path), indexname=INDEX_NAME):
            version = _read_meta(meta_path).get("store_version")
            if version != STORE_VERSION:
                raise IndexVersionError(
                    f"the corpus at {path} has store version {version}, this program "
                    f"reads version {STORE_VERSION}",
                    "rebuild it: ingest the sources again into a new --index folder",
                )
            return cls(path, index.open_dir(str(path), indexname=INDEX_NAME))
        if not create:
            raise IndexNotFoundError(
                f"no corpus at {path}",
                "run 'corpus-search ingest PATH' or 'corpus-search demo' first, or pass --index DIR",
            )
        try:
            path.mkdir(parents=True, exist_ok=True)
            ix = index.create_in(str(path), make_schema(), indexname=INDEX_NAME)
            meta_path.write_text(
                json.dumps({"store_version": STORE_VERSION, "engine": "whoosh"}, indent=2) + "\n",
                "utf-8",
            )
        except OSError as exc:
            raise InputError(f"cannot create a corpus at {path}: {exc.strerror or exc}") from None
        return cls(path, ix)

    # -- writing -----------------------------------------------------------------------

    def write(
        self,
        docs: Iterable[Document],
        batch_size: int = 500,
        on_commit: Callable[[int], None] | None = None,
    ) -> tuple[list[str], list[str], list[str]]:
        """Add or update documents by id, committing every ``batch_size`` documents (a
        killed process loses at most the batch in flight). Returns the ids (added,
        updated, skipped as unchanged)."""
        added: list[str] = []
        updated: list[str] = []
        skipped: list[str] = []
        batch: dict[str, Document] = {}

        def flush() -> None:
            if not batch:
                return
            writer = self._writer()
            try:
                with self._ix.searcher() as searcher:
                    for doc in batch.values():
                        stored = searcher.document(id=doc.id)
                        record = json.dumps(doc.to_dict(), ensure_ascii=False, sort_keys=True)
                        if stored is None:
                            added.append(doc.id)
                        elif stored.get("doc") == record:
                            skipped.append(doc.id)
                            continue
                        else:
                            updated.append(doc.id)
                        writer.update_document(**_fields(doc, record))
                writer.commit()
            except BaseException:
                writer.cancel()
                raise
            if on_commit:
                on_commit(len(batch))
            batch.clear()

        for doc in docs:
            if doc.id in batch:
                batch[doc.id] = doc  # the later version of a duplicate wins
                continue
            batch[doc.id] = doc
            if len(batch) >= batch_size:
                flush()
        flush()
        return added, updated, skipped

    def _writer(self) -> Any:
        try:
            return self._ix.writer(timeout=WRITE_LOCK_TIMEOUT)
        except LockError:
            raise IndexLockedError(
                f"another process is writing to the corpus at {self.path}",
                "wait for it to finish and try again",
            ) from None

    # -- reading -----------------------------------------------------------------------

    def count(self) -> int:
        return int(self._ix.doc_count())

    def get(self, doc_id: str) -> Document | None:
        """The document with this id, or with this unique id prefix (6+ characters)."""
        with self._ix.searcher() as searcher:
            stored = searcher.document(id=doc_id)
            if stored is None and len(doc_id) >= 6:
                matches = list(searcher.reader().expand_prefix("id", doc_id))
                if len(matches) == 1:
                    stored = searcher.document(id=_text(matches[0]))
            return _document(stored) if stored else None

    def search(self, query: Query, alias: AliasResolver) -> SearchResult:
        with self._ix.searcher() as searcher:
            resolve = _Resolver(searcher, alias)
            compiled = store_query.build(query, self._ix.schema, resolve)
            sortedby, reverse = _sorting(query.sort)
            limit = None if query.limit is None else query.offset + query.limit
            groups = {name: _facet(name) for name in query.facets}
            results = searcher.search(
                compiled,
                limit=1 if limit == 0 else limit,
                sortedby=sortedby,
                reverse=reverse,
                terms=True,
                groupedby=groups or None,
                maptype=sorting.Count,
            )
            total = len(results)
            results.highlighter = highlight.Highlighter(
                fragmenter=highlight.ContextFragmenter(maxchars=SNIPPET_CHARS, surround=70),
                formatter=_Marks(),
            )
            page = [] if limit == 0 else list(results)[query.offset : limit]
            hits = [_hit(h, bool(query.text)) for h in page]
            facets = {name: _top(results.groups(name), FACET_SIZE) for name in query.facets}
        return SearchResult(query=_describe(query), total=total, hits=hits, facets=facets)

    def iter_documents(self, query: Query, alias: AliasResolver) -> Iterator[Document]:
        """Every document the query matches, in its sort order, without paging."""
        with self._ix.searcher() as searcher:
            compiled = store_query.build(query, self._ix.schema, _Resolver(searcher, alias))
            sortedby, reverse = _sorting(query.sort)
            results = searcher.search(compiled, limit=None, sortedby=sortedby, reverse=reverse)
            for hit in results:
                yield _document(hit.fields())

    def stats(self, top: int = 10) -> Stats:
        with self._ix.searcher() as searcher:
            names = ("source", "year", "actor", "theme")
            results = searcher.search(
                wq.Every(),
                limit=1,
                groupedby={n: _facet(n) for n in names},
                maptype=sorting.Count,
            )
            sources = _top(results.groups("source"), None)
            years = sorted(results.groups("year").items())
            return Stats(
                path=str(self.path),
                documents=self.count(),
                sources=sources,
                years=[(str(y), int(c)) for y, c in years],
                actors=_top(results.groups("actor"), top),
                themes=_top(results.groups("theme"), top),
            )


# -- helpers ---------------------------------------------------------------------------


def _read_meta(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _clean(value: str) -> str:
    return " ".join(value.replace(",", " ").split())


def _fields(doc: Document, record: str) -> dict[str, Any]:
    published = doc.published
    fields: dict[str, Any] = {
        "id": doc.id,
        "title": doc.title or "",
        "subtitle": doc.subtitle or "",
        "body": doc.body,
        "actor": ",".join(_clean(a.name) for a in doc.actors),
        "theme": ",".join(_clean(t.id) for t in doc.themes),
        "author": ",".join(_clean(a.name) for a in doc.authors),
        "tag": ",".join(_clean(t) for t in doc.tags),
        "pub_start": day_number(published.first_day()) if published else UNDATED_START,
        "pub_end": day_number(published.last_day()) if published else UNDATED_END,
        "content_hash": doc.content_hash,
        "doc": record,
    }
    if doc.url:
        fields["url"] = doc.url
    if doc.source:
        fields["source"] = _clean(doc.source)
    if published:
        fields["year"] = f"{published.year:04d}"
    if doc.language:
        fields["language"] = doc.language
    return fields


def _document(stored: dict[str, Any]) -> Document:
    return Document.from_dict(json.loads(stored["doc"]))


def _text(value: Any) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def _facet(name: str) -> sorting.FieldFacet:
    field = FILTER_FIELDS[name]
    return sorting.FieldFacet(field, allow_overlap=field in ("actor", "theme", "author", "tag"))


def _top(counts: dict[Any, int], size: int | None) -> list[tuple[str, int]]:
    items = [(_text(k), int(v)) for k, v in counts.items() if k not in (None, "")]
    items.sort(key=lambda kv: (-kv[1], kv[0]))
    return items[:size] if size else items


def _sorting(sort: str) -> tuple[Any, bool]:
    if sort == "date":
        return "pub_start", False
    if sort == "-date":
        return "pub_start", True
    return None, False


def _describe(query: Query) -> dict[str, Any]:
    return {
        "text": query.text,
        "actors": query.actors,
        "themes": query.themes,
        "sources": query.sources,
        "authors": query.authors,
        "since": str(query.since) if query.since else None,
        "until": str(query.until) if query.until else None,
        "sort": query.sort,
        "limit": query.limit,
        "offset": query.offset,
    }


class _Marks(highlight.Formatter):
    """Wrap matched words in \x02...\x03 so the caller can find them in plain text."""

    between = " … "

    def format_token(self, text: str, token: Any, replace: bool = False) -> str:
        return "\x02" + highlight.get_text(text, token, replace) + "\x03"


_MARKED = re.compile("\x02(.*?)\x03", re.S)


def _hit(hit: Any, has_text: bool) -> Hit:
    doc = _document(hit.fields())
    snippet, matched = "", []
    if has_text and doc.body:
        marked = hit.highlights("body", text=doc.body, top=2) or ""
        matched = list(dict.fromkeys(m.lower() for m in _MARKED.findall(marked)))
        snippet = " ".join(marked.replace("\x02", "").replace("\x03", "").split())
    if not snippet:
        lead = doc.subtitle or doc.body
        snippet = " ".join(lead.split())[:SNIPPET_CHARS]
    return Hit(
        id=doc.id,
        url=doc.url,
        title=doc.display_title,
        source=doc.source,
        authors=doc.authors,
        published=str(doc.published) if doc.published else None,
        actors=[a.name for a in doc.actors],
        themes=[t.id for t in doc.themes],
        score=float(hit.score or 0.0),
        snippet=snippet,
        matched=matched,
    )


class _Resolver:
    """Map a user's value for a keyword field to the values the index holds: first the
    alias table (PRC -> China), then a case-insensitive match, then (sources and authors)
    a match on whole words ("meridian" -> "Meridian Institute for Strategic Studies")."""

    def __init__(self, searcher: Any, alias: AliasResolver) -> None:
        self._searcher = searcher
        self._alias = alias
        self._tables: dict[str, dict[str, list[str]]] = {}

    def _table(self, field: str) -> dict[str, list[str]]:
        if field not in self._tables:
            table: dict[str, list[str]] = {}
            for raw in self._searcher.lexicon(field):
                term = _text(raw)
                table.setdefault(term.casefold(), []).append(term)
            self._tables[field] = table
        return self._tables[field]

    def __call__(self, field: str, value: str) -> list[str]:
        value = " ".join(value.split())
        canonical = self._alias(field, value) or value
        table = self._table(field)
        for candidate in (canonical, value):
            found = table.get(candidate.casefold())
            if found:
                return found
        if field in ("source", "author"):
            words = value.casefold().split()
            return [
                term
                for key, terms in table.items()
                for term in terms
                if _contains_words(key.split(), words)
            ]
        return []


def _contains_words(haystack: list[str], needle: list[str]) -> bool:
    size = len(needle)
    return any(haystack[i : i + size] == needle for i in range(len(haystack) - size + 1))
