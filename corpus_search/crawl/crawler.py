"""The crawl: discover → fetch → archive → extract → index, with state for re-runs.

``run_crawl(corpus, options)`` is what ``Corpus.crawl`` calls. Discovery runs first, in
the calling thread (sitemaps, feeds, API pages and listings are few); page fetches then
run on up to ``concurrency`` threads, one per host, so a host never sees two requests at
once. Every response is written to the WARC archive as it arrives; article pages are
extracted and indexed in batches, and a batch is recorded in the crawl state only after
the index has committed it (see ``state.py``).
"""

from __future__ import annotations

import queue
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corpus_search.crawl.archive import ARCHIVE_DIR, WarcArchive
from corpus_search.crawl.discover import Candidate, Discoverer, DiscoveryLog, parse_any
from corpus_search.crawl.fetch import Fetcher, FetchError, FetchLimits, Response
from corpus_search.crawl.options import CrawlOptions, CrawlProgress, CrawlReport
from corpus_search.crawl.state import CrawlState, PageState
from corpus_search.crawl.urls import Scope, host_of, normalize, url_key
from corpus_search.document import Document
from corpus_search.errors import CorpusSearchError, InputError

if TYPE_CHECKING:
    import re

    from corpus_search.pipeline import Outcome, Task, Workers
    from corpus_search.sites import Profile

MAX_REFUSALS = 3  # consecutive anti-bot/403 answers after which a host is left alone


@dataclass
class Plan:
    """One thing to crawl: a profile, or a start URL in generic mode."""

    label: str
    profile: Profile | None = None
    url: str | None = None
    candidates: list[Candidate] = field(default_factory=list)

    @property
    def patterns(self) -> list[re.Pattern[str]] | None:
        return list(self.profile.patterns) if self.profile else None

    def is_article(self, url: str) -> bool:
        if self.profile is not None:
            norm = normalize(url)
            return bool(norm) and self.profile.is_article_url(norm or url)
        return True


def _profiles(options: CrawlOptions) -> list[Profile]:
    from corpus_search.sites import Profile, get_profile

    return [s if isinstance(s, Profile) else get_profile(s) for s in options.sites]


def run_crawl(
    index: Path,
    add: Callable[[list[Document]], Any],
    options: CrawlOptions,
    progress: Callable[[CrawlProgress], None] | None = None,
    workers: Workers | None = None,
) -> CrawlReport:
    """Crawl into the corpus at ``index``; ``add`` indexes a batch of Documents and
    returns an IngestReport (``Corpus.add``). ``workers`` extract and tag the fetched
    pages (``pipeline.Workers``; None: in this process, tagged by ``add``)."""
    if not options.sites and not options.urls:
        raise InputError("nothing to crawl", "name a site profile or give --url URL")
    started = time.perf_counter()
    report = CrawlReport()
    profiles = _profiles(options)
    plans = [Plan(p.name, profile=p) for p in profiles]
    for url in options.urls:
        norm = normalize(url)
        if norm is None:
            raise InputError(
                f"cannot crawl {url!r}: only http:// and https:// URLs can be crawled",
                "for local files use 'corpus-search ingest'",
            )
        plans.append(Plan(norm, url=norm))
    starts = [s.url for p in profiles for s in p.discovery] + [p.url for p in plans if p.url]
    scope = Scope.for_urls(
        starts, extra_hosts=[h for p in profiles for h in p.hosts], resolver=options.resolver
    )
    limits = FetchLimits(
        delay=options.delay if options.delay is not None else 1.0,
        user_agent=options.user_agent or FetchLimits.user_agent,
        connect_timeout=options.connect_timeout,
        total_timeout=options.timeout,
        max_bytes=options.max_bytes,
        max_redirects=options.max_redirects,
        retries=options.retries,
        backoff=options.backoff,
        max_retry_after=options.max_retry_after,
    )
    host_delays: dict[str, float] = {}
    if options.delay is None:
        for profile in profiles:
            for host in profile.hosts:
                host_delays[host] = max(host_delays.get(host, 0.0), profile.delay)
    state = CrawlState(index)
    archive = WarcArchive(index / ARCHIVE_DIR)
    fetcher = Fetcher(limits, scope, host_delays=host_delays, record=archive.write)
    log = DiscoveryLog()
    try:
        _discover(plans, fetcher, archive, state, options, log, report, progress)
        todo = _select(plans, state, options, report)
        if options.dry_run:
            report.would_fetch = [c.url for _, c in todo]
        else:
            _fetch_all(todo, fetcher, archive, state, add, options, report, progress, workers)
    finally:
        fetcher.close()
        archive.close()
        state.close()
        report.sources = [s.__dict__ for s in log.sources]
        report.notes.extend(log.stopped)
        report.requests = len(fetcher.requests)
        report.archive = str(archive.path) if archive.path else None
        report.seconds = time.perf_counter() - started
    return report


# -- discovery ------------------------------------------------------------------------------


def _discover(
    plans: list[Plan],
    fetcher: Fetcher,
    archive: WarcArchive,
    state: CrawlState,
    options: CrawlOptions,
    log: DiscoveryLog,
    report: CrawlReport,
    progress: Callable[[CrawlProgress], None] | None,
) -> None:
    since = options.since_date

    def known(url: str) -> bool:
        return not options.refresh and state.is_done(url_key(url))

    for plan in plans:
        discoverer = Discoverer(
            fetcher,
            plan.is_article,
            archive.write,
            since=since,
            log=log,
            max_listing_pages=options.max_listing_pages,
        )
        seen: set[str] = set()

        def take(found: Iterator[Candidate], plan: Plan = plan, seen: set[str] = seen) -> int:
            count = 0
            for candidate in found:
                norm = normalize(candidate.url)
                if norm is None or not fetcher.scope.allows(norm):
                    continue
                key = url_key(norm)
                if key in seen:
                    continue
                seen.add(key)
                candidate.url = norm
                plan.candidates.append(candidate)
                count += 1
                report.found += 1
                if progress:
                    progress(report.progress(f"discovering {plan.label}"))
            return count

        if plan.profile is not None:
            for source in plan.profile.discovery:
                if take(discoverer.run(source.kind, source.url)):
                    break  # the first source that works is used; the rest are fallbacks
        else:
            assert plan.url is not None
            try:
                take(_generic(plan.url, fetcher, discoverer, archive, known))
            except Exception as exc:  # an internal error ends this start URL, not the crawl
                reason = f"internal error: {type(exc).__name__}: {str(exc)[:200]}"
                from corpus_search.crawl.discover import SourceResult

                log.sources.append(SourceResult("url", plan.url, error=reason))
        for result in log.sources:
            if result.blocked and result.url not in {u for u, _ in report.blocked}:
                report.blocked.append((result.url, result.error or "refused"))


def _generic(
    url: str,
    fetcher: Fetcher,
    discoverer: Discoverer,
    archive: WarcArchive,
    known: Callable[[str], bool],
) -> Iterator[Candidate]:
    """Any URL: a sitemap, a feed, a WP API page, an article, or a site/listing page (then
    the sitemaps robots.txt names, else the page's feeds, else its links and pagination)."""
    from corpus_search.crawl.discover import is_sitemap_url
    from corpus_search.extract.warc import decode_html
    from corpus_search.sites.pages import inspect_page, looks_like_article_url

    result = discoverer.log.sources
    if known(url) or (looks_like_article_url(url) and not is_sitemap_url(url)):
        # An article's URL (or one fetched before): a page to fetch, not to explore.
        yield Candidate(url, None, "page")
        return
    try:
        response = fetcher.fetch(url, kinds=("html", "feed"))
    except FetchError as exc:
        from corpus_search.crawl.discover import SourceResult

        result.append(SourceResult("url", url, error=exc.reason, blocked=exc.blocked))
        return
    archive.write(response)
    discoverer.log.pages_seen += 1
    kind = None
    try:
        parsed = parse_any(response.body)
    except ValueError:
        parsed = None
    if parsed is not None:
        kind, entries = parsed
        if kind == "sitemap-index":
            yield from discoverer.run("sitemap", url, first=response)
            return
        for link, when in entries:
            if discoverer._keep(when):
                yield Candidate(link, when, kind)
        return
    html = decode_html(response.body, response.charset)
    info = inspect_page(html, response.url)
    if info.kind == "article":
        yield Candidate(url, None, "page", response=response)
        return
    if info.kind == "antibot":
        from corpus_search.crawl.discover import SourceResult

        result.append(SourceResult("url", url, error=info.reason, blocked=True))
        return
    from urllib.parse import urlsplit

    robots = fetcher.robots(url)
    at_root = urlsplit(response.url).path in ("", "/")
    # A site's home page: its sitemaps. A deeper page (a listing): that page's own feeds,
    # else its links and pagination.
    sitemaps = list(robots.sitemaps) if robots is not None and at_root else []
    found = 0
    for sitemap in sitemaps:
        for candidate in discoverer.run("sitemap", sitemap):
            found += 1
            yield candidate
    if found:
        return
    for feed in info.feeds:
        for candidate in discoverer.run("feed", feed):
            found += 1
            yield candidate
    if found:
        return
    article_like = Discoverer(
        fetcher,
        looks_like_article_url,
        archive.write,
        since=discoverer.since,
        log=discoverer.log,
        max_listing_pages=discoverer.max_listing_pages,
    )
    yield from article_like.run("listing", response.url, first=response)


def _select(
    plans: list[Plan], state: CrawlState, options: CrawlOptions, report: CrawlReport
) -> list[tuple[Plan, Candidate]]:
    """The candidates to fetch: not fetched before (unless --refresh, or the source dates
    them after our fetch), at most --max-pages."""
    todo: list[tuple[Plan, Candidate]] = []
    seen: set[str] = set()
    for plan in plans:
        for candidate in plan.candidates:
            key = url_key(candidate.url)
            if key in seen:
                continue
            seen.add(key)
            if not options.refresh and state.is_done(key, candidate.lastmod):
                report.skipped += 1
                continue
            if options.max_pages is not None and len(todo) >= options.max_pages:
                report.left += 1
                continue
            todo.append((plan, candidate))
    return todo


# -- fetching ----------------------------------------------------------------------------


@dataclass
class _Outcome:
    plan: Plan
    candidate: Candidate
    response: Response | None = None
    error: FetchError | None = None


def _fetch_all(
    todo: list[tuple[Plan, Candidate]],
    fetcher: Fetcher,
    archive: WarcArchive,
    state: CrawlState,
    add: Callable[[list[Document]], Any],
    options: CrawlOptions,
    report: CrawlReport,
    progress: Callable[[CrawlProgress], None] | None,
    workers: Workers | None = None,
) -> None:
    by_host: dict[str, list[tuple[Plan, Candidate]]] = defaultdict(list)
    for item in todo:
        host = host_of(item[1].url)
        by_host[host[4:] if host.startswith("www.") else host].append(item)
    results: queue.Queue[_Outcome | None] = queue.Queue()
    conditional: dict[str, dict[str, str]] = {}
    for _, candidate in todo:
        known = state.get(url_key(candidate.url))
        headers: dict[str, str] = {}
        if known is not None and known.outcome in ("indexed", "duplicate", "not-article"):
            if known.etag:
                headers["If-None-Match"] = known.etag
            if known.last_modified:
                headers["If-Modified-Since"] = known.last_modified
        conditional[candidate.url] = headers

    def work(items: list[tuple[Plan, Candidate]]) -> None:
        refusals = 0
        try:
            for plan, candidate in items:
                if fetcher.stopped.is_set():
                    return
                if candidate.response is not None:  # fetched while discovering
                    results.put(_Outcome(plan, candidate, response=candidate.response))
                    continue
                if refusals >= MAX_REFUSALS:
                    results.put(
                        _Outcome(
                            plan,
                            candidate,
                            error=FetchError(
                                candidate.url,
                                f"not fetched: the host refused {MAX_REFUSALS} requests in a row",
                                blocked=True,
                            ),
                        )
                    )
                    continue
                try:
                    response = fetcher.fetch(candidate.url, headers=conditional[candidate.url])
                    results.put(_Outcome(plan, candidate, response=response))
                    refusals = 0
                except FetchError as exc:
                    refused = exc.blocked or exc.status == 429
                    refusals = refusals + 1 if refused else 0
                    results.put(_Outcome(plan, candidate, error=exc))
        finally:
            results.put(None)

    batch = _Batch(state, add, report, options.batch_size)
    count = max(1, min(options.concurrency, len(by_host)))
    pool = ThreadPoolExecutor(max_workers=count, thread_name_prefix="crawl")
    running = len(by_host)
    from corpus_search.pipeline import Workers, run_task

    if workers is None:
        workers = Workers(1, _NoEnricher)

    def tasks() -> Iterator[Task]:
        """Fetched pages as extraction tasks; failures and 304s are settled here."""
        nonlocal running
        while running:
            outcome = results.get()
            if outcome is None:
                running -= 1
                continue
            task = _guarded(
                outcome, batch, report, partial(_prepare, outcome, archive, batch, report)
            )
            if task is not None:
                yield task
            elif progress:
                progress(report.progress(outcome.candidate.url))

    try:
        for items in by_host.values():
            pool.submit(work, items)
        for task, outcomes in workers.map(tasks()):
            outcome, row = task.context
            _guarded(
                outcome, batch, report, partial(_finish, outcome, row, outcomes, batch, report)
            )
            if progress:
                progress(report.progress(outcome.candidate.url))
        batch.flush()
    except BaseException:
        # Ctrl-C or a failure: stop the fetching and the workers, and keep every page
        # already downloaded (those waiting in the queue too, extracted here); a second
        # Ctrl-C cuts this short.
        fetcher.stopped.set()
        for task in workers.abandon():
            outcome, row = task.context
            outcomes = run_task(task, _NoEnricher())
            _guarded(
                outcome, batch, report, partial(_finish, outcome, row, outcomes, batch, report)
            )
        while True:
            try:
                outcome = results.get_nowait()
            except queue.Empty:
                break
            if outcome is not None and outcome.response is not None:
                _handle(outcome, archive, batch, report)
        batch.flush()
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _guarded(outcome: _Outcome, batch: _Batch, report: CrawlReport, step: Callable[[], Any]) -> Any:
    """Run one page's step; an internal error fails that page, never the crawl."""
    try:
        return step()
    except CorpusSearchError as exc:
        if isinstance(exc, InputError):
            _fail(outcome, batch, report, str(exc))
            return None
        raise  # the corpus's own errors (cannot write, locked) stop the crawl
    except Exception as exc:
        _fail(outcome, batch, report, f"internal error: {type(exc).__name__}: {str(exc)[:200]}")
        return None


def _fail(outcome: _Outcome, batch: _Batch, report: CrawlReport, reason: str) -> None:
    url = outcome.candidate.url
    report.failed.append((url, reason))
    batch.record(PageState(url_key(url), url, "failed", reason=reason))


def _handle(outcome: _Outcome, archive: WarcArchive, batch: _Batch, report: CrawlReport) -> None:
    """Settle one fetched page in this process (extraction included)."""
    task = _guarded(outcome, batch, report, partial(_prepare, outcome, archive, batch, report))
    if task is not None:
        from corpus_search.pipeline import run_task

        outcomes = run_task(task, _NoEnricher())
        _, row = task.context
        _guarded(outcome, batch, report, partial(_finish, outcome, row, outcomes, batch, report))


class _NoEnricher:
    """Pages extracted in this process are tagged by ``add`` (``Corpus.add``)."""

    def enrich(self, doc: Document) -> Document:
        return doc


def _prepare(
    outcome: _Outcome, archive: WarcArchive, batch: _Batch, report: CrawlReport
) -> Task | None:
    """A fetched page's extraction task, or None when the page is settled already (a
    fetch error, a 304 answer)."""
    from corpus_search.extract.warc import PDF_TYPE, Capture
    from corpus_search.pipeline import Task

    url = outcome.candidate.url
    key = url_key(url)
    if outcome.error is not None:
        error = outcome.error
        report.failed.append((url, error.reason))
        if error.blocked:
            report.blocked.append((url, error.reason))
        batch.record(PageState(key, url, "failed", error.status, reason=error.reason))
        return None
    response = outcome.response
    assert response is not None
    stamp = response.fetched_at.strftime("%Y-%m-%dT%H:%M:%SZ")
    if response.status == 304:
        report.not_modified += 1
        known = batch.state.get(key)
        if known is not None:
            known.fetched_at = stamp
            batch.record(known)
        return None
    report.fetched += 1
    if outcome.candidate.response is None:  # (discovery archived its own fetches)
        archive.write(response)
    row = PageState(
        key,
        url,
        "not-article",
        response.status,
        response.etag,
        response.last_modified,
        stamp,
    )
    pdf = response.content_type == PDF_TYPE
    capture = Capture(
        response.url,
        response.status,
        PDF_TYPE if pdf else "text/html",
        response.charset,
        response.body,
        response.fetched_at,
    )
    patterns = None if pdf else outcome.plan.patterns
    return Task("capture", url, capture=capture, patterns=patterns, context=(outcome, row))


def _finish(
    outcome: _Outcome, row: PageState, results: list[Outcome], batch: _Batch, report: CrawlReport
) -> None:
    """Index a page's document, or record why it has none."""
    url = outcome.candidate.url
    key = url_key(url)
    [result] = results
    if result.kind != "document":
        row.reason = result.reason
        if result.kind == "failed" or "anti-bot" in row.reason or "cannot read" in row.reason:
            row.outcome = "failed"
            report.failed.append((url, row.reason))
            if "anti-bot" in row.reason:
                report.blocked.append((url, row.reason))
        else:
            report.not_articles += 1
            report.not_article_pages.append((url, row.reason))
        batch.record(row)
        return
    doc = result.document
    assert doc is not None
    if outcome.plan.profile is not None and not doc.source:
        doc.source = outcome.plan.profile.title
    row.content_hash = doc.content_hash
    row.doc_id = doc.id
    known = batch.state.get(key)
    if (
        known is not None
        and known.outcome == "indexed"
        and (known.doc_id, known.content_hash) == (doc.id, doc.content_hash)
    ):
        # Fetched again, same text: the index keeps its copy (re-extraction of archived
        # pages is 'reindex --from-archive'), the state notes the new fetch.
        row.outcome = "indexed"
        report.unchanged += 1
        batch.record(row)
        return
    twin = batch.twin(doc)
    if twin is not None:
        row.outcome, row.reason = "duplicate", f"same text as {twin}"
        report.duplicates += 1
        batch.record(row)
        return
    row.outcome = "indexed"
    batch.add(doc, row)


class _Batch:
    """Documents and state rows waiting to be committed together (index first)."""

    def __init__(
        self,
        state: CrawlState,
        add: Callable[[list[Document]], Any],
        report: CrawlReport,
        size: int,
    ) -> None:
        self.state = state
        self._add = add
        self.report = report
        self.size = max(1, size)
        self.docs: list[Document] = []
        self.rows: list[PageState] = []
        self.hashes: dict[str, tuple[str, str]] = {}  # content hash -> (doc id, url)
        self.lock = threading.Lock()

    def twin(self, doc: Document) -> str | None:
        """The URL of another document with the same text (cross-posted), if any."""
        if doc.content_hash in self.hashes:
            other_id, other_url = self.hashes[doc.content_hash]
            return other_url if other_id != doc.id else None
        other = self.state.url_for_hash(doc.content_hash)
        if other is not None:
            known = self.state.get(url_key(other))
            if known is not None and known.doc_id != doc.id:
                return other
        return None

    def record(self, row: PageState) -> None:
        self.rows.append(row)
        if len(self.rows) >= self.size * 4:
            self.flush()

    def add(self, doc: Document, row: PageState) -> None:
        self.hashes[doc.content_hash] = (doc.id, row.url)
        self.docs.append(doc)
        self.rows.append(row)
        if len(self.docs) >= self.size:
            self.flush()

    def flush(self) -> None:
        with self.lock:
            if self.docs:
                result = self._add(self.docs)
                self.report.added += result.added
                self.report.updated += result.updated
                self.report.unchanged += result.skipped
            if self.rows:
                self.state.save(self.rows)
            self.docs, self.rows = [], []


__all__ = ["CrawlOptions", "CrawlReport", "run_crawl"]
