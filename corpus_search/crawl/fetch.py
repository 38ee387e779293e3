"""Polite HTTP: robots.txt, per-host delay, retries, limits. The only module that speaks HTTP.

``Fetcher.fetch(url)`` returns a ``Response`` or raises ``FetchError`` whose ``reason``
says, in words, why the page was not fetched ("disallowed by robots.txt", "redirect
loop", "body larger than 20 MB", ...). What it guarantees:

- robots.txt (protego) is read once per host and obeyed; its ``Crawl-delay`` raises the
  per-host delay when larger than ours; a robots.txt that answers 5xx or cannot be reached
  stops the crawl of that host (RFC 9309), one that answers 4xx allows everything;
- one request at a time per host, the next one starting at least ``delay`` seconds after
  the previous one ended (threads may work on different hosts at once);
- 429 and 5xx are retried with exponential backoff, honouring ``Retry-After`` (up to a
  ceiling: a server asking for longer gets recorded as a failure, not waited for);
- connect timeout, and a total time limit per response (a server dripping bytes is cut);
- bodies are read in small chunks and decompressed here (gzip, deflate) with a bound on
  the output, so a 50 MB body or a gzip bomb costs at most ``max_bytes`` of memory;
- redirects are followed by hand, at most ``max_redirects``, each hop checked against the
  scope and robots.txt, and loops are detected;
- content types outside the wanted kinds are skipped before the body is read.
"""

from __future__ import annotations

import email.utils
import threading
import time
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

import httpx
from protego import Protego

from corpus_search.crawl.urls import Scope, host_of, normalize

__all__ = ["FetchError", "FetchLimits", "Fetcher", "Response"]

INFLATE_STEP = 256 * 1024  # decompressed bytes per step: a bomb never lands in one piece
DEFAULT_USER_AGENT = "corpus-search/0.1 (research crawler; obeys robots.txt)"
ROBOTS_TOKEN = "corpus-search"

HTML_TYPES = ("text/html", "application/xhtml+xml")
PDF_TYPES = ("application/pdf",)
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
    "application/rdf+xml",
    "application/x-gzip",
    "application/gzip",
    "application/json",
    "text/plain",
)
KINDS = {"html": HTML_TYPES, "pdf": PDF_TYPES, "feed": FEED_TYPES}


class FetchError(Exception):
    """A page that was not fetched; ``reason`` says why in words, ``status`` is the last
    HTTP status seen (if any), ``blocked`` marks anti-bot answers and refusals (403)."""

    def __init__(self, url: str, reason: str, status: int | None = None, blocked: bool = False):
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status
        self.blocked = blocked


@dataclass
class FetchLimits:
    delay: float = 1.0  # seconds between requests to one host (a floor)
    user_agent: str = DEFAULT_USER_AGENT
    connect_timeout: float = 10.0
    total_timeout: float = 60.0  # for one response, headers to last byte
    max_bytes: int = 20 * 1024 * 1024
    max_redirects: int = 5
    retries: int = 3
    backoff: float = 1.0  # first retry wait; doubles each time
    max_retry_after: float = 120.0  # longer Retry-After requests are not waited for
    max_crawl_delay: float = 60.0  # a robots.txt Crawl-delay above this is capped


@dataclass
class Response:
    url: str  # final URL after redirects
    requested: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: datetime
    redirects: list[str] = field(default_factory=list)

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'")
        return None

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")


@dataclass
class _Host:
    lock: threading.Lock = field(default_factory=threading.Lock)
    ready_at: float = 0.0
    last_end: float = 0.0
    robots: Protego | None = None
    robots_error: str | None = None
    robots_read: bool = False
    delay: float = 0.0


class Fetcher:
    """One per crawl. Thread-safe across hosts; requests to one host are serialised."""

    def __init__(
        self,
        limits: FetchLimits,
        scope: Scope,
        transport: httpx.BaseTransport | None = None,
        on_request: Callable[[str, float], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        host_delays: Mapping[str, float] | None = None,
        record: Callable[[Response], None] | None = None,
    ) -> None:
        self.limits = limits
        self._record = record  # called with each robots.txt response (for the archive)
        self.host_delays = dict(host_delays or {})
        self.scope = scope
        self._hosts: dict[str, _Host] = {}
        self._hosts_lock = threading.Lock()
        self._sleep = sleep
        self._on_request = on_request
        self.requests: list[tuple[str, float, float]] = []  # (url, start, end), monotonic
        self.stopped = threading.Event()
        self._client = httpx.Client(
            transport=transport,
            follow_redirects=False,
            timeout=httpx.Timeout(limits.total_timeout, connect=limits.connect_timeout),
            headers={
                "User-Agent": limits.user_agent,
                "Accept-Encoding": "gzip, deflate",
                "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5",
            },
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- robots.txt -----------------------------------------------------------------------

    def _host(self, host: str) -> _Host:
        """The politeness state of a host: ``www.x`` and ``x`` share one (one server)."""
        key = host[4:] if host.startswith("www.") else host
        with self._hosts_lock:
            return self._hosts.setdefault(key, _Host())

    def robots(self, url: str) -> Protego | None:
        """The parsed robots.txt of ``url``'s host (fetched once); None when it has none."""
        norm = normalize(url) or url
        host = host_of(norm)
        state = self._host(host)
        with state.lock:
            if not state.robots_read:
                self._read_robots(norm, state)
        return state.robots

    def _read_robots(self, url: str, state: _Host) -> None:
        scheme = url.split("://", 1)[0]
        robots_url = f"{scheme}://{host_of(url)}/robots.txt"
        state.robots_read = True
        state.delay = max(self.limits.delay, self.host_delays.get(host_of(url), 0.0))
        try:
            response = self._request(robots_url, {}, ("feed", "html"), state, hops=0)
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500 and exc.status != 429:
                return  # no robots.txt: everything allowed
            state.robots_error = (
                f"robots.txt could not be read ({exc.reason}), so the host is not crawled"
            )
            return
        if self._record:
            self._record(response)
        text = response.body.decode("utf-8", "replace")
        if "<html" in text[:2000].lower():
            return  # an HTML page served for /robots.txt: treat as absent
        state.robots = Protego.parse(text)
        crawl_delay = state.robots.crawl_delay(ROBOTS_TOKEN)
        if crawl_delay:
            state.delay = max(state.delay, min(float(crawl_delay), self.limits.max_crawl_delay))
            state.ready_at = max(state.ready_at, state.last_end + state.delay)

    def why_not(self, url: str) -> str | None:
        """None when ``url`` may be fetched, else the reason (scope or robots.txt)."""
        reason = self.scope.why_not(url)
        if reason:
            return reason
        robots = self.robots(url)
        state = self._host(host_of(normalize(url) or url))
        if state.robots_error:
            return state.robots_error
        if robots is not None and not robots.can_fetch(url, ROBOTS_TOKEN):
            return "disallowed by robots.txt"
        return None

    def delay_for(self, url: str) -> float:
        self.robots(url)
        return self._host(host_of(normalize(url) or url)).delay

    # -- fetching -------------------------------------------------------------------------

    def fetch(
        self,
        url: str,
        kinds: tuple[str, ...] = ("html", "pdf"),
        headers: Mapping[str, str] | None = None,
    ) -> Response:
        """GET ``url`` politely. A 304 (when conditional ``headers`` are given) comes back
        as a Response with status 304 and no body; anything else not 2xx raises."""
        norm = normalize(url)
        if norm is None:
            raise FetchError(url, self.scope.why_not(url) or "not an http(s) URL")
        current = norm
        seen = {current}
        redirects: list[str] = []
        for hops in range(self.limits.max_redirects + 1):
            reason = self.why_not(current)
            if reason:
                raise FetchError(current, reason)
            state = self._host(host_of(current))
            with state.lock:
                response = self._request(current, dict(headers or {}), kinds, state, hops)
            if response.status not in (301, 302, 303, 307, 308):
                response.requested = norm
                response.redirects = redirects
                return response
            target = normalize(response.headers.get("location", ""), current)
            if target is None:
                raise FetchError(current, "redirect without a usable Location", response.status)
            if target in seen:
                raise FetchError(
                    norm, f"redirect loop ({len(redirects) + 1} hops back to {target})"
                )
            seen.add(target)
            redirects.append(current)
            current = target
        raise FetchError(norm, f"more than {self.limits.max_redirects} redirects")

    def _request(
        self,
        url: str,
        headers: dict[str, str],
        kinds: tuple[str, ...],
        state: _Host,
        hops: int,
    ) -> Response:
        """One URL with retries; the caller holds the host's lock."""
        attempt = 0
        while True:
            if self.stopped.is_set():
                raise FetchError(url, "crawl stopped")
            wait = state.ready_at - time.monotonic()
            if wait > 0:
                self._sleep(wait)
            start = time.monotonic()
            try:
                response = self._once(url, headers, kinds)
                error: FetchError | None = None
            except FetchError as exc:
                response, error = None, exc
            end = time.monotonic()
            state.last_end = end
            self.requests.append((url, start, end))
            state.ready_at = end + max(state.delay, self.limits.delay)
            if self._on_request:
                self._on_request(url, end - start)
            status = response.status if response is not None else (error.status if error else None)
            retryable = (
                status == 429
                or (status is not None and status >= 500)
                or (
                    error is not None
                    and error.status is None
                    and error.reason.startswith(("timed out", "connection"))
                )
            )
            if response is not None and not retryable:
                return response
            if not retryable or attempt >= self.limits.retries:
                if error is not None:
                    raise error
                assert response is not None
                what = f"HTTP {response.status}"
                if response.status == 429:
                    what += " (rate limited: crawl later, or with a larger --delay)"
                raise FetchError(url, f"{what} after {attempt + 1} attempts", response.status)
            retry_after = _retry_after(response.headers if response is not None else {})
            pause = self.limits.backoff * (2**attempt)
            if retry_after is not None:
                if retry_after > self.limits.max_retry_after:
                    raise FetchError(
                        url,
                        f"HTTP {status}: the server asks to retry after {retry_after:.0f} s "
                        f"(more than the {self.limits.max_retry_after:.0f} s limit); try later",
                        status,
                    )
                pause = max(pause, retry_after)
            state.ready_at = max(state.ready_at, time.monotonic() + pause)
            attempt += 1

    def _once(self, url: str, headers: dict[str, str], kinds: tuple[str, ...]) -> Response:
        limits = self.limits
        deadline = time.monotonic() + limits.total_timeout
        try:
            with self._client.stream("GET", url, headers=headers) as raw:
                info = {k.lower(): v for k, v in raw.headers.items()}
                status = raw.status_code
                fetched_at = datetime.now(timezone.utc)
                if status in (301, 302, 303, 307, 308, 304) or status == 429 or status >= 500:
                    return Response(url, url, status, info, b"", fetched_at)
                if status >= 400:
                    body = _read_body(raw, 256 * 1024, deadline, info, truncate=True)
                    raise _http_error(url, status, body)
                content_type = info.get("content-type", "").split(";")[0].strip().lower()
                wanted = tuple(t for kind in kinds for t in KINDS[kind])
                if content_type and not content_type.startswith(wanted):
                    raise FetchError(url, f"skipped: content type {content_type}", status)
                length = info.get("content-length", "")
                if length.isdigit() and int(length) > limits.max_bytes:
                    raise FetchError(
                        url,
                        f"body larger than the {_mb(limits.max_bytes)} limit ({_mb(int(length))})",
                        status,
                    )
                body = _read_body(raw, limits.max_bytes, deadline, info)
                info.pop("content-encoding", None)
                info.pop("transfer-encoding", None)
                info["content-length"] = str(len(body))
                return Response(url, url, status, info, body, fetched_at)
        except httpx.ConnectTimeout:
            raise FetchError(
                url, f"timed out connecting (limit {limits.connect_timeout:g} s)"
            ) from None
        except httpx.TimeoutException:
            raise FetchError(url, f"timed out (limit {limits.total_timeout:g} s)") from None
        except httpx.TooManyRedirects:
            raise FetchError(url, "too many redirects") from None
        except (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError) as exc:
            raise FetchError(url, f"connection failed: {exc}") from None
        except httpx.HTTPError as exc:
            raise FetchError(url, f"connection failed: {type(exc).__name__}: {exc}") from None


def _read_body(
    raw: httpx.Response, limit: int, deadline: float, info: dict[str, str], truncate: bool = False
) -> bytes:
    """Read and decode the body in chunks; never hold more than ``limit`` decoded bytes."""
    encoding = info.get("content-encoding", "identity").lower().strip()
    decoder: Any = None
    if encoding in ("gzip", "x-gzip"):
        decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        decoder = zlib.decompressobj()
    elif encoding not in ("", "identity"):
        raise FetchError(str(raw.url), f"unsupported content encoding {encoding}", raw.status_code)
    parts: list[bytes] = []
    total = 0
    for chunk in raw.iter_raw():  # as the bytes arrive, so a slow drip meets the deadline
        if time.monotonic() > deadline:
            raise FetchError(
                str(raw.url), "timed out before the body was complete", raw.status_code
            )
        pending = chunk
        while pending:
            if decoder is None:
                out, pending = pending, b""
            else:
                try:
                    out = decoder.decompress(pending, min(INFLATE_STEP, limit - total + 1))
                except zlib.error:
                    raise FetchError(
                        str(raw.url), "corrupt compressed body", raw.status_code
                    ) from None
                pending = decoder.unconsumed_tail
            total += len(out)
            if total > limit:
                if truncate:
                    parts.append(out[: max(0, limit - (total - len(out)))])
                    return b"".join(parts)
                raise FetchError(
                    str(raw.url),
                    f"body larger than the {_mb(limit)} limit"
                    + (" after decompression" if decoder is not None else ""),
                    raw.status_code,
                )
            parts.append(out)
    return b"".join(parts)


def _http_error(url: str, status: int, body: bytes) -> FetchError:
    from corpus_search.sites.pages import antibot_reason

    text = body.decode("utf-8", "replace")
    antibot = antibot_reason(text)
    if antibot or status in (401, 403):
        what = antibot or f"HTTP {status} (access refused)"
        return FetchError(url, what, status, blocked=True)
    if status in (404, 410):
        return FetchError(url, f"HTTP {status} (not found)", status)
    return FetchError(url, f"HTTP {status}", status)


def _retry_after(headers: Mapping[str, str]) -> float | None:
    value = headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isascii() and value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
        if when.tzinfo is None:
            when = when.replace(tzinfo=timezone.utc)
        return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())
    except (TypeError, ValueError, OverflowError, IndexError):
        return None


def _mb(size: int) -> str:
    return (
        f"{size / (1024 * 1024):.1f} MB"
        if size < 10 * 1024 * 1024
        else f"{size // (1024 * 1024)} MB"
    )
