"""``corpus-search saved add|list|run|remove``: named searches, and what is new since."""

from __future__ import annotations

import sys

import click

from corpus_search.cli.complete import complete_saved
from corpus_search.cli.options import console, filter_options, open_corpus, output_options
from corpus_search.query import Query


@click.group()
def saved() -> None:
    """Saved searches, kept in the corpus folder. 'saved run NAME --new' prints only the
    documents that did not match at the previous run: for a cron job that mails new
    items.

    \b
    Examples:
      corpus-search saved add iran-nuclear "nuclear OR enrichment" --actor Iran
      corpus-search saved run iran-nuclear --new --format jsonl
    """


@saved.command("add")
@click.argument("name")
@filter_options
@click.option("--replace", is_flag=True, help="Overwrite a saved search of this name.")
@click.pass_context
def add(ctx: click.Context, name: str, query: Query, replace: bool) -> int:
    """Save QUERY and its filters as NAME (the query is checked first)."""
    search = open_corpus(ctx).saved.add(name, query, replace=replace)
    click.echo(f"saved search {search.name!r}", err=True)
    return 0


@saved.command("list")
@output_options(formats=("table", "json"))
@click.pass_context
def list_(ctx: click.Context, fmt: str) -> int:
    """The saved searches, with when each last ran. Exit status 1 when there are none."""
    searches = open_corpus(ctx).saved.list()
    if fmt == "json":
        from corpus_search.render.machine import write_json

        write_json({"schema_version": 1, "searches": [s.to_dict() for s in searches]}, sys.stdout)
    else:
        from corpus_search.render.terminal import saved_table

        if searches:
            saved_table(searches, console())
        else:
            click.echo("no saved searches", err=True)
    return 0 if searches else 1


@saved.command("remove")
@click.argument("name", shell_complete=complete_saved)
@click.pass_context
def remove(ctx: click.Context, name: str) -> int:
    """Forget the saved search NAME."""
    open_corpus(ctx).saved.remove(name)
    click.echo(f"removed saved search {name!r}", err=True)
    return 0


@saved.command("run")
@click.argument("name", shell_complete=complete_saved)
@click.option("--new", "new_only", is_flag=True, help="Only documents new since the last run.")
@output_options(formats=("table", "json", "jsonl", "csv"))
@click.pass_context
def run(ctx: click.Context, name: str, new_only: bool, fmt: str) -> int:
    """Run the saved search NAME and record the run. Exit status: 0 documents
    printed, 1 none (with --new: nothing new)."""
    result = open_corpus(ctx).saved.run(name, new_only=new_only)
    from corpus_search.render.terminal import saved_run_view

    rows = [
        {
            "id": d.id,
            "published": str(d.published) if d.published else None,
            "source": d.source,
            "title": d.display_title,
            "authors": [a.to_dict() for a in d.authors],
            "url": d.url,
        }
        for d in result.documents
    ]
    if fmt == "json":
        from corpus_search.render.machine import write_json

        write_json(
            {
                "schema_version": 1,
                "name": result.search.name,
                "query": result.search.query,
                "new_only": new_only,
                "previous_run": result.previous_run,
                "total": len(rows),
                "documents": rows,
            },
            sys.stdout,
        )
    elif fmt == "jsonl":
        from corpus_search.render.machine import write_jsonl

        write_jsonl(rows, sys.stdout)
    elif fmt == "csv":
        from corpus_search.render.machine import write_csv

        write_csv(rows, ["id", "published", "source", "title", "authors", "url"], sys.stdout)
    else:
        saved_run_view(result, console())
    return 0 if rows else 1
