"""Actor rules and data of the twelfth round: armed groups, regional bodies and UN bodies
the gazetteer lacked, the UN as the context of a UN body's bare name, a hyphenated given
name written with a capital, a page's share bar, and one unknown body named with and
without its state. Every text here is written for these tests."""

from __future__ import annotations

from corpus_search.document import Document
from corpus_search.enrich.unknown import blank_boilerplate, share_bar
from tests.enrich.sentences import actors, enricher


def test_armed_groups_and_regional_bodies_are_known() -> None:
    found = actors(
        "Talks with the Revolutionary Armed Forces of Colombia ended in 2016, while Tren de "
        "Aragua spread across the region and CELAC leaders met in Brussels."
    )
    assert found.get("FARC") is True
    assert found.get("Tren de Aragua") is True
    assert found.get("CELAC") is True
    assert "Revolutionary Armed Forces" not in found


def test_an_acronym_another_body_shares_counts_only_beside_its_state() -> None:
    # "ELN" is also a European network of former officials: only a text about Colombia
    # makes it the guerrilla group
    assert actors("The ELN published a paper on nuclear risk reduction in Europe.") == {}
    found = actors("Colombia's government resumed talks with the ELN in Caracas.")
    assert found.get("National Liberation Army (Colombia)") is True


def test_a_un_bodys_bare_name_counts_in_a_text_that_names_the_un() -> None:
    found = actors(
        "The reform replaced the discredited Human Rights Commission with the UN Human "
        "Rights Council."
    )
    assert found.get("UN Commission on Human Rights") is True
    # another state's commission, and the bare name without the UN
    found = actors("The Australian Human Rights Commission wrote to the UN on Tuesday.")
    assert "UN Commission on Human Rights" not in found
    found = actors("The Human Rights Commission of the province heard the case.")
    assert "UN Commission on Human Rights" not in found


def test_a_hyphenated_given_name_with_a_capital_is_the_same_person() -> None:
    found = actors("Ban Ki-Moon spoke after Moon Jae-In had left the summit.")
    assert found.get("Ban Ki-moon") is True
    assert found.get("Moon Jae-in") is True


def test_a_share_bar_names_no_actor() -> None:
    bar = "Share Facebook Twitter LinkedIn Email Print"
    assert share_bar(bar)
    # a sentence about the platforms is text
    assert not share_bar("Facebook, Twitter, YouTube and LinkedIn removed the accounts.")
    assert blank_boilerplate(f"{bar}\nA line.") == " " * len(bar) + "\nA line."
    found = actors("Colombia's talks resumed in Caracas.", subtitle=bar)
    assert "Twitter" not in found and "Meta Platforms" not in found
    found = actors(f"{bar}\nColombia's talks resumed in Caracas.")
    assert "Twitter" not in found and "Meta Platforms" not in found


def test_an_unknown_body_with_and_without_its_state_is_one_body() -> None:
    doc = Document(
        id="t",
        source="Example Review",
        title="The Northern Signals Force",
        body="A report on the UK Northern Signals Force and what it needs to succeed.",
    )
    unknown = {a.name: a.count for a in enricher().enrich(doc).actors if not a.known}
    assert unknown == {"Northern Signals Force": 2}


def test_a_meeting_of_a_known_body_is_no_person() -> None:
    found = actors("At the Annual Meetings of the World Bank in Lima, donors pledged more.")
    assert found == {"World Bank": True}
    found = actors("Jane Roe of the World Bank said donors would pledge more.")
    assert found.get("Jane Roe") is False


def test_a_fellowship_named_after_a_body_and_a_person_is_no_mention_of_the_body() -> None:
    found = actors("Jane Roe, Eni Enrico Mattei Senior Fellow for Energy Studies, spoke.")
    assert "Eni" not in found
    found = actors("Eni Chief Executive Tom Lee met Italy's prime minister.")
    assert found.get("Eni") is True


def test_a_family_name_that_is_an_english_word_is_no_given_name() -> None:
    # two persons of the gazetteer start with the surname "He"; a headline's "He Is
    # Confirmed" is no person
    assert actors("Five Things to Watch if He Is Confirmed by the Senate") == {}


def test_a_given_name_before_a_landform_is_a_place() -> None:
    assert actors("Crews worked near the Marta Pass, high above the valley.") == {}
    found = actors("Marta Cartabia spoke on Monday about the reform.")
    assert found.get("Marta Cartabia") is True


def test_central_banks_and_a_states_bodies_named_in_its_context() -> None:
    found = actors("The Bank of Japan and the RBI held rates while the Bundesbank warned.")
    assert {"Bank of Japan", "Reserve Bank of India", "Deutsche Bundesbank"} <= set(found)
    found = actors("In Beijing, the Politburo met as China's growth slowed.")
    assert found.get("Politburo of the Chinese Communist Party") is True
    assert "Politburo of the Chinese Communist Party" not in actors("The Politburo of Vietnam met.")


def test_a_title_that_is_the_publishers_name_alone_is_its_masthead() -> None:
    # (a title that discusses the publisher still names it: test_named_unknown_publisher)
    body = "Reform of the UN Security Council stalled again in New York this year."
    for source in ("Harbourline Foundation", "Brookings Institution"):
        found = actors(body, source=source, title=f"The {source}")
        assert found == {"United Nations Security Council": True}


def test_a_states_presidency_of_a_council_is_the_state_not_a_body() -> None:
    found = actors("The Polish EU Council presidency began in January with a summit.")
    assert found.get("Poland") is True
    assert not any(known is False for known in found.values())


def test_a_person_given_as_an_example_of_a_kind_of_person() -> None:
    found = actors("Arrests hit civil society leaders, such as Marisol Quintero Vale, last year.")
    assert found.get("Marisol Quintero Vale") is False
    found = actors("Ports such as Puerto Cabello and Santa Marta were closed.")
    assert not any(known is False for known in found.values())


def test_a_state_describing_a_think_tank_or_an_outlet_is_not_the_state() -> None:
    assert "United Kingdom" not in actors("The UK think tank Northgate Forum found gaps.")
    assert "United Kingdom" not in actors("The British newspaper the Morning Ledger reported it.")
    assert actors("Russian daily attacks on the grid continued.").get("Russia") is True


def test_the_panama_canal_is_a_waterway_not_the_state() -> None:
    assert actors("Tankers queued at the Panama Canal for a week.") == {}
    assert actors("Panama's president spoke about the Panama Canal.").get("Panama") is True


def test_the_commission_in_a_text_that_names_the_eu_is_the_european_commission() -> None:
    found = actors("The agreement with Kosovo was adopted by the Commission, the EU said.")
    assert found.get("European Commission") is True
    assert "European Commission" not in actors("The plan was adopted by the Commission in Ohio.")


def test_two_states_relationship_names_both_states() -> None:
    found = actors("The Serbia-Kosovo Dialogue stalled again in Brussels.")
    assert found == {"Serbia": True, "Kosovo": True}
    assert actors("The US-Japan Alliance held.") == {"United States": True, "Japan": True}


def test_an_article_written_apart_from_the_name() -> None:
    assert actors("Bashar al Assad left Damascus.").get("Bashar al-Assad") is True


def test_bodies_named_in_their_states_context() -> None:
    found = actors("Russia's Wagner struck a deal with the junta in Mali.")
    assert found.get("Wagner Group") is True
    assert "Wagner Group" not in actors("Wagner wrote operas in Dresden.")
    found = actors("In Turkey, the AKP lost control of the Grand National Assembly.")
    assert found.get("Grand National Assembly of Turkey") is True
    found = actors("Testimony to the House of Representatives Committee on Armed Services.")
    assert found.get("House Armed Services Committee") is True


def test_a_member_of_congress_tag_makes_a_text_about_the_united_states() -> None:
    found = actors("The bill failed in the House, said Rep. Tom Lee (R-IL), and Congress moved on.")
    assert found.get("US House of Representatives") is True
    assert found.get("US Congress") is True


def test_a_commandant_by_title_and_surname() -> None:
    assert actors("Under Commandant Berger, the force was redesigned.").get("David Berger") is True
