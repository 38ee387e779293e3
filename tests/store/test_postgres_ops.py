"""A corpus on a PostgreSQL server, used the way a team uses it, with real processes:
several writers and readers at once, a writer killed, the server going away, a hot
standby answering reads, passwords kept out of every message, and the query language
thrown at the server path."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.generate import write_jsonl
from corpus_search import Corpus
from tests import pgserver

pytest.importorskip("psycopg", reason="the PostgreSQL driver is not installed ([postgres] extra)")


def cli(*args: str, env: dict[str, str] | None = None, **kwargs: object) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "corpus_search", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
        **kwargs,  # type: ignore[arg-type]
    )


def run(
    *args: str, env: dict[str, str] | None = None, timeout: float = 300
) -> tuple[int, str, str]:
    proc = cli(*args, env=env)
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def ids_in(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text().splitlines()]


@pytest.fixture
def own_server() -> Iterator[pgserver.PgServer]:
    """A server of the test's own, for tests that stop it or change its settings."""
    reason = pgserver.available()
    if reason:
        if os.environ.get(pgserver.REQUIRE_ENV) == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    server = pgserver.PgServer().init().start()
    try:
        yield server
    finally:
        server.destroy()


def test_two_ingests_a_crawl_and_searches_at_once(pg_url: str, tmp_path: Path) -> None:
    from corpus_search.demo.site import build_site, serve_site

    assert run("init", pg_url)[0] == 0
    first = write_jsonl(tmp_path / "a.jsonl", 300, seed=11)
    second = write_jsonl(tmp_path / "b.jsonl", 300, seed=12)
    # 100 documents in both files: the same ids written by two processes at once
    shared = first.read_text().splitlines()[:100]
    second.write_text("\n".join(shared + second.read_text().splitlines()[100:]) + "\n")
    expected = set(ids_in(first)) | set(ids_in(second))
    site = tmp_path / "site"
    build_site(site)
    with serve_site(site) as base:
        writers = [
            cli("--index", pg_url, "ingest", str(first)),
            cli("--index", pg_url, "ingest", str(second)),
            cli("--index", pg_url, "crawl", "--url", base + "/", "--delay", "0"),
        ]
        answered = []
        words = ["nuclear", "sanctions", "China", '"arms control"']
        while any(w.poll() is None for w in writers):
            answered.append(run("--index", pg_url, "search", words[len(answered) % 4], "--json"))
        outcomes = [(*w.communicate(timeout=600), w.returncode) for w in writers]
    for _out, err, code in outcomes:
        assert code == 0, err
        assert "lock" not in err.lower() and "error" not in err.lower(), err
    assert answered, "no search ran while the writers wrote"
    for code, out, err in answered:
        assert code in (0, 1), err
        assert code == 1 or json.loads(out)["total"] > 0
    corpus = Corpus.open(pg_url)
    stored = [doc.id for doc in corpus.documents()]
    assert len(stored) == len(set(stored)) == len(corpus) == len(expected) + 48
    assert set(stored) >= expected  # every id once: no loss, no duplicate


def _kill_when_some_committed(proc: subprocess.Popen, url: str, at_least: int) -> list[str]:
    """SIGKILL ``proc`` once the server holds ``at_least`` documents; the ids it holds."""
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            count = len(Corpus.open(url))
        except Exception:
            count = 0
        if count >= at_least:
            break
        time.sleep(0.2)
    assert proc.poll() is None, "the ingest finished before it could be killed: make it bigger"
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)  # reaps it and closes its pipes
    return sorted(doc.id for doc in Corpus.open(url).documents())


def test_a_killed_ingest_loses_nothing_committed_and_its_rerun_completes(
    pg_url: str, tmp_path: Path
) -> None:
    jsonl = write_jsonl(tmp_path / "docs.jsonl", 1500, seed=5)
    assert run("init", pg_url)[0] == 0
    proc = cli("--index", pg_url, "ingest", str(jsonl))
    committed = _kill_when_some_committed(proc, pg_url, 200)
    assert 200 <= len(committed) < 1500
    code, _out, err = run("--index", pg_url, "ingest", str(jsonl))
    assert code == 0, err
    corpus = Corpus.open(pg_url)
    assert len(corpus) == 1500
    assert set(committed) <= {doc.id for doc in corpus.documents()}


def test_the_server_going_away_is_one_line_and_a_later_run_completes(
    own_server: pgserver.PgServer, tmp_path: Path
) -> None:
    url = own_server.create_database("gone")
    jsonl = write_jsonl(tmp_path / "docs.jsonl", 1500, seed=6)
    assert run("init", url)[0] == 0
    proc = cli("--index", url, "ingest", str(jsonl))
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and len(Corpus.open(url)) < 100:
        time.sleep(0.2)
    own_server.stop("immediate")
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 2
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("corpus-search: error:"), err
    assert "Traceback" not in err
    own_server.start()
    code, _out, err = run("--index", url, "ingest", str(jsonl))
    assert code == 0, err
    assert len(Corpus.open(url)) == 1500


def test_a_hot_standby_answers_reads_and_refuses_writes(
    own_server: pgserver.PgServer, tmp_path: Path, demo_site: list[Path]
) -> None:
    url = own_server.create_database("primary")
    assert run("--index", url, "ingest", *map(str, demo_site))[0] == 0
    standby = own_server.replica()
    try:
        replica_url = standby.url("primary")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if len(Corpus.open(replica_url)) == 48:
                    break
            except Exception:
                pass
            time.sleep(0.3)
        code, out, err = run("--index", replica_url, "search", "nuclear", "--json")
        assert code == 0, err
        assert json.loads(out)["total"] > 0
        code, out, err = run("--index", replica_url, "export", "--format", "jsonl")
        assert code == 0 and len(out.splitlines()) == 48, err
        code, out, err = run("--index", replica_url, "stats", "--json")
        assert code == 0 and json.loads(out)["documents"] == 48, err
        code, out, err = run("--index", replica_url, "ingest", str(demo_site[0]))
        assert code == 2
        assert len(err.strip().splitlines()) == 1 and "read-only" in err, err
    finally:
        standby.destroy()


def test_copy_folder_to_server_and_back_exports_identically(
    pg_url: str, demo_index: Path, tmp_path: Path
) -> None:
    code, _out, err = run("copy", str(demo_index), pg_url)
    assert code == 0, err
    back = tmp_path / "back"
    code, _out, err = run("copy", pg_url, str(back))
    assert code == 0, err
    exports = [
        run("--index", where, "export", "--format", "jsonl")[1]
        for where in (str(demo_index), pg_url, str(back))
    ]
    assert exports[0] and exports[0] == exports[1] == exports[2]
    code, _out, err = run("copy", str(demo_index), pg_url)  # again: nothing to do
    assert code == 0 and "added 0 + updated 0 + unchanged 48" in err, err


SECRET = "s3cr3t-Pa55word"


def test_a_password_is_never_printed(own_server: pgserver.PgServer, tmp_path: Path) -> None:
    own_server.psql(f"CREATE ROLE analyst LOGIN PASSWORD '{SECRET}'")
    own_server.psql("CREATE DATABASE team OWNER analyst")
    hba = own_server.data / "pg_hba.conf"
    hba.write_text("host all analyst 127.0.0.1/32 scram-sha-256\n" + hba.read_text())
    own_server.psql("SELECT pg_reload_conf()")
    good = f"postgresql://analyst:{SECRET}@127.0.0.1:{own_server.port}/team"
    bad = f"postgresql://analyst:wrong-{SECRET}@127.0.0.1:{own_server.port}/team"
    outputs = []
    outputs.append(run("init", good))
    outputs.append(run("--index", good, "ingest", str(tmp_path / "missing.html")))
    outputs.append(run("--index", bad, "search", "x"))
    outputs.append(run("--index", good, "search", "nuclear", "--explain"))
    outputs.append(run("--version", env={"CORPUS_SEARCH_INDEX": good}))
    outputs.append(run("stats", env={"CORPUS_SEARCH_INDEX": good}))
    outputs.append(
        run(
            "--index",
            f"postgresql://analyst@127.0.0.1:{own_server.port}/team",
            "stats",
            env={"PGPASSWORD": "wrong-" + SECRET},
        )
    )
    assert outputs[0][0] == 0, outputs[0][2]
    assert outputs[2][0] == 2 and len(outputs[2][2].strip().splitlines()) == 1
    for code, out, err in outputs:
        assert SECRET not in out and SECRET not in err, (code, out, err)
        assert "Traceback" not in err


def test_libpq_options_are_passed_through(pg_url: str) -> None:
    code, _out, err = run("--index", pg_url + "?sslmode=require", "stats")
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "SSL" in err, err
    code, _out, err = run("--index", pg_url + "?application_name=corpus-test", "init")
    assert code == 0, err
