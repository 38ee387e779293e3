"""``corpus-search copy SOURCE DEST``"""

from __future__ import annotations

import sys
from typing import Any

import click

from corpus_search.cli.options import console, progress_bar


@click.command()
@click.argument("source")
@click.argument("dest")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout.")
def copy(source: str, dest: str, as_json: bool) -> int:
    """Copy a whole corpus, as stored, from SOURCE to DEST: each a folder or a server
    address (postgresql://user@host/db). DEST is created if it does not exist. Saved
    searches go with the documents; nothing is extracted or tagged again.

    A copy that is interrupted can be run again: documents already in DEST unchanged
    are skipped, the rest are written.

    \b
    Examples:
      corpus-search copy index postgresql://crawler@db.example.org/corpus
      corpus-search copy postgresql://analyst@db.example.org/corpus ./my-copy

    Exit status: 0 copied, 1 SOURCE is empty, 2 error."""
    from corpus_search.corpus import Corpus
    from corpus_search.render.terminal import ingest_summary

    origin = Corpus.open(source)
    target = Corpus.open(dest, create=True)
    with progress_bar("[bold]copying[/] {task.fields[done]} documents") as progress:
        task = progress.add_task("copy", done=0, current="", total=None)

        def update(done: int) -> None:
            progress.update(task, done=done)

        report = origin.copy_to(target, progress=update)
    if as_json:
        from corpus_search.render.machine import write_json

        write_json(report.to_dict(), sys.stdout)
    console(stderr=True).print(
        f"{origin.address} -> {target.address}: " + ingest_summary(report),
        highlight=False,
        soft_wrap=True,
    )
    total: Any = report.added + report.updated + report.skipped
    return 0 if total else 1
