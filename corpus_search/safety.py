"""Neutralising untrusted text. Everything scraped or read from files ends up in a
terminal: ANSI/OSC escape sequences (colours, hyperlinks, window titles), other C0/C1
control characters and bidi overrides must never reach it. ``sanitize`` is applied when
documents enter (extraction, JSONL) and again when they are rendered."""

from __future__ import annotations

import re
import unicodedata

_ESCAPES = re.compile(
    r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b\[[0-?]*[ -/]*[@-~]|\x1b.?|\x9b[0-?]*[ -/]*[@-~]"
)
_CONTROLS = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]"
)


def sanitize(text: str) -> str:
    """Remove terminal escapes, control and bidi characters (keeping newlines and tabs,
    line separators becoming newlines); NFC-normalise."""
    if "\x1b" in text or "\x9b" in text:  # (every escape starts so: a page rarely has one)
        text = _ESCAPES.sub("", text)
    # "\r", "\u2028" and "\u2029" are controls too: a text without any (nine pages in ten)
    # is read once, not twice (a search, then the removal's own scan)
    if _CONTROLS.search(text) is not None:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
        text = _CONTROLS.sub("", text)
    # (``normalize`` returns a text already in NFC after its own quick check, which is
    # faster than asking ``is_normalized`` first)
    return unicodedata.normalize("NFC", text)


def sanitize_line(text: str) -> str:
    """``sanitize`` for one-line values (titles, names, URLs): newlines become spaces."""
    return " ".join(sanitize(text).split())
