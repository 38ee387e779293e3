"""Actor rules of the twenty-second round: "UN" written out before a known body's name; a
state's body named bare, in a text about another state that names neither the first
state nor its people, is the other state's own; a state and "Administration" are its
government, no body; a word of another language is not read as an acronym; and the
names and spellings this round added. Every text here is written for these tests."""

from __future__ import annotations

import pytest

from corpus_search.enrich import Enricher
from tests.enrich.sentences import actors


def test_un_before_a_known_bodys_name() -> None:
    found = actors("The UN Industrial Development Organisation has a plan for Zambia's copper.")
    assert found.get("UNIDO") is True
    assert not [name for name, known in found.items() if not known]


def test_a_bare_party_name_in_a_text_about_another_state() -> None:
    found = actors(
        "In Armenia the Republican Party lost power after the protests in Yerevan, and "
        "Armenia has changed since."
    )
    assert found.get("Republican Party of Armenia") is True
    assert "Republican Party" not in found


def test_a_bare_party_name_stays_where_its_state_is_named() -> None:
    found = actors(
        "The Republican Party in Congress blocked the bill, and the United States waits."
    )
    assert found.get("Republican Party") is True


def test_a_state_and_administration_are_no_body() -> None:
    found = actors("The US Administration must act on Haiti now, the letter says.")
    assert not [name for name, known in found.items() if not known]
    assert found.get("Haiti") is True


def test_a_word_of_another_language_is_no_acronym() -> None:
    assert "UNIDO" not in actors("El Reino Unido y Francia firmaron un acuerdo con Canada.")


@pytest.mark.parametrize(
    "form, name",
    [
        ("Huthis", "Houthis"),
        ("Abu Mohamed al-Golani", "Ahmed al-Sharaa"),
        ("Gandhiji", "Mahatma Gandhi"),
        ("Serzh Sarkisian", "Serzh Sargsyan"),
        ("Maithripala Sirisena", "Maithripala Sirisena"),
        ("Jussi Halla-aho", "Jussi Halla-aho"),
        ("NSCN (I-M)", "National Socialist Council of Nagaland"),
        ("AfriForum", "AfriForum"),
        ("Davao Death Squad", "Davao Death Squad"),
        ("Republican Party of Armenia", "Republican Party of Armenia"),
    ],
)
def test_names_added_this_round_resolve(form: str, name: str) -> None:
    actor = Enricher.load().gazetteer.resolve(form)
    assert actor is not None and actor.name == name
