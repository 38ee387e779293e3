"""Forms read in stop 46's round: an acronym the text spells out for a known body that
the gazetteer gives another body's acronym; a social platform named as where a message
appeared; products and places named after a company; a known two-word name that is the
start of a longer, hyphenated one. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from corpus_search.enrich import Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def tags(gazetteer: Gazetteer, text: str) -> dict[str, int]:
    return {m.name: m.count for m in gazetteer.tag(text)}


def test_an_acronym_spelled_out_for_a_known_body_is_that_bodys(gazetteer: Gazetteer) -> None:
    # the gazetteer gives "KLA" to a company and "FGS" to a geological survey
    found = tags(
        gazetteer,
        "The rebels of the Kosovo Liberation Army (KLA) fought on. By 1999 the KLA held "
        "the hills, and the KLA's leaders met envoys in Rambouillet.",
    )
    assert "KLA Corporation" not in found
    assert found["Kosovo Liberation Army"] == 4  # the name, the bracket, twice after
    found = tags(
        gazetteer,
        "The Federal Government of Somalia (FGS) asked for more troops; the FGS and the "
        "regional states disagree over who pays for them.",
    )
    assert "Florida Geological Survey" not in found
    assert "Federal Government of Somalia" in found


def test_an_acronym_the_text_does_not_spell_out_keeps_its_reading(gazetteer: Gazetteer) -> None:
    found = tags(gazetteer, "KLA shipped more inspection tools to chipmakers in Taiwan.")
    assert "KLA Corporation" in found


@pytest.mark.parametrize(
    "text",
    [
        "The opposition leader published an audio message on X/Twitter late that night.",
        "The broadcaster issued a correction on Twitter within hours.",
        "In a Twitter post, the ambassador praised the new railway.",
        "The group's Telegram channel listed the attacks of the week.",
        "The video spread quickly via Telegram and on Facebook among the diaspora.",
    ],
)
def test_a_platform_named_as_a_medium_is_no_actor(gazetteer: Gazetteer, text: str) -> None:
    found = tags(gazetteer, text)
    assert not {"Twitter", "Telegram", "Meta Platforms"} & set(found), found


@pytest.mark.parametrize(
    "text, platform",
    [
        ("The government ordered a crackdown on Telegram after the protests.", "Telegram"),
        ("Twitter suspended the accounts of two ministries last week.", "Twitter"),
        ("Regulators in Brussels fined Facebook for moving data abroad.", "Meta Platforms"),
    ],
)
def test_a_platform_that_acts_or_is_acted_on_is_tagged(
    gazetteer: Gazetteer, text: str, platform: str
) -> None:
    assert platform in tags(gazetteer, text)


@pytest.mark.parametrize(
    "text, company",
    [
        ("A search of Google Scholar for the phrase found only two studies.", "Google"),
        ("The consulate watched immigrants in the Big Apple for years.", "Apple"),
        ("Europe's worries about Amazon deforestation faded from the talks.", "Amazon"),
    ],
)
def test_a_thing_named_after_a_company_is_not_the_company(
    gazetteer: Gazetteer, text: str, company: str
) -> None:
    assert company not in tags(gazetteer, text)


def test_a_company_named_alone_is_still_the_company(gazetteer: Gazetteer) -> None:
    assert "Google" in tags(gazetteer, "Google agreed to pay the fine imposed in Brussels.")


@pytest.mark.parametrize(
    "text",
    [
        "The party's official Kim Yang-gon made a five-day trip to Beijing.",
        "The party's official Kim Yang- gon made a five-day trip to Beijing.",
    ],
)
def test_a_known_name_that_starts_a_hyphenated_name_is_not_that_person(
    gazetteer: Gazetteer, text: str
) -> None:
    assert "Kim Yang" not in tags(gazetteer, text)


@pytest.mark.parametrize(
    "text, person",
    [
        ("Vladimir Putin-backed forces moved west.", "Vladimir Putin"),
        ("Xi Jinping-era policies outlasted the plenum.", "Xi Jinping"),
        ("Kim Yang - who led the delegation - spoke first.", "Kim Yang"),
    ],
)
def test_a_compound_or_a_dash_after_a_name_keeps_the_person(
    gazetteer: Gazetteer, text: str, person: str
) -> None:
    assert person in tags(gazetteer, text)


@pytest.mark.parametrize(
    "text, name",
    [
        ("The ministers met at Marina Mandarin Hotel, Singapore, for two days.", "Marina Mandarin"),
        ("Pilgrims crowded into Al Aqsa Mosque before the holiday.", "Al Aqsa"),
        ("Listeners of the podcast heard Tom Leeman Season two's finale.", "Tom Leeman"),
    ],
)
def test_a_place_or_thing_named_like_a_person_is_no_one(
    gazetteer: Gazetteer, text: str, name: str
) -> None:
    assert not any(found.startswith(name) for found in tags(gazetteer, text))


def test_a_month_after_a_date_is_not_a_given_name(gazetteer: Gazetteer) -> None:
    text = "Weekly report: 27 July-2 August Published 4 August 2020, on the war in the north."
    assert not any("Published" in found for found in tags(gazetteer, text))


def test_a_month_named_person_keeps_the_name(gazetteer: Gazetteer) -> None:
    found = tags(gazetteer, "The playwright August Wilson wrote about Pittsburgh.")
    assert "August Wilson" in found
