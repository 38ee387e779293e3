"""The themes' keep model (corpus_search/enrich/thememodel.py): the shipped file, which
themes it judges, the floor it keeps, and that the file is what its fit gives. Every text
here is written for these tests; the model's figures on labelled real texts are in
docs/accuracy.md and bench/eval_enrichment.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus_search.enrich import Enricher, thememodel
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


def test_one_weak_term_alone_is_never_a_topic_for_the_model_either() -> None:
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
