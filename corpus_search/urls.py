"""The one way a URL taken from a page or a response is read: ``web_url``.

Links, ``<link rel=canonical>``, ``og:url``, JSON-LD ``url``, sitemap ``<loc>``, feed links
and ``Location`` headers are written by strangers: brackets that hold no address
(``https://[ccpa-preferences]/``), ports past 65535, control characters, hosts of 300
characters. ``web_url`` turns any such value into a normalised absolute http(s) URL, or
None when it cannot be one; it never raises, whatever it is given.

The normal form: scheme and host in lower case, an international host in its ASCII
(IDNA) form, no user name or password, no default port, no fragment, no empty or dot
segments in the path, characters outside URL syntax percent-encoded, and no tracking
parameters (``utm_*``, ``fbclid``, ...) in the query. Applying it twice changes nothing.
This module only reads strings: it speaks no HTTP and resolves no names.
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import quote, unquote, urljoin, urlsplit, urlunsplit

MAX_URL_CHARS = 8192  # longer values are not URLs a site means to be followed
DEFAULT_PORTS = {"http": 80, "https": 443}
TRACKING_PARAMS = re.compile(
    r"^(utm_\w*|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|_hsenc|_hsmi"
    r"|igshid|ref_src|ref_url|cmpid|s_cid|_ga|_gl|mkt_tok|share|amp)$",
    re.IGNORECASE,
)
# What may stay as written in a path and a query; everything else is percent-encoded
# (``%`` stays: an existing escape is kept, a stray one is fixed below).
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"
_QUERY_SAFE = _PATH_SAFE + "?"
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_EDGES = re.compile(r"^[\x00-\x20]+|[\x00-\x20]+$")
_NUMBER = re.compile(r"^(0x[0-9a-f]*|[0-9]+)$")
_LABEL = re.compile(r"^(?!-)[a-z0-9_-]{1,63}(?<!-)$")


def web_url(value: object, base: object = None) -> str | None:
    """``value`` (resolved against ``base`` when relative) as a normalised absolute
    http(s) URL, or None. Never raises."""
    try:
        return _web_url(value, base)
    except Exception:  # a last guard: a URL from the web must never stop a batch
        return None


def _web_url(value: object, base: object) -> str | None:
    if not isinstance(value, str):
        return None
    # As browsers do: surrounding spaces and controls go, tabs and newlines inside too.
    text = _EDGES.sub("", value.strip())
    text = re.sub(r"[\t\n\r]", "", text)
    if not text or len(text) > MAX_URL_CHARS or text.startswith("#"):
        return None
    head, mark, tail = text.partition("?")
    text = head.replace("\\", "/") + mark + tail  # as browsers read http(s) URLs
    absolute = re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*://", text) is not None
    if isinstance(base, str) and base and not absolute:
        root = web_url(base)
        if root is not None:  # a base that is no web URL (a file's): absolute links only
            text = urljoin(root, text)
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        return None
    host = _host(parts.netloc)
    if host is None:
        return None
    port = parts.port  # ValueError past 65535 or not a number: caught above
    if port == 0:
        return None
    netloc = host if port is None or port == DEFAULT_PORTS[scheme] else f"{host}:{port}"
    path = _path(parts.path)
    query = _query(parts.query)
    if path is None or query is None:
        return None
    url = urlunsplit((scheme, netloc, path, query, ""))
    return url if len(url) <= MAX_URL_CHARS else None


def _host(netloc: str) -> str | None:
    """The host of ``netloc`` in normal form (no user, no port), or None."""
    hostport = netloc.rpartition("@")[2]
    if hostport.startswith("["):
        end = hostport.find("]")
        if end < 0:
            return None
        try:
            address = ipaddress.IPv6Address(hostport[1:end].split("%")[0])
        except ValueError:
            return None
        return f"[{address.compressed}]"
    host = hostport.rsplit(":", 1)[0] if ":" in hostport else hostport
    host = unquote(host).lower().rstrip(".")
    if not host or _CONTROL.search(host) or any(c in host for c in ' <>"{}|^`[]%/\\'):
        return None
    if not host.isascii():
        try:
            host = ".".join(
                label.encode("idna").decode("ascii") if not label.isascii() else label
                for label in host.split(".")
            )
        except (UnicodeError, ValueError):
            return None
    if re.fullmatch(r"[0-9.]+", host):
        try:
            return str(ipaddress.IPv4Address(host))
        except ValueError:
            return None
    labels = host.split(".")
    if _NUMBER.match(labels[-1]):  # read as an address by resolvers (127.1, 0x7f.1)
        return None
    if len(host) > 253 or not all(_LABEL.match(label) for label in labels):
        return None
    return host


def _path(path: str) -> str | None:
    segments: list[str] = []
    for segment in path.split("/")[1:] if path.startswith("/") else path.split("/"):
        if segment == "..":
            if segments:
                segments.pop()
        elif segment not in ("", "."):
            segments.append(segment)
    trailing = path.endswith(("/", "/.", "/..")) and bool(segments)
    clean = "/" + "/".join(segments) + ("/" if trailing else "")
    return _BAD_ESCAPE.sub("%25", quote(clean, safe=_PATH_SAFE))


def _query(query: str) -> str | None:
    kept = []
    for piece in query.split("&"):
        if not piece:
            continue
        name = unquote(piece.split("=", 1)[0].replace("+", " "))
        if TRACKING_PARAMS.match(name):
            continue
        kept.append(piece)
    joined = "&".join(kept)
    return _BAD_ESCAPE.sub("%25", quote(joined, safe=_QUERY_SAFE))


__all__ = ["DEFAULT_PORTS", "MAX_URL_CHARS", "TRACKING_PARAMS", "web_url"]
