"""``corpus-search similar ID``: documents like this one."""

from __future__ import annotations

import click

from corpus_search.cli.options import filter_options, open_corpus, output_options
from corpus_search.cli.search import render_search
from corpus_search.query import Query


@click.command()
@click.argument("doc_id", metavar="ID")
@filter_options
@click.option(
    "--limit", type=click.IntRange(min=0), default=10, show_default=True, help="How many."
)
@click.option(
    "--offset", type=click.IntRange(min=0), default=0, show_default=True, help="How many to skip."
)
@output_options()
@click.pass_context
def similar(
    ctx: click.Context, doc_id: str, query: Query, limit: int, offset: int, fmt: str
) -> int:
    """Documents like ID: whoosh's more-like-this over the key terms of its title,
    standfirst and body, best first. A QUERY and the search filters narrow them
    (--sort is ignored: the order is likeness).

    \b
    Examples:
      corpus-search similar cfca01421aff9803
      corpus-search similar cfca0142 --since 2022 --actor Russia --json

    Exit status: 0 documents found, 1 none, 2 error.
    """
    query.limit, query.offset = limit, offset
    result = open_corpus(ctx).similar(doc_id, query)
    render_search(result, fmt)
    return 0 if result.hits else 1
