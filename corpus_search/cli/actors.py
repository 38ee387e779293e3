"""``corpus-search actors``: the actors the corpus mentions, or those mentioned with one."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from corpus_search.cli.complete import complete_actor
from corpus_search.cli.options import console, open_corpus, output_options, plot_option
from corpus_search.document import ACTOR_TYPES, SCHEMA_VERSION

COUNT_COLUMNS = ["name", "type", "code", "documents", "key_documents"]
WITH_COLUMNS = ["name", "type", "code", "together", "documents", "lift", "pmi"]


@click.command()
@click.option(
    "--with",
    "with_actor",
    metavar="NAME",
    shell_complete=complete_actor,
    help="List the actors most often mentioned with this one (ranked by lift).",
)
@click.option("--type", "kind", type=click.Choice(ACTOR_TYPES), help="Only actors of this type.")
@click.option(
    "--min-together",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    help="With --with: keep actors sharing at least this many documents.",
)
@click.option(
    "--limit",
    type=click.IntRange(min=0),
    default=20,
    show_default=True,
    help="How many actors to show (0 for all).",
)
@output_options()
@plot_option
@click.pass_context
def actors(
    ctx: click.Context,
    with_actor: str | None,
    kind: str | None,
    min_together: int,
    limit: int,
    fmt: str,
    plot_file: Path | None,
) -> int:
    """Actors with the number of documents that mention them (and where they are key).

    With --with NAME, the actors most often mentioned alongside NAME, ranked by lift
    (how much more often than chance they share a document), with the shared count;
    --plot FILE.svg also draws them as a chart.
    """
    if plot_file is not None and not with_actor:
        raise click.UsageError("--plot draws the actors mentioned with one: add --with NAME")
    corpus = open_corpus(ctx)
    if with_actor:
        base, rows = corpus.co_mentioned(
            with_actor, type=kind, min_together=min_together, limit=limit or None
        )
        data: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "with": base.to_dict(),
            "actors": [r.to_dict() for r in rows],
        }
        columns = WITH_COLUMNS
        title = f"Actors mentioned with {base.name} ({base.documents} documents), by lift"
        if plot_file is not None and rows:
            from corpus_search.render.plot import co_mention_plot

            co_mention_plot(base, rows, plot_file)
            click.echo(f"chart written to {plot_file}", err=True)
    else:
        every = corpus.actors(type=kind)
        shown = every[:limit] if limit else every
        data = {"schema_version": SCHEMA_VERSION, "actors": [r.to_dict() for r in shown]}
        columns = COUNT_COLUMNS
        what = f"{len(every)} actors" + (f" of type {kind}" if kind else "")
        title = what + (f" (the first {len(shown)})" if len(shown) < len(every) else "")
    _write(data, columns, title, fmt)
    return 0 if data["actors"] else 1


def _write(data: dict[str, Any], columns: list[str], title: str, fmt: str) -> None:
    from corpus_search.render import machine

    if fmt == "json":
        machine.write_json(data, sys.stdout)
    elif fmt == "jsonl":
        machine.write_jsonl(data["actors"], sys.stdout)
    elif fmt == "csv":
        machine.write_csv(data["actors"], columns, sys.stdout)
    else:
        from rich.table import Table
        from rich.text import Text

        table = Table(title=Text(title), title_justify="left")
        for column in columns:
            numeric = column not in ("name", "type", "code")
            table.add_column(column.replace("_", " "), justify="right" if numeric else "left")
        for row in data["actors"]:
            table.add_row(*(Text(_cell(row.get(c))) for c in columns))
        console().print(table)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)
