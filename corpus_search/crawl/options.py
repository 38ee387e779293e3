"""What a crawl is asked to do (``CrawlOptions``) and what it did (``CrawlReport``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from corpus_search.document import SCHEMA_VERSION

if TYPE_CHECKING:
    from corpus_search.sites import Profile

BLOCKED_HINT = (
    "the site refuses automated requests (anti-bot page or 403). The respectful way around: "
    "open the pages in your browser, save them (.html) and run 'corpus-search ingest', or "
    "record them with a browser-based crawler that writes WARC and ingest the .warc.gz"
)


@dataclass
class CrawlOptions:
    """Everything ``Corpus.crawl`` takes. ``sites`` are profile names (or ``Profile``
    values); ``urls`` are start URLs for generic mode (a site, a sitemap, a feed)."""

    sites: tuple[str | Profile, ...] = ()
    urls: tuple[str, ...] = ()
    max_pages: int | None = None  # new pages to fetch, at most
    since: str | date | None = None  # skip items their source dates earlier
    delay: float | None = None  # seconds between requests to one host; None: profile's, else 1
    concurrency: int = 4  # hosts crawled at once (always one request at a time per host)
    user_agent: str | None = None
    dry_run: bool = False  # discover only: list what would be fetched
    refresh: bool = False  # re-check pages already fetched (conditional requests)
    timeout: float = 60.0  # total seconds for one response
    connect_timeout: float = 10.0
    max_bytes: int = 20 * 1024 * 1024
    max_redirects: int = 5
    retries: int = 3
    backoff: float = 1.0
    max_retry_after: float = 120.0
    max_listing_pages: int = 50
    batch_size: int = 20  # documents per index commit
    jobs: int | None = None  # processes extracting and tagging pages (None: every core)
    resolver: Any = None  # host name -> addresses, for the scope check (None: the system's)

    @property
    def since_date(self) -> date | None:
        if self.since is None or isinstance(self.since, date):
            return self.since
        from corpus_search.errors import InvalidFilterError

        text = self.since.strip()
        parts = text.split("-")
        try:
            numbers = [int(p) for p in parts]
            return date(
                numbers[0],
                numbers[1] if len(numbers) > 1 else 1,
                numbers[2] if len(numbers) > 2 else 1,
            )
        except (ValueError, IndexError):
            raise InvalidFilterError(
                f"cannot read --since {self.since!r}", "write it as 2025, 2025-05 or 2025-05-08"
            ) from None


@dataclass
class CrawlProgress:
    found: int
    fetched: int
    skipped: int
    failed: int
    current: str
    rate: float  # pages fetched per second so far


@dataclass
class CrawlReport:
    """What a crawl did: pages found, fetched, added, updated, skipped, not articles and
    failed (each failure with its reason), and a hint when a site refused the crawler."""

    found: int = 0  # article candidates discovered
    fetched: int = 0  # pages downloaded (2xx)
    not_modified: int = 0  # 304 answers to conditional requests
    skipped: int = 0  # fetched before and unchanged per the source: not requested
    left: int = 0  # not fetched because of --max-pages
    added: int = 0
    updated: int = 0
    unchanged: int = 0  # fetched, but the document was already in the index as is
    duplicates: int = 0  # same text as another URL (cross-posted)
    not_articles: int = 0  # listing, tag, author, search, calendar, error pages, PDFs
    not_article_pages: list[tuple[str, str]] = field(default_factory=list)  # (url, reason)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (url, reason)
    blocked: list[tuple[str, str]] = field(default_factory=list)  # refusals and anti-bot pages
    sources: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    would_fetch: list[str] = field(default_factory=list)  # --dry-run
    requests: int = 0  # HTTP requests made, robots.txt and retries included
    archive: str | None = None
    seconds: float = 0.0

    @property
    def hint(self) -> str | None:
        return BLOCKED_HINT if self.blocked else None

    @property
    def skipped_total(self) -> int:
        """Everything not (re)indexed because we already have it."""
        return self.skipped + self.not_modified + self.unchanged

    def progress(self, current: str) -> CrawlProgress:
        rate = self.fetched / self.seconds if self.seconds else 0.0
        return CrawlProgress(
            self.found, self.fetched, self.skipped_total, len(self.failed), current, rate
        )

    def unsupported(self) -> list[tuple[str, str]]:
        """Failed fetches whose answer was of a type the crawl does not read."""
        return [(u, r) for u, r in self.failed if r.startswith("skipped: content type")]

    def counts(self) -> dict[str, int]:
        """Every page found in exactly one count (``found`` is their sum after a crawl;
        ``unchanged`` takes in the pages not requested because we have them)."""
        unsupported = len(self.unsupported())
        return {
            "found": self.found,
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.skipped_total,
            "not_articles": self.not_articles,
            "duplicates": self.duplicates,
            "unsupported": unsupported,
            "left": self.left + len(self.would_fetch),
            "failed": len(self.failed) - unsupported,
        }

    def summary(self) -> str:
        counts = self.counts()
        parts = [
            f"added {counts['added']}",
            f"updated {counts['updated']}",
            f"unchanged {counts['unchanged']}",
            f"not articles {counts['not_articles']}",
            f"unsupported {counts['unsupported']}",
        ]
        if self.duplicates:
            parts.append(f"duplicates {self.duplicates}")
        if counts["left"]:
            parts.append(f"left {counts['left']} (--max-pages or --dry-run)")
        parts.append(f"failed {counts['failed']}")
        total = sum(v for k, v in counts.items() if k != "found")
        unsettled = f" (+{self.found - total} not settled)" if total < self.found else ""
        return (
            f"found {self.found} = "
            + " + ".join(parts)
            + f"{unsettled}; fetched {self.fetched} in {self.seconds:.1f} s"
        )

    def left_out(self) -> list[dict[str, str]]:
        rows = [
            {"name": u, "outcome": "not-article", "reason": r} for u, r in self.not_article_pages
        ]
        unsupported = set(self.unsupported())
        for url, reason in self.failed:
            outcome = "unsupported" if (url, reason) in unsupported else "failed"
            rows.append({"name": url, "outcome": outcome, "reason": reason})
        return rows

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "found": self.found,
            "fetched": self.fetched,
            "not_modified": self.not_modified,
            "skipped": self.skipped,
            "left": self.left,
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "duplicates": self.duplicates,
            "not_articles": self.not_articles,
            "failed": [{"url": u, "reason": r} for u, r in self.failed],
            "blocked": [{"url": u, "reason": r} for u, r in self.blocked],
            "hint": self.hint,
            "sources": self.sources,
            "notes": self.notes,
            "would_fetch": self.would_fetch,
            "requests": self.requests,
            "archive": self.archive,
            "seconds": round(self.seconds, 3),
            "counts": self.counts(),
            "left_out": self.left_out(),
        }
