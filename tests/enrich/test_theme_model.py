"""The themes' keep model (corpus_search/enrich/thememodel.py): the shipped file, which
themes it judges, the floor it keeps, and that the file is what its fit gives. Every text
here is written for these tests; the model's figures on labelled real texts are in
docs/accuracy.md and bench/eval_enrichment.py."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from corpus_search.enrich import Enricher, thememodel
from corpus_search.enrich.thememodel import WordsStage, grams
from corpus_search.enrich.themes import Taxonomy
from tests.enrich.model_check import assert_shipped_is_fitted
from tests.enrich.test_theme_readers import FILLER
from tools.tagger_fit import FITTED_SPLITS

ROOT = Path(__file__).resolve().parents[2]
TAXONOMY = Taxonomy.load()


def themes(text: str, head: str = "") -> set[str]:
    return {t.id for t in TAXONOMY.score(text, head=head)}


def test_the_shipped_model_judges_every_packaged_theme() -> None:
    model, judged = TAXONOMY.model
    assert model is not None
    assert judged == set(TAXONOMY.themes)
    assert 0.0 < model.threshold < 1.0
    assert any(name.startswith("term:") for name in model.weights)


def test_it_was_fitted_on_tuning_splits_only() -> None:
    data = json.loads((ROOT / "corpus_search/enrich/model/theme_model.json").read_text())
    fitted = {int(name.removeprefix("real-fresh")) for name in data["fitted_on"]}
    assert fitted <= set(FITTED_SPLITS)
    # the clean splits it was first measured on stay out of any later refit
    assert not fitted & set(range(58, 62))


def test_a_users_theme_is_judged_by_the_hand_set_rule(tmp_path: Path) -> None:
    user = {
        "themes": [
            {"id": "harbour", "label": "Harbour", "scope": "Ports.", "terms": {"harbour*": 3}},
            # a packaged theme with other terms: the model's weights no longer hold for it
            {"id": "sanctions", "label": "Sanctions", "scope": "x", "terms": {"embargo*": 3}},
        ]
    }
    path = tmp_path / "themes.json"
    path.write_text(json.dumps(user), "utf-8")
    taxonomy = Taxonomy.load([path])
    model, judged = taxonomy.model
    assert model is not None
    assert "harbour" not in judged and "sanctions" not in judged
    assert "trade" in judged
    page = "The harbour board met. Harbour fees rose, and the harbour pilots struck again."
    assert {t.id for t in taxonomy.score(page)} == {t.id for t in taxonomy.score(page, rule=True)}


def test_one_weak_term_alone_does_not_make_a_topic() -> None:
    page = FILLER + " The designation of the office changed; a designation is a name." * 3
    assert "sanctions" not in themes(page)
    assert "sanctions" in themes(page + " The sanctions stayed, and the sanctions bit hard.")


def test_a_page_gets_its_topics() -> None:
    page = (
        "The new export controls on chips widened the trade war. Tariffs on steel rose "
        "again, and exporters say the tariffs and the export controls together cost them "
        "a third of their orders. Trade ministers meet next month to talk about tariffs, "
        "and the sanctions on the two banks stay in place; the sanctions regime is "
        "reviewed each spring, and the banks' lawyers expect the sanctions to be renewed."
    )
    found = themes(page, head="Chips, tariffs and sanctions")
    assert {"trade", "sanctions"} <= found
    assert "space" not in found and "health" not in found


def test_the_enricher_reads_the_head_the_model_uses() -> None:
    enricher = Enricher.load()
    from corpus_search.document import Document

    doc = Document(id="t", title="Tariffs and the trade war", body=FILLER + " Tariffs rose.")
    scored = enricher.enrich(doc)
    text = "Tariffs and the trade war\n" + FILLER + " Tariffs rose."
    head = "Tariffs and the trade war"
    assert [t.id for t in scored.themes] == [t.id for t in TAXONOMY.score(text, head=head)]


def test_without_a_model_file_every_theme_falls_back_to_the_rule(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(thememodel, "shipped", lambda: None)
    taxonomy = Taxonomy.load()
    assert taxonomy.model == (None, frozenset())
    page = FILLER + " The sanctions stayed, and the sanctions bit hard on the banks."
    assert taxonomy.score(page) == taxonomy.score(page, rule=True)


@pytest.mark.slow
def test_the_shipped_model_is_what_its_fit_gives() -> None:
    assert_shipped_is_fitted("tools.train_thememodel")


def test_a_text_longer_than_its_fitted_texts_is_judged_by_the_rule() -> None:
    model, _ = TAXONOMY.model
    assert model is not None and 300 <= model.max_words <= 1000
    page = FILLER * 4 + " The sanctions stayed, the tariffs rose and a virus kept one home."
    assert len(page.split()) > model.max_words
    assert TAXONOMY.score(page) == TAXONOMY.score(page, rule=True)


# A page on the Taiwan question that uses none of the taxonomy's terms for any theme.
STRAIT = (
    "Beijing regards the island as a breakaway province and has never renounced the use of "
    "force to bring it under its control. Taipei says its future must be decided by its own "
    "people. The strait that separates them is among the most watched waters in the world, "
    "and each new patrol is read in both capitals."
)


def test_the_words_stage_finds_a_topic_the_text_has_no_term_for() -> None:
    length, found = TAXONOMY.evidence(STRAIT)
    assert length > 40 and found == {}
    scored = TAXONOMY.score(STRAIT)
    assert [t.id for t in scored] == ["territorial-disputes"]
    # kept without a term, its score is the model's probability
    model, _ = TAXONOMY.model
    assert model is not None and model.words is not None
    odds = model.words.log_odds(STRAIT)["territorial-disputes"]
    named = thememodel.unfound_features("territorial-disputes", odds)
    assert scored[0].score == round(model.probability(named), 3) >= model.threshold
    # the hand-set rule needs terms
    assert TAXONOMY.score(STRAIT, rule=True) == []


def test_the_words_stage_speaks_for_every_packaged_theme() -> None:
    model, _ = TAXONOMY.model
    assert model is not None and model.words is not None
    assert set(model.words.bias) == set(TAXONOMY.themes)
    assert len(model.words.idf) >= 1000


def test_a_theme_a_user_redefines_is_not_judged_by_the_words_stage(tmp_path: Path) -> None:
    user = {"themes": [{"id": "territorial-disputes", "label": "x", "terms": {"enclave*": 3}}]}
    path = tmp_path / "themes.json"
    path.write_text(json.dumps(user), "utf-8")
    assert Taxonomy.load([path]).score(STRAIT) == []


def test_the_words_stage_reads_rare_words_in_a_vector_of_length_one() -> None:
    stage = WordsStage(
        idf={"harbour": 2.0, "navy": 1.0, "naval harbour": 3.0},
        bias={"sea": -1.0, "land": 0.5},
        weights={"sea": {"harbour": 3.0, "naval harbour": 1.0}, "land": {"navy": -1.0}},
    )
    odds = stage.log_odds("Harbour, navy and a word the stage does not know.")
    assert odds["sea"] == pytest.approx(-1.0 + 3.0 * 2.0 / math.sqrt(5))
    assert odds["land"] == pytest.approx(0.5 - 1.0 / math.sqrt(5))
    # a gram said twice counts 1 + ln 2 times; a text with none of its grams gives the bias
    twice = stage.log_odds("harbour harbour navy")
    value = (1 + math.log(2)) * 2.0
    assert twice["sea"] == pytest.approx(-1.0 + 3.0 * value / math.sqrt(value**2 + 1))
    assert stage.log_odds("nothing known here") == {"sea": -1.0, "land": 0.5}
    # a word pair is read, unless a function word is in it
    assert "naval harbour" in grams("The naval harbour")
    assert grams("the harbour of Rome") == ["the", "harbour", "of", "rome"]
