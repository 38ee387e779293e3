"""A hostile site on a real loopback server: the crawl must stay polite, bounded, record
every failure with its reason, and finish."""

from __future__ import annotations

import gzip
import itertools
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus_search import Corpus
from corpus_search.crawl import CrawlOptions, CrawlReport
from tests.crawl.server import LoopbackSite, Reply, article_html, serve
from tests.extract.pdfmaker import make_pdf

MB = 1024 * 1024
DELAY = 0.05
HUGE = 50 * MB
BOMB = gzip.compress(b"\0" * HUGE, compresslevel=9)  # about 50 KB that inflate to 50 MB
CHALLENGE = (
    "<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
    "<noscript>Enable JavaScript and cookies to continue</noscript>"
    "<script>window._cf_chl_opt={cvId: '3'};</script></body></html>"
)

REPORT_PDF = make_pdf(
    [
        ["Annual report on deterrence and alliances", "By Test Author", ""]
        + [
            f"Line {n} of the report discusses budgets, alliances and timetables."
            for n in range(40)
        ]
    ],
    {"Title": "Annual report on deterrence and alliances", "Author": "Test Author"},
)

GOOD = [f"/news/2025/03/good-article-number-{n}.html" for n in range(1, 4)]
PATHS = {
    "disallowed": "/private/secret-plans-article.html",
    "slow": "/news/2025/03/very-slow-article.html",
    "drip": "/news/2025/03/dripping-article-page.html",
    "loop": "/loop/a",
    "hops": "/hop/1",
    "away": "/news/2025/03/moved-off-site-article",
    "huge": "/news/2025/03/huge-declared-body.html",
    "chunked": "/news/2025/03/huge-streamed-body.html",
    "bomb": "/news/2025/03/gzip-bomb-article.html",
    "png": "/media/chart-of-the-week.png",
    "json": "/api/some-data-file.json",
    "pdf": "/files/annual-report-2025.pdf",
    "broken-pdf": "/files/damaged-download.pdf",
    "busy": "/news/2025/03/busy-server-article.html",
    "down": "/news/2025/03/server-error-article.html",
    "missing": "/news/2025/03/article-that-moved-away.html",
    "latin1": "/news/2025/03/zurich-talks-latin1.html",
    "meta-charset": "/news/2025/03/meta-charset-article.html",
    "broken": "/news/2025/03/broken-markup-article.html",
    "challenge-403": "/news/2025/03/challenge-behind-403.html",
    "challenge-200": "/news/2025/03/challenge-with-200.html",
    "calendar": "/calendar/2026/11/",
    "tag": "/tag/defence-and-security/",
}


def _drip(_p: str, _h: dict[str, str]) -> Reply:
    def body() -> Iterator[bytes]:
        yield b"<html><body><p>"
        for _ in range(100):
            time.sleep(0.1)
            yield b"x"

    return Reply(body=body())


def _chunked(_p: str, _h: dict[str, str]) -> Reply:
    def body() -> Iterator[bytes]:
        block = b"<p>" + b"y" * 65530 + b"</p>"
        for _ in range(HUGE // len(block)):
            yield block

    return Reply(body=body())


def _busy() -> object:
    calls = {"n": 0}

    def route(_p: str, _h: dict[str, str]) -> Reply:
        calls["n"] += 1
        if calls["n"] == 1:
            return Reply(429, b"slow down", {"Retry-After": "1"}, "text/plain")
        return Reply(body=article_html("Busy but patient").encode())

    return route


def _calendar(path: str, _h: dict[str, str]) -> Reply:
    """An endless events calendar: every month links to the next, forever."""
    parts = [int(p) for p in path.strip("/").split("/")[1:3]]
    year, month = parts if len(parts) == 2 else (2026, 11)
    nxt = (year + (month == 12), month % 12 + 1)
    html = (
        f"<html><head><title>Events {year}-{month:02d}</title></head><body><ul>"
        f"<li><a href='/news/{year}/{month:02d}/monthly-round-up-of-events'>Round-up</a></li>"
        f"</ul><a rel='next' href='/calendar/{nxt[0]}/{nxt[1]:02d}/'>Next month</a></body></html>"
    )
    return Reply(body=html.encode())


def hostile_site() -> LoopbackSite:
    site = LoopbackSite()
    site.route(
        "/robots.txt",
        Reply(body=b"User-agent: *\nDisallow: /private/\n", content_type="text/plain"),
    )
    for n, path in enumerate(GOOD, start=1):
        site.route(path, article_html(f"Good article {n}"))
    site.route(PATHS["disallowed"], article_html("Secret"))
    site.route(PATHS["slow"], Reply(body=article_html("Slow").encode(), delay=3.0))
    site.route(PATHS["drip"], _drip)
    site.route("/loop/a", Reply(302, headers={"Location": "/loop/b"}))
    site.route("/loop/b", Reply(301, headers={"Location": "/loop/a"}))
    for n in range(1, 12):
        site.route(f"/hop/{n}", Reply(302, headers={"Location": f"/hop/{n + 1}"}))
    site.route(PATHS["away"], Reply(301, headers={"Location": "https://elsewhere.example/x-y-z"}))
    site.route(PATHS["huge"], Reply(body=b"", headers={"Content-Length": str(HUGE)}))
    site.route(PATHS["chunked"], _chunked)
    site.route(PATHS["bomb"], Reply(body=BOMB, headers={"Content-Encoding": "gzip"}))
    site.route(PATHS["png"], Reply(body=b"\x89PNG\r\n", content_type="image/png"))
    site.route(PATHS["json"], Reply(body=b"{}", content_type="application/json"))
    site.route(PATHS["pdf"], Reply(body=REPORT_PDF, content_type="application/pdf"))
    site.route(
        PATHS["broken-pdf"], Reply(body=b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    )
    site.route(PATHS["busy"], _busy())  # type: ignore[arg-type]
    site.route(PATHS["down"], Reply(503, b"maintenance", content_type="text/plain"))
    latin = article_html("Talks in Zürich").replace("officials", "Zürich officials, café in hand,")
    site.route(
        PATHS["latin1"],
        Reply(body=latin.encode("cp1252"), content_type="text/html; charset=windows-1252"),
    )
    meta = (
        article_html("Pécs", extra_head='<meta charset="iso-8859-2">')
        .replace('<meta charset="utf-8">', "")
        .replace("officials", "Pécs officials")
        .replace("©", "(c)")
    )
    site.route(
        PATHS["meta-charset"], Reply(body=meta.encode("iso-8859-2"), content_type="text/html")
    )
    broken = (
        article_html("Broken markup").replace("</p>", "").replace("</article>", "</div></span>")
    )
    site.route(PATHS["broken"], broken[: -len("</body></html>")])
    site.route(PATHS["challenge-403"], Reply(403, CHALLENGE.encode()))
    site.route(PATHS["challenge-200"], CHALLENGE)
    site.route("/calendar/*", _calendar)
    site.route(
        PATHS["tag"],
        "<html><body><a href='/news/2025/03/good-article-number-1.html'>x</a></body></html>",
    )
    urls = "".join(
        f"<url><loc>{{base}}{p}</loc></url>"
        for p in [*GOOD, *PATHS.values(), "/news/2025/03/good-article-number-1.html/"]
    )
    urls += "<url><loc>https://elsewhere.example/2025/01/off-site-article</loc></url>"
    urls += "<url><loc>file:///etc/passwd</loc></url>"

    def sitemap(_p: str, _h: dict[str, str]) -> Reply:
        body = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        return Reply(
            body=body.replace("{base}", site.base).encode(), content_type="application/xml"
        )

    site.route("/sitemap.xml", sitemap)
    return site


def options(site: LoopbackSite, **extra: object) -> CrawlOptions:
    values: dict[str, object] = {
        "urls": (site.url("/sitemap.xml"),),
        "delay": DELAY,
        "timeout": 0.5,
        "max_bytes": 1 * MB,
        "retries": 2,
        "backoff": 0.05,
        "max_retry_after": 5.0,
        "max_listing_pages": 10,
    }
    values.update(extra)
    return CrawlOptions(**values)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def crawled(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[LoopbackSite, CrawlReport, Corpus, float]]:
    site = hostile_site()
    with serve(site):
        corpus = Corpus.open(tmp_path_factory.mktemp("hostile") / "ix", create=True)
        report = corpus.crawl(options(site))
        yield site, report, corpus, 0.0


def reasons(report: CrawlReport) -> dict[str, str]:
    return {url.split("/", 3)[3]: reason for url, reason in report.failed}


def test_the_crawl_finishes_and_indexes_the_good_pages(crawled) -> None:  # type: ignore[no-untyped-def]
    _site, report, corpus, _ = crawled
    titles = {hit.title for hit in corpus.search("", limit=50).hits}
    assert {"Good article 1", "Good article 2", "Good article 3"} <= titles
    assert {"Busy but patient", "Talks in Zürich", "Pécs", "Broken markup"} <= titles
    assert "Annual report on deterrence and alliances" in titles  # a PDF report
    assert report.added == len(titles) == 8
    assert report.seconds < 20


def test_robots_disallowed_path_is_never_requested(crawled) -> None:  # type: ignore[no-untyped-def]
    site, report, _, _ = crawled
    assert not any(p.startswith("/private/") for p in site.paths())
    assert reasons(report)[PATHS["disallowed"][1:]] == "disallowed by robots.txt"


def test_requests_to_one_host_are_spaced_by_the_delay(crawled) -> None:  # type: ignore[no-untyped-def]
    site, _, _, _ = crawled
    arrivals = sorted(entry.at for entry in site.log)
    gaps = [b - a for a, b in itertools.pairwise(arrivals)]
    assert len(gaps) > 20
    assert min(gaps) >= DELAY - 0.002, min(gaps)


def test_every_failure_has_its_reason(crawled) -> None:  # type: ignore[no-untyped-def]
    _, report, _, _ = crawled
    why = reasons(report)
    expect = {
        "slow": "timed out",
        "drip": "timed out",
        "loop": "redirect loop",
        "hops": "more than 5 redirects",
        "away": "off-site host elsewhere.example",
        "huge": "body larger than the 1.0 MB limit (50 MB)",
        "chunked": "body larger than the 1.0 MB limit",
        "bomb": "body larger than the 1.0 MB limit after decompression",
        "png": "skipped: content type image/png",
        "json": "skipped: content type application/json",
        "down": "HTTP 503 after 3 attempts",
        "missing": "HTTP 404 (not found)",
        "broken-pdf": "cannot read the PDF",
        "challenge-403": "Cloudflare browser challenge",
        "challenge-200": "anti-bot page: Cloudflare browser challenge",
    }
    for name, text in expect.items():
        assert text in why.get(PATHS[name][1:], ""), (name, why.get(PATHS[name][1:]))
    assert report.hint and "ingest" in report.hint and "WARC" in report.hint
    assert {u.split("/", 3)[3] for u, _ in report.blocked} >= {
        PATHS["challenge-403"][1:],
        PATHS["challenge-200"][1:],
    }


def test_listings_and_calendars_are_not_indexed(crawled) -> None:  # type: ignore[no-untyped-def]
    _, report, corpus, _ = crawled
    assert report.not_articles == 2  # the calendar month, the tag page
    urls = {hit.url for hit in corpus.search("", limit=50).hits}
    assert not any("/calendar/" in (u or "") or "/tag/" in (u or "") for u in urls)


def test_trailing_slash_duplicate_and_off_site_urls_are_dropped(crawled) -> None:  # type: ignore[no-untyped-def]
    site, report, _, _ = crawled
    assert site.paths().count("/news/2025/03/good-article-number-1.html") == 1
    assert "/news/2025/03/good-article-number-1.html/" not in site.paths()
    assert report.found == len(GOOD) + len(PATHS)  # off-site and file:// never counted


def test_429_waits_for_retry_after(crawled) -> None:  # type: ignore[no-untyped-def]
    site, _, _, _ = crawled
    hits = [e.at for e in site.log if e.path == PATHS["busy"]]
    assert len(hits) == 2 and hits[1] - hits[0] >= 1.0


@pytest.mark.parametrize("name", ["huge", "chunked", "bomb"])
def test_memory_stays_bounded_on_huge_and_bomb_bodies(name: str) -> None:
    """50 MB declared, 50 MB streamed without a length, and a 50 MB gzip bomb: with a
    1 MB limit the fetch fails having held little more than the limit."""
    from corpus_search.crawl.fetch import Fetcher, FetchError, FetchLimits
    from corpus_search.crawl.urls import Scope

    site = hostile_site()
    with serve(site):
        limits = FetchLimits(delay=0.0, max_bytes=1 * MB, total_timeout=10)
        with Fetcher(limits, Scope.for_urls([site.base])) as fetcher:
            fetcher.robots(site.base)
            tracemalloc.start()
            with pytest.raises(FetchError, match=r"larger than the 1\.0 MB limit"):
                fetcher.fetch(site.url(PATHS[name]))
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
    assert peak < 3 * MB, f"peak {peak / MB:.2f} MB"


def test_endless_calendar_stops_at_the_listing_page_limit(tmp_path: Path) -> None:
    site = hostile_site()
    with serve(site):
        corpus = Corpus.open(tmp_path / "ix", create=True)
        report = corpus.crawl(
            options(site, urls=(site.url("/calendar/2026/11/"),), max_listing_pages=6, dry_run=True)
        )
    months = [p for p in site.paths() if p.startswith("/calendar/")]
    assert len(months) == 6
    assert any("6-page limit" in note for note in report.notes)
    assert len(report.would_fetch) == 6  # one round-up link per month, none fetched


def test_crawl_delay_in_robots_wins_over_a_smaller_delay(tmp_path: Path) -> None:
    site = LoopbackSite()
    site.route(
        "/robots.txt", Reply(body=b"User-agent: *\nCrawl-delay: 0.3\n", content_type="text/plain")
    )
    for n in range(4):
        site.route(f"/a/one-article-number-{n}", article_html(f"A{n}"))
    with serve(site):
        urls = tuple(site.url(f"/a/one-article-number-{n}") for n in range(4))
        Corpus.open(tmp_path / "ix", create=True).crawl(CrawlOptions(urls=urls, delay=0.01))
    arrivals = [e.at for e in site.log]
    assert min(b - a for a, b in itertools.pairwise(arrivals)) >= 0.3 - 0.002


def test_hosts_are_crawled_concurrently_but_each_one_serially(tmp_path: Path) -> None:
    first, second = LoopbackSite(), LoopbackSite()
    for site in (first, second):
        for n in range(3):
            site.route(
                f"/p/page-number-{n}-here", Reply(body=article_html(f"P{n}").encode(), delay=0.2)
            )
    with serve(first), serve(second):
        urls = tuple(s.url(f"/p/page-number-{n}-here") for s in (first, second) for n in range(3))
        started = time.monotonic()
        report = Corpus.open(tmp_path / "ix", create=True).crawl(
            CrawlOptions(urls=urls, delay=0.05, concurrency=2)
        )
        took = time.monotonic() - started
    assert report.fetched == 6
    for site in (first, second):
        arrivals = [e.at for e in site.log if e.path != "/robots.txt"]
        # one at a time: each request arrives after the previous answer (0.2 s) + delay
        assert min(b - a for a, b in itertools.pairwise(arrivals)) >= 0.25 - 0.002
    # two hosts in parallel: each host's pages were requested while the other's were
    # (a serial crawl would finish one host before starting the next)
    spans = [(s.log[1].at, s.log[-1].at) for s in (first, second)]
    assert spans[0][0] < spans[1][1] and spans[1][0] < spans[0][1], spans
    assert took < 10


def test_a_listing_without_next_links_is_paged_by_its_page_parameter(tmp_path: Path) -> None:
    """Drupal-style ``?page=N`` (zero-based) listings print no rel=next: the crawler tries
    the next number and stops at the first page that adds nothing new."""
    site = LoopbackSite()

    def listing(path: str, _h: dict[str, str]) -> Reply:
        number = int(path.split("page=")[1]) if "page=" in path else 0
        links = "".join(
            f"<li><a href='/analysis/item-number-{number * 2 + k}-text'>x</a></li>"
            for k in range(2)
        )
        return Reply(
            body=f"<html><body><ul>{links if number < 3 else ''}</ul></body></html>".encode()
        )

    site.route("/analysis", listing)
    with serve(site):
        report = Corpus.open(tmp_path / "ix", create=True).crawl(
            CrawlOptions(urls=(site.url("/analysis?page=0"),), delay=0.0, dry_run=True)
        )
    assert len(report.would_fetch) == 6
    assert [p for p in site.paths() if p.startswith("/analysis")] == [
        f"/analysis?page={n}" for n in range(4)
    ]


def test_offset_paging_steps_by_the_items_listed(tmp_path: Path) -> None:
    site = LoopbackSite()

    def listing(path: str, _h: dict[str, str]) -> Reply:
        start = int(path.split("start=")[1]) if "start=" in path else 0
        items = range(start, min(start + 4, 10))
        links = "".join(f"<li><a href='/pubs/item-number-{n}-text'>x</a></li>" for n in items)
        return Reply(body=f"<html><body><ul>{links}</ul></body></html>".encode())

    site.route("/pubs", listing)
    with serve(site):
        report = Corpus.open(tmp_path / "ix", create=True).crawl(
            CrawlOptions(urls=(site.url("/pubs?start=0"),), delay=0.0, dry_run=True)
        )
    assert len(report.would_fetch) == 10
    assert [p for p in site.paths() if p.startswith("/pubs")] == [
        f"/pubs?start={n}" for n in (0, 4, 8, 10)
    ]


# -- discovery and headers under random input -------------------------------------------------
# Sitemap <loc>s, feed links, WordPress API links, Location and Retry-After values of every
# shape: each entry is a normalised URL or is dropped, never an exception.

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.conftest import count_case, fuzz  # noqa: E402

LOCS = st.one_of(
    st.sampled_from(
        [
            "https://[ccpa-preferences]/",
            "http://[::1]:99999/",
            "https://think.example/2024/05/a-piece",
            "  https://think.example/a b  ",
            "javascript:alert(1)",
            "/relative/path",
            "",
            "https://think.example/" + "a" * 9000,
            "http://münchen.de/ä",
            "https://think.example/?utm_source=x&id=1",
            "&lt;&amp;",
            "\x00",
        ]
    ),
    st.text(max_size=60),
)
DATES = st.one_of(
    st.sampled_from(["2024-02-30", "99999-01-01", "", "2024", "x"]), st.text(max_size=12)
)


def _xml_text(value: str) -> str:
    from xml.sax.saxutils import escape

    return escape("".join(c for c in value if c.isprintable()))


@fuzz(150, 1500)
@given(
    entries=st.lists(st.tuples(LOCS, DATES), max_size=8),
    kind=st.sampled_from(["urlset", "sitemapindex", "rss", "atom", "wp", "junk"]),
    gz=st.booleans(),
    cut=st.integers(min_value=0, max_value=5000),
)
def test_any_sitemap_feed_or_api_entry(
    entries: list[tuple[str, str]], kind: str, gz: bool, cut: int
) -> None:
    import json

    from corpus_search.crawl.discover import parse_any
    from corpus_search.urls import web_url

    count_case(__name__)
    if kind in ("urlset", "sitemapindex"):
        tag = "url" if kind == "urlset" else "sitemap"
        items = "".join(
            f"<{tag}><loc>{_xml_text(loc)}</loc><lastmod>{_xml_text(when)}</lastmod></{tag}>"
            for loc, when in entries
        )
        body = f'<?xml version="1.0"?><{kind} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</{kind}>'
    elif kind == "rss":
        items = "".join(
            f"<item><title>t</title><link>{_xml_text(loc)}</link><pubDate>{_xml_text(when)}</pubDate></item>"
            for loc, when in entries
        )
        body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>f</title>{items}</channel></rss>'
    elif kind == "atom":
        items = "".join(
            f'<entry><title>t</title><link href="{_xml_text(loc)}"/><updated>{_xml_text(when)}</updated></entry>'
            for loc, when in entries
        )
        body = f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">{items}</feed>'
    elif kind == "wp":
        body = json.dumps([{"link": loc, "date": when} for loc, when in entries])
    else:
        body = "".join(loc for loc, _ in entries)
    data = body.encode("utf-8", "replace")
    data = data[:cut] if cut < len(data) else data
    if gz:
        data = gzip.compress(data)[: max(cut, 10)] if cut % 3 == 0 else gzip.compress(data)
    try:
        parsed = parse_any(data)
    except ValueError:
        return  # the typed answer for bytes that are not what they claim
    if parsed is not None:
        for link, _ in parsed[1]:
            assert web_url(link) == link


@fuzz(150, 1500)
@given(
    location=LOCS,
    retry_after=st.one_of(
        st.sampled_from(
            [
                "120",
                "-1",
                "99999999999999999999",
                "Wed, 21 Oct 2015 07:28:00 GMT",
                "Fri, 31 Dec 9999 23:59:59 GMT",
                "Mon, 01 Jan 0001 00:00:00 GMT",
                "",
            ]
        ),
        st.text(max_size=40),
    ),
)
def test_any_location_and_retry_after(location: str, retry_after: str) -> None:
    from corpus_search.crawl.fetch import _retry_after
    from corpus_search.crawl.urls import normalize, url_key
    from corpus_search.urls import web_url

    count_case(__name__)
    target = normalize(location, "http://127.0.0.1:8080/news/a")
    assert target is None or web_url(target) == target
    url_key(location)  # never raises either
    wait = _retry_after({"retry-after": retry_after})
    assert wait is None or wait >= 0
