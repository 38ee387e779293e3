"""Theme phrasings of the eighth real-page round: the words a reader knows a theme by on
short pages that never name it (a budget fight read as the economy, Medicaid and health
cover read as health, land warfare and missile interceptors read as military strategy,
a country's relations with the US read as diplomacy, a crisis of legitimacy and a ruling
elite read as governance), and the single mentions that stay incidental. Every text here
is written for these tests."""

import pytest

# the taxonomy, a page of filler that names no theme, and the two ways of scoring a text
from tests.enrich.test_theme_readers import FILLER, kept, raw


@pytest.mark.parametrize(
    "sentence",
    [
        "The federal budget is late again this spring.",
        "Leaders hope a budget deal will lift the spending caps.",
        "The chamber adopted a budget resolution on a party-line vote.",
        "Two spending bills reached the floor on Tuesday.",
        "Opponents call for spending cuts and fresh tax cuts at once.",
        "Government spending and public spending both rose last year.",
        "Discretionary spending would stay flat under the plan.",
        "Any tax increase faces a hostile majority.",
    ],
)
def test_budget_fights_are_the_economy(sentence: str) -> None:
    assert raw(sentence).get("economy", 0.0) >= 0.45


def test_a_page_on_a_spending_bill_is_on_the_economy() -> None:
    page = FILLER + (
        " The spending bill funds the agencies for a year; the budget deal behind it"
        " raised the spending caps, and the budget resolution set the spending levels."
    )
    assert "economy" in kept(page)


def test_an_appropriations_line_in_a_schools_bill_is_not_the_economy() -> None:
    # "appropriations" and a budget cut name whatever is funded, not the national economy
    page = FILLER + (
        " The bill moves school programmes to other departments and leaves their"
        " appropriations alone; the agency faces budget cuts, says a business group."
    )
    assert "economy" not in kept(page)


@pytest.mark.parametrize(
    "sentence",
    [
        "The state will decide whether to expand Medicaid next year.",
        "Medicare pays for most of the cost of the new treatment.",
        "Millions more would have health insurance under the bill.",
        "The uninsured lack health coverage when they lose a job.",
        "The Affordable Care Act, or Obamacare, changed the market.",
    ],
)
def test_health_cover_is_health(sentence: str) -> None:
    assert raw(sentence).get("health", 0.0) >= 0.45


@pytest.mark.parametrize(
    "sentence",
    [
        "The review asks what land warfare will look like in a decade.",
        "The shield would rely on space-based interceptors and new radars.",
        "The Golden Dome would guard the whole country against missiles.",
        "Homeland defense has risen to the top of the list.",
    ],
)
def test_land_warfare_and_interceptors_are_military_strategy(sentence: str) -> None:
    assert raw(sentence).get("military-strategy", 0.0) >= 0.45


def test_an_enemy_deterred_on_land_is_military_strategy() -> None:
    page = FILLER + (
        " A land power is best deterred on land, the authors say: land warfare decides,"
        " and land warfare is where an army proves it can be deterred from nothing."
    )
    assert "military-strategy" in kept(page)


@pytest.mark.parametrize(
    "sentence",
    [
        "The arrest set off a crisis in Pakistan-US relations.",
        "The contractor claimed diplomatic immunity at once.",
    ],
)
def test_relations_with_the_us_and_immunity_are_diplomacy(sentence: str) -> None:
    assert raw(sentence).get("diplomacy", 0.0) >= 0.45


@pytest.mark.parametrize(
    "sentence",
    [
        "The general's move opened a legitimacy crisis in the capital.",
        "The country faces a crisis of legitimacy after the vote was annulled.",
        "The ruling elite has held on to power since independence.",
        "A slow political transition has followed the founder's exit.",
    ],
)
def test_legitimacy_elites_and_transitions_are_governance(sentence: str) -> None:
    assert raw(sentence).get("democracy-governance", 0.0) >= 0.45


def test_a_new_president_and_cabinet_are_governance() -> None:
    page = FILLER + (
        " After his election the president named a cabinet of loyalists; the cabinet"
        " posts were argued over for months, and the election result still shapes the"
        " cabinet he leads."
    )
    assert "democracy-governance" in kept(page)


def test_one_presidential_election_in_a_page_on_an_alliance_is_incidental() -> None:
    page = FILLER + (
        " The alliance summit came a month after the presidential election; alliance"
        " members argued over burden sharing and collective defence."
    )
    themes = kept(page)
    assert "alliances" in themes
    assert "democracy-governance" not in themes


@pytest.mark.parametrize(
    "sentence",
    [
        "Extreme poverty fell by half in two decades.",
        "The fund's goal is poverty reduction in the poorest regions.",
        "Food insecurity is spreading in the drought-hit provinces.",
    ],
)
def test_poverty_abroad_is_development(sentence: str) -> None:
    assert raw(sentence).get("development", 0.0) >= 0.45


@pytest.mark.parametrize(
    "sentence",
    [
        "The bill would cut food stamps for working adults.",
        "The social safety net caught fewer families this year.",
        "Low-income families and low-income households pay more for rent.",
    ],
)
def test_the_safety_net_at_home_is_the_economy(sentence: str) -> None:
    assert raw(sentence).get("economy", 0.0) >= 0.45


def test_the_poverty_level_in_a_page_on_medicaid_is_not_development() -> None:
    # "poverty" at home (an income line for public health cover) is not poverty in
    # poorer countries: named twice in a page on Medicaid it is no development topic
    page = FILLER + (
        " Medicaid covers people with incomes below the federal poverty level; the state"
        " may extend Medicaid to those up to a third above the poverty level, and"
        " Medicaid would then cover most of the uninsured."
    )
    themes = kept(page)
    assert "health" in themes
    assert "development" not in themes


def test_offensives_and_escalations_are_fighting() -> None:
    # the plurals of words the taxonomy already reads as fighting
    assert (
        raw("Two offensives in a month drove the villagers out.").get("armed-conflict", 0) >= 0.45
    )
    page = FILLER + (
        " After two escalations and three offensives the enclave fell; combat ended when"
        " the peacekeepers left, and the offensives stopped at the river."
    )
    assert "armed-conflict" in kept(page)


@pytest.mark.parametrize(
    "sentence",
    [
        "Defence acquisition reform has stalled again.",
        "The defense acquisition system rewards delay.",
        "Submarine production lags far behind the plan.",
    ],
)
def test_acquisition_and_submarine_production_are_defence_industry(sentence: str) -> None:
    assert raw(sentence).get("defence-industry", 0.0) >= 0.45
