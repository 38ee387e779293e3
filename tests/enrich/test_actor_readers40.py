"""Forms read in stop 45's round: a state's language, currency and ethnic group; a state
that only gives a place's address; titles and particles in people's names; a known name
written without its opening initial or with a hyphenated given name; a state's armed
forces under the names commentary gives them; and page furniture (an anti-spam notice, a
line of topic tags over the text, a bulleted site menu). Every sentence here is written
for these tests."""

from __future__ import annotations

import pytest

from corpus_search.document import Document
from corpus_search.enrich import Enricher, Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def enricher() -> Enricher:
    return Enricher.load()


def names(gazetteer: Gazetteer, text: str, kind: str | None = None) -> set[str]:
    return {m.name for m in gazetteer.tag(text) if kind is None or m.type == kind}


def page(enricher: Enricher, body: str, subtitle: str | None = None) -> set[str]:
    doc = Document(
        id="t", url="https://example.org/a", title="A note", subtitle=subtitle, body=body
    )
    return {m.name for m in enricher.enrich(doc).actors}


@pytest.mark.parametrize(
    "text, state",
    [
        ("The memoir was published in Russian in 1984 and sold well in Kazakhstan.", "Russia"),
        ("Bolivia's commission (the Spanish acronym is CIC) was closed in 2019.", "Spain"),
        ("Chile's Spanish-language press covered the vote closely.", "Spain"),
        ("He kept a copy translated into Armenian till the end, in Georgia's capital.", "Armenia"),
        ("The ethnic Uzbek minority in southern Kyrgyzstan faced the worst of it.", "Uzbekistan"),
    ],
)
def test_a_language_or_a_people_is_not_the_state(
    gazetteer: Gazetteer, text: str, state: str
) -> None:
    assert state not in names(gazetteer, text, "country")


def test_the_state_stays_where_its_demonym_names_it(gazetteer: Gazetteer) -> None:
    assert "Russia" in names(gazetteer, "By March the town was in Russian hands again.")
    assert "Spain" in names(gazetteer, "Spanish troops joined the mission in Lebanon.")


def test_us_dollars_are_not_the_united_states(gazetteer: Gazetteer) -> None:
    text = "Laos earned US$390 a head in 2000, and Thailand four times as much."
    assert "United States" not in names(gazetteer, text)
    assert "United States" in names(gazetteer, "The US sold Laos rice worth $390 million.")


@pytest.mark.parametrize(
    "text, state",
    [
        ("The second round of talks, held in Hanoi, Vietnam, in 2019, went nowhere.", "Vietnam"),
        ("She never flew to Davos, Switzerland, for the forum on trade.", "Switzerland"),
        ("Envoys met at the Riverside Hotel, Singapore to discuss the Korean talks.", "Singapore"),
    ],
)
def test_a_state_that_only_gives_a_venue_is_not_an_actor(
    gazetteer: Gazetteer, text: str, state: str
) -> None:
    assert state not in names(gazetteer, text, "country")


def test_a_venue_state_named_again_or_in_a_list_stays(gazetteer: Gazetteer) -> None:
    listed = "Delegates came from Morocco, Senegal and Mali to the meeting."
    assert {"Morocco", "Senegal", "Mali"} <= names(gazetteer, listed, "country")
    listed = "The complaints are shared in Europe, Japan and elsewhere."
    assert "Japan" in names(gazetteer, listed, "country")
    listed = "The war spread to the West Bank, Lebanon, Syria and Yemen."
    assert "Lebanon" in names(gazetteer, listed, "country")
    again = "Vietnam wanted the summit. It was held in Hanoi, Vietnam, in 2019."
    assert "Vietnam" in names(gazetteer, again, "country")


def test_titles_and_particles_in_names(gazetteer: Gazetteer) -> None:
    found = names(gazetteer, "Notably, Mullah Rahimyar, the movement's finance chief, left.")
    assert not any("Rahimyar" in n for n in found)
    assert not any("Qudsi" in n for n in names(gazetteer, "Mr. Al-Qudsi declined to comment."))
    text = "The talks were chaired by Ambassador Paulo Mendes do Vale of Brazil."
    assert "Paulo Mendes do Vale" in names(gazetteer, text, "person")


def test_a_surname_after_another_given_name_with_the_article_joined(
    gazetteer: Gazetteer,
) -> None:
    text = "Turki Al-Maliki, a spokesman for the coalition, said strikes would go on in Yemen."
    assert "Nouri al-Maliki" not in names(gazetteer, text)
    again = "Iraq's prime minister Nouri al-Maliki met them. Later al-Maliki said no."
    assert "Nouri al-Maliki" in names(gazetteer, again)
    # ... but a later given name of the same person, hyphenated, is no one else's
    coup = "Then Egypt's defence minister, General Abdul-Fattah el-Sisi, took power in Cairo."
    assert "Abdel Fattah el-Sisi" in names(gazetteer, coup, "person")


def test_known_names_without_their_initial_or_middle_name(gazetteer: Gazetteer) -> None:
    text = "Assistant Secretary of State Wess Mitchell argued that the Balkans matter."
    assert "A. Wess Mitchell" in names(gazetteer, text, "person")
    coup = "Captain Ibrahim Traoré overthrew Lt Col Paul-Henri Damiba in the autumn."
    assert "Paul-Henri Sandaogo Damiba" in names(gazetteer, coup, "person")


def test_a_royal_title_keeps_a_bare_surname_from_another_person(gazetteer: Gazetteer) -> None:
    text = "Jordan joined when King Hussein backed the coalition against Iraq."
    assert "Saddam Hussein" not in names(gazetteer, text)


def test_a_society_named_after_a_person_is_not_them(gazetteer: Gazetteer) -> None:
    text = "A report from the Henry Jackson Society looks at Britain and its allies."
    assert not names(gazetteer, text, "person")


@pytest.mark.parametrize(
    "text",
    [
        "The Malian Army retook the town after the mission left.",
        "Commanders of the Malian Defence Force met the envoy.",
    ],
)
def test_a_states_army_is_its_armed_forces(gazetteer: Gazetteer, text: str) -> None:
    assert "Armed Forces of Mali" in names(gazetteer, text, "organization")


def test_a_curated_army_keeps_its_own_entry(gazetteer: Gazetteer) -> None:
    found = names(gazetteer, "The Pakistan Army and the Afghan National Army met at the border.")
    assert {"Pakistan Army", "Afghan National Army"} <= found


def test_page_furniture_names_no_one(enricher: Enricher) -> None:
    notice = (
        "Remittances matter for the region's migrants. This site is protected by reCAPTCHA "
        "and the Google Privacy Policy and Terms of Service apply."
    )
    assert "Google" not in page(enricher, notice)
    tags = "ballistic missiles,Defense,North Korea,Nuclear,Submarines"
    found = page(enricher, "Flood data from China reaches India late every monsoon.", tags)
    assert "North Korea" not in found and {"China", "India"} <= found
    menu = "Topics\n• Policy Topics\n• Israel-Iran\n\n• NATO\n\n• China\nThe war tested Egypt."
    assert page(enricher, menu) == {"Egypt"}
    points = "Key points\n• Russia attacked Ukraine.\n• China watched closely.\nThe end."
    assert {"Russia", "Ukraine", "China"} <= page(enricher, points)


# Stop 45's second round.


def test_an_island_named_like_a_person_is_no_one(gazetteer: Gazetteer) -> None:
    text = "The bombers flew from Diego Garcia, which Britain leases to the United States."
    assert "Diego Garcia" not in names(gazetteer, text)


def test_a_states_army_and_police_in_lower_case_are_left_alone(gazetteer: Gazetteer) -> None:
    # Measured at stop 45: "the Malian army", "the Haitian police" as the states' bodies
    # gained seven tags on the new splits and lost precision on the ../shared sets (the
    # Syrian army of a text about Israeli raids, the British police of a tariff piece).
    for text in (
        "The Russian army crossed the border into Ukraine that morning.",
        "The Malian army is still weak after the mission's end.",
        "Gangs grew bolder as the Haitian police lost ground in the capital.",
    ):
        assert not names(gazetteer, text, "organization"), text


@pytest.mark.parametrize(
    "text, body",
    [
        ("The Sahel States Alliance left ECOWAS in January.", "Alliance of Sahel States"),
        ("Its embassy in Kabul was hit by the Haqqani group.", "Haqqani network"),
    ],
)
def test_other_names_of_known_bodies(gazetteer: Gazetteer, text: str, body: str) -> None:
    assert body in names(gazetteer, text, "organization")
