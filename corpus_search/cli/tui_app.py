"""The interactive terminal UI (Textual): a query box, filters with counts, a results
list that follows the typing, a reading pane, and export of the current results.

Imported only by ``corpus-search tui`` (textual is a dependency, loaded only here). The app
talks only to ``Corpus``, like every command.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Header, Input, Label, Select, Static

from corpus_search.errors import CorpusSearchError
from corpus_search.query import Query
from corpus_search.results import SearchResult

FILTERS = ("actor", "theme", "source")
RESULT_LIMIT = 200  # rows in the results list; counts and export cover every match
TYPING_PAUSE = 0.25  # seconds of quiet before the results follow the query box
EXPORT_SUFFIX = {"jsonl": "jsonl", "csv": "csv", "bibtex": "bib", "ris": "ris", "markdown": "md"}


class SearchApp(App[None]):
    """``corpus-search tui``"""

    TITLE = "corpus-search"
    CSS = """
    #query { margin: 0 1; }
    #filters { width: 34; padding: 0 1; }
    #filters Label { margin-top: 1; color: $text-muted; }
    #filters Select { width: 100%; }
    #status { margin-top: 1; color: $text-muted; }
    #results { height: 45%; }
    #reader { border-top: solid $accent; padding: 0 1; }
    """
    BINDINGS: ClassVar[list[Any]] = [
        Binding("ctrl+q", "quit", "Quit"),
        Binding("escape", "focus_query", "Query"),
        Binding("ctrl+r", "focus_results", "Results"),
        Binding("ctrl+o", "focus_reader", "Read"),
        # priority: the query box would otherwise take these (Ctrl+E is "end of line")
        Binding("ctrl+e", "export", "Export", priority=True),
        Binding("ctrl+n", "clear_filters", "Clear filters", priority=True),
    ]

    def __init__(
        self,
        corpus: Any,
        text: str = "",
        export_format: str = "jsonl",
        export_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.corpus = corpus
        self.initial_text = text
        self.export_format = export_format
        self.export_dir = export_dir or Path.cwd()
        self.filters: dict[str, str | None] = dict.fromkeys(FILTERS)
        self.result: SearchResult | None = None
        self.current_query: Query | None = None
        self.last_export: Path | None = None
        self._timer: Timer | None = None
        self._shown_id: str | None = None

    # -- layout -------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(
            value=self.initial_text,
            placeholder='words, "phrases", actor:PRC, date:2024.. (Esc comes back here)',
            id="query",
        )
        with Horizontal():
            with Vertical(id="filters"):
                for name in FILTERS:
                    yield Label(name.capitalize())
                    yield Select[str]([], prompt=f"any {name}", id=name)
                yield Label("Published from / to")
                yield Input(placeholder="since: 2024 or 2024-05", id="since")
                yield Input(placeholder="until: 2025-06", id="until")
                yield Static("", id="status")
            with Vertical():
                table: DataTable[str] = DataTable(
                    id="results", cursor_type="row", zebra_stripes=True
                )
                yield table
                with VerticalScroll(id="reader"):
                    yield Static("Select a result to read it here.", id="document")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#results", DataTable)
        table.add_column("#", key="rank")
        table.add_column("Date", key="date")
        table.add_column("Source", key="source", width=24)
        table.add_column("Title", key="title")
        self.run_search()
        self.query_one("#query", Input).focus()

    # -- searching ----------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(TYPING_PAUSE, self.run_search)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if self._timer is not None:
            self._timer.stop()
        self.run_search()
        if event.input.id == "query":
            self.action_focus_results()

    def on_select_changed(self, event: Select.Changed) -> None:
        name = event.select.id
        if name not in self.filters:
            return
        value = None if event.value is Select.NULL else str(event.value)
        if value != self.filters[name]:
            self.filters[name] = value
            self.run_search()

    def build_query(self) -> Query:
        return Query.build(
            self.query_one("#query", Input).value,
            actors=[self.filters["actor"]] if self.filters["actor"] else None,
            themes=[self.filters["theme"]] if self.filters["theme"] else None,
            sources=[self.filters["source"]] if self.filters["source"] else None,
            since=self.query_one("#since", Input).value.strip() or None,
            until=self.query_one("#until", Input).value.strip() or None,
            sort="relevance",
            limit=RESULT_LIMIT,
            facets=FILTERS,
        )

    def run_search(self) -> None:
        try:
            status = self.query_one("#status", Static)
        except NoMatches:
            return  # asked for as the app closes (a filter's last change): no screen to fill
        try:
            query = self.build_query()
            result = self.corpus.search(query)
        except CorpusSearchError as exc:
            status.update(f"[b red]{_escape(str(exc))}[/]")
            return
        self.current_query, self.result = query, result
        self.show_results(result)
        self.update_filters(result)
        message = f"{result.total} documents"
        if result.total == 0 and (query.text or query.has_filters):
            suggestion = self.corpus.suggest(query)
            if suggestion is not None:
                changes = ", ".join(f"{new} (for {old})" for old, new in suggestion.changes)
                message += f"\ndid you mean {changes}? ({suggestion.total} documents)"
        status.update(_escape(message))

    def show_results(self, result: SearchResult) -> None:
        table = self.query_one("#results", DataTable)
        table.clear()
        for rank, hit in enumerate(result.hits, start=1):
            source = _short(hit.source or "—", 24)
            table.add_row(str(rank), hit.published or "—", source, hit.title, key=hit.id)
        if result.hits:
            self.show_document(result.hits[0].id)
        else:
            self._shown_id = None
            self.query_one("#document", Static).update("No documents match.")

    def update_filters(self, result: SearchResult) -> None:
        """Each filter lists the values in the current results, with their counts."""
        for name in FILTERS:
            select = self.query_one(f"#{name}", Select)
            chosen = self.filters[name]
            counts = dict(result.facets.get(name, []))
            options = [(f"{value} ({count})", value) for value, count in counts.items()]
            if chosen and chosen not in counts:
                options.insert(0, (f"{chosen} (0)", chosen))
            with select.prevent(Select.Changed):
                select.prompt = f"any of {len(counts)}" + ("+" if len(counts) >= 20 else "")
                select.set_options(options)
                if chosen:
                    select.value = chosen

    # -- reading ------------------------------------------------------------------------

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key.value:
            self.show_document(event.row_key.value)

    def show_document(self, doc_id: str) -> None:
        if doc_id == self._shown_id:
            return
        from corpus_search.render.terminal import document_renderable

        doc = self.corpus.get(doc_id)
        text = self.current_query.text if self.current_query else ""
        words = self.corpus.matched_words(doc.body, text) if text else []
        self.query_one("#document", Static).update(document_renderable(doc, words))
        self.query_one("#reader", VerticalScroll).scroll_home(animate=False)
        self._shown_id = doc_id

    # -- actions ------------------------------------------------------------------------

    def action_focus_query(self) -> None:
        self.query_one("#query", Input).focus()

    def action_focus_results(self) -> None:
        self.query_one("#results", DataTable).focus()

    def action_focus_reader(self) -> None:
        self.query_one("#reader", VerticalScroll).focus()

    def action_clear_filters(self) -> None:
        self.filters = dict.fromkeys(FILTERS)
        for name in ("since", "until"):
            self.query_one(f"#{name}", Input).value = ""
        self.run_search()

    def action_export(self) -> None:
        """Write every document of the current results (not only the rows shown)."""
        if self.current_query is None or not self.result or not self.result.total:
            self.notify("nothing to export", severity="warning")
            return
        from corpus_search.render import citation
        from corpus_search.render.machine import write_csv, write_jsonl

        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        path = self.export_dir / f"corpus-search-{stamp}.{EXPORT_SUFFIX[self.export_format]}"
        query = Query.build(
            self.current_query.text,
            actors=["|".join(g) for g in self.current_query.actors],
            themes=["|".join(g) for g in self.current_query.themes],
            sources=self.current_query.sources,
            since=self.current_query.since,
            until=self.current_query.until,
            limit=None,
        )
        docs = list(self.corpus.documents(query))
        try:
            with path.open("w", encoding="utf-8") as out:
                if self.export_format == "bibtex":
                    citation.write_bibtex(docs, out)
                elif self.export_format == "ris":
                    citation.write_ris(docs, out)
                elif self.export_format == "markdown":
                    citation.write_markdown_list(docs, out, f"corpus-search: {query.text}")
                elif self.export_format == "csv":
                    from corpus_search.cli.documents import DOC_COLUMNS

                    write_csv((d.to_dict() for d in docs), DOC_COLUMNS, out)
                else:
                    write_jsonl((d.to_dict() for d in docs), out)
        except OSError as exc:
            self.notify(f"cannot write {path}: {exc.strerror}", severity="error")
            return
        self.last_export = path
        self.notify(f"exported {len(docs)} documents to {path}")


def _short(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)
