"""Actor rules of the twenty-third round, on names the gazetteer does not hold: "Forces"
after words that only describe forces is a kind of force, no body. (A rule that dropped a
forum or a dialogue named once was tried and not kept: recurring fora are actors by the
issue's own account.) Every text here is written for these tests."""

from __future__ import annotations

from tests.enrich.sentences import actors


def test_forces_named_only_by_their_kind_are_no_body() -> None:
    found = actors(
        "Russia relies on Hybrid Security Forces in Africa, and the Sub-State Defense "
        "Forces there answer to no one."
    )
    assert not [name for name, known in found.items() if not known]


def test_forces_with_a_name_of_their_own_stay() -> None:
    found = actors("The Tallis Defence Forces were raised in 2019 by the Tallis Council in Norway.")
    assert found.get("Tallis Defence Forces") is False


def test_a_forum_named_once_is_still_a_body() -> None:
    found = actors(
        "Speaking at the Tallis Young Strategists Forum, the minister said Norway would "
        "spend more on defence."
    )
    assert found.get("Tallis Young Strategists Forum") is False
