"""Keeps ``bench/`` working: the generator is deterministic and valid, and the whole
benchmark runs end to end on a tiny corpus (the real runs are not part of the suite)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.generate import Generator, write_jsonl
from bench.run import QUERY_TYPES
from corpus_search.document import Document

ROOT = Path(__file__).resolve().parents[2]


def test_generator_is_deterministic_and_in_the_export_schema(tmp_path: Path) -> None:
    first = write_jsonl(tmp_path / "a.jsonl", 30, seed=3).read_bytes()
    second = write_jsonl(tmp_path / "b.jsonl", 30, seed=3).read_bytes()
    assert first == second
    records = [json.loads(line) for line in first.decode().splitlines()]
    assert len({r["id"] for r in records}) == 30
    for record in records:
        doc = Document.from_dict(record)
        assert doc.enriched and doc.actors and doc.themes and doc.published
        assert 500 <= len(doc.body.split()) <= 2600  # 500-2,000 drawn words, plus names
        assert doc.actors[0].name in doc.title
    assert len({r["source"] for r in records}) >= 5
    generator = Generator(3)
    assert generator.document(7) == records[7]


def test_benchmark_runs_end_to_end(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "run.py"),
            "--docs",
            "120",
            "--work",
            str(tmp_path),
            "--repeat",
            "3",
            "--cold-runs",
            "1",
            "--stdin-queries",
            "8",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads((tmp_path / "results-120.json").read_text())
    assert set(results["ingest"]) == {"corpus-search", "whoosh plain loop", "SQLite FTS5"}
    for row in results["ingest"].values():
        assert row["docs_per_second"] > 0 and row["peak_mb"] > 0 and row["size_mb"] > 0
    for kind in QUERY_TYPES:
        for engine in ("corpus-search", "SQLite FTS5"):
            assert results["queries"][kind][engine]["median_ms"] > 0
    assert results["stdin"]["queries"] == 8 and results["stdin"]["queries_per_second"] > 0
    for kind in QUERY_TYPES:
        assert f"| {kind} |" in done.stdout


def test_hotspots_profiles_ingest_and_splits_queries_by_stage() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "hotspots.py"), "--docs", "60", "--queries", "2"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "## ingest of 60 documents" in done.stdout
    rows = {
        line.split("|")[1].strip(): line.split("|")[2:-1]
        for line in done.stdout.splitlines()
        if line.startswith("| ") and line.count("|") == 10
    }
    for kind in QUERY_TYPES:
        assert kind in rows
    parse, match = float(rows["term"][1]), float(rows["term"][2]) + float(rows["term"][3])
    assert float(rows["term"][0]) > 0 and parse > 0 and match > 0


def test_ingest_parallel_bench_runs(capsys: pytest.CaptureFixture[str]) -> None:
    """``bench/ingest_parallel.py`` on the first 16 real pages: both ingests count every
    page, with the same counts, and the summary line adds up."""
    from bench.ingest_parallel import main
    from tests.conftest import shared_path

    shared_path("extraction", "aeb", "html")
    assert main(["--limit", "16", "--json", "--summary-line"]) == 0
    figures = json.loads(capsys.readouterr().out)
    one, many = figures["ingest_jobs_1"], figures["ingest_all_cores"]
    assert one["counts"]["read"] == 16 and one["counts"] == many["counts"]
    assert "read 31 = " in figures["summary_line"] and "unsupported 10" in figures["summary_line"]
    assert 0 < figures["machine_scaling"] <= figures["cores"] * 1.2


def test_gazetteer_cost_bench_runs(tmp_path: Path) -> None:
    """The side-by-side cost of the gazetteer, on this checkout, without the texts (the
    load and the index only), once; and a folder that is no checkout is refused."""
    script = Path(__file__).resolve().parents[2] / "bench" / "gazetteer_cost.py"
    done = subprocess.run(
        [sys.executable, str(script), "--rounds", "1", "--cache", str(tmp_path), "--json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    (row,) = json.loads(done.stdout)
    assert row["actors"] > 30000 and row["load_ms"] > 0 and row["texts"] == 0
    refused = subprocess.run(
        [sys.executable, str(script), str(tmp_path)], capture_output=True, text=True
    )
    assert refused.returncode == 2 and "no corpus_search package" in refused.stderr


def test_index_write_bench_runs(capsys: pytest.CaptureFixture[str]) -> None:
    """``bench/index_write.py`` on the first 12 real pages, once: both settings write every
    document, and small blocks stored as they are change the postings' bytes."""
    from bench.index_write import main
    from tests.conftest import shared_path

    shared_path("extraction", "aeb", "html")
    assert main(["--limit", "12", "--rounds", "1", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    rows = figures["rows"]
    assert [row["added"] for row in rows] == [figures["documents"]] * 2
    assert figures["documents"] >= 10
    assert rows[0]["postings_bytes"] != rows[1]["postings_bytes"]
    assert all(row["cpu_seconds"] > 0 for row in rows)
