"""Fetched pages to Documents: one HTTP response (from the crawler or from a WARC file).

``extract_page`` is shared by the crawler and by ``ingest FILE.warc(.gz)``: it decodes the
bytes, refuses what is not an article (anti-bot, error, listing pages; see
``corpus_search.sites.pages``) with an ``InputError`` naming the reason, and extracts the
rest. ``extract_warc`` reads every response record of a WARC file (ours, wget's
``--warc-file``, a browser-based crawler's), keeps the last capture of each URL, and
returns the article Documents; records that are not HTML articles are passed over.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path

from corpus_search.document import Document, id_for_url
from corpus_search.errors import InputError, NotAnArticle

HTML_TYPES = ("text/html", "application/xhtml+xml")
PDF_TYPE = "application/pdf"
PAGE_TYPES = (*HTML_TYPES, PDF_TYPE)  # what a WARC record must hold to be read
MIN_BODY_CHARS = 200


@dataclass
class Capture:
    """One HTTP response as archived."""

    url: str
    status: int
    content_type: str
    charset: str | None
    body: bytes
    fetched_at: datetime | None


def decode_html(data: bytes, charset: str | None = None) -> str:
    """Text of an HTML page: the declared charset (HTTP header, then ``<meta>``) when it
    decodes cleanly, else a detected one."""
    from bs4.dammit import UnicodeDammit

    known = [charset] if charset else []
    dammit = UnicodeDammit(data, known_definite_encodings=known, is_html=True)
    if dammit.unicode_markup is None:
        return data.decode("utf-8", "replace")
    return dammit.unicode_markup


def extract_page(
    data: bytes,
    url: str,
    charset: str | None = None,
    fetched_at: datetime | None = None,
    article_patterns: list[re.Pattern[str]] | None = None,
    status: int = 200,
    keep_all: bool = False,
) -> Document:
    """The Document of an article page, or NotAnArticle("<url>: not an article: <why>");
    with ``keep_all`` a page judged not an article is extracted all the same."""
    from corpus_search.extract.html import extract_html
    from corpus_search.sites.pages import inspect_page

    html = decode_html(data, charset)
    if not keep_all:
        info = inspect_page(
            html, url, article_patterns=article_patterns, status=status, links=False
        )
        if not info.is_article:
            raise NotAnArticle(f"{url}: not an article: {info.reason}", info.reason)
    doc = extract_html(html, url=url)
    if len(doc.body.strip()) < MIN_BODY_CHARS:
        raise NotAnArticle(f"{url}: not an article: no article text found", "no article text found")
    identity = doc.url or url
    stamp = (
        fetched_at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") if fetched_at else None
    )
    return replace(doc, id=id_for_url(identity), url=identity, fetched_at=stamp)


def extract_pdf_page(data: bytes, url: str, fetched_at: datetime | None = None) -> Document:
    """The Document of a fetched PDF (a report), or InputError naming the reason."""
    from corpus_search.extract.pdf import extract_pdf

    doc = extract_pdf(data, name=url)
    if len(doc.body.strip()) < MIN_BODY_CHARS:
        raise NotAnArticle(
            f"{url}: not an article: no text in the PDF (a scan?)", "no text in the PDF (a scan?)"
        )
    stamp = _stamp(fetched_at)
    return replace(doc, id=id_for_url(url), url=url, fetched_at=stamp)


def _stamp(fetched_at: datetime | None) -> str | None:
    if fetched_at is None:
        return None
    return fetched_at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def iter_captures(path: Path) -> Iterator[Capture]:
    """Every HTTP response (and resource) record in a WARC or ARC file, in file order."""
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as handle:
        try:
            for record in ArchiveIterator(handle, arc2warc=True):
                if record.rec_type not in ("response", "resource"):
                    continue
                url = record.rec_headers.get_header("WARC-Target-URI") or ""
                if not url.startswith(("http://", "https://")):
                    continue
                if record.rec_type == "response" and record.http_headers is not None:
                    status = int(record.http_headers.get_statuscode() or 0)
                    content_type = record.http_headers.get_header("Content-Type") or ""
                else:
                    status = 200
                    content_type = record.rec_headers.get_header("Content-Type") or ""
                mime, _, params = content_type.partition(";")
                charset = None
                match = re.search(r"charset=[\"']?([\w.:-]+)", params, re.I)
                if match:
                    charset = match[1]
                body = record.content_stream().read()
                yield Capture(url, status, mime.strip().lower(), charset, body, _warc_date(record))
        except Exception as exc:  # warcio raises plain exceptions on damaged files
            detail = f"{type(exc).__name__}: {exc}"
            raise InputError(f"{path}: cannot read WARC ({detail[:160]})") from None


def warc_records(path: Path) -> Iterator[Capture | InputError]:
    """Each URL of a WARC file once: its last good capture (HTTP 200, an HTML page or a
    PDF), else its last capture of any kind with an empty body (for the count of what was
    left out). Damage to the file comes as an InputError after the records before it;
    a file unreadable from the start raises InputError."""
    good: dict[str, Capture] = {}
    other: dict[str, Capture] = {}
    damage: InputError | None = None
    try:
        for capture in iter_captures(path):
            if capture.status == 200 and capture.content_type in (*HTML_TYPES, PDF_TYPE):
                good[capture.url] = capture
                other.pop(capture.url, None)
            elif capture.url not in good:
                other[capture.url] = replace(capture, body=b"")
    except InputError as exc:
        if not good and not other:
            raise
        damage = InputError(f"{exc.message}; the records before the damage were read")
    else:
        found = _gzip_damage(path)
        if found:
            damage = InputError(f"{path}: damaged WARC ({found}); the records before it were read")
    yield from good.values()
    yield from other.values()
    if damage is not None:
        yield damage


def extract_capture(
    capture: Capture,
    keep_all: bool = False,
    patterns: list[re.Pattern[str]] | None = None,
) -> Document:
    """The Document of one archived or fetched response; NotAnArticle for what is not
    one (a page judged not an article, an error answer, a type neither HTML nor PDF).
    ``patterns``: a site profile's article URL shapes (a crawl's)."""
    if capture.content_type not in (*HTML_TYPES, PDF_TYPE):
        what = capture.content_type or "no content type"
        raise NotAnArticle(f"{capture.url}: not an article: {what}", what)
    if not 200 <= capture.status < 300:
        reason = f"HTTP {capture.status} response"
        raise NotAnArticle(f"{capture.url}: not an article: {reason}", reason)
    if capture.content_type == PDF_TYPE:
        return extract_pdf_page(capture.body, capture.url, capture.fetched_at)
    return extract_page(
        capture.body,
        capture.url,
        capture.charset,
        capture.fetched_at,
        article_patterns=patterns,
        status=capture.status,
        keep_all=keep_all,
    )


def extract_warc(path: Path, keep_all: bool = False) -> list[Document | InputError]:
    """The article Documents in a WARC file (the last good capture of each URL wins);
    pages that are not articles are passed over, damage is an InputError in the list."""
    out: list[Document | InputError] = []
    seen_ids: set[str] = set()
    for record in warc_records(path):
        if isinstance(record, InputError):
            out.insert(0, record)
            continue
        try:
            doc = extract_capture(record, keep_all)
        except InputError:
            continue  # listings, anti-bot and error pages are part of any crawl: pass over
        if doc.id not in seen_ids:
            seen_ids.add(doc.id)
            out.append(doc)
    return out


def _warc_date(record: object) -> datetime | None:
    value = record.rec_headers.get_header("WARC-Date")  # type: ignore[attr-defined]
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _gzip_damage(path: Path) -> str | None:
    """Why a ``.gz`` WARC is damaged (truncated, or garbage after a record), or None.
    warcio stops quietly at such a point; a full pass over the gzip stream tells."""
    import gzip
    import zlib

    if not path.name.endswith(".gz"):
        return None
    try:
        with gzip.open(path, "rb") as handle:
            while handle.read(1024 * 1024):
                pass
    except (OSError, EOFError, zlib.error) as exc:
        return str(exc) or type(exc).__name__
    return None
