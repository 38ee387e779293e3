"""Snippets: the sentence of a hit's body that best shows why it matched, for any store.

``analyzed_form`` is the store's analysis of one word (its stem, or None for a word it
does not index): whoosh's Porter stemmer for the folder, the server's text-search
configuration for PostgreSQL. The rest is plain Python on the stored body.

whoosh's highlighter re-analyses the whole body into Token objects and fragments it
token by token, about 2.5 ms a hit at 100,000 documents. This finds the same words
another way: the body's distinct words are stemmed once each (through the analyzer's
stem cache), the ones whose stem the hit matched become one regular expression, and
only the sentences holding a match are scored. Matched words come back wrapped in
``MARK_START``/``MARK_END``.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable

from corpus_search.document import Document
from corpus_search.results import Hit

MARK_START, MARK_END = "\x02", "\x03"
# How long a hit's snippet may be (a sentence may run 60 characters over).
SNIPPET_CHARS = 240
# A sentence ends after . ! or ? (and any closing quote or bracket) before white space
# and a word that does not start in lower case ("the U.S. allies" is one), or at a
# blank line. (Matching from the stop itself, not from a lookbehind after it, finds the
# same ends twice as fast.)
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+(?![a-z])|\n\s*\n")
_WORD_CHAR = re.compile(r"[\w*]")
_SPACE = re.compile(r"\s+")
# Only the first matches are scored: enough to find a good sentence in a long report.
MAX_MATCHES = 40


def best_sentence(
    body: str, stems: Iterable[str], max_chars: int, analyzed_form: Callable[[str], str | None]
) -> tuple[str, list[str]]:
    """The sentence of ``body`` holding the most distinct matched words (then the most
    matches, then the earliest), with those words marked, and the matched words it
    shows (lower case, in order of appearance). ``("", [])`` when nothing matches."""
    wanted = set(stems)
    if not wanted or not body:
        return "", []
    # A Porter or Snowball stem keeps its word's first letter (their rules rewrite suffixes, after at
    # least two letters), so only words starting like a wanted stem are looked at.
    letters = "".join(sorted({re.escape(stem[:1]) for stem in wanted}))
    candidates = re.findall(rf"(?<![\w*])[{letters}][\w*]*(?:\.?[\w*]+)*", body.lower())
    surface = {w for w in set(candidates) if analyzed_form(w) in wanted}
    if not surface:
        return "", []
    words = "|".join(re.escape(w) for w in sorted(surface, key=len, reverse=True))
    # A whole token only: not inside a longer word, nor a part of "u.s"-style tokens.
    # The start is checked here rather than by a lookbehind, which would be tried at
    # every position of the body (a match refused for its start cannot hide a good one:
    # inside it no token starts).
    pattern = re.compile(rf"(?:{words})(?![\w*]|\.[\w*])", re.I)
    starting = (m for m in pattern.finditer(body) if _starts_token(body, m.start()))
    matches = list(itertools.islice(starting, MAX_MATCHES))
    if not matches:
        return "", []
    # sentence ends up to the one after the last match looked at
    ends = [m.end() for m in _BOUNDARY.finditer(body, 0, matches[-1].end() + 2000)]
    sentences: dict[int, list[re.Match[str]]] = {}
    for match in matches:
        sentences.setdefault(bisect.bisect_right(ends, match.start()), []).append(match)

    def score(item: tuple[int, list[re.Match[str]]]) -> tuple[int, int, int]:
        number, found = item
        return (len({analyzed_form(m.group()) for m in found}), len(found), -number)

    number, found = max(sentences.items(), key=score)
    start = ends[number - 1] if number else 0
    end = ends[number] if number < len(ends) else len(body)
    return _marked(body, start, end, found, max_chars)


def hit_of(
    doc: Document,
    score: float,
    stems: set[str] | None,
    snippet: bool,
    analyzed_form: Callable[[str], str | None],
) -> Hit:
    """A result row. Its snippet is the whole sentence best matching ``stems`` or, with no
    stems or no match, the document's opening; none at all without ``snippet``."""
    text = ""
    matched: list[str] = []
    if snippet and stems and doc.body:
        marked, matched = best_sentence(doc.body, stems, SNIPPET_CHARS + 60, analyzed_form)
        text = marked.replace(MARK_START, "").replace(MARK_END, "")
    if snippet and not text:
        lead = (doc.subtitle or doc.body)[: SNIPPET_CHARS * 4]  # (bodies run to 100 kB)
        text = " ".join(lead.split())[:SNIPPET_CHARS]
    return Hit(
        id=doc.id,
        url=doc.url,
        title=doc.display_title,
        source=doc.source,
        authors=doc.authors,
        published=str(doc.published) if doc.published else None,
        actors=[a.name for a in doc.actors],
        themes=[t.id for t in doc.themes],
        score=score,
        snippet=text,
        matched=matched,
    )


def _starts_token(body: str, at: int) -> bool:
    """No word character (nor a word character and a dot) right before ``at``."""
    if at == 0:
        return True
    if _WORD_CHAR.match(body, at - 1):
        return False
    return not (at >= 2 and body[at - 1] == "." and _WORD_CHAR.match(body, at - 2))


def _marked(
    body: str, start: int, end: int, found: list[re.Match[str]], max_chars: int
) -> tuple[str, list[str]]:
    """The sentence body[start:end] with ``found`` marked, cut to about ``max_chars``
    around its first match, white space collapsed."""
    prefix = suffix = ""
    if end - start > max_chars:
        first = found[0].start()
        if first - start > max_chars // 2:
            start = _word_start(body, first - max_chars // 4)
            prefix = "… "
        if end - start > max_chars:
            end = _word_end(body, start + max_chars)
            suffix = " …"
    parts, shown, at = [prefix], [], start
    for match in found:
        if match.start() < start or match.end() > end:
            continue
        parts += [body[at : match.start()], MARK_START, match.group(), MARK_END]
        shown.append(match.group().lower())
        at = match.end()
    parts += [body[at:end], suffix]
    text = _SPACE.sub(" ", "".join(parts)).strip()
    return text, list(dict.fromkeys(shown))


def _word_start(body: str, at: int) -> int:
    space = body.rfind(" ", 0, max(at, 0))
    return space + 1 if space >= 0 else 0


def _word_end(body: str, at: int) -> int:
    space = body.rfind(" ", 0, at)
    return space if space > 0 else at
