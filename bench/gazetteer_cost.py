"""What the gazetteer costs a process that tags, for one or more checkouts side by side.

    python bench/gazetteer_cost.py                      # this checkout
    python bench/gazetteer_cost.py OLD_CHECKOUT .       # two versions, alternated

For each checkout, in a new process each (so that nothing is shared), and alternating
between them for ``--rounds`` rounds: the process CPU time of ``Gazetteer.load``, of the
first ``tag`` (which builds the tagging index), and of tagging every labelled think-tank
text of the tagger's real-fresh splits, as this checkout labels them (the same texts for
every checkout; the best of three passes, per 1,000 words). The
texts are read from ``--cache`` (kept off the repository); without them only the load
and the index are timed. Figures are CPU time on whatever else the machine is doing: quote
them side by side, not alone.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = Path("/work/evalcache/enrichment")
LABELS = ROOT / "tests" / "data" / "enrichment"  # this checkout's labels, for every checkout

# Run inside the checkout measured: prints one JSON line.
_PROBE = r"""
import json, sys, time
from pathlib import Path
root, cache, labels = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
sys.path.insert(0, root)
t0 = time.process_time()
from corpus_search.enrich.actors import Gazetteer
gazetteer = Gazetteer.load()
t1 = time.process_time()
gazetteer.tag("A first text about Russia.")
t2 = time.process_time()
texts = []
if cache.is_dir():
    from corpus_search.enrich.evaluate import load_real_text
    for path in sorted(labels.glob("real_labels_fresh*.json")):
        docs, _ = load_real_text(path, cache)
        texts += [doc.body for doc in docs]
words = sum(len(t.split()) for t in texts)
best = None
for _ in range(3 if texts else 0):
    start = time.process_time()
    for text in texts:
        gazetteer.tag(text)
    spent = time.process_time() - start
    best = spent if best is None else min(best, spent)
print(json.dumps({
    "load_ms": 1000 * (t1 - t0),
    "index_ms": 1000 * (t2 - t1),
    "texts": len(texts),
    "words": words,
    "ms_per_1000_words": 1e6 * best / words if words else None,
    "actors": len(gazetteer.actors),
}))
"""


def probe(checkout: Path, cache: Path) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, str(checkout), str(cache), str(LABELS)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("checkouts", nargs="*", type=Path, default=[ROOT])
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    for checkout in args.checkouts:
        if not (checkout / "corpus_search").is_dir():
            print(f"error: no corpus_search package in {checkout}", file=sys.stderr)
            return 2
    rows = []
    for number in range(args.rounds):
        for checkout in args.checkouts:
            rows.append(
                {"checkout": str(checkout), "round": number + 1, **probe(checkout, args.cache)}
            )
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print(
        f"{'checkout':40} {'round':>5} {'actors':>7} {'load ms':>8} {'index ms':>9} {'ms/1000 w':>10}"
    )
    for row in rows:
        cost = row["ms_per_1000_words"]
        print(
            f"{row['checkout'][-40:]:40} {row['round']:5d} {row['actors']:7d} {row['load_ms']:8.0f}"
            f" {row['index_ms']:9.0f} {cost if cost is None else round(cost, 2)!s:>10}"
        )
    texts = rows[0]["texts"]
    print(
        f"({texts} texts, {rows[0]['words']} words)" if texts else "(no texts: load and index only)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
