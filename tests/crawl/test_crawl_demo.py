"""Crawling the demo site over a real loopback server: discovery through robots.txt and
the sitemap, listings with rel=next pagination, re-runs, WARC archive and ingest."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus_search import Corpus
from corpus_search.crawl import CrawlOptions
from corpus_search.crawl.archive import archive_files
from corpus_search.crawl.state import CrawlState
from corpus_search.demo.site import build_site, serve_site

FAST = {"delay": 0.0}


@pytest.fixture(scope="module")
def site_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("demo-site")
    build_site(root)
    return root


@pytest.fixture
def base(site_root: Path) -> Iterator[str]:
    with serve_site(site_root) as url:
        yield url


def test_site_root_finds_the_sitemap_through_robots(base: str, tmp_path: Path) -> None:
    corpus = Corpus.open(tmp_path / "ix", create=True)
    report = corpus.crawl(CrawlOptions(urls=(base + "/",), **FAST))
    assert (report.found, report.fetched, report.added) == (48, 48, 48)
    assert not report.failed and report.sources[0]["kind"] == "sitemap"
    assert len(corpus) == 48
    assert all(
        hit.url and hit.url.startswith("https://") for hit in corpus.search("", limit=48).hits
    )
    # Everything fetched is in the WARC archive, and state says what became of it.
    assert len(archive_files(corpus.path)) == 1
    state = CrawlState(corpus.path)
    assert state.counts() == {"indexed": 48}
    state.close()


def test_rerun_fetches_nothing_and_refresh_asks_conditionally(base: str, tmp_path: Path) -> None:
    corpus = Corpus.open(tmp_path / "ix", create=True)
    corpus.crawl(CrawlOptions(urls=(base + "/",), **FAST))
    again = corpus.crawl(CrawlOptions(urls=(base + "/",), **FAST))
    assert (again.fetched, again.skipped, again.added) == (0, 48, 0)
    assert again.requests == 3  # robots.txt, the home page, the sitemap: no article page
    refreshed = corpus.crawl(CrawlOptions(urls=(base + "/",), refresh=True, **FAST))
    # The server answers If-Modified-Since with 304: nothing downloaded, nothing changed.
    assert refreshed.not_modified == 48 and refreshed.fetched == 0 and refreshed.updated == 0
    assert len(corpus) == 48


def test_listing_pagination_and_max_pages_and_dry_run(base: str, tmp_path: Path) -> None:
    corpus = Corpus.open(tmp_path / "ix", create=True)
    dry = corpus.crawl(CrawlOptions(urls=(base + "/meridian/",), dry_run=True, **FAST))
    # 8 articles on two listing pages (5 + 3): the second reached through rel=next.
    assert len(dry.would_fetch) == 8 and dry.fetched == 0 and len(corpus) == 0
    assert all("/meridian/analysis/" in url for url in dry.would_fetch)
    first = corpus.crawl(CrawlOptions(urls=(base + "/meridian/",), max_pages=3, **FAST))
    assert (first.fetched, first.added, first.left) == (3, 3, 5)
    rest = corpus.crawl(CrawlOptions(urls=(base + "/meridian/",), **FAST))
    assert (rest.skipped, rest.fetched, rest.added) == (3, 5, 5)


def test_since_skips_items_the_sitemap_dates_earlier(base: str, tmp_path: Path) -> None:
    corpus = Corpus.open(tmp_path / "ix", create=True)
    everything = corpus.crawl(CrawlOptions(urls=(base + "/",), dry_run=True, **FAST))
    recent = corpus.crawl(CrawlOptions(urls=(base + "/",), since="2024", dry_run=True, **FAST))
    assert 0 < len(recent.would_fetch) < len(everything.would_fetch)
    from corpus_search.demo.site import load_articles

    expected = sum(1 for a in load_articles() if a.published.year >= 2024)
    assert len(recent.would_fetch) == expected


def test_archive_ingests_into_another_corpus_and_reindexes(base: str, tmp_path: Path) -> None:
    crawled = Corpus.open(tmp_path / "crawled", create=True)
    crawled.crawl(CrawlOptions(urls=(base + "/",), **FAST))
    warc = archive_files(crawled.path)[0]
    other = Corpus.open(tmp_path / "other", create=True)
    report = other.ingest([warc])
    assert report.added == 48 and not report.failed
    assert sorted(h.id for h in other.search("", limit=48).hits) == sorted(
        h.id for h in crawled.search("", limit=48).hits
    )
    again = crawled.reindex_from_archive()
    assert again.skipped == 48 and again.added == 0  # same pages, same documents
