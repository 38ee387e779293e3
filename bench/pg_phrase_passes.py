"""What a phrase search costs on the server, statement by statement.

    python bench/pg_phrase_passes.py postgresql://postgres@127.0.0.1:5432/corpus --rounds 3

Runs the benchmark's phrase queries (the two-word theme terms of ``bench/run.py``'s
workload) through ``Corpus.search`` from one warm process, timing every statement the
store sends, and prints the median of each kind per search (the count of the matches,
the page in relevance order, the rest) and the median and p95 of the whole search.
The first round warms the caches and is not counted.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.run import Workload
from corpus_search import Corpus


def kind(sql: str) -> str:
    text = " ".join(sql.split())
    if text.startswith("SELECT count(*)"):
        return "count of the matches"
    if text.startswith("SELECT id, record, score"):
        return "page in relevance order"
    return "other statements"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("address", help="postgresql://USER@HOST:PORT/DATABASE of a corpus")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--count", type=int, default=20, help="phrases a round")
    args = parser.parse_args(argv)
    corpus = Corpus.open(args.address)
    store: Any = corpus._store
    execute = store._conn.execute
    spent: dict[str, float] = {}

    def timed(sql: Any, params: Any = None, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, **kwargs)
        finally:
            name = kind(str(sql))
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - started

    store._conn.execute = timed
    phrases = Workload(7, args.count).phrases
    per_kind: dict[str, list[float]] = {}
    totals: list[float] = []
    for round_ in range(args.rounds + 1):
        for phrase in phrases:
            spent.clear()
            started = time.perf_counter()
            corpus.search(f'"{phrase}"', snippets=False)
            total = time.perf_counter() - started
            if round_ == 0:
                continue
            totals.append(total * 1000)
            for name in ("count of the matches", "page in relevance order", "other statements"):
                per_kind.setdefault(name, []).append(spent.get(name, 0.0) * 1000)
    totals.sort()
    print(f"{len(corpus)} documents, {len(totals)} phrase searches")
    print("| part of a phrase search | median ms |")
    print("|---|---:|")
    for name, values in per_kind.items():
        print(f"| {name} | {statistics.median(values):.1f} |")
    p95 = totals[min(len(totals) - 1, round(0.95 * (len(totals) - 1)))]
    print(f"| the whole search (p95 {p95:.1f}) | {statistics.median(totals):.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
