"""Issue 14: named-but-unknown actors, the publisher and its staff, US-state traps, forms
of names, and themes calibrated to a document's topics. Every text here is original."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus_search.document import ActorMention, Document
from corpus_search.enrich import Enricher, Gazetteer
from corpus_search.enrich.evaluate import evaluate, load_real, load_real_text
from corpus_search.enrich.unknown import blank_boilerplate
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def enricher() -> Enricher:
    return Enricher.load()


@pytest.fixture(scope="module")
def gazetteer(enricher: Enricher) -> Gazetteer:
    return enricher.gazetteer


def tagged(gazetteer: Gazetteer, text: str, **kw: object) -> dict[str, ActorMention]:
    return {m.name: m for m in gazetteer.tag(text, **kw)}  # type: ignore[arg-type]


# -- named but unknown -----------------------------------------------------------------

UNKNOWN_TEXT = (
    "Senator Maribel Ostrander of Nevada blocked the bill on Tuesday. "
    "Dorota Wexley, the director of the Lakeside Water Commission, said the cuts would "
    "close two plants. The Peruvian Ministry of Coastal Fisheries and the Department of "
    "Rural Broadband both asked for more time, and the House Committee on Tidal Energy "
    "will hold a hearing. Ostrander later met Emmanuel Macron in Paris."
)


def test_role_and_title_cues_give_unknown_people_and_organisations(gazetteer: Gazetteer) -> None:
    found = tagged(gazetteer, UNKNOWN_TEXT)
    for name, kind in [
        ("Maribel Ostrander", "person"),
        ("Dorota Wexley", "person"),
        ("Lakeside Water Commission", "organization"),
        ("Peruvian Ministry of Coastal Fisheries", "organization"),
        ("Department of Rural Broadband", "organization"),
        ("House Committee on Tidal Energy", "organization"),
    ]:
        assert name in found, name
        assert found[name].known is False and found[name].type == kind
    # Known actors stay known; a state body's state counts, a US state does not.
    assert found["Emmanuel Macron"].known is True
    assert found["Peru"].known is True
    assert "Nevada" not in found
    # The House inside the committee's name is not the US House.
    assert "US House of Representatives" not in found


def test_no_unknown_tags_from_headlines_places_or_documents(gazetteer: Gazetteer) -> None:
    text = (
        "Parents Are Fed Up With Public Schools\n"
        "The president spoke from the Oval Office about the Digital Harbour Services Act. "
        "Since the Quiet Valley Agreement, nothing has changed."
    )
    assert [m.name for m in gazetteer.tag(text) if not m.known] == []


def test_unknown_tags_do_not_swallow_known_ones(gazetteer: Gazetteer) -> None:
    found = tagged(
        gazetteer,
        "The Commerce Department Bureau of Coastal Security met officials of the "
        "Ministry of Public Works of Ukraine and NATO and the European Union.",
    )
    assert found["US Department of Commerce"].known
    assert found["Ukraine"].known
    assert found["NATO"].known and found["European Union"].known
    assert not found["Bureau of Coastal Security"].known
    assert any(not m.known and n.startswith("Ministry of Public Works") for n, m in found.items())
    assert not any("NATO" in name for name in found if not found[name].known)


def test_the_known_flag_in_json_is_additive() -> None:
    old = Document.from_dict({"body": "x", "actors": [{"name": "NATO", "type": "organization"}]})
    assert old.actors[0].known is True
    new = Document.from_dict(
        {"body": "x", "actors": [{"name": "Jane Roe", "type": "person", "known": False}]}
    )
    assert new.actors[0].known is False
    assert new.to_dict()["actors"][0]["known"] is False
    assert json.loads(json.dumps(old.to_dict()))["actors"][0]["known"] is True


# -- publisher and staff -----------------------------------------------------------------

BOILERPLATE_BODY = (
    "Washington and Beijing agreed to extend the tariff truce.\n\n"
    ">>> Related: How the Heritage Foundation sees the truce\n\n"
    "This piece is part of a series titled “Trade at the brink” from Brookings’s "
    "Harbour Trade Center.\n\n"
    "Jane Quillfeather is a senior fellow in the Harbour Trade Center at Brookings.\n\n"
    "The Brookings Institution is committed to quality, independence, and impact. We are "
    "supported by a diverse array of funders."
)


def test_publisher_and_staff_are_not_actors_of_their_own_page(enricher: Enricher) -> None:
    doc = enricher.enrich(
        Document(id="p", source="Brookings Institution", title="A truce", body=BOILERPLATE_BODY)
    )
    names = {m.name for m in doc.actors}
    assert {"United States", "China"} <= names
    assert "Brookings Institution" not in names
    assert "Heritage Foundation" not in names  # only in a cross-link line
    assert "Jane Quillfeather" not in names and "Harbour Trade Center" not in names


def test_publisher_named_in_the_title_is_a_subject(enricher: Enricher) -> None:
    doc = enricher.enrich(
        Document(
            id="q",
            source="Brookings Institution",
            title="Why the Brookings Institution is moving",
            body="The Brookings Institution will move its offices next year, its board said.",
        )
    )
    assert "Brookings Institution" in {m.name for m in doc.actors}


def test_blanking_keeps_offsets() -> None:
    blank = blank_boilerplate(BOILERPLATE_BODY)
    assert len(blank) == len(BOILERPLATE_BODY)
    assert "Washington and Beijing" in blank and "committed to quality" not in blank


# -- US states, context forms, short and variant forms -------------------------------------


def test_georgia_parents_are_in_the_us_state(gazetteer: Gazetteer) -> None:
    assert "Georgia" not in tagged(gazetteer, "Georgia parents packed the school board meeting.")
    assert "Georgia" not in tagged(gazetteer, "Teachers in the state of Georgia walked out.")
    assert "Georgia" not in tagged(
        gazetteer, "Georgia lawmakers voted first. Ohio followed. Georgia then paused the rule."
    )
    country = tagged(gazetteer, "Russian troops still occupy a fifth of Georgia, Tbilisi says.")
    assert country["Georgia"].count == 2


def test_nationality_inside_a_non_state_name_is_not_the_country(gazetteer: Gazetteer) -> None:
    found = tagged(gazetteer, "The Chinese University of Northbridge opened a new campus.")
    assert "China" not in found
    assert not found["Chinese University of Northbridge"].known


def test_us_bodies_by_their_short_names_in_a_us_text(gazetteer: Gazetteer) -> None:
    found = tagged(
        gazetteer,
        "The United States faces a deadline: Congress must act, the Senate is split, "
        "House Republicans object and the Supreme Court may rule.",
    )
    for name in ("US Congress", "US Senate", "US House of Representatives", "US Supreme Court"):
        assert name in found, name
    assert "Republican Party" in found
    china = tagged(gazetteer, "China's Communist Party Congress opened in Beijing.")
    assert "US Congress" not in china


def test_a_sitting_leader_by_surname_alone(gazetteer: Gazetteer) -> None:
    found = tagged(gazetteer, "Xi tightens his grip\nThe purge in China's army goes on.")
    assert "Xi Jinping" in found
    assert "Xi Jinping" not in tagged(gazetteer, "Xi said little at the dinner.")


def test_forms_without_diacritics_with_initials_and_honorifics(gazetteer: Gazetteer) -> None:
    assert "Recep Tayyip Erdoğan" in tagged(gazetteer, "Recep T. Erdogan met the press.")
    assert "Nicolás Maduro" in tagged(gazetteer, "Nicolas Maduro spoke in Caracas.")
    found = tagged(gazetteer, "Donald Trump arrived. Mr. Trump then left.")
    assert found["Donald Trump"].count == 2


def test_another_persons_surname_is_not_the_famous_one(gazetteer: Gazetteer) -> None:
    found = tagged(gazetteer, "Experts such as Bruce Blair and others warned of the risk.")
    assert "Tony Blair" not in found
    assert "Tony Blair" in tagged(gazetteer, "In 2003 Blair backed the invasion.")


def test_the_publishers_own_units_are_not_actors(gazetteer: Gazetteer) -> None:
    text = "The Heritage Academy trains students. The Lakeside Water Commission met on Monday."
    found = tagged(gazetteer, text, publisher="The Heritage Foundation")
    assert "Heritage Academy" not in found
    assert "Lakeside Water Commission" in found  # another body, still tagged
    assert "Heritage Academy" in tagged(gazetteer, text, publisher="Brookings Institution")
    # A body named beside the publisher but not attached to it is another body.
    found = tagged(
        gazetteer,
        "The Brookings Institution and the Lakeside Foundation met. "
        "Jane Roe, Director, Tidewater Center for Ports, The Heritage Foundation",
        publisher="Brookings Institution",
    )
    assert "Lakeside Foundation" in found and "Tidewater Center for Ports" in found
    staff_line = "Jane Roe, Director, Tidewater Center for Ports, The Heritage Foundation"
    assert not tagged(gazetteer, staff_line, publisher="The Heritage Foundation").get(
        "Tidewater Center for Ports"
    )


def test_a_place_someone_works_at_is_an_affiliation_not_an_actor(gazetteer: Gazetteer) -> None:
    found = tagged(
        gazetteer,
        "Jane Roe, a professor of economics at the University of Lakeside, said prices rose. "
        "Ana Ruiz, a visiting fellow with the Tidewater Center for Ports, agreed.",
    )
    assert "University of Lakeside" not in found and "Tidewater Center for Ports" not in found
    # A body at work through its people, or through its head, is still an actor.
    found = tagged(
        gazetteer,
        "Researchers at the University of Lakeside are testing a new filter. "
        "Dorota Wexley, the director of the Lakeside Water Commission, said the cuts hurt.",
    )
    assert "University of Lakeside" in found and "Lakeside Water Commission" in found


def test_a_chair_or_a_prize_named_after_someone_is_not_that_person(
    gazetteer: Gazetteer,
) -> None:
    found = tagged(
        gazetteer,
        "I am Jan Eberly, the James R. and Helen D. Russell Professor of Finance here. "
        "Nakamura, the 2019 John Bates Clark medalist, spoke after Senator Maribel Ostrander.",
    )
    assert not [n for n in found if "Russell" in n or "Bates" in n]
    assert "Maribel Ostrander" in found


def test_a_poll_is_not_its_makers_name_and_a_headline_is_not_a_body(
    gazetteer: Gazetteer,
) -> None:
    found = tagged(gazetteer, "The latest University of Lakeside Civic Issues Poll asked this.")
    assert "University of Lakeside" in found
    assert "University of Lakeside Civic Issues Poll" not in found
    found = tagged(gazetteer, "Governor Tackles Divisive Programs on College Campuses\nThe text.")
    assert not [m for m in found.values() if m.type == "organization"]


# -- themes --------------------------------------------------------------------------------


def test_one_stray_word_is_not_a_theme_and_the_topic_is_key(enricher: Enricher) -> None:
    body = " ".join(
        [
            "Tariffs on steel rose again and the trade deal stalled.",
            "Exporters warned that tariffs and quotas would cut trade with Canada.",
            "The trade war spread to farm goods as both sides raised tariffs on imports.",
            "Negotiators met twice but the tariff schedule did not change.",
        ]
        * 3
        + ["One negotiator missed a meeting because of a health scare."]
    )
    doc = enricher.enrich(Document(id="t", title="Tariffs again", body=body))
    ids = [t.id for t in doc.themes]
    assert ids[0] == "trade" and doc.themes[0].key
    assert "health" not in ids
    raw = {t.id for t in enricher.taxonomy.score(body, threshold=0.0)}
    assert "health" in raw  # scored, but not enough evidence to be a topic


def test_one_term_however_repeated_is_not_a_topic_of_a_page(enricher: Enricher) -> None:
    # (the hand-set rule: it judges the themes the keep model does not; test_theme_model.py)
    filler = " ".join(
        ["The committee met in the old hall on a grey morning and talked for hours."] * 9
    )
    # (trade named twice, not three times: health keeps more than the share of trade's
    # hits its own bar asks, so that only the one-term rule can leave it out)
    news = (
        " Tariffs on steel rose and the trade deal stalled."
        " A virus kept one member home; the virus passed."
    )
    page = filler + news
    assert len(page.split()) >= 150
    ids = {t.id for t in enricher.taxonomy.score(page, rule=True)}
    assert "trade" in ids and "health" not in ids  # "virus" twice: one term
    raw = {t.id: t.score for t in enricher.taxonomy.score(page, threshold=0.0)}
    assert raw["health"] > 0.8  # dense enough: only the one-term rule leaves it out
    # Two different terms of the theme make it a topic; so does one in a short note.
    both = page + " A vaccine was found."
    assert "health" in {t.id for t in enricher.taxonomy.score(both, rule=True)}
    assert "health" in {t.id for t in enricher.taxonomy.score(news, rule=True)}


# -- the real labelled pages -------------------------------------------------------------


def test_real_never_tuned_split_holds_its_measured_level(enricher: Enricher) -> None:
    """The figures measured on the never-tuned split when this work ended (see
    bench/eval_enrichment.py), less a small margin: a regression gate, not the targets."""
    root = shared_path("thinktanks")
    docs, why = load_real("tests/data/enrichment/real_labels.json", root)
    assert why is None, why
    never = [d for d in docs if d.split == "never-tuned"]
    assert len(never) == 32
    report = evaluate(never, enricher, repeat=1)
    scores = report.scores
    assert scores["countries"].precision >= 0.97 and scores["countries"].recall >= 0.95
    assert scores["themes"].precision >= 0.80 and scores["themes"].recall >= 0.85
    assert scores["persons"].precision >= 0.95 and scores["persons"].recall >= 0.90
    assert scores["organizations"].precision >= 0.87 and scores["organizations"].recall >= 0.78


# (labels file, split, pages, the floors of countries, persons, organisations and themes
# as (precision, recall): the figures measured when each split was scored, less a margin)
FRESH_SPLITS = [
    # 30 pages labelled on 2026-12-04 before any tagger ran on them, scored once after
    # that session's rules were fixed (persons 0.913 / 0.875, organisations 0.873 / 0.742)
    (
        "real_labels_fresh.json",
        "fresh",
        30,
        {
            "countries": (0.97, 0.95),
            "persons": (0.88, 0.84),
            "organizations": (0.84, 0.70),
            "themes": (0.92, 0.93),  # 0.919 / 0.909 after the fifth round, 0.945 / 0.955 the sixth
        },
    ),
    # the last 31 pages of the pool, labelled the same day the same way, scored before
    # and after that day's organisation work (after: countries 0.989 / 0.977, persons
    # 0.956 / 0.977, organisations 0.784 / 0.768, themes 0.761 / 0.923; after the fourth
    # round, organisations 0.859 / 0.798)
    (
        "real_labels_fresh2.json",
        "fresh2",
        31,
        {
            "countries": (0.96, 0.95),
            "persons": (0.92, 0.94),
            "organizations": (0.83, 0.77),
            "themes": (0.78, 0.90),  # 0.797 / 0.923 after the fifth round, 0.806 / 0.923 the sixth
        },
    ),
]


@pytest.mark.parametrize("labels, split, pages, floors", FRESH_SPLITS, ids=["fresh", "fresh2"])
def test_real_fresh_split_holds_its_measured_level(
    enricher: Enricher, labels: str, split: str, pages: int, floors: dict
) -> None:
    """A split labelled before any tagger ran on it holds the level measured when it was
    scored: a regression gate at those levels less a small margin, not the targets."""
    root = shared_path("thinktanks")
    docs, why = load_real(f"tests/data/enrichment/{labels}", root)
    assert why is None, why
    assert len(docs) == pages and {d.split for d in docs} == {split}
    scores = evaluate(docs, enricher, repeat=1).scores
    for kind, (precision, recall) in floors.items():
        assert scores[kind].precision >= precision, (kind, scores[kind])
        assert scores[kind].recall >= recall, (kind, scores[kind])


FRESH3_CACHE = Path("/work/evalcache/enrichment")


# The splits known only by their text (the stored pages corpus), each labelled on
# 2026-12-04 before any tagger ran on it, with its floors: the level measured when it was
# scored, less a small margin.
# - fresh3: 31 pages of many think tanks, scored once before and once after that day's
#   third round of rules (after: countries 0.991 / 0.991, persons 0.959 / 0.870,
#   organisations 0.772 / 0.936, themes 0.870 / 0.763); after the fourth round, whose rules
#   were tuned on its errors, organisations 0.940 / 1.000; themes 0.886 / 0.763 after the
#   fifth, 0.931 / 0.868 after the sixth.
# - fresh4: 31 pages chosen by fixed searches written down before they ran, scored once at
#   the end of the fourth round (countries 0.971 / 0.980, persons 0.941 / 0.941,
#   organisations 0.741 / 0.870, themes 0.644 / 0.784); themes 0.705 / 0.838 after the fifth,
#   0.739 / 0.946 after the sixth (which tuned on it).
# - fresh5: 15 pages chosen the same way, scored once at the end of the fifth round
#   (countries 1.000 / 0.950, persons 1.000 / 0.833, organisations 0.615 / 0.889, themes
#   0.892 / 0.667); themes 0.927 / 1.000 after the sixth, which tuned on it.
# - after the sixth round's actor rules (fresh3, fresh4 and fresh5 became tuning splits for
#   persons and organisations): fresh3 persons 0.980 / 0.907, organisations 0.959 / 1.000;
#   fresh4 1.000 / 0.971 and 1.000 / 0.957; fresh5 1.000 / 1.000 and 0.889 / 0.889.
# - fresh6: 40 pages chosen the same way from a new fixed list of searches, never tuned on,
#   scored once on the tagger of its day (countries 1.000 / 1.000, persons 0.786 / 0.846,
#   organisations 0.694 / 0.919, themes 0.894 / 0.788); tuned on in the seventh round
#   (generic bodies, sponsors, names inside longer names, surnames of other people):
#   persons 0.880 / 0.846 -> 1.000 / 0.923, organisations 0.717 / 0.892 -> 0.971 / 0.919.
# - fresh7: 45 pages chosen the same way, scored clean before and after the seventh round's
#   actor rules (countries 0.966 / 0.988, persons 0.867 / 0.830, organisations 0.769 /
#   0.714 -> 0.779 / 0.714); tuned on in the eighth round (bare service names, names that
#   are a body's or an event's, glosses, credits, speakers, offices towards a place, ages):
#   countries 0.977 / 0.988, persons 0.977 / 0.915, organisations 0.905 / 0.798; themes
#   clean 0.854 / 0.768 -> 0.857 / 0.804 (seventh round's terms), tuned on in the eighth:
#   0.875 / 0.946.
# - fresh8: 38 pages of 29 publishers from a new fixed list of searches, labelled apart and
#   never tuned on, scored clean three times: on the tagger before the seventh round,
#   after it, and after the eighth (countries 0.980 / 0.990 throughout; persons 0.844 /
#   0.950 -> 0.905 / 0.950 -> same; organisations 0.750 / 0.763 -> 0.759 / 0.746 -> same;
#   themes 0.733 / 0.804 -> 0.736 / 0.804 -> 0.739 / 0.821), and a fourth time after the
#   ninth round's theme calibration (themes 0.750 / 0.804: one about-theme fewer, two wrong
#   ones fewer). Its floors are its clean level.
# - fresh9: 40 pages of 35 publishers from a new fixed list of searches (Latin America,
#   Central Asia, the Caucasus, the Balkans, the Gulf, Africa, the Pacific, energy,
#   migration, food, cyber, space, minerals ...), labelled apart and never tuned on,
#   scored clean before and after the ninth round's theme calibration (countries 0.962 /
#   0.987, persons 0.966 / 0.848, organisations 0.840 / 0.808 both times; themes 0.815 /
#   0.867 -> 0.851 / 0.867). Its floors are its clean level.
# Tenth round (2026-12-05): fresh8 was opened for tuning; its organisation errors led to
# the rules of tests/enrich/test_actor_readers10.py and to 82 bodies added by hand (media,
# universities, NGOs, parties, companies). fresh8 organisations 0.759 / 0.746 -> 0.855 /
# 0.797, fresh5 0.889 / 0.889 -> 0.900 / 1.000: their floors rise. fresh9, still clean,
# was scored after (not read): organisations 0.840 / 0.808 -> 0.824 / 0.808 (one wrong tag
# more, 51 found against 50; the other kinds unchanged). Its floor is that level.
# - fresh10: 17 pages of 16 publishers from the first 18 of 22 searches fixed before they
#   ran, labelled 2026-12-05 before any tagger ran on them, scored clean with the tagger from
#   before the tenth round and after it: the same figures both times (countries 1.000 /
#   1.000, persons 0.929 / 0.650, organisations 0.833 / 0.750, themes 0.745 / 0.692). Its
#   floors are that level.
# Eleventh round (2026-12-05): tuned on the readable splits' errors (fresh9, fresh10 and
# fresh11 stay clean).
# - fresh11: 24 pages of 23 publishers from 24 searches fixed before they ran, labelled
#   2026-12-05 after the round's rules were written and before any tagger ran on them,
#   scored clean with the tagger from before the round and after it: organisations 0.833 /
#   0.676 -> 0.839 / 0.703, the other kinds the same (countries 0.900 / 0.964, persons
#   0.926 / 0.833, themes 0.774 / 0.758). Its floors are that level.
# Twelfth round (2026-12-05): fresh9 was opened for tuning; its errors led to the rules of
# tests/enrich/test_actor_readers12.py and to 257 bodies and 111 persons added by hand
# (fresh9 organisations 0.840 / 0.808 -> 0.981 / 0.981: its floors rise to that level).
# fresh10 and fresh11 stayed clean, scored before and after (totals only): fresh10
# persons 0.929 / 0.650 -> 0.933 / 0.700, organisations 0.833 / 0.750 -> 0.850 / 0.850;
# fresh11 persons 0.926 / 0.833 -> 0.931 / 0.900, organisations 0.839 / 0.703 -> 0.844 /
# 0.730. Their floors are the new levels.
# - fresh12: 24 pages of 24 publishers from 30 searches fixed before they ran (6 gave no
#   page), labelled 2026-12-05 before any tagger ran on them, scored clean with the tagger
#   from before the round and after it: persons 0.731 / 0.792 -> 0.760 / 0.792,
#   organisations 0.786 / 0.647 -> 0.809 / 0.745, countries (0.976 / 0.891) and themes
#   (0.761 / 0.700) the same. Its floors are that level.
# The same round, second part: fresh10 and fresh11 were opened for tuning (their errors
# read); 9 bodies and 48 persons were added by class and five rules written. fresh10
# persons 0.933 / 0.700 -> 0.950 / 0.950, organisations 0.850 / 0.850 -> 0.900 / 0.900;
# fresh11 countries 0.900 / 0.964 -> 0.918 / 1.000, persons 0.931 / 0.900 -> 0.967 /
# 0.967, organisations 0.844 / 0.730 -> 0.971 / 0.892: their floors rise to those levels.
# - fresh13: 29 pages of 28 publishers from 30 searches fixed before they ran, labelled
#   2026-12-05 after the round's rules were written and before any tagger ran on them,
#   scored clean with the tagger from before the round and after it: organisations 0.839
#   / 0.758 -> 0.842 / 0.774, the other kinds the same (countries 0.987 / 0.987, persons
#   0.925 / 0.804, themes 0.889 / 0.690). Its floors are that level.
# The thirteenth round opened fresh10 to fresh13 for tuning (fresh12 and fresh13 had been
# scored clean, totals only). Its rules and data (theme words, respelled names, generic
# state institutions, events, datelines, glosses) raise fresh8, fresh9, fresh11, fresh12
# and fresh13 (see docs/accuracy.md), and their floors rise to those levels.
# - fresh14: 27 pages of 26 publishers from 30 searches fixed before they ran (3 gave no
#   page), labelled 2026-12-05 before any tagger ran on them, scored clean with the tagger
#   from before the round and after it: themes 0.746 / 0.878 -> 0.757 / 0.902, the other
#   kinds the same (countries 0.944 / 1.000, persons 0.900 / 0.931, organisations 0.894 /
#   0.955). Its floors are that level.
# - fresh15 (25 pages of 22 publishers, 5 of 30 searches gave no page) and fresh16 (23
#   pages of 23 publishers, 7 gave none): labelled 2026-12-05 before any tagger ran on them
#   and scored clean with the tagger from before the thirteenth round and after it. Only
#   themes moved: fresh15 0.852 / 0.810 -> 0.855 / 0.833, fresh16 0.810 / 0.865 -> 0.810 /
#   0.892 (fresh15 countries 0.974 / 0.987, persons 0.938 / 0.882, organisations 0.818 /
#   0.730; fresh16 countries 0.955 / 0.969, persons 0.857 / 0.828, organisations 0.880 /
#   0.815). Their floors are that level.
# The fourteenth round opened fresh14, fresh15 and fresh16 for tuning (each had been
# scored clean, totals only). Its rules (where a person's name starts and ends, bodies
# that are no bodies, text in another language, topic-tag lines, institutions by a state's
# possessive, central banks and armed forces under one name) raise fresh7, fresh8,
# fresh10, fresh12 and the three opened splits (see docs/accuracy.md), and their floors
# rise to those levels.
# - fresh17 (25 pages of 24 publishers, 5 of 30 searches gave no page) and fresh18 (26
#   pages of 22 publishers, 4 gave none; 25 kept): labelled 2026-12-05 before any tagger ran on
#   them, by helpers who chose their topics themselves, and scored clean, totals only,
#   with the tagger from before the round and after it: fresh17 persons 0.765 / 0.929 ->
#   0.812 / 0.929, the other kinds the same (countries 0.971 / 1.000, organisations 0.710 /
#   0.786, themes 0.785 / 0.919); fresh18 the same before and after (countries 1.000 /
#   0.987, persons 0.917 / 0.759, organisations 0.886 / 0.775, themes 0.815 / 0.848). One
#   fresh18 page was then found to repeat a fresh4 text under another address and was
#   removed; on its 25 pages: countries 1.000 / 0.986, persons 0.913 / 0.750,
#   organisations 0.886 / 0.775, themes 0.804 / 0.839, before and after. Their floors are
#   that level.
# - fresh20: 29 pages of 26 publishers from 30 searches fixed before they ran (1 gave no
#   page), labelled 2026-12-05 before any tagger ran on them; one page repeated a text of
#   fresh3 and fresh6 and was removed. Scored clean, totals only, with the tagger from
#   before the round, after its first part and after its second: organisations 0.674 /
#   0.738 -> 0.689 / 0.738 -> 0.689 / 0.738, the other kinds the same (countries 0.990 /
#   1.000, persons 1.000 / 0.875, themes 0.741 / 0.745). Its floors are that level.
# A bare "National Assembly" in a text about South Korea is its National Assembly: on a
# fresh8 page about the 2024 martial law the label leaves the Assembly out (lawmakers
# climbed its fences to vote the decree down); and an unknown state body is named with its
# state ("Israel's Defense Ministry" is "Defense Ministry of Israel"), where a fresh8 label
# lists "Defense Ministry" as neutral. fresh8's organisations floor is 0.89.
# - fresh19: 28 pages of 26 publishers from 30 searches fixed before they ran (2 gave no
#   page), labelled 2026-12-05 after the round's rules were written and before any tagger
#   ran on them; scored clean, totals only, with the tagger from before the round and
#   after it: persons 0.846 / 0.880 -> 0.880 / 0.880, the other kinds the same (countries
#   0.988 / 0.988, organisations 0.787 / 0.740, themes 0.742 / 0.725). Its floors are that
#   level.
# - fresh21: 30 pages of 29 publishers from 30 searches fixed before they ran (all gave a
#   page), labelled 2026-12-05 after the round's rules were written and before any tagger
#   ran on them; scored clean, totals only, with the tagger from before the round and the
#   round's last: persons 0.727 / 0.727 -> 0.800 / 0.727, organisations 0.882 / 0.750 ->
#   0.909 / 0.750, countries (0.980 / 0.917) and themes (0.885 / 0.680) the same. Its
#   floors are that level.
# - fresh22: 26 pages of 24 publishers from 30 searches fixed before they ran (4 gave no
#   page), labelled the same way and scored clean with the tagger from before the round and
#   the round's last: organisations 0.854 / 0.872 -> 0.872 / 0.872, the other kinds the
#   same (countries 0.926 / 0.987, persons 0.921 / 0.897, themes 0.764 / 0.902). Its
#   floors are that level.
# The fifteenth round opened fresh21 and fresh22 for tuning. Its clean tests, labelled
# 2026-12-05 from 30 searches each of other publishers, written down at 19:38 to 19:39 UTC
# before they ran, and scored totals only with the tagger from before the round (first)
# and after it:
# - fresh23: 27 pages of 24 publishers (3 searches gave no page): persons 0.842 / 0.800
#   -> 0.889 / 0.800, the other kinds the same (countries 1.000 / 0.984, organisations
#   0.865 / 0.681, themes 0.774 / 0.771).
# - fresh24: 27 pages of 25 publishers (3 gave no page): persons 0.920 / 1.000 -> 0.958 /
#   1.000, the other kinds the same (countries 0.987 / 1.000, organisations 0.784 /
#   0.806, themes 0.811 / 0.730).
# - fresh25: 24 pages of 24 publishers (6 gave no page): the same before and after
#   (countries 1.000 / 0.984, persons 0.833 / 0.714, organisations 0.727 / 0.681, themes
#   0.855 / 0.714).
# Their floors are that level.
# - fresh26: 26 pages of 23 publishers (4 searches gave no page) and fresh27: 28 pages of
#   28 publishers (2 gave no page), from lists written at 20:04 to 20:05 UTC after the
#   round's first part, scored clean, totals only, with the tagger from before the round
#   and after it: the same, but fresh27's countries and persons (0.946 / 0.946 -> 0.959 /
#   0.946, and 0.913 / 0.913 -> 0.955 / 0.913); fresh26 countries 1.000 / 0.989, persons 0.958 /
#   0.958, organisations 0.871 / 0.711, themes 0.859 / 0.923; fresh27 organisations
#   0.725 / 0.806, themes 0.787 / 0.729. Their floors are that level.
# fresh25 was used once to choose a rule: "the chairman of the X Forum, Jane Roe" as a
# cue lowered its persons precision from 0.833 to 0.769 (it failed this gate), and it
# was taken out; its totals for each of the round's other new person rules were scored
# the same way and none moved it.
# The round's third part opened fresh23 and fresh24 for tuning (fresh23 persons 0.889 /
# 0.800 -> 1.000 / 0.850, organisations 0.865 / 0.681 -> 0.925 / 0.787; fresh24 countries
# 0.987 / 1.000 -> 1.000 / 1.000, organisations 0.784 / 0.806 -> 0.800 / 0.889), and
# fresh26, still clean, rose with it (persons 0.958 / 0.958 -> 1.000 / 0.958): their
# floors rise to that level.
# The round's fourth part opened fresh25 and fresh27 for tuning (fresh25 persons 0.833 /
# 0.714 -> 0.909 / 0.714, organisations 0.727 / 0.681 -> 0.891 / 0.872; fresh27 countries
# 0.959 / 0.946 -> 1.000 / 0.946, organisations 0.725 / 0.806 -> 0.842 / 0.889): their
# floors rise to that level. Its clean tests, fresh26 and
# - fresh28: 25 pages of 24 publishers (5 searches gave no page) and fresh29: 24 pages of
#   23 publishers (6 gave no page), from lists written at 20:47 UTC after the round's
#   third part, scored clean, totals only, with the tagger from before the round, after
#   its third part and after its fourth: fresh28 the same all three times (countries
#   1.000 / 0.965, persons 0.944 / 0.919, organisations 0.941 / 0.842, themes 0.794 /
#   0.780); fresh29 persons 0.950 / 0.760 -> 0.909 / 0.800 -> 0.909 / 0.800, the other
#   kinds the same (countries 0.986 / 1.000, organisations 0.811 / 0.754, themes 0.808 /
#   0.735). Their floors are that level.
# fresh28 was used once to choose a rule: "attending the X" as an affiliation (so not an
# actor) lowered its organisations recall from 0.842 to 0.816, and it was taken out; the
# part's other rules were each taken out in turn and scored the same way, totals only, and
# none moved it.
# The sixteenth round opened fresh26, fresh28 and fresh29 for tuning (fresh26
# organisations 0.871 / 0.711 -> 0.882 / 0.789; fresh28 persons 0.944 / 0.919 -> 1.000 /
# 0.946, organisations 0.941 / 0.842 -> 0.946 / 0.921; fresh29 persons 0.909 / 0.800 ->
# 0.962 / 1.000, organisations 0.811 / 0.754 -> 0.900 / 0.947): their floors rise to that
# level. Its clean tests:
# - fresh30: 26 pages of 24 publishers (4 searches gave no page), fresh31: 27 of 27 (3),
#   fresh32: 24 of 22 (6) and fresh33: 25 of 25 (5), from lists written at 22:30 UTC
#   before any rule of the round, scored clean, totals only, before the round and after
#   each of its parts: the same every time (fresh30 countries 0.985 / 0.942, persons
#   0.946 / 0.814, organisations 0.812 / 0.897, themes 0.768 / 0.714; fresh31 0.953 /
#   0.988, 0.974 / 0.905, 0.891 / 0.774, 0.762 / 0.842; fresh32 0.965 / 0.948, 0.903 /
#   0.848, 0.833 / 0.758, 0.815 / 0.816; fresh33 1.000 / 1.000, 0.933 / 0.966, 0.844 /
#   0.771, 0.836 / 0.811). Their floors are that level.
# The seventeenth round (2026-12-06) opened fresh30 to fresh33 for tuning: their floors
# rise to the level after it. Its per-theme keep bars (bench/calibrate_themes.py,
# cross-validated over whole tuning splits: precision 0.821 -> 0.838, recall 0.830 ->
# 0.823) lowered theme recall on three tuning splits by a page or two (fresh12 0.733 ->
# 0.700, fresh13 0.714 -> 0.690, fresh19 0.725 -> 0.700) and theme precision on fresh10
# (0.745 -> 0.739): those floors are lowered to match, deliberately. Its clean tests:
# - fresh34: 25 pages (26 labelled; one repeated a fresh12 text and was removed before
#   any tagger ran), fresh35: 23, fresh36: 24 and fresh37: 24, from lists written at
#   01:59 UTC before any rule of the round, scored clean, totals only, before the round
#   and after each part. Their floors are the level after the round.
# The eighteenth round (2026-12-06) opened fresh34 to fresh37 for tuning: their floors
# rise to the level after it. Its clean tests, fresh38: 23 pages, fresh39: 28, fresh40:
# 23 and fresh41: 24, from lists written at 04:04 to 04:05 UTC (clock time) and labelled
# before any tagger ran on them, scored clean, totals only, before the round and after
# it: the same both times. Their floors are that level. The round refitted the per-theme
# bars with fresh34 to fresh37 among the tuning pages (bench/calibrate_themes.py: two
# themes' bars moved); fresh13's theme recall fell by one page (0.690 -> 0.667) and its
# floor is lowered to match, deliberately.
# The nineteenth round (2026-12-06) opened fresh38 to fresh41 for tuning: their floors
# rise to the level after it. Its clean tests, fresh42: 24 pages, fresh43: 24, fresh44: 24
# and fresh45: 29, from lists written at 05:54 to 05:55 UTC (clock time) and labelled
# before any tagger ran on them, were scored clean, totals only, before the round and
# after it (pooled: countries 0.970 / 0.972, persons 0.931 / 0.871 -> 0.939 / 0.871,
# organisations 0.826 / 0.747, themes 0.808 / 0.778). The twentieth round (2026-12-06)
# opened them for tuning: their floors are the level after it. Its clean tests, fresh46:
# 24 pages, fresh47: 27, fresh48: 27 and fresh49: 28, from lists written at 06:11 to
# 06:12 UTC (clock time) and labelled before any tagger ran on them, were scored clean,
# totals only, before the round and after it (pooled: countries 0.975 / 0.953, persons
# 0.935 / 0.878, organisations 0.768 / 0.748 -> 0.770 / 0.755, themes 0.839 / 0.678).
# The twenty-first round (2026-12-06) opened them for tuning: their floors are the level
# after it. Its clean tests, fresh50: 25 pages, fresh51: 25, fresh52: 27 and fresh53: 25,
# from lists written at 06:27 to 06:28 UTC (clock time) and labelled before any tagger ran
# on them, were scored clean, totals only, before the round and after it (pooled:
# countries 0.969 / 0.978, persons 0.957 / 0.925, organisations 0.850 / 0.753 -> 0.856 /
# 0.753, themes 0.836 / 0.781). The twenty-second round (2026-12-06) opened them for
# tuning: their floors are the level after it. Its clean tests, fresh54: 26 pages,
# fresh55: 22, fresh56: 24 and fresh57: 23, from lists written at 06:42 to 06:43 UTC
# (clock time) and labelled before any tagger ran on them, were scored clean, totals only,
# before the round and after it (pooled: countries 0.975 / 0.981, persons 0.947 / 0.817 ->
# 0.947 / 0.826, organisations 0.842 / 0.809, themes 0.843 / 0.759). Their floors are the
# level after it. Stop 37 (2026-12-06): text extraction stopped dropping the article
# under an author heading or after a notice on its line, and the themes' keep model
# replaced the hand-set rule (tools/train_thememodel.py, fitted on fresh3 to fresh57).
# Every split's theme floors are re-pinned at the model's level (precision lower, recall
# higher on most); other floors moved only where the new extraction measures lower. The
# clean tests fresh58: 30 pages, fresh59: 21, fresh60: 24 and fresh61: 26, from lists
# written at 07:51 to 07:52 UTC (clock time) and labelled before any tagger ran on them,
# were scored once, totals only, with the code of 5eafd6a, with the new extraction and
# the hand rule, and with the model (docs/accuracy.md, "Stop 37"); their floors are the
# level of the code committed with them. The check on unknown organisations
# (tools/train_namemodel.py, fitted on fresh3 to fresh57) followed; only floors it
# measures lower moved (organisations' recall on fresh40, fresh60 and fresh61). Its clean
# tests fresh62: 24 pages, fresh63: 23, fresh64: 26 and fresh65: 27, from lists written
# at 08:16 to 08:17 UTC (clock time) and labelled before any tagger ran on them, were
# scored once, totals only (docs/accuracy.md, "Stop 37"); their floors are the level with
# the check. Stop 38 opened fresh62 to fresh65 for the twenty-fifth round and added the
# other states' office holders (persons_world.json); only floors that rose were left as
# they were. The clean tests fresh66: 25 pages, fresh67: 24, fresh68: 28 and fresh69: 25,
# from lists written at 10:10 to 10:15 UTC (clock time) and labelled before any tagger ran
# on them, were scored once, totals only, before and after each (docs/accuracy.md, "Stop
# 38"); their floors are the level of the code committed with them. The round's second
# part (errors read on fresh66 to fresh69) gave the main international bodies their names
# in other languages: a Polish text's "ONZ" is the United Nations, which its labels leave
# out (fresh63's organisations' precision 0.92 -> 0.89). Its clean tests fresh70: 25
# pages, fresh71: 24, fresh72: 26 and fresh73: 26, from lists written at 10:41 to 10:42
# UTC (clock time) and labelled before any tagger ran on them, were scored once, totals
# only, before and after it; their floors are the level of the code committed with them.
# The round's third part (errors read on fresh70 to fresh73) was scored the same way on
# fresh74: 25 pages, fresh75: 26, fresh76: 27 and fresh77: 27 (lists written at 11:03 to
# 11:05 UTC), whose floors are the level of the code committed with them; a fourth part
# (errors already read on fresh62 to fresh73) on fresh78: 25 pages, fresh79: 22, fresh80:
# 24 and fresh81: 25 (lists written at 11:32 to 11:34 UTC), the same way.
# Stop 39's rounds (errors read on fresh74 to fresh81, then fresh82 to fresh89) were
# scored the same way on fresh82: 22 pages, fresh84: 26 and fresh85: 26, then fresh86: 28,
# fresh87: 23, fresh88: 28 and fresh89: 24 (lists written at 12:53 to 13:10 UTC), then
# fresh83: 24 (list written at 13:21 UTC), fresh90 to fresh93, fresh94 to fresh97 and
# fresh98 to fresh101. Stop 40's round (errors read on fresh60 to fresh101) was scored the
# same way on fresh102: 27 pages, fresh103: 25, fresh104: 25 and fresh105: 25 (lists
# written at 15:35 to 15:39 UTC), and round 35 (errors read on fresh3 to fresh105) on
# fresh106: 26 pages, fresh107: 23, fresh108: 22 and fresh109: 26 (lists written at 16:05
# to 16:06 UTC).
# Stop 41's change (the theme model's words stage; both learned models refitted on fresh3
# to fresh57 and fresh66 to fresh105) was scored the same way on fresh106 to fresh109 and
# fresh110: 23 pages, fresh111: 21, fresh112: 25 and fresh113: 26 (lists written at 17:31
# UTC). The refit moved twelve splits' floors down to its level: organisations' recall on
# fresh8, fresh9, fresh33, fresh34, fresh37, fresh48 and fresh60 (the check on unknown
# organisations keeps some fewer) and themes' precision on fresh15, fresh63, fresh65,
# fresh77 and fresh106. States named in a text's own language (stop 41: 82 right and one
# wrong tag more over the opened splits) moved fresh98's countries' precision to 0.98. It
# was scored the same way on fresh114: 28 pages, fresh115: 23, fresh116: 25 and fresh117: 23
# (lists written at 18:26 to 18:30 UTC). Stop 42's forms (other-language spellings and
# titles of leaders, "Al Assad", "<State> Military", the European Commission's short forms)
# were scored the same way on fresh118: 25 pages, fresh119: 21, fresh120: 24 and fresh121: 28
# (lists written at 20:03 to 20:05 UTC): every figure there the same before and after.
# The next ones (the two armies' common names, a leader back in office as sitting, curated
# surnames kept from generated titled forms, a given name before another surname,
# "Bin" capitalised) on fresh122: 25 pages, fresh123: 21, fresh124: 25 and fresh125: 27
# (lists written at 20:36 to 20:38 UTC): the same before and after there too. The
# check on unknown organisations, refitted on the same splits when 15 bodies became known
# (stop 42), moved fresh121's organisations to 0.86 / 0.58.
# Stop 43's forms ("Co-operation", a bare "Reserve Bank" or "Department of Defence", "Labour",
# "the Council" and "General Assembly" in their contexts) were scored the same way on
# fresh126: 20 pages, fresh127: 25, fresh128: 26 and fresh129: 22 (lists written at 22:34 to
# 22:36 UTC): every figure there the same before and after; their floors sit 0.03 under it.
# The bare "Department of Defence" tags a copyright line's Australian department on a
# fresh109 page, labelled neutral by another name: fresh109's organisations to 0.93.
# The next ones (other languages' names of Hamas, Hezbollah, the Taliban and the Muslim
# Brotherhood; four bodies no source held) on fresh130: 26 pages, fresh131: 26, fresh132: 25
# and fresh133: 22 (lists written at 23:41 to 23:42 UTC): the same before and after there
# too; floors 0.03 under, with the check on unknown organisations refitted after it.
# Stop 44 (on a new machine, with only its own splits' texts cached): fresh134 to fresh164
# (747 pages in 31 splits, lists written on 2026-12-07 at 01:04 to 02:44 UTC), five rounds,
# each scored clean on three or four of them before and after (see docs/accuracy.md,
# "Stop 44"); floors 0.03 under each split's level with the code of its last round.
# Stop 45: fresh165 to fresh168 (89 pages, lists written at 03:52 to 03:54 UTC), the clean
# test of that stop's first round (see docs/accuracy.md, "Stop 45"); floors 0.03 under each
# split's level with the round's code. fresh169 to fresh172 (100 pages, lists written at 04:12
# to 04:35 UTC), the clean test of its second round, the same way; fresh173 to fresh176 (81
# pages, lists written at 04:58 to 04:59 UTC), a clean measurement of its final code.
# Stop 46: fresh177 to fresh182 (131 pages, lists written at 06:12 to 06:15 UTC), a clean
# measurement of that stop's two rounds (no tag moved on them); floors 0.03 under each
# split's level with the second round's code.
# fresh183 to fresh186 (87 pages, lists written at 06:52 to 06:54 UTC), the clean test of
# its third round (no tag moved on them either), the same way.
# (Of the fourteenth round:) the round's fifth part opened fresh19 for tuning (persons 0.880 / 0.880 -> 0.917 /
#   0.880, organisations 0.787 / 0.740 -> 0.830 / 0.780).
# The round's fourth part opened fresh18 for tuning (organisations 0.886 / 0.775 -> 0.889
#   / 0.800).
# The round's third part opened fresh20 for tuning (organisations 0.689 / 0.738 -> 0.804 /
# 0.881): its floors rise to that level.
# The round's second part opened fresh17 for tuning (persons 0.812 / 0.929 -> 0.875 /
# 1.000, organisations 0.710 / 0.786 -> 0.923 / 0.857): its floors rise to that level.
TEXT_SPLITS = [
    (
        "fresh3",
        31,
        {
            "countries": (0.97, 0.97),
            "persons": (0.96, 0.88),
            "organizations": (0.94, 0.97),
            "themes": (0.9, 0.84),
        },
    ),
    (
        "fresh4",
        31,
        {
            "countries": (0.95, 0.96),
            "persons": (0.97, 0.92),
            "organizations": (0.95, 0.93),
            "themes": (0.71, 0.92),
        },
    ),
    (
        "fresh5",
        15,
        {
            "countries": (0.97, 0.93),
            "persons": (0.97, 0.97),
            "organizations": (0.89, 0.99),
            "themes": (0.9, 0.99),
        },
    ),
    (
        "fresh6",
        40,
        {
            "countries": (0.97, 0.97),
            "persons": (0.97, 0.9),
            "organizations": (0.94, 0.89),
            "themes": (0.87, 0.76),
        },
    ),
    (
        "fresh7",
        45,
        {
            "countries": (0.97, 0.98),
            "persons": (0.97, 0.91),
            "organizations": (0.94, 0.86),
            "themes": (0.87, 0.94),
        },
    ),
    (
        "fresh8",
        38,
        {
            "countries": (0.97, 0.98),
            "persons": (0.9, 0.94),
            "organizations": (0.89, 0.83),
            "themes": (0.74, 0.83),
        },
    ),
    (
        "fresh11",
        24,
        {
            "countries": (0.94, 0.99),
            "persons": (0.96, 0.96),
            "organizations": (0.97, 0.89),
            "themes": (0.79, 0.78),
        },
    ),
    (
        "fresh12",
        24,
        {
            "countries": (0.97, 0.89),
            "persons": (0.9, 0.79),
            "organizations": (0.88, 0.76),
            "themes": (0.76, 0.73),
        },
    ),
    (
        "fresh13",
        29,
        {
            "countries": (0.99, 0.98),
            "persons": (0.97, 0.84),
            "organizations": (0.92, 0.83),
            "themes": (0.83, 0.71),
        },
    ),
    (
        "fresh14",
        27,
        {
            "countries": (0.95, 0.99),
            "persons": (0.96, 0.93),
            "organizations": (0.95, 0.97),
            "themes": (0.78, 0.92),
        },
    ),
    (
        "fresh15",
        25,
        {
            "countries": (0.97, 0.98),
            "persons": (0.99, 0.94),
            "organizations": (0.83, 0.83),
            "themes": (0.88, 0.9),
        },
    ),
    (
        "fresh16",
        23,
        {
            "countries": (0.95, 0.96),
            "persons": (0.99, 0.89),
            "organizations": (0.95, 0.81),
            "themes": (0.81, 0.89),
        },
    ),
    (
        "fresh17",
        25,
        {
            "countries": (0.97, 1.0),
            "persons": (0.87, 1.0),
            "organizations": (0.92, 0.85),
            "themes": (0.83, 0.89),
        },
    ),
    (
        "fresh18",
        25,
        {
            "countries": (1.0, 0.98),
            "persons": (0.87, 0.75),
            "organizations": (0.88, 0.8),
            "themes": (0.85, 0.9),
        },
    ),
    (
        "fresh19",
        28,
        {
            "countries": (0.98, 0.98),
            "persons": (0.91, 0.88),
            "organizations": (0.82, 0.78),
            "themes": (0.87, 0.77),
        },
    ),
    (
        "fresh20",
        28,
        {
            "countries": (0.98, 1.0),
            "persons": (1.0, 0.87),
            "organizations": (0.8, 0.88),
            "themes": (0.81, 0.8),
        },
    ),
    (
        "fresh21",
        30,
        {
            "countries": (0.98, 0.91),
            "persons": (0.8, 0.72),
            "organizations": (0.9, 0.75),
            "themes": (0.83, 0.75),
        },
    ),
    (
        "fresh22",
        26,
        {
            "countries": (0.92, 0.98),
            "persons": (0.92, 0.89),
            "organizations": (0.87, 0.87),
            "themes": (0.86, 0.95),
        },
    ),
    (
        "fresh23",
        27,
        {
            "countries": (1.0, 0.98),
            "persons": (0.99, 0.85),
            "organizations": (0.92, 0.78),
            "themes": (0.77, 0.77),
        },
    ),
    (
        "fresh24",
        27,
        {
            "countries": (0.99, 1.00),
            "persons": (0.95, 1.00),
            "organizations": (0.80, 0.88),
            "themes": (0.81, 0.72),
        },
    ),
    (
        "fresh25",
        24,
        {
            "countries": (1.00, 0.98),
            "persons": (0.90, 0.71),
            "organizations": (0.89, 0.87),
            "themes": (0.85, 0.71),
        },
    ),
    (
        "fresh26",
        26,
        {
            "countries": (1.0, 0.98),
            "persons": (0.99, 0.95),
            "organizations": (0.88, 0.78),
            "themes": (0.95, 0.97),
        },
    ),
    (
        "fresh27",
        28,
        {
            "countries": (0.99, 0.94),
            "persons": (0.95, 0.91),
            "organizations": (0.84, 0.88),
            "themes": (0.83, 0.81),
        },
    ),
    (
        "fresh28",
        25,
        {
            "countries": (1.0, 0.96),
            "persons": (0.99, 0.94),
            "organizations": (0.94, 0.92),
            "themes": (0.89, 0.9),
        },
    ),
    (
        "fresh29",
        24,
        {
            "countries": (0.98, 0.99),
            "persons": (0.96, 0.99),
            "organizations": (0.89, 0.94),
            "themes": (0.86, 0.85),
        },
    ),
    (
        "fresh30",
        26,
        {
            "countries": (0.98, 0.94),
            "persons": (0.99, 0.85),
            "organizations": (0.84, 0.93),
            "themes": (0.76, 0.79),
        },
    ),
    (
        "fresh31",
        27,
        {
            "countries": (0.95, 0.98),
            "persons": (0.99, 0.95),
            "organizations": (0.91, 0.86),
            "themes": (0.8, 0.86),
        },
    ),
    (
        "fresh32",
        24,
        {
            "countries": (0.96, 0.94),
            "persons": (0.9, 0.87),
            "organizations": (0.89, 0.75),
            "themes": (0.87, 0.92),
        },
    ),
    (
        "fresh33",
        25,
        {
            "countries": (0.99, 0.99),
            "persons": (0.93, 0.99),
            "organizations": (0.85, 0.8),
            "themes": (0.88, 0.86),
        },
    ),
    (
        "fresh34",
        25,
        {
            "countries": (0.98, 0.99),
            "persons": (0.97, 0.94),
            "organizations": (0.95, 0.91),
            "themes": (0.91, 0.94),
        },
    ),
    (
        "fresh35",
        23,
        {
            "countries": (0.95, 0.92),
            "persons": (0.99, 0.81),
            "organizations": (0.78, 0.86),
            "themes": (0.76, 0.79),
        },
    ),
    (
        "fresh36",
        24,
        {
            "countries": (0.98, 0.93),
            "persons": (0.93, 0.88),
            "organizations": (0.76, 0.82),
            "themes": (0.91, 0.73),
        },
    ),
    (
        "fresh37",
        24,
        {
            "countries": (0.95, 0.99),
            "persons": (0.99, 0.95),
            "organizations": (0.85, 0.8),
            "themes": (0.72, 0.83),
        },
    ),
    (
        "fresh38",
        23,
        {
            "countries": (0.99, 0.93),
            "persons": (0.94, 0.94),
            "organizations": (0.94, 0.82),
            "themes": (0.83, 0.65),
        },
    ),
    (
        "fresh39",
        28,
        {
            "countries": (0.99, 0.98),
            "persons": (0.99, 0.85),
            "organizations": (0.84, 0.84),
            "themes": (0.77, 0.84),
        },
    ),
    (
        "fresh40",
        23,
        {
            "countries": (0.98, 0.98),
            "persons": (0.99, 0.97),
            "organizations": (0.83, 0.89),
            "themes": (0.77, 0.9),
        },
    ),
    (
        "fresh41",
        24,
        {
            "countries": (0.98, 0.97),
            "persons": (0.96, 0.96),
            "organizations": (0.94, 0.85),
            "themes": (0.85, 0.74),
        },
    ),
    (
        "fresh42",
        24,
        {
            "countries": (0.99, 0.96),
            "persons": (0.94, 0.94),
            "organizations": (0.91, 0.79),
            "themes": (0.76, 0.76),
        },
    ),
    (
        "fresh43",
        24,
        {
            "countries": (0.97, 0.93),
            "persons": (0.94, 0.99),
            "organizations": (0.94, 0.88),
            "themes": (0.81, 0.64),
        },
    ),
    (
        "fresh44",
        24,
        {
            "countries": (0.96, 0.98),
            "persons": (0.99, 0.95),
            "organizations": (0.76, 0.88),
            "themes": (0.88, 0.86),
        },
    ),
    (
        "fresh45",
        29,
        {
            "countries": (0.93, 0.99),
            "persons": (0.99, 0.95),
            "organizations": (0.84, 0.89),
            "themes": (0.77, 0.82),
        },
    ),
    (
        "fresh46",
        24,
        {
            "countries": (0.97, 0.91),
            "persons": (0.99, 0.97),
            "organizations": (0.96, 0.96),
            "themes": (0.76, 0.76),
        },
    ),
    (
        "fresh47",
        27,
        {
            "countries": (0.97, 0.99),
            "persons": (0.9, 0.83),
            "organizations": (0.89, 0.65),
            "themes": (0.89, 0.65),
        },
    ),
    (
        "fresh48",
        27,
        {
            "countries": (0.96, 0.98),
            "persons": (0.95, 0.99),
            "organizations": (0.65, 0.85),
            "themes": (0.87, 0.8),
        },
    ),
    (
        "fresh49",
        28,
        {
            "countries": (0.98, 0.91),
            "persons": (0.96, 0.93),
            "organizations": (0.83, 0.91),
            "themes": (0.86, 0.76),
        },
    ),
    (
        "fresh50",
        25,
        {
            "countries": (0.94, 0.99),
            "persons": (0.94, 0.97),
            "organizations": (0.91, 0.79),
            "themes": (0.83, 0.86),
        },
    ),
    (
        "fresh51",
        25,
        {
            "countries": (0.96, 0.92),
            "persons": (0.99, 0.99),
            "organizations": (0.9, 0.78),
            "themes": (0.75, 0.87),
        },
    ),
    (
        "fresh52",
        27,
        {
            "countries": (0.97, 0.99),
            "persons": (0.97, 0.89),
            "organizations": (0.82, 0.66),
            "themes": (0.86, 0.77),
        },
    ),
    (
        "fresh53",
        25,
        {
            "countries": (0.97, 0.97),
            "persons": (0.96, 0.96),
            "organizations": (0.87, 0.94),
            "themes": (0.91, 0.83),
        },
    ),
    (
        "fresh54",
        26,
        {
            "countries": (0.97, 0.99),
            "persons": (0.96, 0.96),
            "organizations": (0.83, 0.94),
            "themes": (0.86, 0.82),
        },
    ),
    (
        "fresh55",
        22,
        {
            "countries": (0.97, 0.95),
            "persons": (0.95, 0.72),
            "organizations": (0.95, 0.83),
            "themes": (0.84, 0.69),
        },
    ),
    (
        "fresh56",
        24,
        {
            "countries": (0.97, 0.99),
            "persons": (0.91, 0.84),
            "organizations": (0.71, 0.64),
            "themes": (0.79, 0.83),
        },
    ),
    (
        "fresh57",
        23,
        {
            "countries": (0.97, 0.97),
            "persons": (0.93, 0.78),
            "organizations": (0.81, 0.76),
            "themes": (0.79, 0.73),
        },
    ),
    (
        "fresh58",
        30,
        {
            "countries": (0.93, 0.97),
            "persons": (0.88, 0.91),
            "organizations": (0.83, 0.85),
            "themes": (0.84, 0.75),
        },
    ),
    (
        "fresh59",
        21,
        {
            "countries": (0.91, 0.94),
            "persons": (0.88, 0.88),
            "organizations": (0.95, 0.84),
            "themes": (0.88, 0.59),
        },
    ),
    (
        "fresh60",
        24,
        {
            "countries": (0.98, 0.99),
            "persons": (0.85, 0.63),
            "organizations": (0.66, 0.73),
            "themes": (0.77, 0.73),
        },
    ),
    (
        "fresh61",
        26,
        {
            "countries": (0.92, 0.96),
            "persons": (0.89, 0.89),
            "organizations": (0.67, 0.49),
            "themes": (0.86, 0.78),
        },
    ),
    (
        "fresh62",
        24,
        {
            "countries": (0.91, 0.96),
            "persons": (0.93, 0.78),
            "organizations": (0.86, 0.78),
            "themes": (0.79, 0.9),
        },
    ),
    (
        "fresh63",
        23,
        {
            "countries": (0.96, 0.76),
            "persons": (0.83, 0.71),
            "organizations": (0.89, 0.58),
            "themes": (0.84, 0.66),
        },
    ),
    (
        "fresh64",
        26,
        {
            "countries": (0.98, 0.98),
            "persons": (0.86, 0.79),
            "organizations": (0.75, 0.42),
            "themes": (0.85, 0.74),
        },
    ),
    (
        "fresh65",
        27,
        {
            "countries": (0.98, 0.98),
            "persons": (0.99, 0.88),
            "organizations": (0.84, 0.73),
            "themes": (0.76, 0.83),
        },
    ),
    (
        "fresh66",
        25,
        {
            "countries": (0.94, 0.98),
            "persons": (0.97, 0.92),
            "organizations": (0.88, 0.82),
            "themes": (0.84, 0.82),
        },
    ),
    (
        "fresh67",
        24,
        {
            "countries": (0.94, 0.83),
            "persons": (0.99, 0.83),
            "organizations": (0.9, 0.51),
            "themes": (0.75, 0.8),
        },
    ),
    (
        "fresh68",
        28,
        {
            "countries": (0.97, 0.98),
            "persons": (0.96, 0.88),
            "organizations": (0.95, 0.65),
            "themes": (0.74, 0.83),
        },
    ),
    (
        "fresh69",
        25,
        {
            "countries": (0.95, 0.99),
            "persons": (0.89, 0.87),
            "organizations": (0.8, 0.77),
            "themes": (0.81, 0.78),
        },
    ),
    (
        "fresh70",
        25,
        {
            "countries": (0.98, 0.98),
            "persons": (0.93, 0.88),
            "organizations": (0.92, 0.78),
            "themes": (0.89, 0.88),
        },
    ),
    (
        "fresh71",
        24,
        {
            "countries": (0.98, 0.87),
            "persons": (0.92, 0.81),
            # 0.70 -> 0.68 (opened): the check on unknown organisations refitted in stop 39
            # leaves out "Committee on International Trade" (right) in one text
            "organizations": (0.95, 0.68),
            "themes": (0.75, 0.7),
        },
    ),
    (
        "fresh72",
        26,
        {
            "countries": (0.93, 0.99),
            "persons": (0.78, 0.81),
            "organizations": (0.76, 0.56),
            "themes": (0.79, 0.82),
        },
    ),
    (
        "fresh73",
        26,
        {
            "countries": (0.92, 0.98),
            "persons": (0.88, 0.93),
            "organizations": (0.85, 0.78),
            "themes": (0.84, 0.76),
        },
    ),
    (
        "fresh74",
        25,
        {
            "countries": (0.95, 0.98),
            "persons": (0.96, 0.99),
            "organizations": (0.88, 0.71),
            "themes": (0.86, 0.88),
        },
    ),
    (
        "fresh75",
        26,
        {
            "countries": (0.95, 0.86),
            "persons": (0.77, 0.67),
            "organizations": (0.87, 0.59),
            "themes": (0.86, 0.79),
        },
    ),
    (
        "fresh76",
        27,
        {
            "countries": (0.96, 0.97),
            "persons": (0.94, 0.99),
            "organizations": (0.94, 0.83),
            "themes": (0.82, 0.79),
        },
    ),
    (
        "fresh77",
        27,
        {
            "countries": (0.91, 0.95),
            "persons": (0.93, 0.93),
            "organizations": (0.89, 0.84),
            "themes": (0.91, 0.9),
        },
    ),
    (
        "fresh78",
        25,
        {
            "countries": (0.99, 0.98),
            "persons": (0.91, 0.91),
            "organizations": (0.86, 0.78),
            "themes": (0.88, 0.81),
        },
    ),
    (
        "fresh79",
        22,
        {
            "countries": (0.95, 0.88),
            "persons": (0.97, 0.92),
            "organizations": (0.99, 0.8),
            "themes": (0.83, 0.74),
        },
    ),
    (
        "fresh80",
        24,
        {
            "countries": (0.96, 0.99),
            "persons": (0.85, 0.85),
            "organizations": (0.86, 0.73),
            "themes": (0.85, 0.75),
        },
    ),
    (
        "fresh81",
        25,
        {
            "countries": (0.97, 0.97),
            "persons": (0.84, 0.84),
            "organizations": (0.92, 0.71),
            "themes": (0.84, 0.78),
        },
    ),
    (
        "fresh82",
        22,
        {
            "countries": (0.96, 0.92),
            "persons": (0.97, 0.74),
            "organizations": (0.91, 0.69),
            "themes": (0.9, 0.67),
        },
    ),
    (
        "fresh84",
        26,
        {
            "countries": (0.97, 0.98),
            "persons": (0.87, 0.91),
            "organizations": (0.9, 0.66),
            "themes": (0.82, 0.78),
        },
    ),
    (
        "fresh85",
        26,
        {
            "countries": (0.96, 0.96),
            "persons": (0.99, 0.72),
            "organizations": (0.94, 0.87),
            "themes": (0.66, 0.8),
        },
    ),
    (
        "fresh86",
        28,
        {
            "countries": (0.89, 0.98),
            "persons": (0.9, 0.88),
            "organizations": (0.77, 0.59),
            "themes": (0.78, 0.72),
        },
    ),
    (
        "fresh87",
        23,
        {
            "countries": (0.96, 0.93),
            "persons": (0.99, 0.92),
            "organizations": (0.99, 0.82),
            "themes": (0.79, 0.66),
        },
    ),
    (
        "fresh88",
        28,
        {
            # 0.98 -> 0.97 (opened): a state named only in a passage in capitals, which
            # stop 39's fifth round leaves as written ("ISRAELI PRESIDENT ...")
            "countries": (0.94, 0.97),
            "persons": (0.88, 0.72),
            "organizations": (0.88, 0.68),
            "themes": (0.79, 0.79),
        },
    ),
    (
        "fresh89",
        24,
        {
            "countries": (0.98, 0.97),
            "persons": (0.89, 0.8),
            "organizations": (0.68, 0.62),
            "themes": (0.81, 0.66),
        },
    ),
    (
        "fresh83",
        24,
        {
            "countries": (0.98, 0.98),
            "persons": (0.99, 0.84),
            "organizations": (0.94, 0.76),
            "themes": (0.76, 0.55),
        },
    ),
    (
        "fresh90",
        25,
        {
            "countries": (0.92, 0.94),
            "persons": (0.99, 0.81),
            "organizations": (0.89, 0.71),
            "themes": (0.83, 0.81),
        },
    ),
    (
        "fresh91",
        26,
        {
            "countries": (0.97, 0.87),
            "persons": (0.99, 0.85),
            "organizations": (0.94, 0.79),
            "themes": (0.86, 0.82),
        },
    ),
    (
        "fresh92",
        23,
        {
            "countries": (0.97, 0.99),
            "persons": (0.85, 0.85),
            "organizations": (0.79, 0.71),
            "themes": (0.79, 0.71),
        },
    ),
    (
        "fresh93",
        23,
        {
            "countries": (0.93, 0.99),
            "persons": (0.84, 0.93),
            "organizations": (0.71, 0.68),
            "themes": (0.78, 0.73),
        },
    ),
    (
        "fresh94",
        17,
        {
            "countries": (0.98, 0.99),
            "persons": (0.99, 0.79),
            "organizations": (0.99, 0.74),
            "themes": (0.86, 0.64),
        },
    ),
    (
        "fresh95",
        24,
        {
            "countries": (0.97, 0.89),
            "persons": (0.99, 0.87),
            "organizations": (0.88, 0.66),
            "themes": (0.75, 0.74),
        },
    ),
    (
        "fresh96",
        25,
        {
            "countries": (0.99, 0.98),
            "persons": (0.93, 0.81),
            "organizations": (0.87, 0.73),
            "themes": (0.74, 0.81),
        },
    ),
    (
        "fresh97",
        23,
        {
            "countries": (0.97, 0.96),
            "persons": (0.84, 0.79),
            "organizations": (0.8, 0.62),
            "themes": (0.75, 0.77),
        },
    ),
    (
        "fresh98",
        22,
        {
            "countries": (0.98, 0.98),
            "persons": (0.97, 0.94),
            "organizations": (0.92, 0.61),
            "themes": (0.79, 0.76),
        },
    ),
    (
        "fresh99",
        20,
        {
            "countries": (0.97, 0.85),
            "persons": (0.95, 0.83),
            "organizations": (0.89, 0.89),
            "themes": (0.79, 0.83),
        },
    ),
    (
        "fresh100",
        25,
        {
            "countries": (0.91, 0.97),
            "persons": (0.97, 0.89),
            "organizations": (0.81, 0.57),
            "themes": (0.8, 0.75),
        },
    ),
    (
        "fresh101",
        21,
        {
            "countries": (0.99, 0.98),
            "persons": (0.96, 0.78),
            "organizations": (0.85, 0.49),
            "themes": (0.68, 0.83),
        },
    ),
    (
        "fresh102",
        27,
        {
            "countries": (0.95, 0.94),
            "persons": (0.97, 0.81),
            "organizations": (0.85, 0.71),
            "themes": (0.82, 0.69),
        },
    ),
    (
        "fresh103",
        25,
        {
            "countries": (0.94, 0.81),
            "persons": (0.86, 0.86),
            "organizations": (0.9, 0.86),
            "themes": (0.74, 0.78),
        },
    ),
    (
        "fresh104",
        25,
        {
            "countries": (0.91, 0.98),
            "persons": (0.99, 0.88),
            "organizations": (0.89, 0.6),
            "themes": (0.79, 0.71),
        },
    ),
    (
        "fresh105",
        25,
        {
            "countries": (0.97, 0.97),
            "persons": (0.77, 0.9),
            "organizations": (0.91, 0.63),
            "themes": (0.79, 0.77),
        },
    ),
    (
        "fresh106",
        26,
        {
            "countries": (0.98, 0.99),
            "persons": (0.99, 0.89),
            "organizations": (0.79, 0.81),
            "themes": (0.94, 0.82),
        },
    ),
    (
        "fresh107",
        23,
        {
            "countries": (0.95, 0.95),
            "persons": (0.94, 0.84),
            "organizations": (0.86, 0.83),
            "themes": (0.88, 0.71),
        },
    ),
    (
        "fresh108",
        22,
        {
            "countries": (0.98, 0.98),
            "persons": (0.96, 0.89),
            "organizations": (0.92, 0.79),
            "themes": (0.73, 0.72),
        },
    ),
    (
        "fresh109",
        26,
        {
            "countries": (0.98, 0.96),
            "persons": (0.85, 0.99),
            "organizations": (0.93, 0.81),
            "themes": (0.74, 0.9),
        },
    ),
    (
        "fresh110",
        23,
        {
            "countries": (0.97, 1.0),
            "persons": (0.87, 0.92),
            "organizations": (1.0, 0.85),
            "themes": (0.81, 0.97),
        },
    ),
    (
        "fresh111",
        21,
        {
            "countries": (0.93, 0.83),
            "persons": (1.0, 0.75),
            "organizations": (0.92, 0.92),
            "themes": (0.75, 0.78),
        },
    ),
    (
        "fresh112",
        25,
        {
            "countries": (0.96, 0.97),
            "persons": (0.94, 0.94),
            "organizations": (0.7, 0.52),
            "themes": (0.85, 0.86),
        },
    ),
    (
        "fresh113",
        26,
        {
            "countries": (0.94, 0.97),
            "persons": (0.88, 0.85),
            "organizations": (0.88, 0.81),
            "themes": (0.72, 0.78),
        },
    ),
    (
        "fresh114",
        28,
        {
            "countries": (0.98, 0.98),
            "persons": (0.94, 0.82),
            "organizations": (0.97, 0.73),
            "themes": (0.88, 0.78),
        },
    ),
    (
        "fresh115",
        23,
        {
            "countries": (0.98, 0.96),
            "persons": (0.88, 0.71),
            "organizations": (0.76, 0.61),
            "themes": (0.86, 0.86),
        },
    ),
    (
        "fresh116",
        25,
        {
            "countries": (0.97, 0.97),
            "persons": (0.93, 0.77),
            "organizations": (0.76, 0.74),
            "themes": (0.75, 0.94),
        },
    ),
    (
        "fresh117",
        23,
        {
            "countries": (0.97, 1.0),
            "persons": (1.0, 0.8),
            "organizations": (0.92, 0.77),
            "themes": (0.79, 0.93),
        },
    ),
    (
        "fresh118",
        25,
        {
            "countries": (0.98, 0.98),
            "persons": (0.94, 0.96),
            "organizations": (0.9, 0.72),
            "themes": (0.82, 0.82),
        },
    ),
    (
        "fresh119",
        21,
        {
            "countries": (0.95, 0.92),
            "persons": (0.87, 0.63),
            "organizations": (0.9, 0.6),
            "themes": (0.86, 0.77),
        },
    ),
    (
        "fresh120",
        24,
        {
            "countries": (0.94, 0.97),
            "persons": (0.91, 0.79),
            "organizations": (0.9, 0.75),
            "themes": (0.8, 0.82),
        },
    ),
    (
        "fresh121",
        28,
        {
            "countries": (0.97, 0.96),
            "persons": (0.95, 0.88),
            "organizations": (0.86, 0.58),
            "themes": (0.83, 0.76),
        },
    ),
    (
        "fresh122",
        25,
        {
            "countries": (0.92, 0.95),
            "persons": (0.93, 0.93),
            "organizations": (0.92, 0.75),
            "themes": (0.86, 0.92),
        },
    ),
    (
        "fresh123",
        21,
        {
            "countries": (1.0, 0.86),
            "persons": (1.0, 0.93),
            "organizations": (0.91, 0.68),
            "themes": (0.81, 0.84),
        },
    ),
    (
        "fresh124",
        25,
        {
            "countries": (0.97, 0.97),
            "persons": (0.86, 0.83),
            "organizations": (0.93, 0.7),
            "themes": (0.72, 0.87),
        },
    ),
    (
        "fresh125",
        27,
        {
            "countries": (0.95, 1.0),
            "persons": (0.86, 0.81),
            "organizations": (0.93, 0.65),
            "themes": (0.88, 0.88),
        },
    ),
    (
        "fresh126",
        20,
        {
            "countries": (0.95, 0.97),
            "persons": (0.69, 0.97),
            "organizations": (0.81, 0.92),
            "themes": (0.91, 0.93),
        },
    ),
    (
        "fresh127",
        25,
        {
            "countries": (0.84, 0.97),
            "persons": (0.89, 0.74),
            "organizations": (0.82, 0.7),
            "themes": (0.8, 0.79),
        },
    ),
    (
        "fresh128",
        26,
        {
            "countries": (0.92, 0.95),
            "persons": (0.97, 0.97),
            "organizations": (0.83, 0.61),
            "themes": (0.77, 0.8),
        },
    ),
    (
        "fresh129",
        22,
        {
            "countries": (0.91, 0.92),
            "persons": (0.77, 0.77),
            "organizations": (0.87, 0.52),
            "themes": (0.75, 0.8),
        },
    ),
    (
        "fresh130",
        26,
        {
            "countries": (0.91, 0.95),
            "persons": (0.85, 0.85),
            "organizations": (0.91, 0.75),
            "themes": (0.83, 0.94),
        },
    ),
    (
        "fresh131",
        26,
        {
            "countries": (0.95, 0.9),
            "persons": (0.97, 0.82),
            "organizations": (0.93, 0.78),
            "themes": (0.84, 0.85),
        },
    ),
    (
        "fresh132",
        25,
        {
            "countries": (0.88, 0.97),
            "persons": (0.88, 0.81),
            "organizations": (0.8, 0.69),
            "themes": (0.71, 0.75),
        },
    ),
    (
        "fresh133",
        22,
        {
            "countries": (0.94, 0.94),
            "persons": (0.93, 0.8),
            "organizations": (0.82, 0.66),
            "themes": (0.84, 0.73),
        },
    ),
    (
        "fresh134",
        24,
        {
            "countries": (0.9, 0.95),
            "persons": (0.91, 0.82),
            "organizations": (0.89, 0.65),
            "themes": (0.73, 0.88),
        },
    ),
    (
        "fresh135",
        21,
        {
            "countries": (0.9, 0.88),
            "persons": (0.97, 0.97),
            "organizations": (0.94, 0.86),
            "themes": (0.81, 0.83),
        },
    ),
    (
        "fresh136",
        30,
        {
            "countries": (0.94, 0.97),
            "persons": (0.89, 0.94),
            "organizations": (0.88, 0.84),
            "themes": (0.75, 0.8),
        },
    ),
    (
        "fresh137",
        24,
        {
            "countries": (0.95, 0.97),
            "persons": (0.92, 0.61),
            "organizations": (0.88, 0.72),
            "themes": (0.82, 0.91),
        },
    ),
    (
        "fresh138",
        22,
        {
            "countries": (0.93, 0.95),
            "persons": (0.92, 0.81),
            "organizations": (0.77, 0.69),
            "themes": (0.76, 0.88),
        },
    ),
    (
        "fresh139",
        26,
        {
            "countries": (0.97, 0.97),
            "persons": (0.97, 0.63),
            "organizations": (0.89, 0.82),
            "themes": (0.72, 0.84),
        },
    ),
    (
        "fresh140",
        27,
        {
            "countries": (0.95, 0.96),
            "persons": (0.94, 0.85),
            "organizations": (0.87, 0.72),
            "themes": (0.72, 0.88),
        },
    ),
    (
        "fresh141",
        24,
        {
            "countries": (0.95, 0.97),
            "persons": (0.93, 0.85),
            "organizations": (0.89, 0.84),
            "themes": (0.85, 0.86),
        },
    ),
    (
        "fresh142",
        24,
        {
            "countries": (0.95, 0.94),
            "persons": (0.97, 0.85),
            "organizations": (0.87, 0.58),
            "themes": (0.84, 0.82),
        },
    ),
    (
        "fresh143",
        21,
        {
            "countries": (0.94, 0.94),
            "persons": (0.89, 0.97),
            "organizations": (0.9, 0.8),
            "themes": (0.72, 0.77),
        },
    ),
    (
        "fresh144",
        26,
        {
            "countries": (0.94, 0.97),
            "persons": (0.91, 0.78),
            "organizations": (0.88, 0.61),
            "themes": (0.88, 0.87),
        },
    ),
    (
        "fresh145",
        25,
        {
            "countries": (0.94, 0.94),
            "persons": (0.87, 0.78),
            "organizations": (0.87, 0.66),
            "themes": (0.72, 0.64),
        },
    ),
    (
        "fresh146",
        25,
        {
            "countries": (0.88, 0.93),
            "persons": (0.87, 0.75),
            "organizations": (0.9, 0.82),
            "themes": (0.82, 0.84),
        },
    ),
    (
        "fresh147",
        23,
        {
            "countries": (0.88, 0.93),
            "persons": (0.87, 0.87),
            "organizations": (0.91, 0.75),
            "themes": (0.83, 0.77),
        },
    ),
    (
        "fresh148",
        22,
        {
            "countries": (0.97, 0.95),
            "persons": (0.97, 0.97),
            "organizations": (0.93, 0.76),
            "themes": (0.76, 0.89),
        },
    ),
    (
        "fresh149",
        25,
        {
            "countries": (0.93, 0.93),
            "persons": (0.91, 0.85),
            "organizations": (0.89, 0.73),
            "themes": (0.77, 0.92),
        },
    ),
    (
        "fresh150",
        23,
        {
            "countries": (0.95, 0.97),
            "persons": (0.91, 0.84),
            "organizations": (0.72, 0.67),
            "themes": (0.88, 0.94),
        },
    ),
    (
        "fresh151",
        20,
        {
            "countries": (0.93, 0.97),
            "persons": (0.85, 0.63),
            "organizations": (0.94, 0.91),
            "themes": (0.78, 0.89),
        },
    ),
    (
        "fresh152",
        25,
        {
            "countries": (0.97, 0.93),
            "persons": (0.85, 0.73),
            "organizations": (0.91, 0.69),
            "themes": (0.79, 0.67),
        },
    ),
    (
        "fresh153",
        24,
        {
            "countries": (0.92, 0.97),
            "persons": (0.92, 0.83),
            "organizations": (0.76, 0.69),
            "themes": (0.69, 0.93),
        },
    ),
    (
        "fresh154",
        27,
        {
            "countries": (0.97, 0.97),
            "persons": (0.91, 0.88),
            "organizations": (0.86, 0.83),
            "themes": (0.87, 0.75),
        },
    ),
    (
        "fresh155",
        22,
        {
            "countries": (0.97, 0.93),
            "persons": (0.93, 0.84),
            "organizations": (0.87, 0.81),
            "themes": (0.77, 0.81),
        },
    ),
    (
        "fresh156",
        23,
        {
            "countries": (0.92, 0.95),
            "persons": (0.93, 0.93),
            "organizations": (0.78, 0.75),
            "themes": (0.77, 0.83),
        },
    ),
    (
        "fresh157",
        20,
        {
            "countries": (0.9, 0.97),
            "persons": (0.91, 0.85),
            "organizations": (0.84, 0.72),
            "themes": (0.76, 0.85),
        },
    ),
    (
        "fresh158",
        23,
        {
            "countries": (0.92, 0.95),
            "persons": (0.75, 0.71),
            "organizations": (0.81, 0.77),
            "themes": (0.79, 0.8),
        },
    ),
    (
        "fresh159",
        25,
        {
            "countries": (0.94, 0.95),
            "persons": (0.88, 0.81),
            "organizations": (0.86, 0.63),
            "themes": (0.79, 0.87),
        },
    ),
    (
        "fresh160",
        25,
        {
            "countries": (0.9, 0.97),
            "persons": (0.91, 0.86),
            "organizations": (0.82, 0.76),
            "themes": (0.68, 0.82),
        },
    ),
    (
        "fresh161",
        22,
        {
            "countries": (0.91, 0.92),
            "persons": (0.82, 0.72),
            "organizations": (0.88, 0.76),
            "themes": (0.74, 0.72),
        },
    ),
    (
        "fresh162",
        26,
        {
            "countries": (0.95, 0.95),
            "persons": (0.91, 0.81),
            "organizations": (0.83, 0.62),
            "themes": (0.8, 0.9),
        },
    ),
    (
        "fresh163",
        25,
        {
            "countries": (0.95, 0.97),
            "persons": (0.89, 0.87),
            "organizations": (0.91, 0.69),
            "themes": (0.81, 0.75),
        },
    ),
    (
        "fresh164",
        28,
        {
            "countries": (0.92, 0.96),
            "persons": (0.93, 0.87),
            "organizations": (0.87, 0.82),
            "themes": (0.74, 0.85),
        },
    ),
    (
        "fresh165",
        23,
        {
            "countries": (0.95, 0.97),
            "persons": (0.97, 0.97),
            "organizations": (0.89, 0.76),
            "themes": (0.79, 0.84),
        },
    ),
    (
        "fresh166",
        24,
        {
            "countries": (0.93, 0.97),
            "persons": (0.78, 0.78),
            "organizations": (0.91, 0.81),
            "themes": (0.74, 0.81),
        },
    ),
    (
        "fresh167",
        21,
        {
            "countries": (0.97, 0.97),
            "persons": (0.83, 0.87),
            "organizations": (0.97, 0.75),
            "themes": (0.77, 0.84),
        },
    ),
    (
        "fresh168",
        21,
        {
            "countries": (0.93, 0.95),
            "persons": (0.89, 0.83),
            "organizations": (0.89, 0.79),
            "themes": (0.75, 0.77),
        },
    ),
    (
        "fresh169",
        26,
        {
            "countries": (0.94, 0.95),
            "persons": (0.93, 0.78),
            "organizations": (0.85, 0.82),
            "themes": (0.73, 0.9),
        },
    ),
    (
        "fresh170",
        26,
        {
            "countries": (0.97, 0.94),
            "persons": (0.88, 0.72),
            "organizations": (0.88, 0.78),
            "themes": (0.85, 0.89),
        },
    ),
    (
        "fresh171",
        24,
        {
            "countries": (0.94, 0.93),
            "persons": (0.97, 0.82),
            "organizations": (0.73, 0.64),
            "themes": (0.74, 0.72),
        },
    ),
    (
        "fresh172",
        24,
        {
            "countries": (0.94, 0.96),
            "persons": (0.88, 0.75),
            "organizations": (0.86, 0.67),
            "themes": (0.78, 0.86),
        },
    ),
    (
        "fresh173",
        20,
        {
            "countries": (0.97, 0.97),
            "persons": (0.87, 0.87),
            "organizations": (0.75, 0.67),
            "themes": (0.78, 0.83),
        },
    ),
    (
        "fresh174",
        22,
        {
            "countries": (0.93, 0.95),
            "persons": (0.9, 0.83),
            "organizations": (0.93, 0.83),
            "themes": (0.72, 0.9),
        },
    ),
    (
        "fresh175",
        19,
        {
            "countries": (0.95, 0.97),
            "persons": (0.97, 0.67),
            "organizations": (0.7, 0.7),
            "themes": (0.79, 0.97),
        },
    ),
    (
        "fresh176",
        20,
        {
            "countries": (0.97, 0.91),
            "persons": (0.8, 0.89),
            "organizations": (0.87, 0.67),
            "themes": (0.86, 0.81),
        },
    ),
    (
        "fresh177",
        20,
        {
            "countries": (0.93, 0.93),
            "persons": (0.92, 0.87),
            "organizations": (0.85, 0.57),
            "themes": (0.83, 0.79),
        },
    ),
    (
        "fresh178",
        23,
        {
            "countries": (0.89, 0.91),
            "persons": (0.87, 0.79),
            "organizations": (0.85, 0.41),
            "themes": (0.88, 0.82),
        },
    ),
    (
        "fresh179",
        24,
        {
            "countries": (0.93, 0.93),
            "persons": (0.87, 0.84),
            "organizations": (0.86, 0.74),
            "themes": (0.69, 0.84),
        },
    ),
    (
        "fresh180",
        22,
        {
            "countries": (0.91, 0.95),
            "persons": (0.82, 0.79),
            "organizations": (0.89, 0.65),
            "themes": (0.73, 0.89),
        },
    ),
    (
        "fresh181",
        19,
        {
            "countries": (0.91, 0.95),
            "persons": (0.9, 0.93),
            "organizations": (0.9, 0.77),
            "themes": (0.8, 0.94),
        },
    ),
    (
        "fresh182",
        23,
        {
            "countries": (0.93, 0.97),
            "persons": (0.81, 0.72),
            "organizations": (0.85, 0.69),
            "themes": (0.73, 0.9),
        },
    ),
    (
        "fresh183",
        22,
        {
            "countries": (0.91, 0.95),
            "persons": (0.93, 0.79),
            "organizations": (0.93, 0.72),
            "themes": (0.79, 0.87),
        },
    ),
    (
        "fresh184",
        25,
        {
            "countries": (0.93, 0.95),
            "persons": (0.89, 0.87),
            "organizations": (0.88, 0.86),
            "themes": (0.84, 0.84),
        },
    ),
    (
        "fresh185",
        19,
        {
            "countries": (0.94, 0.91),
            "persons": (0.89, 0.82),
            "organizations": (0.85, 0.66),
            "themes": (0.75, 0.84),
        },
    ),
    (
        "fresh186",
        21,
        {
            "countries": (0.95, 0.92),
            "persons": (0.93, 0.86),
            "organizations": (0.87, 0.7),
            "themes": (0.81, 0.75),
        },
    ),
    (
        "fresh10",
        17,
        {
            "countries": (0.99, 0.99),
            "persons": (0.94, 0.94),
            "organizations": (0.94, 0.89),
            "themes": (0.77, 0.8),
        },
    ),
    (
        "fresh9",
        40,
        {
            "countries": (0.98, 0.99),
            "persons": (0.99, 0.93),
            "organizations": (0.98, 0.96),
            "themes": (0.8, 0.89),
        },
    ),
]


@pytest.mark.parametrize("split, pages, floors", TEXT_SPLITS, ids=[s[0] for s in TEXT_SPLITS])
def test_real_text_split_holds_its_measured_level(
    enricher: Enricher, split: str, pages: int, floors: dict
) -> None:
    """A split known only by its text holds the level measured when it was scored. The
    texts are kept outside the repository; without them the gate is skipped."""
    if not FRESH3_CACHE.is_dir():
        pytest.skip(
            f"the real-{split} page texts are not at {FRESH3_CACHE} (kept outside the repo)"
        )
    docs, why = load_real_text(f"tests/data/enrichment/real_labels_{split}.json", FRESH3_CACHE)
    # A text that is there but is not the labelled capture is an error; one not fetched on
    # this machine skips the gate (its floors hold for the whole split only).
    assert why is None or "sha256 differs" not in why, why
    if why is not None:
        pytest.skip(why)
    assert len(docs) == pages and {d.split for d in docs} == {split}
    scores = evaluate(docs, enricher, repeat=1).scores
    for kind, (precision, recall) in floors.items():
        assert scores[kind].precision >= precision, (kind, scores[kind])
        assert scores[kind].recall >= recall, (kind, scores[kind])
