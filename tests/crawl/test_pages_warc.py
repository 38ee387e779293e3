"""Page recognition (article / listing / anti-bot / error) and WARC files written by
other crawlers (gzip-encoded and chunked responses, non-HTML records, damaged files)."""

from __future__ import annotations

import gzip
from io import BytesIO
from pathlib import Path

import pytest

from corpus_search import Corpus
from corpus_search.errors import InputError
from corpus_search.extract.warc import extract_page, extract_warc
from corpus_search.sites.pages import antibot_reason, inspect_page, looks_like_article_url
from tests.conftest import shared_path
from tests.crawl.server import article_html
from tests.crawl.test_hostile import REPORT_PDF


def test_real_antibot_samples_are_recognised() -> None:
    folder = shared_path("thinktanks", "antibot")
    samples = sorted(folder.glob("*.html"))
    assert len(samples) >= 6
    for sample in samples:
        reason = antibot_reason(sample.read_text("utf-8", "replace"))
        assert reason and "Cloudflare" in reason, sample.name
    challenge = (folder / "aei_cloudflare_challenge_articles.html").read_bytes()
    with pytest.raises(InputError, match="anti-bot page: Cloudflare browser challenge"):
        extract_page(challenge, "https://www.aei.org/articles/")


def test_real_articles_are_not_taken_for_antibot_pages() -> None:
    for path in sorted(shared_path("thinktanks", "brookings-full").glob("*.html")):
        assert antibot_reason(path.read_text("utf-8", "replace")) is None, path.name
    carnegie = shared_path(
        "thinktanks", "carnegie", "carnegieendowment.org_chinafinancialmarkets_79641.html"
    )
    assert antibot_reason(carnegie.read_text("utf-8", "replace")) is None  # has Incapsula scripts


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://t.example/tag/nato/", "listing"),
        ("https://t.example/author/jane-doe", "listing"),
        ("https://t.example/experts/jane-doe", "listing"),
        ("https://t.example/search?q=china", "listing"),
        ("https://t.example/events/calendar/2026/11", "listing"),
        ("https://t.example/2025/03/a-long-piece-on-alliances/", "article"),
    ],
)
def test_page_kinds_by_url_shape(url: str, kind: str) -> None:
    assert inspect_page(article_html("A piece"), url).kind == kind


@pytest.mark.parametrize(
    "url",
    ["https://t.example/category/analysis/page/3/", "https://t.example/analysis?page=4"],
)
def test_pagination_in_an_address_yields_to_prose(url: str) -> None:
    """A paginated or section address is a listing when the page lists, but an article
    whose address carries ``?page=1`` (real news sites do) stays an article."""
    cards = "".join(
        f"<article><h3><a href='/2025/0{n}/piece-{n}'>Piece number {n} on alliances</a></h3>"
        f"<p>A short summary of piece {n}, one sentence long, as listings print.</p></article>"
        for n in range(1, 9)
    )
    listing = f"<html><body><main><h1>Analysis</h1>{cards}</main></body></html>"
    assert inspect_page(listing, url).kind == "listing"
    assert inspect_page(article_html("A piece"), url).kind == "article"


def test_page_kinds_by_content() -> None:
    links = "".join(
        f"<li><a href='/2025/0{n}/piece-number-{n}-here'>Piece number {n} here</a></li>"
        for n in range(1, 9)
    )
    listing = f"<html><body><h1>Latest</h1><ul>{links}</ul><a rel='next' href='?page=2'>Next</a></body></html>"
    info = inspect_page(listing, "https://t.example/latest")
    assert info.kind == "listing" and info.next_url == "https://t.example/latest?page=2"
    assert len(info.links) == 9
    error = "<html><head><title>Page not found | T</title></head><body><p>Sorry.</p></body></html>"
    assert inspect_page(error, "https://t.example/2025/03/gone-piece-here").kind == "error"
    feeds = '<html><head><link rel="alternate" type="application/rss+xml" href="/feed/"></head><body></body></html>'
    assert inspect_page(feeds, "https://t.example/").feeds == ["https://t.example/feed/"]
    assert looks_like_article_url("https://t.example/2025/03/a-long-piece-on-alliances/")
    assert not looks_like_article_url("https://t.example/about")


def foreign_warc(path: Path) -> None:
    """A WARC as another crawler writes it: raw HTTP responses, gzip-encoded and chunked
    bodies, a stylesheet, a redirect, and a listing page."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    def chunked(data: bytes) -> bytes:
        return (
            b"".join(
                b"%x\r\n%s\r\n" % (len(data[i : i + 500]), data[i : i + 500])
                for i in range(0, len(data), 500)
            )
            + b"0\r\n\r\n"
        )

    records = [
        (
            "https://w.example/2025/01/gzip-encoded-piece",
            {"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"},
            gzip.compress(article_html("Gzip piece").encode()),
        ),
        (
            "https://w.example/2025/01/chunked-piece",
            {"Content-Type": "text/html", "Transfer-Encoding": "chunked"},
            chunked(article_html("Chunked piece").encode()),
        ),
        ("https://w.example/style.css", {"Content-Type": "text/css"}, b"body{}"),
        ("https://w.example/files/a-report.pdf", {"Content-Type": "application/pdf"}, REPORT_PDF),
        (
            "https://w.example/tag/x/",
            {"Content-Type": "text/html"},
            b"<html><body><a href='/a'>a</a></body></html>",
        ),
    ]
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for url, headers, body in records:
            http = StatusAndHeaders("200 OK", list(headers.items()), protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=BytesIO(body), length=len(body), http_headers=http
            )
            writer.write_record(record)
        moved = StatusAndHeaders(
            "301 Moved", [("Location", "https://w.example/")], protocol="HTTP/1.1"
        )
        writer.write_record(
            writer.create_warc_record(
                "https://w.example/old",
                "response",
                payload=BytesIO(b""),
                length=0,
                http_headers=moved,
            )
        )


def test_a_warc_from_another_crawler(tmp_path: Path) -> None:
    warc = tmp_path / "other-crawler.warc.gz"
    foreign_warc(warc)
    docs = extract_warc(warc)
    titles = sorted(d.title for d in docs if not isinstance(d, InputError))
    assert titles == ["Annual report on deterrence and alliances", "Chunked piece", "Gzip piece"]
    report = Corpus.open(tmp_path / "ix", create=True).ingest([warc])
    assert report.added == 3 and not report.failed


def test_a_damaged_warc_is_an_input_error(tmp_path: Path) -> None:
    warc = tmp_path / "broken.warc.gz"
    foreign_warc(warc)
    data = warc.read_bytes()
    warc.write_bytes(data[: len(data) // 2] + b"garbage" * 50)
    report = Corpus.open(tmp_path / "ix", create=True).ingest([warc])
    reason = report.failed[0].reason if report.failed else ""
    assert "damaged WARC" in reason or "cannot read WARC" in reason
    assert report.added >= 1  # the records before the damage are kept
