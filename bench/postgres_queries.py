"""Query latency of a PostgreSQL corpus, in one warm process, by query type.

    python bench/generate.py 100000 /tmp/bench-100k.jsonl
    corpus-search init postgresql://postgres@127.0.0.1:5432/bench --text-index rum
    corpus-search --index postgresql://postgres@127.0.0.1:5432/bench ingest /tmp/bench-100k.jsonl
    python bench/postgres_queries.py postgresql://postgres@127.0.0.1:5432/bench

For the 1,000,000-document run (issue 15's targets: every type median <= 50 ms, p95 <=
250 ms), generate 1,000,000 documents, ingest them the same way (RUM index), run
``VACUUM ANALYZE corpus_search.documents`` once the load ends (it sets the visibility
map that lets counts skip the table), then run this script; ``--text-index gin`` shows
the bounded strategy instead. The word of the "third" query is chosen from the corpus:
the one whose document frequency in a sample is closest to a third.

Prints one Markdown row per query type (median and p95 in ms over ``--repeat`` runs,
total hits) and writes them as JSON with ``--json FILE``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus_search import Corpus, Query


def pick_words(corpus: Corpus) -> dict[str, str]:
    """Words of the corpus by document frequency in a sample of 2,000 documents: about a
    third, about 5 % and about 0.5 %; and a two-word phrase from a body."""
    store: Any = corpus._store
    rows = store._rows(
        "SELECT w, count(*) FROM (SELECT tsv FROM corpus_search.documents ORDER BY seq "
        "LIMIT 2000) d, unnest(tsvector_to_array(d.tsv)) w WHERE length(w) > 3 "
        "GROUP BY w"
    )
    sample = min(2000, len(corpus))

    def near(share: float) -> str:
        return str(min(rows, key=lambda r: (abs(r[1] - share * sample), r[0]))[0])

    first = store._rows("SELECT record FROM corpus_search.documents ORDER BY seq LIMIT 1")
    body = json.loads(first[0][0])["body"]
    words = [w for w in body.split() if len(w) > 4 and w.isalpha()]
    return {
        "third": near(1 / 3),
        "five": near(0.05),
        "rare": near(0.005),
        "phrase": f'"{words[3]} {words[4]}"' if len(words) > 4 else f'"{near(0.05)}"',
    }


def timed(call: Any, repeat: int) -> tuple[float, float, int]:
    call()  # warm
    times = []
    total = 0
    for _ in range(repeat):
        started = time.perf_counter()
        total = call()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("address")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    corpus = Corpus.open(args.address)
    store: Any = corpus._store
    size = len(corpus)
    words = pick_words(corpus)
    stats = corpus.stats()
    actor = stats.actors[0][0] if stats.actors else "China"
    theme = stats.themes[0][0] if stats.themes else ""

    def search(text: str, **options: Any) -> Any:
        return lambda: corpus.search(Query.build(text, **options)).total

    cases = {
        f"word in a third, by relevance ({words['third']})": search(words["third"], snippets=False),
        f"word in 5 %, by relevance ({words['five']})": search(words["five"], snippets=False),
        f"rare word ({words['rare']})": search(words["rare"], snippets=False),
        "two words AND": search(f"{words['third']} {words['five']}", snippets=False),
        f"phrase {words['phrase']}": search(words["phrase"], snippets=False),
        "word + actor + theme + dates": search(
            words["five"], actors=[actor], themes=[theme], since="2015", snippets=False
        ),
        "the same + facets": search(
            words["five"],
            actors=[actor],
            themes=[theme],
            since="2015",
            facets=True,
            snippets=False,
        ),
        "top 10 with snippets (third)": search(words["third"]),
        "word in a third, newest first": search(words["third"], sort="-date", snippets=False),
        "trend by year (5 %)": lambda: corpus.trend(words["five"], by="year").total,
    }
    index = "rum" if store._has_rum else "gin"
    print(f"{size} documents, {index} text index, {args.repeat} runs each (warm, one process)")
    print("| query | median ms | p95 ms | hits |")
    print("|---|---:|---:|---:|")
    results = []
    for name, call in cases.items():
        median, p95, total = timed(call, args.repeat)
        results.append({"query": name, "median_ms": median, "p95_ms": p95, "hits": total})
        print(f"| {name} | {median:.1f} | {p95:.1f} | {total} |", flush=True)
    if args.json:
        args.json.write_text(
            json.dumps({"documents": size, "text_index": index, "results": results}, indent=2)
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
