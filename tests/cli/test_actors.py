"""``corpus-search actors`` against the demo corpus, through CliRunner."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from corpus_search.cli import cli


def run(index: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--index", str(index), *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_actors_json_lists_document_counts(demo_index: Path) -> None:
    code, out, _ = run(demo_index, "actors", "--json", "--limit", "0")
    data = json.loads(out)
    assert code == 0 and data["schema_version"] >= 1
    rows = data["actors"]
    counts = [r["documents"] for r in rows]
    assert counts == sorted(counts, reverse=True)
    russia = next(r for r in rows if r["name"] == "Russia")
    assert russia["type"] == "country" and russia["code"] == "RUS"
    assert 0 < russia["key_documents"] <= russia["documents"] <= 48


def test_actors_with_russia_by_lift(demo_index: Path) -> None:
    code, out, _ = run(demo_index, "actors", "--with", "Kremlin", "--json")
    data = json.loads(out)
    assert code == 0 and data["with"]["name"] == "Russia"
    lifts = [r["lift"] for r in data["actors"]]
    assert lifts == sorted(lifts, reverse=True)
    assert all(r["together"] >= 2 and r["together"] <= r["documents"] for r in data["actors"])
    assert "Russia" not in {r["name"] for r in data["actors"]}


def test_actors_type_and_csv(demo_index: Path) -> None:
    code, out, _ = run(demo_index, "actors", "--type", "person", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows and {r["type"] for r in rows} == {"person"}
    assert list(rows[0]) == ["name", "type", "code", "documents", "key_documents"]


def test_actors_table_and_errors(demo_index: Path) -> None:
    code, out, _ = run(demo_index, "actors", "--with", "Russia", "--limit", "5")
    assert code == 0 and "lift" in out and "Actors mentioned with Russia" in out
    code, _, err = run(demo_index, "actors", "--with", "Atlantis")
    assert code == 2 and "no document mentions" in err and "Traceback" not in err


def test_ingest_takes_user_gazetteer_and_taxonomy(tmp_path: Path) -> None:
    page = tmp_path / "note.txt"
    page.write_text(
        "Harbour politics\n\nThe Harbour Board of Valdoria raised dredging fees. Dredging "
        "of the estuary and dredging contracts dominate; the Harbour Board of Valdoria "
        "says dredging must go on.\n"
    )
    gazetteer = tmp_path / "actors.json"
    gazetteer.write_text(
        json.dumps(
            {
                "organizations": [
                    {
                        "name": "Harbour Board",
                        "country": None,
                        "aliases": ["Harbour Board of Valdoria"],
                    }
                ]
            }
        )
    )
    taxonomy = tmp_path / "themes.json"
    taxonomy.write_text(
        json.dumps(
            {
                "themes": [
                    {
                        "id": "dredging",
                        "label": "Dredging",
                        "scope": "Keeping channels deep.",
                        "terms": {"dredging": 3, "estuary": 1},
                    }
                ]
            }
        )
    )
    index = tmp_path / "ix"
    code, _, err = run(
        index, "ingest", str(page), "--gazetteer", str(gazetteer), "--taxonomy", str(taxonomy)
    )
    assert code == 0, err
    code, out, _ = run(index, "search", "--actor", "Harbour Board", "--theme", "dredging", "--json")
    assert code == 0 and json.loads(out)["total"] == 1
    code, out, _ = run(index, "actors", "--type", "organization", "--json")
    assert [r["name"] for r in json.loads(out)["actors"]] == ["Harbour Board"]
