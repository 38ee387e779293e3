"""Text hygiene shared by the extractors: control characters, whitespace, repeated
pull quotes, closing boilerplate, author strings."""

from __future__ import annotations

import re

from corpus_search.document import Author
from corpus_search.safety import sanitize


def squash(text: str) -> str:
    """Collapse whitespace runs to single spaces."""
    return " ".join(text.split())


def norm_key(text: str) -> str:
    """A comparison key: lowercase words only (punctuation, quotes, ellipses dropped)."""
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


def drop_repeats(
    paragraphs: list[str], min_words: int = 4, *, exact: bool = True, max_words: int = 10_000
) -> list[str]:
    """Keep each passage once: a paragraph that stands whole inside a longer paragraph
    (a pull quote set as a display line) is dropped, and so, with ``exact``, is one that
    repeats an earlier one word for word. HTML pages pass ``exact=False``: there a pull
    quote comes out of its own element and the substring rule finds it, while a repeated
    paragraph (a recipe step, a refrain) is the author's. A passage longer than
    ``max_words`` is never taken for a pull quote."""
    keys = [norm_key(p) for p in paragraphs]
    # Every key, longest first, in one string: the keys longer than a given one are a
    # prefix of it, so "inside a longer paragraph" is one search of that prefix, not a
    # comparison with each paragraph (a key, words and spaces, never holds the "\0").
    longest_first = sorted(keys, key=len, reverse=True)
    joined = "\0".join(longest_first)
    ends: dict[int, int] = {}  # key length -> where the keys longer than it end in ``joined``
    end = 0
    for k, other in enumerate(longest_first):
        ends.setdefault(len(other), end - 1 if k else 0)
        end += len(other) + 1
    kept: list[str] = []
    seen: set[str] = set()
    for para, key in zip(paragraphs, keys, strict=True):
        if not key or (exact and key in seen):
            continue
        if min_words <= len(key.split()) <= max_words and joined.find(key, 0, ends[len(key)]) >= 0:
            continue
        seen.add(key)
        kept.append(para)
    return kept


# Lines that close commentaries and are never the article: copyright, disclaimers,
# terms, pitch invitations, newsletter and donation appeals, contacts.
BOILERPLATE = re.compile(
    r"^(?:©|\(c\)\s|copyright\b|all rights reserved"
    r"|the views expressed\b|the opinions expressed\b|views expressed in this"
    r"|for terms of use\b|terms and conditions|terms of use\b|privacy policy"
    r"|have an idea for\b|send (?:us )?a (?:short )?pitch\b|we welcome (?:pitches|submissions)"
    r"|sign up\b|subscribe\b|get our newsletter|newsletter\b|support our work|donate\b"
    r"|media (?:enquiries|inquiries|contact)|press (?:enquiries|inquiries|contact)"
    r"|share this\b|share on\b|follow us\b|related (?:articles|content|reading)\b|read more\b"
    r"|this (?:article|commentary) (?:was|is) (?:originally )?published\b)",
    re.IGNORECASE,
)
CONTACT = re.compile(r"@[\w-]+\.\w|\+\d[\d ()-]{6,}|\btel\.?\s*:|\bphone\b", re.IGNORECASE)
COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?P<y1>\d{4})\s+)?(?P<owner>[^,©\d][^©]*?)"
    r"(?:[,\s]+(?P<y2>\d{4}))?\s*\.?\s*(?:all rights reserved\.?)?$",
    re.IGNORECASE,
)


def is_boilerplate(line: str) -> bool:
    """A closing line that is not the article. Contact details count only in a short
    line: a paragraph of prose that mentions a phone call is still the article."""
    text = line.strip().lstrip("-–•* ").strip()
    if BOILERPLATE.match(text):
        return True
    return len(text.split()) <= 25 and bool(CONTACT.search(text))


# Where a notice run into the article ends: a full stop (or "All rights reserved")
# before the next sentence's capital, digit or opening quote.
_NOTICE_END = re.compile(r"[.!?|](?=\s+[\"“‘(\[]?[A-Z0-9])")
NOTICE_WORDS = 40  # a line longer than this may be a notice with the article after it


def split_notice(line: str) -> tuple[str, str | None]:
    """A line ``is_boilerplate`` takes, as (notice, article after it). Text copied from a
    PDF or a page often runs a notice into the article's first paragraph ("© 2020
    Institute. All rights reserved. On April 14, ..."), and dropping the line would drop
    the article's opening. A short line is notice through and through (article None); a
    long one loses its opening sentences while they read as notices. A long line whose
    first sentence does not end within 300 characters is prose that opens with a
    notice's word, kept whole (notice "")."""
    text = line.strip()
    if len(text.split()) <= NOTICE_WORDS:
        return text, None
    rest = text
    while is_boilerplate(rest):
        end = _NOTICE_END.search(rest, 0, 300)
        if end is None:
            return ("", text) if rest is text else (text, None)
        rest = rest[end.end() :].strip()
    return text[: len(text) - len(rest)].strip(), rest or None


def parse_copyright(line: str) -> tuple[str, int | None] | None:
    """("RUSI", 2025) from "© RUSI, 2025." or "Copyright 2024 Meridian Institute"."""
    match = COPYRIGHT.match(line.strip())
    if not match:
        return None
    owner = match.group("owner").strip(" .,")
    year = match.group("y1") or match.group("y2")
    if not owner or len(owner.split()) > 10:
        return None
    return owner, int(year) if year else None


_BY = re.compile(r"^\s*(?:(?:by|written by|words by|par|por)\s*:?|authors?:)\s+", re.IGNORECASE)
# What follows the names in a printed byline: a date or time, an editor, an update note.
_BYLINE_TAIL = re.compile(
    r"\s+(?:edited by|updated|published|posted)\b.*$"
    r"|\s+(?:\d|(?:jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d).*$",
    re.IGNORECASE,
)
_ASIDE = re.compile(r"\((?=[^)]*(?:(?<![\w'’-])[a-z]|/))[^)]*\)")
_DEGREE = re.compile(r"^(?:MA|MS|MSc|MPhil|PhD|Ph\.D\.|DPhil|MD|MPH|MBA|RN|JD)$")
_ROLE_SPLIT = re.compile(r"\s+[|–—-]\s+|\s*\|\s*")
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.|de|da|van|von|der|bin|al|el|la|le|y)$")


def looks_like_name(text: str) -> bool:
    """Two to five capitalised words, no digits or sentence punctuation."""
    parts = text.split()
    if not 2 <= len(parts) <= 5 or re.search(r"[\d@:;!?]", text):
        return False
    if len(parts[0]) == 1:  # "S Sky": a leading initial carries its full stop
        return False
    return all(_NAME_WORD.match(p) for p in parts) and any(len(p) > 2 for p in parts)


def split_authors(text: str) -> list[Author]:
    """Authors from a byline: "By A and B", "A, B and C", "A | Senior Fellow"."""
    text = squash(_BY.sub("", sanitize(text))).strip(" ,;")
    text = _BYLINE_TAIL.sub("", text).strip(" ,;|–—-•·")
    # "(avec Damien Leloup)", "(http://...)" are asides; "Bruno (Henrique) Rodrigues" is a name.
    text = squash(_ASIDE.sub(" ", text).replace("(", " ").replace(")", " "))
    if not text:
        return []
    parts = _ROLE_SPLIT.split(text, maxsplit=1)
    if len(parts) == 2 and looks_like_name(parts[0]):
        return [Author(parts[0], parts[1].strip() or None)]
    names = re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", text)
    names = [n.strip() for n in names if n.strip()]
    if len(names) > 1 and all(_DEGREE.match(n) for n in names[1:]) and looks_like_name(names[0]):
        return [Author(names[0], ", ".join(names[1:]))]  # "Brenda Goodman, MA"
    if names and all(looks_like_name(n) for n in names):
        return [Author(n) for n in names]
    # "Name, Role" where the role is not a name.
    head, _, tail = text.partition(",")
    if looks_like_name(head.strip()):
        return [Author(head.strip(), tail.strip() or None)]
    return []
