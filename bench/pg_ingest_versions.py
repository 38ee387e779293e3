"""Ingest into PostgreSQL by two versions of the code, side by side in one run.

    python bench/generate.py 100000 /tmp/docs-100000.jsonl
    python bench/pg_ingest_versions.py /tmp/docs-100000.jsonl \\
        --server postgresql://postgres@127.0.0.1:5432 --before c1688f2 --rounds 2

The version named by ``--before`` (any git revision of this repository) is exported
with ``git archive`` into a temporary folder; this checkout is the other. Each round,
each version initialises a new database on the server (RUM text index), ingests the
JSONL with ``python -m corpus_search ingest`` and has its wall time taken; the
databases are dropped afterwards. The versions alternate, so a noisy moment on a
shared machine falls on both. Prints one line per ingest and the ratio of the means.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def export(revision: str, into: Path) -> Path:
    """The tree of ``revision`` as files in ``into`` (no change to the repository)."""
    archive = into / "tree.tar"
    subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", "-o", str(archive), revision],
        check=True,
    )
    with tarfile.open(archive) as tar:
        tar.extractall(into / "tree", filter="data")
    return into / "tree"


def ingest(tree: Path, address: str, jsonl: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    run = [sys.executable, "-m", "corpus_search"]
    subprocess.run(
        [*run, "init", address, "--text-index", "rum"],
        cwd=tree,
        env=env,
        check=True,
        capture_output=True,
    )
    started = time.perf_counter()
    subprocess.run(
        [*run, "--index", address, "ingest", str(jsonl)],
        cwd=tree,
        env=env,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    import psycopg  # bench/ is outside the package: the boundary rule is the package's

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("jsonl", type=Path)
    parser.add_argument("--server", required=True, help="postgresql://USER@HOST:PORT")
    parser.add_argument("--before", required=True, help="a git revision to compare with")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    docs = sum(1 for _ in args.jsonl.open("rb"))
    seconds: dict[str, list[float]] = {"before": [], "this checkout": []}
    with tempfile.TemporaryDirectory(prefix="corpus-search-versions-") as work:
        trees = {"before": export(args.before, Path(work)), "this checkout": ROOT}
        admin = psycopg.connect(f"{args.server}/postgres", autocommit=True)
        for round_ in range(1, args.rounds + 1):
            for name, tree in trees.items():
                database = f"ingest_versions_{'a' if name == 'before' else 'b'}_{round_}"
                admin.execute(f"DROP DATABASE IF EXISTS {database}")
                admin.execute(f"CREATE DATABASE {database}")
                try:
                    spent = ingest(tree, f"{args.server}/{database}", args.jsonl)
                finally:
                    admin.execute(f"DROP DATABASE IF EXISTS {database}")
                seconds[name].append(spent)
                print(
                    f"{name} ({args.before if name == 'before' else 'HEAD'}), round {round_}: "
                    f"{spent:.1f} s, {docs / spent:.0f} docs/s",
                    flush=True,
                )
        admin.close()
    before, after = (statistics.mean(v) for v in seconds.values())
    print(f"this checkout: {before / after:.2f}x the documents a second of {args.before}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
