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
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlparse

from lxml import etree
from lxml import html as lxml_html

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
from corpus_search.extract.language import detect_language
from corpus_search.urls import web_url

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
    published_from: str | None = None  # where the date was read: "json-ld datePublished", ...
    updated: PartialDate | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    tags: list[str] = field(default_factory=list)


def extract_html(html: str, url: str | None = None) -> Document:
    """A Document (not yet enriched) from an HTML page."""
    html = sanitize(html)
    root = parse_html(html)
    meta = read_metadata(root, url, html)
    sections, paragraphs = _main_text(html, root, meta)
    body_parts: list[str] = []
    for kind, text in paragraphs:
        body_parts.append(text)
        if kind == "h":
            sections.append(text)
    body = "\n\n".join(body_parts)
    return Document(
        id="",
        url=meta.url or url,
        source=meta.source,
        title=meta.title,
        subtitle=meta.subtitle,
        authors=meta.authors,
        published=meta.published,
        published_from=meta.published_from,
        updated=meta.updated,
        language=detect_language(body, meta.language),
        sections=sections,
        tags=meta.tags,
        body=body,
    )


# A page of our own, undated and unsigned, that takes every path of ``extract_html``:
# reading it once loads what the first page would (see ``warm_up``).
_WARM_PARAGRAPH = (
    "<p>This paragraph is here so that the extractor, the date finder and the language"
    " model each read one page before the real ones arrive.</p>"
)
_WARM_PAGE = (
    "<html><head><title>Warm-up</title></head><body><main><h1>Warm-up</h1>"
    + _WARM_PARAGRAPH * 4
    + "<footer>Copyright the corpus-search authors</footer></main></body></html>"
)


def warm_up() -> None:
    """Load what extracting a page loads on first use (trafilatura, htmldate, the language
    model), by extracting a small page of our own."""
    extract_html(_WARM_PAGE)


# -- the page tree ----------------------------------------------------------------------

# One lxml parse serves every metadata reader (BeautifulSoup's tree cost as much as all of
# them together). Comments and processing instructions are not page text.
_PARSER = lxml_html.HTMLParser(remove_comments=True, remove_pis=True)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
Element = Any  # an lxml HtmlElement (lxml ships no type hints)


def parse_html(html: str) -> Element:
    """The page's ``<html>`` element; an empty one for a page lxml cannot read."""
    text = _XML_DECLARATION.sub("", html, count=1)  # lxml refuses str with a declaration
    try:
        return lxml_html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return lxml_html.document_fromstring("<html><body></body></html>", parser=_PARSER)


def _text_of(element: Element) -> str:
    return squash(" ".join(element.itertext()))


def _first_element(root: Element, *names: str) -> Element | None:
    for name in names:
        found = next(root.iter(name), None)
        if found is not None:
            return found
    return None


def _within(element: Element, names: set[str]) -> bool:
    return any(parent.tag in names for parent in element.iterancestors())


# -- metadata ---------------------------------------------------------------------------


def read_metadata(
    root: Element, url: str | None = None, html_source: str | None = None
) -> Metadata:
    meta = Metadata()
    tags = _meta_tags(root)
    ld = _json_ld_article(root)

    title_element = _first_element(root, "title")
    visible = " ".join(
        [_text_of(title_element) if title_element is not None else "", _h1(root) or ""]
    )
    headline = _text(ld.get("headline"))
    meta.title = _first(
        headline if _same_subject(headline, visible) else None,
        tags.get("citation_title"),
        tags.get("dc.title"),
        tags.get("og:title"),
        tags.get("twitter:title"),
        tags.get("parsely-title"),
        _title_or_h1(root),
    )
    meta.subtitle = _first(
        _text(ld.get("description")), tags.get("og:description"), tags.get("description")
    )
    meta.authors = (
        _ld_authors(ld.get("author") or ld.get("creator"))
        or _names(tags.getall("citation_author"))
        or _names(tags.getall("dc.creator"))
        or _names(tags.getall("author"))
        or _names(tags.getall("parsely-author"))
        or _names(tags.getall("article:author"))
        or _names(tags.getall("byl"))
        or _byline(root)
        or _written_by(root)
        or _ld_organisation_authors(ld.get("author") or ld.get("creator"), ld.get("publisher"))
    )
    published_raw, meta.published_from = _first_dated(
        ("json-ld datePublished", ld.get("datePublished")),
        *(
            (f"meta {name}", tags.get(name))
            for name in (
                "article:published_time",
                "citation_publication_date",
                "citation_date",
                "dc.date",
                "dc.date.issued",
                "date",
                "pubdate",
                "publish-date",
                "parsely-pub-date",
                "datepublished",
                "og:article:published_time",
                "sailthru.date",
            )
        ),
        ("<time> element", _time_element(root)),
    )
    meta.published = _parse_date(published_raw)
    meta.updated = _first_date(ld.get("dateModified"), tags.get("article:modified_time"))
    publisher = ld.get("publisher")
    meta.source = _first(
        _text(publisher.get("name")) if isinstance(publisher, dict) else _text(publisher),
        tags.get("og:site_name"),
        tags.get("dc.publisher"),
        tags.get("citation_publisher"),
        _copyright_owner(root),
        _title_suffix(root),
        _host(url),
    )
    canonical = next(
        (
            link.get("href")
            for link in root.iter("link")
            if "canonical" in (link.get("rel") or "").lower().split()
        ),
        None,
    )
    # The page's own address, read as every URL from a page is (never raises).
    meta.url = web_url(str(canonical), url) if canonical else None
    meta.url = meta.url or web_url(tags.get("og:url"), url)
    lang = root.get("lang") or root.get("xml:lang")
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
        found_tags = _visible_tags(root)
    meta.tags = list(dict.fromkeys(squash(t) for t in found_tags if squash(t)))
    # A date in the page's own address is the publisher's local day; a timestamp in UTC
    # can fall on the next or previous one. Within a day of each other, the address wins.
    url_day = _url_date(meta.url) or _url_date(url)
    stamped = meta.published
    if url_day and (
        stamped is None
        or (stamped.day is None and stamped.year == url_day.year)  # the URL is more precise
        or _utc_day_may_be(published_raw, stamped, url_day)
    ):
        meta.published, meta.published_from = url_day, "url"
    if meta.published is not None and meta.published_from != "url":
        country = _country(root, tags, meta.url, url)
        meta.published = _publishers_day(root, published_raw, meta.published, country)
    if meta.published is None:
        meta.published, meta.published_from = _printed_date(root), "printed date"
    if meta.published is None:
        page = html_source or lxml_html.tostring(root, encoding="unicode")
        meta.published, meta.published_from = _htmldate(page, url), "htmldate"
    if meta.published is None:
        meta.published_from = None
    return meta


def _printed_date(root: Element) -> PartialDate | None:
    """A date printed just under the headline ("13 Oct 2020 18:29", "August 06, 2019"),
    as pages without date metadata show it: the first short text after the ``<h1>``
    that reads as a full date, within a few lines of it."""
    for h1 in list(root.iter("h1"))[:3]:  # the first h1 is sometimes the site's logo
        seen = 0
        for text in _texts_after(h1):
            text = squash(text)
            if not text:
                continue
            seen += len(text)
            if seen > 600:
                break
            if len(text) <= 80:
                found = parse_text_date(text)
                if found:
                    return PartialDate.from_date(found)
    return None


def _texts_after(element: Element) -> Iterator[str]:
    """The text of the page after ``element`` (not inside it), in reading order."""
    yield element.tail or ""
    for following in element.itersiblings():
        if isinstance(following.tag, str) and following.tag not in ("script", "style"):
            yield from following.itertext()
        yield following.tail or ""
    parent = element.getparent()
    if parent is not None and parent.tag not in ("body", "html"):
        yield from _texts_after(parent)


_URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=[/_.-]|$)"
    r"|[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?=[/_.-]|$)"
)


def _url_date(url: str | None) -> PartialDate | None:
    """A full date in a URL path: /2020/02/17/, /2020-02-17-, -20200113."""
    if not url:
        return None
    match = _URL_DATE.search(urlparse(url).path)
    if not match:
        return None
    groups = [g for g in match.groups() if g]
    try:
        found = date(int(groups[0]), int(groups[1]), int(groups[2]))
    except ValueError:
        return None
    return PartialDate.from_date(found) if 1990 <= found.year <= 2100 else None


_UTC_TIME = re.compile(
    r"[T ](\d{1,2}):(\d{2})(?::\d{1,2}(?:\.\d+)?)?\s*(Z|[+-]00:?00|GMT|UTC)?$", re.I
)


def _utc_day_may_be(raw: str | None, stamped: PartialDate, day: PartialDate) -> bool:
    """Whether ``day`` (from the URL) can be the local day of a UTC timestamp dated
    ``stamped``: the day before for a time early in the UTC day (an evening in the
    Americas), the day after for a late one (a morning in Europe or Asia). A timestamp
    with its own non-zero offset is already local and keeps its day."""
    match = _UTC_TIME.search(str(raw or "").strip())
    if not match or stamped.month is None or stamped.day is None:
        return False
    if match.group(3) is None and re.search(r"[+-]\d{2}:?\d{2}$", str(raw).strip()):
        return False
    hour = int(match.group(1))
    assert day.month is not None and day.day is not None
    gap = (date(day.year, day.month, day.day) - date(stamped.year, stamped.month, stamped.day)).days
    return (gap == -1 and hour < 8) or (gap == 1 and hour >= 14) or gap == 0


# Countries of the Americas, whose every time zone is three hours or more behind UTC.
_AMERICAS = {
    *("us", "ca", "mx", "br", "ar", "cl", "pe", "ve", "ec", "bo", "py", "uy", "gt"),
    *("hn", "sv", "ni", "cr", "pa", "cu", "do", "pr", "jm", "ht", "tt", "bs", "bb"),
}
# Countries whose every time zone is ahead of UTC, all year, by at least so many hours
# (the smallest offset of any of its zones, winter time): a UTC time that late in the day
# is already the next day there. Countries with a zone at UTC (Spain's Canaries, Portugal,
# the UK, Ireland, Iceland) are not listed.
_AHEAD_OF_UTC = {
    **dict.fromkeys(
        ("al", "ad", "at", "ba", "be", "ch", "cz", "de", "dk", "fr", "hr", "hu", "it"),
        1.0,
    ),
    **dict.fromkeys(
        ("li", "lu", "mc", "me", "mk", "mt", "nl", "no", "pl", "rs", "se", "si", "sk"),
        1.0,
    ),
    **dict.fromkeys(
        ("bg", "cy", "ee", "eg", "fi", "gr", "il", "lt", "lv", "md", "ro", "ru", "ua", "za"),
        2.0,
    ),
    **dict.fromkeys(("by", "tr", "sa", "qa", "ke", "iq"), 3.0),
    **dict.fromkeys(("ae", "om"), 4.0),
    "pk": 5.0,
    "in": 5.5,
    "lk": 5.5,
    "np": 5.75,
    "bd": 6.0,
    **dict.fromkeys(("th", "vn", "id", "kh"), 7.0),
    **dict.fromkeys(("cn", "hk", "mo", "tw", "sg", "my", "ph", "au"), 8.0),
    **dict.fromkeys(("jp", "kr"), 9.0),
    "nz": 12.0,
}


def _country(root: Element, tags: _Tags, *urls: str | None) -> str | None:
    """The publisher's country, lowercased: the country-code domain of the page's host
    ("….com.au", "….ca"; not ".co", used worldwide), else the region of the language the
    page declares ("en-US", "fr_CA")."""
    for address in urls:
        host = urlparse(address or "").hostname or ""
        tld = host.rsplit(".", 1)[-1].lower() if "." in host else ""
        if len(tld) == 2 and tld.isalpha() and tld != "co":
            return tld
    for value in (root.get("lang"), tags.get("og:locale"), tags.get("content-language")):
        match = re.match(r"^[a-z]{2,3}[-_]([a-z]{2})\b", str(value or ""), re.I)
        if match:
            return match.group(1).lower()
    return None


def _publishers_day(
    root: Element, raw: str | None, stamped: PartialDate, country: str | None
) -> PartialDate:
    """The publisher's day of a timestamp written in UTC: a time before 03:00 UTC is
    still the evening before in every time zone of the Americas; a time late in the UTC
    day is already the next morning in a country ahead of UTC by at least the hours left
    (after 23:00 UTC in central Europe, after 15:00 in Japan). Elsewhere, or with a local
    offset, the day stands; and where the page prints the stamp as a day (the text of a
    ``<time>`` element carrying it), the printed day is the publisher's."""
    match = _UTC_TIME.search(str(raw or "").strip())
    if not match or match.group(3) is None or stamped.day is None:
        return stamped
    assert stamped.month is not None
    hour = int(match.group(1)) + int(match.group(2)) / 60
    if country in _AMERICAS and hour < 3:
        shift = -1
    elif country in _AHEAD_OF_UTC and hour >= 24 - _AHEAD_OF_UTC[country]:
        shift = 1
    else:
        return stamped
    stamped_day = date(stamped.year, stamped.month, stamped.day)
    printed = _printed_day_of(root, stamped)
    if printed is not None and abs((printed - stamped_day).days) <= 1:
        return PartialDate.from_date(printed)
    return PartialDate.from_date(stamped_day + timedelta(days=shift))


def _printed_day_of(root: Element, stamped: PartialDate) -> date | None:
    """The day a ``<time>`` element whose ``datetime`` is on ``stamped`` prints as its
    text ("28 October 2020"), if it prints a full date."""
    for element in root.iter("time"):
        if _parse_date(element.get("datetime")) != stamped or _in_related(element):
            continue
        found = parse_text_date(_text_of(element))
        if found:
            return found
    return None


class _Tags(dict[str, list[str]]):
    def get(self, key: str, default: Any = None) -> Any:
        values = super().get(key)
        return values[0] if values else default

    def getall(self, key: str) -> list[str]:
        return list(super().get(key) or [])


def _meta_tags(root: Element) -> _Tags:
    """Meta values by lowercased key; Dublin Core's ``dc:``/``dcterms:`` spellings as
    ``dc.``. A value given as RDFa ``property`` comes before one given as ``name``."""
    found = _Tags()
    from_property: Counter[str] = Counter()
    for tag in root.iter("meta"):
        prop = tag.get("property")
        keys = prop or tag.get("name") or tag.get("itemprop")
        value = tag.get("content")
        if not keys or not value or not str(value).strip():
            continue
        for key in str(keys).lower().split():  # "dc:creator twitter:site_name"
            key = re.sub(r"^(?:dc|dcterms):", "dc.", key).replace("dcterms.", "dc.")
            values = found.setdefault(key, [])
            if prop:
                values.insert(from_property[key], squash(str(value)))
                from_property[key] += 1
            else:
                values.append(squash(str(value)))
    return found


def _json_ld_article(root: Element) -> dict[str, Any]:
    """The first Article-like object in the page's JSON-LD, keys without their ``@``."""
    candidates: list[dict[str, Any]] = []
    for script in root.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        data = _load_json_ld(script.text or "")
        if data is None:
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


_JSON_WRAPPER = re.compile(r"^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")


def _load_json_ld(text: str) -> Any:
    """A JSON-LD block as sites write it: inside CDATA or comment markers, with raw
    newlines in strings, or with trailing commas. None when it is not JSON."""
    text = _JSON_WRAPPER.sub("", text.strip())
    for attempt in (text, _TRAILING_COMMA.sub(r"\1", text)):
        try:
            return json.loads(attempt, strict=False)
        except ValueError:
            continue
    return None


# A Person whose "name" is a web address (a CMS filling the field with the page's or
# the profile's URL) names nobody.
_WEB_ADDRESS = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*://|www\.)", re.I)


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
            if name and not _WEB_ADDRESS.match(name):
                authors.extend(
                    [Author(a.name, role or a.role) for a in split_authors(name)]
                    or [Author(squash(name), role)]
                )
        elif isinstance(item, str) and not _WEB_ADDRESS.match(item):
            authors.extend(split_authors(item) or _cjk_names(item))
    return _unique(authors)


def _ld_organisation_authors(value: Any, publisher: Any) -> list[Author]:
    """The organisations a JSON-LD article declares as its author, when it names no
    person anywhere ("Contributors to a wiki", a working group, a think tank's staff):
    schema.org's author may be an Organization, and then it is the page's author. An
    organisation that is also the publisher is left out: that is the site signing its
    own pages by default, which ``source`` already says."""
    items = value if isinstance(value, list) else [value] if value else []
    publisher_key = norm_key(_text(publisher) or "")
    authors: list[Author] = []
    for item in items:
        if not isinstance(item, dict):
            continue
        item = {str(k).lstrip("@"): v for k, v in item.items()}
        if str(item.get("type", "")).lower() != "organization":
            continue
        name = _text(item.get("name"))
        if name and norm_key(name) and norm_key(name) != publisher_key:
            authors.append(Author(name))
    return _unique(authors)


def _names(values: list[str]) -> list[Author]:
    authors = [
        a for v in values if not v.startswith("http") for a in split_authors(v) or _cjk_names(v)
    ]
    return _unique(authors)


_CJK = r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]"
_CJK_NAME = re.compile(rf"^{_CJK}(?:{_CJK}|[·・ _]{_CJK}){{1,9}}$")
# A user name after the name, as blogs print it: "山田 太郎 (taro_y)".
_HANDLE_AFTER = re.compile(r"\s*[(（]@?[A-Za-z0-9_.-]{2,40}[)）]$")


def _cjk_names(value: str) -> list[Author]:
    """Names in Chinese, Japanese or Korean script, as an author field declares them
    ("王小明", "山田 太郎", "王小明、李华"): scripts without capitals, so the test of
    capitalised words cannot apply. Each is 2 to 10 characters, no digits or punctuation
    but the separators of a name or pen name (a middle dot, a space, an underscore); a
    user name in brackets after the name is left out."""
    parts = [
        _HANDLE_AFTER.sub("", p.strip())
        for p in re.split(r"[,，、;；]", squash(value))
        if p.strip()
    ]
    if parts and all(_CJK_NAME.match(p) for p in parts):
        return [Author(p) for p in parts]
    return []


_NOT_A_NAME_CLASS = re.compile(r"title|role|job|position|date|time|bio|desc|avatar|image", re.I)


def _byline(root: Element) -> list[Author]:
    """A visible byline: an element whose class, rel or itemprop says author/byline.
    Where a byline holds its own author elements (a link per name), the names come from
    those, so a job title or date printed beside them stays out."""
    candidates = [
        element
        for element in _with_class(root, ("byline", "author"), rel_author=True)
        if (
            _is_article_microdata_author(element)
            or not _within(element, {"aside", "footer", "nav"})
        )
        and not _in_related(element)
    ]
    inner = set(candidates)
    for element in candidates:
        text = _text_of(element)
        if not text or len(text) >= 200:
            continue
        parts = [
            d
            for d in element.iterdescendants()
            if d in inner
            and not _NOT_A_NAME_CLASS.search(d.get("class") or "")
            and not any(x in inner for x in d.iterdescendants())  # the innermost ones
        ]
        from_parts = _unique([a for d in parts for a in split_authors(_text_of(d))])
        roles = [
            _text_of(d)
            for d in element.iterdescendants()
            if d in inner and _ROLE_CLASS.search(d.get("class") or "") and _text_of(d)
        ]
        if from_parts:
            if len(from_parts) == 1 and len(roles) == 1 and not from_parts[0].role:
                return [Author(from_parts[0].name, roles[0])]
            return from_parts
        for role in roles:  # "Ben Silverman <div class=author-title>Games Editor</div>"
            text = squash(text.replace(role, " "))
        found = split_authors(text)
        if found:
            if len(found) == 1 and len(roles) == 1 and not found[0].role:
                return [Author(found[0].name, roles[0])]
            return found
    return []


def _is_article_microdata_author(element: Element) -> bool:
    """An ``itemprop="author"`` of the page's article in schema.org microdata: its
    nearest ``itemscope`` is an Article-like type outside any aside, footer or nav. Such
    an author holds even in the article's own aside (a margin with the byline and date)."""
    if "author" not in (element.get("itemprop") or "").lower().split():
        return False
    scope = next((p for p in element.iterancestors() if p.get("itemscope") is not None), None)
    if scope is None:
        return False
    kind = str(scope.get("itemtype") or "").rstrip("/").rsplit("/", 1)[-1].lower()
    margins = {"aside", "footer", "nav"}
    return kind in _ARTICLE_TYPES and scope.tag not in margins and not _within(scope, margins)


_ROLE_CLASS = re.compile(r"title|role|job|position", re.I)


_WRITTEN_BY = re.compile(r"^\s*(?:written by|about the authors?|authors?)\s*:?\s*$", re.I)


def _written_by(root: Element) -> list[Author]:
    """A "Written by" block: a heading, then names each followed by an optional role."""
    for heading in root.iter():
        if not isinstance(heading.tag, str) or not _WRITTEN_BY.search(heading.text or ""):
            continue
        block = heading.getparent()
        if block is None or _in_related(block):
            continue
        lines = [squash(t) for t in block.itertext() if t.strip()][1:]
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


_COPYRIGHT_SIGN = re.compile(r"©|copyright", re.I)


def _copyright_owner(root: Element) -> str | None:
    from corpus_search.extract.clean import parse_copyright

    footer = _first_element(root, "footer")
    scope = footer if footer is not None else root
    for text in scope.itertext():
        if not _COPYRIGHT_SIGN.search(text):
            continue
        found = parse_copyright(squash(text))
        if found:
            return found[0]
    return None


def _title_suffix(root: Element) -> str | None:
    title = _first_element(root, "title")
    if title is None:
        return None
    parts = re.split(r"\s+[|–—·]\s+", _text_of(title))
    return parts[-1] if len(parts) > 1 and len(parts[-1].split()) <= 8 else None


def _visible_tags(root: Element) -> list[str]:
    for element in _with_class(root, ("tags", "topics")):
        if _in_related(element) or _within(element, {"nav", "footer"}):
            continue
        values = [_text_of(a) for a in element.iter("a")]
        values = [v for v in values if v and len(v) < 60]
        if values:
            return values
    return []


_WITH_CLASS = etree.XPath("descendant-or-self::*[@class]")
_WITH_REL_OR_CLASS = etree.XPath("descendant-or-self::*[@class or @rel or @itemprop]")


def _with_class(root: Element, words: tuple[str, ...], rel_author: bool = False) -> list[Element]:
    """Elements, in page order, whose class attribute contains one of ``words`` (as CSS
    ``[class*=word]`` does), or with ``rel="author"``."""
    found: list[Element] = []
    # Only the elements that carry one of the attributes are read (lxml makes a Python
    # object for each element a loop visits: visiting all of them was most of the cost).
    for element in (_WITH_REL_OR_CLASS if rel_author else _WITH_CLASS)(root):
        if rel_author and (
            "author" in (element.get("rel") or "").lower().split()
            or "author" in (element.get("itemprop") or "").lower().split()
        ):
            found.append(element)
            continue
        classes = (element.get("class") or "").lower()
        if classes and any(word in classes for word in words):
            found.append(element)
    return found


def _in_related(element: Element) -> bool:
    for parent in element.iterancestors():
        classes = (parent.get("class") or "") + " " + (parent.get("id") or "")
        if re.search(r"related|recommend|more-from|promo|teaser", classes, re.I):
            return True
    return False


def _time_element(root: Element) -> str | None:
    scope = _first_element(root, "article", "main")
    for element in (scope if scope is not None else root).iter("time"):
        if _in_related(element):
            continue
        value = element.get("datetime") or _text_of(element)
        if value:
            return str(value)
    return None


# Languages whose month and day names dateparser may read for htmldate: the web's most
# used and the think tanks'. htmldate asks dateparser to try all of its 200 or so (its
# parser has no list), and dateparser compiles each language's patterns the first time it
# tries it: about 1.3 s in every process that meets one date string no language reads,
# against 0.3 s for these. The list is fixed, not the page's own language, so that a
# string reads the same on every page (htmldate caches what each string gave).
DATE_LANGUAGES = (
    "en", "es", "fr", "de", "pt", "it", "nl", "ru", "uk", "pl", "cs", "ro", "hu", "el",
    "tr", "ar", "fa", "he", "zh", "ja", "ko", "vi", "id", "hi", "sv", "da", "nb", "fi",
)  # fmt: skip


def _date_parser() -> Any:
    """The dateparser parser htmldate uses, limited to ``DATE_LANGUAGES`` (the settings
    are htmldate's own: strict, past dates first, the locale's day order)."""
    global _DATE_PARSER
    if _DATE_PARSER is None:
        from dateparser import DateDataParser

        _DATE_PARSER = DateDataParser(
            languages=list(DATE_LANGUAGES),
            settings={
                "NORMALIZE": True,
                "PARSERS": ["custom-formats", "absolute-time"],
                "PREFER_DATES_FROM": "past",
                "PREFER_LOCALE_DATE_ORDER": True,
                "RETURN_AS_TIMEZONE_AWARE": False,
                "STRICT_PARSING": True,
            },
        )
    return _DATE_PARSER


_DATE_PARSER: Any = None
_DATE_PARSER_SET = False  # htmldate pointed at it (once per process)


def _use_our_date_parser() -> bool:
    """Point htmldate at ``_date_parser`` (htmldate looks its parser up by this name at
    each use); False, and htmldate's own parser stays, if a version renamed it. This holds
    for the whole process: a program that imports corpus-search and calls htmldate itself
    gets the same 28 languages."""
    import htmldate.extractors

    if not callable(getattr(htmldate.extractors, "get_external_parser", None)):
        return False
    htmldate.extractors.get_external_parser = _date_parser  # type: ignore[assignment]
    return True


def _htmldate(html: str, url: str | None) -> PartialDate | None:
    """htmldate's guess, unless it is the 1st of January: that is how it writes a year
    found alone (a copyright line, a lone year in the text or a script), which dates the
    site's template or nothing at all, not the article."""
    from htmldate import find_date

    global _DATE_PARSER_SET
    if not _DATE_PARSER_SET:
        _use_our_date_parser()
        _DATE_PARSER_SET = True
    try:
        found = find_date(html, url=url, original_date=True, extensive_search=True)
    except Exception:  # htmldate raises assorted errors on odd pages; a date is optional
        return None
    parsed = _parse_date(found)
    if parsed is not None and (parsed.month, parsed.day) == (1, 1):
        return parsed if _names_new_years_day(html, parsed.year) else None
    return parsed


def _names_new_years_day(html: str, year: int) -> bool:
    """Whether the page writes out the 1st of January of ``year`` (ISO, "January 1, 2024",
    "1 Jan 2024", "01/01/2024"): then an article of New Year's Day is dated by it."""
    pattern = (
        rf"{year}-01-01|\b(?:january|jan\.?) 0?1(?:st)?,? {year}|\b0?1(?:st)? (?:january|jan\.?),? {year}"
        rf"|\b01[/.]01[/.]{year}"
    )
    return re.search(pattern, html, re.I) is not None


def _title_or_h1(root: Element) -> str | None:
    """Without structured data: the ``<title>`` less its site suffix, which names the
    page as its publisher means it; the first ``<h1>`` when there is no title, or when
    the title is the h1 plus a suffix the split missed."""
    title, h1 = _title_tag(root), _h1(root)
    if not title:
        return h1
    if h1 and norm_key(title).startswith(norm_key(h1)) and norm_key(h1):
        return h1
    return title


def _h1(root: Element) -> str | None:
    h1 = _first_element(root, "h1")
    return _text_of(h1) if h1 is not None else None


def _same_subject(declared: str | None, visible: str) -> bool:
    """Whether a JSON-LD headline can name this page: at least half its words are in
    the page's ``<title>`` or ``<h1>``. (Wikipedia's "headline" is the subject's one-line
    description, not the article's title.)"""
    words = set(norm_key(declared or "").split())
    shown = set(norm_key(visible).split())
    if not words or not shown:
        return bool(words)
    return len(words & shown) * 2 >= len(words)


def _title_tag(root: Element) -> str | None:
    """The ``<title>`` less a trailing " | Site" part (after "|", "-", a dash or a
    middle dot), unless that would leave a single word ("Mozilla - Wikipedia" stays
    whole)."""
    title = _first_element(root, "title")
    if title is None:
        return None
    text = _text_of(title)
    if not text:
        return None
    head = re.split(r"\s+[|–—·-]\s+[^|–—·-]+$", text)[0]
    return head if len(head.split()) > 1 else text


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


def _first_dated(*candidates: tuple[str, Any]) -> tuple[str | None, str | None]:
    """The first of the (where, value) ``candidates`` whose value reads as a date: the
    value as written, and where it came from."""
    for where, value in candidates:
        if _parse_date(value):
            return str(value), where
    return None, None


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


def _main_text(html: str, root: Element, meta: Metadata) -> tuple[list[str], list[tuple[str, str]]]:
    """(sections, [(kind, text)]) with kind "h" for a heading and "p" for a paragraph."""
    items = _trafilatura_items(html, meta.url, root) or _fallback_items(root)
    author_names = {a.name for a in meta.authors}
    title_key = norm_key(meta.title or "")
    subtitle_key = norm_key(meta.subtitle or "")
    cleaned: list[tuple[str, str]] = []
    for kind, text in items:
        key = norm_key(text)
        if not key or key == title_key or (kind == "h" and key == subtitle_key):
            continue
        if kind != "h" and (is_boilerplate(text) or _is_byline(text, author_names)):
            continue
        cleaned.append((kind, text))
    # Pull quotes and repeated display lines: keep each passage once.
    texts = [t for k, t in cleaned if k != "h"]
    keep = set(drop_repeats(texts, exact=False, max_words=_PULL_QUOTE_WORDS))
    result: list[tuple[str, str]] = []
    for kind, text in cleaned:
        if kind == "h":
            result.append((kind, text))
        elif text in keep:
            result.append(("p", text))
    while result and result[-1][0] == "h" and any(k != "h" for k, _ in result):
        result.pop()  # a heading with nothing under it (e.g. "Related")
    return [], result


_PULL_QUOTE_WORDS = 45  # a display quote is a sentence or two, never a whole paragraph


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


# trafilatura's fast mode: its own extractor alone, without the readability and justext
# extractors it otherwise runs on every page to compare with (a fifth of its time). Where
# the fast result is shorter than trafilatura's own minimum for an extraction
# (``MIN_EXTRACTED_SIZE``, the length under which it looks for more text itself), the page
# is read again with them. Our figures with and without are in docs/performance.md.
TRAFILATURA_FAST = True


# The start of a page that ``lxml.html.fromstring`` (trafilatura's parse) reads as a whole
# document, as ``parse_html`` does; and what trafilatura's ``load_html`` changes in a page
# before parsing it (its ``repair_faulty_html``): a doctype with a slash in the first line,
# a self-closing ``<html/>`` in the first four, characters XML forbids.
_WHOLE_PAGE = re.compile(r"^\s*<(?:html|!doctype)", re.I)
_SLASHED_DOCTYPE = re.compile(r"^< ?! ?DOCTYPE[^>]*/[^<>]*>", re.I)


def _parsed_as_trafilatura_would(html: str) -> bool:
    """Whether trafilatura, given the (sanitised: no C0 controls) string, would parse it
    into the same elements as ``parse_html`` (its parser's other options touch only the
    doctype and the id table): then it is handed that tree instead of parsing the page a
    second time (it works on a copy, which costs half a parse, and leaves ours as it was).
    A page it would repair or read another way is given as text, as before."""
    beginning = html[:50].lower()
    if not _WHOLE_PAGE.match(html) or "html" not in beginning:
        return False  # a fragment, or a page its "is this HTML" check may refuse
    if "\ufffe" in html or "\uffff" in html:
        return False
    if "doctype" in beginning and (
        "\n" not in html or _SLASHED_DOCTYPE.match(html.partition("\n")[0])
    ):
        return False  # (it rejoins the first line with a newline, even one not there)
    return not any("<html" in line and line.endswith("/>") for line in html[:4096].splitlines()[:4])


def _trafilatura_xml(html: str, url: str | None, root: Element = None) -> str | None:
    """The XML ``trafilatura.extract(html, output_format="xml", ...)`` returns, made by the
    same two steps it takes, less the third: the fingerprint of the text that ``extract``
    computes for every XML result and that nothing here reads (a thirtieth of the time
    of an ingest). ``determine_returnstring`` and ``Extractor`` are not trafilatura's
    documented interface: where a release moves them, ``extract`` itself is called.
    ``root``, the page as ``parse_html`` read it, is handed to trafilatura in place of
    the text where it would build the same tree."""
    try:
        from trafilatura import bare_extraction
        from trafilatura.core import determine_returnstring
        from trafilatura.settings import Extractor
    except ImportError:
        import trafilatura

        return trafilatura.extract(
            html,
            url=url,
            output_format="xml",
            include_comments=False,
            include_tables=True,
            include_images=False,
            deduplicate=False,
        )

    def read(fast: bool) -> Any:
        options = Extractor(
            output_format="xml",
            fast=fast,
            comments=False,
            tables=True,
            images=False,
            dedup=False,
            url=url,
        )
        document = bare_extraction(page, options=options)
        if document is None or isinstance(document, dict):
            return None, options
        return document, options

    # (an empty tree: trafilatura would parse the text again as bytes)
    page = root if root is not None and len(root) and _parsed_as_trafilatura_would(html) else html
    document, options = read(TRAFILATURA_FAST)
    if TRAFILATURA_FAST and len(getattr(document, "raw_text", None) or "") < getattr(
        options, "min_extracted_size", 0
    ):
        document, options = read(False)  # short or nothing: the whole cascade
    if document is None:
        return None
    return str(determine_returnstring(document, options))


def _trafilatura_items(html: str, url: str | None, root: Element = None) -> list[tuple[str, str]]:
    try:
        xml = _trafilatura_xml(html, url, root)
    except etree.LxmlError:
        # trafilatura re-parses its own XML output, which some broken markup makes
        # invalid (an attribute name it cannot read): read the page without it
        return []
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
    loose = squash(main.text or "")
    if loose:
        items.append(("p", loose))
    for element in main:
        tag = element.tag
        if tag == "list":
            items.extend(("p", t) for t in (_xml_text(i) for i in element) if t)
        elif tag == "table":
            items.extend(("p", t) for t in (_xml_text(r, " | ") for r in element) if t)
        else:
            text = _xml_text(element)
            if text:
                kind = {"head": "h", "quote": "q"}.get(str(tag), "p")
                items.append((kind, text))
        tail = squash(element.tail or "")  # text trafilatura left between blocks
        if tail:
            items.append(("p", tail))
    return items


_XML_BLOCKS = {"lb", "item", "row", "cell", "p", "head", "list", "quote", "table"}


def _xml_text(element: Any, cell_sep: str = " ") -> str:
    """An element's text with a space wherever a block, cell or line break separates
    words (itertext alone glues "Top 5" and "1" into "Top 51")."""
    parts: list[str] = [element.text or ""]
    for child in element:
        block = child.tag in _XML_BLOCKS
        if block:
            parts.append(cell_sep if child.tag == "cell" else " ")
        parts.append(_xml_text(child, cell_sep))
        if block:
            parts.append(" ")
        parts.append(child.tail or "")
    return squash("".join(parts)).strip(" |")


def _fallback_items(root: Element) -> list[tuple[str, str]]:
    found = _first_element(root, "article", "main", "body")
    scope = found if found is not None else root
    items: list[tuple[str, str]] = []
    for element in scope.iter("h2", "h3", "p", "li", "blockquote"):
        if _within(element, {"nav", "footer", "aside", "header"}) or _in_related(element):
            continue
        text = _text_of(element)
        if text:
            items.append(("h" if element.tag in ("h2", "h3") else "p", text))
    return items
