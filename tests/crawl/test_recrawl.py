"""Re-crawls (ETag, sitemap lastmod), cross-posted duplicates, feed discovery through
<link rel=alternate>, and the User-Agent, against a loopback server."""

from __future__ import annotations

from pathlib import Path

from corpus_search import Corpus
from corpus_search.crawl import CrawlOptions
from tests.crawl.server import LoopbackSite, Reply, article_html, serve


def etag_site(version: dict[str, int]) -> LoopbackSite:
    site = LoopbackSite()

    def page(_p: str, headers: dict[str, str]) -> Reply:
        tag = f'"v{version["n"]}"'
        if headers.get("if-none-match") == tag:
            return Reply(304, b"", {"ETag": tag})
        html = article_html(f"Versioned piece {version['n']}")
        return Reply(body=html.encode(), headers={"ETag": tag})

    site.route("/2025/05/a-versioned-piece-here", page)
    site.route("/2025/05/another-piece-here", article_html("Another piece"))

    def sitemap(_p: str, _h: dict[str, str]) -> Reply:
        lastmod = f"2025-05-0{version['n']}"
        urls = "".join(
            f"<url><loc>{site.base}{p}</loc><lastmod>{lastmod if 'versioned' in p else '2025-05-01'}</lastmod></url>"
            for p in ("/2025/05/a-versioned-piece-here", "/2025/05/another-piece-here")
        )
        body = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        return Reply(body=body.encode(), content_type="application/xml")

    site.route("/sitemap.xml", sitemap)
    return site


def test_refresh_uses_etags_and_updates_changed_pages(tmp_path: Path) -> None:
    version = {"n": 1}
    site = etag_site(version)
    corpus = Corpus.open(tmp_path / "ix", create=True)
    with serve(site):
        start = CrawlOptions(urls=(site.url("/sitemap.xml"),), delay=0.0)
        assert corpus.crawl(start).added == 2
        refresh = CrawlOptions(urls=(site.url("/sitemap.xml"),), delay=0.0, refresh=True)
        unchanged = corpus.crawl(refresh)
        assert unchanged.not_modified == 1 and unchanged.fetched == 1  # no ETag on the other
        sent = [e.headers.get("if-none-match") for e in site.log if "versioned" in e.path]
        assert sent[-1] == '"v1"'
        version["n"] = 2
        changed = corpus.crawl(refresh)
    assert changed.updated == 1
    assert {h.title for h in corpus.search("", limit=5).hits} == {
        "Versioned piece 2",
        "Another piece",
    }


def test_a_later_sitemap_lastmod_brings_a_page_back(tmp_path: Path) -> None:
    version = {"n": 1}
    site = etag_site(version)
    corpus = Corpus.open(tmp_path / "ix", create=True)
    with serve(site):
        options = CrawlOptions(urls=(site.url("/sitemap.xml"),), delay=0.0)
        corpus.crawl(options)
        assert corpus.crawl(options).fetched == 0  # nothing dated after our fetch
        # The sitemap now dates the piece in the future of our fetch: it is asked again.
        version["n"] = 9
        from corpus_search.crawl.state import CrawlState

        state = CrawlState(corpus.path)
        with state._db:
            state._db.execute("UPDATE pages SET fetched_at = '2025-05-02T00:00:00Z'")
        state.close()
        again = corpus.crawl(options)
    assert again.fetched == 1 and again.skipped == 1 and again.updated == 1


def test_cross_posted_copies_are_indexed_once(tmp_path: Path) -> None:
    site = LoopbackSite()
    text = article_html("The same piece twice")
    site.route("/2025/05/posted-here-first", text)
    # The same text in another page frame (navigation, footer), at another URL.
    frame = text.replace("<a href='/'>Home</a>", "<a href='/blog/'>Blog home</a>")
    site.route("/blog/2025/05/posted-again-elsewhere", frame.replace("© 2025", "© 2024"))
    with serve(site):
        urls = (
            site.url("/2025/05/posted-here-first"),
            site.url("/blog/2025/05/posted-again-elsewhere"),
        )
        report = Corpus.open(tmp_path / "ix", create=True).crawl(CrawlOptions(urls=urls, delay=0.0))
    assert report.added == 1 and report.duplicates == 1


def test_feeds_found_through_link_alternate_and_the_user_agent(tmp_path: Path) -> None:
    site = LoopbackSite()
    site.route(
        "/robots.txt",
        Reply(
            body=b"User-agent: corpus-search\nDisallow: /members/\n\nUser-agent: *\nDisallow: /\n",
            content_type="text/plain",
        ),
    )
    site.route(
        "/",
        '<html><head><link rel="alternate" type="application/rss+xml" href="/feed/"></head>'
        "<body><p>Welcome</p></body></html>",
    )
    items = "".join(
        f"<item><title>t</title><link>{{base}}/2025/0{n}/feed-item-number-{n}</link></item>"
        for n in (1, 2)
    )
    items += "<item><title>m</title><link>{base}/members/2025/01/members-only-piece</link></item>"

    def feed(_p: str, _h: dict[str, str]) -> Reply:
        body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>f</title>{items}</channel></rss>'
        return Reply(
            body=body.replace("{base}", site.base).encode(), content_type="application/rss+xml"
        )

    site.route("/feed/", feed)
    for n in (1, 2):
        site.route(f"/2025/0{n}/feed-item-number-{n}", article_html(f"Feed item {n}"))
    with serve(site):
        report = Corpus.open(tmp_path / "ix", create=True).crawl(
            CrawlOptions(
                urls=(site.url("/"),), delay=0.0, user_agent="corpus-search/test (me@example.org)"
            )
        )
    assert report.added == 2 and report.sources[0]["kind"] == "feed"
    assert ("/members/2025/01/members-only-piece") not in site.paths()
    assert {e.headers["user-agent"] for e in site.log} == {"corpus-search/test (me@example.org)"}


def test_unreadable_robots_txt_stops_the_host_and_long_retry_after_is_not_waited(
    tmp_path: Path,
) -> None:
    down, busy = LoopbackSite(), LoopbackSite()
    down.route("/robots.txt", Reply(503, b"down", content_type="text/plain"))
    down.route("/2025/01/a-page-behind-it", article_html("Behind"))
    busy.route("/2025/01/rate-limited-page", Reply(429, b"", {"Retry-After": "3600"}, "text/plain"))
    with serve(down), serve(busy):
        urls = (down.url("/2025/01/a-page-behind-it"), busy.url("/2025/01/rate-limited-page"))
        report = Corpus.open(tmp_path / "ix", create=True).crawl(
            CrawlOptions(urls=urls, delay=0.0, backoff=0.01, retries=1)
        )
    reasons = dict(report.failed)
    assert "robots.txt could not be read (HTTP 503" in reasons[urls[0]]
    assert "/2025/01/a-page-behind-it" not in down.paths()
    assert "retry after 3600 s" in reasons[urls[1]] and report.seconds < 10
