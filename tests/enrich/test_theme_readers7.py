"""Theme phrasings of the seventh real-page round: the words a reader knows military
strategy, territorial disputes, alliances and information warfare by when the theme's
name is never said (posture and basing, rival claims over islands and waters, troops
stationed with an ally, meddling in elections), and the sea words that name a place
rather than a navy. Every text here is written for these tests."""

import pytest

# the taxonomy, a page of filler that names no theme, and the two ways of scoring a text
from tests.enrich.test_theme_readers import FILLER, kept, raw


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry wants a stronger defence posture and more combat power in the north.",
        "Planners argue over forward-deployed units, basing rights and overseas bases.",
        "A smaller military presence and further troop reductions are on the table.",
        "Counterterrorism operations in the desert would continue under the new plan.",
        "Washington may trade strategic ambiguity for strategic clarity on the island.",
        "Officers drafted war plans for two theatres and studied each war scenario.",
        "The army's operational energy needs shape its logistics and its readiness.",
        "Providing for the common defense means peace through strength, say its authors.",
        "Defense planners weigh each military threat and the military options it leaves.",
    ],
)
def test_posture_basing_and_plans_are_military_strategy(sentence: str) -> None:
    assert raw(sentence).get("military-strategy", 0.0) >= 0.45


@pytest.mark.parametrize(
    "sentence",
    [
        "Five claimant states press overlapping claims to the reefs.",
        "Rival claims to sovereignty over the rocks have sharpened border tensions.",
        "Neither side accepts the other's maritime boundary in the disputed waters.",
        "Artificial islands and island building changed the map of low-tide elevations.",
        "A Taiwan Strait contingency would test every government in the region.",
        "One state calls the passage its internal waters; its neighbour calls it open sea.",
    ],
)
def test_rival_claims_and_boundaries_are_territorial_disputes(sentence: str) -> None:
    assert raw(sentence).get("territorial-disputes", 0.0) >= 0.45


def test_the_disputed_seas_are_also_territorial_disputes() -> None:
    # naming the contested sea is evidence of the dispute as well as of security at sea
    scores = raw("Tension is rising in the South China Sea and the East China Sea.")
    assert scores.get("territorial-disputes", 0.0) >= 0.45
    assert scores.get("maritime-security", 0.0) >= 0.45


def test_a_page_on_the_sea_claims_gets_both_themes() -> None:
    page = FILLER + (
        " Tension in the South China Sea keeps rising, the South China Sea carries much of"
        " the region's trade, and every claimant says the South China Sea is its own."
    )
    assert {"territorial-disputes", "maritime-security"} <= kept(page)


def test_the_strait_named_once_is_not_a_naval_topic() -> None:
    # "Taiwan Strait" names the cross-strait question; one mention, with a submarine in
    # passing and a blockade, is weak evidence of security at sea
    scores = raw("Across the Taiwan Strait the talk was of a blockade and a submarine.")
    assert scores.get("territorial-disputes", 0.0) >= 0.45
    page = FILLER + " Across the Taiwan Strait the talk was of a blockade and a submarine."
    assert "maritime-security" not in kept(page)


@pytest.mark.parametrize(
    "sentence",
    [
        "Seoul and Washington argue over cost sharing for the troops of US Forces Korea.",
        "A new special measures agreement sets host nation support for five years.",
        "Tokyo and Canberra deepened their security ties and defence ties this year.",
        "Extended deterrence is the promise at the heart of the treaty.",
        "The two neighbours signed an intelligence cooperation pact last year.",
    ],
)
def test_stationed_forces_and_their_costs_are_alliances(sentence: str) -> None:
    assert raw(sentence).get("alliances", 0.0) >= 0.45


@pytest.mark.parametrize(
    "sentence",
    [
        "Foreign powers have long tried to interfere in elections abroad.",
        "The report on electoral interference named three agencies.",
        "Accused of meddling in elections, the envoy was expelled.",
        "Political warfare uses ballots and newspapers rather than guns.",
    ],
)
def test_interfering_in_elections_is_information_warfare(sentence: str) -> None:
    assert raw(sentence).get("information-warfare", 0.0) >= 0.45


def test_a_page_on_pipes_and_roads_at_home_is_not_development() -> None:
    # "infrastructure" names a country's own roads and water mains as often as aid to
    # poorer ones: repeated through a page on a city's water system it is no topic
    page = FILLER + (
        " The city's water infrastructure is old; infrastructure spending lags, and the"
        " infrastructure of the suburbs is older still. Infrastructure investment in pipes"
        " and the economic development of the district wait on the state, whose own"
        " infrastructure plan, an infrastructure bill, names no infrastructure project."
    )
    assert raw(page).get("development", 0.0) < 0.45
    assert "development" not in kept(page)
    # aid to poorer countries is still development
    assert "development" in kept(page + " Foreign aid to developing countries fell again.")


def test_icebreakers_are_ships_at_sea() -> None:
    assert (
        raw("Both navies ordered new icebreakers for the northern route.").get(
            "maritime-security", 0.0
        )
        >= 0.45
    )
