"""``corpus-search stats``"""

from __future__ import annotations

import sys

import click

from corpus_search.cli.options import console, open_corpus, output_options


@click.command()
@output_options(formats=("table", "json"))
@click.pass_context
def stats(ctx: click.Context, fmt: str) -> int:
    """What the corpus holds: documents, sources, years, top actors and themes."""
    result = open_corpus(ctx).stats()
    if fmt == "json":
        from corpus_search.render.machine import write_json

        write_json(result.to_dict(), sys.stdout)
    else:
        from corpus_search.render.terminal import stats_view

        stats_view(result, console())
    return 0 if result.documents else 1
