"""``corpus-search reindex``"""

from __future__ import annotations

from pathlib import Path

import click

from corpus_search.cli.options import console, data_file_options, open_corpus


@click.command()
@data_file_options
@click.option(
    "--from-archive",
    is_flag=True,
    help="Also re-extract every crawled page from INDEX/archive (WARC), offline.",
)
@click.pass_context
def reindex(
    ctx: click.Context,
    gazetteer_files: tuple[Path, ...],
    taxonomy_files: tuple[Path, ...],
    from_archive: bool = False,
) -> int:
    """Re-tag every document (actors, themes, dates) with the current data files and
    your own, without the source files. Documents whose tags do not change are skipped.
    With --from-archive, crawled pages are first extracted again from the WARC archive
    (nothing is fetched), so an improved extractor reaches pages crawled long ago."""
    from corpus_search.render.terminal import ingest_summary

    corpus = open_corpus(ctx, gazetteer_files=gazetteer_files, taxonomy_files=taxonomy_files)
    if from_archive:
        extracted = corpus.reindex_from_archive()
        for failure in extracted.failed:
            click.echo(f"corpus-search: skipped {failure.reason}", err=True)
        console(stderr=True).print(
            "from the archive: " + ingest_summary(extracted), highlight=False
        )
    report = corpus.reindex()
    console(stderr=True).print(ingest_summary(report), highlight=False)
    return 0
