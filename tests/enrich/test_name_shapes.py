"""Names the tagger finds by their shape, with no role or title cue. Every text here is
original."""

from __future__ import annotations

import pytest

from corpus_search.document import ActorMention
from corpus_search.enrich import Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def tagged(gazetteer: Gazetteer, text: str) -> dict[str, ActorMention]:
    return {m.name: m for m in gazetteer.tag(text)}


# -- a known given name and a surname ------------------------------------------------


def test_given_name_and_surname_is_an_unknown_person(gazetteer: Gazetteer) -> None:
    found = tagged(
        gazetteer,
        "The fund's backers include Laura Vintner and Thomas J. Orrell, and a week later "
        "Mohammed Qaderi sold his stake.",
    )
    for name in ("Laura Vintner", "Thomas J. Orrell", "Mohammed Qaderi"):
        assert name in found, name
        assert found[name].type == "person" and found[name].known is False


def test_given_names_come_from_the_gazetteers_persons(gazetteer: Gazetteer) -> None:
    gazetteer.tag("")  # builds the tables
    given = gazetteer._names.given
    assert {"Laura", "Mark", "Thomas"} <= given
    # A country, a US state, a surname more often than a first name, a headline verb.
    assert not {"Jordan", "Virginia", "Grant", "Will"} & given


@pytest.mark.parametrize(
    "text",
    [
        "She won the Mark Twain Prize for it.",  # a longer capitalised run
        "Parents in the Carmel Hollow schools objected.",  # a place's body
        "He called it “Laura Vintner” in jest.",  # a name in quotation marks
        "Contact: Jim VintnerMedia Relations",  # two words run together
        "The Defense Secretary Orrell memo",  # an office word is no given name
    ],
)
def test_shapes_that_are_not_a_persons_name(gazetteer: Gazetteer, text: str) -> None:
    assert not [m for m in gazetteer.tag(text) if m.type == "person"], text


# -- where an unknown organisation's name ends -----------------------------------------


def test_a_known_name_carried_on_is_one_longer_name(gazetteer: Gazetteer) -> None:
    found = tagged(
        gazetteer,
        "Economists at the Federal Reserve Bank of Tacoma disagreed, and the NATO "
        "Parliamentary Assembly took note.",
    )
    assert found["Federal Reserve Bank of Tacoma"].known is False
    assert found["NATO Parliamentary Assembly"].known is False
    assert "Bank of Tacoma" not in found
    assert "Parliamentary Assembly" not in found


def test_a_known_body_before_a_body_of_its_own_stays_apart(gazetteer: Gazetteer) -> None:
    found = tagged(
        gazetteer,
        "The Commerce Department Office of Coastal Permits wrote to the Federal Reserve "
        "Board and to NATO and European Union envoys.",
    )
    assert found["Office of Coastal Permits"].known is False
    for name in ("US Department of Commerce", "Federal Reserve", "NATO", "European Union"):
        assert found[name].known is True, name


def test_a_generic_qualifier_and_an_organisation_word_name_nothing(
    gazetteer: Gazetteer,
) -> None:
    found = tagged(
        gazetteer,
        "A Circuit Court judge sided with the County Board, and a Superior Court "
        "later heard the Fifth Circuit Court of Appeals case.",
    )
    assert set(found) == {"Fifth Circuit Court of Appeals"}


def test_a_pact_or_a_meeting_named_after_a_body_is_no_organisation(
    gazetteer: Gazetteer,
) -> None:
    found = tagged(
        gazetteer,
        "Both sides left the Coastal Fisheries Commission Treaty, and the Four-Party "
        "Talks stalled before the Harbour Council Summit.",
    )
    assert not [m for m in found.values() if not m.known], found


def test_a_companys_suffix_ends_an_organisations_name(gazetteer: Gazetteer) -> None:
    found = tagged(
        gazetteer,
        "The plant uses pumps from Larkmoor Water Technologies, and the hulls come from "
        "the Tidewell Shipyard and Quarry Hill Industries.",
    )
    for name in ("Larkmoor Water Technologies", "Tidewell Shipyard", "Quarry Hill Industries"):
        assert name in found, name
        assert found[name].type == "organization" and found[name].known is False


# -- a lowercase noun for a person before a name ---------------------------------------


def test_a_noun_for_a_person_introduces_an_unknown_name(gazetteer: Gazetteer) -> None:
    found = tagged(
        gazetteer,
        "The county charged single mother Odile Brackwater, and the investor Yusuf "
        "Tarrant paid her bail.",
    )
    for name in ("Odile Brackwater", "Yusuf Tarrant"):
        assert name in found, name
        assert found[name].type == "person" and found[name].known is False


def test_an_appositive_title_of_another_person_names_no_one(gazetteer: Gazetteer) -> None:
    found = tagged(
        gazetteer,
        "The debate over Iron Canopy, the coastal air defence architecture President "
        "Donald Trump ordered, goes on. Dorota Wexley, the President of Lakeside "
        "Rowing, objected.",
    )
    assert "Iron Canopy" not in found
    assert found["Dorota Wexley"].known is False


def test_a_possessive_inside_a_bodys_name(gazetteer: Gazetteer) -> None:
    found = tagged(
        gazetteer,
        "The Marlow County Sheriff's Office called the Hale County State's Attorney's "
        "Office, and the Coastal Workers' Party and the Parents' Reading League joined.",
    )
    for name in (
        "Marlow County Sheriff's Office",
        "Hale County State's Attorney's Office",
        "Coastal Workers' Party",
        "Parents' Reading League",
    ):
        assert name in found, name
        assert found[name].type == "organization" and found[name].known is False
    assert "Sheriff" not in " ".join(n for n in found if n != "Marlow County Sheriff's Office")


def test_a_party_in_a_cited_case_is_not_tagged(gazetteer: Gazetteer) -> None:
    found = tagged(
        gazetteer,
        "The court relied on Dunmore Freight Holdings v. Pell and on Vance v. Ashby "
        "School Committee, which Tarrow Water Authority had argued.",
    )
    assert set(found) == {"Tarrow Water Authority"}


def test_names_a_dash_joins_belong_to_the_body(gazetteer: Gazetteer) -> None:
    found = tagged(
        gazetteer,
        "The U.S.-Chile Fisheries Review Commission met the new NATO–Kenya Council and "
        "the EU-Peru Fisheries Council.",
    )
    for name in (
        "U.S.-Chile Fisheries Review Commission",
        "NATO–Kenya Council",
        "EU-Peru Fisheries Council",
    ):
        assert name in found, name
        assert found[name].known is False
    assert "Chile Fisheries Review Commission" not in found
    assert found["Chile"].known is True  # the state in a state body's name


def test_a_sentences_first_adverb_or_adjective_is_not_in_a_name(gazetteer: Gazetteer) -> None:
    found = tagged(
        gazetteer,
        "Former Tarrow Water Authority staff agreed. Yesterday Larkmoor County Council "
        "voted. Moreover Ashby Harbour Commission members objected.",
    )
    assert set(found) == {
        "Tarrow Water Authority",
        "Larkmoor County Council",
        "Ashby Harbour Commission",
    }


def test_a_lowercase_organisation_word_after_a_place_name(gazetteer: Gazetteer) -> None:
    found = tagged(
        gazetteer,
        "Parents sued the Ashby Hollow schools, the Marlow County Sheriff's office "
        "answered, and Senator Tilda Wexham's office stayed silent.",
    )
    for name in ("Ashby Hollow schools", "Marlow County Sheriff's office"):
        assert name in found, name
        assert found[name].type == "organization" and found[name].known is False
    assert not [n for n in found if "Wexham" in n and found[n].type == "organization"]
