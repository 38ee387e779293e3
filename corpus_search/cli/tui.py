"""``corpus-search tui``: the interactive terminal UI.

textual is a dependency of every install, but it is imported only here, when the UI
starts, so that ``search`` and the other commands never pay for loading it."""

from __future__ import annotations

from pathlib import Path

import click

from corpus_search.cli.options import open_corpus
from corpus_search.errors import MissingExtraError

EXPORT_FORMATS = ("jsonl", "csv", "bibtex", "ris", "markdown")


@click.command()
@click.argument("text", required=False, default="")
@click.option(
    "--export-format",
    type=click.Choice(EXPORT_FORMATS),
    default="jsonl",
    show_default=True,
    help="What Ctrl+E writes.",
)
@click.option(
    "--export-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where Ctrl+E writes (default: the current folder).",
)
@click.pass_context
def tui(ctx: click.Context, text: str, export_format: str, export_dir: Path | None) -> int:
    """Search interactively: a query box whose results follow your typing, actor, theme
    and source filters with counts, dates, a reading pane with the query words
    highlighted. Keys: Esc query box, Tab next control, arrows move in the results,
    Ctrl+O reading pane, Ctrl+E export every current result, Ctrl+N clear filters,
    Ctrl+Q quit.
    """
    try:
        from corpus_search.cli.tui_app import SearchApp
    except ImportError:
        raise MissingExtraError(
            "the terminal UI needs textual, which is missing from this installation",
            "reinstall corpus-search, or: pip install textual",
        ) from None
    app = SearchApp(open_corpus(ctx), text, export_format, export_dir)
    app.run()
    return 0
