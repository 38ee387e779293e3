"""A segment's word counts by year, the two ways a seal has computed them, in turn.

    python bench/pg_seal_words.py postgresql://postgres@127.0.0.1:5432/corpus --rounds 3

Sealing a segment counts, for each word, how many of the segment's documents hold it in
each year of publication (the table ``segment_words``, from which the vocabulary and
the term statistics are built). Version 3 unnested every document's words and grouped
them; this checkout asks ``ts_stat`` once per year. Each round runs both on the same
sealed segment (the largest, or ``--segment N``) inside a transaction that is rolled
back, so the corpus is not changed; the first round also checks that both give the same
rows. Prints a Markdown table of seconds and the ratio of the means.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus_search import Corpus


def unnest_words(conn: Any, table: str) -> None:
    """Version 3's form: every document's words unnested, then grouped."""
    conn.execute("SET LOCAL work_mem = '256MB'")
    conn.execute(
        "CREATE TEMP TABLE segment_words ON COMMIT DROP AS "
        "SELECT u.word, d.pub_start / 10000 AS year, count(*)::integer AS ndoc "
        f"FROM {table} d, unnest(tsvector_to_array(d.tsv)) u(word) GROUP BY 1, 2"
    )


def largest_sealed_segment(conn: Any) -> int | None:
    """The sealed segment holding the most documents, or None when nothing is sealed."""
    from corpus_search.store.postgres import schema

    sealed = conn.execute("SELECT segment FROM corpus_search.segments WHERE sealed").fetchall()
    sizes = {
        int(n): int(conn.execute(f"SELECT count(*) FROM {schema.segment_table(n)}").fetchone()[0])
        for (n,) in sealed
    }
    return max(sizes, key=lambda n: sizes[n]) if sizes else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("address", help="postgresql://USER@HOST:PORT/DATABASE of a corpus")
    parser.add_argument("--segment", type=int, help="default: the largest sealed segment")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    store: Any = Corpus.open(args.address)._store
    conn = store._conn
    from corpus_search.store.postgres import schema

    segment = args.segment if args.segment is not None else largest_sealed_segment(conn)
    if segment is None:
        print("no sealed segment: name one with --segment", file=sys.stderr)
        return 2
    table = schema.segment_table(segment)
    docs = int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    ways = {
        "unnest and group (version 3)": lambda: unnest_words(conn, table),
        "ts_stat by year (this checkout)": lambda: store._segment_words(conn, segment),
    }
    seconds: dict[str, list[float]] = {name: [] for name in ways}
    seen: dict[str, list[tuple[Any, ...]]] = {}
    conn.commit()
    print(f"segment {segment}: {docs} documents")
    print("| round | " + " | ".join(f"{name}: s" for name in ways) + " |")
    print("|---|" + "---:|" * len(ways))
    for round_ in range(1, args.rounds + 1):
        cells = []
        for name, way in ways.items():
            with conn.transaction(force_rollback=True):
                started = time.perf_counter()
                way()
                spent = time.perf_counter() - started
                if round_ == 1:
                    seen[name] = conn.execute(
                        "SELECT word, year::integer, ndoc::integer FROM segment_words ORDER BY 1, 2"
                    ).fetchall()
            seconds[name].append(spent)
            cells.append(f"{spent:.2f}")
        print(f"| {round_} | " + " | ".join(cells) + " |", flush=True)
    first, second = (seen[name] for name in ways)
    print(f"same rows: {'yes' if first == second else 'NO'} ({len(first)} rows)")
    before, after = (statistics.mean(v) for v in seconds.values())
    print(f"ts_stat by year: {before / after:.2f}x as fast")
    return 0 if first == second else 1


if __name__ == "__main__":
    raise SystemExit(main())
