"""Forms read in stop 46's third round: a state named as a currency, an ethnic group or
in a postal address; "Al" read as Arabic's article, not a given name; a known two-word
name that goes on with a surname in running prose. Every sentence here is written for
these tests."""

from __future__ import annotations

import pytest

from corpus_search.enrich import Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def tags(gazetteer: Gazetteer, text: str) -> set[str]:
    return {m.name for m in gazetteer.tag(text)}


@pytest.mark.parametrize(
    "text, state",
    [
        ("The federation fined the team 50,000 Swiss francs for the banner.", "Switzerland"),
        ("The fund lost two billion Hong Kong dollars in a week.", "Hong Kong"),
        ("The region is home to ethnic Indians, Malays and Chinese.", "India"),
        ("In the town council, ethnic Serb members walked out.", "Serbia"),
        ("Write to the institute at 12 Harbour Road, Singapore 259770.", "Singapore"),
    ],
)
def test_a_state_that_is_a_price_a_people_or_an_address_is_not_tagged(
    gazetteer: Gazetteer, text: str, state: str
) -> None:
    assert state not in tags(gazetteer, text)


@pytest.mark.parametrize(
    "text, state",
    [
        ("The Swiss franc rose after the central bank of Switzerland acted.", "Switzerland"),
        ("Singapore 2020 was the year the city-state shut its borders.", "Singapore"),
        ("Serbia sent envoys to the talks.", "Serbia"),
    ],
)
def test_the_state_itself_is_still_tagged(gazetteer: Gazetteer, text: str, state: str) -> None:
    assert state in tags(gazetteer, text)


@pytest.mark.parametrize(
    "text",
    [
        "In 2003 the hosts offered a new air base, Al Udeid, to the Americans.",
        "A member of the Al Said dynasty may succeed him as ruler.",
    ],
)
def test_al_before_an_arabic_word_is_no_given_name(gazetteer: Gazetteer, text: str) -> None:
    assert not any(name.startswith("Al ") for name in tags(gazetteer, text))


def test_a_known_name_that_goes_on_is_someone_else(gazetteer: Gazetteer) -> None:
    text = (
        "In an interview with the review, David Scott Mathieson, an analyst based in the "
        "capital, said the camps were full and the border was closed."
    )
    assert "David Scott" not in tags(gazetteer, text)


@pytest.mark.parametrize(
    "text",
    [
        "In an interview with the review, David Scott said the camps were full and the "
        "border was closed.",
        "David Scott Visits Yangon",
        "After the meeting with the envoys in the capital, David Scott Tuesday said the "
        "border would stay closed.",
    ],
)
def test_a_known_name_alone_or_in_a_headline_is_the_person(
    gazetteer: Gazetteer, text: str
) -> None:
    assert "David Scott" in tags(gazetteer, text)
