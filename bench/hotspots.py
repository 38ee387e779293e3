"""Where the time goes: cProfile of an ingest (in one process, so the profile sees the
indexing work the multiprocessing writer would hand to its workers) and of the query
mix, grouped by the part of the program that spends it, and each query type's time by
stage of a search.

    python bench/hotspots.py --docs 3000
    python bench/hotspots.py --index /tmp/corpus-search-bench/ours-100000 --queries 40
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
    ("ours: text analysis (schema.FastText)", "corpus_search/store/whoosh/schema.py"),
    ("ours: store", "corpus_search/store/whoosh/"),
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


# The stages of a search: (label, file, function), each timed by its cumulative time.
# "hits" (building a result row, its snippet) excludes "stored docs" (whoosh reading the
# stored document); where several functions match (whoosh's reader calling its
# segment's reader), the outermost one counts.
STAGES = (
    ("parse", "corpus_search/store/whoosh/searcher.py", "compile_query"),
    ("match (engine)", "corpus_search/store/whoosh/searcher.py", "_evaluate"),
    ("match (whoosh)", "corpus_search/store/whoosh/searcher.py", "_whoosh_search"),
    ("order", "corpus_search/store/whoosh/searcher.py", "_engine_search"),
    ("stored docs", "whoosh/reading.py", "stored_fields"),
    ("hits", "corpus_search/store/whoosh/searcher.py", "_hit"),
    ("facets", "corpus_search/store/whoosh/searcher.py", "facet_counts"),
)


def stage_table(profiles: dict[str, tuple[cProfile.Profile, int]]) -> str:
    """Milliseconds per query (profiled, so inflated alike) by stage and query type."""
    lines = [
        "| query | total | " + " | ".join(label for label, _f, _n in STAGES) + " |",
        "|---|" + "---:|" * (len(STAGES) + 1),
    ]
    for kind, (profile, count) in profiles.items():
        stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
        spent = {label: 0.0 for label, _f, _n in STAGES}
        total = 0.0
        for (filename, _line, name), row in stats.items():
            if name == "_ours" and filename.endswith("run.py"):
                total += row[3]
            for label, part, function in STAGES:
                if name == function and part in filename:
                    outer = label == "stored docs"  # nested readers: keep the outermost
                    spent[label] = max(spent[label], row[3]) if outer else spent[label] + row[3]
        cells = [f"{1000 * spent[label] / count:.2f}" for label, _f, _n in STAGES]
        lines.append(f"| {kind} | {1000 * total / count:.2f} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def report(title: str, *profiles: cProfile.Profile, top: int) -> None:
    stats = pstats.Stats(*profiles)
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
    parser.add_argument(
        "--index", type=Path, help="profile queries on this corpus (no ingest), e.g. a bench run's"
    )
    args = parser.parse_args(argv)
    from corpus_search import Corpus
    from corpus_search.store.whoosh import writer

    work = Path(tempfile.mkdtemp(prefix="corpus-search-profile-"))
    try:
        if args.index:
            corpus = Corpus.open(args.index)
        else:
            jsonl = write_jsonl(work / "docs.jsonl", args.docs)
            writer.BULK_PROCS = 1
            corpus = Corpus.open(work / "index", create=True)
            profile = cProfile.Profile()
            profile.runcall(corpus.ingest, [jsonl])
            report(f"ingest of {args.docs} documents in one process", profile, top=args.top)
        workload = Workload(7, args.queries)
        for kind in QUERY_TYPES:
            _ours(corpus, workload, kind, 0)  # warm
        by_kind = {kind: (cProfile.Profile(), args.queries) for kind in QUERY_TYPES}
        for i in range(args.queries):
            for kind in QUERY_TYPES:
                by_kind[kind][0].runcall(_ours, corpus, workload, kind, i)
        profiles = [profile for profile, _count in by_kind.values()]
        report(f"{args.queries} queries of each type", *profiles, top=args.top)
        print(f"\n## time per query by stage (ms, profiled)\n\n{stage_table(by_kind)}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
