"""Issue 14, eighth round: armed services by their bare names in a text about their
state, names that are a body's or an event's rather than a person's, a known body's
acronym glossing an unknown variant of its name, "a ..." before a capitalised run, and a
file name's extension. Every text here is original."""

from __future__ import annotations

import pytest

from corpus_search.document import ActorMention
from corpus_search.enrich import Enricher, Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Enricher.load().gazetteer


def tagged(gazetteer: Gazetteer, text: str) -> dict[str, ActorMention]:
    return {m.name: m for m in gazetteer.tag(text)}


def test_bare_service_names_are_the_state_s_services_in_a_text_about_it(
    gazetteer: Gazetteer,
) -> None:
    found = tagged(
        gazetteer,
        "Planners in the United States expect the Marine Corps to give up its heavy "
        "armour, and the Department of the Navy to pay for the new landing ships.",
    )
    assert found["US Marine Corps"].known
    assert found["United States Department of the Navy"].known
    assert "Marine Corps" not in found and "Department of the Navy" not in found
    japan = tagged(
        gazetteer, "Japan will let the Self-Defense Forces strike launch sites, Tokyo said."
    )
    assert "Japan Self-Defense Forces" in japan


def test_a_bare_service_name_needs_its_state_in_the_text(gazetteer: Gazetteer) -> None:
    found = tagged(gazetteer, "The Marine Corps drilled on the northern beaches of Korea.")
    assert "US Marine Corps" not in found
    found = tagged(gazetteer, "Without Japan, the Self-Defense Forces of no state are named.")
    assert "Japan Self-Defense Forces" in found  # Japan is named: the context holds


def test_a_command_named_with_a_comma_is_one_known_body(gazetteer: Gazetteer) -> None:
    found = tagged(
        gazetteer,
        "Our guest was the Commander, U.S. Marine Corps Forces, Pacific, who spoke of allies.",
    )
    assert "US Marine Corps Forces, Pacific" in found
    assert not [m for m in found.values() if not m.known]  # no "Marine Corps Forces" left


def test_a_given_name_before_a_body_or_event_word_is_no_person(gazetteer: Gazetteer) -> None:
    found = tagged(
        gazetteer,
        "The review asks much of the Royal Marines. The plan was first aired at the Special "
        "Summit of the African Union, and the Don Kelo dam was its first test.",
    )
    assert found["Royal Marines"].type == "organization" and found["Royal Marines"].known
    persons = [m.name for m in found.values() if m.type == "person"]
    assert persons == []
    # a real person's name is still found the same way
    assert "Carla Mendt" in tagged(gazetteer, "Carla Mendt said the plan would fail.")


def test_a_known_acronym_in_brackets_glosses_an_unknown_variant(gazetteer: Gazetteer) -> None:
    found = tagged(
        gazetteer,
        "The deal leans on the International Atomic Energy Organization (IAEA) and its checks.",
    )
    assert found["IAEA"].known
    assert [m.name for m in found.values() if not m.known] == []
    # an unknown acronym glosses nothing: the unknown body stays
    other = tagged(gazetteer, "Funds went to the Lakeside Water Commission (LWQX) in spring.")
    assert "Lakeside Water Commission" in other and not other["Lakeside Water Commission"].known


def test_a_before_a_capitalised_run_heading_its_phrase_is_a_kind(gazetteer: Gazetteer) -> None:
    found = tagged(gazetteer, "Two scholars addressed a Policy Forum at the institute.")
    assert "Policy Forum" not in found
    # a body's name modifying a noun after "a" is still that body
    found = tagged(gazetteer, "A Lakeside Harbour Guard vessel was rammed on Sunday.")
    assert "Lakeside Harbour Guard" in found


def test_a_file_name_s_extension_is_no_acronym(gazetteer: Gazetteer) -> None:
    assert tagged(gazetteer, "The slide is saved as chart3.PNG in the folder.") == {}
    # a sentence run on without a space still names its actor
    found = tagged(gazetteer, "The vote failed.Vice President Harris was away from Washington.")
    assert "Kamala Harris" in found
