"""Every shipped profile, crawled against a loopback site shaped like the real one: its
first discovery source (sitemap index with a gzipped child, feed, WordPress API or a
paginated listing) at the real path, article URLs of the real shape, and real saved
pages where ../shared/data/thinktanks has them (Brookings, Carnegie, anti-bot pages)."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from corpus_search import Corpus
from corpus_search.crawl import CrawlOptions, CrawlReport
from corpus_search.sites import Profile, load_profiles
from tests.conftest import shared_path
from tests.crawl.server import LoopbackSite, Reply, article_html, serve

# Article paths shaped like those SITES.md shows for each site (slugs invented).
SHAPES = {
    "rusi": "/explore-our-research/publications/commentary/{slug}",
    "csis": "/analysis/{slug}",
    "carnegie": "/research/2025/03/{slug}",
    "chathamhouse": "/2025/03/{slug}",
    "brookings": "/articles/{slug}/",
    "ecfr": "/article/{slug}/",
    "atlanticcouncil": "/blogs/new-atlanticist/{slug}/",
    "warontherocks": "/2025/03/{slug}/",
    "lowy": "/the-interpreter/{slug}",
    "iiss": "/online-analysis/online-analysis/2025/03/{slug}/",
    "rand": "/pubs/commentary/2025/03/{slug}.html",
    "heritage": "/defense/commentary/{slug}",
    "swp": "/en/publication/{slug}",
}
NOT_ARTICLES = ["/experts/jane-doe", "/events/", "/about"]


def test_at_least_ten_profiles_ship_each_with_what_is_known() -> None:
    profiles = load_profiles()
    assert set(SHAPES) <= set(profiles) and len(profiles) >= 10
    for profile in profiles.values():
        assert profile.verified and profile.discovery and profile.patterns
        assert all(source.evidence for source in profile.discovery)
    # Profiles resting on inference say so.
    assert {n for n, p in profiles.items() if p.evidence_level == "inferred"} >= {"rusi", "iiss"}
    # Dead or blocked feeds are not anyone's first choice.
    for name in ("rusi", "brookings", "carnegie", "iiss", "chathamhouse"):
        assert profiles[name].discovery[0].kind != "feed" or name == "carnegie"


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_article_patterns_accept_articles_and_refuse_listings(name: str) -> None:
    profile = load_profiles()[name]
    host = profile.hosts[0]
    assert profile.is_article_url(
        f"https://{host}" + SHAPES[name].format(slug="a-piece-on-deterrence")
    )
    for path in NOT_ARTICLES:
        assert not profile.is_article_url(f"https://{host}{path}"), path
    assert not profile.is_article_url("https://elsewhere.example" + SHAPES[name].format(slug="x"))


def shaped_site(profile: Profile, pages: dict[str, bytes]) -> LoopbackSite:
    """Serve ``pages`` (path -> HTML) behind the profile's first discovery source."""
    site = LoopbackSite()
    for path, html in pages.items():
        site.route(path, Reply(body=html))
    for path in NOT_ARTICLES:
        site.route(path, "<html><body><p>not an article</p></body></html>")
    source = profile.discovery[0]
    source_path = re.sub(r"^https?://[^/]+", "", source.url)
    links = [*pages, *NOT_ARTICLES]

    def absolute(path: str) -> str:
        return site.base + path

    if source.kind == "sitemap":

        def index(_p: str, _h: dict[str, str]) -> Reply:
            body = (
                '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap>'
                f"<loc>{absolute('/post-sitemap1.xml.gz')}</loc><lastmod>2025-03-05</lastmod>"
                "</sitemap></sitemapindex>"
            )
            return Reply(body=body.encode(), content_type="application/xml")

        def child(_p: str, _h: dict[str, str]) -> Reply:
            urls = "".join(
                f"<url><loc>{absolute(p)}</loc><lastmod>2025-03-04</lastmod></url>" for p in links
            )
            body = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
            return Reply(body=gzip.compress(body.encode()), content_type="application/x-gzip")

        site.route(source_path, index)
        site.route("/post-sitemap1.xml.gz", child)
    elif source.kind == "feed":

        def feed(_p: str, _h: dict[str, str]) -> Reply:
            items = "".join(
                f"<item><title>T</title><link>{absolute(p)}</link>"
                "<pubDate>Tue, 04 Mar 2025 09:00:00 GMT</pubDate></item>"
                for p in links
            )
            body = f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{items}</channel></rss>'
            return Reply(body=body.encode(), content_type="application/rss+xml")

        site.route(source_path, feed)
    elif source.kind == "wp-api":

        def api(path: str, _h: dict[str, str]) -> Reply:
            if not re.search(r"[?&]page=1(&|$)", path):
                return Reply(
                    400,
                    b'{"code":"rest_post_invalid_page_number"}',
                    content_type="application/json",
                )
            posts = [{"link": absolute(p), "date": "2025-03-04T09:00:00"} for p in links]
            return Reply(body=json.dumps(posts).encode(), content_type="application/json")

        site.route(source_path.split("?")[0], api)
    else:  # a listing: two pages, the second reached through its "next" link
        first, rest = links[:2], links[2:]

        def listing(items: list[str], nxt: str | None) -> Reply:
            lis = "".join(f"<li><a href='{p}'>{p}</a></li>" for p in items)
            more = f"<a rel='next' href='{nxt}'>Next</a>" if nxt else ""
            return Reply(body=f"<html><body><ul>{lis}</ul>{more}</body></html>".encode())

        site.route(source_path.split("?")[0], lambda _p, _h: listing(first, "/listing-page-two"))
        site.route("/listing-page-two", lambda _p, _h: listing(rest, None))
    return site


def crawl(tmp_path: Path, profile: Profile, site: LoopbackSite) -> tuple[CrawlReport, Corpus]:
    corpus = Corpus.open(tmp_path / "ix", create=True)
    report = corpus.crawl(CrawlOptions(sites=(profile.rebased(site.base),), delay=0.0))
    return report, corpus


@pytest.fixture(scope="module")
def shared_corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """One corpus for the profile crawls (each on its own loopback host): the tagger's
    data is loaded once."""
    return Corpus.open(tmp_path_factory.mktemp("profiles") / "ix", create=True)


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_each_profile_crawls_a_site_shaped_like_it(name: str, shared_corpus: Corpus) -> None:
    profile = load_profiles()[name]
    pages = {
        SHAPES[name].format(slug=f"{name}-commentary-number-{n}"): article_html(
            f"{name} commentary {n}"
        ).encode()
        for n in range(3)
    }
    site = shaped_site(profile, pages)
    with serve(site):
        report = shared_corpus.crawl(CrawlOptions(sites=(profile.rebased(site.base),), delay=0.0))
    assert report.added == 3 and not report.failed, (report.failed, report.sources)
    assert report.sources[0]["kind"] == profile.discovery[0].kind
    assert not set(NOT_ARTICLES) & set(site.paths())  # filtered before any request
    if profile.discovery[0].kind == "listing":
        assert "/listing-page-two" in site.paths()
    titles = {h.title for h in shared_corpus.search(f'"{name} commentary"', limit=10).hits}
    assert titles == {f"{name} commentary {n}" for n in range(3)}


def test_brookings_real_pages_through_its_sitemap(tmp_path: Path) -> None:
    folder = shared_path("thinktanks", "brookings-full")
    meta = json.loads((folder / "page-metadata.json").read_text("utf-8"))
    pages: dict[str, bytes] = {}
    titles = set()
    for name, info in meta.items():
        data = (folder / name).read_bytes()
        url = info["cc_log_url"]
        pages[re.sub(r"^https?://[^/]+", "", url)] = data
        titles.add(info["jsonld_NewsArticle"]["headline"])
    profile = load_profiles()["brookings"]
    site = shaped_site(profile, pages)
    with serve(site):
        report, corpus = crawl(tmp_path, profile, site)
    assert report.added == len(pages) == 11, report.failed
    hits = corpus.search("", limit=20).hits
    assert {h.title for h in hits} == titles
    assert all(h.url and h.url.startswith("https://www.brookings.edu/articles/") for h in hits)


def test_carnegie_real_page_among_listing_items(tmp_path: Path) -> None:
    real = shared_path(
        "thinktanks", "carnegie", "carnegieendowment.org_chinafinancialmarkets_79641.html"
    )
    profile = load_profiles()["carnegie"]
    pages = {
        "/chinafinancialmarkets/79641": real.read_bytes(),
        "/research/2025/03/an-invented-carnegie-piece": article_html("Invented piece").encode(),
    }
    site = shaped_site(profile, pages)
    with serve(site):
        report, corpus = crawl(tmp_path, profile, site)
    assert report.added == 2, report.failed
    titles = {h.title for h in corpus.search("", limit=5).hits}
    assert "Washington Should Tax Capital Inflows" in titles


@pytest.mark.parametrize("status", [200, 403, 429])
def test_real_antibot_answers_are_reported_with_the_way_around(tmp_path: Path, status: int) -> None:
    folder = shared_path("thinktanks", "antibot")
    samples = sorted(folder.glob("*.html"))
    profile = load_profiles()["heritage"]
    site = LoopbackSite()
    paths = [SHAPES["heritage"].format(slug=f"blocked-piece-{n}") for n in range(len(samples))]
    pages = dict(zip(paths, (s.read_bytes() for s in samples), strict=False))
    site = shaped_site(profile, pages)
    for path, body in pages.items():
        site.route(path, Reply(status, body, {"Retry-After": "0"} if status == 429 else {}))
    with serve(site):
        corpus = Corpus.open(tmp_path / "ix", create=True)
        report = corpus.crawl(
            CrawlOptions(sites=(profile.rebased(site.base),), delay=0.0, retries=0, backoff=0.0)
        )
    assert report.added == 0 and len(corpus) == 0
    if status == 429:  # rate limited: the advice is to slow down, not to switch tools
        assert all("rate limited" in r or "refused" in r for _, r in report.failed)
    else:
        assert report.hint and "save them" in report.hint
    # After three refusals in a row the host is left alone: no more requests to it.
    article_requests = [p for p in site.paths() if p in pages]
    assert len(article_requests) <= 3 if status != 200 else len(article_requests) == len(pages)
    assert len(report.failed) == len(pages)
    assert all(
        "Cloudflare" in reason or "refused" in reason or "HTTP" in reason
        for _, reason in report.failed
    )


def test_a_blocked_first_source_falls_back_to_the_next(tmp_path: Path) -> None:
    profile = load_profiles()["chathamhouse"]  # listing first, then the (often blocked) feed
    challenge = shared_path("thinktanks", "antibot", "aei_cloudflare_challenge_articles.html")
    pages = {
        SHAPES["chathamhouse"].format(slug=f"expert-comment-{n}"): article_html(f"C{n}").encode()
        for n in range(2)
    }
    moved = Profile.from_dict(
        {
            "name": "chathamhouse",
            "hosts": list(profile.hosts),
            "discovery": [
                {"kind": "listing", "url": profile.discovery[0].url},
                {"kind": "feed", "url": "https://www.chathamhouse.org/rss"},
            ],
            "articles": list(profile.articles),
            "verified": "test",
        }
    )
    site = shaped_site(
        Profile.from_dict(
            {
                **_as_dict(moved),
                "discovery": [{"kind": "feed", "url": "https://www.chathamhouse.org/rss"}],
            }
        ),
        pages,
    )
    site.route("/publications", Reply(403, challenge.read_bytes()))
    with serve(site):
        corpus = Corpus.open(tmp_path / "ix", create=True)
        report = corpus.crawl(CrawlOptions(sites=(moved.rebased(site.base),), delay=0.0))
    assert report.added == 2
    assert report.sources[0]["blocked"] and "Cloudflare" in report.sources[0]["error"]
    assert report.sources[1]["kind"] == "feed" and report.sources[1]["found"] == 2


def _as_dict(profile: Profile) -> dict[str, object]:
    return {
        "name": profile.name,
        "hosts": list(profile.hosts),
        "discovery": [{"kind": s.kind, "url": s.url} for s in profile.discovery],
        "articles": list(profile.articles),
        "verified": profile.verified,
    }
