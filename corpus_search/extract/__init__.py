"""Extraction: local files and records in, Documents (not yet enriched) out.

``iter_sources`` expands the paths a user gives (files and folders, recursively) into
the files ingest can read; ``extract_file`` turns one file into Documents. Each failure
is an ``InputError`` naming the file, so a caller can record it and go on.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from corpus_search.document import Document, id_for_content, id_for_url
from corpus_search.errors import CorpusSearchError, InputError

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
SUPPORTED = HTML_SUFFIXES | TEXT_SUFFIXES | MARKDOWN_SUFFIXES | JSONL_SUFFIXES | PDF_SUFFIXES
MAX_FILE_BYTES = 50 * 1024 * 1024


def suffix_of(path: Path) -> str:
    name = path.name.lower()
    for double in (".warc.gz", ".arc.gz"):
        if name.endswith(double):
            return double
    return path.suffix.lower()


def iter_sources(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Files to ingest, in a stable order; folders are walked recursively (files of other
    types inside folders are passed over silently). A path that does not exist, or a file
    named explicitly with an unsupported type, yields an InputError instead."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    child = Path(root) / name
                    if not name.startswith(".") and suffix_of(child) in SUPPORTED | WARC_SUFFIXES:
                        yield child
        elif path.exists():
            yield path
        else:
            yield InputError(f"no such file or folder: {path}", "check the path")


def extract_file(path: Path) -> list[Document | InputError] | Iterator[Document | InputError]:
    """The Documents in one file (one for a page, one per line for JSONL). A JSONL line
    that cannot be read stands as an InputError in the list, so the other lines go on;
    a file that cannot be read at all raises InputError. A JSONL file over
    MAX_FILE_BYTES is read as a stream of lines, so an export of any size can be ingested
    (a JSONL error then comes as the stream's last item)."""
    suffix = suffix_of(path)
    if suffix in WARC_SUFFIXES:
        from corpus_search.extract.warc import extract_warc

        return extract_warc(path)
    if suffix not in SUPPORTED:
        raise InputError(
            f"{path}: unsupported file type {suffix or '(none)'}",
            "ingest takes .html, .htm, .txt, .md, .pdf and .jsonl files or folders of them",
        )
    if suffix in JSONL_SUFFIXES and _size(path) > MAX_FILE_BYTES:
        return _jsonl_stream(path)
    data = _read_bytes(path)
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

        doc = extract_html(text, url=None)
    else:
        from corpus_search.extract.text import extract_text

        doc = extract_text(text, url=None, markdown=suffix in MARKDOWN_SUFFIXES)
    if not doc.body.strip():
        raise InputError(f"{path}: no article text found", "is this an article page?")
    if doc.url:  # the page declares its canonical URL: that is its identity
        return [replace(doc, id=id_for_url(doc.url))]
    return [replace(doc, id=id_for_content(text), url=url)]


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


def _jsonl_stream(path: Path) -> Iterator[Document | InputError]:
    """The records of a large JSONL file, one line at a time (UTF-8)."""
    try:
        with path.open("rb") as lines:
            for number, raw in enumerate(lines, start=1):
                try:
                    line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError:
                    yield InputError(f"{path}:{number}: not UTF-8 text")
                    continue
                yield from _jsonl_documents_in(path, [(number, line)])
    except OSError as exc:
        yield InputError(f"cannot read {path}: {(exc.strerror or str(exc)).lower()}")


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
