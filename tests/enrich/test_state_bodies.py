"""Bodies named by what they are, and the state that makes them someone's: another state's
possessive, demonym or "of" phrase around a US or British body's generic name, the state
that qualifies an unknown ministry, and the US federal bodies' short and long forms.
Every text here is original."""

from __future__ import annotations

import pytest

from corpus_search.document import ActorMention
from corpus_search.enrich import Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def tagged(gazetteer: Gazetteer, text: str) -> dict[str, ActorMention]:
    return {m.name: m for m in gazetteer.tag(text)}


def test_another_states_body_is_not_the_us_or_british_one(gazetteer: Gazetteer) -> None:
    text = (
        "The United States watched closely. Colombia's Senate shelved the treaty, the "
        "Peruvian Congress voted it down, the Supreme Court of Chile let it stand, and "
        "Kenya's Foreign Office asked for talks."
    )
    found = tagged(gazetteer, text)
    for body in (
        "US Senate",
        "US Congress",
        "US Supreme Court",
        "Foreign, Commonwealth and Development Office",
    ):
        assert body not in found, (body, found)
    assert {"Colombia", "Peru", "Chile", "Kenya"} <= set(found)


def test_the_us_bodies_still_count_in_a_us_text(gazetteer: Gazetteer) -> None:
    text = (
        "In the United States, Congress sent the bill to the Supreme Court after the "
        "House of Representatives and America's Senate passed it; the Fed stayed silent."
    )
    found = tagged(gazetteer, text)
    for body in (
        "US Congress",
        "US Supreme Court",
        "US House of Representatives",
        "US Senate",
        "Federal Reserve",
    ):
        assert body in found, (body, found)
    assert "Federal Reserve" not in tagged(gazetteer, "Fed up with the United States, they left.")


def test_a_ministry_qualified_by_its_state_is_the_known_body(gazetteer: Gazetteer) -> None:
    text = (
        "Russia's Ministry of Defense denied it, the Ministry of Commerce of China agreed "
        "and Japan's Self-Defense Forces stood by."
    )
    found = tagged(gazetteer, text)
    assert found["Russian Ministry of Defence"].known
    assert found["Japan Self-Defense Forces"].known and "Self-Defense Forces" not in found
    assert found["MOFCOM"].known
    assert "Ministry of Defense" not in found and "Ministry of Commerce" not in found


def test_an_acronym_after_and_ends_an_unknown_name(gazetteer: Gazetteer) -> None:
    found = tagged(gazetteer, "The Office of Tidal Survey and OTS staff mapped the channel.")
    assert "Office of Tidal Survey" in found and not found["Office of Tidal Survey"].known
    assert "Office of Tidal Survey and OTS" not in found


def test_us_federal_forms(gazetteer: Gazetteer) -> None:
    text = (
        "The United States Department of Commerce and the Energy Department split the "
        "grant; DOE staff briefed the Joint Chiefs of Staff."
    )
    found = tagged(gazetteer, text)
    assert found["US Department of Commerce"].known
    assert found["US Department of Energy"].count == 2
    assert "US Joint Chiefs of Staff" in found
    assert not [m for m in found.values() if not m.known], found


def test_a_us_states_department_is_not_the_federal_one(gazetteer: Gazetteer) -> None:
    text = (
        "The Ohio Department of Education and the New Mexico Department of Labor answered "
        "the Department of Labor in Washington."
    )
    found = tagged(gazetteer, text)
    assert not found["Ohio Department of Education"].known
    assert not found["New Mexico Department of Labor"].known
    assert "US Department of Education" not in found
    assert found["US Department of Labor"].count == 1


def test_the_communist_party_in_a_text_about_china(gazetteer: Gazetteer) -> None:
    about_china = "Beijing's leaders met as China's Communist Party opened its plenum."
    assert "Communist Party of China" in tagged(gazetteer, about_china)
    elsewhere = "As China looked on, Laos's Communist Party chose a new leader."
    assert "Communist Party of China" not in tagged(gazetteer, elsewhere)


def test_recurring_fora_are_named_organisations(gazetteer: Gazetteer) -> None:
    text = (
        "Ministers left the Harbourside Forum early and flew to the Coral Sea Dialogue, "
        "where NATO officials waited."
    )
    found = tagged(gazetteer, text)
    for name in ("Harbourside Forum", "Coral Sea Dialogue"):
        assert name in found and not found[name].known, (name, found)
    assert found["NATO"].known


def test_a_name_described_as_an_organisation(gazetteer: Gazetteer) -> None:
    text = (
        "Lumen Forge, a Denver chipmaker, hired Tomas Rell, a former bank director. "
        "Parents for Reading, a nonprofit advocacy group, sued; Ines Halvorsen, a member "
        "of the group, spoke, and Copperline, a think tank in Oslo, agreed."
    )
    found = tagged(gazetteer, text)
    for name in ("Lumen Forge", "Parents for Reading", "Copperline"):
        assert found[name].type == "organization" and not found[name].known, (name, found)
    assert found["Tomas Rell"].type == "person"
    assert not any(m.type == "organization" and "Halvorsen" in m.name for m in found.values())


def test_a_name_introduced_by_a_kind_of_organisation(gazetteer: Gazetteer) -> None:
    text = (
        "Shares of the chipmaker Lumen Forge fell. The conservative advocacy group Parents "
        "for Reading sued, and the think tank Copperline agreed; the group Friday said so."
    )
    found = tagged(gazetteer, text)
    for name in ("Lumen Forge", "Parents for Reading", "Copperline"):
        assert found[name].type == "organization" and not found[name].known, (name, found)
    assert "Friday" not in found


def test_fleets_and_units_are_named_organisations(gazetteer: Gazetteer) -> None:
    text = "The U.S. Ninth Fleet shadowed the convoy while the 61st Harbour Brigade held the pier."
    found = tagged(gazetteer, text)
    assert not found["Ninth Fleet"].known and "United States" in found
    assert not found["61st Harbour Brigade"].known
