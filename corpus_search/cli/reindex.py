"""``corpus-search reindex``"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from corpus_search.cli.options import console, data_file_options, jobs_option, open_corpus


@click.command()
@data_file_options
@click.option(
    "--from-archive",
    is_flag=True,
    help="Also re-extract every crawled page from INDEX/archive (WARC), offline.",
)
@jobs_option
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON on stdout.")
@click.pass_context
def reindex(
    ctx: click.Context,
    gazetteer_files: tuple[Path, ...],
    taxonomy_files: tuple[Path, ...],
    from_archive: bool = False,
    jobs: int | None = None,
    as_json: bool = False,
) -> int:
    """Re-tag every document (actors, themes, dates) with the current data files and
    your own, without the source files. Documents whose tags do not change are skipped.
    With --from-archive, crawled pages are first extracted again from the WARC archive
    (nothing is fetched), so an improved extractor reaches pages crawled long ago."""
    from corpus_search.render.terminal import ingest_summary, left_out_lines

    corpus = open_corpus(ctx, gazetteer_files=gazetteer_files, taxonomy_files=taxonomy_files)
    err = console(stderr=True)
    result: dict[str, Any] = {}
    failed = False
    if from_archive:
        extracted = corpus.reindex_from_archive(jobs=jobs)
        for line in left_out_lines(extracted):
            click.echo(line, err=True)
        err.print("from the archive: " + ingest_summary(extracted), highlight=False)
        result["from_archive"] = extracted.to_dict()
        failed = bool(extracted.failed)
    report = corpus.reindex(jobs=jobs)
    for line in left_out_lines(report):
        click.echo(line, err=True)
    err.print(ingest_summary(report), highlight=False)
    if as_json:
        from corpus_search.render.machine import write_json

        write_json({**report.to_dict(), **result}, sys.stdout)
    return 2 if failed or report.failed else 0
