"""pglz against lz4 for the records of a PostgreSQL corpus, side by side on one server.

    python bench/pg_compression.py postgresql://postgres@127.0.0.1:5432/bench --rows 20000

Copies ``--rows`` records of the corpus at the address into two scratch tables, one
compressing with pglz and one with lz4 (each value rebuilt, so it is compressed anew,
not carried over compressed), then reads every record back whole; the two take turns,
``--rounds`` times, and the tables are dropped at the end. Prints seconds per step and
the tables' sizes. Needs a server built with lz4.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus_search.store.postgres.connection import connect


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("address")
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    with connect(args.address) as conn:
        for method in ("pglz", "lz4"):
            conn.execute(f"DROP TABLE IF EXISTS bench_{method}")
            conn.execute(f"CREATE TABLE bench_{method} (record text COMPRESSION {method})")
        print("| round | compression | write s | read s |\n|---|---|---:|---:|")
        try:
            for number in range(1, args.rounds + 1):
                for method in ("pglz", "lz4"):
                    conn.execute(f"TRUNCATE bench_{method}")
                    started = time.perf_counter()
                    conn.execute(
                        f"INSERT INTO bench_{method} SELECT record || '' "
                        "FROM corpus_search.documents LIMIT %s",
                        (args.rows,),
                    )
                    write = time.perf_counter() - started
                    started = time.perf_counter()
                    conn.execute(f"SELECT sum(length(record)) FROM bench_{method}").fetchone()
                    read = time.perf_counter() - started
                    print(f"| {number} | {method} | {write:.2f} | {read:.2f} |")
            for method in ("pglz", "lz4"):
                row = conn.execute(
                    f"SELECT pg_total_relation_size('bench_{method}') / 1048576"
                ).fetchone()
                print(f"{method}: {row[0] if row else '?'} MB")
        finally:
            for method in ("pglz", "lz4"):
                conn.execute(f"DROP TABLE IF EXISTS bench_{method}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
