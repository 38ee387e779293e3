"""The check on organisations named but not in the gazetteer
(corpus_search/enrich/namemodel.py): the shipped file, what it may remove, where it
applies, and that the file is what its fit gives. Every text here is written for these
tests; the check's figures on labelled real texts are in docs/accuracy.md."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus_search.document import ActorMention, Document
from corpus_search.enrich import Enricher, unknown_organisations
from tests.enrich.model_check import assert_shipped_is_fitted
from tools.tagger_fit import FITTED_SPLITS

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "corpus_search/enrich/model/name_model.json"

# A short note that names, by their shapes only, bodies the gazetteer does not hold.
NOTE = (
    "Harbour Rights in the South\n"
    "The Coastal Fisheries Commission ruled on Monday that the Northfield Harbour Party "
    "must return the licences it sold. Mara Lind, a professor at the Westbrook "
    "University of Maritime Studies, said the ruling would stand. The Young Strategists "
    "Forum discussed it later over coffee. The Coastal Fisheries Commission will publish "
    "its reasons next week, and the Northfield Harbour Party has promised an appeal."
)


@pytest.fixture(scope="module")
def enricher() -> Enricher:
    return Enricher.load()


def test_the_shipped_check_loads_and_says_what_it_was_fitted_on(enricher: Enricher) -> None:
    model = enricher.name_model
    assert model is not None
    assert model.threshold == 0.5 and 300 <= model.max_words <= 1000
    data = json.loads(MODEL.read_text("utf-8"))
    fitted = {int(name.removeprefix("real-fresh")) for name in data["fitted_on"]}
    assert fitted <= set(FITTED_SPLITS) and not fitted & set(range(58, 66))


def test_it_only_ever_removes_unknown_organisations(enricher: Enricher) -> None:
    doc = Document(id="t", title=None, body=NOTE)
    checked = enricher.enrich(doc).actors
    model, enricher.name_model = enricher.name_model, None
    try:
        unchecked = enricher.enrich(doc).actors
    finally:
        enricher.name_model = model
    assert unknown_organisations(unchecked)  # the note's bodies are found by their shapes
    kept = {m.name for m in checked}
    for mention in unchecked:
        if mention not in unknown_organisations(unchecked):
            assert mention.name in kept, mention
    assert kept <= {m.name for m in unchecked}


def test_an_affiliation_and_a_forum_in_passing_are_less_likely_than_acting_bodies(
    enricher: Enricher,
) -> None:
    model = enricher.name_model
    assert model is not None

    def probability(name: str) -> float:
        mention = ActorMention(name, "organization", first=NOTE.index(name), known=False)
        return model.probability(_features(mention))

    acting = min(
        probability(n) for n in ("Coastal Fisheries Commission", "Northfield Harbour Party")
    )
    passing = max(
        probability(n)
        for n in ("Westbrook University of Maritime Studies", "Young Strategists Forum")
    )
    assert passing < acting


def _features(mention: ActorMention) -> dict[str, float]:
    from corpus_search.enrich.namemodel import features

    return features(mention, NOTE)


def test_a_text_longer_than_its_fitted_texts_is_not_checked(enricher: Enricher) -> None:
    model = enricher.name_model
    assert model is not None
    filler = " The committee met in the old hall and talked for hours." * 60
    doc = Document(id="t", title=None, body=NOTE + filler)
    assert len(doc.body.split()) > model.max_words
    checked = enricher.enrich(doc).actors
    enricher.name_model = None
    try:
        unchecked = enricher.enrich(doc).actors
    finally:
        enricher.name_model = model
    assert checked == unchecked


@pytest.mark.slow
def test_the_shipped_check_is_what_its_fit_gives() -> None:
    assert_shipped_is_fitted("tools.train_namemodel")
