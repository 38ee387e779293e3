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
    assert [e.fields_dict["corpus-search-id"].value for e in library.entries] == expected
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


def test_no_snippets_gives_the_same_hits_without_their_snippets(demo_index: Path) -> None:
    full = json.loads(cli("search", "sanctions", "--json", env_index=demo_index).stdout)
    bare_run = cli("search", "sanctions", "--json", "--no-snippets", env_index=demo_index)
    assert bare_run.returncode == 0, bare_run.stderr
    bare = json.loads(bare_run.stdout)
    assert bare["total"] == full["total"] > 1
    assert [h["id"] for h in bare["hits"]] == [h["id"] for h in full["hits"]]
    assert all(h["snippet"] for h in full["hits"])
    assert all(h["snippet"] == "" for h in bare["hits"])
    lines = (
        'sanctions\n{"query": "sanctions", "snippets": false}\n'
        '{"query": "sanctions", "snippets": "no"}\n'
    )
    piped = cli("search", "--stdin", env_index=demo_index, stdin=lines)
    first, second, wrong = (json.loads(line) for line in piped.stdout.splitlines())
    assert piped.returncode == 2 and wrong["line"] == 3 and "snippets" in wrong["error"]
    assert first["hits"][0]["snippet"] and second["hits"][0]["snippet"] == ""
    assert [h["id"] for h in first["hits"]] == [h["id"] for h in second["hits"]]


def test_a_one_off_search_of_few_postings_skips_numpy_and_answers_alike(
    demo_index: Path,
) -> None:
    """A fresh process answers its first query, when it matches few documents, through
    whoosh without importing numpy, and its next ones through the engine; this process
    (numpy loaded) answers through the engine."""
    import subprocess
    import sys

    from corpus_search.store.whoosh import searcher

    script = (
        "import json, sys; from corpus_search import Corpus; "
        "c = Corpus.open(sys.argv[1]); r = c.search(sys.argv[2], facets=True); "
        "first = 'numpy' in sys.modules; again = c.search(sys.argv[2], facets=True); "
        "print(json.dumps({'numpy': first, 'then': 'numpy' in sys.modules, "
        "'result': r.to_dict(), 'again': again.to_dict()}))"
    )
    for words in ("sanctions", "nuclear deterrence", "Iran OR Russia"):
        run = subprocess.run(
            [sys.executable, "-c", script, str(demo_index), words],
            capture_output=True,
            text=True,
            check=True,
        )
        fresh = json.loads(run.stdout)
        assert fresh["numpy"] is False and fresh["then"] is True
        assert fresh["again"] == fresh["result"]
        here = Corpus.open(demo_index).search(words, facets=True).to_dict()
        assert fresh["result"]["total"] == here["total"] > 0
        assert fresh["result"]["hits"] == here["hits"]
        assert fresh["result"]["facets"] == here["facets"]
    assert searcher.FEW_POSTINGS > 48  # (the demo corpus is small: every query is few)
