"""Keeps ``bench/postgres.py`` working: the folder-against-server benchmark runs end to
end on a tiny corpus with a throwaway server of its own (the real runs are not part of
the suite)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests import pgserver

ROOT = Path(__file__).resolve().parents[2]


def test_postgres_benchmark_runs_end_to_end(tmp_path: Path) -> None:
    reason = pgserver.available()
    if reason:
        if os.environ.get(pgserver.REQUIRE_ENV) == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    pytest.importorskip("psycopg", reason="the [postgres] extra is not installed")
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "postgres.py"),
            "--docs",
            "60",
            "--work",
            str(tmp_path),
            "--repeat",
            "2",
            "--seconds",
            "1",
            "--searchers",
            "1",
            "2",
            "--plain-beside",
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    results = json.loads((tmp_path / "pg-results-60.json").read_text())
    assert set(results["ingest"]) == {"whoosh folder", "PostgreSQL"}
    for row in results["ingest"].values():
        assert row["docs_per_second"] > 0 and row["disk_mb"] > 0
    for kind, row in results["queries"].items():
        assert row["PostgreSQL"]["median_ms"] > 0 and row["whoosh folder"]["median_ms"] > 0, kind
        assert row["PostgreSQL, plain (version 2 reading)"]["median_ms"] > 0, kind
        assert f"| {kind} |" in done.stdout
    assert 0 < results["common_word"]["documents"] <= 60
    for rates in results["qps"].values():
        assert rates["1"] > 0 and rates["2"] > 0
