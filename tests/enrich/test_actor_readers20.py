"""Actor rules of the twentieth round: a text that names no state takes its context from the
state's bodies it names; an acronym the text defines for another body than the
gazetteer's is that body; a name broken at a line's end is read whole; an idea is no
person; a note's letter run into a name's end; a university named once in an author's
affiliation is no actor; a regnal number makes another person; a state and "for" open no
body's name; and the names this round added. Every text here is written for these
tests."""

from __future__ import annotations

import pytest

from corpus_search.enrich import Enricher
from tests.enrich.sentences import actors

# -- context from a state's bodies ----------------------------------------------------------


def test_a_text_naming_only_a_states_bodies_takes_their_state_as_context() -> None:
    found = actors(
        "In June the Department of Defense sent the Congress its shipbuilding plan, and "
        "the Congress wants more submarines than the plan can pay for."
    )
    assert found.get("US Congress") is True


def test_a_text_naming_a_state_keeps_that_states_context() -> None:
    # "Congress" in a text about India is no US body, whatever other bodies it names
    found = actors(
        "India's Congress lost again, and the Federal Bureau of Investigation watched. "
        "India votes in spring; the Congress will try again."
    )
    assert "US Congress" not in found


# -- acronyms the text defines --------------------------------------------------------------


def test_an_acronym_defined_for_another_body_is_that_body() -> None:
    found = actors(
        "Kenya leads the Multinational Security Support (MSS) mission in Haiti. The MSS "
        "has too little money, and the MSS has too few police."
    )
    assert found.get("Multinational Security Support") is False
    assert "MSS" not in found  # China's Ministry of State Security is not meant


def test_an_acronym_defined_for_its_known_body_stays_known() -> None:
    found = actors(
        "China's Ministry of State Security (MSS) runs the network; the MSS denies it. "
        "China says nothing more."
    )
    assert found.get("MSS") is True
    assert not [name for name, known in found.items() if not known]


def test_an_acronym_defined_with_another_spelling_of_its_body_stays_known() -> None:
    found = actors(
        "Lately the Chinese Coast Guard (CCG) has used water cannon, and the CCG boards "
        "fishing boats near the Philippines."
    )
    assert found.get("China Coast Guard") is True
    assert "Chinese Coast Guard" not in found


# -- a name broken at a line's end ----------------------------------------------------------


def test_a_name_broken_at_a_lines_end_is_read_whole() -> None:
    found = actors("Belarus suffers under the Lukash-\nenko regime, and Minsk says nothing.")
    assert found.get("Alexander Lukashenko") is True


def test_a_broken_word_that_names_no_one_stays_as_it_is() -> None:
    found = actors("The Tallis- based traders of Norway met the Tallis- ford guild.")
    assert found == {"Norway": True}


# -- ideas, notes and numbers ---------------------------------------------------------------


def test_an_idea_after_a_given_name_is_no_person() -> None:
    found = actors(
        "The parties of Christian Democracy in Europe split over Hungary, and Hungary "
        "left the group."
    )
    assert "Christian Democracy" not in found


def test_a_notes_letter_run_into_a_known_name() -> None:
    found = actors("Hungarian Foreign Minister Péter Szijjártóc, has said Hungary will trade.")
    assert found.get("Péter Szijjártó") is True
    assert "Péter Szijjártóc" not in found


def test_a_regnal_number_makes_another_person() -> None:
    found = actors("The late Pope John Paul II said Europe must breathe with two lungs.")
    assert "John Paul" not in found  # a US congressman of that name


# -- affiliations ---------------------------------------------------------------------------


def test_a_university_in_an_authors_biography_is_no_actor() -> None:
    found = actors(
        "Dr. Marta Kovell works as an Associate Professor of politics in the Department "
        "of International Relations at Tallis University of Economics in Ankara. Turkey "
        "and the Gulf states talk more than they did."
    )
    assert "Tallis University of Economics" not in found
    assert "Department of International Relations" not in found
    assert found.get("Turkey") is True


def test_a_university_under_an_authors_name_is_no_actor() -> None:
    found = actors(
        "Marta Kovell\nTallis College, Northbridge University\n\nRussia's private armies "
        "grew in Africa, and Russia denies it."
    )
    assert "Tallis College" not in found and "Northbridge University" not in found


def test_a_university_that_acts_in_the_text_stays() -> None:
    found = actors(
        "A study by Tallis University found that sanctions on Russia cut its imports by a "
        "third, and the Tallis University team will publish more."
    )
    assert found.get("Tallis University") is False


# -- "<state> for ..." ---------------------------------------------------------------------


def test_a_state_and_for_open_no_bodys_name() -> None:
    found = actors(
        "It took decades and Russia's war in Ukraine for the European Union to seek the "
        "reunification of its neighbourhood."
    )
    assert "Ukraine for the European Union" not in found
    assert found.get("European Union") is True


# -- names added this round ----------------------------------------------------------------


@pytest.mark.parametrize(
    "form, name",
    [
        ("Nuhu Ribadu", "Nuhu Ribadu"),
        ("Jimmy Cherizier", "Jimmy Chérizier"),
        ("Barbara Leaf", "Barbara Leaf"),
        ("Hardeep Singh Nijjar", "Hardeep Singh Nijjar"),
        ("Manfred Weber", "Manfred Weber"),
        ("Mullah Akhtar Mansour", "Akhtar Mohammad Mansour"),
        ("Jean-Bedel Bokassa", "Jean-Bédel Bokassa"),
        ("Pawel Herczynski", "Paweł Herczyński"),
        ("Patriarch Alexy II", "Alexy II"),
        ("A. Q. Khan", "Abdul Qadeer Khan"),
        ("NSO Group", "NSO Group"),
        ("Fincantieri", "Fincantieri"),
        ("OLAF", "European Anti-Fraud Office"),
        ("Imbonerakure", "Imbonerakure"),
        ("Vietcong", "Viet Cong"),
        ("MINURCAT", "United Nations Mission in the Central African Republic and Chad"),
        ("SAMIM", "SADC Mission in Mozambique"),
        ("Concord Management", "Concord Management and Consulting"),
        ("UK Treasury", "HM Treasury"),
    ],
)
def test_names_added_this_round_resolve(form: str, name: str) -> None:
    actor = Enricher.load().gazetteer.resolve(form)
    assert actor is not None and actor.name == name


def test_the_treasury_in_a_text_about_britain_is_hm_treasury() -> None:
    found = actors(
        "Britain's spending review is run by the Treasury, and the United Kingdom's "
        "departments bid to it every few years."
    )
    assert found.get("HM Treasury") is True
    assert "US Department of the Treasury" not in found
