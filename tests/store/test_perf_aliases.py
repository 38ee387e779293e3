"""The compiled alias table answers exactly as the gazetteer and taxonomy do."""

from __future__ import annotations

import json
from pathlib import Path

from corpus_search import Corpus
from corpus_search.aliases import FILE, AliasTable
from corpus_search.enrich import Enricher


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
