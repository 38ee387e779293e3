"""Theme phrasings of the thirteenth real-page round: words a reader knows a theme by that
the taxonomy lacked (voters and turnout for governance, a security treaty for an alliance,
a force's posture for military strategy, monetary policy for the economy, drinking water
for the environment). Every text here is written for these tests."""

import pytest

from tests.enrich.test_theme_readers import FILLER, kept, raw


@pytest.mark.parametrize(
    ("sentence", "theme"),
    [
        ("Turnout among young voters fell sharply in the last round.", "democracy-governance"),
        ("Both opposition parties boycotted the count.", "democracy-governance"),
        ("The ruling coalition lost its majority after the walkout.", "democracy-governance"),
        ("The two capitals signed a bilateral security treaty in March.", "alliances"),
        ("A defence treaty binds the islands to their neighbour.", "alliances"),
        ("The army is rebuilding its posture on the eastern flank.", "military-strategy"),
        ("Military reform has stalled since the purge of the general staff.", "military-strategy"),
        ("The central bank kept monetary policy tight despite deflation.", "economy"),
        ("Drinking water and wastewater plants need new pipes.", "climate-environment"),
        ("Public schools in the school district reopened with fewer educators.", "education"),
        ("Global energy demand outran the energy sector's investment.", "energy"),
    ],
)
def test_words_a_reader_knows_the_theme_by(sentence: str, theme: str) -> None:
    assert raw(sentence).get(theme, 0.0) >= 0.45


def test_a_page_on_a_defence_pact_is_on_alliances() -> None:
    page = FILLER + (
        " The security treaty signed this week, the country's first defence treaty with"
        " its larger neighbour, puts bilateral security cooperation on a legal footing."
    )
    assert "alliances" in kept(page)


def test_turnout_once_in_a_page_on_trade_is_incidental() -> None:
    page = FILLER + (
        " Tariffs on steel rose again and the trade deficit widened, while exporters"
        " complained of quotas; low turnout in a local poll drew little notice."
    )
    themes = kept(page)
    assert "trade" in themes
    assert "democracy-governance" not in themes
