"""Generic bodies, sponsors, names inside longer names and surnames shared with another
person: the seventh round's rules. Every text here is original."""

from __future__ import annotations

import pytest

from corpus_search.document import ActorMention
from corpus_search.enrich import Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def tagged(
    gazetteer: Gazetteer, text: str, publisher: str | None = None
) -> dict[str, ActorMention]:
    return {m.name: m for m in gazetteer.tag(text, publisher=publisher)}


# -- unknown organisations that name no one ---------------------------------------------


@pytest.mark.parametrize(
    "text, generic",
    [
        ("The Task Force met twice and its Task Forces reported in May.", "Task Force"),
        ("The Advisory Board of the fund approved the grant.", "Advisory Board"),
        ("A Steering Committee was set up to watch the port.", "Steering Committee"),
    ],
)
def test_a_kind_of_body_with_no_name_is_no_organisation(
    gazetteer: Gazetteer, text: str, generic: str
) -> None:
    found = tagged(gazetteer, text)
    assert not [name for name in found if generic in name], found


def test_a_named_task_force_still_counts(gazetteer: Gazetteer) -> None:
    found = tagged(gazetteer, "The Harbour Reform Task Force met twice in May.")
    assert "Harbour Reform Task Force" in found


def test_a_state_and_forces_alone_name_no_body(gazetteer: Gazetteer) -> None:
    found = tagged(gazetteer, "The plan moved partial US Forces in Korea to the islands.")
    assert "US Forces" not in found
    assert "United States" in found


def test_a_date_after_a_name_is_not_part_of_it(gazetteer: Gazetteer) -> None:
    found = tagged(
        gazetteer, "In a talk at Northfield Polytechnic University on April 11, he spoke."
    )
    assert "Northfield Polytechnic University" in found
    assert not [name for name in found if "April" in name]


# -- sponsors and the publisher's own names ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The study was funded by the Westland Trade Office and the Harbour Development Agency.",
        "Funding for this research was provided by the Northland Advisory Council Fund Board.",
        "This report was made possible by the generous support of the Eastern Trade Office.",
    ],
)
def test_sponsors_in_an_acknowledgement_are_not_actors(gazetteer: Gazetteer, text: str) -> None:
    found = tagged(gazetteer, text)
    assert not [m for m in found.values() if m.type == "organization" and not m.known], found


def test_support_that_is_not_funding_leaves_the_body(gazetteer: Gazetteer) -> None:
    found = tagged(
        gazetteer, "With the enthusiastic support of the Harbour Workers Party, the bill passed."
    )
    assert "Harbour Workers Party" in found


def test_a_publisher_named_with_its_parent_is_not_an_actor_of_its_page(
    gazetteer: Gazetteer,
) -> None:
    text = "The meeting was organized by the Global Policy Institute, Northfield College, in May."
    publisher = "Global Policy Institute, Northfield College"
    assert "Global Policy Institute" in tagged(gazetteer, text)
    assert "Global Policy Institute" not in tagged(gazetteer, text, publisher)


# -- a known name inside a longer name ------------------------------------------------------


def test_a_body_named_after_a_known_person_is_the_body(gazetteer: Gazetteer) -> None:
    found = tagged(
        gazetteer,
        "She spoke before the Anthony Albanese Policy Commission of the U.S. House of "
        "Representatives in May.",
    )
    assert "Anthony Albanese" not in found
    assert "Anthony Albanese Policy Commission" in found
    assert "US House of Representatives" in found


def test_a_known_body_before_a_document_noun_names_the_document(gazetteer: Gazetteer) -> None:
    found = tagged(gazetteer, "China ratified the United Nations Convention on the Law of the Sea.")
    assert "United Nations" not in found
    assert "United Nations" in tagged(gazetteer, "The United Nations sent a mission to the port.")


# -- surnames -----------------------------------------------------------------------------------


def test_a_surname_after_another_known_given_name_is_another_person(
    gazetteer: Gazetteer,
) -> None:
    found = tagged(gazetteer, "Dashboard\n\nBy Michael Albanese and a colleague\n\nAustralia acts.")
    assert "Anthony Albanese" not in found
    found = tagged(gazetteer, "The note was written by Michael Albanese in Canberra.")
    assert "Anthony Albanese" not in found


def test_a_bare_surname_the_text_gives_another_person_is_not_the_leader(
    gazetteer: Gazetteer,
) -> None:
    text = "By Dr. Jiyoon Kim\n\nNorth Korea tested a missile on Tuesday. Kim said little."
    assert "Kim Jong Un" not in tagged(gazetteer, text)
    # The control: with no other Kim named, the sitting leader's surname is the leader.
    text = "North Korea tested a missile on Tuesday. Kim said little."
    assert "Kim Jong Un" in tagged(gazetteer, text)


def test_an_administration_names_the_one_head_of_government_of_that_surname(
    gazetteer: Gazetteer,
) -> None:
    found = tagged(gazetteer, "Beijing pressed Taiwan and the Tsai administration in 2019.")
    assert "Tsai Ing-wen" in found
    # Two presidents share the surname: the later one, as commentary on its own time
    # means (the eleventh round; before it, neither was tagged).
    found = tagged(gazetteer, "The Bush administration went to war in Iraq.")
    assert "George W. Bush" in found and "George H. W. Bush" not in found
    # A first name in the text still decides.
    found = tagged(gazetteer, "George H. W. Bush led the coalition. The Bush administration won.")
    assert "George H. W. Bush" in found and "George W. Bush" not in found


def test_an_honorific_cues_an_unknown_person(gazetteer: Gazetteer) -> None:
    found = tagged(gazetteer, "The path of Dr. Adria Vale to the energy ministry was long.")
    assert "Adria Vale" in found
    assert found["Adria Vale"].type == "person" and found["Adria Vale"].known is False


# -- a known name inside a compound word -------------------------------------------------------


def test_a_company_name_inside_a_hyphenated_word_is_no_mention(gazetteer: Gazetteer) -> None:
    assert "Meta Platforms" not in tagged(gazetteer, "Energy Futures: Meta-Scenarios and Paths")
    assert "Meta Platforms" in tagged(gazetteer, "Meta said on Monday that it would appeal.")


def test_hyphenated_actors_still_count(gazetteer: Gazetteer) -> None:
    found = tagged(
        gazetteer,
        "President Joe Biden spoke. The Biden-Harris administration and the Hamas-run "
        "ministry disagreed.",
    )
    assert "Joe Biden" in found and "Hamas" in found
