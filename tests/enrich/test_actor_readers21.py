"""Actor rules of the twenty-first round: a state's armed forces named by its possessive or
adjective in lower case; two house styles (an acronym written as a word, a party's name
with "party" in lower case); the publisher by the end of its longer name; a byline glued
to an affiliation; the Catalan "i" inside a surname; an age before a nationality is no
name; and the names this round added. Every text here is written for these tests."""

from __future__ import annotations

import pytest

from corpus_search.enrich import Enricher
from tests.enrich.sentences import actors

# -- a state's armed forces -----------------------------------------------------------------


def test_a_states_armed_forces_by_its_possessive() -> None:
    found = actors(
        "Since April the fighting between Sudan's armed forces and a paramilitary group "
        "has emptied the capital of Sudan."
    )
    assert found.get("Sudanese Armed Forces") is True


def test_a_states_armed_forces_by_its_adjective() -> None:
    found = actors("The Turkish armed forces crossed the border into Syria again.")
    assert found.get("Turkish Armed Forces") is True


def test_armed_forces_of_a_state_without_such_a_body_are_nothing() -> None:
    found = actors("Tallis's armed forces paraded, and Norway sent no one.")
    assert found == {"Norway": True}


# -- house styles ---------------------------------------------------------------------------


def test_an_acronym_written_as_a_word() -> None:
    found = actors("Caricom governments are worried, and Unesco has said so.")
    assert found.get("CARICOM") is True
    assert found.get("UNESCO") is True


def test_a_common_word_is_not_read_as_an_acronym() -> None:
    found = actors("A swift reply came from Norway. Swift action followed in Norway.")
    assert "SWIFT" not in found


def test_a_partys_name_with_party_in_lower_case() -> None:
    found = actors("Mr Vucic's ruling Serbian Progressive party won again in Serbia.")
    assert found.get("Serbian Progressive Party") is True


# -- the publisher and its staff ------------------------------------------------------------


def test_the_end_of_the_publishers_longer_name_is_the_publisher() -> None:
    text = "The Tallis Foundation has asked what Japan should do about North Korea."
    assert "Tallis Foundation" not in actors(text, source="Marta and Jon Tallis Foundation")
    assert actors(text, source="Example Review").get("Tallis Foundation") is False


def test_a_byline_glued_to_an_affiliation_is_no_body() -> None:
    found = actors(
        "Kevin Hewison Carolina Asia Center\n\nThailand's politics changed after the coup, "
        "and Thailand's army stayed."
    )
    assert not [name for name, known in found.items() if not known and "Center" in name]


# -- names ----------------------------------------------------------------------------------


def test_the_catalan_i_inside_a_surname() -> None:
    found = actors(
        "When the businessman Pere Duran i Farell saw Algeria's gas in the 1960s, few "
        "Europeans cared about Algeria."
    )
    assert found.get("Pere Duran i Farell") is False


def test_an_age_before_a_nationality_is_no_name() -> None:
    found = actors("He is the 78-year-old Sudanese-British billionaire who chairs a fund.")
    assert "Sudanese-British" not in found
    named = actors("Police held the 22-year-old Marta Kovell in Oslo, Norway.")
    assert named.get("Marta Kovell") is False


@pytest.mark.parametrize(
    "form, name",
    [
        ("Mohammed Fathi Ahmed Ibrahim", "Mo Ibrahim"),
        ("Cilia Flores", "Cilia Flores"),
        ("Yacouba Isaac Zida", "Yacouba Isaac Zida"),
        ("Amama Mbabazi", "Amama Mbabazi"),
        ("Valdas Adamkus", "Valdas Adamkus"),
        ("Joseph-Désiré Mobutu", "Mobutu Sese Seko"),
        ("MNLF", "Moro National Liberation Front"),
        ("ARMM", "Autonomous Region in Muslim Mindanao"),
        ("UEMOA", "West African Economic and Monetary Union"),
        ("CILSS", "Permanent Interstate Committee for Drought Control in the Sahel"),
        ("Chadema", "Chadema"),
        ("IPOB", "Indigenous People of Biafra"),
        ("Mai-Mai", "Mai-Mai"),
        (
            "Islamic Military Alliance to Fight Terrorism",
            "Islamic Military Counter Terrorism Coalition",
        ),
        ("AU Peace and Security Council", "African Union Peace and Security Council"),
        ("Sony Pictures", "Sony Pictures Entertainment"),
    ],
)
def test_names_added_this_round_resolve(form: str, name: str) -> None:
    actor = Enricher.load().gazetteer.resolve(form)
    assert actor is not None and actor.name == name
