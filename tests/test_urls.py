"""``web_url``: any value in, a normalised absolute http(s) URL or None out, never an
exception. Property tests over generated URLs (1,000+ cases a default run, 10,000+ with
--slow) and the shapes that stopped whole batches before."""

from __future__ import annotations

import string
from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus_search.urls import MAX_URL_CHARS, web_url
from tests.conftest import count_case, fuzz

SCHEMES = st.sampled_from(
    ["http", "https", "HTTP", "HtTpS", "ftp", "file", "javascript", "mailto", "data", "", "h ttp"]
)
HOSTS = st.one_of(
    st.sampled_from(
        [
            "example.org",
            "WWW.Example.ORG.",
            "[ccpa-preferences]",
            "[::1]",
            "[2001:db8::1]",
            "[fe80::1%25eth0]",
            "[1.2.3.4]",
            "[",
            "]",
            "[::1",
            "127.0.0.1",
            "127.1",
            "0x7f.1",
            "999.1.1.1",
            "münchen.de",
            "xn--mnchen-3ya.de",
            "exa mple.org",
            "-bad-.org",
            "a..b",
            "user:pw@example.org",
            "@example.org",
            "ex%41mple.org",
            "localhost",
            "",
            "a" * 64 + ".org",
            ("a" * 60 + ".") * 5 + "org",
            "\u0000evil.org",
            "evil.org\u202e",
            "xn--",
            "_dmarc.example.org",
        ]
    ),
    st.text(alphabet=string.ascii_letters + string.digits + "-._~[]:@%", max_size=30),
    st.text(max_size=20),
)
PORTS = st.one_of(
    st.none(),
    st.integers(min_value=-5, max_value=200_000).map(str),
    st.sampled_from(["", "80", "443", "0", "65535", "65536", "99999999999", "x", "8o", " 80"]),
)
PATHS = st.one_of(
    st.sampled_from(["", "/", "/a/b/", "/a/../../b", "/./x/.", "//x//y", "/%zz", "/%", "/ä ö"]),
    st.text(max_size=60).map(lambda t: "/" + t),
)
QUERIES = st.one_of(
    st.just(""),
    st.sampled_from(["?", "?a=1&utm_source=x&b", "?&&", "?q=a b&fbclid=1", "?%", "?x=ä"]),
    st.text(max_size=30).map(lambda t: "?" + t),
)
FRAGMENTS = st.one_of(st.just(""), st.text(max_size=10).map(lambda t: "#" + t))


@st.composite
def built_urls(draw: st.DrawFn) -> str:
    scheme = draw(SCHEMES)
    host = draw(HOSTS)
    port = draw(PORTS)
    netloc = host if port is None else f"{host}:{port}"
    sep = draw(st.sampled_from(["://", ":", ":/", ":///", "://\\"]))
    return f"{scheme}{sep}{netloc}{draw(PATHS)}{draw(QUERIES)}{draw(FRAGMENTS)}"


RELATIVE = st.one_of(
    st.sampled_from(
        [
            "",
            ".",
            "..",
            "/",
            "./",
            "../",
            "../../../../x",
            "/..",
            "?",
            "?q=1",
            "#",
            "#top",
            "a",
            "a/b/../c",
            ";p",
            "//",
            "///x",
            "//other.example/p",
            "//[ccpa-preferences]/",
            "\\\\evil.example\\x",
            "/\\evil.example",
            " \t/spaced\n ",
            "javascript:void(0)",
            "mailto:a@b.c",
            "tel:+1",
            "data:text/html,x",
            "http:",
            "http:/x",
            "http://",
            "https://[ccpa-preferences]/",
        ]
    ),
    st.text(max_size=40),
    built_urls(),
)
BASES = st.one_of(
    st.sampled_from(
        [
            "https://think.example/2024/05/article/",
            "http://127.0.0.1:8080/a?b=1",
            "https://[2001:db8::1]/x",
            "file:///tmp/page.html",
            "",
            "https://[ccpa-preferences]/",
        ]
    ),
    built_urls(),
)
LONG = st.builds(
    lambda head, n, piece: head + piece * n,
    st.sampled_from(["https://example.org/", "http://", "", "https://" + "a" * 70 + "."]),
    st.integers(min_value=100, max_value=3000),
    st.sampled_from(["a", "ab/", "%", "[", "é", "\x00", "..", "?&"]),
)
ANY_VALUE = st.one_of(
    built_urls(), RELATIVE, LONG, st.text(), st.none(), st.integers(), st.binary(max_size=20)
)


def check(result: str | None, value: object, base: object = None) -> None:
    assert result is None or isinstance(result, str), (value, base)
    if result is None:
        return
    assert result.startswith(("http://", "https://")), result
    assert result.isascii() and result.isprintable() and " " not in result, result
    assert "#" not in result and len(result) <= MAX_URL_CHARS
    parts = urlsplit(result)  # a URL every library can read
    assert parts.hostname and parts.scheme in ("http", "https")
    assert parts.port is None or 0 < parts.port < 65536
    assert parts.username is None and parts.password is None
    assert "/./" not in parts.path and "/../" not in parts.path and "//" not in parts.path
    assert web_url(result) == result  # normal form: a second pass changes nothing
    assert web_url(result, "https://other.example/dir/") == result  # absolute stays


@fuzz(500, 5000)
@given(ANY_VALUE)
def test_any_value_is_a_web_url_or_none(value: object) -> None:
    count_case(__name__)
    check(web_url(value), value)


@fuzz(500, 5000)
@given(RELATIVE, BASES)
def test_any_relative_form_against_any_base(value: str, base: str) -> None:
    count_case(__name__)
    check(web_url(value, base), value, base)


@fuzz(200, 2000)
@given(st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=200), BASES)
def test_unicode_and_control_characters(value: str, base: str) -> None:
    count_case(__name__)
    check(web_url(value, base), value, base)
    check(web_url("https://example.org/" + value), value)


@pytest.mark.parametrize(
    ("value", "base", "expected"),
    [
        ("https://[ccpa-preferences]/", None, None),
        ("https://[ccpa-preferences]/", "https://a.example/", None),
        ("/x", "https://[ccpa-preferences]/", None),  # a broken base: relative cannot resolve
        ("https://ok.example/x", "https://[ccpa-preferences]/", "https://ok.example/x"),
        ("http://[::1]:8080/a", None, "http://[::1]:8080/a"),
        ("http://[0:0::1]/", None, "http://[::1]/"),
        ("http://example.org:65536/", None, None),
        ("http://example.org:0/", None, None),
        (
            "HTTP://User:Pw@WWW.Example.ORG.:80/a/./b/../c?utm_source=x&k=v#frag",
            None,
            "http://www.example.org/a/c?k=v",
        ),
        ("../../up", "https://think.example/a/b/c", "https://think.example/up"),
        ("//cdn.example/x", "https://think.example/", "https://cdn.example/x"),
        ("?page=2", "https://think.example/list", "https://think.example/list?page=2"),
        ("http://münchen.de/straße", None, "http://xn--mnchen-3ya.de/stra%C3%9Fe"),
        ("http://127.1/", None, None),
        ("javascript:alert(1)", "https://think.example/", None),
        ("  https://think.example/a b\n", None, "https://think.example/a%20b"),
        ("https://think.example/" + "a" * MAX_URL_CHARS, None, None),
        (None, None, None),
        (42, "https://think.example/", None),
    ],
)
def test_known_shapes(value: object, base: object, expected: str | None) -> None:
    assert web_url(value, base) == expected
