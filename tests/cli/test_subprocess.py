"""A few real subprocess runs of the installed CLI, as a user or a script runs it."""

import json
import os
import subprocess
import sys
from pathlib import Path


def cli(
    *args: str, env_index: Path | None = None, debug: bool = False, stdin: str | None = None
) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CORPUS_SEARCH")}
    env["CORPUS_SEARCH_CACHE"] = os.environ.get("CORPUS_SEARCH_CACHE", "off")  # the run's own
    if env_index:
        env["CORPUS_SEARCH_INDEX"] = str(env_index)
    if debug:
        env["CORPUS_SEARCH_DEBUG"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "corpus_search", *args],
        capture_output=True,
        text=True,
        input=stdin,
        env=env,
        timeout=300,
        check=False,
    )


def test_demo_then_search(tmp_path: Path) -> None:
    index = tmp_path / "ix"
    demo = cli("--index", str(index), "demo")
    assert demo.returncode == 0, demo.stderr
    assert "48 article pages" in demo.stdout and "Example search" in demo.stdout
    assert "added 48" in demo.stderr
    found = cli("search", "sanctions", "--actor", "Iran", "--json", env_index=index)
    assert found.returncode == 0
    assert json.loads(found.stdout)["total"] >= 1
    none = cli("search", "qqqqzzzz", env_index=index)
    assert none.returncode == 1
    again = cli("--index", str(index), "demo")  # idempotent: nothing duplicated
    assert "unchanged 48" in again.stderr
    stats = json.loads(cli("stats", "--json", env_index=index).stdout)
    assert stats["documents"] == 48


def test_errors_are_one_line_unless_debug(tmp_path: Path) -> None:
    missing = cli("--index", str(tmp_path / "none"), "search", "x")
    assert missing.returncode == 2
    assert missing.stderr.count("\n") == 1 and "Traceback" not in missing.stderr
    debug = cli("--index", str(tmp_path / "none"), "search", "x", debug=True)
    assert debug.returncode != 0 and "Traceback" in debug.stderr
