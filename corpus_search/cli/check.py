"""``corpus-search check`` and ``corpus-search repair``"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from corpus_search.cli.options import console, open_corpus, output_options


def _render(report: object, fmt: str, verb: str) -> None:
    from corpus_search.store.check import CheckReport

    assert isinstance(report, CheckReport)
    if fmt == "json":
        from corpus_search.render.machine import write_json

        write_json(report.to_dict(), sys.stdout)
        return
    out = console()
    out.print(f"{verb} {report.path}: {report.documents} documents, {report.readable} readable")
    if report.recovered is not None:
        out.print(f"recovered {report.recovered}, lost {report.lost}")
    for problem in report.problems:
        out.print(f"problem: {problem}", markup=False)
    if report.ok:
        out.print("ok")


@click.command()
@output_options(formats=("table", "json"))
@click.pass_context
def check(ctx: click.Context, fmt: str) -> int:
    """Verify the corpus: it opens, and every stored document reads back whole.
    Exit status: 0 sound, 2 problems found (see 'corpus-search repair')."""
    report = open_corpus(ctx).check()
    _render(report, fmt, "checked")
    return 0 if report.ok else 2


@click.command()
@output_options(formats=("table", "json"))
@click.pass_context
def repair(ctx: click.Context, fmt: str) -> int:
    """Rebuild the corpus from every document that can still be read, saying what was
    lost. The old index files are kept in a .damaged-DATE folder inside the corpus."""
    from corpus_search.corpus import Corpus

    index_dir: Path = ctx.find_root().obj
    report = Corpus.repair(index_dir)
    _render(report, fmt, "repaired")
    return 0
