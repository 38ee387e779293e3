"""The CLI through click's CliRunner (in-process) against a real demo corpus."""

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpus_search.cli import cli
from tests.conftest import harbour_gazetteer


def run(*args: str, index: Path | None = None) -> tuple[int, str, str]:
    runner = CliRunner()
    argv = (["--index", str(index)] if index else []) + list(args)
    result = runner.invoke(cli, argv, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_search_json_contract(demo_index: Path) -> None:
    code, out, err = run(
        "search", "nuclear", "--actor", "Russia", "--json", "--facets", index=demo_index
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["schema_version"] == 1 and data["total"] >= 3
    assert set(data) == {"schema_version", "query", "total", "hits", "facets"}
    hit = data["hits"][0]
    assert set(hit) == {
        "id",
        "url",
        "title",
        "source",
        "authors",
        "published",
        "actors",
        "themes",
        "score",
        "snippet",
    }
    assert all("Russia" in h["actors"] for h in data["hits"])
    assert {"actor", "theme", "source", "year"} <= set(data["facets"])


def test_exit_codes_follow_grep(demo_index: Path) -> None:
    assert run("search", "deterrence", index=demo_index)[0] == 0
    code, out, _ = run("search", "zzzyyyxxx", "--json", index=demo_index)
    assert code == 1 and json.loads(out)["total"] == 0
    code, out, err = run("search", '"unclosed phrase', index=demo_index)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "unbalanced quote" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "args, needle, expected",
    [
        (["search", "--sort", "sideways"], "--sort", 2),
        (["search", "--since", "last tuesday"], "not a date", 2),
        (["search", "--limit", "-3"], "--limit", 2),
        (["search", "--actor"], "requires an argument", 2),
        (["show", "ffffffffffffffff"], "no document", 1),
        (["frobnicate"], "No such command", 2),
    ],
)
def test_user_mistakes_are_one_line(
    demo_index: Path, args: list[str], needle: str, expected: int
) -> None:
    code, _, err = run(*args, index=demo_index)
    assert code == expected and needle in err and err.count("\n") == 1, err
    assert "Traceback" not in err


def test_missing_index(tmp_path: Path) -> None:
    code, _, err = run("search", "x", index=tmp_path / "nowhere")
    assert code == 2 and "no corpus at" in err and "ingest" in err


def test_formats_jsonl_and_csv(demo_index: Path) -> None:
    code, out, _ = run(
        "search", "--actor", "China", "--format", "jsonl", "--limit", "3", index=demo_index
    )
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(lines) == 3 and all("China" in h["actors"] for h in lines)
    code, out, _ = run("search", "--actor", "China", "--format", "csv", index=demo_index)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows and rows[0]["id"] and "China" in rows[0]["actors"]


def test_table_output_names_titles(demo_index: Path) -> None:
    code, out, _ = run("search", "Huawei", index=demo_index)
    assert code == 0 and "Huawei" in out and "documents" in out


def test_show_and_stats(demo_index: Path) -> None:
    hit = json.loads(run("search", "Galwan", "--json", index=demo_index)[1])["hits"][0]
    code, out, _ = run("show", hit["id"], "--format", "json", index=demo_index)
    doc = json.loads(out)
    assert code == 0 and doc["id"] == hit["id"] and "Galwan" in doc["body"]
    code, out, _ = run("show", hit["id"][:8], index=demo_index)
    assert code == 0 and doc["title"] in out
    stats = json.loads(run("stats", "--json", index=demo_index)[1])
    assert stats["documents"] == 48 and len(stats["sources"]) == 6


def test_export_then_ingest_round_trip(demo_index: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    code, _, err = run("export", "--actor", "Taiwan", "-o", str(target), index=demo_index)
    assert code == 0 and "exported" in err
    exported = [json.loads(line) for line in target.read_text().splitlines()]
    assert exported and all(d["schema_version"] == 1 for d in exported)
    fresh = tmp_path / "fresh"
    code, _, err = run("ingest", str(target), index=fresh)
    assert code == 0, err
    again = [json.loads(line) for line in run("export", index=fresh)[1].splitlines()]
    assert sorted(again, key=lambda d: d["id"]) == sorted(exported, key=lambda d: d["id"])


def test_ingest_jsonl_without_enrichment_and_bad_lines(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps(
            {
                "url": "https://x.example/1",
                "title": "Kremlin and Kyiv",
                "body": "The Kremlin rejected talks with Kyiv again.",
                "published": "2024-02",
            }
        )
        + "\n{not json\n"
        + json.dumps({"title": "no body"})
        + "\n"
    )
    code, _, err = run("--index", str(tmp_path / "ix"), "ingest", str(feed))
    assert code == 2 and "feed.jsonl:2" in err and "feed.jsonl:3" in err
    code, out, _ = run("--index", str(tmp_path / "ix"), "search", "--actor", "Ukraine", "--json")
    hits = json.loads(out)["hits"]
    assert code == 0 and len(hits) == 1 and {"Russia", "Ukraine"} <= set(hits[0]["actors"])


def test_ingest_reports_unreadable_and_missing_files(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(
        "A Title Line\n\nThe Kremlin and Beijing keep talking about trade and energy.\n"
    )
    binary = tmp_path / "fake.html"
    binary.write_bytes(b"\x00\x01\x02binary")
    code, _, err = run(
        "--index",
        str(tmp_path / "ix"),
        "ingest",
        str(good),
        str(binary),
        str(tmp_path / "missing.txt"),
    )
    assert code == 2
    assert "binary" in err and "no such file" in err and "Traceback" not in err
    assert "added 1" in err


def test_index_from_environment(demo_index: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORPUS_SEARCH_INDEX", str(demo_index))
    assert run("stats", "--json")[0] == 0


def test_reindex_applies_a_user_gazetteer(tmp_path: Path) -> None:
    page = tmp_path / "note.txt"
    page.write_text(
        "Ports and Power\n\nThe Harbour Board of Valdoria met ministers from Russia.\n\n"
        "It agreed new tariffs with the Harbour Board of Valdoria again.\n"
    )
    index = tmp_path / "ix"
    assert run("ingest", str(page), index=index)[0] == 0
    assert run("search", "--actor", "Harbour Board", index=index)[0] == 1
    mine = harbour_gazetteer(tmp_path)
    code, _, err = run("reindex", "--gazetteer", str(mine), index=index)
    assert code == 0 and "updated 1" in err
    code, out, _ = run("search", "--actor", "harbour board", "--json", index=index)
    assert code == 0 and json.loads(out)["hits"][0]["actors"][0] == "Harbour Board"
