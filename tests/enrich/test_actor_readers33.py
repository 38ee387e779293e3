"""States named in a text's own language (stop 41): in a text that does not read as
English, pycountry's names of the states in German, French, Spanish, Italian, Portuguese
and Dutch count as the states. Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from corpus_search.enrich import Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def codes(gazetteer: Gazetteer, text: str) -> set[str | None]:
    return {m.code for m in gazetteer.tag(text) if m.type == "country"}


ITALIAN = (
    "Gli Stati Uniti e la Cina hanno ripreso il dialogo sul commercio, mentre la Germania "
    "e il Regno Unito chiedono che l'Unione europea abbia un posto al tavolo. Secondo gli "
    "analisti, il negoziato durerà mesi e il risultato dipenderà anche dalle elezioni che "
    "si terranno il prossimo anno in molti paesi della regione."
)

GERMAN = (
    "Die Regierung von Island hat am Montag neue Regeln für die Fischerei vorgestellt. "
    "Auch Norwegen und Dänemark wollen ihre Quoten prüfen, weil die Bestände im Nordatlantik "
    "seit Jahren sinken und die Fischer in allen drei Ländern über hohe Kosten klagen, die "
    "sie nicht mehr an die Kunden weitergeben können."
)


def test_states_named_in_italian(gazetteer: Gazetteer) -> None:
    assert {"USA", "CHN", "DEU", "GBR"} <= codes(gazetteer, ITALIAN)


def test_states_named_in_german(gazetteer: Gazetteer) -> None:
    assert {"ISL", "NOR", "DNK"} <= codes(gazetteer, GERMAN)


def test_an_english_text_keeps_its_own_words(gazetteer: Gazetteer) -> None:
    text = (
        "Island nations in the Pacific want more say over fishing. The Solomon Islands and "
        "Fiji asked for talks, and Australia said it would host them in the spring."
    )
    found = codes(gazetteer, text)
    assert "ISL" not in found
    assert {"SLB", "FJI", "AUS"} <= found


def test_a_given_name_is_not_a_state_in_any_language(gazetteer: Gazetteer) -> None:
    text = (
        "Le diplomate Maurice Leroy a rencontré hier les représentants de la Chine et de "
        "l'Allemagne pour parler du climat. Selon lui, les deux pays doivent faire plus pour "
        "les pays les plus pauvres, et la France est prête à les aider dans les mois qui "
        "viennent, avec un nouveau fonds pour les villes côtières."
    )
    found = codes(gazetteer, text)
    assert "MUS" not in found
    assert {"CHN", "DEU", "FRA"} <= found
