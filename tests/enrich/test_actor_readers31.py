"""Edges of stop 39's fifth round (errors read on real-fresh74 to -97, tested on
real-fresh98 to -101): a passage in capitals is read as a headline in title case, and
names family name first. Every sentence here is written for these tests; the people and
bodies are real."""

from __future__ import annotations

from corpus_search.enrich import Enricher
from tests.enrich.sentences import actors


def test_names_in_a_passage_in_capitals() -> None:
    text = "THE FOREWORD IS BY PRESIDENT REUVEN RIVLIN AND PRIME MINISTER NARENDRA MODI."
    found = actors(text)
    assert {"Reuven Rivlin", "Narendra Modi"} <= set(found)
    found = actors("TESTIMONY BEFORE THE UNITED STATES HOUSE COMMITTEE ON FOREIGN AFFAIRS")
    assert "House Foreign Affairs Committee" in found
    # acronyms stay acronyms; the offsets are the text's own
    text = "THE SUMMIT OF NATO AND THE EU IN VILNIUS"
    assert {"NATO", "European Union"} <= set(actors(text))
    (nato,) = [m for m in Enricher.load().gazetteer.tag(text) if m.name == "NATO"]
    assert text[nato.first : nato.first + 4] == "NATO"


def test_words_and_states_in_capitals() -> None:
    found = actors("THE LEADER, WHO HAS BEEN IN OFFICE SINCE 2014, LET US DOWN.")
    assert "WHO" not in found and "United States" not in found
    # a state's name in capitals is as often part of a body's name: left as written
    assert "Israel" not in actors("CHRISTIANS UNITED FOR ISRAEL: A PRIMER ON THE GROUP")
    # two words in capitals are left as written: a passage is three words or more
    assert "Narendra Modi" not in actors("NARENDRA MODI")


def test_names_family_name_first() -> None:
    found = actors(
        "Under the Koizumi Junichiro and Abe Shinzo governments, Japan courted Mongolia."
    )
    assert {"Junichiro Koizumi", "Shinzo Abe"} <= set(found)


def test_bodies_by_other_names() -> None:
    found = actors("Warsaw keeps attacking Poland's Constitutional Tribunal, its highest court.")
    assert "Constitutional Court of Poland" in found
    found = actors("The French National Front and the 5-Star Movement gained ground.")
    assert {"Rassemblement National", "Five Star Movement"} <= set(found)
