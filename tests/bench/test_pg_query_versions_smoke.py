"""Keeps ``bench/pg_query_versions.py`` and ``bench/pg_compression.py`` working: on a
tiny corpus of the tests' own server, two versions of the code (HEAD against this
checkout) time the filtered queries in turn, and the two compressions copy and read
its records."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from corpus_search import Corpus
from tests.conftest import make_doc

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, timeout=300, check=False
    )


def test_two_versions_time_the_queries_in_turn(pg_url: str) -> None:
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: the benchmark exports a revision with git archive")
    corpus = Corpus.open(pg_url, create=True)
    corpus.add([make_doc(f"q{i}", f"Sanctions note {i} on trade.") for i in range(12)])
    done = _run(
        str(ROOT / "bench" / "pg_query_versions.py"), pg_url, "--before", "HEAD",
        "--rounds", "1", "--count", "3",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    rows = [line for line in done.stdout.splitlines() if line.startswith("| 1 |")]
    assert [row.split(" | ")[1] for row in rows] == ["HEAD"] * 2 + ["this checkout"] * 2
    assert all(float(row.split(" | ")[3]) >= 0 for row in rows)


def test_pglz_and_lz4_copy_and_read_the_records(pg_url: str) -> None:
    corpus = Corpus.open(pg_url, create=True)
    corpus.add([make_doc(f"c{i}", "Tariffs and quotas. " * 200) for i in range(5)])
    done = _run(str(ROOT / "bench" / "pg_compression.py"), pg_url, "--rows", "5", "--rounds", "1")
    if done.returncode != 0 and "lz4" in done.stderr:
        pytest.skip("this PostgreSQL was built without lz4")
    assert done.returncode == 0, done.stderr[-2000:]
    methods = [line.split(" | ")[1] for line in done.stdout.splitlines() if line.startswith("| 1")]
    assert methods == ["pglz", "lz4"]
    assert "pglz:" in done.stdout and "lz4:" in done.stdout
