"""Actor document counts and co-mentions, on both stores (a whoosh folder, a PostgreSQL database)."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from corpus_search import Corpus
from corpus_search.errors import CorpusSearchError
from tests.conftest import make_doc

# Ten documents: Russia in 4; Ukraine in 3, always with Russia; the United States in 8,
# 3 of them with Russia; a user-supplied actor the packaged gazetteer does not know.
MENTIONS = [
    ("Russia", "Ukraine", "United States"),
    ("Russia", "Ukraine", "United States"),
    ("Russia", "Ukraine"),
    ("Russia", "United States", "Harbour Board"),
    ("United States",),
    ("United States",),
    ("United States",),
    ("United States",),
    ("United States",),
    ("China",),
]
TYPES = {"Harbour Board": ("organization", "VLD")}


@pytest.fixture()
def corpus(new_corpus: Callable[[str], Corpus]) -> Corpus:
    corpus = new_corpus("ix")
    docs = []
    for number, names in enumerate(MENTIONS):
        actors = [
            {
                "name": name,
                "type": TYPES.get(name, ("country", None))[0],
                "code": TYPES.get(name, ("country", None))[1],
                "count": 1,
                "key": number % 2 == 0,
            }
            for name in names
        ]
        docs.append(make_doc(f"d{number}", f"Document {number}.", actors=actors))
    corpus.add(docs)
    return corpus


def test_document_counts(corpus: Corpus) -> None:
    rows = {r.name: r for r in corpus.actors()}
    assert rows["United States"].documents == 8 and rows["Russia"].documents == 4
    assert rows["Russia"].key_documents == 2  # documents 0 and 2
    assert [r.name for r in corpus.actors()][:2] == ["United States", "Russia"]
    assert rows["Russia"].type == "country" and rows["Russia"].code == "RUS"
    assert rows["Harbour Board"].type == "organization" and rows["Harbour Board"].code == "VLD"
    assert {r.name for r in corpus.actors(type="organization")} == {"Harbour Board"}
    assert len(corpus.actors(limit=2)) == 2


def test_co_mentions_rank_by_lift_not_frequency(corpus: Corpus) -> None:
    base, rows = corpus.co_mentioned("Russia")
    assert base.name == "Russia" and base.documents == 4
    by_name = {r.name: r for r in rows}
    # Ukraine: 3 together * 10 docs / (4 * 3) = 2.5; United States: 3 * 10 / (4 * 8).
    assert by_name["Ukraine"].lift == pytest.approx(2.5)
    assert by_name["United States"].lift == pytest.approx(30 / 32)
    assert by_name["Ukraine"].pmi == pytest.approx(math.log2(2.5))
    assert by_name["United States"].together == 3 and by_name["United States"].documents == 8
    assert [r.name for r in rows] == ["Ukraine", "United States"]
    assert "China" not in by_name and "Russia" not in by_name
    # One shared document is below the default floor of two.
    assert "Harbour Board" not in by_name
    assert "Harbour Board" in {r.name for r in corpus.co_mentioned("Russia", min_together=1)[1]}


def test_co_mentions_resolve_aliases_and_filter_types(corpus: Corpus) -> None:
    base, rows = corpus.co_mentioned("kremlin", min_together=1, type="organization")
    assert base.name == "Russia" and [r.name for r in rows] == ["Harbour Board"]


def test_unknown_actor_is_a_clear_error(corpus: Corpus) -> None:
    with pytest.raises(CorpusSearchError, match="no document mentions"):
        corpus.co_mentioned("Atlantis")
