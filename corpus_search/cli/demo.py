"""``corpus-search demo``"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

import click

from corpus_search.cli.options import console, open_corpus
from corpus_search.query import Query

EXAMPLE = Query.build(
    "nuclear", actors=["Russia"], since="2019", sort="-date", limit=5, facets=True
)
DEMO_PORT = 8642
EXAMPLE_COMMAND = (
    "corpus-search search nuclear --actor Russia --since 2019 --sort -date --limit 5 --facets"
)


@click.command()
@click.option(
    "--site-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Render the demo website here instead of INDEX/demo-site.",
)
@click.pass_context
def demo(ctx: click.Context, site_dir: Path | None) -> int:
    """Crawl the bundled sample site (original commentaries by invented think tanks,
    rendered under INDEX/demo-site and served on 127.0.0.1 for the occasion) into the
    index, then run an example search. Works offline; running it again changes nothing."""
    from corpus_search.cli.crawl import run_crawl
    from corpus_search.crawl import CrawlOptions
    from corpus_search.demo.site import build_site, serve_site
    from corpus_search.render.terminal import search_table, stats_view

    out = console()
    # Every page declares its canonical URL, which is the document's identity: a second
    # run finds every document unchanged whatever port the site is served on.
    root = site_dir or Path(ctx.find_root().obj) / "demo-site"
    pages = build_site(root)
    out.print(
        f"[bold]Demo site[/]: {len(pages)} article pages from six invented think tanks in {root}"
    )
    # The same port each time when it is free, so a second run finds every page already
    # fetched; on another port the pages are fetched again and found unchanged.
    with ExitStack() as stack:
        try:
            base = stack.enter_context(serve_site(root, port=DEMO_PORT))
        except OSError:
            base = stack.enter_context(serve_site(root))
        out.print(f"Crawling it at {base}/ (robots.txt, sitemap, then the pages)")
        run_crawl(ctx, CrawlOptions(urls=(f"{base}/",), delay=0.0))
    corpus = open_corpus(ctx)
    stats_view(corpus.stats(), out)
    out.print()
    out.print(f"[bold]Example search[/]: [cyan]{EXAMPLE_COMMAND}[/]")
    search_table(corpus.search(EXAMPLE), out)
    out.print(
        "Try also: [cyan]corpus-search search --actor 'China|Taiwan' --theme alliances --json[/]"
    )
    return 0
