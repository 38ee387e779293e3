"""``Corpus``: the one door to corpus-search. The CLI and scripts call only this.

>>> from corpus_search import Corpus
>>> corpus = Corpus.open("index")
>>> result = corpus.search("nuclear", actors=["Russia"], since="2024")
>>> [hit.title for hit in result.hits]
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from corpus_search.document import Document
from corpus_search.errors import CorpusSearchError, DocumentNotFoundError, InputError
from corpus_search.query import Query
from corpus_search.results import IngestFailure, IngestReport, SearchResult, Stats

DEFAULT_INDEX = "index"
INDEX_ENV = "CORPUS_SEARCH_INDEX"


def default_index_path() -> Path:
    """``$CORPUS_SEARCH_INDEX`` if set, else ``./index``."""
    return Path(os.environ.get(INDEX_ENV) or DEFAULT_INDEX)


@dataclass
class IngestProgress:
    """What ``ingest`` reports as it goes: one call per file read and per batch committed."""

    files_done: int
    documents_done: int
    current: str | None


class Corpus:
    def __init__(
        self,
        store: Any,
        gazetteer_files: Sequence[str | Path] = (),
        taxonomy_files: Sequence[str | Path] = (),
    ) -> None:
        self._store = store
        self._gazetteer_files = list(gazetteer_files)
        self._taxonomy_files = list(taxonomy_files)

    @classmethod
    def open(
        cls,
        path: str | Path | None = None,
        create: bool = False,
        gazetteer_files: Sequence[str | Path] = (),
        taxonomy_files: Sequence[str | Path] = (),
    ) -> Corpus:
        """Open the corpus at ``path`` (default: ``default_index_path()``); with
        ``create=True`` make an empty one if there is none."""
        from corpus_search.store import Store

        store = Store.open(Path(path) if path else default_index_path(), create=create)
        return cls(store, gazetteer_files, taxonomy_files)

    @property
    def path(self) -> Path:
        return Path(self._store.path)

    def __len__(self) -> int:
        return self._store.count()

    # -- enrichment data (loaded on first use) ------------------------------------------

    @cached_property
    def enricher(self) -> Any:
        from corpus_search.enrich import Enricher

        return Enricher.load(self._gazetteer_files, self._taxonomy_files)

    def _alias(self, field: str, value: str) -> str | None:
        """The canonical name behind an actor alias or a theme label, for the store."""
        if field in ("actor", "key_actor"):
            actor = self.enricher.gazetteer.resolve(value)
            return actor.name if actor else None
        if field == "theme":
            theme = self.enricher.taxonomy.resolve(value)
            return theme.id if theme else None
        return None

    # -- writing ------------------------------------------------------------------------

    def ingest(
        self,
        paths: Iterable[str | Path],
        progress: Callable[[IngestProgress], None] | None = None,
    ) -> IngestReport:
        """Read files and folders (.html, .htm, .txt, .md, .jsonl), extract, enrich and
        index them. A file that fails is recorded in the report and the rest go on."""
        from corpus_search.extract import extract_file, iter_sources

        report = IngestReport()
        started = time.perf_counter()
        files_done = 0

        def documents() -> Iterator[Document]:
            nonlocal files_done
            for source in iter_sources(paths):
                if isinstance(source, CorpusSearchError):
                    report.failed.append(IngestFailure(_path_of(source), str(source)))
                    continue
                try:
                    extracted = extract_file(source)
                except CorpusSearchError as exc:
                    report.failed.append(IngestFailure(str(source), str(exc)))
                    extracted = []
                for item in extracted:
                    if isinstance(item, CorpusSearchError):
                        report.failed.append(IngestFailure(str(source), str(item)))
                    else:
                        yield item
                files_done += 1
                if progress:
                    progress(IngestProgress(files_done, 0, str(source)))

        self._add(documents(), report)
        report.seconds = time.perf_counter() - started
        return report

    def add(self, docs: Iterable[Document]) -> IngestReport:
        """Index Documents built by a script; those not yet enriched are enriched first."""
        report = IngestReport()
        started = time.perf_counter()
        self._add(iter(docs), report)
        report.seconds = time.perf_counter() - started
        return report

    def _add(self, docs: Iterator[Document], report: IngestReport) -> None:
        def enriched() -> Iterator[Document]:
            for doc in docs:
                yield doc if doc.enriched else self.enricher.enrich(doc)

        added, updated, skipped = self._store.write(enriched())
        report.added += len(added)
        report.updated += len(updated)
        report.skipped += len(skipped)
        report.added_ids.extend(added)

    def reindex(self, progress: Callable[[int], None] | None = None) -> IngestReport:
        """Re-enrich every stored document with the current gazetteer and taxonomy
        (including the user's own files), without the source files."""
        report = IngestReport()
        started = time.perf_counter()

        def redone() -> Iterator[Document]:
            for number, doc_id in enumerate(self._store.ids(), start=1):
                doc = self._store.get(doc_id)
                if doc is not None:
                    yield self.enricher.enrich(doc)
                if progress:
                    progress(number)

        added, updated, skipped = self._store.write(redone())
        report.added, report.updated, report.skipped = len(added), len(updated), len(skipped)
        report.seconds = time.perf_counter() - started
        return report

    # -- reading ------------------------------------------------------------------------

    def search(self, text: str | Query | None = "", **filters: Any) -> SearchResult:
        """Search with the query language and filters (see ``Query.build``): ``actors``,
        ``themes``, ``sources``, ``authors``, ``since``, ``until``, ``sort``, ``limit``,
        ``offset``, ``facets``."""
        query = text if isinstance(text, Query) else Query.build(text, **filters)
        return self._store.search(query, self._alias)

    def documents(self, text: str | Query | None = "", **filters: Any) -> Iterator[Document]:
        """Every matching document in full (for export), without paging."""
        query = text if isinstance(text, Query) else Query.build(text, **filters)
        return self._store.iter_documents(query, self._alias)

    def get(self, doc_id: str) -> Document:
        doc = self._store.get(doc_id.strip())
        if doc is None:
            raise DocumentNotFoundError(
                f"no document with id {doc_id!r}", "ids are listed by 'corpus-search search'"
            )
        return doc

    def stats(self) -> Stats:
        return self._store.stats()


def _path_of(error: CorpusSearchError) -> str:
    return error.message.split(": ", 1)[-1] if isinstance(error, InputError) else ""
