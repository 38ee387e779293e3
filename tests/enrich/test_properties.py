"""Property tests: the tagger and the theme scorer take any text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_search.document import Document
from corpus_search.enrich import Enricher

ENRICHER = Enricher.load()
WORDS = st.sampled_from(
    [
        "Russia",
        "the",
        "Kremlin",
        "in",
        "Vienna",
        "Chad",
        "Bown",
        ",",
        "Georgia",
        "US",
        "us",
        "President",
        "Xi",
        "Bush",
        "Soviet",
        "Moscow",
        "'s",
        ".",
        "\n\n",
        "Macon",
        "Jordan",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=60).map(" ".join)))
def test_any_text_tags_cleanly(text: str) -> None:
    doc = ENRICHER.enrich(Document(id="x", body=text))
    for mention in doc.actors:
        assert mention.count >= 1 and 0 <= mention.first < max(len(text), 1) + 1
    assert len({m.name for m in doc.actors}) == len(doc.actors)
    assert all(0 < t.score <= 1 for t in doc.themes)
    assert doc.mentioned_years == sorted(set(doc.mentioned_years))
