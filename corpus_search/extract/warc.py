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
from corpus_search.errors import InputError

HTML_TYPES = ("text/html", "application/xhtml+xml")
PDF_TYPE = "application/pdf"
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
) -> Document:
    """The Document of an article page, or InputError("<url>: not an article: <why>")."""
    from corpus_search.extract.html import extract_html
    from corpus_search.sites.pages import inspect_page

    html = decode_html(data, charset)
    info = inspect_page(html, url, article_patterns=article_patterns, status=status)
    if not info.is_article:
        raise InputError(f"{url}: not an article: {info.reason}")
    doc = extract_html(html, url=url)
    if len(doc.body.strip()) < MIN_BODY_CHARS:
        raise InputError(f"{url}: not an article: no article text found")
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
        raise InputError(f"{url}: not an article: no text in the PDF (a scan?)")
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


def extract_warc(path: Path) -> list[Document | InputError]:
    """The article Documents in a WARC file (the last good capture of each URL wins)."""
    latest: dict[str, Capture] = {}
    out: list[Document | InputError] = []
    try:
        for capture in iter_captures(path):
            if capture.status == 200 and capture.content_type in (*HTML_TYPES, PDF_TYPE):
                latest[capture.url] = capture
    except InputError as exc:
        if not latest:
            raise
        out.append(InputError(f"{exc.message}; the records before the damage were read"))
    else:
        damage = _gzip_damage(path)
        if damage:
            out.append(
                InputError(f"{path}: damaged WARC ({damage}); the records before it were read")
            )
    seen_ids: set[str] = set()
    for capture in latest.values():
        try:
            if capture.content_type == PDF_TYPE:
                doc = extract_pdf_page(capture.body, capture.url, capture.fetched_at)
            else:
                doc = extract_page(capture.body, capture.url, capture.charset, capture.fetched_at)
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
