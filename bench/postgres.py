"""The whoosh folder against PostgreSQL, side by side in one run, on the same documents.

    python bench/postgres.py --docs 100000
    python bench/postgres.py --docs 1000000 --skip-folder-queries   # the folder at 1M is slow
    python bench/postgres.py --docs 2000 --address postgresql://me@db/bench
    python bench/postgres.py --docs 1000000 --folder-only   # then --reuse-folder
    python bench/postgres.py --docs 1000000 --skip-folder   # the server alone
    python bench/postgres.py --docs 1000000 --skip-folder --address URL --reuse-server \
        --plain-beside   # queries only, on a corpus already loaded, against the plain path

Without ``--address`` it starts a throwaway server of its own in the work folder (the
tests' ``tests/pgserver.py``: initdb, a loopback port, fsync off, which flatters
ingest a little, as it would any server tuned for bulk loads) and stops it at the end.

It measures, for both stores: ingest of tagged JSONL (``corpus-search ingest``, wall
time and the client's peak RSS; the server's own memory is its ``shared_buffers`` plus
its backends, not counted), the disk used (folder size; ``pg_database_size``), median and
p95 latency of each query type of ``bench/run.py`` plus one word that matches about a
third of the corpus ranked by relevance (the systems take turns query by query), and
queries per second with 1 and 4 concurrent searchers (separate processes, each running
the query mix for ``--seconds``). It prints a Markdown table and writes
``pg-results-<docs>.json`` in the work folder.

``--plain-beside`` adds a third column on the same server, taking its turns with the
others: the same corpus read as schema version 2 read it (JIT compiling on, as the
server's default, no term statistics: every one-word search counted and ranked over its
matches, each facet counted by a query of its own, words with filters ranked through
the index's order), so a change to the reading path is measured side by side in one run.
``--reuse-server`` measures the queries of a corpus already loaded at ``--address``
(its ingest figures are taken from the last results file, when there is one).
"""

from __future__ import annotations

import argparse
import functools
import json
import multiprocessing
import os
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.generate import Generator, write_jsonl  # noqa: E402
from bench.run import (  # noqa: E402
    CLI,
    QUERY_TYPES,
    Workload,
    _ours,
    _read_through,
    folder_mb,
    latencies,
    log,
    measured,
)

COMMON = "one word in a third of the documents, by relevance"
KINDS = (*QUERY_TYPES, COMMON)


def common_word(corpus: Any, docs: int, seed: int) -> str:
    """The generator's word whose document count is closest to a third of the corpus."""
    words = Generator(seed).words[:200]
    best, gap = words[0], float("inf")
    for word in words:
        total = corpus.search(word, limit=0, snippets=False).total
        if abs(total - docs / 3) < gap:
            best, gap = word, abs(total - docs / 3)
    return best


def query(corpus: Any, work: Workload, word: str, kind: str, i: int) -> Any:
    if kind == COMMON:
        return corpus.search(word, limit=10, snippets=False)
    return _ours(corpus, work, kind, i)


def _searcher(address: str, seed: int, repeat: int, word: str, seconds: float, out: Any) -> None:
    """One concurrent searcher: the query mix, round robin, for ``seconds``."""
    from corpus_search import Corpus

    corpus = Corpus.open(address)
    work = Workload(seed, repeat)
    done = 0
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        kind = KINDS[done % len(KINDS)]
        query(corpus, work, word, kind, done % repeat)
        done += 1
    out.put(done / (time.perf_counter() - started))


def throughput(address: str, args: argparse.Namespace, word: str, searchers: int) -> float:
    """Queries per second of ``searchers`` processes running at once."""
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    procs = [
        context.Process(
            target=_searcher, args=(address, args.seed, args.repeat, word, args.seconds, results)
        )
        for _ in range(searchers)
    ]
    for proc in procs:
        proc.start()
    rates = [results.get(timeout=args.seconds * 10 + 120) for _ in procs]
    for proc in procs:
        proc.join()
    return float(sum(rates))


def database_mb(address: str) -> float:
    import psycopg  # bench/ is outside the package: the boundary rule is the package's

    with psycopg.connect(address) as conn:
        row = conn.execute("SELECT pg_database_size(current_database())").fetchone()
    return float(row[0]) / 1e6 if row else 0.0


def run(args: argparse.Namespace) -> dict[str, Any]:
    work_dir: Path = args.work
    work_dir.mkdir(parents=True, exist_ok=True)
    jsonl = args.jsonl or work_dir / f"docs-{args.docs}.jsonl"
    if not jsonl.exists():
        log(f"generating {args.docs} documents into {jsonl}")
        write_jsonl(jsonl, args.docs, args.seed)
    server = None
    address = args.address
    folder = work_dir / f"folder-{args.docs}"
    if args.folder_only:
        return _folder_only(args, jsonl, folder)
    if not address:
        from tests.pgserver import PgServer

        server = PgServer(shared_buffers=args.shared_buffers).init().start()
        address = server.create_database("bench")
        log(f"started a throwaway server for the run: {address}")
    try:
        return _run(args, jsonl, folder, address)
    finally:
        if server is not None:
            server.destroy()


def _folder_only(args: argparse.Namespace, jsonl: Path, folder: Path) -> dict[str, Any]:
    """Ingest into the folder alone and keep its figures for a later ``--reuse-folder``
    run (at a million documents the folder's ingest takes the better part of an hour)."""
    if folder.exists():
        shutil.rmtree(folder)
    log("ingest: whoosh folder")
    measure = measured([*CLI, "--index", str(folder), "ingest", str(jsonl)])
    row = {
        "seconds": measure["seconds"],
        "docs_per_second": args.docs / measure["seconds"],
        "client_peak_mb": measure["peak_mb"],
        "disk_mb": folder_mb(folder),
    }
    return {"docs": args.docs, "jsonl_mb": folder_mb(jsonl), "ingest": {"whoosh folder": row}}


def _run(args: argparse.Namespace, jsonl: Path, folder: Path, address: str) -> dict[str, Any]:
    from corpus_search import Corpus

    results: dict[str, Any] = {"docs": args.docs, "jsonl_mb": folder_mb(jsonl), "ingest": {}}
    stores = {"whoosh folder": str(folder), "PostgreSQL": address}
    if args.skip_folder:
        del stores["whoosh folder"]
    previous = args.work / f"pg-results-{args.docs}.json"
    if args.reuse_folder and folder.exists() and previous.exists():
        log(f"reusing the folder {folder} and its ingest figures from {previous}")
        results["ingest"]["whoosh folder"] = json.loads(previous.read_text())["ingest"][
            "whoosh folder"
        ]
        results["folder_ingest_reused"] = True
    elif folder.exists() and not args.skip_folder:
        shutil.rmtree(folder)
    if args.reuse_server and previous.exists():
        earlier = json.loads(previous.read_text())["ingest"].get("PostgreSQL")
        if earlier:
            results["ingest"]["PostgreSQL"] = earlier
            results["server_ingest_reused"] = True
    for name, where in stores.items():
        if name in results["ingest"] or (name == "PostgreSQL" and args.reuse_server):
            continue
        log(f"ingest: {name}")
        measure = measured([*CLI, "--index", where, "ingest", str(jsonl)])
        results["ingest"][name] = {
            "seconds": measure["seconds"],
            "docs_per_second": args.docs / measure["seconds"],
            "client_peak_mb": measure["peak_mb"],
        }
    if "whoosh folder" in stores:
        results["ingest"]["whoosh folder"]["disk_mb"] = folder_mb(folder)
        _read_through(folder)
    results["ingest"].setdefault("PostgreSQL", {})["disk_mb"] = database_mb(address)

    log("queries (one searcher, the stores taking turns)")
    corpora = {name: Corpus.open(where) for name, where in stores.items()}
    if args.plain_beside:
        plain = Corpus.open(address)
        plain._store.use_terms = False
        plain._store.facets_in_one_pass = 0
        plain._store.rank_direct = 0
        plain._store._conn.execute("SET jit = on")
        corpora[PLAIN] = plain
    work = Workload(args.seed, args.repeat)
    word = common_word(corpora["PostgreSQL"], args.docs, args.seed)
    results["common_word"] = {
        "word": word,
        "documents": corpora["PostgreSQL"].search(word, limit=0, snippets=False).total,
    }
    results["queries"] = {}
    for kind in KINDS:
        calls: dict[str, Callable[[int], Any]] = {
            name: functools.partial(query, corpus, work, word, kind)
            for name, corpus in corpora.items()
            if not (args.skip_folder_queries and name == "whoosh folder")
        }
        results["queries"][kind] = latencies(calls, args.repeat)

    log("concurrent searchers")
    results["qps"] = {}
    for name, where in stores.items():
        if args.skip_folder_queries and name == "whoosh folder":
            continue
        results["qps"][name] = {str(n): throughput(where, args, word, n) for n in args.searchers}
    return results


PLAIN = "PostgreSQL, plain (version 2 reading)"


def table(results: dict[str, Any]) -> str:
    out = [
        f"Corpus: {results['docs']} synthetic documents ({results['jsonl_mb']:.0f} MB of JSONL); "
        f"the common word {results['common_word']['word']!r} is in "
        f"{results['common_word']['documents']} documents",
        "",
        "| ingest | seconds | docs/s | client peak RSS MB | disk MB |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, row in results["ingest"].items():
        if "seconds" not in row:
            out.append(f"| {name} | not measured | | | {row['disk_mb']:.0f} |")
            continue
        out.append(
            f"| {name} | {row['seconds']:.1f} | {row['docs_per_second']:.0f} "
            f"| {row['client_peak_mb']:.0f} | {row['disk_mb']:.0f} |"
        )
    names = list(results["ingest"])
    if any(PLAIN in row for row in results["queries"].values()):
        names.append(PLAIN)
    out += ["", "| query (ms) | " + " | ".join(f"{n} median / p95" for n in names) + " |"]
    out.append("|---|" + "---|" * len(names))
    for kind, row in results["queries"].items():
        cells = [
            f"{row[n]['median_ms']:.1f} / {row[n]['p95_ms']:.1f}" if n in row else "not run"
            for n in names
        ]
        out.append(f"| {kind} | " + " | ".join(cells) + " |")
    out += ["", "| queries/s | " + " | ".join(f"{n} searchers" for n in _counts(results)) + " |"]
    out.append("|---|" + "---:|" * len(_counts(results)))
    for name, rates in results["qps"].items():
        out.append(f"| {name} | " + " | ".join(f"{rates[n]:.1f}" for n in _counts(results)) + " |")
    for name, rates in results["qps"].items():
        counts = _counts(results)
        if len(counts) > 1:
            out.append(
                f"\n{name}: {counts[-1]} searchers give {rates[counts[-1]] / rates[counts[0]]:.2f}x "
                f"the queries per second of {counts[0]}"
            )
    return "\n".join(out)


def _counts(results: dict[str, Any]) -> list[str]:
    first = next(iter(results["qps"].values()), {})
    return list(first)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument(
        "--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "corpus-search-bench"
    )
    parser.add_argument("--jsonl", type=Path, help="reuse this generated corpus")
    parser.add_argument("--address", help="a server to use (default: start one of our own)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--shared-buffers",
        default="128MB",
        help="the throwaway server's shared_buffers (its default, 128MB, is the tests'; "
        "PostgreSQL's guide suggests a quarter of the machine's memory for a dedicated server)",
    )
    parser.add_argument("--repeat", type=int, default=40, help="queries per type")
    parser.add_argument("--seconds", type=float, default=20.0, help="per concurrency level")
    parser.add_argument("--searchers", type=int, nargs="+", default=[1, 4])
    parser.add_argument("--skip-folder-queries", action="store_true")
    parser.add_argument(
        "--reuse-folder",
        action="store_true",
        help="keep the folder corpus and its ingest figures from the last run at this size",
    )
    parser.add_argument(
        "--skip-folder", action="store_true", help="measure the server alone (no folder)"
    )
    parser.add_argument(
        "--reuse-server",
        action="store_true",
        help="with --address: the corpus there is loaded already; measure its queries",
    )
    parser.add_argument(
        "--plain-beside",
        action="store_true",
        help="also read the server as schema version 2 did, side by side",
    )
    parser.add_argument(
        "--folder-only",
        action="store_true",
        help="only ingest into the folder and keep its figures for a later --reuse-folder",
    )
    args = parser.parse_args(argv)
    results = run(args)
    out = args.work / f"pg-results-{args.docs}.json"
    out.write_text(json.dumps(results, indent=2) + "\n")
    if args.folder_only:
        print(json.dumps(results["ingest"], indent=2))
        return 0
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
