"""The extraction evaluation runs end to end, as a real subprocess, on 5 pages a set."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, shared_path

SCRIPT = ROOT / "bench" / "eval_extraction.py"


def test_eval_runs_on_five_pages_a_set() -> None:
    data = shared_path()
    run = subprocess.run(
        [sys.executable, str(SCRIPT), "--data", str(data), "--limit", "5", "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    results = json.loads(run.stdout)
    assert set(results["sets"]) == {"aeb", "readability", "mediacloud", "brookings"}
    for per in results["sets"].values():
        assert set(per) == {"ours", "trafilatura"}
        assert per["ours"]["pages"] == 5
    aeb = results["sets"]["aeb"]
    for name in ("ours", "trafilatura"):
        body = aeb[name]["body"]
        assert 0.0 <= body["precision"] <= 1.0 and 0.0 <= body["recall"] <= 1.0
        assert body["f1"] > 0.5  # five real articles: both extractors find most text
    assert 0.0 <= results["sets"]["mediacloud"]["ours"]["date"] <= 1.0
    assert results["throughput"]["ours"]["pages_per_second"] > 0


def test_eval_table_and_missing_data(tmp_path: Path) -> None:
    data = shared_path()
    run = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "--data",
            str(data),
            "--limit",
            "2",
            "--set",
            "brookings",
            "--only",
            "ours",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "brookings" in run.stdout and "pages/s (1 core)" in run.stdout
    missing = subprocess.run(
        [sys.executable, str(SCRIPT), "--data", str(tmp_path / "absent")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert missing.returncode == 2 and "no evaluation data" in missing.stderr


def test_eval_keeps_one_half_with_split() -> None:
    data = shared_path()
    pages: dict[str | None, int] = {}
    for half in ("tuning", "check", None):
        split = ["--split", half] if half else []
        run = subprocess.run(
            [
                sys.executable,
                str(SCRIPT),
                "--data",
                str(data),
                "--set",
                "brookings",
                "--only",
                "ours",
                "--json",
                *split,
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert run.returncode == 0, run.stderr
        pages[half] = json.loads(run.stdout)["sets"]["brookings"]["ours"]["pages"]
    assert pages["tuning"] > 0 and pages["check"] > 0
    assert pages["tuning"] + pages["check"] == pages[None]
