"""Forms read since stop 43: "Co-operation" in a body's name, a state's reserve bank and
defence department named bare, "Labour" as the UK party, "the General Assembly" and "the
Council" without their owners' names, and the two guards every such context form now
has. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from corpus_search.enrich import Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def names(gazetteer: Gazetteer, text: str, publisher: str | None = None) -> set[str]:
    return {m.name for m in gazetteer.tag(text, publisher=publisher)}


def test_co_operation_is_cooperation(gazetteer: Gazetteer) -> None:
    text = (
        "Leaders gathered in Tianjin for the Shanghai Co-operation Organisation, while "
        "the Gulf Co-operation Council met in Doha."
    )
    found = names(gazetteer, text)
    assert {"SCO", "Gulf Cooperation Council"} <= found


SOUTH_AFRICA = (
    "South Africa's growth has stalled. The Reserve Bank held its rate on Thursday, and "
    "South Africa's finance minister asked for patience."
)
AUSTRALIA = (
    "Australia will spend more on submarines. The Defence Department told a Senate "
    "committee that Australia's shipyards are ready; the Department of Defence agreed."
)


def test_a_reserve_bank_named_bare_is_the_states(gazetteer: Gazetteer) -> None:
    assert "South African Reserve Bank" in names(gazetteer, SOUTH_AFRICA)
    # in lower case, after the state's possessive
    lower = "South Africa's reserve bank is independent, South Africa's courts have ruled."
    assert "South African Reserve Bank" in names(gazetteer, lower)


def test_a_defence_department_named_bare_is_the_states(gazetteer: Gazetteer) -> None:
    assert "Australian Department of Defence" in names(gazetteer, AUSTRALIA)


def test_a_bare_reserve_bank_needs_one_state_to_lead(gazetteer: Gazetteer) -> None:
    text = "The Reserve Bank raised rates. India and Australia both watched."
    found = {m.name for m in gazetteer.tag(text) if m.known}
    assert not {"Reserve Bank of India", "Reserve Bank of Australia"} & found


def test_labour_is_the_uk_party_in_a_text_about_britain(gazetteer: Gazetteer) -> None:
    text = "Britain goes to the polls. Labour leads, and Labour's plans worry the markets."
    assert "Labour Party" in names(gazetteer, text)


def test_labour_before_a_noun_of_work_is_work(gazetteer: Gazetteer) -> None:
    text = "Labour shortages hit the UK. Labour costs rose in Britain for a third year."
    assert "Labour Party" not in names(gazetteer, text)


def test_labour_needs_the_uk_named(gazetteer: Gazetteer) -> None:
    text = "In Wellington, Labour lost its majority to the National Party."
    assert "Labour Party" not in names(gazetteer, text)


def test_general_assembly_bare_is_the_uns_where_the_un_is_named(gazetteer: Gazetteer) -> None:
    text = "The UN is divided. General Assembly President Ana Ruiz called a vote."
    assert "United Nations General Assembly" in names(gazetteer, text)
    church = "The church's General Assembly met in Edinburgh to elect a moderator."
    assert "United Nations General Assembly" not in names(gazetteer, church)


def test_the_council_is_the_eus_where_the_eu_is_named(gazetteer: Gazetteer) -> None:
    text = "The EU needs unanimity: the Council blocked the reform of asylum rules."
    assert "Council of the European Union" in names(gazetteer, text)
    elsewhere = "The council met on Tuesday; the Council voted to close the library."
    assert "Council of the European Union" not in names(gazetteer, elsewhere)


def test_a_context_form_before_of_and_a_name_is_another_body(gazetteer: Gazetteer) -> None:
    text = (
        "The EU observed the vote. Iraq's legislature, the Council of Representatives, "
        "meets in Baghdad."
    )
    assert "Council of the European Union" not in names(gazetteer, text)


def test_a_context_form_that_is_the_publishers_head_word_is_the_publisher(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "Our work on Ukraine began in 2004. Since the EU signed its association deal, "
        "the Council has hosted ministers from Kyiv every year."
    )
    assert "Council of the European Union" in names(gazetteer, text)
    assert "Council of the European Union" not in names(
        gazetteer, text, publisher="Atlantic Council"
    )


def test_the_council_beside_another_familys_council_is_left_alone(gazetteer: Gazetteer) -> None:
    text = (
        "The UN Security Council is deadlocked, and many governments now see the Council "
        "as a stage for rivalry; the European Union gives more to the agencies instead."
    )
    assert "Council of the European Union" not in names(gazetteer, text)
    # beside another EU body of that name it is still the EU's Council
    eu = (
        "The EU's members argue: the European Council sets the course, but the Council "
        "amends the laws."
    )
    assert "Council of the European Union" in names(gazetteer, eu)
