"""The snippet is the sentence with the most distinct matched words, marked."""

from __future__ import annotations

from corpus_search.store.schema import analyzed_form
from corpus_search.store.snippets import MARK_END, MARK_START, best_sentence


def stems(*words: str) -> set[str]:
    return {s for w in words if (s := analyzed_form(w))}


BODY = (
    "Deterrence is old. Talks on nuclear issues stalled in Geneva.\n\n"
    "Nuclear deterrence, in short, needs allies! The U.S. deterred nobody. "
    "Undeterred, predeterrence hawks spoke."
)


def test_the_sentence_with_most_distinct_matches_wins() -> None:
    text, matched = best_sentence(BODY, stems("nuclear", "deterrence"), 300)
    assert (
        text
        == f"{MARK_START}Nuclear{MARK_END} {MARK_START}deterrence{MARK_END}, in short, needs allies!"
    )
    assert matched == ["nuclear", "deterrence"]


def test_only_whole_tokens_match_and_ties_go_to_the_earliest() -> None:
    body = "Tallies grew. The U.S. allies met. Allies met again."
    text, matched = best_sentence(body, stems("ally"), 300)
    assert text == f"The U.S. {MARK_START}allies{MARK_END} met." and matched == ["allies"]
    text, matched = best_sentence(BODY, stems("stall", "geneva"), 300)
    assert text.startswith("Talks on") and matched == ["stalled", "geneva"]


def test_no_match_gives_nothing() -> None:
    assert best_sentence(BODY, stems("sanctions"), 300) == ("", [])
    assert best_sentence("", stems("nuclear"), 300) == ("", [])
    assert best_sentence(BODY, set(), 300) == ("", [])


def test_a_long_sentence_is_cut_around_its_first_match() -> None:
    body = " ".join(["word"] * 200 + ["sanctions"] + ["more"] * 200) + "."
    text, matched = best_sentence(body, stems("sanctions"), 120)
    assert matched == ["sanctions"] and f"{MARK_START}sanctions{MARK_END}" in text
    assert text.startswith("… ") and text.endswith(" …") and len(text) < 140


def test_a_stem_keeps_the_first_letter_of_its_word() -> None:
    # what lets best_sentence stem only the words that start like a wanted stem
    from corpus_search.store.schema import TOKEN

    words = set(TOKEN.findall(BODY.lower())) | {
        "possibilities", "relational", "happily", "organization", "agreed", "dying",
        "generalization", "activities", "sensibility", "ies", "eyed", "yes", "fully",
    }  # fmt: skip
    for word in words:
        stem = analyzed_form(word)
        assert stem is None or stem[:1] == word[:1], (word, stem)
