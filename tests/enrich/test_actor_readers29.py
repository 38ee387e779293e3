"""Edges of stop 39's third round (errors read on real-fresh82 to -89, tested on
real-fresh90 to -93): a title's words before "of" and a known body are no person, a
byline's date ends the author's name, and "group" in lower case after a body's name.
Every sentence here is written for these tests; the people are invented and the bodies
real."""

from __future__ import annotations

from tests.enrich.sentences import actors, people


def test_a_titles_words_before_a_known_body_are_no_person() -> None:
    text = "Special report: The Rise and Sudden Decline of the Pakistani Taliban, by the staff"
    assert not people(text)
    # a given name after "and" still opens a person's name
    assert "Michael Harwood" in people("Praise came from Tom Baker and Michael Harwood of NATO.")


def test_a_bylines_date_ends_the_authors_name() -> None:
    found = people("He has yet to deliver, says Michael Harwood May 23rd 2015 | From print")
    assert found == {"Michael Harwood"}
    found = people("He has yet to deliver, says Michael Harwood June 2, 2015.")
    assert found == {"Michael Harwood"}


def test_group_in_lower_case_after_a_bodys_name() -> None:
    found = actors("The Visegrad group met in Prague as the Wagner group left Mali.")
    assert {"Visegrád Group", "Wagner Group"} <= set(found)
    # not where the words before it are a place: a group of people in Australia
    assert "Australia Group" not in actors("The Australia group of analysts met in Perth.")


def test_bodies_policy_writing_names() -> None:
    found = actors("After the G8 summit, the NED and the Carter Center sent observers.")
    assert {"G8", "National Endowment for Democracy", "Carter Center"} <= set(found)
    found = actors("The Communist Party of the Soviet Union ruled; EULEX judges left Kosovo.")
    assert {"Communist Party of the Soviet Union", "EULEX"} <= set(found)
