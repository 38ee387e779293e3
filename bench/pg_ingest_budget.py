"""Where a server ingest's time goes: each step's cost per document, measured apart.

    python bench/pg_ingest_budget.py postgresql://postgres@127.0.0.1:5432/corpus \\
        --jsonl docs-1000000.jsonl --lines 20000

An ingest into PostgreSQL does, for every document: the client reads the JSONL line
and prepares its row (``Document.from_dict``, the stored record, the row's columns);
the server analyses its title, standfirst and body into words (``to_tsvector``) as it
inserts it; and when its segment is full, the seal builds the RUM index, counts the
segment's words by year and builds the term statistics. This script times each of
those steps on its own over one sealed segment (the largest, or ``--segment N``) and,
for the client, over the first ``--lines`` lines of a JSONL file, each inside a
transaction that is rolled back (the corpus is not changed). Each step runs in one
process, so its wall time is its CPU time on an otherwise idle core.

The sum is a floor for the CPU one document costs, not counting the copy into the
table, the other indexes or the transactions; on a machine with C cores, an ingest
cannot go faster than C * 1000 / (sum in ms) documents a second.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.pg_seal_words import largest_sealed_segment
from corpus_search import Corpus
from corpus_search.document import Document


def client_rows(jsonl: Path, lines: int) -> tuple[int, float]:
    """(documents, seconds) to read ``lines`` lines and prepare their rows as the
    server writer does."""
    from corpus_search.store.postgres.store import _row

    with jsonl.open("rb") as feed:
        raw = list(itertools.islice(feed, lines))
    started = time.perf_counter()
    for line in raw:
        doc = Document.from_dict(json.loads(line))
        record = json.dumps(doc.to_dict(), ensure_ascii=False, sort_keys=True)
        _row(doc, record)
    return len(raw), time.perf_counter() - started


def timed(conn: Any, sql: str) -> float:
    started = time.perf_counter()
    conn.execute(sql)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("address", help="postgresql://USER@HOST:PORT/DATABASE of a corpus")
    parser.add_argument("--segment", type=int, help="default: the largest sealed segment")
    parser.add_argument("--jsonl", type=Path, help="a JSONL file for the client's part")
    parser.add_argument("--lines", type=int, default=20_000)
    args = parser.parse_args(argv)
    store: Any = Corpus.open(args.address)._store
    conn = store._conn
    from corpus_search.store.postgres import schema
    from corpus_search.store.postgres.store import SEAL_MEMORY

    segment = args.segment if args.segment is not None else largest_sealed_segment(conn)
    if segment is None:
        print("no sealed segment: name one with --segment", file=sys.stderr)
        return 2
    table = schema.segment_table(segment)
    docs = int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    if not docs:
        print(f"segment {segment} is empty", file=sys.stderr)
        return 2
    conn.commit()
    steps: list[tuple[str, int, float]] = []
    if args.jsonl:
        count, spent = client_rows(args.jsonl, args.lines)
        steps.append(("client: read a line, prepare its row", count, spent))
    cfg = schema.TS_CONFIG
    fields = "r->>'title', r->>'subtitle', r->>'body'"
    with conn.transaction(force_rollback=True):
        conn.execute("SET LOCAL jit = off")
        # the records' text, read and parsed, then the same with the analysis on top
        read = timed(
            conn,
            f"SELECT sum(length(concat({fields}))) FROM (SELECT record::jsonb r FROM {table}) x",
        )
        analysed = timed(
            conn,
            "SELECT sum(length("
            f"setweight(to_tsvector('{cfg}', coalesce(r->>'title', '')), 'A') || "
            f"setweight(to_tsvector('{cfg}', coalesce(r->>'subtitle', '')), 'B') || "
            f"setweight(to_tsvector('{cfg}', r->>'body'), 'D'))) "
            f"FROM (SELECT record::jsonb r FROM {table}) x",
        )
        steps.append(("server: analyse the text into words", docs, max(analysed - read, 0.0)))
    with conn.transaction(force_rollback=True):
        conn.execute(f"SET LOCAL maintenance_work_mem = '{SEAL_MEMORY}'")
        method = "rum (tsv rum_tsvector_ops)" if store._has_rum else "gin (tsv)"
        spent = timed(conn, f"CREATE INDEX bench_budget_tsv ON {table} USING {method}")
        steps.append((f"seal: build the {method.split()[0].upper()} index", docs, spent))
    with conn.transaction(force_rollback=True):
        started = time.perf_counter()
        store._segment_words(conn, segment)
        steps.append(("seal: count the words by year", docs, time.perf_counter() - started))
        if store._has_rum:
            started = time.perf_counter()
            store._build_terms(conn, segment)
            steps.append(("seal: the term statistics", docs, time.perf_counter() - started))
    print(f"segment {segment}: {docs} documents")
    print("| step | documents | seconds | ms per document |")
    print("|---|---:|---:|---:|")
    total = 0.0
    for name, count, spent in steps:
        per = spent * 1000 / count
        total += per
        print(f"| {name} | {count} | {spent:.2f} | {per:.3f} |")
    print(f"| sum | | | {total:.3f} |")
    for cores in (2, 4, 8):
        print(f"at most {cores * 1000 / total:.0f} documents a second on {cores} cores")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
