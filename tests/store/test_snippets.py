"""The snippet is the sentence with the most distinct matched words, marked."""

from __future__ import annotations

from corpus_search.store.whoosh.schema import analyzed_form
from corpus_search.store.whoosh.snippets import MARK_END, MARK_START, best_sentence


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
    from corpus_search.store.whoosh.schema import TOKEN

    words = set(TOKEN.findall(BODY.lower())) | {
        "possibilities", "relational", "happily", "organization", "agreed", "dying",
        "generalization", "activities", "sensibility", "ies", "eyed", "yes", "fully",
    }  # fmt: skip
    for word in words:
        stem = analyzed_form(word)
        assert stem is None or stem[:1] == word[:1], (word, stem)


def _reference(body: str, wanted: set[str], max_chars: int) -> tuple[str, list[str]]:
    """The snippet as first written (lookbehinds in both expressions), to check that the
    faster expressions find the very same matches and sentences."""
    import bisect
    import itertools
    import re

    from corpus_search.store.whoosh import snippets

    if not wanted or not body:
        return "", []
    letters = "".join(sorted({re.escape(stem[:1]) for stem in wanted}))
    candidates = re.findall(rf"(?<![\w*])[{letters}][\w*]*(?:\.?[\w*]+)*", body.lower())
    surface = {w for w in set(candidates) if analyzed_form(w) in wanted}
    if not surface:
        return "", []
    words = "|".join(re.escape(w) for w in sorted(surface, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w*])(?<![\w*]\.)(?:{words})(?![\w*]|\.[\w*])", re.I)
    matches = list(itertools.islice(pattern.finditer(body), snippets.MAX_MATCHES))
    if not matches:
        return "", []
    boundary = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?![a-z])|\n\s*\n")
    ends = [m.end() for m in boundary.finditer(body, 0, matches[-1].end() + 2000)]
    sentences: dict[int, list[re.Match[str]]] = {}
    for match in matches:
        sentences.setdefault(bisect.bisect_right(ends, match.start()), []).append(match)

    def score(item: tuple[int, list[re.Match[str]]]) -> tuple[int, int, int]:
        number, found = item
        return (len({analyzed_form(m.group()) for m in found}), len(found), -number)

    number, found = max(sentences.items(), key=score)
    start = ends[number - 1] if number else 0
    end = ends[number] if number < len(ends) else len(body)
    return snippets._marked(body, start, end, found, max_chars)


def test_the_snippet_finds_what_the_first_version_found() -> None:
    import random
    from pathlib import Path

    import corpus_search

    demo = Path(corpus_search.__file__).parent / "demo" / "articles"
    bodies = [p.read_text("utf-8") for p in sorted(demo.rglob("*.md"))]
    assert len(bodies) >= 40
    rng = random.Random(11)
    pieces = [
        "U.S.",
        "u.s",
        "x.sanctions",
        "sanctions.",
        "*sanction*",
        '"Sanctions."',
        "e.g.",
        "Sanctions!",
        "...",
        "(sanctioned)",
        "\n\n",
        "NATO's",
        "re-sanction",
        "Ünïcode",
    ]
    for _ in range(60):  # tricky tokens and sentence ends
        bodies.append(" ".join(rng.choice([*pieces, "the", "word", "and."]) for _ in range(80)))
    checked = 0
    for body in bodies:
        words = [w for w in body.split() if analyzed_form(w.strip(".,;:!?\"'()"))]
        for _ in range(4):
            chosen = rng.sample(words, min(len(words), rng.randint(1, 3)))
            wanted = {s for w in chosen if (s := analyzed_form(w.strip(".,;:!?\"'()")))}
            wanted.add(rng.choice(["sanction", "zzz", "nuclear"]))
            assert best_sentence(body, wanted, 260) == _reference(body, wanted, 260), wanted
            checked += 1
    assert checked >= 400
