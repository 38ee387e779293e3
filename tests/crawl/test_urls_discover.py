"""URL normalisation, scope, and the discovery parsers (pure functions on bytes)."""

from __future__ import annotations

import gzip
import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus_search.crawl.discover import parse_any, parse_feed, parse_sitemap, parse_wp_posts
from corpus_search.crawl.urls import Scope, is_private_host, normalize, url_key


def test_normalize_drops_fragments_tracking_and_default_ports() -> None:
    url = "HTTPS://Example.ORG:443/a//b/?utm_source=x&id=7&fbclid=zz#top"
    assert normalize(url) == "https://example.org/a/b/?id=7"
    assert normalize("/c?gclid=1", base="http://h.example:8080/x/") == "http://h.example:8080/c"
    for bad in ("mailto:a@b.c", "javascript:void(0)", "file:///etc/passwd", "ftp://h/x", ""):
        assert normalize(bad) is None


def test_url_key_merges_trailing_slash_variants() -> None:
    assert url_key("https://a.example/x/") == url_key("https://a.example/x")
    assert url_key("https://a.example/x/?utm_medium=m") == url_key("https://a.example/x")
    assert url_key("https://a.example/x") != url_key("https://a.example/y")


@given(st.text(alphabet="abcXYZ/-_.?=&#%0189", max_size=30))
def test_normalize_is_idempotent(path: str) -> None:
    once = normalize("http://h.example/" + path)
    if once is not None:
        assert normalize(once) == once


def test_scope_hosts_schemes_and_private_addresses() -> None:
    public = Scope(["www.think.example"])
    assert public.allows("https://think.example/a")  # bare and www. forms alike
    assert "off-site" in (public.why_not("https://elsewhere.example/a") or "")
    assert "not an http" in (public.why_not("file:///etc/passwd") or "")
    assert is_private_host("127.0.0.1:8000") and is_private_host("10.1.2.3")
    assert is_private_host("[::1]:80") and is_private_host("localhost")
    assert not is_private_host("93.184.216.34")
    # Loopback is refused unless the start URL is itself on loopback.
    assert "private" in (Scope(["127.0.0.1:9"]).why_not("http://127.0.0.1:9/x") or "")
    assert Scope.for_urls(["http://127.0.0.1:9/"]).allows("http://127.0.0.1:9/x")
    assert not Scope.for_urls(["http://127.0.0.1:9/"]).allows("http://192.168.1.1/x")


SITEMAP_INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://t.example/post-sitemap.xml.gz</loc><lastmod>2025-02-01</lastmod></sitemap>
  <sitemap><loc>https://t.example/page-sitemap.xml</loc></sitemap>
</sitemapindex>"""
URLSET = b"""<?xml version="1.0"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc> https://t.example/articles/one/ </loc><lastmod>2024-12-30T10:00:00+00:00</lastmod></url>
  <url><loc>https://t.example/articles/two/</loc></url>
</urlset>"""


def test_sitemap_index_urlset_gzip_and_lastmod() -> None:
    kind, entries = parse_sitemap(SITEMAP_INDEX)
    assert kind == "index"
    assert entries == [
        ("https://t.example/post-sitemap.xml.gz", date(2025, 2, 1)),
        ("https://t.example/page-sitemap.xml", None),
    ]
    kind, entries = parse_sitemap(gzip.compress(URLSET))
    assert kind == "urlset"
    assert entries == [
        ("https://t.example/articles/one/", date(2024, 12, 30)),
        ("https://t.example/articles/two/", None),
    ]
    with pytest.raises(ValueError, match="not a sitemap"):
        parse_sitemap(b"<html><body>hello</body></html>")


def test_sitemap_parser_does_not_expand_entities() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>&c;</loc></url></urlset>'
    )
    _, entries = parse_sitemap(bomb)
    assert all(len(loc) < 100 for loc, _ in entries)


def test_feeds_rss_atom_and_html_impostor() -> None:
    rss = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
      <item><title>A</title><link>https://t.example/2025/01/a-b-c/</link>
      <pubDate>Tue, 07 Jan 2025 10:00:00 GMT</pubDate></item></channel></rss>"""
    atom = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
      <entry><title>B</title><link href="https://t.example/b-c-d"/><updated>2024-06-01T00:00:00Z</updated></entry></feed>"""
    assert parse_feed(rss) == [("https://t.example/2025/01/a-b-c/", date(2025, 1, 7))]
    assert parse_feed(atom) == [("https://t.example/b-c-d", date(2024, 6, 1))]
    with pytest.raises(ValueError):
        parse_feed(b"<!DOCTYPE html><html><head><title>Just a moment...</title></head></html>")
    assert parse_any(rss) is not None and parse_any(rss)[0] == "feed"  # type: ignore[index]


def test_wordpress_api_pages() -> None:
    page = json.dumps(
        [{"link": "https://t.example/blogs/x/a-b/", "date": "2025-05-06T08:00:00"}, {"id": 3}]
    ).encode()
    assert parse_wp_posts(page) == [("https://t.example/blogs/x/a-b/", date(2025, 5, 6))]
    with pytest.raises(ValueError):
        parse_wp_posts(b'{"code": "rest_post_invalid_page_number"}')
