"""Forms read in stop 44's fifth round: a known person's name that is part of someone
else's (after a patronymic's joining word, before "Jr.", a bare surname after a royal
title), and "Han" as the name of a people, not of China's vice-president. Every sentence
here is written for these tests."""

from __future__ import annotations

import pytest

from corpus_search.enrich import Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def people(gazetteer: Gazetteer, text: str) -> set[str]:
    return {m.name for m in gazetteer.tag(text) if m.type == "person"}


def test_a_name_after_bin_is_a_patronymic(gazetteer: Gazetteer) -> None:
    text = "Crown Prince Mohammed bin Salman of Saudi Arabia wants a bigger port."
    found = {m.name for m in gazetteer.tag(text)}
    assert {"Mohammed bin Salman", "Saudi Arabia"} <= found
    assert "Salman of Saudi Arabia" not in found


def test_a_name_before_jr_is_the_son(gazetteer: Gazetteer) -> None:
    text = "Robert Kennedy Jr. spoke to farmers in the United States about food."
    assert "Robert Kennedy" not in people(gazetteer, text)


def test_a_bare_surname_after_a_royal_title_is_the_royal(gazetteer: Gazetteer) -> None:
    text = "The late King Hussein ruled Jordan for decades."
    assert "Saddam Hussein" not in people(gazetteer, text)
    assert "Saddam Hussein" in people(gazetteer, "Saddam Hussein invaded Kuwait, and Iraq paid.")


@pytest.mark.parametrize(
    "text",
    [
        "The Han majority in Xinjiang grew as China moved settlers west.",
        "Han Chinese traders crossed into the region from China.",
    ],
)
def test_han_is_a_people_not_the_vice_president(gazetteer: Gazetteer, text: str) -> None:
    assert "Han Zheng" not in people(gazetteer, text)
    assert "Han Zheng" in people(gazetteer, "China sent Vice President Han to the summit.")
