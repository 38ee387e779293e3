"""Query latency on one PostgreSQL corpus by two versions of the code, in turn.

    python bench/pg_query_versions.py postgresql://postgres@127.0.0.1:5432/bench \\
        --before d98cd51 --rounds 3 --kind "term + actor + theme + dates"

The version named by ``--before`` (any git revision) is exported with ``git archive``
into a temporary folder (``bench/pg_ingest_versions.py``'s ``export``); this checkout
is the other. Each round, each version runs in a process of its own the query mix of
``bench/run.py`` (``Workload`` with seed 7, ``--count`` queries of each ``--kind``,
after one query to warm the connection) against the corpus at the address, already
loaded, and prints the median and p95 in milliseconds. The versions alternate, so a
noisy moment on a shared machine falls on both.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.pg_ingest_versions import export  # noqa: E402

# run inside each version's tree: its own corpus_search and bench.run
CHILD = """
import json, statistics, sys, time
from bench.run import Workload, _ours
from corpus_search import Corpus
address, count, kinds = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3])
corpus = Corpus.open(address)
work = Workload(7, count)
out = {}
for kind in kinds:
    _ours(corpus, work, kind, 0)
    times = []
    for i in range(count):
        started = time.perf_counter()
        _ours(corpus, work, kind, i)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    out[kind] = [statistics.median(times), times[max(0, round(0.95 * count) - 1)]]
print(json.dumps(out))
"""


def run(tree: Path, address: str, count: int, kinds: list[str]) -> dict[str, list[float]]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, address, str(count), json.dumps(kinds)],
        cwd=tree,
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"the query run in {tree} failed:\n{done.stderr[-2000:]}")
    return dict(json.loads(done.stdout))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("address", help="a loaded corpus: postgresql://...")
    parser.add_argument("--before", required=True, help="the git revision to compare with")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--count", type=int, default=30, help="queries of each kind")
    parser.add_argument(
        "--kind", action="append", help="a query kind of bench/run.py (default: the filtered ones)"
    )
    args = parser.parse_args(argv)
    kinds = args.kind or ["term + actor + theme + dates", "the same + facets"]
    with tempfile.TemporaryDirectory() as tmp:
        before = export(args.before, Path(tmp))
        print("| round | version | query | median ms | p95 ms |\n|---|---|---|---:|---:|")
        for number in range(1, args.rounds + 1):
            for name, tree in ((args.before, before), ("this checkout", ROOT)):
                for kind, (median, p95) in run(tree, args.address, args.count, kinds).items():
                    print(f"| {number} | {name} | {kind} | {median:.1f} | {p95:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
