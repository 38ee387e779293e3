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


def test_eval_scores_against_the_audit(tmp_path: Path) -> None:
    """--audit reads a corrections file; a page whose right answer is "no date" then
    counts a printed date as a miss (the first mediacloud page has a date we find)."""
    data = shared_path()
    truth = json.loads(
        (data / "dates" / "htmldate-mediacloud" / "eval_mediacloud_2020.json").read_text("utf-8")
    )
    first = min(truth.values(), key=lambda v: v["file"])
    page = first["file"].split(".")[0]
    audit = tmp_path / "audit.json"
    entry = {"set": "mediacloud", "page": page, "field": "date", "truth": first["date"]}
    entry |= {"verdict": "ours", "corrected": None, "reason": "a test's own correction"}
    audit.write_text(json.dumps({"entries": [entry]}), "utf-8")
    figures = {}
    command = [sys.executable, str(SCRIPT), "--data", str(data), "--set", "mediacloud"]
    command += ["--limit", "1", "--only", "ours", "--json"]
    for extra in ([], ["--audit", str(audit)]):
        run = subprocess.run(
            [*command, *extra],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert run.returncode == 0, run.stderr
        figures[bool(extra)] = json.loads(run.stdout)["sets"]["mediacloud"]["ours"]["date"]
    assert figures == {False: 1.0, True: 0.0}
