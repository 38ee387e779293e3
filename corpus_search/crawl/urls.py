"""URL normalisation, de-duplication keys and the crawl scope.

``normalize`` gives the URL the crawler fetches (absolute, http(s) only, no fragment, no
tracking parameters, lower-case scheme and host, no default port); ``url_key`` is the
identity used to de-duplicate and to remember what was fetched (``normalize`` plus: no
trailing slash, so ``/a/`` and ``/a`` are one page). ``Scope`` decides which URLs a crawl
may touch, checking what a host name resolves to before letting a crawl near a private
or loopback address (the resolver is injectable: tests drive it).
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Callable, Iterable
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


Resolver = Callable[[str], list[str]]  # host name -> its addresses ([] when unknown)


def system_resolver(host: str) -> list[str]:
    """The addresses the system resolver gives for ``host`` ([] when it gives none)."""
    try:
        found = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError, ValueError):
        return []
    return sorted({str(info[4][0]).split("%")[0] for info in found})


def _bare_host(host: str) -> str:
    """``host[:port]`` (or ``[v6]:port``) without the port and brackets, lower-case."""
    name = host.split("@")[-1]
    if name.startswith("["):
        name = name[1 : name.find("]")]
    elif name.count(":") == 1:
        name = name.split(":")[0]
    return name.lower().rstrip(".")


def _private_address(name: str) -> bool:
    try:
        address = ipaddress.ip_address(name)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return bool(
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_reserved
        or address.is_multicast
        or address.is_unspecified
    )


def is_private_host(host: str) -> bool:
    """True for loopback, private, link-local and reserved addresses and ``localhost``,
    judged by spelling (``Scope`` also resolves names)."""
    name = _bare_host(host)
    if name == "localhost" or name.endswith(".localhost"):
        return True
    return _private_address(name)


class Scope:
    """Which URLs a crawl may fetch: http(s) on the given hosts (``www.`` and bare forms
    alike), and private or loopback addresses only when a start URL is itself one. A host
    name is resolved (``resolver``: the system's by default, a test's own) before the
    private-address check, so a name that points at 127.0.0.1 or 10.x is one too."""

    def __init__(
        self,
        hosts: Iterable[str],
        allow_private: bool = False,
        resolver: Resolver | None = None,
    ) -> None:
        self.hosts: set[str] = set()
        for host in hosts:
            host = host.lower()
            self.hosts.add(host)
            self.hosts.add(host[4:] if host.startswith("www.") else f"www.{host}")
        self.allow_private = allow_private
        self.resolver = resolver or system_resolver
        self._resolved: dict[str, str | None] = {}
        self._lock = threading.Lock()

    @classmethod
    def for_urls(
        cls,
        urls: Iterable[str],
        extra_hosts: Iterable[str] = (),
        resolver: Resolver | None = None,
    ) -> Scope:
        urls = list(urls)
        hosts = [host_of(u) for u in urls] + list(extra_hosts)
        scope = cls(hosts, resolver=resolver)
        scope.allow_private = any(scope.private_reason(host_of(u)) for u in urls)
        return scope

    def private_reason(self, host: str) -> str | None:
        """Why ``host`` is a private or loopback address (by spelling, or by what its name
        resolves to), or None. Answers are kept for the crawl: one lookup per host."""
        if is_private_host(host):
            return f"private or loopback address {host}"
        name = _bare_host(host)
        with self._lock:
            if name not in self._resolved:
                try:
                    addresses = self.resolver(name)
                except Exception:  # a resolver that fails says nothing about the host
                    addresses = []
                private = next((a for a in addresses if _private_address(a)), None)
                self._resolved[name] = private
            private = self._resolved[name]
        if private is not None:
            return f"{name} resolves to the private or loopback address {private}"
        return None

    def why_not(self, url: str) -> str | None:
        """None when ``url`` is in scope, else the reason it is not."""
        norm = normalize(url)
        if norm is None:
            return "not an http(s) URL (or a malformed one)"
        host = host_of(norm)
        if host not in self.hosts:
            return f"off-site host {host}"
        if not self.allow_private:
            private = self.private_reason(host)
            if private:
                return f"{private} (allowed only when the start URL is one)"
        return None

    def allows(self, url: str) -> bool:
        return self.why_not(url) is None
