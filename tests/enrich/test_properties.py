"""Property tests: the tagger and the theme scorer take any text."""

from __future__ import annotations

from hypothesis import example, given, settings
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


@given(st.one_of(st.text(), st.text(alphabet="phouPHOUdz -\t\u2003\x1c\x1f\x85\u2028\u00e9\u0130")))
@example("Ah\x1cBa")  # (a separator NFKD keeps: the "h" ends a word)
def test_spelling_key_keeps_what_its_definition_keeps(name: str) -> None:
    """The regex pass of ``spelling_key`` keeps exactly the ASCII letters and white space
    a test of each character keeps."""
    import re
    import unicodedata

    from corpus_search.enrich.actors import _FOREIGN_LETTERS, _SILENT_H, _SPELLING, spelling_key

    letters = unicodedata.normalize("NFKD", name.casefold().translate(_FOREIGN_LETTERS))
    key = "".join(c for c in letters if (c.isalpha() and c.isascii()) or c.isspace())
    key = _SILENT_H.sub("", key.replace("ph", "f").replace("ou", "u")).translate(_SPELLING)
    assert spelling_key(name) == re.sub(r"(.)\1+", r"\1", "".join(key.split()))
