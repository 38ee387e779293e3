"""Actor rules of the thirteenth round: a known person's name spelled another way (another
transliteration, a hyphen closed up) is that person, not an unknown one; an English name
is never respelled into somebody else's. Every text here is written for these tests."""

from __future__ import annotations

import pytest

from corpus_search.document import Document
from corpus_search.enrich.actors import _LATIN_SCRIPT_STATES, spelling_key
from tests.enrich.sentences import actors, enricher


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Yevgeny Prighozin", "Yevgeny Prigozhin"),
        ("Abd-Rabbu Mansour Hadi", "Abdrabbuh Mansour Hadi"),
        ("Wladimir Putin", "Vladimir Putin"),
        ("Dmitriy Medvedev", "Dmitry Medvedev"),
        ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),
        ("Mikołaj Nowak", "Mikolaj Nowak"),
    ],
)
def test_two_transliterations_share_a_key(one: str, other: str) -> None:
    assert spelling_key(one) == spelling_key(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [("Rich Hill", "Rick Hill"), ("George H. W. Bush", "George W. Bush"), ("Jon Roe", "Jan Roe")],
)
def test_different_names_keep_different_keys(one: str, other: str) -> None:
    assert spelling_key(one) != spelling_key(other)


def test_a_respelled_warlord_is_the_known_one() -> None:
    found = actors(
        "The mercenary chief Yevgeny Prighozin marched on Moscow in June before his"
        " forces turned back short of the capital."
    )
    assert found.get("Yevgeny Prigozhin") is True
    assert "Yevgeny Prighozin" not in found


def test_a_respelled_president_in_exile_is_the_known_one() -> None:
    found = actors(
        "In Yemen, President Abd-Rabbu Mansour Hadi handed his powers to a council in Riyadh."
    )
    assert found.get("Abdrabbuh Mansour Hadi") is True


def test_an_english_name_is_not_respelled_into_a_congressman() -> None:
    found = actors(
        "In Hawaii I met Mr. Rich Hill, the branch head for international affairs, and"
        " two of his staff officers."
    )
    assert "Rick Hill" not in found


def test_a_supreme_court_in_a_text_about_another_state_is_not_the_us_one() -> None:
    found = actors(
        "Brazil's former president Jair Bolsonaro is accused of plotting to dissolve the"
        " Supreme Court after Lula's win. Jair Bolsonaro denies it; Brazil's police say"
        " the plot also named a Supreme Court justice. A US official called it grave."
    )
    assert "Jair Bolsonaro" in found
    assert "US Supreme Court" not in found


def test_the_supreme_court_in_a_text_about_the_united_states_is_the_us_one() -> None:
    found = actors(
        "On Monday the Supreme Court heard the tariff case. The United States has not"
        " seen such a clash between the courts and the White House in decades."
    )
    assert found.get("US Supreme Court") is True


def test_the_publisher_by_its_long_name_before_its_acronym_is_not_an_actor() -> None:
    found = actors(
        "The Institute for Lakeland and Riverine Studies (ILRS) from Avonford regularly"
        " analyses events in the region. Its new paper looks at the port dispute.",
        source="ILRS",
    )
    assert "Institute for Lakeland and Riverine Studies" not in found


def test_a_title_line_that_is_a_body_s_name_alone_is_the_site_s_name() -> None:
    doc = Document(
        id="t",
        source="Daily Ledger",
        title="Institute for Riverine Progress",
        subtitle="Congress can still pass the river bill",
        body="Lawmakers left the river bill half done before the recess.",
    )
    names = {a.name for a in enricher().enrich(doc).actors}
    assert "Institute for Riverine Progress" not in names


def test_a_body_named_in_the_title_and_again_in_the_text_is_a_subject() -> None:
    doc = Document(
        id="t",
        source="Daily Ledger",
        title="Institute for Riverine Progress",
        body="The Institute for Riverine Progress was closed by decree last week.",
    )
    names = {a.name for a in enricher().enrich(doc).actors}
    assert "Institute for Riverine Progress" in names


def test_a_body_shortened_inside_its_name_is_the_known_one() -> None:
    found = actors(
        "Talks between the federal government and the Tigray Front stalled again; the"
        " Tigray Liberation Front says the army broke the truce."
    )
    assert found.get("Tigray People's Liberation Front") is True
    assert "Tigray Front" not in found
    assert "Tigray Liberation Front" not in found


def test_a_generic_first_word_shortens_into_no_known_body() -> None:
    gazetteer = enricher().gazetteer
    assert gazetteer._shortened(["National", "Front"]) is None
    assert gazetteer._shortened(["The", "Front"]) is None


def test_a_speaker_list_s_place_does_not_join_the_next_line_s_name() -> None:
    found = actors(
        "Speakers\n\nTom Varga, Chief Executive, Riverside Chamber of Trade, Dayton,"
        " Ohio\n\nKatie Reilly, Director of Global Affairs, Lumen Forge, Chicago\n"
    )
    assert "Ohio Katie Reilly" not in found
    assert found.get("Katie Reilly") is False


def test_a_centre_named_after_a_known_person_is_not_the_person() -> None:
    found = actors(
        "Colonel Jane Roe, Programmes Coordinator, Kofi Annan International Peacekeeping"
        " Training Centre, Accra, wrote this paper on the border war."
    )
    assert "Kofi Annan" not in found


def test_a_shoal_is_a_place_not_a_person() -> None:
    found = actors("The reef is to Malaysia what James Shoal is to Beijing's claims.")
    assert "James Shoal" not in found


def test_a_dateline_s_capitals_are_where_the_text_was_written() -> None:
    found = actors(
        "Briefing No. 12\n\nNairobi/Brussels, 11 February 2021\n\nWhat is new? Fighting in"
        " Ethiopia's north spread to two more districts."
    )
    assert "Kenya" not in found
    assert "Belgium" not in found
    assert "Ethiopia" in found


def test_a_state_s_name_after_a_given_name_is_a_surname() -> None:
    found = actors(
        "The author thanks Donald Roe, Edward Poe, Jason Israel and Bodo Weber for their"
        " comments on the Serbia chapter."
    )
    assert "Israel" not in found


def test_a_state_after_a_modal_is_still_the_state() -> None:
    found = actors("Will Israel respond? Officials said Israel would wait for Egypt.")
    assert found.get("Israel") is True


def test_a_named_conference_is_an_event_not_a_body() -> None:
    found = actors(
        "Delegates at the Riverside Trade Conference argued over tariffs, and the Lakeland"
        " Policy Summit ended without a statement."
    )
    assert "Riverside Trade Conference" not in found
    assert "Lakeland Policy Summit" not in found


def test_a_language_in_a_gloss_is_not_its_state() -> None:
    found = actors("The court (Portuguese abbr: STF) sat in Brasilia; Brazil waited.")
    assert "Portugal" not in found
    assert "Brazil" in found


def test_a_movement_of_a_state_keeps_the_state_in_its_name() -> None:
    found = actors(
        "Kabul hosts the Islamic Movement of Freedonia, which threatens Uzbekistan, and the"
        " Liberation Front of Uzbekistan."
    )
    assert "Liberation Front of Uzbekistan" in found
    assert "Liberation Front" not in found


def test_a_state_s_ministry_still_leaves_its_state_apart() -> None:
    # (since the fourteenth round the unknown ministry is named with its state, so that
    # two states' ministries are not one name; the state still counts on its own)
    found = actors("Officials of the Ministry of Energy of Ukraine met in Kyiv.")
    assert found.get("Ukraine") is True
    assert found.get("Ministry of Energy of Ukraine") is False
    assert "Ministry of Energy" not in found


def test_no_generated_person_repeats_a_curated_one_in_another_spelling() -> None:
    # ("Sergey Shoygu" from open data beside the curated "Sergei Shoigu" split one
    # man's mentions in two; the curated entry now holds that spelling too)
    actors_ = enricher().gazetteer.actors.values()
    curated = {
        (a.code, spelling_key(a.name)) for a in actors_ if a.type == "person" and not a.generated
    }
    repeated = [
        a.name
        for a in actors_
        if a.type == "person"
        and a.generated
        and a.code not in _LATIN_SCRIPT_STATES
        and (a.code, spelling_key(a.name)) in curated
    ]
    assert not repeated, repeated
