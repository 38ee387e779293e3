"""Extraction: local files and records in, Documents (not yet enriched) out.

``iter_sources`` expands the paths a user gives (files and folders, recursively) into
``Source`` values: a file ingest can read, a file of a type it cannot (``unsupported``),
or a path that does not exist (``error``). ``extract_file`` turns one file into
Documents. Each failure is an ``InputError`` naming the file, so a caller can record it
and go on; a page judged not an article is a ``NotAnArticle`` (an ``InputError``).
Saved pages compressed with gzip (``.html.gz``, ``.txt.gz``, ``.md.gz``, ``.jsonl.gz``,
...) are read as the page they hold.
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from corpus_search.document import Document, id_for_content, id_for_url
from corpus_search.errors import CorpusSearchError, InputError, NotAnArticle

# The extraction libraries log parse failures at ERROR level; with no handler configured,
# Python would print them on the user's terminal. Failures reach users as InputErrors.
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
PDF_SUFFIXES = {".pdf"}
WARC_SUFFIXES = {".warc", ".warc.gz", ".arc", ".arc.gz"}
PLAIN = HTML_SUFFIXES | TEXT_SUFFIXES | MARKDOWN_SUFFIXES | JSONL_SUFFIXES
GZIP_SUFFIXES = {suffix + ".gz" for suffix in PLAIN}  # saved pages kept compressed
SUPPORTED = PLAIN | PDF_SUFFIXES | GZIP_SUFFIXES
READABLE = SUPPORTED | WARC_SUFFIXES
MAX_FILE_BYTES = 50 * 1024 * 1024
SUPPORTED_HINT = (
    "ingest reads .html, .htm, .xhtml, .txt, .md, .jsonl, .pdf, .warc and .warc.gz files, "
    "and .html.gz, .htm.gz, .txt.gz, .md.gz, .jsonl.gz"
)


def suffix_of(path: Path) -> str:
    """The type of a file by its name: ``.html``, or a double one (``.warc.gz``,
    ``.html.gz``)."""
    name = path.name.lower()
    inner = Path(name[:-3]).suffix if name.endswith(".gz") else ""
    if inner and inner + ".gz" in GZIP_SUFFIXES | WARC_SUFFIXES:
        return inner + ".gz"
    return path.suffix.lower()


@dataclass
class Source:
    """One input file: readable (``unsupported`` and ``error`` None), of an unsupported
    type, or a path that cannot be read. ``named``: the user gave this very file."""

    path: Path
    named: bool = False
    unsupported: str | None = None  # the type, when ingest cannot read it
    error: InputError | None = None


def iter_sources(paths: Iterable[str | Path]) -> Iterator[Source]:
    """Every file under ``paths``, in a stable order; folders are walked recursively
    (hidden files and folders are passed over, symbolic links to folders not followed).
    A file of an unsupported type comes with ``unsupported`` set, a path that does not
    exist with ``error``."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield _source(Path(root) / name, named=False)
        elif path.exists():
            yield _source(path, named=True)
        else:
            yield Source(
                path, True, error=InputError(f"no such file or folder: {path}", "check the path")
            )


def _source(path: Path, named: bool) -> Source:
    suffix = suffix_of(path)
    if suffix in READABLE:
        return Source(path, named)
    return Source(path, named, unsupported=suffix or "(no extension)")


def extract_file(
    path: Path, keep_all: bool = False
) -> list[Document | InputError] | Iterator[Document | InputError]:
    """The Documents in one file (one for a page, one per line for JSONL). A JSONL line
    that cannot be read stands as an InputError in the list, so the other lines go on;
    a file that cannot be read at all raises InputError, and a page judged not an
    article raises NotAnArticle (unless ``keep_all``). A JSONL file over MAX_FILE_BYTES
    (and any ``.jsonl.gz``) is read as a stream of lines, so an export of any size can be
    ingested (a JSONL error then comes as the stream's last item)."""
    suffix = suffix_of(path)
    if suffix in WARC_SUFFIXES:
        from corpus_search.extract.warc import extract_warc

        return extract_warc(path)
    if suffix not in SUPPORTED:
        raise InputError(f"{path}: unsupported file type {suffix or '(none)'}", SUPPORTED_HINT)
    if suffix == ".jsonl.gz" or suffix == ".ndjson.gz":
        return _jsonl_stream(path, compressed=True)
    if suffix in JSONL_SUFFIXES and _size(path) > MAX_FILE_BYTES:
        return _jsonl_stream(path)
    data = _read_bytes(path)
    if suffix in GZIP_SUFFIXES:
        data, suffix = _gunzip(path, data), suffix[:-3]
    if suffix in PDF_SUFFIXES:
        from corpus_search.extract.pdf import extract_pdf

        pdf = extract_pdf(data, name=str(path))
        if not pdf.body.strip():
            raise InputError(f"{path}: no text in this PDF", "is it a scan without a text layer?")
        return [replace(pdf, id=id_for_content(pdf.body), url=path.resolve().as_uri())]
    if suffix in JSONL_SUFFIXES:
        return list(_jsonl_documents(path, data))
    text = _decode(path, data)
    url = path.resolve().as_uri()
    if suffix in HTML_SUFFIXES:
        from corpus_search.extract.html import extract_html

        if not text.strip():
            raise InputError(f"{path}: no article text found", "the file is empty")
        if not keep_all:
            _judge(path, text)
        doc = extract_html(text, url=None)
    else:
        from corpus_search.extract.text import extract_text

        doc = extract_text(text, url=None, markdown=suffix in MARKDOWN_SUFFIXES)
    if not doc.body.strip():
        raise InputError(f"{path}: no article text found", "is this an article page?")
    if doc.url:  # the page declares its canonical URL: that is its identity
        return [replace(doc, id=id_for_url(doc.url))]
    return [replace(doc, id=id_for_content(text), url=url)]


def _judge(path: Path, html: str) -> None:
    """Raise NotAnArticle when the page is judged not an article (a listing, an error
    or anti-bot page); the judgement is ``sites.pages.inspect_page``'s. A local file has
    no address of its own: the page's canonical URL stands for it."""
    from corpus_search.sites.pages import inspect_page

    info = inspect_page(html, "", links=False)
    if not info.is_article:
        raise NotAnArticle(f"{path}: not an article: {info.reason}", info.reason)


def _gunzip(path: Path, data: bytes) -> bytes:
    """The bytes a ``.gz`` file holds, at most MAX_FILE_BYTES of them."""
    try:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = inflater.decompress(data, MAX_FILE_BYTES + 1)
    except zlib.error as exc:
        raise InputError(f"{path}: not a readable gzip file ({exc})") from None
    if len(out) > MAX_FILE_BYTES:
        raise InputError(
            f"{path}: file too large once uncompressed (over {MAX_FILE_BYTES // (1024 * 1024)} MB)",
            f"files over {MAX_FILE_BYTES // (1024 * 1024)} MB are skipped",
        )
    if not inflater.eof:
        raise InputError(f"{path}: truncated gzip file", "the file was cut short")
    return out


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(
                f"{path}: file too large ({size // (1024 * 1024)} MB)",
                f"files over {MAX_FILE_BYTES // (1024 * 1024)} MB are skipped",
            )
        return path.read_bytes()
    except CorpusSearchError:
        raise
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise InputError(f"cannot read {path}: {reason.lower()}") from None


def _decode(path: Path, data: bytes) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: looks like a binary file, not text", "check the file type")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise InputError(f"{path}: cannot tell the text encoding") from None
        return str(best)


def _jsonl_documents(path: Path, data: bytes) -> Iterator[Document | InputError]:
    text = _decode(path, data)
    yield from _jsonl_documents_in(path, enumerate(text.splitlines(), start=1))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # _read_bytes reports it


def _jsonl_stream(path: Path, compressed: bool = False) -> Iterator[Document | InputError]:
    """The records of a large (or gzip-compressed) JSONL file, one line at a time
    (UTF-8)."""
    try:
        with gzip.open(path, "rb") if compressed else path.open("rb") as lines:
            for number, raw in enumerate(lines, start=1):
                try:
                    line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError:
                    yield InputError(f"{path}:{number}: not UTF-8 text")
                    continue
                yield from _jsonl_documents_in(path, [(number, line)])
    except (OSError, EOFError, zlib.error) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        yield InputError(f"cannot read {path}: {reason.lower()}")


def _jsonl_documents_in(
    path: Path, lines: Iterable[tuple[int, str]]
) -> Iterator[Document | InputError]:
    for number, line in lines:
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"{path}:{number}: not valid JSON ({exc.msg})")
            continue
        try:
            yield Document.from_dict(record)
        except InputError as exc:
            yield InputError(f"{path}:{number}: {exc.message}", exc.hint)
