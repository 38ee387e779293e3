"""What each command loads, seen from a real interpreter: the terminal UI (textual) and
the chart library (matplotlib) are in every development install, yet only the commands
that need them import them, so their start-up cost never reaches ``search``."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("textual", "matplotlib")

# Runs the CLI in-process as the console script would, then reports which heavy
# packages ended up imported.
PROBE = """
import json, sys
from corpus_search.cli import main
watched = set(json.loads(sys.argv[2]))
sys.argv = ["corpus-search", *json.loads(sys.argv[1])]
try:
    main()
except SystemExit as exc:
    code = exc.code
heavy = sorted({m.split(".")[0] for m in sys.modules} & watched)
sys.stderr.write("\\nLOADED " + json.dumps({"code": code, "heavy": heavy}) + "\\n")
"""


def loaded(index: Path, *args: str) -> tuple[int, list[str]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CORPUS_SEARCH")}
    env["CORPUS_SEARCH_CACHE"] = os.environ.get("CORPUS_SEARCH_CACHE", "off")  # the run's own
    env["CORPUS_SEARCH_INDEX"] = str(index)
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(list(args)), json.dumps(HEAVY)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    line = done.stderr.rsplit("LOADED ", 1)[-1]
    report = json.loads(line)
    return report["code"], report["heavy"]


@pytest.mark.parametrize(
    "args",
    [
        ("search", "nuclear", "--actor", "Russia", "--facets"),
        ("search", "sanctions", "--json"),
        ("trend", "nuclear", "--by", "year"),
        ("actors", "--with", "Russia", "--limit", "5"),
        ("export", "--format", "bibtex"),
        ("stats",),
    ],
    ids=lambda a: a[0] + ("-json" if "--json" in a else ""),
)
def test_commands_do_not_load_the_ui_or_the_chart_library(
    demo_index: Path, args: tuple[str, ...]
) -> None:
    code, heavy = loaded(demo_index, *args)
    assert code == 0
    assert heavy == []


def test_the_probe_sees_an_import_when_there_is_one(demo_index: Path, tmp_path: Path) -> None:
    """The same probe reports matplotlib when a chart is drawn (so the test above can fail)."""
    pytest.importorskip("matplotlib")
    code, heavy = loaded(demo_index, "trend", "nuclear", "--plot", str(tmp_path / "t.svg"))
    assert code == 0
    assert heavy == ["matplotlib"]
