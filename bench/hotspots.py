"""Where the time goes: cProfile of an ingest (in one process, so the profile sees the
indexing work the multiprocessing writer would hand to its workers) and of the query
mix, grouped by the part of the program that spends it.

    python bench/hotspots.py --docs 3000
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.generate import write_jsonl  # noqa: E402
from bench.run import QUERY_TYPES, Workload, _ours  # noqa: E402

# (label, substring of the profiled function's file) in the order they are tried
PARTS = (
    ("whoosh: postings and segment files (codec, pool, filedb)", "whoosh/codec"),
    ("whoosh: postings and segment files (codec, pool, filedb)", "whoosh/writing.py"),
    ("whoosh: postings and segment files (codec, pool, filedb)", "whoosh/externalsort.py"),
    ("whoosh: postings and segment files (codec, pool, filedb)", "whoosh/filedb"),
    ("whoosh: matching and scoring", "whoosh/matching"),
    ("whoosh: matching and scoring", "whoosh/searching.py"),
    ("whoosh: matching and scoring", "whoosh/collectors.py"),
    ("whoosh: matching and scoring", "whoosh/scoring.py"),
    ("whoosh: matching and scoring", "whoosh/query"),
    ("whoosh: highlighting", "whoosh/highlight.py"),
    ("whoosh: other", "whoosh/"),
    ("ours: text analysis (schema.FastText)", "corpus_search/store/schema.py"),
    ("ours: store", "corpus_search/store/"),
    ("ours: JSONL, Document", "corpus_search/"),
)


def by_part(stats: pstats.Stats) -> list[tuple[str, float]]:
    totals: dict[str, float] = {}
    for (filename, _line, _name), row in stats.stats.items():  # type: ignore[attr-defined]
        own = row[2]
        label = next((label for label, part in PARTS if part in filename), None)
        if label is None:
            label = "C builtins (pickle, zlib, re, json...)" if filename == "~" else "stdlib"
        totals[label] = totals.get(label, 0.0) + own
    return sorted(totals.items(), key=lambda kv: -kv[1])


def report(title: str, profile: cProfile.Profile, top: int) -> None:
    stats = pstats.Stats(profile)
    total = sum(seconds for _label, seconds in by_part(stats))
    print(f"\n## {title}: {total:.1f} s of profiled time\n")
    for label, seconds in by_part(stats):
        print(f"{100 * seconds / total:5.1f}%  {label}")
    print()
    stats.sort_stats("tottime").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--queries", type=int, default=20)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args(argv)
    from corpus_search import Corpus
    from corpus_search.store import writer

    work = Path(tempfile.mkdtemp(prefix="corpus-search-profile-"))
    try:
        jsonl = write_jsonl(work / "docs.jsonl", args.docs)
        writer.BULK_PROCS = 1
        corpus = Corpus.open(work / "index", create=True)
        profile = cProfile.Profile()
        profile.runcall(corpus.ingest, [jsonl])
        report(f"ingest of {args.docs} documents in one process", profile, args.top)
        workload = Workload(7, args.queries)
        for kind in QUERY_TYPES:
            _ours(corpus, workload, kind, 0)  # warm
        profile = cProfile.Profile()
        for i in range(args.queries):
            for kind in QUERY_TYPES:
                profile.runcall(_ours, corpus, workload, kind, i)
        report(f"{args.queries} queries of each type", profile, args.top)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
