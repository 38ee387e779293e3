"""Plain-text and Markdown commentaries, as a person saves or pastes them.

The shape handled (see the seed in shared data): an optional headline, a standfirst,
paragraphs one per line or separated by blank lines, short section headings (sometimes
decorated with ellipses), pull quotes set again as display lines, then a closing block:
a copyright line naming the publisher and year, disclaimers, a pitch invitation, a
"WRITTEN BY" block (name, then role) and a media contact that is not an author.
Markdown adds ``#`` headings and an optional ``---`` front matter of ``key: value`` lines.
"""

from __future__ import annotations

import re

from corpus_search.dates import PartialDate
from corpus_search.document import Author, Document
from corpus_search.errors import InvalidFilterError
from corpus_search.extract.clean import (
    drop_repeats,
    is_boilerplate,
    looks_like_name,
    norm_key,
    parse_copyright,
    sanitize,
    split_authors,
    split_notice,
    squash,
)

_AUTHOR_BLOCK = re.compile(
    r"^(?:written by|authors?|about the authors?|contributors?)\s*:?\s*$", re.IGNORECASE
)
# A biography in an author block: a name (after an honorific) and what the person is,
# with a word of a post in its opening ("Jane Roe is a senior fellow at ...").
_BIO = re.compile(
    r"^(?:[-•*]\s*)?(?:(?i:dr|prof|professor|mr|ms|mrs|sir|dame|ambassador|general)\.?\s+)?"
    r"(?:[A-Z][\w'’.-]*\s+){1,4}(?:is|was|serves|served|has|holds|leads|heads|directs|joined)\b"
    r"|^(?:[A-Z][\w'’.-]*\s+){1,4}[A-Z][\w'’.-]*,\s+(?:a|an|the|former|senior)\b"
)
_POST = re.compile(
    r"\b(?:fellow|professor|lecturer|director|researcher|analyst|scholar|editor|journalist"
    r"|associate|chair|adviser|advisor|member|student|candidate|officer|ambassador|expert"
    r"|head|founder|president|manager|coordinator|consultant)s?\b",
    re.IGNORECASE,
)
BIO_OPENING = 200  # characters of a biography in which its post is named


def _biography(line: str) -> bool:
    return bool(_BIO.match(line)) and bool(_POST.search(line, 0, BIO_OPENING))


# An author block ends at a line of prose this long that is not a biography: the block
# opened the page ("Author" above a byline), and the article follows it.
_BLOCK_PROSE_WORDS = 30
_DECOR = "…. \t\"'“”‘’*_"
_SENTENCE_END = re.compile(r"[.!?:;,]['\"”’)]*$")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
MAX_HEADING_WORDS = 14


def extract_text(text: str, url: str | None = None, markdown: bool = False) -> Document:
    """A Document (not yet enriched) from a plain-text or Markdown commentary."""
    text = sanitize(text)
    front, text = _front_matter(text) if markdown else ({}, text)
    lines = [squash(line) for line in text.split("\n")]

    source: str | None = front.get("source") or front.get("publisher")
    year: int | None = None
    authors: list[Author] = [a for v in front.get("authors", []) for a in split_authors(v)]
    content: list[tuple[str, str]] = []  # (kind, text): kind is "h1", "h", or "p"
    in_author_block = False
    block_names = 0  # names read since the author block's heading
    pending_name: str | None = None

    for line in lines:
        if not line:
            continue
        copyright_ = parse_copyright(line)
        if copyright_:
            source = source or copyright_[0]
            year = year or copyright_[1]
            continue
        if _AUTHOR_BLOCK.match(line):
            in_author_block = True
            block_names = 0
            continue
        if in_author_block and len(line.split()) >= _BLOCK_PROSE_WORDS and not _biography(line):
            in_author_block = False
            if pending_name:
                authors.append(Author(pending_name))
                pending_name = None
        if in_author_block:
            # Names, each followed by an optional role line; list items with a phone
            # number or an address are media contacts, never authors.
            if line.startswith(("- ", "• ")) or is_boilerplate(line):
                continue
            if looks_like_name(line):
                if pending_name:
                    authors.append(Author(pending_name))
                pending_name = line
                block_names += 1
                continue
            if pending_name:
                authors.append(Author(pending_name, line))
                pending_name = None
                continue
            if block_names:
                continue
            in_author_block = False  # a heading over no name ("Author", a bio, the page)
        if is_boilerplate(line):
            notice, article = split_notice(line)
            copyright_ = parse_copyright(notice)
            if copyright_:
                source = source or copyright_[0]
                year = year or copyright_[1]
            if article is None:
                continue
            line = article
        if (
            len(content) <= 2
            and not authors
            and len(line.split()) < _BLOCK_PROSE_WORDS  # (a longer one is the article run on)
            and re.match(r"^by\s", line, re.IGNORECASE)
        ):
            found = split_authors(line)
            if found:
                authors.extend(found)
                continue
        md = _MD_HEADING.match(line) if markdown else None
        if md:
            content.append(("h1" if len(md.group(1)) == 1 else "h", md.group(2)))
        else:
            content.append(("p", line))
    if pending_name:
        authors.append(Author(pending_name))

    title = front.get("title")
    if title and content and content[0][0] == "h1" and norm_key(content[0][1]) == norm_key(title):
        content.pop(0)  # the front matter's title repeated as the first heading
    if (not title and content and content[0][0] == "h1") or (
        not title and len(content) > 1 and content[0][0] == "p" and _is_heading(content[0][1])
    ):
        title = content.pop(0)[1]

    # Classify plain lines: short unpunctuated lines are section headings.
    items = [(("h" if kind == "p" and _is_heading(t) else kind), t) for kind, t in content]
    subtitle = front.get("subtitle")
    if not subtitle and sum(kind == "p" for kind, _ in items) >= 2 and items[0][0] == "p":
        subtitle = items.pop(0)[1]  # the standfirst, when an article follows it

    paragraphs = drop_repeats([t for kind, t in items if kind == "p"])
    # one paragraph's key a line: a heading found inside a paragraph is a pull quote, and
    # no key may run on into the next (joined from a set, the order of the keys, and so
    # whether a heading matched across two of them, changed from one process to the next)
    joined = "\n".join(norm_key(p) for p in paragraphs)
    sections: list[str] = []
    body_parts: list[str] = []
    kept = set(paragraphs)
    for kind, value in items:
        if kind == "p":
            if value in kept:
                body_parts.append(value)
                kept.discard(value)
            continue
        heading = value.strip(_DECOR).strip()
        key = norm_key(heading)
        if not key or (len(key.split()) >= 4 and key in joined):
            continue  # a pull quote short enough to look like a heading
        sections.append(heading)
        body_parts.append(heading)

    published = _front_date(front.get("published") or front.get("date"))
    published_from = "front matter" if published else None
    if published is None and year:
        published, published_from = PartialDate(year), "copyright line"
    return Document(
        id="",  # the caller assigns the id (from the file's content)
        url=url,
        source=source,
        title=title,
        subtitle=subtitle,
        authors=_unique(authors),
        published=published,
        published_from=published_from,
        sections=sections,
        tags=[t.strip() for t in front.get("tags", "").split(",") if t.strip()]
        if isinstance(front.get("tags"), str)
        else [],
        body="\n\n".join(body_parts),
    )


def _is_heading(line: str) -> bool:
    words = line.strip(_DECOR).split()
    if not words or len(words) > MAX_HEADING_WORDS:
        return False
    if _SENTENCE_END.search(line.rstrip("…").rstrip()) and not line.rstrip().endswith("…"):
        return False
    first = line.strip(_DECOR)[:1]
    return first.isupper() or first.isdigit()


def _front_matter(text: str) -> tuple[dict, str]:
    """``---`` delimited ``key: value`` lines at the top of a Markdown file."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---", 4)
    if end < 0:
        return {}, text
    front: dict = {"authors": []}
    for line in text[4:end].split("\n"):
        key, sep, value = line.partition(":")
        if not sep:
            continue
        key, value = key.strip().lower(), value.strip().strip("\"'")
        if key in ("author", "authors"):
            front["authors"].extend(v for v in re.split(r";", value) if v.strip())
        else:
            front[key] = value
    return front, text[end + 4 :].lstrip("-\n")


def _front_date(value: str | None) -> PartialDate | None:
    if not value:
        return None
    try:
        return PartialDate.parse(value[:10])
    except InvalidFilterError:
        return None  # a front-matter date we cannot read is left out, not an error


def _unique(authors: list[Author]) -> list[Author]:
    seen: set[str] = set()
    result = []
    for author in authors:
        if author.name not in seen:
            seen.add(author.name)
            result.append(author)
    return result
