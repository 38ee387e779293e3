from hypothesis import given
from hypothesis import strategies as st

from corpus_search.extract.clean import (
    drop_repeats,
    norm_key,
    parse_copyright,
    sanitize,
    split_authors,
    split_notice,
)


def test_sanitize_removes_escapes_and_bidi() -> None:
    hostile = "Title\x1b[31mRED\x1b[0m \x1b]8;;http://x\x07link\x1b]8;;\x07 \u202eevil\u202c"
    clean = sanitize(hostile)
    assert "\x1b" not in clean and "\u202e" not in clean and "\x07" not in clean
    assert "RED" in clean and "link" in clean


@given(st.text())
def test_sanitize_never_leaves_control_characters(text: str) -> None:
    out = sanitize(text)
    assert not any(ord(c) < 32 and c not in "\n\t" for c in out)
    assert "\x1b" not in out


def test_drop_repeats_keeps_the_longer_passage() -> None:
    paras = [
        "The alliance is only as strong as its weakest supply line",
        "Analysts agree that the alliance is only as strong as its weakest supply line, and say so.",
        "Another paragraph entirely.",
        "Another paragraph entirely.",
    ]
    assert drop_repeats(paras) == [paras[1], paras[2]]


def test_parse_copyright_variants() -> None:
    assert parse_copyright("© RUSI, 2025.") == ("RUSI", 2025)
    assert parse_copyright("Copyright 2019 Carnegie Endowment for International Peace") == (
        "Carnegie Endowment for International Peace",
        2019,
    )
    assert parse_copyright("© 2024 Meridian Institute. All rights reserved.") == (
        "Meridian Institute",
        2024,
    )
    assert parse_copyright("The views expressed are the author's") is None


def test_split_authors() -> None:
    assert [a.name for a in split_authors("By Jane Doe and John Roe")] == ["Jane Doe", "John Roe"]
    one = split_authors("Jane Doe | Senior Fellow, Europe Programme")
    assert [(a.name, a.role) for a in one] == [("Jane Doe", "Senior Fellow, Europe Programme")]
    assert [a.name for a in split_authors("A. B. Cole, Dana Fry and Eli Gomez")] == [
        "A. B. Cole",
        "Dana Fry",
        "Eli Gomez",
    ]
    assert split_authors("Read our latest report on 2024 trends!") == []


def _plain_drop_repeats(
    paragraphs: list[str], min_words: int = 4, *, exact: bool = True, max_words: int = 10_000
) -> list[str]:
    """``drop_repeats`` as first written: each key compared with every other."""
    keys = [norm_key(p) for p in paragraphs]
    kept: list[str] = []
    seen: set[str] = set()
    for i, (para, key) in enumerate(zip(paragraphs, keys, strict=True)):
        if not key or (exact and key in seen):
            continue
        if min_words <= len(key.split()) <= max_words and any(
            j != i and len(other) > len(key) and key in other for j, other in enumerate(keys)
        ):
            continue
        seen.add(key)
        kept.append(para)
    return kept


@given(
    st.lists(
        st.lists(st.sampled_from(["a", "b", "A", "c.", "—", "", "dd", "\u00e9"]), max_size=9).map(
            " ".join
        ),
        max_size=12,
    ),
    st.integers(0, 5),
    st.booleans(),
    st.integers(0, 9),
)
def test_drop_repeats_is_its_pairwise_definition(
    paragraphs: list[str], min_words: int, exact: bool, max_words: int
) -> None:
    expected = _plain_drop_repeats(paragraphs, min_words, exact=exact, max_words=max_words)
    assert drop_repeats(paragraphs, min_words, exact=exact, max_words=max_words) == expected


def test_split_notice_cuts_only_the_notice() -> None:
    prose = "The harbour workshop waits for parts that travel halfway round the world. " * 5
    notice = "© 2021 Harbour Studies Group. All rights reserved."
    assert split_notice(notice) == (notice, None)  # a short line is all notice
    assert split_notice(f"{notice} {prose}") == (notice, prose.strip())
    # A notice's word opening prose whose sentence does not end soon: prose, kept whole.
    long_sentence = "Subscribe " + "and wait for the parts " * 30
    assert split_notice(long_sentence) == ("", long_sentence.strip())
    # All notice to the end: nothing of the article.
    notices = " ".join(["Share this page with a colleague."] * 3 + ["Terms of use apply."] * 12)
    assert split_notice(notices) == (notices, None)
