"""Render the demo articles (``articles/<tank>/<date>-<slug>.md``) into a static website.

Each think tank's pages use a different metadata style (JSON-LD, a JSON-LD graph with
the ``@``-less keys and ``creator`` some real sites emit, OpenGraph, Dublin Core,
``citation_*`` tags, or visible text only), and every article page carries what real
pages carry around the article: navigation, a pull quote repeating a sentence, tags, a
related-articles box with its own bylines, a newsletter panel and a footer with a
copyright line and a press contact.
"""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import partial
from html import escape
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any

PAGE_SIZE = 5


@dataclass(frozen=True)
class Tank:
    slug: str
    name: str
    short: str
    host: str
    section: str
    style: str


@dataclass(frozen=True)
class Article:
    tank: Tank
    slug: str
    title: str
    subtitle: str
    authors: tuple[tuple[str, str], ...]
    published: date
    tags: tuple[str, ...]
    pull_quote: str
    related: tuple[str, ...]
    blocks: tuple[tuple[str, str], ...]  # ("h", heading) or ("p", paragraph)

    @property
    def path(self) -> str:
        """Site-relative path of the article page."""
        return f"{self.tank.slug}/{self.tank.section}/{self.published.year}/{self.slug}.html"

    @property
    def canonical(self) -> str:
        return f"https://{self.tank.host}/{self.tank.section}/{self.published.year}/{self.slug}"


def load_tanks() -> list[Tank]:
    data = json.loads((resources.files(__package__) / "tanks.json").read_text("utf-8"))
    return [Tank(**entry) for entry in data["tanks"]]


def load_articles() -> list[Article]:
    articles: list[Article] = []
    root = resources.files(__package__) / "articles"
    for tank in load_tanks():
        folder = root / tank.slug
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".md"):
                articles.append(_parse(tank, entry.name[:-3], entry.read_text("utf-8")))
    return articles


def _parse(tank: Tank, stem: str, text: str) -> Article:
    head, _, body = text.partition("\n\n")
    fields: dict[str, list[str]] = {}
    for line in head.splitlines():
        key, _, value = line.partition(":")
        fields.setdefault(key.strip(), []).append(value.strip())
    blocks = []
    for chunk in body.split("\n\n"):
        chunk = chunk.strip()
        if chunk.startswith("## "):
            blocks.append(("h", chunk[3:].strip()))
        elif chunk:
            blocks.append(("p", " ".join(chunk.split())))
    authors = tuple(
        (name.strip(), role.strip())
        for name, _, role in (a.partition("|") for a in fields.get("author", []))
    )
    return Article(
        tank=tank,
        slug=stem[11:],
        title=fields["title"][0],
        subtitle=fields["subtitle"][0],
        authors=authors,
        published=date.fromisoformat(fields["published"][0]),
        tags=tuple(t.strip() for t in fields["tags"][0].split(",") if t.strip()),
        pull_quote=fields["pull_quote"][0],
        related=tuple(r.strip() for r in fields.get("related", [""])[0].split(",") if r.strip()),
        blocks=tuple(blocks),
    )


def build_site(dest: str | Path) -> list[Path]:
    """Write the site under ``dest``; return the article pages written."""
    dest = Path(dest)
    articles = load_articles()
    by_slug = {(a.tank.slug, a.slug): a for a in articles}
    pages: list[Path] = []
    for article in articles:
        related = [
            by_slug[(article.tank.slug, s)]
            for s in article.related
            if (article.tank.slug, s) in by_slug
        ]
        pages.append(_write(dest / article.path, _article_page(article, related)))
    tanks = load_tanks()
    for tank in tanks:
        own = sorted(
            (a for a in articles if a.tank == tank), key=lambda a: a.published, reverse=True
        )
        chunks = [own[i : i + PAGE_SIZE] for i in range(0, len(own), PAGE_SIZE)] or [[]]
        for number, chunk in enumerate(chunks, start=1):
            folder = dest / tank.slug if number == 1 else dest / tank.slug / "page" / str(number)
            _write(folder / "index.html", _listing_page(tank, chunk, number, len(chunks)))
    _write(dest / "index.html", _home_page(tanks))
    _write(dest / "robots.txt", _robots())
    _write(dest / "sitemap.xml", _sitemap(articles))
    return pages


def _write(path: Path, html: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, "utf-8")
    return path


# -- templates ---------------------------------------------------------------------------


def _head_meta(article: Article) -> str:
    a, tank, style = article, article.tank, article.tank.style
    names = [n for n, _ in a.authors]
    # Every page declares its canonical URL (as nearly all real sites do): it is the
    # document's identity, the same whether the page is ingested from disk or crawled.
    lines = [f'<link rel="canonical" href="{escape(a.canonical)}">']
    if style == "jsonld":
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": a.title,
            "description": a.subtitle,
            "datePublished": f"{a.published.isoformat()}T09:00:00+00:00",
            "author": [{"@type": "Person", "name": n, "jobTitle": r} for n, r in a.authors],
            "publisher": {"@type": "Organization", "name": tank.name},
            "keywords": list(a.tags),
            "inLanguage": "en-GB",
        }
        lines.append(_ld(data))
    elif style == "jsonld-graph":
        data = {
            "context": "https://schema.org",
            "graph": [
                {"type": "WebSite", "name": tank.name, "url": f"https://{tank.host}/"},
                {
                    "type": "Article",
                    "headline": a.title,
                    "creator": [{"type": "Person", "name": n} for n in names],
                    "datePublished": a.published.isoformat(),
                    "dateModified": a.published.isoformat(),
                    "publisher": {"type": "Organization", "name": tank.name},
                },
            ],
        }
        lines.append(_ld(data))
        lines.append(f'<meta property="og:site_name" content="{escape(tank.name)}">')
    elif style == "opengraph":
        lines += [
            f'<meta property="og:title" content="{escape(a.title)}">',
            f'<meta property="og:description" content="{escape(a.subtitle)}">',
            f'<meta property="og:site_name" content="{escape(tank.name)}">',
            f'<meta property="og:url" content="{escape(a.canonical)}">',
            f'<meta property="article:published_time" content="{a.published.isoformat()}T06:30:00Z">',
            f'<meta name="author" content="{escape(" and ".join(names))}">',
        ]
        lines += [f'<meta property="article:tag" content="{escape(t)}">' for t in a.tags]
    elif style == "dublincore":
        lines += [
            f'<meta name="DC.title" content="{escape(a.title)}">',
            f'<meta name="DC.date" content="{a.published.isoformat()}">',
            f'<meta name="DC.publisher" content="{escape(tank.name)}">',
            f'<meta name="description" content="{escape(a.subtitle)}">',
            f'<meta name="keywords" content="{escape(", ".join(a.tags))}">',
        ]
        lines += [f'<meta name="DC.creator" content="{escape(n)}">' for n in names]
    elif style == "citation":
        lines += [
            f'<meta name="citation_title" content="{escape(a.title)}">',
            f'<meta name="citation_publication_date" content="{a.published:%Y/%m/%d}">',
            f'<meta name="citation_publisher" content="{escape(tank.name)}">',
            f'<meta name="description" content="{escape(a.subtitle)}">',
        ]
        lines += [f'<meta name="citation_author" content="{escape(n)}">' for n in names]
    return "\n    ".join(lines)


def _ld(data: dict[str, Any]) -> str:
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'


def _chrome(tank: Tank, title: str, head: str, main: str, year: int = 2026) -> str:
    return f"""<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>{escape(title)} | {escape(tank.name)}</title>
    {head}
  </head>
  <body>
    <div class="cookie-banner">We use cookies to understand how our research is read. <button>Accept</button></div>
    <header class="site-header">
      <a class="logo" href="/{tank.slug}/">{escape(tank.name)}</a>
      <nav><a href="/{tank.slug}/">Research</a> <a href="/{tank.slug}/">Experts</a> <a href="/{tank.slug}/">Events</a> <a href="/{tank.slug}/">About</a> <a href="/{tank.slug}/">Donate</a></nav>
    </header>
    {main}
    <section class="newsletter">
      <h3>Get our weekly briefing</h3>
      <p>Sign up for analysis from {escape(tank.name)} delivered to your inbox every Friday.</p>
    </section>
    <footer class="site-footer">
      <p>© {year} {escape(tank.name)}. All rights reserved.</p>
      <p>Press enquiries: press@{tank.host} · +44 20 7946 0000</p>
      <p><a href="/{tank.slug}/">Privacy policy</a> · <a href="/{tank.slug}/">Terms of use</a></p>
    </footer>
  </body>
</html>
"""


def _article_page(a: Article, related: list[Article]) -> str:
    tank = a.tank
    names = [n for n, _ in a.authors]
    if tank.style == "visible":
        byline = ""
    elif tank.style == "jsonld":
        byline = "By " + " and ".join(f"{escape(n)}, {escape(r)}" for n, r in a.authors)
    else:
        byline = "By " + " and ".join(escape(n) for n in names)
    date_text = f"{a.published.day} {a.published:%B %Y}"
    body: list[str] = []
    quote_at = max(1, min(2, len(a.blocks) - 1))
    for number, (kind, text) in enumerate(a.blocks):
        body.append(f"<h2>{escape(text)}</h2>" if kind == "h" else f"<p>{escape(text)}</p>")
        if number == quote_at:
            body.append(
                f'<blockquote class="pull-quote"><p>{escape(a.pull_quote)}</p></blockquote>'
            )
    authors_block = ""
    if tank.style == "visible":
        people = "".join(
            f'<div class="person"><p class="name">{escape(n)}</p><p class="role">{escape(r)}</p></div>'
            for n, r in a.authors
        )
        authors_block = f'<section class="written-by"><h3>Written by</h3>{people}</section>'
    related_html = "".join(
        f'<li><a href="/{r.path}">{escape(r.title)}</a> <span class="byline">By {escape(" and ".join(n for n, _ in r.authors))}</span> <time datetime="{r.published.isoformat()}">{r.published.isoformat()}</time></li>'
        for r in related
    )
    tags = "".join(f'<li><a href="/{tank.slug}/">{escape(t)}</a></li>' for t in a.tags)
    main = f"""<main>
      <nav class="breadcrumbs"><a href="/{tank.slug}/">Home</a> › <a href="/{tank.slug}/">{escape(tank.section.title())}</a></nav>
      <article>
        <p class="kicker">{escape(a.tags[0] if a.tags else "")}</p>
        <h1>{escape(a.title)}</h1>
        <p class="standfirst">{escape(a.subtitle)}</p>
        <div class="meta"><span class="byline">{byline}</span> <time datetime="{a.published.isoformat()}">{date_text}</time></div>
        <div class="share">Share this: <a href="#">X</a> <a href="#">LinkedIn</a> <a href="#">Email</a></div>
        <div class="article-body">
          {chr(10).join(body)}
        </div>
        {authors_block}
        <ul class="tags">{tags}</ul>
      </article>
      <aside class="related"><h3>Related research</h3><ul>{related_html}</ul></aside>
    </main>"""
    return _chrome(tank, a.title, _head_meta(a), main, a.published.year)


def _listing_page(tank: Tank, articles: list[Article], number: int, pages: int) -> str:
    items = "".join(
        f'<li class="teaser"><a href="/{a.path}">{escape(a.title)}</a> <span class="byline">{escape(", ".join(n for n, _ in a.authors))}</span> <time datetime="{a.published.isoformat()}">{a.published.isoformat()}</time></li>'
        for a in articles
    )
    nav = ""
    if number < pages:
        nav = f'<a rel="next" href="/{tank.slug}/page/{number + 1}/">Next page</a>'
    main = f'<main><h1>{escape(tank.section.title())}</h1><ul class="listing">{items}</ul><nav class="pager">{nav}</nav></main>'
    return _chrome(tank, f"{tank.section.title()} – page {number}", "", main)


def _home_page(tanks: list[Tank]) -> str:
    items = "".join(f'<li><a href="/{t.slug}/">{escape(t.name)}</a></li>' for t in tanks)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>corpus-search demo site</title></head>
<body><h1>Demo think tanks</h1><p>Invented institutions with original sample commentary.</p><ul>{items}</ul></body></html>
"""


# -- crawling the site over loopback --------------------------------------------------------

BASE_PLACEHOLDER = "{{base}}"


def _robots() -> str:
    return (
        "# The demo site welcomes crawlers, at a gentle pace.\n"
        "User-agent: *\n"
        "Disallow: /drafts/\n"
        f"Sitemap: {BASE_PLACEHOLDER}/sitemap.xml\n"
    )


def _sitemap(articles: list[Article]) -> str:
    items = "".join(
        f"<url><loc>{BASE_PLACEHOLDER}/{a.path}</loc><lastmod>{a.published.isoformat()}</lastmod></url>"
        for a in sorted(articles, key=lambda a: a.path)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</urlset>\n'
    )


class _Handler(SimpleHTTPRequestHandler):
    """Serves the rendered site; robots.txt and sitemap.xml get the server's own address
    in place of ``{{base}}`` (the port is known only once the server is up)."""

    def do_GET(self) -> None:
        if self.path in ("/robots.txt", "/sitemap.xml"):
            file = Path(self.directory) / self.path.lstrip("/")
            host = self.headers.get("Host") or "127.0.0.1"
            data = file.read_text("utf-8").replace(BASE_PLACEHOLDER, f"http://{host}").encode()
            self.send_response(200)
            kind = "text/plain" if self.path.endswith(".txt") else "application/xml"
            self.send_header("Content-Type", f"{kind}; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        super().do_GET()

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet: the crawler reports what it fetched


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hangs up (a crawler closing its connections) is no error."""
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


@contextmanager
def serve_site(root: str | Path, port: int = 0) -> Iterator[str]:
    """Serve the rendered site at ``root`` on 127.0.0.1 (in a thread) and yield its base
    URL, e.g. ``http://127.0.0.1:8642``; the server stops when the block ends."""
    handler = partial(_Handler, directory=str(root))
    server = _QuietServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
