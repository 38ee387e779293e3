"""``corpus-search ingest PATH...``"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from corpus_search.cli.options import console, data_file_options, open_corpus, progress_bar


def run_ingest(
    ctx: click.Context,
    paths: tuple[Path, ...] | list[Path],
    as_json: bool,
    **data_files: Any,
) -> Any:
    """Ingest with a progress bar on stderr and a summary line; return the report.
    ``data_files`` (gazetteer_files, taxonomy_files) go to ``Corpus.open``."""
    from corpus_search.render.terminal import ingest_summary

    corpus = open_corpus(ctx, create=True, **data_files)
    err = console(stderr=True)
    with progress_bar("[bold]ingesting[/] {task.fields[files]} files") as progress:
        task = progress.add_task("ingest", files=0, current="", total=None)

        def update(event: Any) -> None:
            name = Path(event.current).name if event.current else ""
            progress.update(task, files=event.files_done, current=name[-60:])

        report = corpus.ingest(paths, progress=update)
    for failure in report.failed:
        click.echo(f"corpus-search: skipped {failure.reason}", err=True)
    if as_json:
        from corpus_search.render.machine import write_json

        write_json(report.to_dict(), sys.stdout)
    err.print(ingest_summary(report), highlight=False)
    return report


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout.")
@data_file_options
@click.pass_context
def ingest(
    ctx: click.Context,
    paths: tuple[Path, ...],
    as_json: bool,
    gazetteer_files: tuple[Path, ...],
    taxonomy_files: tuple[Path, ...],
) -> int:
    """Add local files to the corpus: .html/.htm pages, .txt/.md texts, .jsonl exports,
    or folders of them (recursively). Re-ingesting a document updates it in place.

    Exit status: 0 all read, 1 nothing to ingest, 2 some files failed (the rest are kept).
    """
    report = run_ingest(
        ctx, paths, as_json, gazetteer_files=gazetteer_files, taxonomy_files=taxonomy_files
    )
    if report.failed:
        return 2
    return 0 if (report.added or report.updated or report.skipped) else 1
