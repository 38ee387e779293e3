"""Scope after DNS: a host name is resolved before the private-address check, for the
start URL and for every redirect. The resolver is injected: no test asks real DNS."""

from __future__ import annotations

import httpx
import pytest

from corpus_search.crawl.fetch import Fetcher, FetchError, FetchLimits
from corpus_search.crawl.urls import Scope

ADDRESSES = {
    "news.example": ["93.184.216.34"],
    "www.news.example": ["93.184.216.34"],
    "cdn.news.example": ["10.0.0.7"],  # an in-scope name pointing inside the network
    "mapped.news.example": ["::ffff:127.0.0.1"],
    "lab.example": ["192.168.4.2"],
}


def resolver(host: str) -> list[str]:
    asked.append(host)
    return ADDRESSES.get(host, [])


asked: list[str] = []


def test_a_name_resolving_to_a_private_address_is_out_of_scope() -> None:
    scope = Scope.for_urls(
        ["https://news.example/"],
        extra_hosts=["cdn.news.example", "mapped.news.example"],
        resolver=resolver,
    )
    assert not scope.allow_private
    assert scope.allows("https://news.example/2024/05/a-piece")
    reason = scope.why_not("https://cdn.news.example/feed") or ""
    assert "cdn.news.example resolves to the private or loopback address 10.0.0.7" in reason
    assert "resolves to the private or loopback address ::ffff:127.0.0.1" in (
        scope.why_not("https://mapped.news.example/") or ""
    )
    # off-site hosts are refused without a lookup: links to the whole web ask no DNS
    asked.clear()
    assert "off-site" in (scope.why_not("https://elsewhere.example/") or "")
    assert asked == []


def test_a_start_url_whose_name_is_private_allows_private_addresses() -> None:
    """The rule is the one for addresses: private hosts only when a start URL is one;
    a name counts by what it resolves to."""
    scope = Scope.for_urls(["http://lab.example/"], resolver=resolver)
    assert scope.allow_private and scope.allows("http://lab.example/x")
    assert not Scope.for_urls(["https://news.example/"], resolver=resolver).allow_private


def test_a_failing_resolver_does_not_stop_the_check() -> None:
    def broken(host: str) -> list[str]:
        raise RuntimeError("resolver down")

    scope = Scope.for_urls(["https://news.example/"], resolver=broken)
    assert scope.allows("https://news.example/a")  # unknown: the fetch itself will say


@pytest.mark.parametrize("target", ["https://cdn.news.example/secret", "/internal-redirect"])
def test_every_redirect_is_checked_after_dns(target: str) -> None:
    """A public page redirecting to an in-scope name that resolves inside the network:
    the redirect is refused before any request reaches it."""
    seen: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.path == "/robots.txt":
            return httpx.Response(404, stream=httpx.ByteStream(b"no robots.txt"))
        if request.url.path == "/internal-redirect":
            return httpx.Response(
                302,
                headers={"Location": "https://cdn.news.example/x"},
                stream=httpx.ByteStream(b""),
            )
        return httpx.Response(302, headers={"Location": target}, stream=httpx.ByteStream(b""))

    scope = Scope.for_urls(
        ["https://news.example/"], extra_hosts=["cdn.news.example"], resolver=resolver
    )
    transport = httpx.MockTransport(answer)
    with (
        Fetcher(FetchLimits(delay=0.0), scope, transport=transport) as fetcher,
        pytest.raises(FetchError, match="resolves to the private or loopback address"),
    ):
        fetcher.fetch("https://news.example/2024/05/a-piece")
    assert not any("cdn.news.example" in url for url in seen), seen


def test_the_crawl_takes_the_resolver_from_its_options(tmp_path: object) -> None:
    """``CrawlOptions.resolver`` reaches the crawl's scope: a start URL by name that
    resolves to a private address is allowed (the user named it), and the lookup is
    the injected one."""
    from corpus_search.crawl import CrawlOptions
    from corpus_search.crawl.crawler import run_crawl

    asked.clear()
    options = CrawlOptions(
        urls=("http://lab.example/",), resolver=resolver, dry_run=True, retries=0
    )
    run_crawl(tmp_path / "ix", lambda docs: None, options)  # type: ignore[operator]
    assert "lab.example" in asked
