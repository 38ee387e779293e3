"""Forms read in stop 44's fourth round: a known three-word name without its middle name
or second surname, a state's adjective where the known body has the state's name, a
hyphen written as a space, a lower-case "el" inside a known name, a known person named
again by the last words of the name, and a title that is no name. Every sentence here is
written for these tests."""

from __future__ import annotations

import pytest

from corpus_search.enrich import Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def tagged(gazetteer: Gazetteer, text: str) -> dict[str, tuple[bool, int]]:
    return {m.name: (m.known, m.count) for m in gazetteer.tag(text)}


def test_a_three_word_name_without_its_middle_name(gazetteer: Gazetteer) -> None:
    text = "Pakistan's defence minister, Khawaja Asif, said the talks had failed."
    found = tagged(gazetteer, text)
    assert found.get("Khawaja Muhammad Asif", (False, 0))[0] is True
    assert "Khawaja Asif" not in found


def test_a_states_adjective_and_a_hyphen_as_a_space(gazetteer: Gazetteer) -> None:
    text = "Manila may let the Japanese Self Defense Force train on its islands."
    found = tagged(gazetteer, text)
    assert found.get("Japan Self-Defense Forces", (False, 0))[0] is True


def test_a_lower_case_el_and_the_name_again(gazetteer: Gazetteer) -> None:
    text = (
        "Protests forced out Zine el Abidine Ben Ali in January 2011. Ben Ali had ruled "
        "Tunisia since 1987."
    )
    found = tagged(gazetteer, text)
    assert found.get("Zine El Abidine Ben Ali") == (True, 2)
    assert "Ben Ali" not in found


def test_a_title_before_a_post_is_no_name(gazetteer: Gazetteer) -> None:
    text = "The crown prince, the Deputy Prime Minister, Minister of Defence, spoke in Riyadh."
    people = {m.name for m in gazetteer.tag(text) if m.type == "person"}
    assert "Deputy Prime Minister" not in people
