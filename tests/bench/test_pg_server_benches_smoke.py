"""Keeps three server benchmarks working on a tiny corpus of the tests' own server:
``bench/pg_seal_words.py`` (the two ways of counting a segment's words by year run in turn
and agree), ``bench/pg_ingest_budget.py`` (every step of an ingest timed apart, nothing
changed) and ``bench/pg_phrase_passes.py`` (the parts of a phrase search timed apart)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from corpus_search import Corpus
from tests.conftest import make_doc

ROOT = Path(__file__).resolve().parents[2]


def test_both_ways_count_the_same_words(pg_url: str) -> None:
    corpus = Corpus.open(pg_url, create=True)
    years = ["2019-03-04", "2024-11-30", "2025"]
    docs = [
        make_doc(f"w{i}", f"Tariffs note {i} on grain and quotas.", published=years[i % 3])
        for i in range(8)
    ]
    docs.append(make_doc("undated", "Quotas without a date."))
    corpus.add(docs)
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "pg_seal_words.py"), pg_url,
         "--segment", "0", "--rounds", "1"],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "segment 0: 9 documents" in done.stdout
    assert "same rows: yes" in done.stdout
    rows = [line for line in done.stdout.splitlines() if line.startswith("| 1 |")]
    assert len(rows) == 1 and all(float(cell) >= 0 for cell in rows[0].strip(" |").split(" | ")[1:])


def test_the_ingest_budget_times_every_step(pg_url: str, tmp_path: Path) -> None:
    import json

    corpus = Corpus.open(pg_url, create=True)
    corpus.add([make_doc(f"b{i}", f"Grain tariffs and quotas, note {i}.") for i in range(6)])
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        "".join(json.dumps(make_doc(f"f{i}", "Quotas.").to_dict()) + "\n" for i in range(4))
    )
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "pg_ingest_budget.py"), pg_url,
         "--segment", "0", "--jsonl", str(feed), "--lines", "3"],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    rows = [line.split(" | ") for line in done.stdout.splitlines() if line.startswith("| ")]
    steps = {row[0].lstrip("| "): row for row in rows[1:]}
    assert steps["client: read a line, prepare its row"][1] == "3"
    assert steps["server: analyse the text into words"][1] == "6"
    assert any(name.startswith("seal: build the") for name in steps)
    assert "sum" in steps and "documents a second on 2 cores" in done.stdout
    assert len(Corpus.open(pg_url)) == 6  # every step was rolled back


def test_the_phrase_passes_are_timed_apart(pg_url: str) -> None:
    corpus = Corpus.open(pg_url, create=True)
    corpus.add([make_doc(f"p{i}", f"A trade agreement, note {i}.") for i in range(5)])
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "pg_phrase_passes.py"), pg_url,
         "--rounds", "1", "--count", "3"],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    assert "5 documents, 3 phrase searches" in done.stdout
    medians = {
        row.split(" | ")[0].lstrip("| "): float(row.split(" | ")[1].rstrip(" |"))
        for row in done.stdout.splitlines()
        if row.startswith("| ") and not row.startswith("| part")
    }
    assert medians["count of the matches"] > 0
    assert set(medians) >= {"page in relevance order", "other statements"}
