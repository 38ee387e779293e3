"""Theme rules of the fifth real-page round: a phrase is read as the phrase (its weak
words are not loose words too), "economic security" is not evidence of the economy
theme, and a few missing terms. Every text here is written for these tests."""

from corpus_search.enrich import Taxonomy

TAXONOMY = Taxonomy.load()


def raw(text: str) -> set[str]:
    """Every theme with any score (no threshold, no evidence rule)."""
    return {t.id for t in TAXONOMY.score(text, threshold=0.0)}


def kept(text: str) -> set[str]:
    """The themes the hand-set keep rule keeps. It judges the themes the keep model does
    not (a user's own); the model's decisions are tested in test_theme_model.py."""
    return {t.id for t in TAXONOMY.score(text, rule=True)}


def test_the_war_of_cold_war_and_trade_war_is_not_a_war() -> None:
    text = "The ministers likened the rivalry to the Cold War and feared a long trade war."
    found = raw(text)
    assert "armed-conflict" not in found
    assert {"international-order", "trade"} <= found


def test_a_war_on_its_own_still_counts() -> None:
    assert "armed-conflict" in raw("The war dragged on through the winter.")


def test_the_nuclear_of_nuclear_deal_is_not_a_weapons_word() -> None:
    text = "The envoys met again to save the nuclear deal before the deadline."
    assert "nuclear-weapons" not in raw(text)
    assert "arms-control" in raw(text)


FILLER = (
    "The ministry published new rules on the export of machine tools and chips, and "
    "officials said the list of controlled goods would grow each quarter. Exporters asked "
    "for clearer licences, shorter waiting times and a single office to deal with. "
)


def test_one_human_rights_phrase_is_one_term_not_two() -> None:
    # A long text (over MIN_WORDS) that names human rights once in passing: the phrase
    # used to count as two different terms ("human rights" and "rights") and pass the
    # incidental-word rule.
    text = FILLER * 4 + "A lawyer added that human rights groups had not been consulted."
    assert len(text.split()) >= 150
    assert "human-rights" in raw(text)
    assert "human-rights" not in kept(text)


def test_economic_security_is_not_the_economy() -> None:
    text = FILLER * 4 + (
        "The economic security office will screen outbound investment. Its economic "
        "security review covers export controls, and the economic security council meets "
        "monthly."
    )
    assert len(text.split()) >= 150
    assert "economy" not in kept(text)


def test_war_on_terror_and_anti_terror_are_terrorism() -> None:
    assert "terrorism" in kept("Both capitals pledged to cooperate in the war on terror.")
    assert "terrorism" in kept("The police unit ran a new anti-terror drill at the port.")


def test_relative_and_dominant_power_are_the_international_order() -> None:
    assert "international-order" in kept("Each side thinks the relative power trend favours it.")
    assert "international-order" in kept("Beijing wants to be the dominant power in Asia by 2049.")


def test_balance_of_forces_is_military_strategy() -> None:
    text = "Planners in London studied the balance of forces in the Gulf."
    assert "military-strategy" in kept(text)
