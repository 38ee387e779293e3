"""Bar charts in the terminal for ``trend``: one row per period, bars drawn with
eighth-blocks so small differences show, and the number beside every bar."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from corpus_search.results import Trend

_EIGHTHS = " ▏▎▍▌▋▊▉"
_COLOURS = ("cyan", "magenta", "green", "yellow", "blue", "red", "bright_cyan", "bright_magenta")


def bar(value: int, largest: int, width: int) -> str:
    """A bar ``value/largest`` of ``width`` cells, in eighths of a cell."""
    if largest <= 0 or value <= 0:
        return ""
    eighths = max(1, round(value / largest * width * 8))
    return "█" * (eighths // 8) + (_EIGHTHS[eighths % 8] if eighths % 8 else "")


def trend_chart(trend: Trend, console: Console) -> None:
    title = f"{trend.total} documents by {trend.by}"
    if trend.split:
        title += f", top {len(trend.series)} by {trend.split}"
    if not trend.periods:
        console.print(Text(title + ": none has a date", style="bold"))
        return
    table = Table(title=Text(title), title_justify="left", box=None, pad_edge=False)
    table.add_column(trend.by.capitalize(), no_wrap=True, style="dim")
    largest = max((max(counts) for _, counts in trend.series if counts), default=0)
    columns = len(trend.series)
    available = (console.width or 100) - 10
    width = max(4, min(50, available // max(columns, 1) - 6))
    for number, (name, _) in enumerate(trend.series):
        header = "documents" if not trend.split else name
        table.add_column(Text(header), no_wrap=True, style=_COLOURS[number % len(_COLOURS)])
    for i, period in enumerate(trend.periods):
        cells = []
        for _name, counts in trend.series:
            cells.append(Text(f"{bar(counts[i], largest, width):<{width}} {counts[i]:>3}"))
        table.add_row(period, *cells)
    console.print(table)
    notes = []
    if trend.imprecise:
        notes.append(f"{trend.imprecise} dated only to the year (not placed in a month)")
    if trend.undated:
        notes.append(f"{trend.undated} undated")
    if notes:
        console.print(Text("not in the chart: " + "; ".join(notes), style="dim"))
