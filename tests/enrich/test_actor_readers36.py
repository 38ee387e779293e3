"""Forms read since stop 44: people named after an office and the place or portfolio it is
held for, after an office set off by commas, or before a post written with a hyphen; bodies
of many states that an open registry files under the state of their seat; a US state
named after a member of Congress; and a known person's surname or name that is no mention
of them (a rank before a name, half a double-barrelled surname, a university named after
them), a transliteration two people's names share, and a name with a footnote's number
run into it (a state's or a body's, not a person's: an author's byline carries notes).
Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from corpus_search.enrich import Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def unknown_people(gazetteer: Gazetteer, text: str) -> set[str]:
    return {m.name for m in gazetteer.tag(text) if m.type == "person" and not m.known}


def names(gazetteer: Gazetteer, text: str) -> set[str]:
    return {m.name for m in gazetteer.tag(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Years later the President of Ruritania Halvard Brenne visited the coast.",
        "The Minister of Fisheries Affairs Halvard Brenne closed the port.",
        "A former envoy for Ruritania Halvard Brenne wrote to the council.",
    ],
)
def test_a_name_after_the_place_or_portfolio_of_an_office(gazetteer: Gazetteer, text: str) -> None:
    assert "Halvard Brenne" in unknown_people(gazetteer, text)


def test_a_name_set_off_by_commas_after_an_office(gazetteer: Gazetteer) -> None:
    text = "The Ruritanian Foreign Minister, Halvard Brenne, defended the decision."
    assert "Halvard Brenne" in unknown_people(gazetteer, text)
    sister = "The candidate's sister, Ilse Varga, met lawmakers in the capital."
    assert "Ilse Varga" in unknown_people(gazetteer, sister)


def test_a_post_written_with_a_hyphen_after_a_name(gazetteer: Gazetteer) -> None:
    text = "Ilse Varga, Secretary-General of the Nordic Grain Council, spoke first."
    assert "Ilse Varga" in unknown_people(gazetteer, text)


@pytest.mark.parametrize(
    ("text", "not_a_name"),
    [
        # a title used as a surname, then the next member's title
        (
            "Chairman Ostrow, Ranking Member Pell, distinguished members of the panel:",
            "Ranking Member Pell",
        ),
        # a body's name after "president of the"
        (
            "Remarks came from Ilse Varga, president of the European Democrat Students, "
            "who spoke of youth.",
            "Democrat Students",
        ),
        # a run too long to tell the place from the name
        (
            "The Minister of State for Northern Coastal Fisheries Halvard Brenne spoke.",
            "Fisheries Halvard",
        ),
    ],
)
def test_shapes_that_are_no_name(gazetteer: Gazetteer, text: str, not_a_name: str) -> None:
    assert not_a_name not in unknown_people(gazetteer, text)


def test_a_body_of_many_states_needs_no_host_state(gazetteer: Gazetteer) -> None:
    # the registry files the African Union Commission under Ethiopia, its seat
    text = "He was elected chairperson of the African Union Commission last year."
    assert "African Union Commission" in names(gazetteer, text)
    assert "Ethiopia" not in names(gazetteer, text)


@pytest.mark.parametrize(
    "text",
    [
        "Democratic Senator Jane Roe from Georgia praised the air war over Serbia.",
        "Rep. Jane Roe of Georgia asked the United States to act.",
    ],
)
def test_a_member_of_congress_sits_for_a_us_state(gazetteer: Gazetteer, text: str) -> None:
    assert "Georgia" not in names(gazetteer, text)


def test_the_country_georgia_is_still_the_country(gazetteer: Gazetteer) -> None:
    text = "The ambassador of Georgia met a United States senator about Russia."
    assert "Georgia" in names(gazetteer, text)


def known_people(gazetteer: Gazetteer, text: str) -> set[str]:
    return {m.name for m in gazetteer.tag(text) if m.type == "person" and m.known}


def test_a_rank_before_a_name_is_no_surname(gazetteer: Gazetteer) -> None:
    text = "A British court tried Major Tom Vale, a young officer, in London."
    assert "John Major" not in known_people(gazetteer, text)
    assert "John Major" in known_people(gazetteer, "In Britain, Major called an election.")


def test_half_a_double_barrelled_surname_is_no_one(gazetteer: Gazetteer) -> None:
    text = "Ilse Attal-Varga is a researcher in France."
    assert "Gabriel Attal" not in known_people(gazetteer, text)
    both = "The Putin-Xi summit in Moscow changed little for Russia and China."
    assert {"Vladimir Putin", "Xi Jinping"} <= known_people(gazetteer, both)


def test_a_university_named_after_a_person(gazetteer: Gazetteer) -> None:
    text = "Ilse Varga teaches at Jawaharlal Nehru University in New Delhi, India."
    assert "Jawaharlal Nehru" not in known_people(gazetteer, text)


def test_a_respelling_whose_surname_is_spelled_alike_wins(gazetteer: Gazetteer) -> None:
    # two known people share the consonants of "Muhammad Sht...": one surname is spelled
    # as the text spells it
    text = "The Palestinian Prime Minister Muhammad Shtayyeh resigned in Ramallah."
    assert "Mohammad Shtayyeh" in known_people(gazetteer, text)


def test_a_footnote_number_run_into_a_name(gazetteer: Gazetteer) -> None:
    text = "The standoff with North Korea1 alarmed Iran2 and NATO3 alike."
    assert {"North Korea", "Iran", "NATO"} <= names(gazetteer, text)
    # a number that belongs to the name stays
    kept = "G20 leaders argued over F35 jets while the M23 advanced."
    assert {"G20", "M23"} <= names(gazetteer, kept)
