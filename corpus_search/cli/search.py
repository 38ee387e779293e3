"""``corpus-search search [QUERY]``"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any, TextIO

import click

from corpus_search.cli.options import (
    console,
    filter_options,
    open_corpus,
    output_options,
    paging_options,
)
from corpus_search.query import Query

HIT_COLUMNS = [
    "id",
    "published",
    "source",
    "title",
    "authors",
    "actors",
    "themes",
    "score",
    "url",
    "snippet",
]


@click.command()
@filter_options
@paging_options
@output_options()
@click.option(
    "--explain", is_flag=True, help="Show how the query was understood, then the results."
)
@click.option(
    "--no-snippets",
    "no_snippets",
    is_flag=True,
    help='Leave out each hit\'s snippet ("") and matched words: faster, for scripts that '
    "need only ids and counts.",
)
@click.option(
    "--stdin",
    "from_stdin",
    is_flag=True,
    help="Read one query per line (text, or a JSON object of the query and its filters) "
    "and print one JSON result per line, in one process.",
)
@click.pass_context
def search(
    ctx: click.Context,
    query: Query,
    limit: int,
    offset: int,
    facets: tuple[str, ...],
    fmt: str,
    explain: bool = False,
    no_snippets: bool = False,
    from_stdin: bool = False,
) -> int:
    """Search the corpus. QUERY uses whoosh's syntax over titles, standfirsts and bodies:
    AND, OR, NOT, (grouping), "phrases", "words near"~3 (any order), prefix*, fuzzy~
    (fuzzy~2 for two edits), plus the fields actor:, key:, theme:, source:, author:,
    tag:, year:2024 (publication year, or year:2020..2022) and date:2024-01..2025-06
    (either end open). Actor and theme names resolve through their aliases
    (actor:PRC finds China). Filters narrow the results.

    \b
    Examples:
      corpus-search search "nuclear deterrence" --actor Russia --since 2022
      corpus-search search --actor "China|Taiwan" --theme alliances --json
      corpus-search search 'sanctions AND actor:Iran' --sort -date --limit 5
      corpus-search search 'sanctions' --facets actor,author --explain
      printf '%s\n' nuclear '{"query": "tariffs", "actors": ["China"]}' | corpus-search search --stdin

    Exit status: 0 documents found, 1 none, 2 error.
    """
    if from_stdin:
        return search_stream(
            open_corpus(ctx), sys.stdin, sys.stdout, limit, facets, snippets=not no_snippets
        )
    query.limit, query.offset = limit, offset
    query.facets = facets
    query.snippets = not no_snippets
    corpus = open_corpus(ctx)
    explanation = corpus.explain(query) if explain else None
    result = corpus.search(query)
    suggestion = None
    if result.total == 0 and (query.text or query.has_filters):
        suggestion = corpus.suggest(query)
    if explanation is not None and fmt != "json":
        from corpus_search.render.terminal import explain_view

        explain_view(explanation, console(stderr=fmt != "table"))
    render_search(result, fmt, explanation, suggestion)
    return 0 if result.total else 1


def search_stream(
    corpus: Any,
    lines: Iterable[str],
    out: TextIO,
    limit: int,
    facets: tuple[str, ...],
    snippets: bool = True,
) -> int:
    """``--stdin``: each line is a query string or a JSON object with ``query`` and any
    ``Query.build`` keyword (``actors``, ``themes``, ``since``, ``limit``, ``facets``,
    ``snippets``...);
    each answer is one JSON line, the search result or ``{"line": N, "error": ...}``.
    Exit status: 0 if every line was answered, 2 if any line was an error."""
    import json

    from corpus_search.errors import CorpusSearchError

    failed = False
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text:
            continue
        try:
            options: dict[str, Any] = {
                "limit": limit,
                "facets": facets or False,
                "snippets": snippets,
            }
            if text.startswith("{"):
                spec = json.loads(text)
                if not isinstance(spec, dict):
                    raise ValueError("a JSON query must be an object")
                text = str(spec.pop("query", spec.pop("text", "")) or "")
                options.update(spec)
            answer = corpus.search(Query.build(text, **options)).to_dict()
        except (CorpusSearchError, ValueError, TypeError) as exc:
            failed = True
            answer = {"line": number, "error": str(exc)}
        out.write(json.dumps(answer, ensure_ascii=False) + "\n")
        out.flush()
    return 2 if failed else 0


def render_search(
    result: object, fmt: str, explanation: object = None, suggestion: object = None
) -> None:
    from corpus_search.results import SearchResult, Suggestion

    assert isinstance(result, SearchResult)
    assert suggestion is None or isinstance(suggestion, Suggestion)
    out = sys.stdout
    if fmt == "json":
        from corpus_search.render.machine import write_json

        data = result.to_dict()
        if explanation is not None:
            data["explain"] = explanation
        if suggestion is not None:
            data["did_you_mean"] = suggestion.to_dict()
        write_json(data, out)
    elif fmt == "jsonl":
        from corpus_search.render.machine import write_jsonl

        write_jsonl((h.to_dict() for h in result.hits), out)
    elif fmt == "csv":
        from corpus_search.render.machine import write_csv

        write_csv((h.to_dict() for h in result.hits), HIT_COLUMNS, out)
    else:
        from corpus_search.render.terminal import search_table

        if result.total == 0:
            click.echo("no documents match", err=True)
        else:
            search_table(result, console())
    if suggestion is not None and fmt != "json":
        click.echo(did_you_mean(suggestion), err=True)


def did_you_mean(suggestion: object) -> str:
    from corpus_search.results import Suggestion

    assert isinstance(suggestion, Suggestion)
    changes = ", ".join(f"{new} (for {old})" for old, new in suggestion.changes)
    plural = "s" if suggestion.total != 1 else ""
    return f"did you mean {changes}? That finds {suggestion.total} document{plural}."
