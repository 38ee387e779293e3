"""Every state's national institutions under generic names (organizations_state.json):
the committed file is what bench/build_state_bodies.py builds, it takes no form another
entry has, and the names tag as a reader expects. Texts are written for these tests."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from bench.build_state_bodies import OUT_NAME, build
from corpus_search.enrich import Enricher
from corpus_search.enrich.actors import Gazetteer

DATA = Path(__file__).resolve().parents[2] / "corpus_search" / "enrich" / "data"


@cache
def gazetteer() -> Gazetteer:
    return Enricher.load().gazetteer


def names(text: str) -> set[str]:
    return {m.name for m in gazetteer().tag(text)}


def test_the_committed_file_is_a_rebuild() -> None:
    committed = json.loads((DATA / OUT_NAME).read_text("utf-8"))
    assert build(DATA) == committed


def test_no_generated_form_is_another_entry_s() -> None:
    bodies = json.loads((DATA / OUT_NAME).read_text("utf-8"))["organizations"]
    theirs = {f for b in bodies for f in b["aliases"]}
    for path in DATA.glob("*.json"):
        if path.name in (OUT_NAME, "themes.json"):
            continue
        doc = json.loads(path.read_text("utf-8"))
        for key in ("countries", "persons", "organizations", "groups"):
            for entry in doc.get(key, []):
                assert theirs.isdisjoint({entry["name"], *(entry.get("aliases") or [])})


def test_a_parliament_and_an_election_commission_under_generic_names() -> None:
    found = names(
        "The Sri Lankan parliament met after the Sri Lankan Election Commission set the"
        " date, and the Sri Lanka Police closed the roads."
    )
    assert {"Parliament of Sri Lanka", "Election Commission of Sri Lanka"} <= found
    assert "Police of Sri Lanka" in found
    assert "Sri Lanka" in found  # the state inside its body's name


def test_a_curated_body_keeps_its_names() -> None:
    found = names("The Indian Supreme Court and the Pakistani Army both weighed in.")
    assert "Supreme Court of India" in found
    assert "Pakistan Army" in found
    assert "Armed Forces of Pakistan" not in found


def test_the_military_of_a_state_is_the_state() -> None:
    found = names("The Chinese military held drills while British police watched the port.")
    assert not any(n.startswith(("Armed Forces of", "Police of")) for n in found)


def test_a_us_state_s_court_is_not_a_country_s() -> None:
    found = names("The Georgia Supreme Court ruled on the ballot rules in Atlanta.")
    assert "Georgian Supreme Court" not in found
    assert "Supreme Court of Georgia" not in found


def test_a_bare_court_and_commission_in_a_text_about_one_state_are_that_state_s() -> None:
    found = names(
        "Sri Lanka's crisis deepened. After the president's decree the Election Commission"
        " objected, and the country's Supreme Court overturned it. Sri Lanka voted later."
    )
    assert {"Election Commission of Sri Lanka", "Supreme Court of Sri Lanka"} <= found
    assert "US Supreme Court" not in found


def test_a_bare_court_in_a_text_about_brazil_is_its_named_court() -> None:
    found = names(
        "Brazil's former president is on trial. Brazil's police say he planned to dissolve"
        " the Supreme Court; Brazil has never seen such a case."
    )
    assert "Supreme Federal Court" in found


def test_a_bare_parliament_is_left_alone() -> None:
    # a text about one state names the European Parliament or its own assembly as often
    found = names("France voted. France's president spoke to Parliament about France.")
    assert not any(n.startswith("Parliament of") for n in found)


def test_an_institution_named_with_its_state_is_not_bare() -> None:
    found = names(
        "Kenya's observers studied the Election Commission of Ghana before Kenya voted;"
        " Kenya copied its rules."
    )
    assert "Election Commission of Kenya" not in found
