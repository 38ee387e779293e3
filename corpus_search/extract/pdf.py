"""PDF reports: the text of every page, and title, authors and date from the file's
metadata or, where that is missing or a placeholder, from the first page.

pypdf reads the text line by line; lines are joined back into paragraphs (a line that
ends short of the measure with closing punctuation ends a paragraph; a hyphen at a line
end joins the word), running headers and footers (a line on most pages) and bare page
numbers are dropped.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Mapping
from datetime import date
from typing import Any

from corpus_search.dates import PartialDate
from corpus_search.document import Author, Document
from corpus_search.enrich.dates import parse_text_date
from corpus_search.errors import InputError
from corpus_search.extract.clean import (
    is_boilerplate,
    looks_like_name,
    sanitize,
    split_authors,
    split_notice,
    squash,
)
from corpus_search.extract.language import detect_language

# Producer defaults that are not titles or authors.
_PLACEHOLDER = re.compile(
    r"^(?:untitled|microsoft word\b|document\d*|title|author|user|admin|owner|\S+\.(?:docx?|pdf|indd))",
    re.I,
)
_PDF_DATE = re.compile(r"^D?:?(\d{4})(\d{2})?(\d{2})?")
_MONTH_YEAR = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+(\d{4})\b"
)
_MONTH_NAMES = (
    "January February March April May June July August September October November December"
)
_MONTHS = {name: i for i, name in enumerate(_MONTH_NAMES.split(), start=1)}


def extract_pdf(data: bytes, name: str = "PDF") -> Document:
    """A Document (not yet enriched) from the bytes of a PDF file."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{name}: the PDF is encrypted", "save an unlocked copy")
        pages = [sanitize(page.extract_text() or "") for page in reader.pages]
        info: Mapping[str, Any] = reader.metadata or {}
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise InputError(f"{name}: cannot read the PDF ({exc})", "is the file complete?") from None
    except Exception as exc:  # pypdf's own checks (assertions, type errors) on damaged files
        detail = f"{type(exc).__name__}: {exc}"[:160]
        raise InputError(
            f"{name}: cannot read the PDF ({detail})", "is the file complete?"
        ) from None
    page_lines = _without_running_lines([_lines(p) for p in pages])
    first = page_lines[0] if page_lines else []
    title = _meta_text(info.get("/Title")) or _first_page_title(first)
    authors = _meta_authors(info.get("/Author")) or _first_page_authors(first, title)
    printed = _printed_date(first)
    published = printed or _pdf_date(info.get("/CreationDate"))
    published_from = ("first page" if printed else "pdf CreationDate") if published else None
    updated = _pdf_date(info.get("/ModDate"))
    if page_lines:
        page_lines[0] = _without_front_matter(first, title, authors)
    paragraphs = _paragraphs([line for lines in page_lines for line in lines])
    body = "\n\n".join(filter(None, (_article_part(p) for p in paragraphs)))
    return Document(
        id="",
        url=None,
        source=None,
        title=title,
        subtitle=_meta_text(info.get("/Subject")),
        authors=authors,
        published=published,
        published_from=published_from,
        updated=updated if updated != published else None,
        language=detect_language(body),
        sections=[],
        tags=[t.strip() for t in (_meta_text(info.get("/Keywords")) or "").split(",") if t.strip()],
        body=body,
    )


def _article_part(paragraph: str) -> str | None:
    """The paragraph less a notice run into its start (None: notice through and through)."""
    return split_notice(paragraph)[1] if is_boilerplate(paragraph) else paragraph


def _without_front_matter(lines: list[str], title: str | None, authors: list[Author]) -> list[str]:
    """The first page less its title, byline and date lines (they are metadata)."""
    names = {a.name for a in authors}
    title_words = (title or "").lower()
    kept: list[str] = []
    for i, line in enumerate(lines):
        head = i < 12 and len(line) < 200
        if head and (
            (title_words and line.lower() in title_words)
            or re.match(r"^(?:by|written by|authors?:)\s", line, re.I)
            or (names and all(p.name in names for p in split_authors(line)) and split_authors(line))
            or (len(line) < 40 and (parse_text_date(line) or _MONTH_YEAR.fullmatch(line)))
        ):
            continue
        kept.append(line)
    return kept


def _lines(page: str) -> list[str]:
    return [squash(line) for line in page.splitlines() if squash(line)]


def _running_key(line: str) -> str:
    return re.sub(r"\d+", "#", line.lower())


def _without_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop page numbers, and lines (digits aside) found on at least half the pages."""
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_running_key(line) for line in lines})
    running = (
        {k for k, n in counts.items() if n >= max(2, (len(pages) + 1) // 2)}
        if len(pages) >= 3
        else set()
    )
    return [
        [
            line
            for line in lines
            if _running_key(line) not in running
            and not re.fullmatch(r"(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d+)?", line, re.I)
        ]
        for lines in pages
    ]


def _paragraphs(lines: list[str]) -> list[str]:
    if not lines:
        return []
    widths = sorted(len(line) for line in lines)
    measure = widths[int(len(widths) * 0.8)] if widths else 0
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if current.endswith("-") and line[:1].islower():
            current = current[:-1] + line
        else:
            current = f"{current} {line}" if current else line
        if line.endswith((".", "?", "!", ":", '"', "”")) and len(line) < 0.8 * measure:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return paragraphs


def _meta_text(value: object) -> str | None:
    text = squash(sanitize(str(value))) if value else ""
    if not text or _PLACEHOLDER.match(text):
        return None
    return text


def _meta_authors(value: object) -> list[Author]:
    text = _meta_text(value)
    if not text:
        return []
    return split_authors(text.replace(";", ","))


def _first_page_title(lines: list[str]) -> str | None:
    """The first line or two of the first page that read as a headline."""
    for i, line in enumerate(lines[:8]):
        if len(line.split()) < 2 or is_boilerplate(line) or parse_text_date(line):
            continue
        if looks_like_name(line) and i > 0:
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if nxt and not line.endswith((".", ":")) and nxt[:1].islower() and len(nxt) < 80:
            return f"{line} {nxt}"
        return line[:300]
    return None


def _first_page_authors(lines: list[str], title: str | None) -> list[Author]:
    """A "By ..." line on the first page, else name lines right below the title."""
    for line in lines[:20]:
        if re.match(r"^(?:by|written by|authors?:)\s", line, re.I):
            found = split_authors(line)
            if found:
                return found
    start = next(
        (i + 1 for i, line in enumerate(lines[:10]) if title and title.startswith(line)), 0
    )
    authors: list[Author] = []
    for line in lines[start : start + 6]:
        found = split_authors(line) if looks_like_name(line.split(",")[0]) else []
        if not found:
            if authors:
                break
            continue
        authors.extend(found)
    return authors


def _printed_date(lines: list[str]) -> PartialDate | None:
    for line in lines[:25]:
        if len(line) > 80:
            continue
        found = parse_text_date(line)
        if found:
            return PartialDate.from_date(found)
        month = _MONTH_YEAR.search(line)
        if month:
            return PartialDate(int(month.group(2)), _MONTHS[month.group(1)], None)
    return None


def _pdf_date(value: object) -> PartialDate | None:
    match = _PDF_DATE.match(str(value or ""))
    if not match:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return None
    return PartialDate(year, month, day) if 1900 <= year <= 2100 else None
