"""The packaged gazetteer and taxonomy: coverage the issue asks for, and consistency."""

from __future__ import annotations

import json
from importlib import resources

import pycountry
import pytest

from corpus_search.enrich import Gazetteer

DATA = resources.files("corpus_search.enrich") / "data"


def load(name: str) -> dict:
    return json.loads((DATA / name).read_text("utf-8"))


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def test_every_un_member_and_observer_plus_taiwan_kosovo_and_historic_states() -> None:
    countries = load("countries.json")["countries"]
    by_status: dict[str, set[str]] = {}
    for entry in countries:
        by_status.setdefault(entry["status"], set()).add(entry["code"])
    assert len(by_status["member"]) == 193
    assert by_status["observer"] == {"VAT", "PSE"}
    assert {"TWN", "XKX"} <= by_status["non-member"]
    assert {"SUN", "YUG", "DDR", "CSK"} <= by_status["historic"]
    iso = {c.alpha_3 for c in pycountry.countries} | {
        h.alpha_3 for h in pycountry.historic_countries
    }
    assert {e["code"] for e in countries} - iso <= {"XKX"}


def test_sizes(gazetteer: Gazetteer) -> None:
    types = [a.type for a in gazetteer.actors.values()]
    assert types.count("person") >= 300
    assert types.count("organization") >= 200
    assert types.count("group") >= 10


def test_person_and_organisation_codes_name_known_states(gazetteer: Gazetteer) -> None:
    codes = {a.code for a in gazetteer.actors.values() if a.type == "country"}
    for actor in gazetteer.actors.values():
        if actor.type != "country" and actor.code is not None:
            assert actor.code in codes, (actor.name, actor.code)


def test_no_form_means_two_actors_except_shared_titles(gazetteer: Gazetteer) -> None:
    owners: dict[str, set[str]] = {}
    for actor in gazetteer.actors.values():
        for form in actor.forms:
            owners.setdefault(form, set()).add(actor.name)
    shared = {form: names for form, names in owners.items() if len(names) > 1}
    # Only title forms built from a surname that relatives or namesakes share
    # ("President Bush"); the tagger resolves those inside each document.
    assert all(
        all(gazetteer.actors[n].type == "person" for n in names) for names in shared.values()
    ), shared
    assert not set(gazetteer.blockers) & set(owners)


def test_historic_figures_and_office_holders(gazetteer: Gazetteer) -> None:
    for name in (
        "Henry Kissinger",
        "Leonid Brezhnev",
        "Mikhail Gorbachev",
        "Deng Xiaoping",
        "Mao Zedong",
        "Mark Rutte",
        "António Guterres",
        "Ursula von der Leyen",
    ):
        assert name in gazetteer.actors, name
    for name in ("NATO", "IAEA", "WTO", "FSB", "PLA", "CIA", "Roscosmos", "RUSI", "CSIS"):
        assert name in gazetteer.actors, name
    assert gazetteer.actors["Mao Zedong"].code == "CHN"
    assert gazetteer.actors["Leonid Brezhnev"].code == "SUN"


def test_every_theme_has_a_scope_and_the_rule_lists_are_present() -> None:
    themes = load("themes.json")["themes"]
    assert len(themes) == 28 and all(t["scope"].strip() for t in themes)
    countries = load("countries.json")
    for key in ("seats_of_power", "venue_words", "given_names", "us_place_names"):
        assert countries[key], key
