"""Actor rules of the nineteenth round: a publisher named with its acronym in brackets is
still the publisher; a longer name in another transliteration, or one that leaves out
inner words of a known name, is that known person; headline words before "of" and a body
are no person; a state's own army, navy and air force under their bare names; and the
names this round added to the curated files. Every text here is written for these tests."""

from __future__ import annotations

import pytest

from corpus_search.enrich import Enricher
from tests.enrich.sentences import actors

# -- the publisher with its acronym ---------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "Observer Research Foundation (ORF)",
        "Observer Research Foundation",
        "ORF",
    ],
)
def test_a_publisher_with_its_acronym_in_brackets_is_not_its_own_actor(source: str) -> None:
    text = (
        "Pakistan has gone back to the IMF again this year. Copyright the Observer "
        "Research Foundation. Pakistan's lenders want reforms."
    )
    found = actors(text, source=source)
    assert "Observer Research Foundation" not in found
    assert found.get("Pakistan") is True and found.get("IMF") is True


def test_a_bracketed_note_after_another_source_changes_nothing() -> None:
    text = "Pakistan has gone back to the IMF, said the Observer Research Foundation."
    found = actors(text, source="Tallis Letters (blog, tallis.example)")
    assert found.get("Observer Research Foundation") is True


def test_a_bracketed_person_is_no_publisher() -> None:
    # an acronym in brackets is taken for the publisher only when it names a body
    found = actors(
        "Anwar Ibrahim met the IMF in Kuala Lumpur.", source="Tallis Letters (Anwar Ibrahim)"
    )
    assert found.get("Anwar Ibrahim") is True


# -- other spellings of a known person's name ----------------------------------------------


def test_a_longer_name_in_another_transliteration_is_the_known_person() -> None:
    found = actors(
        "Libya has two rival governments, that of Abdul Hamid Dbeibeh in Tripoli and "
        "another in the east."
    )
    assert found.get("Abdul Hamid Dbeibah") is True
    assert "Abdul Hamid" not in found  # a president of Bangladesh of that name


def test_a_name_that_leaves_out_inner_words_is_the_known_person() -> None:
    found = actors(
        "The new ruler of Kuwait, Sheikh Mishal al-Ahmed al-Sabah, dissolved the parliament."
    )
    assert found.get("Mishal al-Ahmad al-Jaber al-Sabah") is True
    assert not [name for name, known in found.items() if not known]


def test_a_name_of_another_surname_is_not_the_known_person() -> None:
    # the same first and inner words, another last word: someone else
    found = actors("A merchant of Kuwait, Sheikh Mishal al-Ahmed al-Rashidi, spoke for the others.")
    assert "Mishal al-Ahmad al-Jaber al-Sabah" not in found


def test_given_names_in_another_transliteration() -> None:
    found = actors("Yemen's former president Ali Abdallah Saleh was killed in Sanaa.")
    assert found.get("Ali Abdullah Saleh") is True


def test_a_surname_with_other_consonants_is_someone_else() -> None:
    found = actors("Yemen's envoy Ali Abdallah Salem spoke in Sanaa.")
    assert "Ali Abdullah Saleh" not in found


# -- headline words -------------------------------------------------------------------------


def test_headline_words_before_of_and_a_body_are_no_person() -> None:
    found = actors(
        "The Plight of the Hamas Hostages\n\nFamilies in Israel marked another month of "
        "waiting for news from Gaza."
    )
    assert "The Plight" not in found
    assert found.get("Hamas") is True


def test_a_name_before_of_and_a_body_still_is_a_person() -> None:
    found = actors("Marta Kovell of the World Bank said the loan would go ahead.")
    assert found.get("Marta Kovell") is False


# -- a state's own forces -------------------------------------------------------------------


def test_the_bare_army_navy_and_air_force_are_the_text_states() -> None:
    found = actors(
        "India has a new Chief of Defence Staff. The post exists to make the Army, the "
        "Navy and the Air Force plan as one. India's neighbours are watching."
    )
    assert found.get("Indian Army") is True
    assert found.get("Indian Navy") is True
    assert found.get("Indian Air Force") is True
    assert "US Army" not in found and "US Navy" not in found


def test_the_bare_army_stays_american_in_a_text_about_the_united_states() -> None:
    found = actors(
        "The United States is growing the Army again, and Washington wants the Navy to "
        "build more ships. The United States Congress pays."
    )
    assert found.get("US Army") is True
    assert "Indian Army" not in found


# -- names added this round ----------------------------------------------------------------


@pytest.mark.parametrize(
    "form, name",
    [
        ("Jamal Khashoggi", "Jamal Khashoggi"),
        ("Miri Regev", "Miri Regev"),
        ("Ilan Shor", "Ilan Shor"),
        ("Luisa Gonzalez", "Luisa González"),
        ("Abhinandan Varthaman", "Abhinandan Varthaman"),
        ("NITI Aayog", "NITI Aayog"),
        ("FOCAC", "Forum on China-Africa Cooperation"),
        ("Jobbik", "Jobbik"),
        ("Enhanced Forward Presence", "Enhanced Forward Presence"),
        ("Lynas Rare Earths", "Lynas"),
        ("MP Materials", "MP Materials"),
        ("Comecon", "Council for Mutual Economic Assistance"),
        ("Department of Military Affairs", "Department of Military Affairs"),
    ],
)
def test_names_added_this_round_resolve(form: str, name: str) -> None:
    actor = Enricher.load().gazetteer.resolve(form)
    assert actor is not None and actor.name == name


def test_bangladeshs_chief_adviser_by_his_surname_alone() -> None:
    found = actors(
        "Bangladesh has an interim government. Muhammad Yunus took the oath in Dhaka. "
        "Bangladesh's army backs him."
    )
    assert found.get("Muhammad Yunus") is True
    alone = actors(
        "Bangladesh waits for elections. Yunus told the army that Bangladesh would vote "
        "next year, and Dhaka listened."
    )
    assert alone.get("Muhammad Yunus") is True
