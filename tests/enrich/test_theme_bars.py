"""A theme's own keep bars: a taxonomy entry may carry a ``threshold`` and a ``relative``
of its own (``bench/calibrate_themes.py`` fits the packaged ones); the others keep the
global THRESHOLD and RELATIVE. Every text here is written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.calibrate_themes import FLOORS, RELATIVES
from corpus_search.enrich import themes as T
from corpus_search.enrich.themes import Taxonomy
from corpus_search.errors import InputError

# A page mostly about the harbour, with one passing sentence on the fishing fleet.
PAGE = (
    "The harbour authority raised its fees again this spring. Harbour pilots say the "
    "harbour channel silts up faster each year, and the harbour board has no money left "
    "for dredging. Shipping lines now call at the harbour less often than they did, and "
    "the harbour master expects fewer calls next year. The fishing fleet, for its part, "
    "sold its catch elsewhere."
)


def taxonomy(tmp_path: Path, **fleet_bars: float) -> Taxonomy:
    themes = [
        {"id": "harbour", "label": "Harbour", "scope": "Ports.", "terms": {"harbour*": 3}},
        {
            "id": "fleet",
            "label": "Fleet",
            "scope": "Fishing.",
            "terms": {"fishing fleet": 3, "catch": 2},
            **fleet_bars,
        },
    ]
    path = tmp_path / "themes.json"
    path.write_text(json.dumps({"themes": themes}), "utf-8")
    return Taxonomy.load([path])


def test_a_theme_without_bars_of_its_own_keeps_the_global_ones(tmp_path: Path) -> None:
    found = {t.id for t in taxonomy(tmp_path).score(PAGE)}
    assert found >= {"harbour", "fleet"}  # the fleet's hits are above a fifth of the harbour's


def test_a_themes_own_relative_bar_holds_it_to_more_evidence(tmp_path: Path) -> None:
    found = {t.id for t in taxonomy(tmp_path, relative=0.5).score(PAGE)}
    assert "harbour" in found and "fleet" not in found


def test_a_themes_own_threshold_holds_it_to_a_higher_score(tmp_path: Path) -> None:
    found = {t.id for t in taxonomy(tmp_path, threshold=0.99).score(PAGE)}
    assert "harbour" in found and "fleet" not in found


def test_raw_scores_ignore_the_bars(tmp_path: Path) -> None:
    found = {t.id for t in taxonomy(tmp_path, relative=0.9).score(PAGE, threshold=0.0)}
    assert found >= {"harbour", "fleet"}


@pytest.mark.parametrize("value", [1.5, -0.1, "high", True])
def test_a_bar_outside_zero_to_one_is_a_clear_error(tmp_path: Path, value: object) -> None:
    with pytest.raises(InputError, match="relative must be a number from 0 to 1"):
        taxonomy(tmp_path, relative=value)  # type: ignore[arg-type]


def test_the_packaged_bars_are_on_the_calibration_grid() -> None:
    packaged = Taxonomy.load().themes.values()
    own = [t for t in packaged if t.threshold is not None or t.relative is not None]
    assert own  # the calibration's output is shipped
    for theme in own:
        assert theme.threshold in FLOORS and theme.relative in RELATIVES, theme.id
    # and every other theme keeps the global bars
    assert T.THRESHOLD in FLOORS and T.RELATIVE in RELATIVES


def test_the_calibrations_keep_rule_is_the_scorers() -> None:
    """bench/calibrate_themes.py replays the keep rule with other bars: with the packaged
    bars it must keep exactly what the scorer's hand-set rule keeps, on every labelled
    document."""
    from bench.calibrate_themes import LABELS, _row, fit, kept
    from corpus_search.enrich import Enricher, tagged_text
    from corpus_search.enrich.evaluate import load_labelled

    enricher = Enricher.load()
    packaged = {
        t.id: (
            T.THRESHOLD if t.threshold is None else t.threshold,
            T.RELATIVE if t.relative is None else t.relative,
        )
        for t in enricher.taxonomy.themes.values()
    }
    docs = load_labelled(LABELS / "labelled.json")
    rows = [_row(enricher, doc) for doc in docs]
    for doc, (_doc, length, found) in zip(docs, rows, strict=True):
        text = tagged_text(doc.title, doc.subtitle, doc.body)[2]
        scored = enricher.taxonomy.score(text, rule=True)
        assert kept(length, found, packaged) == {t.id for t in scored}, doc.id
    bars = fit(rows, sorted(packaged))  # (a smoke run of the fit itself)
    assert all(pair in {(f, r) for f in FLOORS for r in RELATIVES} for pair in bars.values())
