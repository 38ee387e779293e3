"""``corpus-search search [QUERY]``"""

from __future__ import annotations

import sys

import click

from corpus_search.cli.options import (
    console,
    filter_options,
    open_corpus,
    output_options,
    paging_options,
)
from corpus_search.query import Query

HIT_COLUMNS = [
    "id",
    "published",
    "source",
    "title",
    "authors",
    "actors",
    "themes",
    "score",
    "url",
    "snippet",
]


@click.command()
@filter_options
@paging_options
@output_options()
@click.pass_context
def search(
    ctx: click.Context, query: Query, limit: int, offset: int, facets: bool, fmt: str
) -> int:
    """Search the corpus. QUERY uses whoosh's syntax (AND, OR, NOT, "phrases", prefix*,
    field:value) over titles, standfirsts and bodies, plus actor:, theme:, source:,
    author:, tag: and date:2024..2025. Filters narrow the results.

    \b
    Examples:
      corpus-search search "nuclear deterrence" --actor Russia --since 2022
      corpus-search search --actor "China|Taiwan" --theme alliances --json
      corpus-search search 'sanctions AND actor:Iran' --sort -date --limit 5

    Exit status: 0 documents found, 1 none, 2 error.
    """
    query.limit, query.offset = limit, offset
    query.facets = ("actor", "theme", "source", "year") if facets else ()
    result = open_corpus(ctx).search(query)
    render_search(result, fmt)
    return 0 if result.total else 1


def render_search(result: object, fmt: str) -> None:
    from corpus_search.results import SearchResult

    assert isinstance(result, SearchResult)
    out = sys.stdout
    if fmt == "json":
        from corpus_search.render.machine import write_json

        write_json(result.to_dict(), out)
    elif fmt == "jsonl":
        from corpus_search.render.machine import write_jsonl

        write_jsonl((h.to_dict() for h in result.hits), out)
    elif fmt == "csv":
        from corpus_search.render.machine import write_csv

        write_csv((h.to_dict() for h in result.hits), HIT_COLUMNS, out)
    else:
        from corpus_search.render.terminal import search_table

        if result.total == 0:
            click.echo("no documents match", err=True)
            return
        search_table(result, console())
