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
from typing import TYPE_CHECKING, Any

from corpus_search.document import Document
from corpus_search.errors import (
    CorpusSearchError,
    DocumentNotFoundError,
    InputError,
    InvalidFilterError,
)
from corpus_search.query import Query
from corpus_search.results import (
    ActorCount,
    CoMention,
    IngestFailure,
    IngestReport,
    SearchResult,
    Stats,
    Suggestion,
    Trend,
)

if TYPE_CHECKING:
    from corpus_search.crawl import CrawlOptions, CrawlProgress, CrawlReport
    from corpus_search.saved import SavedSearches
    from corpus_search.store import Store

DEFAULT_INDEX = "index"
INDEX_ENV = "CORPUS_SEARCH_INDEX"


def default_index_path() -> Path:
    """``$CORPUS_SEARCH_INDEX`` if set, else ``./index``."""
    return Path(os.environ.get(INDEX_ENV) or DEFAULT_INDEX)


def default_index_address() -> str | Path:
    """``$CORPUS_SEARCH_INDEX`` (a folder or a ``postgresql://`` address), else ``./index``."""
    from corpus_search.store import is_server_address

    value = os.environ.get(INDEX_ENV) or DEFAULT_INDEX
    return value if is_server_address(value) else Path(value)


@dataclass
class IngestProgress:
    """What ``ingest`` reports as it goes: one call per file read and per batch committed."""

    files_done: int
    documents_done: int
    current: str | None


class Corpus:
    """A corpus of documents: the one door the CLI and scripts use. ``Corpus.open(path)``
    opens one; its methods ingest, crawl, search, count and export, returning plain
    values from ``corpus_search.results`` and ``corpus_search.document``."""

    def __init__(
        self,
        store: Store,
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
        from corpus_search.store import is_server_address, open_store

        if not path:
            path = default_index_address()
        store = open_store(path if is_server_address(path) else Path(path), create=create)
        return cls(store, gazetteer_files, taxonomy_files)

    @property
    def path(self) -> Path:
        """The corpus folder."""
        return Path(self._store.path)

    @property
    def address(self) -> str:
        """Where the corpus is: its folder, or its server's address without a password."""
        return str(getattr(self._store, "address", None) or self._store.path)

    def __len__(self) -> int:
        return self._store.count()

    # -- enrichment data (loaded on first use) ------------------------------------------

    @cached_property
    def enricher(self) -> Any:
        from corpus_search.enrich import Enricher

        return Enricher.load(self._gazetteer_files, self._taxonomy_files)

    @cached_property
    def _aliases(self) -> Any:
        """The compiled alias table (``aliases.py``): the enricher's answers, saved in the
        corpus folder, so a query need not load the gazetteer."""
        from corpus_search.aliases import AliasTable

        return AliasTable.open(
            self.path, self._gazetteer_files, self._taxonomy_files, lambda: self.enricher
        )

    def _alias(self, field: str, value: str) -> str | None:
        """The canonical name behind an actor alias or a theme label, for the store."""
        if field in ("actor", "key_actor"):
            return self._aliases.actor(value)
        if field == "theme":
            return self._aliases.theme(value)
        return None

    # -- writing ------------------------------------------------------------------------

    def ingest(
        self,
        paths: Iterable[str | Path],
        progress: Callable[[IngestProgress], None] | None = None,
        jobs: int | None = None,
        keep_all: bool = False,
    ) -> IngestReport:
        """Read files and folders (.html, .htm, .txt, .md, .jsonl, .pdf, their .gz forms,
        .warc/.warc.gz), extract, enrich and index them, on ``jobs`` processes (default:
        every core; 1: this process). Every input is counted once in the report: added,
        updated, unchanged, not an article, unsupported, or failed with its reason; a
        record that fails never stops the batch. ``keep_all`` keeps pages judged not
        articles."""
        from corpus_search.pipeline import READ_AHEAD, default_jobs

        report = IngestReport()
        started = time.perf_counter()
        workers = self._workers(jobs or default_jobs(), read_ahead=READ_AHEAD)
        done = 0

        def outcomes() -> Iterator[Document]:
            nonlocal done
            for task, results in workers.map(_ingest_tasks(paths, keep_all, report)):
                for outcome in results:
                    yield from _route(outcome, report)
                done += 1
                if progress:
                    progress(IngestProgress(done, 0, task.name))

        try:
            # the index commits what it holds once the workers have the last tasks, so
            # that its commit overlaps their last pages
            self._write(outcomes(), report, flush=lambda: workers.draining)
        finally:
            workers.close(kill=True)
        report.jobs = workers.jobs if workers.used_processes else 1
        report.seconds = time.perf_counter() - started
        return report

    def _workers(self, jobs: int, read_ahead: int = 0, prompt: bool = False) -> Any:
        from corpus_search.pipeline import Workers

        return Workers(
            jobs,
            lambda: self.enricher,
            self._gazetteer_files,
            self._taxonomy_files,
            read_ahead=read_ahead,
            prompt=prompt,
        )

    def _write(
        self,
        docs: Iterator[Document],
        report: IngestReport,
        flush: Callable[[], bool] | None = None,
    ) -> None:
        """Index enriched documents; every one is counted once (a later copy of an id in
        the same batch replaces the earlier one: counted as updated)."""
        given = 0

        def counted() -> Iterator[Document]:
            nonlocal given
            for doc in docs:
                given += 1
                yield doc

        added, updated, skipped = self._store.write(counted(), flush=flush)
        report.added += len(added)
        report.updated += len(updated) + max(0, given - len(added) - len(updated) - len(skipped))
        report.skipped += len(skipped)
        report.added_ids.extend(added)

    def add(self, docs: Iterable[Document]) -> IngestReport:
        """Index Documents built by a script; those not yet enriched are enriched first.
        Text fields are cleaned of terminal escapes and control characters, as on ingest."""
        report = IngestReport()
        started = time.perf_counter()
        self._add((doc.sanitized() for doc in docs), report)
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

    def crawl(
        self,
        options: CrawlOptions,
        progress: Callable[[CrawlProgress], None] | None = None,
    ) -> CrawlReport:
        """Collect pages from site profiles or start URLs (see ``CrawlOptions``), keep
        every response as WARC under ``archive/`` and index the article pages. A re-run
        fetches only what is new or changed; state lives under ``crawl/``."""
        from corpus_search.crawl.crawler import run_crawl
        from corpus_search.pipeline import default_jobs

        workers = self._workers(options.jobs or default_jobs(), prompt=True)
        try:
            return run_crawl(self.path, self.add, options, progress, workers)
        finally:
            workers.close(kill=True)

    def reindex_from_archive(
        self, progress: Callable[[IngestProgress], None] | None = None, jobs: int | None = None
    ) -> IngestReport:
        """Re-extract every page kept in ``archive/`` (offline, nothing is fetched) and
        index it: documents whose extraction changed are updated."""
        from corpus_search.crawl.archive import archive_files

        files = archive_files(self.path)
        if not files:
            raise InputError(
                f"no WARC archive in {self.path / 'archive'}",
                "crawl first, or ingest WARC files with 'corpus-search ingest FILE.warc.gz'",
            )
        return self.ingest(files, progress=progress, jobs=jobs)

    def reindex(
        self, progress: Callable[[int], None] | None = None, jobs: int | None = None
    ) -> IngestReport:
        """Re-enrich every stored document with the current gazetteer and taxonomy
        (including the user's own files), without the source files, on ``jobs``
        processes. A document that cannot be re-tagged is reported and kept as it was."""
        import dataclasses

        from corpus_search.pipeline import READ_AHEAD, Task, default_jobs

        report = IngestReport()
        started = time.perf_counter()
        workers = self._workers(jobs or default_jobs(), read_ahead=READ_AHEAD)

        def tasks() -> Iterator[Any]:
            for doc_id in self._store.ids():
                try:
                    doc = self._store.get(doc_id)
                except CorpusSearchError:
                    raise  # a damaged corpus stops the run
                except Exception as exc:
                    reason = f"internal error: {type(exc).__name__}: {str(exc)[:200]}"
                    report.failed.append(IngestFailure(doc_id, reason))
                    continue
                if doc is not None:
                    yield Task(
                        "document", doc_id, document=dataclasses.replace(doc, enriched=False)
                    )

        def redone() -> Iterator[Document]:
            for number, (_task, outcomes) in enumerate(workers.map(tasks()), start=1):
                for outcome in outcomes:
                    yield from _route(outcome, report)
                if progress:
                    progress(number)

        try:
            self._write(redone(), report, flush=lambda: workers.draining)
        finally:
            workers.close(kill=True)
        report.jobs = workers.jobs if workers.used_processes else 1
        report.seconds = time.perf_counter() - started
        return report

    def copy_to(self, dest: Corpus, progress: Callable[[int], None] | None = None) -> IngestReport:
        """Copy every document, as stored, into ``dest`` (another store: a folder or a
        server) and the saved searches with them. Nothing is re-extracted or re-tagged.
        Ids are keys and unchanged documents are skipped, so a re-run after an
        interruption adds what is missing and leaves the rest: the copy is resumable.
        ``progress`` gets the number of documents read so far."""
        if _same_place(self.address, dest.address):
            raise InputError(
                f"cannot copy a corpus onto itself ({self.address})",
                "name two different folders or servers",
            )
        report = IngestReport()
        started = time.perf_counter()
        read = 0

        def documents() -> Iterator[Document]:
            nonlocal read
            for doc in self._store.iter_documents(Query.build("", limit=None), self._alias):
                read += 1
                if progress and read % 500 == 0:
                    progress(read)
                yield doc

        added, updated, skipped = dest._store.write(documents())
        report.added, report.updated, report.skipped = len(added), len(updated), len(skipped)
        for search in self.saved.list():
            dest.saved.put(search)
        if progress:
            progress(read)
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
        """The document with this id, or a unique prefix of one; ``DocumentNotFoundError``
        otherwise."""
        doc = self._store.get(doc_id.strip())
        if doc is None:
            raise DocumentNotFoundError(
                f"no document with id {doc_id!r}", "ids are listed by 'corpus-search search'"
            )
        return doc

    def stats(self) -> Stats:
        """What the corpus holds (``corpus-search stats``)."""
        return self._store.stats()

    def actor_names(self) -> list[str]:
        """The actors the corpus mentions, most documents first: names only, without
        loading the gazetteer (for shell completion and pickers)."""
        _, counts, _ = self._store.actor_counts()
        return sorted(counts, key=lambda name: (-counts[name], name))

    def theme_ids(self) -> list[str]:
        """Every theme id a filter accepts, from the compiled alias table."""
        return sorted(set(self._aliases.theme_ids.values()))

    def actors(self, type: str | None = None, limit: int | None = None) -> list[ActorCount]:
        """Every actor the corpus mentions with its document counts, most documents
        first; ``type`` keeps one of country, person, organization, group."""
        _, counts, key = self._store.actor_counts()
        rows = []
        for name, documents in counts.items():
            kind, code = self._actor_type(name)
            if type is None or kind == type:
                rows.append(ActorCount(name, kind, code, documents, key.get(name, 0)))
        rows.sort(key=lambda r: (-r.documents, r.name))
        return rows[:limit] if limit else rows

    def co_mentioned(
        self,
        actor: str,
        type: str | None = None,
        min_together: int = 2,
        limit: int | None = None,
    ) -> tuple[ActorCount, list[CoMention]]:
        """The actors most often mentioned with ``actor`` (an alias works: "Kremlin"),
        ranked by lift, so that actors every document names do not crowd the list; only
        actors sharing at least ``min_together`` documents are kept."""
        import math

        total, counts, key = self._store.actor_counts()
        name = self._alias("actor", actor) or actor
        if name not in counts:
            found = next((n for n in counts if n.casefold() == name.casefold()), None)
            if found is None:
                raise InputError(
                    f"no document mentions the actor {actor!r}",
                    "'corpus-search actors' lists the actors the corpus mentions",
                )
            name = found
        kind, code = self._actor_type(name)
        base = ActorCount(name, kind, code, counts[name], key.get(name, 0))
        with_this, together = self._store.co_mentions(name)
        rows = []
        for other, both in together.items():
            other_kind, other_code = self._actor_type(other)
            if both < min_together or (type is not None and other_kind != type):
                continue
            lift = both * total / (with_this * counts[other]) if counts.get(other) else 0.0
            rows.append(
                CoMention(
                    other,
                    other_kind,
                    other_code,
                    both,
                    counts.get(other, both),
                    lift,
                    math.log2(lift) if lift > 0 else float("-inf"),
                )
            )
        rows.sort(key=lambda r: (-r.lift, -r.together, r.name))
        return base, rows[:limit] if limit else rows

    def _actor_type(self, name: str) -> tuple[str | None, str | None]:
        """(type, code) from the gazetteer, else from a stored document that names it."""
        actor = self.enricher.gazetteer.actors.get(name)
        if actor is not None:
            return actor.type, actor.code
        result: tuple[str | None, str | None] = self._store.actor_type(name)
        return result

    # -- exploring ----------------------------------------------------------------------

    def explain(self, text: str | Query | None = "", **filters: Any) -> dict[str, Any]:
        """How a query is understood: the parsed query, each actor/theme/source value and
        what it resolved to, date ranges as days, the weighted text fields, the total."""
        query = text if isinstance(text, Query) else Query.build(text, **filters)
        return dict(self._store.explain(query, self._alias))

    def trend(
        self,
        text: str | Query | None = "",
        by: str = "year",
        split: str | None = None,
        top: int = 5,
        **filters: Any,
    ) -> Trend:
        """Matching documents counted per ``by`` (year or month), one series per top
        actor, theme or source with ``split``."""
        from corpus_search.store.whoosh.explore import TREND_BY, TREND_SPLIT

        if by not in TREND_BY:
            raise InvalidFilterError(f"unknown period {by!r}", "use --by year or --by month")
        if split is not None and split not in TREND_SPLIT:
            raise InvalidFilterError(
                f"cannot split by {split!r}", f"use one of: {', '.join(TREND_SPLIT)}"
            )
        query = text if isinstance(text, Query) else Query.build(text, **filters)
        result: Trend = self._store.trend(query, self._alias, by, split, top)
        return result

    def similar(self, doc_id: str, text: str | Query | None = "", **filters: Any) -> SearchResult:
        """Documents like ``doc_id`` (more-like-this), narrowed by a query and filters."""
        query = text if isinstance(text, Query) else Query.build(text, **filters)
        return self._store.similar(doc_id.strip(), query, self._alias)

    def suggest(self, text: str | Query | None = "", **filters: Any) -> Suggestion | None:
        """ "Did you mean": a close spelling of the query that finds documents, or None."""
        query = text if isinstance(text, Query) else Query.build(text, **filters)
        result: Suggestion | None = self._store.suggest(query, self._alias)
        return result

    def matched_words(self, text: str, query_text: str) -> list[str]:
        """The words of ``text``, as written, that ``query_text`` matches (for highlighting)."""
        return list(self._store.matched_words(text, query_text, self._alias))

    # -- saved searches (in the corpus folder, or in a server's database) ---------------------------------------

    @cached_property
    def saved(self) -> SavedSearches:
        """Saved searches: ``add``, ``remove``, ``list``, and ``run`` (``new_only``)."""
        from corpus_search.saved import SavedSearches

        shared = getattr(self._store, "saved_searches", None)
        return SavedSearches(self, shared() if callable(shared) else None)

    # -- upkeep -------------------------------------------------------------------------

    def check(self) -> Any:
        """A ``CheckReport``: every stored document opened and verified."""
        return self._store.check()

    @staticmethod
    def repair(path: str | Path | None = None) -> Any:
        """Rebuild the corpus at ``path`` from every document that can still be read, even
        when it no longer opens; returns a ``CheckReport`` with ``recovered`` and ``lost``."""
        from corpus_search.store import repair_store

        return repair_store(path or default_index_address())


def _same_place(one: str, other: str) -> bool:
    if "://" in one or "://" in other:
        return one == other
    return Path(one).resolve() == Path(other).resolve()


def _path_of(error: CorpusSearchError) -> str:
    return error.message.split(": ", 1)[-1] if isinstance(error, InputError) else ""


def _ingest_tasks(
    paths: Iterable[str | Path], keep_all: bool, report: IngestReport
) -> Iterator[Any]:
    """The records under ``paths`` as pipeline tasks: a file, each response of a WARC,
    each line of a JSONL file. What cannot become a task (a missing path, an unsupported
    type, a damaged WARC, a JSONL line that is not a record) goes to ``report``."""
    from corpus_search.extract import (
        JSONL_SUFFIXES,
        WARC_SUFFIXES,
        extract_file,
        iter_sources,
        suffix_of,
    )
    from corpus_search.pipeline import Task

    for source in iter_sources(paths):
        name = str(source.path)
        if source.error is not None:
            report.failed.append(IngestFailure(_path_of(source.error), str(source.error), True))
            continue
        if source.unsupported is not None:
            reason = f"unsupported file type {source.unsupported}"
            report.unsupported.append(IngestFailure(name, reason, source.named))
            continue
        suffix = suffix_of(source.path)
        try:
            if suffix in WARC_SUFFIXES:
                from corpus_search.extract.warc import PAGE_TYPES, warc_records

                for record in warc_records(source.path):
                    if isinstance(record, InputError):
                        report.failed.append(IngestFailure(name, str(record), source.named))
                    elif record.content_type not in PAGE_TYPES:
                        what = f"content type {record.content_type or '(none)'}"
                        report.unsupported.append(IngestFailure(record.url, what))
                    elif not 200 <= record.status < 300:
                        what = f"HTTP {record.status} response"
                        report.not_articles.append(IngestFailure(record.url, what))
                    else:
                        yield Task("capture", record.url, capture=record, keep_all=keep_all)
            elif suffix in JSONL_SUFFIXES or suffix in {s + ".gz" for s in JSONL_SUFFIXES}:
                for item in extract_file(source.path):
                    if isinstance(item, CorpusSearchError):
                        report.failed.append(IngestFailure(name, str(item), source.named))
                    else:
                        yield Task("document", name, document=item, named=source.named)
            else:
                yield Task("file", name, path=name, keep_all=keep_all, named=source.named)
        except CorpusSearchError as exc:
            report.failed.append(IngestFailure(name, str(exc), source.named))
        except Exception as exc:  # an internal error reading one file: the batch goes on
            reason = f"internal error: {type(exc).__name__}: {str(exc)[:200]}"
            report.failed.append(IngestFailure(name, reason, source.named))


def _route(outcome: Any, report: IngestReport) -> Iterator[Document]:
    """A document to index, or the report line of what was left out."""
    if outcome.kind == "document":
        yield outcome.document
    elif outcome.kind == "not-article":
        report.not_articles.append(IngestFailure(outcome.name, outcome.reason, outcome.named))
    elif outcome.kind == "unsupported":
        report.unsupported.append(IngestFailure(outcome.name, outcome.reason, outcome.named))
    else:
        report.failed.append(IngestFailure(outcome.name, outcome.reason, outcome.named))
