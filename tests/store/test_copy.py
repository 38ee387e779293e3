"""``corpus-search copy``: a whole corpus from one store to another, resumable, lossless."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from corpus_search import Corpus
from corpus_search.cli import cli
from corpus_search.document import Document
from corpus_search.query import Query


def export_jsonl(address: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "corpus_search", "--index", address, "export", "--format", "jsonl"],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def test_copy_folder_to_folder_is_lossless_and_carries_saved_searches(
    demo_index: Path, tmp_path: Path
) -> None:
    source = tmp_path / "source"
    # a private copy of the session's demo corpus, with a saved search of its own
    Corpus.open(demo_index).copy_to(Corpus.open(source, create=True))
    Corpus.open(source).saved.add("nuclear-talk", Query.build("nuclear"))
    dest = tmp_path / "dest"
    result = subprocess.run(
        [sys.executable, "-m", "corpus_search", "copy", str(source), str(dest), "--json"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["added"] == 48 and report["skipped"] == 0 and report["failed"] == []
    assert f"{source} -> {dest}: read 48 = added 48 + updated 0 + unchanged 0" in result.stderr
    assert export_jsonl(str(source)) == export_jsonl(str(dest))
    assert [s.name for s in Corpus.open(dest).saved.list()] == ["nuclear-talk"]


def test_copy_resumes_after_an_interruption(demo_index: Path, tmp_path: Path) -> None:
    """A copy cut short left part of the documents in DEST (and one of them changed
    since): the re-run writes the rest, refreshes the changed one, skips the others."""
    docs = list(Corpus.open(demo_index).documents(limit=None))
    dest = Corpus.open(tmp_path / "dest", create=True)
    first_half = docs[:20]
    changed = Document.from_dict({**first_half[0].to_dict(), "title": "An older title"})
    dest.add([changed, *first_half[1:]])
    report = Corpus.open(demo_index).copy_to(Corpus.open(tmp_path / "dest"))
    assert (report.added, report.updated, report.skipped) == (28, 1, 19)
    assert export_jsonl(str(demo_index)) == export_jsonl(str(tmp_path / "dest"))


def test_copy_refuses_bad_addresses(demo_index: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    same = runner.invoke(cli, ["copy", str(demo_index), f"{demo_index}/"])
    assert same.exit_code == 2
    assert "cannot copy a corpus onto itself" in same.output
    missing = runner.invoke(cli, ["copy", str(tmp_path / "nothing-here"), str(tmp_path / "d")])
    assert missing.exit_code == 2
    assert "no corpus at" in missing.output
    assert not (tmp_path / "d").exists() or not any((tmp_path / "d").iterdir())
