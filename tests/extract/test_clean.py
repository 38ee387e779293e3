from hypothesis import given
from hypothesis import strategies as st

from corpus_search.extract.clean import drop_repeats, parse_copyright, sanitize, split_authors


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
