"""What kind of page is this? Article, listing, anti-bot or error page; and its links.

The crawler indexes only article pages. ``inspect_page`` reads one HTML page and says
what it is (with the reason in words), and gathers what discovery needs from it: links,
the "next page" link, feed links (``<link rel=alternate>``) and the dates listings print
beside their items.

Anti-bot pages are recognised by the markers Cloudflare's challenge ("Just a moment...",
``cf_chl_opt``, Turnstile) and its error pages (``cf-error-details``, error 1015 "rate
limited") carry, and by the generic wording of other bot walls.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from corpus_search.urls import web_url

ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "blogposting",
    "report",
    "scholarlyarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "reportagenewsarticle",
    "techarticle",
}
LISTING_TYPES = {"collectionpage", "searchresultspage", "profilepage", "itemlist", "event"}

ANTIBOT_MAX_TEXT = 2500  # characters of visible text: challenge pages have few
ANTIBOT_MARKERS = (
    ("cf_chl_opt", "Cloudflare browser challenge"),
    ("challenge-platform", "Cloudflare browser challenge"),
    ("cf-turnstile", "Cloudflare Turnstile challenge"),
    ("<title>just a moment...</title>", "Cloudflare browser challenge"),
    ("error code: 1015", "Cloudflare rate limit (error 1015)"),
    ("banned you temporarily", "Cloudflare rate limit (error 1015)"),
    ("cf-error-details", "Cloudflare error page"),
    ("attention required! | cloudflare", "Cloudflare block page"),
    ("_incapsula_resource", "Incapsula bot check"),
    ("px-captcha", "PerimeterX captcha"),
    ("/_sec/cp_challenge", "Akamai bot challenge"),
    ("please verify you are a human", "bot check"),
    ("checking your browser before accessing", "browser check"),
    ("enable javascript and cookies to continue", "browser challenge"),
)

# Path shapes of pages that list other pages rather than being an article.
LISTING_PATHS = (
    (re.compile(r"/(tags?|topics?|keywords?|subjects?)/", re.I), "tag page"),
    (
        re.compile(r"/(authors?|experts?|people|staff|profiles?|contributors?)(/|$)", re.I),
        "author page",
    ),
    (re.compile(r"/(search|find)(/|$)|[?&](s|q|query|search|keywords?)=", re.I), "search page"),
    (re.compile(r"/(events?|calendar|agenda)(/|$)", re.I), "event or calendar page"),
    (
        re.compile(r"/(category|categories|archives?|regions?|programs?|issues?)/", re.I),
        "section listing",
    ),
    (
        re.compile(r"/page/\d+/?$|[?&](page|_page|paged|offset|start|p)=\d+", re.I),
        "paginated listing",
    ),
)
ERROR_TITLES = re.compile(
    r"\b(404|page not found|not found|error 5\d\d|server error|access denied|forbidden)\b", re.I
)
NEXT_TEXT = re.compile(
    r"^\s*(next( page)?|older( posts| entries)?|more|›|»|→|>)\s*[›»→>]?\s*$", re.I
)


def antibot_reason(html: str) -> str | None:
    """The kind of anti-bot page this is, or None. The markers count only on a page with
    little visible text: protected sites put the same scripts (Cloudflare's
    ``challenge-platform``, Incapsula's resources) into their normal article pages."""
    head = html[:200_000].lower()
    for marker, reason in ANTIBOT_MARKERS:
        if marker in head:
            text = BeautifulSoup(html, "lxml")
            for tag in text(["script", "style", "noscript", "template"]):
                tag.decompose()
            if len(text.get_text(" ", strip=True)) < ANTIBOT_MAX_TEXT:
                return reason
            return None
    return None


@dataclass
class PageInfo:
    kind: str  # "article", "listing", "antibot", "error", "other"
    reason: str
    links: list[str] = field(default_factory=list)  # absolute, in page order, unique
    next_url: str | None = None
    feeds: list[str] = field(default_factory=list)
    link_dates: dict[str, date] = field(default_factory=dict)
    canonical: str | None = None

    @property
    def is_article(self) -> bool:
        return self.kind == "article"


def inspect_page(
    html: str,
    url: str,
    article_patterns: list[re.Pattern[str]] | None = None,
    status: int = 200,
) -> PageInfo:
    """Classify a page and collect its links. With ``article_patterns`` (a site profile's
    article URL shapes) a page is an article only if its path matches one."""
    soup = BeautifulSoup(html, "lxml")
    info = PageInfo("other", "", canonical=_canonical(soup, url))
    _collect_links(soup, url, info)
    antibot = antibot_reason(html)
    if antibot:
        info.kind, info.reason = "antibot", f"anti-bot page: {antibot}"
        return info
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    if status >= 400 or (ERROR_TITLES.search(title) and len(_text_of(soup)) < 3000):
        info.kind, info.reason = "error", f"error page ({title or f'HTTP {status}'})"
        return info
    target = urlsplit(info.canonical or web_url(url) or "")
    path = target.path + (f"?{target.query}" if target.query else "")
    if article_patterns is not None:
        if any(p.search(target.path) for p in article_patterns):
            info.kind, info.reason = "article", "URL matches the profile's article pattern"
        else:
            info.kind, info.reason = "listing", "URL outside the profile's article patterns"
        return info
    for pattern, reason in LISTING_PATHS:
        if pattern.search(path):
            info.kind, info.reason = "listing", reason
            return info
    types = _declared_types(soup)
    if types & ARTICLE_TYPES:
        info.kind, info.reason = "article", "declares an article (JSON-LD or og:type)"
        return info
    if types & LISTING_TYPES or info.next_url:
        info.kind, info.reason = "listing", "declares a collection or has a next page"
        return info
    words, link_words = _text_weights(soup)
    if words >= 250 and link_words < 0.5 * words:
        info.kind, info.reason = "article", "long running text"
    else:
        info.kind, info.reason = "listing", "mostly links, little running text"
    return info


def looks_like_article_url(url: str) -> bool:
    """A guess for generic crawls: a slug-like last path segment not shaped like a
    listing (``/2025/05/some-long-title/``, ``/analysis/some-title.html``)."""
    parts = urlsplit(url)
    path = parts.path
    if any(p.search(path + (f"?{parts.query}" if parts.query else "")) for p, _ in LISTING_PATHS):
        return False
    segments = [s for s in path.split("/") if s]
    if not segments:
        return False
    last = re.sub(r"\.(html?|php|aspx?)$", "", segments[-1])
    return last.count("-") >= 2 or (len(segments) >= 2 and last.isdigit() and len(last) >= 4)


# -- helpers ------------------------------------------------------------------------------


def _canonical(soup: BeautifulSoup, url: str) -> str | None:
    link = soup.find("link", rel=lambda v: v is not None and "canonical" in v)
    if isinstance(link, Tag) and link.get("href"):
        return web_url(str(link["href"]), url)
    return None


def _collect_links(soup: BeautifulSoup, url: str, info: PageInfo) -> None:
    seen: set[str] = set()
    for anchor in soup.find_all("a", href=True):
        href = str(anchor["href"]).strip()
        if not href or href.startswith(("#", "mailto:", "javascript:", "tel:")):
            continue
        absolute = web_url(href, url)
        if absolute is None:
            continue
        if absolute not in seen:
            seen.add(absolute)
            info.links.append(absolute)
        rel: list[str] = list(anchor.get("rel") or [])
        if info.next_url is None and (
            "next" in rel or NEXT_TEXT.match(anchor.get_text(" ", strip=True) or "")
        ):
            info.next_url = absolute
    for link in soup.find_all("link", href=True):
        rel = [r.lower() for r in (link.get("rel") or [])]
        kind = str(link.get("type") or "").lower()
        found_url = web_url(str(link["href"]), url)
        if found_url is None:
            continue
        if "next" in rel and info.next_url is None:
            info.next_url = found_url
        if "alternate" in rel and ("rss" in kind or "atom" in kind):
            info.feeds.append(found_url)
    for time_tag in soup.find_all("time"):
        stamp = _parse_date(str(time_tag.get("datetime") or time_tag.get_text(" ", strip=True)))
        if stamp is None:
            continue
        holder = time_tag.find_parent(["li", "article", "div", "tr"])
        found = holder.find("a", href=True) if isinstance(holder, Tag) else None
        dated = web_url(str(found["href"]), url) if isinstance(found, Tag) else None
        if dated is not None:
            info.link_dates.setdefault(dated, stamp)


def _declared_types(soup: BeautifulSoup) -> set[str]:
    types: set[str] = set()
    og = soup.find("meta", attrs={"property": "og:type"})
    if isinstance(og, Tag) and og.get("content"):
        types.add(str(og["content"]).strip().lower())
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except (json.JSONDecodeError, TypeError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                value = item.get("@type", item.get("type"))
                for t in value if isinstance(value, list) else [value]:
                    if isinstance(t, str):
                        types.add(t.lower())
                stack.extend(v for k, v in item.items() if k in ("@graph", "graph", "mainEntity"))
    return types


def _text_of(soup: BeautifulSoup) -> str:
    body = soup.body or soup
    return body.get_text(" ", strip=True)


def _text_weights(soup: BeautifulSoup) -> tuple[int, int]:
    """Words in paragraphs, and words inside links, in the page body."""
    words = sum(len(p.get_text(" ", strip=True).split()) for p in soup.find_all("p"))
    link_words = sum(len(a.get_text(" ", strip=True).split()) for a in soup.find_all("a"))
    return words, link_words


def _parse_date(value: str) -> date | None:
    value = value.strip()
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    for fmt in ("%B %d, %Y", "%d %B %Y", "%b %d, %Y", "%d %b %Y"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None
