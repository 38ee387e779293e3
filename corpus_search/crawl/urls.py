"""URL normalisation, de-duplication keys and the crawl scope.

``normalize`` gives the URL the crawler fetches (absolute, http(s) only, no fragment, no
tracking parameters, lower-case scheme and host, no default port); ``url_key`` is the
identity used to de-duplicate and to remember what was fetched (``normalize`` plus: no
trailing slash, so ``/a/`` and ``/a`` are one page). ``Scope`` decides which URLs a crawl
may touch.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from urllib.parse import urlsplit, urlunsplit

from corpus_search.urls import web_url


def normalize(url: str, base: str | None = None) -> str | None:
    """The canonical form of ``url`` (resolved against ``base``), or None when it is not
    an http(s) URL (mailto:, javascript:, file:, a malformed host, ...). Never raises:
    this is ``corpus_search.urls.web_url``."""
    return web_url(url, base)


def url_key(url: str) -> str:
    """The identity of a page for de-duplication: normalised, without a trailing slash."""
    norm = normalize(url)
    if norm is None:
        return url
    parts = urlsplit(norm)
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))


def host_of(url: str) -> str:
    """``host[:port]`` of a URL, lower-case ("" when it has none)."""
    try:
        return urlsplit(url).netloc.lower()
    except ValueError:
        return ""


def is_private_host(host: str) -> bool:
    """True for loopback, private, link-local and reserved addresses and ``localhost``.
    Host names are not resolved: a name is judged by its spelling only."""
    name = host.split("@")[-1]
    if name.startswith("["):
        name = name[1 : name.find("]")]
    elif name.count(":") == 1:
        name = name.split(":")[0]
    name = name.lower().rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False
    return bool(
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_reserved
        or address.is_multicast
        or address.is_unspecified
    )


class Scope:
    """Which URLs a crawl may fetch: http(s) on the given hosts (``www.`` and bare forms
    alike), and private or loopback addresses only when a start URL is itself one."""

    def __init__(self, hosts: Iterable[str], allow_private: bool = False) -> None:
        self.hosts: set[str] = set()
        for host in hosts:
            host = host.lower()
            self.hosts.add(host)
            self.hosts.add(host[4:] if host.startswith("www.") else f"www.{host}")
        self.allow_private = allow_private

    @classmethod
    def for_urls(cls, urls: Iterable[str], extra_hosts: Iterable[str] = ()) -> Scope:
        urls = list(urls)
        hosts = [host_of(u) for u in urls] + list(extra_hosts)
        return cls(hosts, allow_private=any(is_private_host(host_of(u)) for u in urls))

    def why_not(self, url: str) -> str | None:
        """None when ``url`` is in scope, else the reason it is not."""
        norm = normalize(url)
        if norm is None:
            scheme = urlsplit(url).scheme or "(none)"
            return f"not an http(s) URL (scheme {scheme})"
        host = host_of(norm)
        if is_private_host(host) and not self.allow_private:
            return f"private or loopback address {host} (allowed only when the start URL is one)"
        if host not in self.hosts:
            return f"off-site host {host}"
        return None

    def allows(self, url: str) -> bool:
        return self.why_not(url) is None
