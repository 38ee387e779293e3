"""``corpus-search ingest PATH...``"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from corpus_search.cli.options import (
    console,
    data_file_options,
    jobs_option,
    open_corpus,
    progress_bar,
)


def run_ingest(
    ctx: click.Context,
    paths: tuple[Path, ...] | list[Path],
    as_json: bool,
    jobs: int | None = None,
    keep_all: bool = False,
    **data_files: Any,
) -> Any:
    """Ingest with a progress bar on stderr and a summary line; return the report.
    ``data_files`` (gazetteer_files, taxonomy_files) go to ``Corpus.open``."""
    from corpus_search.render.terminal import ingest_summary, left_out_lines

    corpus = open_corpus(ctx, create=True, **data_files)
    err = console(stderr=True)
    with progress_bar("[bold]ingesting[/] {task.fields[files]} files") as progress:
        task = progress.add_task("ingest", files=0, current="", total=None)

        def update(event: Any) -> None:
            name = Path(event.current).name if event.current else ""
            progress.update(task, files=event.files_done, current=name[-60:])

        report = corpus.ingest(paths, progress=update, jobs=jobs, keep_all=keep_all)
    for line in left_out_lines(report):
        click.echo(line, err=True)
    if as_json:
        from corpus_search.render.machine import write_json

        write_json(report.to_dict(), sys.stdout)
    err.print(ingest_summary(report), highlight=False)
    return report


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout.")
@jobs_option
@click.option(
    "--all",
    "keep_all",
    is_flag=True,
    help="Keep pages judged not articles (listings, tag or author pages) too.",
)
@data_file_options
@click.pass_context
def ingest(
    ctx: click.Context,
    paths: tuple[Path, ...],
    as_json: bool,
    jobs: int | None,
    keep_all: bool,
    gazetteer_files: tuple[Path, ...],
    taxonomy_files: tuple[Path, ...],
) -> int:
    """Add local files to the corpus: .html/.htm pages, .txt/.md texts, .pdf reports,
    .jsonl exports, .warc/.warc.gz archives, pages saved compressed (.html.gz, .txt.gz,
    .md.gz, .jsonl.gz), or folders of them (recursively). Re-ingesting a document
    updates it in place. Pages judged not articles are left out (and named when you
    named the file) unless --all; files of other types are counted as unsupported.

    Exit status: 0 all read, 1 nothing to ingest, 2 something failed (the rest are kept).
    """
    report = run_ingest(
        ctx,
        paths,
        as_json,
        jobs=jobs,
        keep_all=keep_all,
        gazetteer_files=gazetteer_files,
        taxonomy_files=taxonomy_files,
    )
    if report.failed:
        return 2
    return 0 if (report.added or report.updated or report.skipped) else 1
