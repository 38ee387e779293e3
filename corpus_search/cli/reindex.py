"""``corpus-search reindex``"""

from __future__ import annotations

from pathlib import Path

import click

from corpus_search.cli.options import console, open_corpus


@click.command()
@click.option(
    "--gazetteer",
    "gazetteer_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Your own actors file (same shape as the packaged ones); repeatable.",
)
@click.option(
    "--taxonomy",
    "taxonomy_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Your own themes file (same shape as themes.json); repeatable.",
)
@click.pass_context
def reindex(
    ctx: click.Context, gazetteer_files: tuple[Path, ...], taxonomy_files: tuple[Path, ...]
) -> int:
    """Re-tag every document (actors, themes, dates) with the current data files and
    your own, without the source files. Documents whose tags do not change are skipped."""
    from corpus_search.render.terminal import ingest_summary

    corpus = open_corpus(ctx, gazetteer_files=gazetteer_files, taxonomy_files=taxonomy_files)
    report = corpus.reindex()
    console(stderr=True).print(ingest_summary(report), highlight=False)
    return 0
