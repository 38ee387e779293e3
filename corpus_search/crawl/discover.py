"""Discovery: which article URLs does a site have? Sitemaps, feeds, WordPress REST API,
listing pages with pagination, and a generic mode for any URL.

The parsers are pure functions on bytes (``parse_sitemap``, ``parse_feed``,
``parse_wp_posts``); ``Discoverer`` drives them through the polite ``Fetcher`` and yields
``Candidate`` URLs, each with the date its source gave (sitemap ``lastmod``, feed entry
date, WP post date, the date a listing printed beside it) so ``--since`` can skip older
ones without fetching them.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import warnings
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from corpus_search.crawl.fetch import Fetcher, FetchError, Response
from corpus_search.crawl.urls import normalize, url_key
from corpus_search.urls import web_url

MAX_SITEMAP_BYTES = 50 * 1024 * 1024  # the sitemap protocol's own limit, decompressed
MAX_SITEMAPS = 500
MAX_LISTING_PAGES = 50
MAX_API_PAGES = 200


@dataclass
class Candidate:
    url: str
    lastmod: date | None = None
    via: str = ""
    response: Response | None = None  # already fetched during discovery


@dataclass
class SourceResult:
    """What one discovery source gave: its kind and URL, how many candidates, and the
    reason it gave none (for the report)."""

    kind: str
    url: str
    found: int = 0
    error: str | None = None
    blocked: bool = False


@dataclass
class DiscoveryLog:
    sources: list[SourceResult] = field(default_factory=list)
    pages_seen: int = 0  # listing/sitemap/feed documents fetched
    stopped: list[str] = field(default_factory=list)  # why pagination stopped, per source


# -- parsers ------------------------------------------------------------------------------


def _gunzip_bounded(data: bytes, limit: int = MAX_SITEMAP_BYTES) -> bytes:
    if not data.startswith(b"\x1f\x8b"):
        return data
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
            out = handle.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise ValueError(f"damaged gzip data ({exc})") from None
    if len(out) > limit:
        raise ValueError(f"decompressed sitemap larger than {limit // (1024 * 1024)} MB")
    return out


def parse_sitemap(data: bytes) -> tuple[str, list[tuple[str, date | None]]]:
    """``("index" | "urlset", [(loc, lastmod)])`` from a sitemap or sitemap index (gzip
    accepted). Raises ValueError when the bytes are not a sitemap."""
    from lxml import etree

    data = _gunzip_bounded(data)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=True)
    try:
        root = etree.fromstring(data.lstrip(), parser)
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"not XML ({exc})") from None
    if root is None:
        raise ValueError("not XML")
    tag = etree.QName(root).localname.lower()
    if tag not in ("urlset", "sitemapindex"):
        raise ValueError(f"not a sitemap (root element <{tag}>)")
    entries: list[tuple[str, date | None]] = []
    for item in root:
        if not isinstance(item.tag, str):
            continue
        loc = lastmod = None
        for child in item:
            if not isinstance(child.tag, str):
                continue
            name = etree.QName(child).localname.lower()
            if name == "loc" and child.text:
                loc = web_url(child.text)
            elif name == "lastmod" and child.text:
                lastmod = parse_date(child.text)
        if loc:
            entries.append((loc, lastmod))
    return ("index" if tag == "sitemapindex" else "urlset"), entries


def parse_feed(data: bytes) -> list[tuple[str, date | None]]:
    """Entry links and dates of an RSS or Atom feed. Raises ValueError when the bytes are
    not a feed (an HTML page served at a feed URL, as some sites do)."""
    import feedparser

    parsed = feedparser.parse(data)
    if not parsed.entries and (parsed.bozo or not parsed.version):
        raise ValueError("not an RSS or Atom feed")
    items: list[tuple[str, date | None]] = []
    for entry in parsed.entries:
        link = web_url(entry.get("link"))
        if not link:
            continue
        stamp = entry.get("published_parsed")
        if not stamp:
            # (feedparser warns when asked for a date an entry lacks: not the user's concern)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                stamp = entry.get("updated_parsed")
        try:
            when = date(*stamp[:3]) if stamp else None
        except (TypeError, ValueError):
            when = None
        items.append((link, when))
    return items


def parse_wp_posts(data: bytes) -> list[tuple[str, date | None]]:
    """Links and dates from a WordPress REST API posts page (``/wp-json/wp/v2/posts``)."""
    try:
        posts = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise ValueError("not JSON") from None
    if not isinstance(posts, list):
        raise ValueError("not a list of posts")
    items = []
    for post in posts:
        link = web_url(post.get("link")) if isinstance(post, dict) else None
        if link is not None:
            items.append((link, parse_date(str(post.get("date") or ""))))
    return items


def parse_date(value: str) -> date | None:
    value = value.strip()
    match = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", value)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3] or 1))
    except ValueError:
        return None


def with_query(url: str, **params: str | int) -> str:
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    query.update({k: str(v) for k, v in params.items()})
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


# -- driving discovery ----------------------------------------------------------------------


class Discoverer:
    """Runs discovery sources through a Fetcher. ``is_article(url)`` says which links are
    article candidates; ``record(response)`` is called with every response fetched (for
    the archive); ``since`` skips dated items older than it."""

    def __init__(
        self,
        fetcher: Fetcher,
        is_article: Callable[[str], bool],
        record: Callable[[Response], None],
        since: date | None = None,
        log: DiscoveryLog | None = None,
        max_listing_pages: int = MAX_LISTING_PAGES,
    ) -> None:
        self.fetcher = fetcher
        self.is_article = is_article
        self.record = record
        self.since = since
        self.log = log or DiscoveryLog()
        self.max_listing_pages = max_listing_pages

    def _get(self, url: str, kinds: tuple[str, ...]) -> Response:
        response = self.fetcher.fetch(url, kinds=kinds)
        self.log.pages_seen += 1
        self.record(response)
        return response

    def _keep(self, lastmod: date | None) -> bool:
        return self.since is None or lastmod is None or lastmod >= self.since

    def run(self, kind: str, url: str, first: Response | None = None) -> Iterator[Candidate]:
        """Candidates from one source; failures are logged on ``self.log``, not raised."""
        result = SourceResult(kind, url)
        self.log.sources.append(result)
        runners: dict[str, Callable[[str, Response | None], Iterator[Candidate]]] = {
            "sitemap": self.sitemap,
            "feed": self.feed,
            "listing": self.listing,
            "wp-api": self.wp_api,
            "page": self.single,
        }
        try:
            for candidate in runners[kind](url, first):
                result.found += 1
                yield candidate
        except FetchError as exc:
            result.error, result.blocked = exc.reason, exc.blocked
        except ValueError as exc:
            result.error = str(exc)
        except Exception as exc:  # an internal error ends this source, not the crawl
            result.error = f"internal error: {type(exc).__name__}: {str(exc)[:200]}"

    def single(self, url: str, first: Response | None = None) -> Iterator[Candidate]:
        yield Candidate(url, None, "page")

    def sitemap(self, url: str, first: Response | None = None) -> Iterator[Candidate]:
        queue = [url]
        done: set[str] = set()
        while queue and len(done) < MAX_SITEMAPS:
            current = queue.pop(0)
            if current in done:
                continue
            done.add(current)
            try:
                if first is not None and current == url:
                    response = first
                else:
                    response = self._get(current, ("feed",))
                kind, entries = parse_sitemap(response.body)
            except (FetchError, ValueError):
                if current == url:
                    raise
                self.log.stopped.append(f"{url}: child sitemap {current} could not be read")
                continue  # a broken child sitemap does not end the others
            for loc, lastmod in entries:
                if kind == "index":
                    if self._keep(lastmod):
                        queue.append(loc)
                elif self._keep(lastmod) and self.is_article(loc):
                    yield Candidate(loc, lastmod, "sitemap")

    def feed(self, url: str, first: Response | None = None) -> Iterator[Candidate]:
        response = self._get(url, ("feed", "html"))
        for link, when in parse_feed(response.body):
            if self._keep(when) and self.is_article(link):
                yield Candidate(link, when, "feed")

    def wp_api(self, url: str, first: Response | None = None) -> Iterator[Candidate]:
        base = with_query(url, per_page=100, _fields="link,date", orderby="date", order="desc")
        if self.since:
            base = with_query(base, after=f"{self.since.isoformat()}T00:00:00")
        seen: set[str] = set()
        for page in range(1, MAX_API_PAGES + 1):
            try:
                response = self._get(with_query(base, page=page), ("feed",))
            except FetchError as exc:
                if page > 1 and exc.status == 400:  # WordPress: past the last page
                    return
                raise
            items = parse_wp_posts(response.body)
            if not items or all(link in seen for link, _ in items):
                return  # past the end (or a server that ignores page=N)
            for link, when in items:
                if link not in seen and self._keep(when) and self.is_article(link):
                    yield Candidate(link, when, "wp-api")
                seen.add(link)

    def listing(self, url: str, first: Response | None = None) -> Iterator[Candidate]:
        """Follow a listing's pagination ("next" links, else ``?page=N`` / ``/page/N/``
        guesses) until a page adds no new article links, everything it dates is older
        than ``since``, or ``max_listing_pages`` is reached."""
        from corpus_search.extract.warc import decode_html
        from corpus_search.sites.pages import inspect_page

        seen_pages: set[str] = set()
        seen_links: set[str] = set()
        current: str | None = url
        number = 0
        follows_links = False
        while current and number < self.max_listing_pages:
            key = url_key(current)
            if key in seen_pages:
                self.log.stopped.append(f"{url}: pagination returned to a page already seen")
                return
            seen_pages.add(key)
            number += 1
            try:
                if first is not None and number == 1:
                    response = first
                else:
                    response = self._get(current, ("html",))
            except FetchError:
                if number == 1:
                    raise
                self.log.stopped.append(f"{url}: page {number} could not be fetched")
                return
            html = decode_html(response.body, response.charset)
            info = inspect_page(html, response.url)
            if info.kind == "antibot":
                raise FetchError(current, info.reason, response.status, blocked=True)
            new = listed = 0
            dated_recent = False
            for link in info.links:
                norm = normalize(link)
                if norm is None or not self.is_article(norm):
                    continue
                listed += 1
                if url_key(norm) in seen_links:
                    continue
                seen_links.add(url_key(norm))
                when = info.link_dates.get(link)
                if when is None or self._keep(when):
                    dated_recent = dated_recent or when is not None
                    new += 1
                    yield Candidate(norm, when, "listing")
            if new == 0:
                self.log.stopped.append(f"{url}: page {number} had no new article links")
                return
            if self.since and not dated_recent and info.link_dates:
                self.log.stopped.append(f"{url}: page {number} dates everything before --since")
                return
            if info.next_url:
                follows_links = True
            # Guess page N+1 only on sites that never print a "next" link.
            guess = None if follows_links else _guess_next(response.url, listed)
            current = info.next_url or guess
        if current:
            self.log.stopped.append(f"{url}: stopped at the {self.max_listing_pages}-page limit")


def _guess_next(url: str, items: int = 0) -> str | None:
    """The next page of a listing whose pages have no "next" link: ``?page=N+1`` when the
    URL already uses ``?page=N`` (zero- or one-based alike; also ``_page``, ``paged``),
    ``/page/N+1/`` likewise, and ``?offset=K+items`` / ``?start=K+items`` for offset
    paging (``items``: how many the page listed)."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    for name in ("page", "_page", "paged", "p"):
        if query.get(name, "").isdigit():
            return with_query(url, **{name: int(query[name]) + 1})
    for name in ("offset", "start", "from"):
        if query.get(name, "").isdigit() and items:
            return with_query(url, **{name: int(query[name]) + items})
    match = re.search(r"/page/(\d+)/?$", parts.path)
    if match:
        path = parts.path[: match.start()] + f"/page/{int(match[1]) + 1}/"
        return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))
    return None


def is_sitemap_url(url: str) -> bool:
    path = urlsplit(url).path.lower()
    return "sitemap" in path and path.endswith((".xml", ".xml.gz", ".gz"))


def parse_any(data: bytes) -> tuple[str, list[tuple[str, date | None]]] | None:
    """For a URL of unknown kind: ``("sitemap" | "sitemap-index" | "feed" | "wp-api",
    entries)`` when the bytes are one of those, else None."""
    head = _gunzip_bounded(data)[:2048].lstrip().lower()
    if head.startswith(b"[") or head.startswith(b"{"):
        try:
            return "wp-api", parse_wp_posts(data)
        except ValueError:
            return None
    if b"<urlset" in head or b"<sitemapindex" in head:
        kind, entries = parse_sitemap(data)
        return ("sitemap-index" if kind == "index" else "sitemap"), entries
    if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
        try:
            return "feed", parse_feed(data)
        except ValueError:
            return None
    return None


__all__ = [
    "Candidate",
    "Discoverer",
    "DiscoveryLog",
    "SourceResult",
    "is_sitemap_url",
    "parse_any",
    "parse_date",
    "parse_feed",
    "parse_sitemap",
    "parse_wp_posts",
]
