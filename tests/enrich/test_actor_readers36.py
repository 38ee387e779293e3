"""Forms read since stop 44: people named after an office and the place or portfolio it is
held for, after an office set off by commas, or before a post written with a hyphen; bodies
of many states that an open registry files under the state of their seat; and a US
state named after a member of Congress. Every sentence here is written for these tests."""

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
