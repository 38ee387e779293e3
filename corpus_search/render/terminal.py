"""rich renderings for people: search results, a document, stats, ingest summaries.

Text that comes from documents is always passed as ``Text`` (never parsed as rich
markup), so a title like "[bold]" prints literally.
"""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text as RichText

from corpus_search.document import Document
from corpus_search.results import IngestReport, SearchResult, Stats
from corpus_search.safety import sanitize


class Text(RichText):
    """rich's ``Text``, minus terminal escapes and control characters: the second line of
    defence (documents are cleaned when they enter) so document text never drives the
    terminal. Like ``Text``, it never parses rich markup: "[bold]" prints as written."""

    def __init__(self, text: str = "", *args: Any, **kwargs: Any) -> None:
        super().__init__(sanitize(text), *args, **kwargs)

    def append(self, text: Any, style: Any = None) -> Text:
        return super().append(sanitize(text) if isinstance(text, str) else text, style)  # type: ignore[return-value]


def _authors(names: list[str]) -> str:
    return ", ".join(names)


def search_table(result: SearchResult, console: Console) -> None:
    shown = len(result.hits)
    first = result.query.get("offset", 0) + 1
    like = result.query.get("like")
    table = Table(
        title=Text(
            f"{result.total} documents"
            + (f" like “{like['title']}”" if like else "")
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
        # A fragment cut mid-sentence says so, rather than starting on a stray word.
        lead = "… " if hit.snippet[:1].islower() else ""
        snippet = Text(lead + hit.snippet)
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


def document_view(doc: Document, console: Console, highlight: list[str] | None = None) -> None:
    console.print(document_renderable(doc, highlight))


def document_renderable(doc: Document, highlight: list[str] | None = None) -> Group:
    """A document for reading: a title panel with the metadata, actors and themes, then
    the body, sections as underlined headings, ``highlight`` words marked."""
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
    known = [a for a in doc.actors if a.known]
    actors = ", ".join(f"{a.name} ×{a.count}" for a in known[:15])
    meta.add_row("actors", Text(actors or "—", style="green"))
    unknown = [a for a in doc.actors if not a.known]
    if unknown:
        # Named by a role or title cue, not in the gazetteer: shown apart.
        names = ", ".join(f"{a.name} ({a.type}) ×{a.count}" for a in unknown[:15])
        meta.add_row("also named", Text(names, style="dim green"))
    themes = Text()
    for number, t in enumerate(doc.themes):
        if number:
            themes.append(", ")
        themes.append(f"{t.id} {t.score:.2f}", style="bold magenta" if t.key else "magenta")
    meta.add_row("themes", themes if doc.themes else Text("—", style="magenta"))
    if doc.mentioned_years:
        meta.add_row("years", Text(", ".join(str(y) for y in doc.mentioned_years)))
    parts: list[Any] = [Panel(Group(head, Text(), meta), expand=True)]
    sections = set(doc.sections)
    for para in doc.body.split("\n\n"):
        if para in sections:
            parts.append(Text(para, style="bold underline"))
        else:
            text = Text(para)
            if highlight:
                text.highlight_words(highlight, style="bold black on yellow", case_sensitive=False)
            parts.append(text)
        parts.append(Text())
    return Group(*parts)


def explain_view(explanation: dict[str, Any], console: Console) -> None:
    """What ``search --explain`` prints (on stderr) before the results."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column()
    if explanation.get("text"):
        grid.add_row("query", Text(explanation["text"]))
        weights = ", ".join(f"{f} ×{w:g}" for f, w in explanation["fields"].items())
        grid.add_row("words searched in", Text(weights + " (BM25F)"))
    for item in explanation["resolved"]:
        found = ", ".join(item["matches"]) or "nothing in this corpus"
        grid.add_row(f"{item['field']}", Text(f"{item['value']} → {found}"))
    for item in explanation["dates"]:
        span = f"{item['from'] or 'any time'} … {item['to'] or 'now'}"
        grid.add_row("date", Text(f"{item['given']} → published within {span}"))
    grid.add_row("sort", Text(explanation["sort"]))
    grid.add_row("whoosh query", Text(explanation["parsed"], style="dim"))
    grid.add_row("matches", Text(str(explanation["total"])))
    console.print(Panel(grid, title="how the query was understood", title_align="left"))


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
    """The one-line summary ingest and reindex print on stderr (rich markup, values
    escaped): every input read is in exactly one count, and the line says they add up."""
    counts = report.counts()
    processes = f", {report.jobs} processes" if report.jobs > 1 else ""
    line = (
        f"read {counts['read']} = added {counts['added']} + updated {counts['updated']}"
        f" + unchanged {counts['unchanged']} + not articles {counts['not_articles']}"
        f" + unsupported {counts['unsupported']} + failed {counts['failed']}"
        f" in {report.seconds:.1f} s{processes}"
    )
    return escape(line)


def left_out_lines(report: IngestReport) -> list[str]:
    """What ingest says on stderr about inputs it left out (plain text): each failure
    with its reason, each file the user named that was judged not an article, and the
    unsupported files once, by type."""
    from collections import Counter

    from corpus_search.extract import SUPPORTED_HINT

    lines = []
    for failure in report.failed:
        reason = failure.reason
        said = reason if failure.path and failure.path in reason else f"{failure.path}: {reason}"
        lines.append(f"corpus-search: failed {said}")
    for item in report.not_articles:
        if item.named:
            lines.append(
                f"corpus-search: not an article: {item.path} ({item.reason}); --all keeps it"
            )
    if report.unsupported:
        types = Counter(
            item.reason.removeprefix("unsupported file type ").removeprefix("content type ")
            for item in report.unsupported
        )
        listed = ", ".join(f"{kind} {count}" for kind, count in sorted(types.items()))
        lines.append(
            f"corpus-search: {len(report.unsupported)} inputs of unsupported types left out "
            f"({listed}); {SUPPORTED_HINT}"
        )
    return lines


def saved_table(searches: list[Any], console: Console) -> None:
    """``saved list``: name, the query and filters, when created and last run."""
    table = Table(title=Text(f"{len(searches)} saved searches"), title_justify="left")
    table.add_column("Name", style="bold", no_wrap=True)
    table.add_column("Query and filters")
    table.add_column("Last run", no_wrap=True)
    table.add_column("Seen", justify="right")
    for search in searches:
        query = search.query
        parts = [repr(query["text"])] if query.get("text") else []
        for key, option in (
            ("actors", "--actor"),
            ("key_actors", "--key-actor"),
            ("themes", "--theme"),
            ("sources", "--source"),
            ("authors", "--author"),
            ("tags", "--tag"),
        ):
            parts.extend(f"{option} {v!r}" for v in query.get(key) or [])
        for key in ("since", "until"):
            if query.get(key):
                parts.append(f"--{key} {query[key]}")
        table.add_row(
            Text(search.name),
            Text(" ".join(parts) or "(everything)"),
            Text(search.last_run or "never"),
            str(len(search.seen)),
        )
    console.print(table)


def saved_run_view(run: Any, console: Console) -> None:
    """``saved run``: the documents, newest first, under a line saying what they are."""
    docs = sorted(run.documents, key=lambda d: str(d.published or ""), reverse=True)
    what = "new since " + (run.previous_run or "never run") if run.new_only else "matching"
    console.print(Text(f"{run.search.name}: {len(docs)} documents {what}", style="bold"))
    table = Table(box=None, show_header=False, pad_edge=False)
    table.add_column(style="dim", no_wrap=True)
    table.add_column(style="cyan", max_width=24)
    table.add_column()
    table.add_column(style="dim", no_wrap=True)
    for doc in docs:
        table.add_row(
            str(doc.published or "—"), Text(doc.source or "—"), Text(doc.display_title), doc.id
        )
    if docs:
        console.print(table)
