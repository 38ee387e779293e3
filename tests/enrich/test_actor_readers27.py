"""Edges of stop 39's first round (errors read on real-fresh74 to -81): an author's name
before a title page's or a byline's nouns, a person's name opening a body's name with a
possessive in it, the American spelling of "Programme", a coastguard in one word, and a
legislature called the Legislative Assembly. Every sentence here is written for these
tests; the people and bodies are real or invented as each test says."""

from __future__ import annotations

from tests.enrich.sentences import actors, people


def _unknown_people(text: str) -> set[str]:
    return people(text, known=False)


def test_a_title_pages_nouns_end_an_authors_name() -> None:
    # invented authors
    assert _unknown_people("Bolivia: the 2020 election Tim Varnholt Contents: 1. Background") == {
        "Tim Varnholt"
    }
    found = _unknown_people("Harbor and Shore, Michael Coyle Journal of Island Studies, 2019")
    assert found == {"Michael Coyle"}
    found = _unknown_people("1 Kenneth Lindqvist Specialist in Baltic Affairs May 2, 2014")
    assert found == {"Kenneth Lindqvist"}
    # after a title they name no one
    assert not _unknown_people("The author is an active General Staff Officer in the army.")
    assert not _unknown_people("Implications for the 2030 General Elections Aung Tin* SUMMARY")
    # an ordinary surname is still a surname
    assert _unknown_people("The envoy Michael Baker arrived on Monday.") == {"Michael Baker"}


def test_a_body_named_after_a_person_with_a_possessive_in_its_name() -> None:
    found = actors("She teaches at the Patrice Lumumba Peoples’ Friendship University in Moscow.")
    assert "Patrice Lumumba" not in found
    assert "Patrice Lumumba" in actors("Patrice Lumumba's government fell in 1960.")


def test_american_spellings_and_one_word_coastguards() -> None:
    found = actors("It was co-hosted with the United Nations Development Program in Tunis.")
    assert "UNDP" in found
    found = actors("The Chinese coastguard blocked the resupply near the Philippines.")
    assert "China Coast Guard" in found


def test_a_legislature_called_the_legislative_assembly() -> None:
    text = (
        "Costa Rica votes on Sunday for a president and the Legislative Assembly. "
        "Costa Rica's parties are fragmented."
    )
    assert "Parliament of Costa Rica" in actors(text)
    assert "Parliament of Costa Rica" in actors(
        "Costa Rica: the Legislative Assembly of Costa Rica met."
    )
    # in a text about another state it is not Costa Rica's
    assert "Parliament of Costa Rica" not in actors(
        "Samoa's Legislative Assembly sat; Samoa voted."
    )


def test_a_faith_after_a_given_name_is_no_surname() -> None:
    assert not _unknown_people("Raised a Roman Catholic, he later served in the navy.")
    assert not _unknown_people("Raised staunchly Roman Catholic, he later served in the navy.")
