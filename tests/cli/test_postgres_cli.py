"""The installed CLI against a PostgreSQL server, as real subprocesses: init, ingest,
search, show, stats, actors, trend, export, saved searches and check with
``--index postgresql://...`` (and ``$CORPUS_SEARCH_INDEX``), errors in one line and exit
2, a password never printed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from corpus_search.store.postgres.schema import SCHEMA_VERSION


def cli(
    *args: str, index: str | None = None, local: Path | None = None, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CORPUS_SEARCH")}
    env["CORPUS_SEARCH_CACHE"] = os.environ.get("CORPUS_SEARCH_CACHE", "off")  # the run's own
    if index:
        env["CORPUS_SEARCH_INDEX"] = index
    if local:
        env["CORPUS_SEARCH_LOCAL_DIR"] = str(local)
    return subprocess.run(
        [sys.executable, "-m", "corpus_search", *args],
        capture_output=True,
        text=True,
        input=stdin,
        env=env,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def server_corpus(
    pg_server: object, demo_site: list[Path], tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, Path]:
    """A database set up with init and filled with the demo pages by ingest."""
    url = pg_server.create_database(f"cli_{os.getpid()}")  # type: ignore[attr-defined]
    local = tmp_path_factory.mktemp("cli-local")
    init = cli("init", url, local=local)
    assert init.returncode == 0, init.stderr
    assert f"schema version {SCHEMA_VERSION} created" in init.stdout
    ingest = cli("--index", url, "ingest", *map(str, demo_site), local=local)
    assert ingest.returncode == 0, ingest.stderr
    assert f"added {len(demo_site)}" in ingest.stderr
    return url, local


def test_search_show_stats_through_the_address(server_corpus: tuple[str, Path]) -> None:
    url, local = server_corpus
    found = cli("--index", url, "search", "sanctions", "--actor", "Iran", "--json", local=local)
    assert found.returncode == 0, found.stderr
    result = json.loads(found.stdout)
    assert result["total"] >= 1 and result["hits"][0]["snippet"]
    first = result["hits"][0]["id"]
    shown = cli("show", first, "--json", index=url, local=local)  # via $CORPUS_SEARCH_INDEX
    assert shown.returncode == 0 and json.loads(shown.stdout)["id"] == first
    stats = json.loads(cli("stats", "--json", index=url, local=local).stdout)
    assert stats["documents"] == 48 and stats["index"] == url
    nothing = cli("search", "qqqqzzzz", index=url, local=local)
    assert nothing.returncode == 1
    stdin = cli("search", "--stdin", "--json", index=url, local=local, stdin="sanctions\nchina\n")
    assert stdin.returncode == 0, stdin.stderr
    assert len(stdin.stdout.strip().splitlines()) == 2


def test_actors_trend_export(server_corpus: tuple[str, Path], tmp_path: Path) -> None:
    url, local = server_corpus
    actors = cli("actors", "--json", index=url, local=local)
    assert actors.returncode == 0, actors.stderr
    assert any(row["name"] == "China" for row in json.loads(actors.stdout)["actors"])
    together = cli("actors", "--with", "Kremlin", "--json", index=url, local=local)
    assert together.returncode == 0, together.stderr
    trend = cli("trend", "sanctions", "--json", index=url, local=local)
    assert trend.returncode == 0 and json.loads(trend.stdout)["total"] >= 1
    for fmt in ("jsonl", "csv", "bibtex", "ris"):
        out = tmp_path / f"all.{fmt}"
        export = cli("export", "--format", fmt, "-o", str(out), index=url, local=local)
        assert export.returncode == 0, export.stderr
        assert out.stat().st_size > 0
    lines = (tmp_path / "all.jsonl").read_text("utf-8").splitlines()
    assert len(lines) == 48


def test_saved_searches_and_check(server_corpus: tuple[str, Path], tmp_path: Path) -> None:
    url, local = server_corpus
    added = cli("saved", "add", "iran", "sanctions", "--actor", "Iran", index=url, local=local)
    assert added.returncode == 0, added.stderr
    # another machine (another local folder) sees the team's saved search
    elsewhere = tmp_path / "elsewhere"
    listed = cli("saved", "list", "--json", index=url, local=elsewhere)
    assert [s["name"] for s in json.loads(listed.stdout)["searches"]] == ["iran"]
    run = cli("saved", "run", "iran", "--new", "--json", index=url, local=elsewhere)
    assert run.returncode == 0, run.stderr
    again = cli("saved", "run", "iran", "--new", "--json", index=url, local=local)
    assert again.returncode in (0, 1)
    assert cli("saved", "remove", "iran", index=url, local=local).returncode == 0
    reindex = cli("reindex", index=url, local=local)
    assert reindex.returncode == 0, reindex.stderr
    assert "skipped 48" in reindex.stderr or "updated" in reindex.stderr
    similar = cli(
        "similar",
        json.loads(cli("search", "sanctions", "--json", index=url, local=local).stdout)["hits"][0][
            "id"
        ],
        "--json",
        index=url,
        local=local,
    )
    assert similar.returncode in (0, 1), similar.stderr
    check = cli("check", "--json", index=url, local=local)
    assert check.returncode == 0, check.stderr
    assert json.loads(check.stdout)["ok"] is True


def test_server_errors_are_one_line_exit_2_password_masked(
    pg_server: object, tmp_path: Path
) -> None:
    port = pg_server.port  # type: ignore[attr-defined]
    empty = pg_server.create_database(f"cli_empty_{os.getpid()}")  # type: ignore[attr-defined]
    missing = cli("--index", empty, "search", "x", local=tmp_path)
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1
    assert f"corpus-search init {empty}" in missing.stderr
    secret = "pa55-w0rd-xyz"
    wrong = f"postgresql://postgres:{secret}@127.0.0.1:{port}/no_such_db"
    for args in (["search", "x"], ["stats"], ["init", wrong], ["search", "x", "--explain"]):
        run = cli("--index", wrong, *args, local=tmp_path)
        assert run.returncode == 2, run.stderr
        assert secret not in run.stderr + run.stdout
        assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr
    version = cli("--index", wrong, "--version")
    assert secret not in version.stdout + version.stderr
    not_server = cli("init", str(tmp_path / "folder"))
    assert not_server.returncode == 2 and "not a server address" in not_server.stderr
