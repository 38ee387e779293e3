"""``corpus-search demo``"""

from __future__ import annotations

from pathlib import Path

import click

from corpus_search.cli.ingest import run_ingest
from corpus_search.cli.options import console, open_corpus
from corpus_search.query import Query

EXAMPLE = Query.build(
    "nuclear", actors=["Russia"], since="2019", sort="-date", limit=5, facets=True
)
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
    """Ingest the bundled sample corpus (original commentaries by invented think tanks,
    rendered as a small website under INDEX/demo-site) into the index, then run an
    example search. Works offline; running it again changes nothing."""
    from corpus_search.demo.site import build_site
    from corpus_search.render.terminal import search_table, stats_view

    out = console()
    # The site lives beside the index by default, so its file:// URLs stay the same from
    # one run to the next and a second run finds every document unchanged.
    root = site_dir or Path(ctx.find_root().obj) / "demo-site"
    pages = build_site(root)
    out.print(
        f"[bold]Demo site[/]: {len(pages)} article pages from six invented think tanks in {root}"
    )
    run_ingest(ctx, pages, as_json=False)
    corpus = open_corpus(ctx)
    stats_view(corpus.stats(), out)
    out.print()
    out.print(f"[bold]Example search[/]: [cyan]{EXAMPLE_COMMAND}[/]")
    search_table(corpus.search(EXAMPLE), out)
    out.print(
        "Try also: [cyan]corpus-search search --actor 'China|Taiwan' --theme alliances --json[/]"
    )
    return 0
