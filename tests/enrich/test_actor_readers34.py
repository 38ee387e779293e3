"""Forms read since stop 42: offices written in other languages before a leader's
surname, the spellings other languages give the leaders commentary names most, the
Arabic article written apart from a known surname, a state's armed forces as its
"Military", and the European Commission's short forms. Every sentence here is written for
these tests."""

from __future__ import annotations

import pytest

from corpus_search.enrich import Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def names(gazetteer: Gazetteer, text: str) -> set[str]:
    return {m.name for m in gazetteer.tag(text)}


GERMAN_TITLE = (
    "Die USA wollen neue Zölle auf Stahl erheben. Am Montag sagte der US-Präsident Trump, "
    "die Gespräche mit den Partnern in Europa würden noch Wochen dauern."
)


def test_an_office_in_german_is_a_title_not_a_given_name(gazetteer: Gazetteer) -> None:
    # "Präsident" in the middle of a sentence is capitalised like a name: it is an office
    assert "Donald Trump" in names(gazetteer, GERMAN_TITLE)


GERMAN_SPELLINGS = (
    "Wladimir Putin empfing den Gesandten im Kreml, während Selenskyj in Kiew mit den "
    "Verbündeten über weitere Hilfe sprach."
)
FRENCH_SPELLING = "La Russie de Poutine cherche des alliés en Afrique et au Moyen-Orient."


def test_leaders_spelled_as_other_languages_spell_them(gazetteer: Gazetteer) -> None:
    found = names(gazetteer, GERMAN_SPELLINGS)
    assert {"Vladimir Putin", "Volodymyr Zelensky"} <= found
    assert "Vladimir Putin" in names(gazetteer, FRENCH_SPELLING)


ARTICLE_APART = (
    "Syria's north is held by several forces. Al Assad's government controls the coast, "
    "while Turkish-backed groups hold the border towns."
)


def test_the_article_written_apart_is_the_known_surname(gazetteer: Gazetteer) -> None:
    found = names(gazetteer, ARTICLE_APART)
    assert "Bashar al-Assad" in found
    assert "Al Assad" not in found  # not an unknown person of that name


def test_a_given_name_al_stays_a_given_name(gazetteer: Gazetteer) -> None:
    found = names(gazetteer, "Al Gore spoke about Syria and the climate in Damascus.")
    assert "Al Gore" in found
    assert "Bashar al-Assad" not in found


def test_a_state_s_military_capitalised_is_its_armed_forces(gazetteer: Gazetteer) -> None:
    text = "The Pakistani Military moved two brigades to the border after the attack."
    assert "Armed Forces of Pakistan" in names(gazetteer, text)


def test_a_state_s_military_in_lower_case_is_the_state(gazetteer: Gazetteer) -> None:
    # measured: in lower case the labelled splits mean the state more often than the body
    found = names(gazetteer, "The Pakistani military moved two brigades to the border.")
    assert "Pakistan" in found
    assert "Armed Forces of Pakistan" not in found


EU_TEXT = (
    "The EU has taken a harder line on subsidies. The Commission proposed the duties in "
    "June, and Commission president Ursula von der Leyen defended them in Strasbourg."
)


def test_the_commission_at_a_sentence_start_in_an_eu_text(gazetteer: Gazetteer) -> None:
    assert "European Commission" in names(gazetteer, EU_TEXT)


def test_the_eu_commission_in_lower_case(gazetteer: Gazetteer) -> None:
    text = "Farmers in Poland protested against the quotas set by the EU commission."
    assert "European Commission" in names(gazetteer, text)


def test_the_commission_without_the_eu_is_nothing(gazetteer: Gazetteer) -> None:
    text = "The Commission proposed the duties in June after a long inquiry into steel."
    assert "European Commission" not in names(gazetteer, text)


def test_the_armies_that_are_parties_to_a_civil_war(gazetteer: Gazetteer) -> None:
    # the Myanmar military and the Sudanese army are named as actors in their own right
    found = names(gazetteer, "Since the coup the Myanmar military has lost ground in Shan State.")
    assert "Tatmadaw" in found
    found = names(gazetteer, "Fighting between the Sudanese army and the RSF spread to Darfur.")
    assert "Sudanese Armed Forces" in found


def test_a_title_and_a_curated_surname_is_the_curated_person(gazetteer: Gazetteer) -> None:
    text = "Hungary vetoed the package. Hungarian Prime Minister Orban urged the others to wait."
    found = names(gazetteer, text)
    assert "Viktor Orbán" in found
    assert "Ludovic Orban" not in found  # Romania's prime minister of 2019-2020


def test_a_leader_back_in_office_is_sitting(gazetteer: Gazetteer) -> None:
    # roles such as "(1998–2002, 2010–)": the last term is open
    for name in ("Viktor Orbán", "Benjamin Netanyahu", "Donald Trump"):
        actor = gazetteer.resolve(name)
        assert actor is not None and actor.leader, name


def test_a_given_name_before_another_surname_is_someone_else(gazetteer: Gazetteer) -> None:
    found = names(gazetteer, "Seoul and Manila. President Fidel Ramos visited Korea in 1995.")
    assert "Fidel Castro" not in found
    found = names(gazetteer, "Syria's envoy Bashar Jaafari spoke at the United Nations.")
    assert "Bashar al-Assad" not in found


def test_a_surname_spelt_another_way_is_still_theirs(gazetteer: Gazetteer) -> None:
    text = "Irak fue invadido en 2003. Saddam Husein había gobernado desde 1979."
    assert "Saddam Hussein" in names(gazetteer, text)


def test_bin_capitalised(gazetteer: Gazetteer) -> None:
    text = "Saudi Arabia changed fast. Crown Prince Mohammed Bin Salman took the decisions."
    found = names(gazetteer, text)
    assert "Mohammed bin Salman" in found
    assert "Salman bin Abdulaziz" not in found  # his father, the king


def test_bodies_added_by_hand_at_stop_42(gazetteer: Gazetteer) -> None:
    text = (
        "Kosovo's parliament met after Vetevendosje won; the LDK went into opposition. "
        "Decades earlier the Organization of African Unity had backed the Sandinistas."
    )
    found = names(gazetteer, text)
    assert {
        "Vetëvendosje",
        "Democratic League of Kosovo",
        "Organisation of African Unity",
        "Sandinista National Liberation Front",
    } <= found


def test_a_coalition_is_not_its_party(gazetteer: Gazetteer) -> None:
    found = names(gazetteer, "In Malaysia's Sabah, Warisan Plus lost the state election.")
    assert "Warisan Plus" in found
    assert "Parti Warisan Sabah" not in found
