"""``corpus-search trend [QUERY]``: matching documents counted per year or month."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from corpus_search.cli.options import (
    console,
    filter_options,
    open_corpus,
    output_options,
    plot_option,
)
from corpus_search.query import Query

TREND_COLUMNS = ["period", "series", "count"]


@click.command()
@filter_options
@click.option(
    "--by",
    type=click.Choice(("year", "month")),
    default="year",
    show_default=True,
    help="Count per year or per month.",
)
@click.option(
    "--split",
    type=click.Choice(("actor", "theme", "source")),
    help="One series for each of the top actors, themes or sources.",
)
@click.option(
    "--top",
    type=click.IntRange(min=1, max=12),
    default=5,
    show_default=True,
    help="How many series --split shows.",
)
@output_options(formats=("table", "json", "csv"))
@plot_option
@click.pass_context
def trend(
    ctx: click.Context,
    query: Query,
    by: str,
    split: str | None,
    top: int,
    fmt: str,
    plot_file: Path | None,
) -> int:
    """How many matching documents appeared per year or month, drawn as bars with the
    numbers; --split draws one column per top actor, theme or source. Takes the same
    QUERY and filters as search. A document dated only to the year is not guessed into
    a month: it is counted apart, as are undated documents.

    \b
    Examples:
      corpus-search trend nuclear --by year
      corpus-search trend --actor Iran --by month --since 2024 --split theme
      corpus-search trend sanctions --split actor --format csv > sanctions.csv
      corpus-search trend nuclear --split actor --plot nuclear.svg

    Exit status: 0 documents counted, 1 none matched, 2 error.
    """
    result = open_corpus(ctx).trend(query, by=by, split=split, top=top)
    if plot_file is not None and result.total:
        from corpus_search.render.plot import trend_plot

        trend_plot(result, plot_file)
        click.echo(f"chart written to {plot_file}", err=True)
    if fmt == "json":
        from corpus_search.render.machine import write_json

        write_json(result.to_dict(), sys.stdout)
    elif fmt == "csv":
        from corpus_search.render.machine import write_csv

        write_csv(result.rows(), TREND_COLUMNS, sys.stdout)
    elif result.total == 0:
        click.echo("no documents match", err=True)
    else:
        from corpus_search.render.chart import trend_chart

        trend_chart(result, console())
    return 0 if result.total else 1
