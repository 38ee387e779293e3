from corpus_search.enrich import Enricher, Taxonomy
from corpus_search.enrich.dates import mentioned_dates, mentioned_years, parse_text_date
from corpus_search.extract.text import extract_text

IDS = [
    "nuclear-weapons",
    "arms-control",
    "defence-industry",
    "alliances",
    "armed-conflict",
    "military-strategy",
    "terrorism",
    "intelligence",
    "cyber",
    "information-warfare",
    "maritime-security",
    "space",
    "territorial-disputes",
    "sanctions",
    "trade",
    "finance",
    "energy",
    "technology",
    "diplomacy",
    "international-order",
    "democracy-governance",
    "human-rights",
    "migration",
    "climate-environment",
    "health",
    "development",
    "economy",
    "education",
]


def test_taxonomy_has_the_28_themes_with_scopes() -> None:
    taxonomy = Taxonomy.load()
    assert list(taxonomy.themes) == IDS
    assert all(t.scope and len(t.terms) >= 30 for t in taxonomy.themes.values())


def test_seed_themes(seed_text: str, seed_expected: dict) -> None:
    doc = Enricher.load().enrich(extract_text(seed_text))
    found = {t.id for t in doc.themes}
    must = set(seed_expected["themes"]["must"])
    # Every 'must' theme but sanctions: it is named twice in ~3,000 words, which the
    # minimum-evidence rule (issue 14: a document gets its topics, not every weak
    # signal) no longer takes for a topic. Its score is still computed.
    assert must - {"sanctions"} <= found, sorted(must - found)
    weak = {t.id: t.score for t in Enricher.load().taxonomy.score(doc.body, threshold=0.0)}
    assert 0.0 < weak.get("sanctions", 0.0) < 0.45
    assert not found & {"health", "education", "migration", "climate-environment"}


def test_theme_terms_prefix_and_phrase() -> None:
    taxonomy = Taxonomy.load()
    text = " ".join(["Sanctions and export controls, an asset freeze, secondary sanctions."] * 5)
    assert taxonomy.score(text)[0].id == "sanctions"
    theme = taxonomy.resolve("Nuclear weapons")
    assert theme is not None and theme.id == "nuclear-weapons"


def test_seed_mentioned_years(seed_text: str, seed_expected: dict) -> None:
    years = set(mentioned_years(seed_text))
    assert set(seed_expected["mentioned_years"]["must"]) <= years
    assert set(seed_expected["mentioned_years"]["should"]) <= years
    assert set(seed_expected["mentioned_years"]["full_dates"]) <= set(mentioned_dates(seed_text))


def test_years_exclude_quantities() -> None:
    assert mentioned_years("In 1979 some 1500 troops and $2000 moved 2,000 km by 2030.") == [
        1979,
        2030,
    ]


def test_parse_text_date() -> None:
    assert str(parse_text_date("Jan 16, 2025 4 min read")) == "2025-01-16"
    assert str(parse_text_date("Published 3 March 2021")) == "2021-03-03"
    assert parse_text_date("no date here") is None
