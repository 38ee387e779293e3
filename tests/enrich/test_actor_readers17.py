"""Actor rules of the seventeenth round: two capitalised words after a year are a thing a
body holds, not a person; a given name before a word and "-led" is no one's name; a
page's share button is no one's surname; the twin towers are a place; a state named
before "and" opens no body's name; a serial's "NUMBER" ends a body's name; the African
Union's disease agency is not the American one. Every text here is written for these
tests."""

from __future__ import annotations

from tests.enrich.sentences import actors

# -- people --------------------------------------------------------------------------------


def test_two_words_after_a_year_and_before_a_body_are_no_person() -> None:
    found = actors(
        "Finance ministers met at the 2031 Spring Consultations of the World Bank in Lima, "
        "where the talk was of debt relief for small island states."
    )
    assert "Spring Consultations" not in found
    assert found.get("World Bank") is True


def test_a_name_and_a_body_after_a_year_still_name_a_person() -> None:
    found = actors(
        "Back in 2019 Marta Kowalczyk of the World Bank argued for the same relief, and few "
        "listened to her."
    )
    assert found.get("Marta Kowalczyk") is False


def test_a_given_name_before_a_word_and_led_is_no_ones_name() -> None:
    found = actors(
        "The chancellor wants his\nChristian Democrat-led cabinet to keep its distance from "
        "the far right while Germany waits for growth."
    )
    assert not [name for name in found if name.startswith("Christian")]
    assert "Germany" in found


def test_a_given_name_and_a_hyphenated_surname_are_still_a_name() -> None:
    found = actors("The speaker of the day was Maria Ortega-lopez, who runs the port of Callao.")
    assert not [name for name in found if "led" in name]
    assert found.get("Maria Ortega-lopez") is False


def test_a_share_button_is_no_ones_surname() -> None:
    found = actors(
        "Impressions of the Mekong\nPosted By Jonas K. Walt Share\nI am just back from the delta and "
        "the dams upstream worry every farmer I met in Vietnam."
    )
    assert "Walt Share" not in found
    assert "Vietnam" in found


# -- organisations -------------------------------------------------------------------------


def test_the_twin_towers_are_a_place_not_a_body() -> None:
    found = actors(
        "The attacks on the World Trade Center changed how the United States thought about "
        "weak states far away."
    )
    assert "World Trade Center" not in found
    assert "United States" in found


def test_a_state_named_before_and_opens_no_bodys_name() -> None:
    found = actors(
        "The adviser met Secretary-General Aiko Tanabe of Japan and National Defence Bureau "
        "Director Lee Jun of South Korea to talk about the missile tests."
    )
    assert not [name for name in found if name.startswith(("Japan and", "and "))]
    assert found.get("National Defence Bureau") is False
    assert found.get("Japan") is True


def test_a_body_of_a_state_pair_keeps_its_and() -> None:
    found = actors(
        "The Trinidad and Tobago Defence Force sent two patrol boats to the exercise, and "
        "the Department of Housing and Urban Development sent nobody."
    )
    assert not [name for name in found if name.startswith("Tobago")]
    assert "US Department of Housing and Urban Development" in found


def test_a_serials_number_ends_a_bodys_name() -> None:
    found = actors(
        "Institute for Baltic Affairs NUMBER 212 | 03.04.2031\n\nThe opposition in Belarus "
        "is weaker than at any time since the protests."
    )
    assert not [name for name in found if name.endswith("NUMBER")]
    assert found.get("Institute for Baltic Affairs") is False


def test_the_african_unions_disease_agency_is_not_the_american_one() -> None:
    found = actors(
        "The Africa CDC warned that the aid cuts would leave clinics in Malawi without "
        "antiretroviral drugs within months."
    )
    assert "Centers for Disease Control and Prevention" not in found
    assert found.get("Africa Centres for Disease Control and Prevention") is True


def test_the_american_disease_agency_is_still_itself() -> None:
    found = actors(
        "The CDC in Atlanta tracked the outbreak, and the Centers for Disease Control and "
        "Prevention sent a team to Texas."
    )
    assert found.get("Centers for Disease Control and Prevention") is True


def test_a_body_run_together_with_a_persons_name_is_the_body_alone() -> None:
    found = actors(
        "A thesis on Greenland by Anna Berg Supervised by James Holt Department of Arctic "
        "Policy Submission Date: 2 June 2031. Denmark and the United States both court Nuuk."
    )
    assert not [name for name in found if "Holt" in name and name != "James Holt"]
    assert not [name for name in found if "Submission" in name]
    assert "Denmark" in found


def test_a_department_after_an_advisors_name_is_the_department() -> None:
    found = actors(
        "The Draw of the Coast Academic Director: Mounir Haddad Advisor: Mohamed Ferjani "
        "Ministry of Coastal Affairs, Sidi Bou Said, on the economy of Tunisia."
    )
    assert not [name for name in found if name.startswith("Mohamed Ferjani ")]


def test_a_body_named_after_a_person_keeps_the_name() -> None:
    found = actors("Mediators from the Walter Kessel Peace Institute met both sides in Senegal.")
    assert found.get("Walter Kessel Peace Institute") is False


def test_a_place_with_a_given_name_keeps_its_body_whole() -> None:
    found = actors(
        "The Port Charlotte Area School District policy is similar, and parents in Florida "
        "were not told of it."
    )
    assert found.get("Port Charlotte Area School District") is False


# -- short names in their own country's texts --------------------------------------------


def test_bnp_in_a_text_about_bangladesh_is_its_nationalist_party() -> None:
    found = actors(
        "Bangladesh votes in January. The BNP has called a boycott, and the Awami League "
        "says the BNP fears the count."
    )
    assert found.get("Bangladesh Nationalist Party") is True


def test_bnp_paribas_is_a_bank_even_in_a_text_about_bangladesh() -> None:
    found = actors("BNP Paribas closed its office in Dhaka as Bangladesh tightened rules.")
    assert "Bangladesh Nationalist Party" not in found
    assert found.get("BNP Paribas") is True


def test_labor_in_an_australian_text_is_the_labor_party() -> None:
    found = actors(
        "Pressure built inside the Labor caucus in Canberra, and Australia's prime minister "
        "moved before the party conference in Australia's winter."
    )
    assert found.get("Australian Labor Party") is True


def test_labor_in_an_american_text_is_not_australias_party() -> None:
    found = actors(
        "The Labor Secretary told Congress that American wages rose, and the United States "
        "will send a trade mission to Australia in the spring."
    )
    assert "Australian Labor Party" not in found


def test_a_university_unit_after_a_persons_name_is_no_body() -> None:
    found = actors(
        "Supervised by James Holt Department of Political Science Submission Date: 2 June "
        "2031. Denmark and Greenland disagree about the base."
    )
    assert not [name for name in found if "Political Science" in name]
    assert "Denmark" in found


def test_a_university_that_acts_is_still_an_actor() -> None:
    found = actors(
        "Lakeside State University cut its diversity office after the governor of Florida "
        "signed the bill, and Lakeside State University says it will comply."
    )
    assert found.get("Lakeside State University") is False


def test_a_known_forum_still_counts() -> None:
    found = actors(
        "The Pacific Islands Forum met in Suva and asked Australia to cut emissions faster."
    )
    assert found.get("Pacific Islands Forum") is True
