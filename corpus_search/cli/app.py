"""The top-level click group: global options, lazy subcommands, the error mapping."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from corpus_search.cli import complete  # noqa: F401  (registers the bash completion)
from corpus_search.corpus import DEFAULT_INDEX, INDEX_ENV

PROG = "corpus-search"

# name -> (module, function): imported only when the command runs.
COMMANDS = {
    "check": ("corpus_search.cli.check", "check"),
    "copy": ("corpus_search.cli.copy", "copy"),
    "crawl": ("corpus_search.cli.crawl", "crawl"),
    "sites": ("corpus_search.cli.sites", "sites"),
    "ingest": ("corpus_search.cli.ingest", "ingest"),
    "init": ("corpus_search.cli.server", "init"),
    "migrate": ("corpus_search.cli.server", "migrate"),
    "repair": ("corpus_search.cli.check", "repair"),
    "search": ("corpus_search.cli.search", "search"),
    "similar": ("corpus_search.cli.similar", "similar"),
    "saved": ("corpus_search.cli.saved", "saved"),
    "trend": ("corpus_search.cli.trend", "trend"),
    "tui": ("corpus_search.cli.tui", "tui"),
    "show": ("corpus_search.cli.documents", "show"),
    "export": ("corpus_search.cli.documents", "export"),
    "stats": ("corpus_search.cli.stats", "stats"),
    "demo": ("corpus_search.cli.demo", "demo"),
    "reindex": ("corpus_search.cli.reindex", "reindex"),
    "actors": ("corpus_search.cli.actors", "actors"),
}


class CorpusGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        import importlib

        module, name = COMMANDS[cmd_name]
        command = getattr(importlib.import_module(module), name)
        assert isinstance(command, click.Command)
        return command

    def main(  # type: ignore[override]
        self, args: Any = None, prog_name: str | None = None, **extra: Any
    ) -> Any:
        """Run, and turn every failure into one line on stderr and an exit code."""
        extra.pop("standalone_mode", None)
        _log_to_stderr()
        code = run_mapped(
            lambda: super(CorpusGroup, self).main(
                args=args, prog_name=prog_name or PROG, standalone_mode=False, **extra
            )
        )
        sys.exit(code)


def run_mapped(call: Any) -> int:
    """Call ``call`` and map its outcome to an exit code (the one place that does)."""
    from corpus_search.errors import CorpusSearchError

    debug = os.environ.get("CORPUS_SEARCH_DEBUG") == "1"
    try:
        result = call()
    except click.exceptions.Exit as exc:
        return int(exc.exit_code)
    except click.Abort:
        _error("interrupted")
        return 130
    except click.exceptions.NoArgsIsHelpError as exc:
        click.echo(exc.ctx.get_help() if exc.ctx else exc.format_message(), err=True)
        return 2  # like grep called without arguments
    except click.UsageError as exc:
        if debug:
            raise
        where = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
        _error(f"{exc.format_message()}{where}")
        return 2
    except click.ClickException as exc:
        if debug:
            raise
        _error(exc.format_message())
        return int(exc.exit_code)
    except BrokenPipeError:
        # The reader went away (`| head`): nothing to report. Point stdout at devnull so
        # the interpreter's final flush does not complain.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except CorpusSearchError as exc:
        if debug:
            raise
        _error(str(exc))
        return int(getattr(exc, "exit_code", 2))
    except Exception as exc:
        if debug:
            raise
        _error(
            f"internal error: {type(exc).__name__}: {exc} "
            "(set CORPUS_SEARCH_DEBUG=1 to see the traceback, and please report it)"
        )
        return 2
    return result if isinstance(result, int) else 0


def _log_to_stderr() -> None:
    """Library warnings (e.g. waiting for another writer) as one line on stderr."""
    import logging

    class Stderr(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            click.echo(f"{PROG}: {record.getMessage()}", err=True)  # today's sys.stderr

    logger = logging.getLogger("corpus_search")
    if not logger.handlers:
        logger.addHandler(Stderr())
        logger.setLevel(logging.WARNING)


def _error(message: str) -> None:
    from corpus_search.store.postgres.address import mask

    click.echo(f"{PROG}: error: {mask(message)}", err=True)


@click.group(cls=CorpusGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--index",
    "index_dir",
    type=click.Path(file_okay=False, path_type=str),
    envvar=INDEX_ENV,
    default=DEFAULT_INDEX,
    show_default=True,
    help=f"The corpus folder, or a server: postgresql://USER@HOST:PORT/DB (also ${INDEX_ENV}).",
)
@click.version_option(package_name="corpus-search", prog_name=PROG)
@click.pass_context
def cli(ctx: click.Context, index_dir: str) -> None:
    """A private, searchable library of think-tank commentary.

    Ingest pages and texts, then search them by words, actors, themes and dates.
    Exit codes follow grep: 0 found, 1 nothing found, 2 error.
    """
    ctx.obj = index_dir
