"""Forms read in stop 44's third round: the publisher's possessive before its own unit or
staff in a title or standfirst, a command under its former name, a state's adjective in
the name of a field or an office's remit, and a known person with a middle name written
in. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from corpus_search.enrich import Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def names(
    gazetteer: Gazetteer, text: str, publisher: str | None = None, head: str = ""
) -> set[str]:
    found = gazetteer.tag(
        f"{head}\n{text}" if head else text,
        publisher=publisher,
        head_chars=len(head) + 1 if head else 0,
    )
    return {m.name for m in found}


@pytest.mark.parametrize(
    "head",
    [
        "Tariffs and the harbour towns\nThis piece is part of a series from Brookings’ "
        "Center on Harbour Policy.",
        "Tariffs and the harbour towns\nBrookings' policy experts examine what the new "
        "tariffs mean for ports in Europe and Asia.",
    ],
)
def test_the_publishers_own_unit_or_staff_in_the_head_is_no_actor(
    gazetteer: Gazetteer, head: str
) -> None:
    body = "Ports in Rotterdam and Busan handled less cargo this spring."
    assert "Brookings Institution" not in names(gazetteer, body, "Brookings Institution", head)


def test_the_publisher_named_as_a_subject_in_the_head_still_counts(gazetteer: Gazetteer) -> None:
    head = "Why Brookings is moving its offices\nBrookings will leave its building in 2027."
    body = "The move was planned for years."
    assert "Brookings Institution" in names(gazetteer, body, "Brookings Institution", head)


def test_a_command_under_its_former_name(gazetteer: Gazetteer) -> None:
    text = "The commander of U.S. Pacific Command spoke to reporters about the Philippines."
    assert "US Indo-Pacific Command" in names(gazetteer, text)


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("She once directed the State Department's Office of Iranian Affairs.", "Iran"),
        ("Tom Lee specializes in Korean and Japanese affairs at a think tank.", "Japan"),
        ("Tom Lee specializes in Korean and Japanese affairs at a think tank.", "South Korea"),
        ("Ana Ruiz chairs the Center for Japanese Studies at a university.", "Japan"),
    ],
)
def test_a_states_adjective_in_a_field_or_remit_is_no_state(
    gazetteer: Gazetteer, text: str, state: str
) -> None:
    assert state not in names(gazetteer, text)


def test_a_known_person_with_a_middle_name_written_in(gazetteer: Gazetteer) -> None:
    text = (
        "Uganda's election board said that Yoweri Kaguta Museveni, the general who has "
        "ruled for decades, had won again."
    )
    found = {m.name: m.known for m in gazetteer.tag(text)}
    assert found.get("Yoweri Museveni") is True
    assert "Yoweri Kaguta Museveni" not in found
