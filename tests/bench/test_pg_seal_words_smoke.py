"""Keeps ``bench/pg_seal_words.py`` working: on a tiny corpus of the tests' own server,
the two ways of counting a segment's words by year run in turn and agree."""

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
