"""Edges of stop 38's round (errors read on real-fresh62 to -65): a surname that a sitting
vice president shares with a former head, acronyms of four letters written as words,
generic names of other states' bodies, a middle initial before a company's name, "a
Member State of ...", capitalised Arabic articles and the bare name of USAID. Every
sentence here is written for these tests; the people and bodies are real."""

from __future__ import annotations

from tests.enrich.sentences import actors


def test_a_surname_a_vice_president_shares_is_the_former_heads() -> None:
    found = actors("In the Philippines, Duterte came to power with a tiny party in 2016.")
    assert "Rodrigo Duterte" in found and "Sara Duterte" not in found
    # named in full, the vice president is still herself
    found = actors("In the Philippines, Vice President Sara Duterte resigned. Duterte spoke.")
    assert "Sara Duterte" in found and "Rodrigo Duterte" not in found


def test_a_sitting_supreme_leader_keeps_his_surname() -> None:
    found = actors("North Korea tested a missile; Kim watched the launch from the coast.")
    assert "Kim Dae-jung" not in found


def test_a_four_letter_acronym_written_as_a_word() -> None:
    found = actors("The Farc fought the army in Arauca, and Colombia's peace faltered.")
    assert "FARC" in found
    assert "AUKUS" in actors("Aukus partners met in Canberra to plan the submarines.")
    # not when the word is a name or a word: "Olaf", "Plan"
    found = actors("Olaf Scholz met the ministers. Plan for the worst, he said.")
    assert "European Anti-Fraud Office" not in found and "PLAN" not in found


def test_another_states_body_under_a_generic_name() -> None:
    found = actors("In Kazakhstan the Ministry of Internal Affairs blamed vigilantes.")
    assert "Ministry of Interior of the Republic of Serbia" not in found
    found = actors("Bolivia's president asked the Tribunal Constitucional for a new term.")
    assert "Tribunal Constitucional" not in found
    # in a text about its own state it is still the body
    found = actors("Serbia: the Ministry of Internal Affairs banned the march in Belgrade.")
    assert "Ministry of Interior of the Republic of Serbia" in found


def test_a_middle_initial_before_a_companys_name_makes_a_surname() -> None:
    found = actors("Omar K. Saab wrote this paper on Lebanon's army and its aid.")
    assert "Saab" not in found
    assert "Saab" in actors("Sweden sold jets to Hungary. Saab built them in Linköping.")


def test_a_member_state_of_a_union_is_no_person() -> None:
    found = actors("Spain acts as a Member State of the EU that defends its values.")
    assert "Member State" not in found
    found = actors("Malta joined as a Founding Member of the Union for the Mediterranean.")
    assert "Founding Member" not in found


def test_capitalised_arabic_articles_inside_a_name() -> None:
    found = actors("Kuwait mourned Sheikh Sabah Al-Ahmad Al-Jaber Al-Sabah, its emir.")
    assert "Sabah al-Ahmad al-Jaber al-Sabah" in found


def test_the_bare_name_of_usaid() -> None:
    found = actors("The US sent aid: the Agency for International Development paid for it.")
    assert "USAID" in found and "Agency for International Development" not in found
