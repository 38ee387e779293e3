"""The search-experience commands as real subprocesses, as a script or cron job runs them."""

import json
from pathlib import Path

import bibtexparser

from corpus_search import Corpus
from tests.cli.test_subprocess import cli


def test_export_bibtex_and_trend_json_in_a_subprocess(demo_index: Path) -> None:
    expected = [d.id for d in Corpus.open(demo_index).documents("", themes=["arms-control"])]
    done = cli("export", "--theme", "arms-control", "--format", "bibtex", env_index=demo_index)
    assert done.returncode == 0, done.stderr
    library = bibtexparser.parse_string(done.stdout)
    assert not library.failed_blocks
    assert [e.fields_dict["note"].value.split()[-1] for e in library.entries] == expected
    done = cli("trend", "--theme", "arms-control", "--by", "year", "--json", env_index=demo_index)
    data = json.loads(done.stdout)
    assert done.returncode == 0 and data["schema_version"] == 1
    assert sum(data["series"][0]["counts"]) + data["undated"] == len(expected)


def test_saved_run_new_exit_codes_for_cron(demo_index: Path, tmp_path: Path) -> None:
    import shutil

    index = tmp_path / "ix"
    shutil.copytree(demo_index, index, ignore=shutil.ignore_patterns("demo-site"))
    assert cli("saved", "add", "gulf", "--actor", "Iran", env_index=index).returncode == 0
    first = cli("saved", "run", "gulf", "--new", "--format", "jsonl", env_index=index)
    assert first.returncode == 0 and first.stdout.count("\n") > 0
    again = cli("saved", "run", "gulf", "--new", "--format", "jsonl", env_index=index)
    assert again.returncode == 1 and again.stdout == ""  # nothing new: like grep
