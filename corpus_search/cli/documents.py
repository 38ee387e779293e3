"""``corpus-search show ID`` and ``corpus-search export [QUERY]``"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from corpus_search.cli.options import console, filter_options, open_corpus, output_options
from corpus_search.document import Document
from corpus_search.query import Query

EXPORT_FORMATS = ("jsonl", "json", "csv", "bibtex", "ris", "markdown")
DOC_COLUMNS = ["id", "published", "source", "title", "authors", "actors", "themes", "tags", "url"]


@click.command()
@click.argument("doc_id", metavar="ID")
@output_options(formats=("table", "json", "markdown", "text"))
@click.option(
    "--query",
    "-q",
    "query_text",
    metavar="QUERY",
    help="Highlight the words this query matches (table and markdown).",
)
@click.pass_context
def show(ctx: click.Context, doc_id: str, fmt: str, query_text: str | None) -> int:
    """Show one document in full (ID as listed by search; a unique prefix of 6+
    characters will do): a title block, metadata, actors and themes, then the body
    with its sections as headings. Exit status: 0 shown, 1 no such document."""
    corpus = open_corpus(ctx)
    doc = corpus.get(doc_id)
    words = corpus.matched_words(doc.body, query_text) if query_text else []
    if fmt == "json":
        from corpus_search.render.machine import write_json

        data = doc.to_dict()
        if query_text:
            data["matched"] = words
        write_json(data, sys.stdout)
    elif fmt == "markdown":
        from corpus_search.render.citation import document_markdown

        sys.stdout.write(document_markdown(doc, words))
    elif fmt == "text":
        from corpus_search.render.citation import document_text

        sys.stdout.write(document_text(doc))
    else:
        from corpus_search.render.terminal import document_view

        document_view(doc, console(), words)
    return 0


@click.command()
@filter_options
@output_options(formats=EXPORT_FORMATS, default="jsonl")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of stdout.",
)
@click.pass_context
def export(ctx: click.Context, query: Query, fmt: str, output: Path | None) -> int:
    """Export every matching document: JSONL (one document per line, the format
    ingest reads back), a JSON array, CSV (metadata only), BibTeX or RIS citations
    (for LaTeX, Zotero, JabRef, EndNote), or a Markdown reading list.

    \b
    Examples:
      corpus-search export sanctions --actor Iran --format bibtex -o iran.bib
      corpus-search export --theme arms-control --since 2024 --format ris > arms.ris

    Exit status: 0 documents exported, 1 none matched, 2 error."""
    from corpus_search.render import citation
    from corpus_search.render.machine import write_csv, write_json, write_jsonl

    documents = open_corpus(ctx).documents(query)
    count = 0

    def counted_docs() -> Iterator[Document]:
        nonlocal count
        for doc in documents:
            count += 1
            yield doc

    def counted() -> Iterator[dict[str, Any]]:
        return (d.to_dict() for d in counted_docs())

    try:
        stream = output.open("w", encoding="utf-8") if output else sys.stdout
    except OSError as exc:
        raise click.ClickException(f"cannot write {output}: {exc.strerror}") from None
    try:
        if fmt == "jsonl":
            write_jsonl(counted(), stream)
        elif fmt == "json":
            write_json(list(counted()), stream)
        elif fmt == "bibtex":
            citation.write_bibtex(counted_docs(), stream)
        elif fmt == "ris":
            citation.write_ris(counted_docs(), stream)
        elif fmt == "markdown":
            heading = f"corpus-search: {query.text}" if query.text else "corpus-search export"
            citation.write_markdown_list(counted_docs(), stream, heading)
        else:
            write_csv(counted(), DOC_COLUMNS, stream)
    finally:
        if output:
            stream.close()
    if output:
        click.echo(f"exported {count} documents to {output}", err=True)
    return 0 if count else 1
