"""``WhooshStore``: open or create the index directory; reads and writes go to ``writer``
and ``searcher``."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from whoosh import index

from corpus_search.document import Document
from corpus_search.errors import (
    IndexDamagedError,
    IndexNotFoundError,
    IndexVersionError,
    InputError,
)
from corpus_search.query import Query
from corpus_search.results import SearchResult, Stats
from corpus_search.store.whoosh import searcher
from corpus_search.store.whoosh.schema import STORE_VERSION, make_schema
from corpus_search.store.whoosh.searcher import AliasResolver

if TYPE_CHECKING:  # writing and checking load on first use: a search needs neither
    from corpus_search.store.whoosh import check as check_module

META_FILE = "corpus.json"
INDEX_NAME = "corpus"


class WhooshStore:
    def __init__(self, path: Path, ix: index.Index) -> None:
        self.path = path
        self._ix = ix

    # -- opening -----------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, create: bool = False) -> WhooshStore:
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
            try:
                return cls(path, index.open_dir(str(path), indexname=INDEX_NAME))
            except Exception as exc:  # whoosh raises assorted errors on damaged files
                raise IndexDamagedError(
                    f"the corpus at {path} cannot be opened ({type(exc).__name__}: {exc})",
                    "run 'corpus-search repair' to rebuild it from what can be read",
                ) from None
        if not create:
            raise IndexNotFoundError(
                f"no corpus at {path}",
                "run 'corpus-search ingest PATH' or 'corpus-search demo' first, or pass --index DIR",
            )
        try:
            path.mkdir(parents=True, exist_ok=True)
            # The version file first: a process killed between the two steps leaves a
            # folder that is simply created again, never an index without its version.
            write_meta(path)
            ix = index.create_in(str(path), make_schema(), indexname=INDEX_NAME)
        except OSError as exc:
            raise InputError(f"cannot create a corpus at {path}: {exc.strerror or exc}") from None
        return cls(path, ix)

    @classmethod
    def repair(cls, path: str | Path) -> check_module.CheckReport:
        """Rebuild the index from every document that can still be read; the old index
        files are kept in ``.damaged-<date>/`` inside the folder."""
        from corpus_search.store.whoosh import check as check_module

        path = Path(path)
        docs, claimed, problems = check_module.salvage(path, INDEX_NAME)
        aside = check_module.move_aside(path, INDEX_NAME)
        store = cls.open(path, create=True)
        store.write(docs)
        report = check_module.CheckReport(
            path=str(path), documents=store.count(), readable=len(docs), problems=problems
        )
        report.recovered = len(docs)
        report.lost = max(0, claimed - len(docs))
        if problems:
            report.problems.append(f"old index files kept in {aside}")
        return report

    def check(self) -> check_module.CheckReport:
        from corpus_search.store.whoosh import check as check_module

        return check_module.check(self._ix, self.path)

    # -- writing -----------------------------------------------------------------------

    def write(
        self,
        docs: Iterable[Document],
        batch_size: int = 500,
        on_commit: Callable[[int], None] | None = None,
        flush: Callable[[], bool] | None = None,
    ) -> tuple[list[str], list[str], list[str]]:
        from corpus_search.store.whoosh import writer

        return writer.write_documents(self._ix, self.path, docs, batch_size, on_commit, flush)

    # -- reading -----------------------------------------------------------------------

    def count(self) -> int:
        return searcher.count(self._ix)

    def ids(self) -> list[str]:
        return searcher.all_ids(self._ix)

    def get(self, doc_id: str) -> Document | None:
        return searcher.get(self._ix, doc_id)

    def search(self, query: Query, alias: AliasResolver) -> SearchResult:
        return searcher.search(self._ix, query, alias)

    def iter_documents(self, query: Query, alias: AliasResolver) -> Iterator[Document]:
        return searcher.iter_documents(self._ix, query, alias)

    def stats(self) -> Stats:
        return searcher.stats(self._ix, self.path)

    def actor_counts(self) -> tuple[int, dict[str, int], dict[str, int]]:
        from corpus_search.store.whoosh import actors

        return actors.document_counts(self._ix)

    def co_mentions(self, actor: str) -> tuple[int, dict[str, int]]:
        from corpus_search.store.whoosh import actors

        return actors.co_mentions(self._ix, actor)

    def actor_type(self, actor: str) -> tuple[str | None, str | None]:
        from corpus_search.store.whoosh import actors

        return actors.described(self._ix, actor)

    # -- exploring (store/explore.py) ---------------------------------------------------

    def explain(self, query: Query, alias: AliasResolver) -> dict[str, Any]:
        from corpus_search.store.whoosh import explore

        return explore.explain(self._ix, query, alias)

    def trend(
        self, query: Query, alias: AliasResolver, by: str, split: str | None, top: int
    ) -> Any:
        from corpus_search.store.whoosh import explore

        return explore.trend(self._ix, query, alias, by, split, top)

    def similar(self, doc_id: str, query: Query, alias: AliasResolver) -> SearchResult:
        from corpus_search.store.whoosh import explore

        return explore.similar(self._ix, doc_id, query, alias)

    def suggest(self, query: Query, alias: AliasResolver) -> Any:
        from corpus_search.store.whoosh import explore

        return explore.suggest(self._ix, query, alias)

    def matched_words(self, text: str, query_text: str, alias: AliasResolver) -> list[str]:
        from corpus_search.store.whoosh import explore

        return explore.matched_words(self._ix, text, query_text, alias)


def write_meta(folder: Path) -> None:
    """Write ``corpus.json`` atomically (a temporary file renamed over the old one)."""
    data = json.dumps({"store_version": STORE_VERSION, "engine": "whoosh"}, indent=2) + "\n"
    temporary = folder / f".{META_FILE}.tmp"
    temporary.write_text(data, "utf-8")
    os.replace(temporary, folder / META_FILE)


def _read_meta(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
