"""Actor rules of the sixteenth round: a known surname right before an Arabic name's
joining word is another person's given name; an indefinite article starts no one's name;
"the country's" court or parliament is the state named last before it; a state's air
force and navy named by its possessive or adjective are that state's services. Every text
here is written for these tests."""

from __future__ import annotations

from corpus_search.enrich.evaluate import name_key
from tests.enrich.sentences import actors, enricher

# -- people --------------------------------------------------------------------------------


def test_a_known_surname_before_al_is_another_persons_given_name() -> None:
    found = actors(
        "The movement took the name of its first preacher, Hussein al-Marwani, long before "
        "the war in Iraq changed the politics of the whole region."
    )
    assert "Saddam Hussein" not in found
    assert "Iraq" in found


def test_a_known_surname_alone_still_names_the_leader() -> None:
    found = actors(
        "Iraq under Saddam Hussein was isolated for a decade. Hussein bet that the embargo "
        "would crack before his army did."
    )
    assert found.get("Saddam Hussein") is True


def test_an_indefinite_article_starts_no_ones_name() -> None:
    found = actors(
        "One of the delegates turned out to be a Christian Scientist who asked for a "
        "Christian Science reading room at the summit venue."
    )
    assert not [name for name in found if name.startswith("Christian")]


def test_a_given_name_and_surname_without_an_article_are_still_a_name() -> None:
    found = actors(
        "The report was written by Christian Holmberg, who spent a year in the field "
        "talking to farmers about the drought."
    )
    assert found.get("Christian Holmberg") is False


# -- bodies --------------------------------------------------------------------------------


def test_the_countrys_court_is_the_state_named_last_before_it() -> None:
    found = actors(
        "Russia spent heavily on online campaigns. Russia denied it, as Russia always does. "
        "Then Romania struck back: the country's Constitutional Court annulled the first "
        "round of the presidential election."
    )
    assert found.get("Constitutional Court of Romania") is True
    assert "Constitutional Court of Russia" not in found


def test_a_states_air_force_and_navy_by_its_possessive_or_adjective() -> None:
    found = actors(
        "Over twelve days Israel's air force flew hundreds of sorties, while the Turkish "
        "navy kept its ships in port."
    )
    assert found.get("Israeli Air Force") is True
    assert found.get("Turkish Navy") is True


def test_a_states_army_in_lower_case_is_not_a_named_service() -> None:
    found = actors(
        "The Russian side now fires five times as many shells a day as Ukraine's army, "
        "and Ukraine cannot close the gap alone."
    )
    assert not [name for name in found if name.startswith("Ukrainian")]


def test_an_air_force_named_in_full_stays_itself() -> None:
    found = actors("The Indian Air Force flew its new jets over Delhi on Republic Day.")
    assert found.get("Indian Air Force") is True


# -- the scorer ----------------------------------------------------------------------------


def test_a_states_body_named_by_its_adjective_or_by_of_is_one_body() -> None:
    e = enricher()
    assert name_key(e, "Sudanese ministry of foreign affairs") == name_key(
        e, "Ministry of Foreign Affairs of Sudan"
    )
    assert name_key(e, "Dutch Safety Board") == name_key(e, "Safety Board of the Netherlands")


def test_a_body_with_a_state_inside_its_name_is_not_reordered() -> None:
    e = enricher()
    assert name_key(e, "Sudanese Armed Forces") == "Sudanese Armed Forces"  # known
    assert name_key(e, "Baltic Council of Elders") == "baltic council of elders"


def test_a_party_after_another_states_possessive_is_that_states() -> None:
    found = actors(
        "Tomas Ferrer, who leads Chile's far-right Republican Party, came first in the "
        "vote. Chile goes back to the polls next month."
    )
    assert found.get("Republican Party of Chile") is True
    assert "Republican Party" not in found


def test_a_party_after_another_states_possessive_is_not_the_known_one() -> None:
    found = actors("Norway's Conservative Party chose a new leader on Sunday in Oslo.")
    assert "Conservative Party" not in found  # the British party: not this one


def test_a_party_after_its_own_states_possessive_stays_itself() -> None:
    found = actors("Britain's Conservative Party chose a new leader on Sunday in London.")
    assert found.get("Conservative Party") is True


def test_an_initial_and_a_surname_read_as_the_one_known_person() -> None:
    e = enricher()
    assert name_key(e, "B. Compaoré") == "Blaise Compaoré"
    assert name_key(e, "Q. Nobodyknown") == "q. nobodyknown"


def test_a_possessive_further_back_claims_no_body() -> None:
    found = actors(
        "The president agreed to send Finland's membership papers to the Turkish "
        "parliament before the summit."
    )
    assert found.get("Grand National Assembly of Turkey") is True


def test_the_publisher_without_its_states_prefix_is_still_the_publisher() -> None:
    found = actors(
        "Published on U.S. Marine Research Institute (www.example.org)\n\nThe fleet's new "
        "ships will need crews that the service does not yet have, the author argues.",
        source="U.S. Marine Research Institute",
    )
    assert not [name for name in found if "Marine Research Institute" in name]


def test_another_bodys_name_is_not_the_publishers_without_a_prefix() -> None:
    found = actors(
        "The Marine Research Institute of Norway tracked the cod stocks for a decade.",
        source="U.S. Naval Review Institute",
    )
    assert any("Marine Research Institute" in name for name in found)


def test_a_states_unknown_ministry_in_that_state_is_named_with_it() -> None:
    found = actors(
        "Since the floods began, the Ministry of Education in Moldova has closed every "
        "school in the south of the country."
    )
    assert found.get("Ministry of Education of Moldova") is False
    assert found.get("Moldova") is True
