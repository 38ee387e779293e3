"""Keeps ``bench/pg_ingest_versions.py`` working: two versions of the code (here HEAD
against itself) ingest a tiny corpus into databases of the tests' own server, in turn."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_two_versions_ingest_in_turn(pg_server: object, tmp_path: Path) -> None:
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: the benchmark exports a revision with git archive")
    pytest.importorskip("psycopg", reason="the [postgres] extra is not installed")
    jsonl = tmp_path / "docs.jsonl"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "generate.py"), "30", str(jsonl)], check=True
    )
    server = pg_server.url().rsplit("/", 1)[0]  # type: ignore[attr-defined]
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "pg_ingest_versions.py"),
            str(jsonl),
            "--server",
            server,
            "--before",
            "HEAD",
            "--rounds",
            "1",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert lines[0].startswith("before (HEAD), round 1: ") and "docs/s" in lines[0]
    assert lines[1].startswith("this checkout (HEAD), round 1: ")
    assert lines[2].startswith("this checkout: ") and lines[2].endswith(
        "x the documents a second of HEAD"
    )
