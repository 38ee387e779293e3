"""Charts as files: each chart drawn from the demo corpus as SVG and read back as XML, so
the test sees what a reader sees: the title with the query, the axis labels, every
period or actor, and the number on every bar. Also the command line around them: the
file's extension, the missing extra, the one-line errors."""

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpus_search import Corpus
from corpus_search.cli import cli
from corpus_search.errors import InputError, MissingExtraError

pytest.importorskip("matplotlib", reason="the plot extra (matplotlib) is not installed")

from corpus_search.render.plot import check_target, co_mention_plot, describe, trend_plot

SVG = "{http://www.w3.org/2000/svg}"


def svg_texts(path: Path) -> list[str]:
    """Every piece of text in an SVG, in document order."""
    root = ET.parse(path).getroot()
    return [" ".join("".join(t.itertext()).split()) for t in root.iter(f"{SVG}text")]


def run(*args: str, index: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(
        cli, ["--index", str(index), *args], prog_name="corpus-search", catch_exceptions=False
    )
    return result.exit_code, result.stdout, result.stderr


def test_trend_chart_shows_the_query_axes_periods_and_counts(
    demo_index: Path, tmp_path: Path
) -> None:
    trend = Corpus.open(demo_index).trend("nuclear", by="year", actors=["Russia|China"])
    assert trend.total > 0
    path = tmp_path / "trend.svg"
    trend_plot(trend, path)
    texts = svg_texts(path)
    assert "Documents matching “nuclear”, actor Russia or China, by year" in " ".join(texts)
    assert "Year" in texts and "Documents" in texts
    assert f"{trend.total} documents" in " ".join(texts)
    for period in trend.periods:
        assert period in texts
    ((_, counts),) = trend.series
    labels = [t for t in texts if t.isdigit()]
    # every non-zero bar is labelled with its count (the axis ticks are digits too)
    for count in {c for c in counts if c}:
        assert labels.count(str(count)) >= counts.count(count)


def test_split_trend_chart_names_every_series(demo_index: Path, tmp_path: Path) -> None:
    trend = Corpus.open(demo_index).trend("", by="year", split="source", top=3)
    path = tmp_path / "split.svg"
    trend_plot(trend, path)
    texts = svg_texts(path)
    assert "All documents, by year: the top 3 sources" in " ".join(texts)
    assert "Source" in texts  # the legend's title
    for name, _ in trend.series:
        assert name in texts
    drawn = sum(1 for t in texts if t.isdigit() and t != "0")
    assert drawn >= sum(1 for _, counts in trend.series for c in counts if c)
    # readable in black and white: the series differ by hatching, not only by colour
    svg = path.read_text("utf-8")
    assert svg.count("<pattern") >= 2


def test_co_mention_chart_lists_the_ranked_actors_with_counts(
    demo_index: Path, tmp_path: Path
) -> None:
    base, rows = Corpus.open(demo_index).co_mentioned("Russia", limit=8)
    assert rows
    path = tmp_path / "with.svg"
    co_mention_plot(base, rows, path)
    texts = svg_texts(path)
    joined = " ".join(texts)
    assert f"Actors mentioned with {base.name}" in joined
    assert f"{base.documents} documents mention {base.name}" in joined
    assert f"Documents that mention both {base.name} and the actor" in texts
    names = [t for t in texts if t in {r.name for r in rows}]
    assert names == [r.name for r in rows]  # in the command's order, top down
    for row in rows:
        assert f"{row.together} (lift {row.lift:.2f})" in texts


def test_png_is_a_png(demo_index: Path, tmp_path: Path) -> None:
    trend = Corpus.open(demo_index).trend("", by="year")
    path = tmp_path / "trend.png"
    trend_plot(trend, path)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_same_corpus_same_file(demo_index: Path, tmp_path: Path) -> None:
    trend = Corpus.open(demo_index).trend("sanctions", by="year")
    first, second = tmp_path / "a.svg", tmp_path / "b.svg"
    trend_plot(trend, first)
    trend_plot(trend, second)
    assert first.read_bytes() == second.read_bytes()


def test_describe_the_query() -> None:
    query = {
        "text": "tariffs",
        "actors": [["China", "Taiwan"]],
        "themes": ["trade"],
        "since": "2024",
    }
    assert describe(query) == "“tariffs”, actor China or Taiwan, theme trade, since 2024"
    assert describe({"text": ""}) == ""


def test_check_target(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    check_target(tmp_path / "ok.SVG")
    with pytest.raises(InputError, match=r"must end in \.svg or \.png"):
        check_target(tmp_path / "chart.pdf")
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # as if it were not installed
    with pytest.raises(MissingExtraError) as caught:
        check_target(tmp_path / "ok.png")
    assert "pip install 'corpus-search[plot]'" in str(caught.value)


# -- the command line ------------------------------------------------------------------------


def test_trend_and_actors_write_their_charts(demo_index: Path, tmp_path: Path) -> None:
    chart = tmp_path / "nuclear.svg"
    code, out, err = run("trend", "nuclear", "--plot", str(chart), index=demo_index)
    assert code == 0 and "Year" in out  # the terminal chart is still printed
    assert err.strip() == f"chart written to {chart}"
    assert "Documents matching “nuclear”, by year" in " ".join(svg_texts(chart))
    chart = tmp_path / "kremlin.png"
    code, out, err = run(
        "actors", "--with", "Kremlin", "--plot", str(chart), "--json", index=demo_index
    )
    assert code == 0 and out.startswith("{") and chart.stat().st_size > 1000


def test_nothing_matched_writes_no_chart(demo_index: Path, tmp_path: Path) -> None:
    chart = tmp_path / "none.svg"
    code, _, err = run("trend", "zzzyxq", "--plot", str(chart), index=demo_index)
    assert code == 1 and not chart.exists() and "no documents match" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("trend", "nuclear", "--plot", "chart.pdf"),
            "corpus-search: error: cannot write a chart to 'chart.pdf': the file name must "
            "end in .svg or .png",
        ),
        (
            ("actors", "--plot", "chart.svg"),
            "corpus-search: error: --plot draws the actors mentioned with one: add --with "
            "NAME (see 'corpus-search actors --help')",
        ),
    ],
)
def test_plot_mistakes_are_one_line(
    demo_index: Path, args: tuple[str, ...], message: str, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(*args, index=demo_index)
    assert (code, out, err.strip().splitlines()) == (2, "", [message])
    assert not list(tmp_path.iterdir())


def test_without_matplotlib_one_line_says_how_to_get_it(
    demo_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # as if it were not installed
    for args in (("trend", "nuclear"), ("actors", "--with", "Russia")):
        code, out, err = run(*args, "--plot", str(tmp_path / "c.svg"), index=demo_index)
        assert (code, out) == (2, "")
        assert err.strip().splitlines() == [
            "corpus-search: error: charts need matplotlib, which is not installed "
            "(pip install 'corpus-search[plot]')"
        ]
