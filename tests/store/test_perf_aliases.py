"""The compiled alias table answers exactly as the gazetteer and taxonomy do."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus_search import Corpus
from corpus_search.aliases import FILE, OPEN_FILE, AliasTable
from corpus_search.enrich import Enricher, Gazetteer


def test_table_answers_like_the_enricher() -> None:
    enricher = Enricher.load()
    table = AliasTable.build(enricher)
    gazetteer, taxonomy = enricher.gazetteer, enricher.taxonomy
    probes = ["PRC", "kremlin", "  united   STATES ", "Atlantis", "", "us", "UK", "Beijing"]
    for actor in gazetteer.actors.values():
        probes.extend([actor.name, actor.name.upper(), *actor.forms, *actor.short])
    for probe in probes:
        expected = gazetteer.resolve(probe)
        assert table.actor(probe) == (expected.name if expected else None), probe
    themes = ["Nuclear weapons", "nuclear_weapons", "NUCLEAR-WEAPONS", "no such theme", ""]
    for theme in taxonomy.themes.values():
        themes.extend([theme.id, theme.label, theme.label.lower(), theme.id.replace("-", " ")])
    for probe in themes:
        expected_theme = taxonomy.resolve(probe)
        assert table.theme(probe) == (expected_theme.id if expected_theme else None), probe


def test_table_is_saved_and_rebuilt_when_stale(tmp_path: Path) -> None:
    corpus = Corpus.open(tmp_path / "ix", create=True)
    assert corpus.search("", actors=["PRC"]).total == 0  # resolves, builds and saves
    saved = tmp_path / "ix" / FILE
    data = json.loads(saved.read_text("utf-8"))
    assert data["actors"]["prc"] == "China"
    data["fingerprint"] = "stale"
    data["actors"]["prc"] = "Atlantis"
    saved.write_text(json.dumps(data), "utf-8")
    again = Corpus.open(tmp_path / "ix")
    assert again._alias("actor", "PRC") == "China"  # stale: built again
    assert json.loads(saved.read_text("utf-8"))["actors"]["prc"] == "China"


def test_generated_forms_are_read_only_when_a_curated_form_does_not_answer(
    tmp_path: Path,
) -> None:
    corpus = Corpus.open(tmp_path / "ix", create=True)
    assert corpus._alias("actor", "PRC") == "China"  # builds and saves both parts
    main = json.loads((tmp_path / "ix" / FILE).read_text("utf-8"))
    more = json.loads((tmp_path / "ix" / OPEN_FILE).read_text("utf-8"))
    assert "maria cantwell" in more["actors"] and "maria cantwell" not in main["actors"]
    assert len(more["actors"]) > len(main["actors"])
    again = Corpus.open(tmp_path / "ix")
    assert again._alias("actor", "Kremlin") == "Russia"
    assert callable(again._aliases._open_actors)  # the open part not read yet
    assert again._alias("actor", "maria CANTWELL") == "Maria Cantwell"
    assert not callable(again._aliases._open_actors)
    # the open part gone or stale: built again, with the same answers
    (tmp_path / "ix" / OPEN_FILE).unlink()
    third = Corpus.open(tmp_path / "ix")
    assert third._alias("actor", "Senator Cantwell") == "Maria Cantwell"
    assert (tmp_path / "ix" / OPEN_FILE).exists()


def test_a_search_never_loads_the_gazetteer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = Corpus.open(tmp_path / "ix", create=True)
    corpus.search("", actors=["PRC"])  # builds the alias table (this loads the gazetteer)
    loads: list[int] = []
    original = Gazetteer.load.__func__  # type: ignore[attr-defined]

    def spy(cls: type[Gazetteer], *args: object, **kwargs: object) -> Gazetteer:
        loads.append(1)
        return original(cls, *args, **kwargs)

    monkeypatch.setattr(Gazetteer, "load", classmethod(spy))
    again = Corpus.open(tmp_path / "ix")
    again.search("nuclear")
    again.search("nuclear", actors=["Kremlin"])
    again.search("nuclear", actors=["Maria Cantwell"])  # a generated entry's name
    assert loads == []
