"""Options shared by several commands, each defined once: output formats and filters."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from corpus_search.query import DEFAULT_FACETS, FACETS, SORTS, Query
from corpus_search.render import FORMATS


def output_options(formats: tuple[str, ...] = FORMATS, default: str = "table") -> Callable:
    """``--format`` and its shorthand ``--json``; the command receives ``fmt``."""

    def decorate(func: Callable) -> Callable:
        @click.option(
            "--format",
            "fmt",
            type=click.Choice(formats),
            default=default,
            show_default=True,
            help="Output format.",
        )
        @click.option("--json", "as_json", is_flag=True, help="Same as --format json.")
        @functools.wraps(func)
        def wrapper(*args: Any, fmt: str, as_json: bool, **kwargs: Any) -> Any:
            if as_json:
                if "json" not in formats:
                    raise click.UsageError("--json is not available for this command")
                fmt = "json"
            return func(*args, fmt=fmt, **kwargs)

        return wrapper

    return decorate


def filter_options(func: Callable) -> Callable:
    """The search filters; the command receives a ready ``query: Query``."""

    @click.argument("text", required=False, default="")
    @click.option(
        "--actor",
        "actors",
        multiple=True,
        metavar="NAME",
        help='An actor the documents mention; repeat for all of them, "A|B" for either.',
    )
    @click.option(
        "--key-actor",
        "key_actors",
        multiple=True,
        metavar="NAME",
        help="Like --actor, but only documents where the actor is key (title, lead, throughout).",
    )
    @click.option(
        "--theme",
        "themes",
        multiple=True,
        metavar="ID",
        help='A theme id (e.g. nuclear-weapons); repeat for all, "A|B" for either.',
    )
    @click.option(
        "--source",
        "sources",
        multiple=True,
        metavar="NAME",
        help="A publisher (name or a word of it); repeat for either.",
    )
    @click.option(
        "--author",
        "authors",
        multiple=True,
        metavar="NAME",
        help="An author (full name or surname); repeat for either.",
    )
    @click.option(
        "--tag", "tags", multiple=True, metavar="TAG", help="A publisher's own topic tag."
    )
    @click.option(
        "--since", metavar="DATE", help="Published on or after: 2025, 2025-05 or 2025-05-08."
    )
    @click.option(
        "--until", metavar="DATE", help="Published on or before: 2025, 2025-05 or 2025-05-08."
    )
    @click.option(
        "--sort",
        type=click.Choice(SORTS),
        default="relevance",
        show_default=True,
        help="relevance, date (oldest first) or -date (newest first).",
    )
    @functools.wraps(func)
    def wrapper(
        *args: Any,
        text: str,
        actors: tuple[str, ...],
        key_actors: tuple[str, ...],
        themes: tuple[str, ...],
        sources: tuple[str, ...],
        authors: tuple[str, ...],
        tags: tuple[str, ...],
        since: str | None,
        until: str | None,
        sort: str,
        **kwargs: Any,
    ) -> Any:
        query = Query.build(
            text,
            actors=actors,
            key_actors=key_actors,
            themes=themes,
            sources=sources,
            authors=authors,
            tags=tags,
            since=since,
            until=until,
            sort=sort,
            limit=None,
        )
        return func(*args, query=query, **kwargs)

    return wrapper


def paging_options(func: Callable) -> Callable:
    @click.option(
        "--limit",
        type=click.IntRange(min=0),
        default=10,
        show_default=True,
        help="How many results to show.",
    )
    @click.option(
        "--offset",
        type=click.IntRange(min=0),
        default=0,
        show_default=True,
        help="How many results to skip.",
    )
    @click.option(
        "--facets",
        "facets",
        is_flag=False,
        flag_value=",".join(DEFAULT_FACETS),
        default=None,
        metavar="[NAMES]",
        help="Count results by actor, theme, source and year; or by the facets named "
        "(comma-separated: actor,theme,source,year,author).",
    )
    @functools.wraps(func)
    def wrapper(*args: Any, limit: int, offset: int, facets: str | None, **kwargs: Any) -> Any:
        names = tuple(n.strip() for n in (facets or "").split(",") if n.strip())
        unknown = [n for n in names if n not in FACETS]
        if unknown:
            raise click.UsageError(
                f"unknown facet {unknown[0]!r}: use any of {', '.join(FACETS)} "
                "(a query goes before --facets)"
            )
        return func(*args, limit=limit, offset=offset, facets=names, **kwargs)

    return wrapper


def data_file_options(func: Callable) -> Callable:
    """``--gazetteer`` and ``--taxonomy``: the user's own actors and themes files."""

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
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return func(*args, **kwargs)

    return wrapper


def open_corpus(ctx: click.Context, create: bool = False, **options: Any) -> Any:
    """The Corpus at the global --index folder (options go to ``Corpus.open``)."""
    from corpus_search.corpus import Corpus

    index: str = ctx.find_root().obj
    return Corpus.open(index, create=create, **options)


def progress_bar(summary: str) -> Any:
    """A transient rich progress display on stderr (off when stderr is not a terminal):
    a spinner, ``summary`` (a format string over the task's fields), the item in hand
    (the ``current`` field) and the time elapsed."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    err = console(stderr=True)
    return Progress(
        SpinnerColumn(),
        TextColumn(summary),
        TextColumn("{task.fields[current]}", style="dim"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )


def console(stderr: bool = False) -> Any:
    """A rich Console for stdout (or stderr); tables stay readable when piped."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    width = None if stream.isatty() else 120
    return Console(file=stream, width=width, highlight=False, emoji=False)


__all__ = ["FACETS", "console", "filter_options", "open_corpus", "output_options", "paging_options"]
