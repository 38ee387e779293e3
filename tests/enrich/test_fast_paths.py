"""The tagger's fast paths give what the plain way gives: tokens, line starts, dates and
the boilerplate screen, each against a direct (slower) reference on generated text."""

from __future__ import annotations

import re
from contextlib import suppress
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_search.enrich import actors, dates, unknown

PIECES = st.sampled_from(
    [
        " ",
        "  ",
        "\n",
        "\t",
        "x",
        "Jane",
        "Roe",
        "’s",
        "‘q’",
        "ʼ",
        ".",
        ",",
        "-",
        "$",
        "£",
        "%",
        " per cent",
        " troops",
        "1999",
        "2024",
        "2100",
        "1850",
        "12",
        "3rd",
        "9",
        "of ",
        "March",
        "Mar.",
        "May",
        "Sept",
        "December",
        "Dec",
        "jan",
        "2020-01-05",
        "-01-",
        "٣",
    ]
)
TEXTS = st.lists(PIECES, max_size=14).map("".join)


def plain_tokens(text: str) -> list[tuple[str, int]]:
    apostrophes = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
    return [
        (m.group(), m.start()) for m in re.finditer(r"\w+|[^\w\s]", text.translate(apostrophes))
    ]


def plain_starts(text: str, tokens: list[tuple[str, int]]) -> list[bool]:
    starts = [k == 0 or tokens[k - 1][0] in actors._SENTENCE_END for k in range(len(tokens))]
    for k, (_word, offset) in enumerate(tokens):
        previous_end = tokens[k - 1][1] + len(tokens[k - 1][0]) if k else 0
        if "\n" in text[previous_end:offset]:
            starts[k] = True
    return starts


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_tokens_and_line_starts(text: str) -> None:
    words, tokens = actors._tokens(text)
    assert tokens == plain_tokens(text)
    assert words == [word for word, _ in tokens]
    assert actors._starts(text, tokens, words) == plain_starts(text, tokens)


_PLAIN_YEAR = re.compile(
    r"(?<![\d,.$£€])\b(1[89]\d\d|20\d\d|2100)\b(?![,.]\d)(?!\s*(?:%|per\s?cent))"
)


def plain_dates(text: str) -> list[str]:
    found: set[date] = set()
    for match in dates._MDY.finditer(text):
        dates._add(found, match.group(3), match.group(1), match.group(2))
    for match in dates._DMY.finditer(text):
        dates._add(found, match.group(3), match.group(2), match.group(1))
    for match in dates._ISO.finditer(text):
        with suppress(ValueError):
            found.add(date(*(int(g) for g in match.groups())))
    return [d.isoformat() for d in sorted(found)]


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_dates_as_a_plain_search_finds_them(text: str) -> None:
    years = {
        int(m.group(1))
        for m in _PLAIN_YEAR.finditer(text)
        if not dates._QUANTITY_AFTER.match(text, m.end())
    }
    assert dates.mentioned_years(text) == sorted(years)
    assert dates.mentioned_dates(text) == plain_dates(text)


def test_a_day_month_year_date_is_found() -> None:
    assert dates.mentioned_dates("On 5 March 2024, and on the 1st of Dec. 1999.") == [
        "1999-12-01",
        "2024-03-05",
    ]


def _branches(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression."""
    out, depth, current, escaped = [], 0, "", False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            out.append(current)
            current = ""
            continue
        current += char
    return [*out, current]


def test_every_boilerplate_branch_has_a_cue() -> None:
    for branch in _branches(unknown._BOILERPLATE.pattern):
        assert any(cue in branch for cue in unknown.BOILERPLATE_CUES) or any(
            cue in branch.lower() for cue in unknown.BOILERPLATE_CUES_ANY_CASE
        ), f"no cue for {branch!r}: add the words it needs to BOILERPLATE_CUES"


LINE_PIECES = st.sampled_from(
    [
        " ",
        "\t",
        ">>>",
        "> >>",
        "ABC DEF ",
        "5 ",
        "min read",
        "This ",
        "THIS ",
        "piece ",
        "is the third essay ",
        "İs the x essay ",
        "ſeries",
        "SERIES",
        " part of a ",
        "committed to quality, independence and impact",
        "COMMITTED TO QUALİTY, independence, and impact",
        "ſole views of its author",
        "sole vİews of the author",
        "FİNANCED THROUGH THE SUPPORT OF",
        "x",
        "ı",
        "K",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(LINE_PIECES, max_size=6).map("".join))
def test_the_boilerplate_screen_passes_every_match(line: str) -> None:
    if unknown._BOILERPLATE.search(line):
        assert unknown._boilerplate_cue(line)


@settings(max_examples=300, deadline=None)
@given(said=st.floats(min_value=-40.0, max_value=40.0, allow_nan=False))
def test_a_theme_without_terms_scores_as_its_features_do(said: float) -> None:
    # every theme the shipped model judges, and one it holds no weight for
    from corpus_search.enrich import thememodel

    model = thememodel.shipped()
    assert model is not None
    for theme in [*model.digests, "no-such-theme"]:
        named = thememodel.unfound_features(theme, said)
        assert model.unfound_probability(theme, said) == model.probability(named)
