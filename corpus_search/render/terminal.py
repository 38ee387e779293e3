"""rich renderings for people: search results, a document, stats, ingest summaries.

Text that comes from documents is always passed as ``Text`` (never parsed as rich
markup), so a title like "[bold]" prints literally.
"""

from __future__ import annotations

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from corpus_search.document import Document
from corpus_search.results import IngestReport, SearchResult, Stats


def _authors(names: list[str]) -> str:
    return ", ".join(names)


def search_table(result: SearchResult, console: Console) -> None:
    shown = len(result.hits)
    first = result.query.get("offset", 0) + 1
    table = Table(
        title=Text(
            f"{result.total} documents"
            + (f" (showing {first}–{first + shown - 1})" if shown else "")
        ),
        title_justify="left",
        show_lines=True,
        expand=True,
    )
    table.add_column("#", justify="right", style="dim", no_wrap=True)
    table.add_column("Date", no_wrap=True)
    table.add_column("Source", style="cyan", max_width=18)
    table.add_column("Title / snippet", ratio=3)
    table.add_column("Actors", style="green", ratio=1)
    table.add_column("Themes", style="magenta", ratio=1)
    for rank, hit in enumerate(result.hits, start=first):
        cell = Text()
        cell.append(hit.title, style="bold")
        byline = _authors([a.name for a in hit.authors])
        if byline:
            cell.append(f"\n{byline}", style="italic dim")
        snippet = Text(hit.snippet)
        if hit.matched:
            snippet.highlight_words(hit.matched, style="bold yellow", case_sensitive=False)
        cell.append("\n")
        cell.append_text(snippet)
        cell.append(f"\n{hit.id}", style="dim")
        table.add_row(
            str(rank),
            hit.published or "—",
            Text(hit.source or "—"),
            cell,
            Text(", ".join(hit.actors[:5])),
            Text(", ".join(hit.themes[:4])),
        )
    console.print(table)
    if result.facets:
        facets_table(result.facets, console)


def facets_table(facets: dict[str, list[tuple[str, int]]], console: Console, top: int = 10) -> None:
    grid = Table.grid(padding=(0, 3))
    columns = []
    for name, counts in facets.items():
        inner = Table(title=Text(name), title_justify="left", box=None, show_header=False)
        inner.add_column(ratio=1)
        inner.add_column(justify="right")
        for value, count in counts[:top]:
            inner.add_row(Text(value), str(count))
        columns.append(inner)
        grid.add_column()
    grid.add_row(*columns)
    console.print(Panel(grid, title="facets (whole result set)", title_align="left"))


def document_view(doc: Document, console: Console) -> None:
    head = Text()
    head.append(doc.display_title, style="bold")
    if doc.subtitle and doc.title:
        head.append(f"\n{doc.subtitle}", style="italic")
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="dim")
    meta.add_column()
    meta.add_row("id", Text(doc.id))
    meta.add_row("source", Text(doc.source or "—"))
    meta.add_row("published", Text(str(doc.published) if doc.published else "—"))
    authors = "; ".join(f"{a.name} ({a.role})" if a.role else a.name for a in doc.authors)
    meta.add_row("authors", Text(authors or "—"))
    meta.add_row("url", Text(doc.url or "—"))
    if doc.tags:
        meta.add_row("tags", Text(", ".join(doc.tags)))
    actors = ", ".join(f"{a.name} ×{a.count}" for a in doc.actors[:15])
    meta.add_row("actors", Text(actors or "—", style="green"))
    themes = ", ".join(f"{t.id} {t.score:.2f}" for t in doc.themes)
    meta.add_row("themes", Text(themes or "—", style="magenta"))
    if doc.mentioned_years:
        meta.add_row("years", Text(", ".join(str(y) for y in doc.mentioned_years)))
    console.print(Panel(Group(head, Text(), meta), expand=True))
    sections = set(doc.sections)
    for para in doc.body.split("\n\n"):
        if para in sections:
            console.print(Text(para, style="bold underline"))
        else:
            console.print(Text(para))
        console.print()


def stats_view(stats: Stats, console: Console) -> None:
    console.print(Text(f"{stats.documents} documents in {stats.path}", style="bold"))
    grid = Table.grid(padding=(0, 3))
    parts = []
    for title, rows in (
        ("sources", stats.sources),
        ("years", stats.years),
        ("top actors", stats.actors),
        ("top themes", stats.themes),
    ):
        inner = Table(title=Text(title), title_justify="left", box=None, show_header=False)
        inner.add_column()
        inner.add_column(justify="right")
        for value, count in rows:
            inner.add_row(Text(value), str(count))
        parts.append(inner)
        grid.add_column()
    grid.add_row(*parts)
    console.print(grid)


def ingest_summary(report: IngestReport) -> str:
    """The one-line summary ingest prints on stderr (rich markup, values escaped)."""
    line = (
        f"added {report.added}, updated {report.updated}, skipped {report.skipped} (unchanged), "
        f"failed {len(report.failed)} in {report.seconds:.1f} s"
    )
    return escape(line)
