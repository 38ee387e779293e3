"""HTML pages: metadata from structured data, the article text from the page.

Metadata comes first from what the page declares (JSON-LD Article/NewsArticle/Report,
including the variants sites get wrong: a missing ``@``, ``creator`` for ``author``,
lists and ``@graph``), then OpenGraph and ``article:*`` tags, ``citation_*`` and Dublin
Core meta, then visible bylines and ``<time>`` elements, then htmldate. The body is
trafilatura's main-text extraction with pull quotes and bylines removed; a simple
``<article>``/``<main>`` reader takes over where trafilatura finds nothing.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlparse

from bs4 import BeautifulSoup, Tag

from corpus_search.dates import PartialDate
from corpus_search.document import Author, Document
from corpus_search.enrich.dates import parse_text_date
from corpus_search.extract.clean import (
    drop_repeats,
    is_boilerplate,
    looks_like_name,
    norm_key,
    sanitize,
    split_authors,
    squash,
)

_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "report",
    "blogposting",
    "scholarlyarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "reportagenewsarticle",
    "techarticle",
    "posting",
}
_ISO_DATE = re.compile(r"(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?!\d)")


@dataclass
class Metadata:
    title: str | None = None
    subtitle: str | None = None
    authors: list[Author] = field(default_factory=list)
    published: PartialDate | None = None
    updated: PartialDate | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    tags: list[str] = field(default_factory=list)


def extract_html(html: str, url: str | None = None) -> Document:
    """A Document (not yet enriched) from an HTML page."""
    html = sanitize(html)
    soup = BeautifulSoup(html, "lxml")
    meta = read_metadata(soup, url)
    sections, paragraphs = _main_text(html, soup, meta)
    body_parts: list[str] = []
    for kind, text in paragraphs:
        body_parts.append(text)
        if kind == "h":
            sections.append(text)
    return Document(
        id="",
        url=meta.url or url,
        source=meta.source,
        title=meta.title,
        subtitle=meta.subtitle,
        authors=meta.authors,
        published=meta.published,
        updated=meta.updated,
        language=meta.language,
        sections=sections,
        tags=meta.tags,
        body="\n\n".join(body_parts),
    )


# -- metadata ---------------------------------------------------------------------------


def read_metadata(soup: BeautifulSoup, url: str | None = None) -> Metadata:
    meta = Metadata()
    tags = _meta_tags(soup)
    ld = _json_ld_article(soup)

    meta.title = _first(
        _text(ld.get("headline")),
        tags.get("citation_title"),
        tags.get("og:title"),
        tags.get("dc.title"),
        tags.get("twitter:title"),
        _h1(soup),
        _title_tag(soup),
    )
    meta.subtitle = _first(
        _text(ld.get("description")), tags.get("og:description"), tags.get("description")
    )
    meta.authors = (
        _ld_authors(ld.get("author") or ld.get("creator"))
        or _names(tags.getall("citation_author"))
        or _names(tags.getall("dc.creator"))
        or _names(tags.getall("author"))
        or _byline(soup)
        or _written_by(soup)
    )
    meta.published = _first_date(
        ld.get("datePublished"),
        tags.get("article:published_time"),
        tags.get("citation_publication_date"),
        tags.get("citation_date"),
        tags.get("dc.date"),
        tags.get("dc.date.issued"),
        tags.get("date"),
        tags.get("pubdate"),
        tags.get("publish-date"),
        tags.get("parsely-pub-date"),
        _time_element(soup),
    )
    meta.updated = _first_date(ld.get("dateModified"), tags.get("article:modified_time"))
    if meta.published is None:
        meta.published = _htmldate(str(soup), url)
    publisher = ld.get("publisher")
    meta.source = _first(
        _text(publisher.get("name")) if isinstance(publisher, dict) else _text(publisher),
        tags.get("og:site_name"),
        tags.get("dc.publisher"),
        tags.get("citation_publisher"),
        _copyright_owner(soup),
        _title_suffix(soup),
        _host(url),
    )
    canonical = soup.find("link", rel="canonical")
    meta.url = _first(
        str(canonical.get("href") or "") if isinstance(canonical, Tag) else None,
        tags.get("og:url"),
    )
    if meta.url and not meta.url.startswith(("http://", "https://")):
        meta.url = None
    html_tag = soup.find("html")
    lang = html_tag.get("lang") if isinstance(html_tag, Tag) else None
    meta.language = _first(
        str(lang) if lang else None, _text(ld.get("inLanguage")), tags.get("dc.language")
    )
    if meta.language:
        meta.language = meta.language.split("-")[0].split("_")[0].lower()[:3]
    keywords = ld.get("keywords")
    found_tags = [*tags.getall("article:tag")]
    if isinstance(keywords, list):
        found_tags += [str(k) for k in keywords]
    elif isinstance(keywords, str):
        found_tags += keywords.split(",")
    if not found_tags and tags.get("keywords"):
        found_tags = (tags.get("keywords") or "").split(",")
    if not found_tags:
        found_tags = _visible_tags(soup)
    meta.tags = list(dict.fromkeys(squash(t) for t in found_tags if squash(t)))
    return meta


class _Tags(dict[str, list[str]]):
    def get(self, key: str, default: Any = None) -> Any:
        values = super().get(key)
        return values[0] if values else default

    def getall(self, key: str) -> list[str]:
        return list(super().get(key) or [])


def _meta_tags(soup: BeautifulSoup) -> _Tags:
    found = _Tags()
    for tag in soup.find_all("meta"):
        key = tag.get("property") or tag.get("name") or tag.get("itemprop")
        value = tag.get("content")
        if key and value and str(value).strip():
            found.setdefault(str(key).strip().lower(), []).append(squash(str(value)))
    return found


def _json_ld_article(soup: BeautifulSoup) -> dict[str, Any]:
    """The first Article-like object in the page's JSON-LD, keys without their ``@``."""
    candidates: list[dict[str, Any]] = []
    for script in soup.find_all("script", type=re.compile(r"ld\+json", re.I)):
        try:
            data = json.loads(script.string or script.get_text() or "")
        except ValueError:
            continue
        stack: list[Any] = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                item = {str(k).lstrip("@"): v for k, v in item.items()}
                stack.extend(v for k, v in item.items() if k == "graph")
                types = item.get("type")
                names = types if isinstance(types, list) else [types]
                if any(str(t).lower() in _ARTICLE_TYPES for t in names if t):
                    candidates.append(item)
    return candidates[0] if candidates else {}


def _ld_authors(value: Any) -> list[Author]:
    items = value if isinstance(value, list) else [value] if value else []
    authors: list[Author] = []
    for item in items:
        if isinstance(item, dict):
            item = {str(k).lstrip("@"): v for k, v in item.items()}
            if str(item.get("type", "Person")).lower() not in ("person", ""):
                continue
            name = _text(item.get("name"))
            role = _text(item.get("jobTitle"))
            if name:
                authors.extend(
                    [Author(a.name, role or a.role) for a in split_authors(name)]
                    or [Author(squash(name), role)]
                )
        elif isinstance(item, str) and not item.startswith("http"):
            authors.extend(split_authors(item))
    return _unique(authors)


def _names(values: list[str]) -> list[Author]:
    authors = [a for v in values if not v.startswith("http") for a in split_authors(v)]
    return _unique(authors)


def _byline(soup: BeautifulSoup) -> list[Author]:
    """A visible byline: an element whose class or rel says author/byline."""
    for element in soup.select('[rel="author"], [class*="byline"], [class*="author"]'):
        if element.find_parent(["aside", "footer", "nav"]) or _in_related(element):
            continue
        text = squash(element.get_text(" "))
        if text and len(text) < 200:
            found = split_authors(text)
            if found:
                return found
    return []


_WRITTEN_BY = re.compile(r"^\s*(?:written by|about the authors?|authors?)\s*:?\s*$", re.I)


def _written_by(soup: BeautifulSoup) -> list[Author]:
    """A "Written by" block: a heading, then names each followed by an optional role."""
    for heading in soup.find_all(string=_WRITTEN_BY):
        block = heading.parent.parent if heading.parent else None
        if not isinstance(block, Tag) or _in_related(block):
            continue
        lines = [squash(t) for t in block.stripped_strings][1:]
        authors: list[Author] = []
        for line in lines:
            if is_boilerplate(line):
                continue
            if looks_like_name(line):
                authors.append(Author(line))
            elif authors and authors[-1].role is None and len(line) < 150:
                authors[-1] = Author(authors[-1].name, line)
        if authors:
            return authors
    return []


def _copyright_owner(soup: BeautifulSoup) -> str | None:
    from corpus_search.extract.clean import parse_copyright

    footer = soup.find("footer")
    scope = footer if isinstance(footer, Tag) else soup
    for text in scope.find_all(string=re.compile(r"©|copyright", re.I)):
        found = parse_copyright(squash(str(text)))
        if found:
            return found[0]
    return None


def _title_suffix(soup: BeautifulSoup) -> str | None:
    title = soup.find("title")
    if not isinstance(title, Tag):
        return None
    parts = re.split(r"\s+[|–—]\s+", squash(title.get_text(" ")))
    return parts[-1] if len(parts) > 1 and len(parts[-1].split()) <= 8 else None


def _visible_tags(soup: BeautifulSoup) -> list[str]:
    for element in soup.select('[class*="tags"], [class*="topics"]'):
        if _in_related(element) or element.find_parent(["nav", "footer"]):
            continue
        values = [squash(a.get_text(" ")) for a in element.find_all("a")]
        values = [v for v in values if v and len(v) < 60]
        if values:
            return values
    return []


def _in_related(element: Tag) -> bool:
    for parent in element.parents:
        classes = " ".join(parent.get("class") or []) + " " + str(parent.get("id") or "")
        if re.search(r"related|recommend|more-from|promo|teaser", classes, re.I):
            return True
    return False


def _time_element(soup: BeautifulSoup) -> str | None:
    scope = soup.find("article") or soup.find("main") or soup
    for element in scope.find_all("time"):
        if _in_related(element):
            continue
        value = element.get("datetime") or element.get_text(" ")
        if value:
            return str(value)
    return None


def _htmldate(html: str, url: str | None) -> PartialDate | None:
    from htmldate import find_date

    try:
        found = find_date(html, url=url, original_date=True, extensive_search=True)
    except Exception:  # htmldate raises assorted errors on odd pages; a date is optional
        return None
    return _parse_date(found)


def _h1(soup: BeautifulSoup) -> str | None:
    h1 = soup.find("h1")
    return squash(h1.get_text(" ")) if isinstance(h1, Tag) else None


def _title_tag(soup: BeautifulSoup) -> str | None:
    title = soup.find("title")
    if not isinstance(title, Tag):
        return None
    text = squash(title.get_text(" "))
    return re.split(r"\s+[|–—-]\s+[^|–—-]+$", text)[0] if text else None


def _host(url: str | None) -> str | None:
    if not url or not url.startswith(("http://", "https://")):
        return None
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    return squash(str(value)) if value else None


def _first(*values: str | None) -> str | None:
    return next((v for v in values if v and v.strip()), None)


def _parse_date(value: Any) -> PartialDate | None:
    if not value:
        return None
    text = str(value).strip()
    match = _ISO_DATE.match(text)
    if match:
        try:
            year, month, day = (int(g) if g else None for g in match.groups())
            assert year is not None
            date(year, month or 1, day or 1)
            if 1900 <= year <= 2100:
                return PartialDate(year, month, day)
        except ValueError:
            pass
    found = parse_text_date(text)
    return PartialDate.from_date(found) if found else None


def _first_date(*values: Any) -> PartialDate | None:
    for value in values:
        parsed = _parse_date(value)
        if parsed:
            return parsed
    return None


def _unique(authors: list[Author]) -> list[Author]:
    seen: dict[str, Author] = {}
    for author in authors:
        if author.name not in seen or (author.role and not seen[author.name].role):
            seen[author.name] = author
    return list(seen.values())


# -- main text ----------------------------------------------------------------------------


def _main_text(
    html: str, soup: BeautifulSoup, meta: Metadata
) -> tuple[list[str], list[tuple[str, str]]]:
    """(sections, [(kind, text)]) with kind "h" for a heading and "p" for a paragraph."""
    items = _trafilatura_items(html, meta.url) or _fallback_items(soup)
    author_names = {a.name for a in meta.authors}
    title_key = norm_key(meta.title or "")
    subtitle_key = norm_key(meta.subtitle or "")
    cleaned: list[tuple[str, str]] = []
    for kind, text in items:
        key = norm_key(text)
        if not key or key in (title_key, subtitle_key):
            continue
        if kind != "h" and (is_boilerplate(text) or _is_byline(text, author_names)):
            continue
        cleaned.append((kind, text))
    # Pull quotes and repeated display lines: keep each passage once.
    texts = [t for k, t in cleaned if k != "h"]
    keep = set(drop_repeats(texts))
    result: list[tuple[str, str]] = []
    for kind, text in cleaned:
        if kind == "h":
            result.append((kind, text))
        elif text in keep:
            result.append(("p", text))
            keep.discard(text)
    while result and result[-1][0] == "h":
        result.pop()  # a heading with nothing under it (e.g. "Related")
    return [], result


def _is_byline(text: str, author_names: set[str]) -> bool:
    if len(text) > 200:
        return False
    if re.match(r"^(?:by|written by)\s", text, re.I):
        return True
    return (
        bool(author_names)
        and any(text.startswith(name) for name in author_names)
        and (len(text.split()) <= 12 or looks_like_name(text))
    )


def _trafilatura_items(html: str, url: str | None) -> list[tuple[str, str]]:
    import trafilatura
    from lxml import etree

    xml = trafilatura.extract(
        html,
        url=url,
        output_format="xml",
        include_comments=False,
        include_tables=True,
        include_images=False,
        deduplicate=False,
    )
    if not xml:
        return []
    try:
        root = etree.fromstring(xml.encode("utf-8"))
    except etree.XMLSyntaxError:
        return []
    main = root.find("main")
    if main is None:
        return []
    items: list[tuple[str, str]] = []
    for element in main:
        text = squash("".join(element.itertext()))
        if not text:
            continue
        tag = element.tag
        if tag == "head":
            items.append(("h", text))
        elif tag == "quote":
            items.append(("q", text))
        elif tag == "list":
            items.extend(("p", squash("".join(i.itertext()))) for i in element if len(i))
            items.extend(
                ("p", squash(i.text or ""))
                for i in element
                if not len(i) and (i.text or "").strip()
            )
        else:
            items.append(("p", text))
    return items


def _fallback_items(soup: BeautifulSoup) -> list[tuple[str, str]]:
    scope = soup.find("article") or soup.find("main") or soup.body or soup
    items: list[tuple[str, str]] = []
    for element in scope.find_all(["h2", "h3", "p", "li", "blockquote"]):
        if element.find_parent(["nav", "footer", "aside", "header"]) or _in_related(element):
            continue
        text = squash(element.get_text(" "))
        if text:
            items.append(("h" if element.name in ("h2", "h3") else "p", text))
    return items
