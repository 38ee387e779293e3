"""Actor rules of the eighteenth round: a body's short form, or a piece of its name, is not
a second body the gazetteer lacks; an ampersand stands for the "and" inside a known name;
and the names this round added to the curated files. Every text here is written for these
tests."""

from __future__ import annotations

import pytest

from corpus_search.enrich import Enricher
from tests.enrich.sentences import actors

# -- a name inside another name ------------------------------------------------------------


def test_a_short_form_of_a_known_body_is_not_another_body() -> None:
    found = actors(
        "The Congressional-Executive Commission on China held a hearing. The "
        "Congressional-Executive Commission heard from three witnesses."
    )
    assert found.get("Congressional-Executive Commission on China") is True
    assert "Congressional-Executive Commission" not in found


def test_a_name_opening_an_unknown_longer_one_stays() -> None:
    # The longer name may be the run-on one ("the Baltic Network on Baltic defence"):
    # without the gazetteer to say which is the body, both stay.
    found = actors(
        "The Inter-American Commission on Human Rights held a hearing, and the "
        "Inter-American Commission heard three witnesses."
    )
    assert found.get("Inter-American Commission on Human Rights") is False
    assert found.get("Inter-American Commission") is False


def test_a_piece_of_an_unknown_body_is_not_another_body() -> None:
    found = actors(
        "The Tallis Harbour Development Authority signed the contract, and the Harbour "
        "Development Authority will audit it."
    )
    assert found.get("Tallis Harbour Development Authority") is False
    assert "Harbour Development Authority" not in found


def test_unknown_bodies_outside_each_other_stay() -> None:
    found = actors(
        "The Office for Tallis Harbour Development signed the contract; the Harbour "
        "Development Agency will audit it."
    )
    assert found.get("Office for Tallis Harbour Development") is False
    assert found.get("Harbour Development Agency") is False


# -- an ampersand for "and" ---------------------------------------------------------------


def test_an_ampersand_inside_a_known_name() -> None:
    found = actors(
        "A dossier from the Center for Strategic & International Studies tracks the attacks, "
        "and Trinidad & Tobago has asked for it."
    )
    assert found.get("Center for Strategic and International Studies") is True or (
        found.get("CSIS") is True
    )
    assert found.get("Trinidad and Tobago") is True
    assert not [name for name in found if "&" in name]


def test_an_ampersand_between_two_names_is_not_a_name() -> None:
    found = actors("Officials of Chile & Peru met in Lima to talk about fishing.")
    assert found.get("Chile") is True and found.get("Peru") is True


# -- names added this round ----------------------------------------------------------------


@pytest.mark.parametrize(
    "form, name",
    [
        ("Shah Mahmood Qureshi", "Makhdoom Shah Mahmood Hussain Qureshi"),
        ("Fayez Al-Serraj", "Fayez al-Sarraj"),
        ("Ghassan Salame", "Ghassan Salamé"),
        ("Khaled al-Mishri", "Khalid al-Mishri"),
        ("Mullah Baradar", "Abdul Ghani Baradar"),
        ("Reema bint Bandar", "Reema bint Bandar Al Saud"),
        ("Bangladesh Jamaat e Islami", "Jamaat-e-Islami"),
        ("Quds-Force", "Quds Force"),
        ("Sahel G5", "G5 Sahel"),
        ("MINUSTAH", "United Nations Stabilization Mission in Haiti"),
        ("Pakatan Harapan", "Pakatan Harapan"),
        ("Barisan Nasional", "Barisan Nasional"),
        ("Gorran", "Gorran Movement"),
        ("PDP-Laban", "PDP–Laban"),
        ("Presidency of Defence Industries", "Presidency of Defense Industries"),
    ],
)
def test_names_added_this_round_resolve(form: str, name: str) -> None:
    actor = Enricher.load().gazetteer.resolve(form)
    assert actor is not None and actor.name == name


def test_gna_is_libyas_government_only_in_a_text_about_libya() -> None:
    libya = actors("In Tripoli the GNA kept the airport while Libya waited for talks.")
    assert libya.get("Government of National Accord") is True
    elsewhere = actors("The GNA reported on the cocoa harvest in the Ashanti region.")
    assert "Government of National Accord" not in elsewhere
