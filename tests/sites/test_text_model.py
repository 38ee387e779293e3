"""The text judgement's learned model (``sites.textmodel``): its features, its file, its
place in ``inspect_text``, and (when the evaluation cache is there) that the shipped file
is what ``tools/train_textmodel.py`` fits, and what it does on the held-out pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus_search.sites import pages, textmodel
from corpus_search.sites.textmodel import DIM, READ_CHARS, TextModel, features, shipped
from tests.conftest import ROOT

MODEL = ROOT / "corpus_search" / "sites" / "model" / textmodel.MODEL_FILE
CACHE = Path("/work/evalcache")

PROGRAMME = (
    "Coastal Futures Programme\n\n"
    "The Harbourline Centre's Coastal Futures Programme brings together researchers, "
    "port authorities and fishing communities to explore the future of the shoreline. "
    "Our work covers three areas: resilience, livelihoods and governance.\n\n"
    "The programme hosts an annual workshop, publishes policy briefs and offers two "
    "fellowships each year. Applications for the 2027 cohort open in March.\n\n"
    "Contact the programme team to learn more about our projects and partners."
)
COMMENTARY = (
    "Why the Northern Ports deal will not hold\n\n"
    "When the two governments signed the ports agreement last spring, both promised that "
    "it would end a decade of quarrels over fishing rights. It has not. Within weeks the "
    "coast guards were shadowing each other again, and last month a trawler was seized.\n\n"
    "The deal failed for a simple reason: it left the hardest question, who polices the "
    "shared waters, to a committee that has never met. Ministers in both capitals said "
    "they wanted calm, but neither was willing to give the other's patrols a role.\n\n"
    "A better agreement would have started there."
)


def test_features_are_hashed_sorted_and_read_only_the_opening() -> None:
    first = features(COMMENTARY)
    assert first == sorted(set(first))
    assert all(0 <= i < DIM for i in first)
    assert features(COMMENTARY) == first  # no salt: the same text, the same features
    padded = COMMENTARY + "x" * READ_CHARS
    assert features(padded + "\nAn unread closing line.") == features(padded)
    # Words, word pairs and line shapes all count: another word changes the features.
    assert features(COMMENTARY.replace("trawler", "ferry")) != first


def test_a_model_hashed_for_another_size_is_refused() -> None:
    with pytest.raises(ValueError, match="another size"):
        TextModel.from_json({"dim": 1024, "bias": 0, "threshold": 0.5, "weights": {}})


def test_the_model_decides_only_what_the_rules_keep(monkeypatch: pytest.MonkeyPatch) -> None:
    # A model that finds "trawler" damning rejects the commentary the rules keep, with its
    # score in the reason; without that word the page passes; a page the rules already
    # reject keeps the rules' reason.
    url = "https://t.example/2026/05/ports"
    marked = {i: 9.0 for i in features("trawler") if i in features(COMMENTARY)}
    assert marked
    model = TextModel(bias=-5.0, weights=marked, threshold=0.9)
    monkeypatch.setattr(textmodel, "shipped", lambda: model)
    assert pages.text_rules(COMMENTARY, url).is_article
    info = pages.inspect_text(COMMENTARY, url)
    assert not info.is_article
    assert info.reason.startswith("reads like a page about other pages (text model, ")
    plain = COMMENTARY.replace("a trawler was seized", "a boat was seized")
    assert pages.inspect_text(plain, url).is_article
    assert not pages.text_rules(PROGRAMME, "").is_article
    assert pages.inspect_text(PROGRAMME, "").reason == pages.text_rules(PROGRAMME, "").reason
    # Without a model the rules alone decide.
    monkeypatch.setattr(textmodel, "shipped", lambda: None)
    assert pages.inspect_text(COMMENTARY, url).is_article


def test_the_shipped_model_is_well_formed() -> None:
    data = json.loads(MODEL.read_text("utf-8"))
    assert data["dim"] == DIM
    assert 0.0 < data["threshold"] < 1.0
    assert 1_000 <= len(data["weights"]) <= 60_000
    assert all(0 <= int(k) < DIM for k in data["weights"])
    assert "no text" in data["about"]
    assert set(data["fitted_on"]) >= {"non-articles (not an article)", "commentary (article)"}
    model = shipped()
    assert model is not None and model.threshold == data["threshold"]


def test_the_shipped_model_reads_an_invented_programme_page_and_commentary() -> None:
    model = shipped()
    assert model is not None
    assert model.score(PROGRAMME) > model.score(COMMENTARY)
    assert model.score(COMMENTARY) < model.threshold


@pytest.mark.slow
def test_the_shipped_model_is_what_the_training_fits() -> None:
    pytest.importorskip("sklearn")
    if not (CACHE / "nonarticles").is_dir():
        pytest.skip(f"the labelled page texts are not at {CACHE} (kept off the repository)")
    from tools.train_textmodel import examples, train

    rows = examples()
    written, _ = train(rows)
    shipped_data = json.loads(MODEL.read_text("utf-8"))
    if written["fitted_on"] != shipped_data["fitted_on"]:
        pytest.skip(f"the cache here holds other pages than the fit's: {written['fitted_on']}")
    # Another scikit-learn or BLAS may round the last digits differently: the weights
    # must agree closely, and a weight only one side keeps must sit at the pruning edge.
    assert abs(written["threshold"] - shipped_data["threshold"]) < 0.01
    ours, theirs = written["weights"], shipped_data["weights"]
    assert isinstance(ours, dict)
    for key in ours.keys() | theirs.keys():
        if key in ours and key in theirs:
            assert abs(ours[key] - theirs[key]) < 0.002, key
        else:
            assert abs(ours.get(key, theirs.get(key))) < 0.021, key
