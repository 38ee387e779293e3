"""The Textual UI, driven headless by Textual's own pilot against the demo corpus."""

import asyncio
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.widgets import DataTable, Input, Select, Static

from corpus_search import Corpus
from corpus_search.cli.tui_app import TYPING_PAUSE, SearchApp


def rendered(widget: Static) -> str:
    """The plain text a Static shows (rich renderables rendered without colour)."""
    from io import StringIO

    from rich.console import Console

    out = StringIO()
    Console(file=out, width=100, color_system=None).print(widget.content)
    return out.getvalue()


async def status_once(app: SearchApp, pilot: Any, words: str, seconds: float = 10.0) -> str:
    """The status line once it holds ``words``, or as it is after ``seconds``: a loaded
    machine may not have mounted the screen, or run the first search, after a fixed pause."""
    from textual.css.query import NoMatches

    status = ""
    for _ in range(int(seconds / 0.1)):
        await pilot.pause(0.1)
        try:
            status = rendered(app.query_one("#status", Static))
        except NoMatches:
            continue
        if words in status:
            break
    return status


def _demo_on(store_kind: str, demo_index: Path, new_corpus: Callable[[str], Corpus]) -> Corpus:
    """The demo corpus in the store under test (a server gets a copy of the folder)."""
    folder = Corpus.open(demo_index)
    if store_kind == "folder":
        return folder
    corpus = new_corpus("demo")
    folder.copy_to(corpus)
    return corpus


def test_typing_filters_reading_and_export(
    store_kind: str, demo_index: Path, new_corpus: Callable[[str], Corpus], tmp_path: Path
) -> None:
    """The same session on a folder and on a PostgreSQL server."""
    corpus = _demo_on(store_kind, demo_index, new_corpus)
    expected_all = len(corpus)
    nuclear = corpus.search("nuclear", limit=None)
    nuclear_russia = corpus.search("nuclear", actors=["Russia"], limit=None)

    async def scenario() -> None:
        app = SearchApp(corpus, export_format="jsonl", export_dir=tmp_path)
        async with app.run_test(size=(140, 40)) as pilot:
            table = app.query_one("#results", DataTable)
            assert table.row_count == expected_all  # empty query: everything
            # the results follow the typing (after a short pause)
            await pilot.press(*"nuclear")
            await pilot.pause(TYPING_PAUSE + 0.3)
            assert table.row_count == nuclear.total
            assert [str(k.value) for k in table.rows] == [h.id for h in nuclear.hits]
            assert f"{nuclear.total} documents" in rendered(app.query_one("#status", Static))
            # the actor filter lists the actors of the current results with counts
            actor = app.query_one("#actor", Select)
            labels = [str(prompt) for prompt, _ in actor._options]
            assert any(label.startswith("Russia (") for label in labels)
            actor.value = "Russia"
            await pilot.pause(0.2)
            assert table.row_count == nuclear_russia.total
            # the reading pane shows the highlighted row; arrows move through results
            await pilot.press("ctrl+r", "down")
            await pilot.pause(0.1)
            second = corpus.get(nuclear_russia.hits[1].id)
            assert second.display_title in rendered(app.query_one("#document", Static))
            # export writes every current result
            await pilot.press("ctrl+e")
            await pilot.pause(0.1)
            assert app.last_export is not None and app.last_export.parent == tmp_path
            lines = app.last_export.read_text("utf-8").splitlines()
            assert {json.loads(line)["id"] for line in lines} == {h.id for h in nuclear_russia.hits}
            # a query that cannot parse is reported and the results stay
            await pilot.press("escape", "space", *'"oops')
            await pilot.pause(TYPING_PAUSE + 0.3)
            assert "unbalanced quote" in rendered(app.query_one("#status", Static))
            assert table.row_count == nuclear_russia.total
            # clearing the filters widens again
            app.query_one("#query", Input).value = ""
            await pilot.press("ctrl+n")
            await pilot.pause(TYPING_PAUSE + 0.3)
            assert table.row_count == expected_all

    asyncio.run(scenario())


def test_a_search_asked_for_as_the_app_closes_is_dropped(demo_index: Path, tmp_path: Path) -> None:
    """A search a timer or a filter's change asks for after the screen is gone (seen on a
    loaded machine as the app closed) does nothing, instead of failing the app's exit."""
    corpus = Corpus.open(demo_index)

    async def scenario() -> SearchApp:
        app = SearchApp(corpus, text="sanctions", export_dir=tmp_path)
        async with app.run_test(size=(120, 36)) as pilot:
            await status_once(app, pilot, "documents")
        return app

    app = asyncio.run(scenario())
    app.run_search()  # the screen has gone: nothing to fill, nothing raised


def test_misspelling_suggests(demo_index: Path, tmp_path: Path) -> None:
    corpus = Corpus.open(demo_index)

    async def scenario() -> None:
        app = SearchApp(corpus, text="sanctoins", export_dir=tmp_path)
        async with app.run_test(size=(120, 36)) as pilot:
            status = await status_once(app, pilot, "0 documents")
            assert "0 documents" in status
            assert "did you mean sanctions (for sanctoins)?" in status

    asyncio.run(scenario())
