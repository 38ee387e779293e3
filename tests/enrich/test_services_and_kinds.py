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


def test_a_body_credited_in_brackets_at_a_line_s_end_is_no_actor(gazetteer: Gazetteer) -> None:
    text = "Qatar holds a tenth of the world's gas. [Al Jazeera]\nQatar sells most of it."
    assert "Al Jazeera" not in tagged(gazetteer, text)
    # inside a sentence, brackets insert a name the writer means
    said = tagged(gazetteer, "She said [NATO] would not move its forces, and it did not.")
    assert "NATO" in said


def test_a_name_cut_off_where_the_text_stops_is_dropped(gazetteer: Gazetteer) -> None:
    text = "Checks go to the Department of Rural Broadband, while the Department of St"
    found = tagged(gazetteer, text)
    assert "Department of Rural Broadband" in found
    assert [name for name in found if name.startswith("Department of St")] == []
    ended = tagged(gazetteer, "Checks go to the Department of Rural Broadband.")
    assert "Department of Rural Broadband" in ended


def test_a_transcript_speaker_is_no_actor_but_the_people_discussed_are(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "Event transcript\n"
        "Gail Marsh: Thank you. Our topic is the plan Senator Maribel Ostrander tabled.\n"
        "Tom Lee: It will pass."
    )
    found = tagged(gazetteer, text)
    assert "Maribel Ostrander" in found
    assert "Gail Marsh" not in found and "Tom Lee" not in found


def test_an_honorific_after_a_role_is_not_part_of_the_name(gazetteer: Gazetteer) -> None:
    found = tagged(
        gazetteer, "The centre's CEO Dr Dorota Wexley, Director of Research, opened the talks."
    )
    assert "Dorota Wexley" in found
    assert not [name for name in found if name.startswith("Dr")]


def test_an_office_towards_a_place_then_a_comma_introduces_its_holder(
    gazetteer: Gazetteer,
) -> None:
    found = tagged(
        gazetteer,
        "The minister met the High Commissioner to Bangladesh, Corin Valmont and thanked "
        "him. The special envoy to Libya, Ghassan Orlev resigned in March.",
    )
    assert not found["Corin Valmont"].known and found["Corin Valmont"].type == "person"
    assert "Ghassan Orlev" in found
    # a list of places after the comma is no one's name
    places = tagged(gazetteer, "She was envoy to Japan, South Asia and Oceania.")
    assert [m.name for m in places.values() if m.type == "person"] == []


def test_an_age_before_a_name_introduces_a_person(gazetteer: Gazetteer) -> None:
    found = tagged(gazetteer, "The driver struck 19-year-old Tamsin Orlev near the bridge.")
    assert found["Tamsin Orlev"].type == "person"


def test_a_context_form_opening_a_line_is_not_bound_to_a_heading(gazetteer: Gazetteer) -> None:
    text = "Main Points\n\nCongress should fund the shipyards of the United States this year."
    assert "US Congress" in tagged(gazetteer, text)
    # on one line, a capitalised word before it still makes it another body's name
    assert "US Congress" not in tagged(gazetteer, "The Party Congress met; the United States")


def test_a_body_s_paper_is_a_document_not_a_body(gazetteer: Gazetteer) -> None:
    found = tagged(gazetteer, "The Ministry of Coastal Fisheries Command Paper was published.")
    assert not [name for name in found if name.endswith("Paper")]


def test_a_hyphened_particle_goes_on_with_the_name(gazetteer: Gazetteer) -> None:
    found = tagged(gazetteer, "Fighters of the militant group Ansar al-Qadim seized two towns.")
    assert "Ansar al-Qadim" in found and "Ansar" not in found
