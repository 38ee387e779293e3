"""The ``corpus-search`` command line: parse options, call ``Corpus``, render.

Errors become exit codes in exactly one place, ``CorpusGroup.main`` in ``app``: a
``CorpusSearchError`` or a usage mistake prints one line on stderr and exits 2 (or the
error's own code); ``CORPUS_SEARCH_DEBUG=1`` lets the traceback through. Subcommands
are imported only when invoked, to keep start-up fast.
"""

from __future__ import annotations

from corpus_search.cli.app import cli


def main() -> None:
    """Console-script entry point."""
    cli.main(prog_name="corpus-search")


__all__ = ["cli", "main"]
