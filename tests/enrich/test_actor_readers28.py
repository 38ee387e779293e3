"""Edges of stop 39's second round (errors read on real-fresh74 to -81, tested on
real-fresh86 to -89): a nickname in quotation marks between a given name and a surname,
and a spelling commentary gives a head of state. Every sentence here is written for
these tests; the people are real."""

from __future__ import annotations

from corpus_search.enrich import Enricher
from tests.enrich.sentences import actors


def test_a_nickname_between_the_names_is_not_in_the_way() -> None:
    found = actors("Panama's new president, Laurentino “Nito” Cortizo, took office in July.")
    assert "Laurentino Cortizo" in found
    found = actors('Panama\'s new president, Laurentino "Nito" Cortizo, took office in July.')
    assert "Laurentino Cortizo" in found
    # the offsets are the text's own: the mention starts where the given name does
    text = "In July Laurentino “Nito” Cortizo took office in Panama."
    (mention,) = [m for m in Enricher.load().gazetteer.tag(text) if m.type == "person"]
    assert text[mention.first : mention.first + len("Laurentino")] == "Laurentino"
    # two quoted words, or a quoted word after a lower-case one, are left alone
    assert "Laurentino Cortizo" not in actors("Laurentino “the Rancher” Cortizo spoke.")


def test_a_spelling_of_a_head_of_state() -> None:
    assert "Nana Akufo-Addo" in actors("Ghana's opposition, led by Nana Akuffo-Addo, won.")


def test_a_nickname_that_is_the_known_name() -> None:
    found = actors("Dr. Mohammed “Mo” Ibrahim founded Celtel and sold it in 2005.")
    assert "Mo Ibrahim" in found and "Mohammed Ibrahim" not in found
