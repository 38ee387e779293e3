"""``corpus-search show ID`` and ``corpus-search export [QUERY]``"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from corpus_search.cli.options import console, filter_options, open_corpus, output_options
from corpus_search.query import Query

DOC_COLUMNS = ["id", "published", "source", "title", "authors", "actors", "themes", "tags", "url"]


@click.command()
@click.argument("doc_id", metavar="ID")
@output_options(formats=("table", "json"))
@click.pass_context
def show(ctx: click.Context, doc_id: str, fmt: str) -> int:
    """Show one document in full (ID as listed by search; a unique prefix of 6+
    characters will do). Exit status: 0 shown, 1 no such document."""
    doc = open_corpus(ctx).get(doc_id)
    if fmt == "json":
        from corpus_search.render.machine import write_json

        write_json(doc.to_dict(), sys.stdout)
    else:
        from corpus_search.render.terminal import document_view

        document_view(doc, console())
    return 0


@click.command()
@filter_options
@output_options(formats=("jsonl", "json", "csv"), default="jsonl")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of stdout.",
)
@click.pass_context
def export(ctx: click.Context, query: Query, fmt: str, output: Path | None) -> int:
    """Export every matching document in full: JSONL (one document per line, the
    format ingest reads back), a JSON array, or CSV (metadata only).

    Exit status: 0 documents exported, 1 none matched, 2 error."""
    from corpus_search.render.machine import write_csv, write_json, write_jsonl

    docs = (d.to_dict() for d in open_corpus(ctx).documents(query))
    count = 0

    def counted() -> Iterator[dict[str, Any]]:
        nonlocal count
        for doc in docs:
            count += 1
            yield doc

    try:
        stream = output.open("w", encoding="utf-8") if output else sys.stdout
    except OSError as exc:
        raise click.ClickException(f"cannot write {output}: {exc.strerror}") from None
    try:
        if fmt == "jsonl":
            write_jsonl(counted(), stream)
        elif fmt == "json":
            write_json(list(counted()), stream)
        else:
            write_csv(counted(), DOC_COLUMNS, stream)
    finally:
        if output:
            stream.close()
    if output:
        click.echo(f"exported {count} documents to {output}", err=True)
    return 0 if count else 1
