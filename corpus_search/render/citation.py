"""Citations for reference managers and LaTeX: BibTeX, RIS, and a Markdown reading list.

Each exported reference must print cleanly through a citation processor (pandoc's
citeproc, citeproc-py; Chicago author-date and APA are tested), so every fact is written
once, in the one field processors and reference managers read for it.

BibTeX entries are ``@misc`` (what a think-tank commentary is to classic BibTeX styles,
to biblatex, and to the CSL processors), with ``title`` (words with capitals braced, so
styles that change case keep names and acronyms), ``author`` ("Last, First and ..."),
``year``, ``month``, ``date`` (biblatex, at the precision the document has),
``publisher`` (the think tank, braced whole so that an "and" in its name does not
split it; not also ``organization``, which pandoc would print a second time), ``url`` (not also ``howpublished``), ``urldate``, ``abstract`` (the
standfirst), ``keywords`` (themes and the publisher's tags) and ``langid``. The corpus id
is in ``corpus-search-id``: a private field, hyphenated like BibDesk's ``bdsk-url-1``, that
JabRef and bibtexparser keep and that no style prints (``note`` would be printed).
Special characters are escaped and braces balanced; non-ASCII text stays UTF-8, which
biber, Zotero and JabRef read. Keys are ``surnameYEARword``, made unique within one
export by a letter suffix.

RIS records are ``TY  - ELEC`` (Zotero imports them as web pages) with the same fields
under their RIS tags: the think tank once, as ``PB`` (not also as ``T2``, which
processors print as a container, "In ..."), and the corpus id as ``ID``, the record's
own reference id, which processors use as the citation key and never print.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import IO

from corpus_search.document import Author, Document

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_BIB_SPECIAL = {
    "\\": r"\textbackslash{}",
    # \{ would still count as a brace for BibTeX's brace matching: spell braces out.
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
# Where a BibTeX entry keeps the corpus id (see the module docstring).
ID_FIELD = "corpus-search-id"
_STOP = {"a", "an", "the", "of", "on", "in", "and", "for", "to", "why", "how", "what", "is"}


def bib_escape(text: str) -> str:
    """Text safe inside a braced BibTeX value: specials escaped, whitespace collapsed."""
    text = " ".join(text.split())
    return "".join(_BIB_SPECIAL.get(char, char) for char in text)


# A word of a title: opening quotes or brackets, the word (symbols such as the "+" of
# "OPEC+" included: braces that split it would make processors print "OPEC +"), then
# closing punctuation.
_WORD = re.compile(r"""^([(\["'‘“]*)(.*?\w.*?)([,.;:!?)\]"'’”]*)$""")


def protect_case(text: str) -> str:
    """Brace every word after the first that has a capital ("{North} {Korea}",
    "{START's}"), and the first word when a capital follows its first letter
    ("{NATO's}", "{US–China}"), so styles that change the case of titles keep names and
    acronyms."""
    words = text.split(" ")
    out = []
    for number, word in enumerate(words):
        match = _WORD.match(word)
        capital = r"[A-Z]" if number else r"(?<=\w).*[A-Z]"
        if match and "\\" not in word and re.search(capital, match.group(2)):
            lead, core, tail = match.groups()
            out.append(f"{lead}{{{core}}}{tail}")
        else:
            out.append(word)
    return " ".join(out)


def _ascii_word(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]", "", plain)


def _surname(author: Author) -> str:
    parts = author.name.split()
    return parts[-1] if parts else author.name


def bib_name(author: Author) -> str:
    """ "Nadia Osei-Bramwell" -> "Osei-Bramwell, Nadia"; one word stays as it is."""
    parts = author.name.split()
    if len(parts) < 2:
        return bib_escape(author.name)
    return bib_escape(f"{parts[-1]}, {' '.join(parts[:-1])}")


def bib_key(doc: Document, used: set[str]) -> str:
    first = _ascii_word(_surname(doc.authors[0])) if doc.authors else ""
    if not first:
        first = _ascii_word((doc.source or "anon").split()[0])
    year = str(doc.published.year) if doc.published else "nd"
    words = [w for w in re.findall(r"[^\W_]+", doc.display_title) if w.lower() not in _STOP]
    word = _ascii_word(words[0]) if words else ""
    base = f"{first.lower()}{year}{word.lower()}" or doc.id
    key, n = base, 0
    while key in used:
        key = base + chr(ord("a") + n % 26) + ("" if n < 26 else str(n // 26))
        n += 1
    used.add(key)
    return key


def bibtex_entry(doc: Document, key: str) -> str:
    fields: list[tuple[str, str]] = [("title", protect_case(bib_escape(doc.display_title)))]
    if doc.authors:
        fields.append(("author", " and ".join(bib_name(a) for a in doc.authors)))
    if doc.published:
        fields.append(("year", str(doc.published.year)))
        if doc.published.month:
            fields.append(("month", _MONTHS[doc.published.month - 1]))
        fields.append(("date", str(doc.published)))
    if doc.source:
        # Braced whole: publisher is a list field in biblatex, and the "and" of
        # "Foundation for Technology and Security" would split it in two.
        fields.append(("publisher", "{" + bib_escape(doc.source) + "}"))
    if doc.url and not doc.url.startswith("file:"):
        fields.append(("url", doc.url.replace("}", "%7D").replace("{", "%7B")))
    if doc.fetched_at:
        fields.append(("urldate", doc.fetched_at[:10]))
    if doc.subtitle:
        fields.append(("abstract", bib_escape(doc.subtitle)))
    keywords = [t.id for t in doc.themes] + list(doc.tags)
    if keywords:
        fields.append(("keywords", bib_escape(", ".join(dict.fromkeys(keywords)))))
    if doc.language:
        fields.append(("langid", bib_escape(doc.language)))
    fields.append((ID_FIELD, doc.id))
    body = ",\n".join(
        f"  {name} = {value}" if name == "month" else f"  {name} = {{{value}}}"
        for name, value in fields
    )
    return f"@misc{{{key},\n{body}\n}}\n"


def write_bibtex(docs: Iterable[Document], out: IO[str]) -> int:
    used: set[str] = set()
    count = 0
    for doc in docs:
        if count:
            out.write("\n")
        out.write(bibtex_entry(doc, bib_key(doc, used)))
        count += 1
    return count


def _ris_clean(text: str) -> str:
    return " ".join(text.split())


def ris_record(doc: Document) -> str:
    lines = [("TY", "ELEC"), ("TI", _ris_clean(doc.display_title))]
    for author in doc.authors:
        parts = author.name.split()
        name = f"{parts[-1]}, {' '.join(parts[:-1])}" if len(parts) > 1 else author.name
        lines.append(("AU", _ris_clean(name)))
    if doc.published:
        p = doc.published
        lines.append(("PY", f"{p.year:04d}"))
        month = f"{p.month:02d}" if p.month else ""
        day = f"{p.day:02d}" if p.day else ""
        lines.append(("DA", f"{p.year:04d}/{month}/{day}/"))  # RIS: YYYY/MM/DD/other
    if doc.source:
        lines.append(("PB", _ris_clean(doc.source)))
    if doc.url and not doc.url.startswith("file:"):
        lines.append(("UR", doc.url))
    if doc.fetched_at:
        lines.append(("Y2", doc.fetched_at[:10].replace("-", "/")))
    if doc.subtitle:
        lines.append(("AB", _ris_clean(doc.subtitle)))
    for keyword in dict.fromkeys([t.id for t in doc.themes] + list(doc.tags)):
        lines.append(("KW", _ris_clean(keyword)))
    if doc.language:
        lines.append(("LA", doc.language))
    lines.append(("ID", doc.id))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}".rstrip() + "\n" for tag, value in lines)


def write_ris(docs: Iterable[Document], out: IO[str]) -> int:
    count = 0
    for doc in docs:
        if count:
            out.write("\n")
        out.write(ris_record(doc))
        count += 1
    return count


def markdown_item(doc: Document) -> str:
    """One reading-list entry: title (linked), authors, source, date; the standfirst."""
    title = _md_escape(doc.display_title)
    linked = f"[{title}]({doc.url})" if doc.url else title
    meta = [
        ", ".join(a.name for a in doc.authors),
        f"*{_md_escape(doc.source)}*" if doc.source else "",
        str(doc.published) if doc.published else "undated",
    ]
    line = f"- **{linked}**. " + ", ".join(m for m in meta if m) + f". `{doc.id}`"
    if doc.subtitle:
        line += f"\n  {_md_escape(' '.join(doc.subtitle.split()))}"
    return line + "\n"


def write_markdown_list(docs: Iterable[Document], out: IO[str], heading: str | None) -> int:
    count = 0
    if heading:
        out.write(f"# {_md_escape(heading)}\n\n")
    for doc in docs:
        out.write(markdown_item(doc))
        count += 1
    return count


def _md_escape(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>|])", r"\\\1", text)


def document_markdown(doc: Document, highlight: list[str] | None = None) -> str:
    """A whole document as Markdown: title, standfirst, metadata, sections as ``##``
    headings, query words in bold."""
    out = [f"# {_md_escape(doc.display_title)}\n"]
    if doc.subtitle and doc.title:
        out.append(f"*{_md_escape(doc.subtitle)}*\n")
    meta = [
        ("Source", doc.source),
        ("Published", str(doc.published) if doc.published else None),
        ("Authors", "; ".join(f"{a.name} ({a.role})" if a.role else a.name for a in doc.authors)),
        ("URL", doc.url),
        ("Actors", ", ".join(a.name for a in doc.actors[:15])),
        ("Themes", ", ".join(t.id for t in doc.themes)),
        ("Tags", ", ".join(doc.tags)),
        ("Id", doc.id),
    ]
    out.append(
        "\n".join(f"- **{k}:** {v if k == 'URL' else _md_escape(v)}" for k, v in meta if v) + "\n"
    )
    sections = set(doc.sections)
    for para in doc.body.split("\n\n"):
        if para in sections:
            out.append(f"## {_md_escape(para)}\n")
        else:
            out.append(mark_words(_md_escape(para), highlight or [], "**", "**") + "\n")
    return "\n".join(out)


def document_text(doc: Document) -> str:
    """A whole document as plain text for reading or piping."""
    head = [doc.display_title]
    if doc.subtitle and doc.title:
        head.append(doc.subtitle)
    meta = [
        " · ".join(
            filter(None, [doc.source, str(doc.published) if doc.published else None, doc.id])
        ),
        ", ".join(a.name for a in doc.authors),
        doc.url or "",
    ]
    return "\n".join(head + [m for m in meta if m]) + "\n\n" + doc.body.rstrip() + "\n"


def mark_words(text: str, words: list[str], before: str, after: str) -> str:
    """Wrap every whole-word occurrence of ``words`` (case-insensitive) in markers."""
    if not words:
        return text
    alternatives = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)({alternatives})(?!\w)", re.IGNORECASE)
    return pattern.sub(lambda m: f"{before}{m.group(1)}{after}", text)
