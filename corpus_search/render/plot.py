"""Charts as files, for a report: ``trend --plot`` and ``actors --with --plot`` write an
SVG or a PNG with matplotlib (the optional ``plot`` extra).

Every chart carries a title that says what was counted (the query and its filters),
labelled axes and the number on every bar, and reads in black and white: series are
told apart by grey and hatching, not by colour. SVG text stays text (searchable, and
editable in a drawing program), and files carry no creation date, so the same corpus
gives the same file.

matplotlib is imported only inside the drawing functions, and only through its
object-oriented ``Figure`` (no pyplot: no window, no global state), so no other command
pays for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from corpus_search.errors import InputError, MissingExtraError
from corpus_search.results import ActorCount, CoMention, Trend

SUFFIXES = (".svg", ".png")
INSTALL = "pip install 'corpus-search[plot]'"

# Series styles that survive a black-and-white printer: fill grey and hatch pattern.
_GREYS = ("0.35", "white", "0.8", "white", "0.55", "white", "0.9", "white")
_HATCHES = ("", "///", "...", "xxx", "", "\\\\\\", "ooo", "---")
_STYLE: dict[str, Any] = {
    "svg.fonttype": "none",  # text as <text>, not outlines
    "svg.hashsalt": "corpus-search",  # the same ids in every run
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "hatch.linewidth": 0.8,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def check_target(path: Path) -> None:
    """``path`` ends in a format charts are written in, and matplotlib is installed;
    else a one-line error saying what to do."""
    if path.suffix.lower() not in SUFFIXES:
        raise InputError(
            f"cannot write a chart to {str(path)!r}: the file name must end in .svg or .png"
        )
    if find_spec("matplotlib") is None:
        raise MissingExtraError("charts need matplotlib, which is not installed", INSTALL)


def describe(query: dict[str, Any]) -> str:
    """The query and its filters in words: '"nuclear", actor Russia, since 2019'."""
    parts = [f"“{query['text']}”"] if query.get("text") else []
    for key, label in (
        ("actors", "actor"),
        ("key_actors", "key actor"),
        ("themes", "theme"),
        ("sources", "source"),
        ("authors", "author"),
        ("tags", "tag"),
    ):
        for value in query.get(key) or []:
            value = " or ".join(value) if isinstance(value, list | tuple) else str(value)
            parts.append(f"{label} {value}")
    for key in ("since", "until"):
        if query.get(key):
            parts.append(f"{key} {query[key]}")
    return ", ".join(parts)


def trend_plot(trend: Trend, path: Path) -> None:
    """Documents per period as bars (one group of bars per period with ``split``)."""
    what = describe(trend.query)
    title = f"Documents matching {what}" if what else "All documents"
    title += f", by {trend.by}"
    if trend.split:
        title += f": the top {len(trend.series)} {_plural(trend.split)}"
    notes = [f"{trend.total} documents"]
    if trend.imprecise:
        notes.append(f"{trend.imprecise} dated only to the year, not placed in a month")
    if trend.undated:
        notes.append(f"{trend.undated} undated, not in the chart")
    periods = trend.periods
    series = trend.series
    bars = max(1, len(periods) * len(series))
    with _style():
        figure = _figure(width=min(14.0, max(7.0, 0.18 * bars + 3.0)), height=4.8)
        axes = figure.add_subplot()
        group = 0.8
        width = group / max(1, len(series))
        digits = len(str(max((max(c, default=0) for _, c in series), default=0)))
        upright = bars * digits > 160  # labels that would touch are turned upright
        for number, (name, counts) in enumerate(series):
            offset = -group / 2 + width * (number + 0.5)
            positions = [i + offset for i in range(len(periods))]
            drawn = axes.bar(
                positions,
                counts,
                width=width,
                label=name,
                color=_GREYS[number % len(_GREYS)],
                hatch=_HATCHES[number % len(_HATCHES)],
                edgecolor="black",
                linewidth=0.6,
            )
            axes.bar_label(
                drawn,
                labels=[str(c) if c else "" for c in counts],
                padding=2,
                fontsize=7 if bars > 24 else 9,
                rotation=90 if upright else 0,
            )
        axes.set_xticks(range(len(periods)), periods, rotation=90 if len(periods) > 14 else 0)
        axes.set_xlabel(trend.by.capitalize())
        axes.set_ylabel("Documents")
        axes.yaxis.get_major_locator().set_params(integer=True)
        axes.margins(y=0.15)
        if trend.split:
            axes.legend(title=trend.split.capitalize(), frameon=False, fontsize=9)
        _titles(figure, axes, title, "; ".join(notes))
        _save(figure, path)


def co_mention_plot(base: ActorCount, rows: Sequence[CoMention], path: Path) -> None:
    """The actors mentioned with ``base``, in the order ``actors --with`` ranks them (by
    lift), each bar the number of documents that mention both."""
    title = f"Actors mentioned with {base.name}"
    note = (
        f"{base.documents} documents mention {base.name}; ranked by lift (how much more "
        "often than chance the two share a document)"
    )
    height = max(3.0, 0.38 * len(rows) + 1.8)
    with _style():
        figure = _figure(width=8.5, height=height)
        axes = figure.add_subplot()
        names = [r.name for r in rows]
        drawn = axes.barh(
            range(len(rows)),
            [r.together for r in rows],
            color="0.6",
            edgecolor="black",
            linewidth=0.6,
            height=0.7,
        )
        axes.bar_label(
            drawn, labels=[f"{r.together}  (lift {r.lift:.2f})" for r in rows], padding=3
        )
        axes.set_yticks(range(len(rows)), names)
        axes.invert_yaxis()  # the first ranked at the top
        axes.set_xlabel(f"Documents that mention both {base.name} and the actor")
        axes.set_ylabel("Actor")
        axes.xaxis.get_major_locator().set_params(integer=True)
        axes.margins(x=0.3)
        _titles(figure, axes, title, note)
        _save(figure, path)


# -- shared --------------------------------------------------------------------------------


def _plural(split: str) -> str:
    return {"actor": "actors", "theme": "themes", "source": "sources"}.get(split, split)


def _style() -> Any:
    import matplotlib

    style: Any = _STYLE
    return matplotlib.rc_context(style)


def _figure(width: float, height: float) -> Any:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), layout="constrained")


def _titles(figure: Any, axes: Any, title: str, note: str) -> None:
    import textwrap

    width = int(figure.get_figwidth() * 11)  # characters that fit the figure's width
    figure.suptitle(
        textwrap.fill(title, width * 10 // 13), fontsize=13, fontweight="bold", x=0.01, ha="left"
    )
    axes.set_title(textwrap.fill(note, width), fontsize=9, loc="left", color="0.25")


def _save(figure: Any, path: Path) -> None:
    kind = path.suffix.lower().lstrip(".")
    metadata: dict[str, Any] = {"Date": None} if kind == "svg" else {"Software": None}
    try:
        figure.savefig(path, format=kind, dpi=150, metadata=metadata, facecolor="white")
    except OSError as exc:
        raise InputError(f"cannot write the chart to {str(path)!r}: {exc.strerror}") from None
