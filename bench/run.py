"""Benchmark corpus-search against a plain whoosh loop and SQLite FTS5, in one run.

    python bench/run.py --docs 10000            # about 5 minutes on 2 cores
    python bench/run.py --docs 100000 --baseline-docs 25000

It generates (or reuses) a synthetic corpus (``bench/generate.py``), then measures on
the same documents: ingest throughput from JSONL to searchable and peak RSS (our CLI,
a plain single-writer whoosh loop, SQLite FTS5), index sizes, query latency (median
and p95, in a warm process) for each query type, the CLI's cold start, queries per
second through ``search --stdin``, and the peak RSS of that query process. It prints
a Markdown table and writes every figure to ``results-<docs>.json`` in the work folder.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.generate import FIRST_YEAR, LAST_YEAR, PROMINENT, Generator, write_jsonl  # noqa: E402

PYTHON = sys.executable
_SCRIPT = Path(PYTHON).parent / "corpus-search"
CLI = [str(_SCRIPT)] if _SCRIPT.exists() else [PYTHON, "-m", "corpus_search"]
QUERY_TYPES = (
    "term",
    "two terms AND",
    "phrase",
    "term + actor + theme + dates",
    "the same + facets",
    "top 10 with snippets",
    "trend by year",
)


# -- measuring a child process ----------------------------------------------------------


def measured(command: list[str], stdin: str | None = None) -> dict[str, Any]:
    """Run ``command`` through ``bench/run.py _measure``, which reports the wall time and
    the peak RSS of the largest process in the command's tree."""
    wrapper = [PYTHON, str(HERE / "run.py"), "_measure", *command]
    done = subprocess.run(wrapper, input=stdin, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"benchmark step failed: {' '.join(command)}\n{done.stderr[-2000:]}")
    report = json.loads(done.stderr.strip().splitlines()[-1])
    report["stdout"] = done.stdout
    return dict(report)


def _measure(command: list[str]) -> int:
    started = time.perf_counter()
    child = subprocess.run(command, check=False)
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"seconds": seconds, "peak_mb": peak_kb / 1024}), file=sys.stderr)
    return child.returncode


def folder_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


# -- the alternatives' ingest (run as child processes) ----------------------------------


def _records(jsonl: Path, limit: int | None) -> Iterator[dict[str, Any]]:
    with jsonl.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if limit is not None and number >= limit:
                return
            yield json.loads(line)


def _baseline_ingest(jsonl: Path, folder: Path, limit: int | None) -> int:
    """A plain whoosh loop: one SegmentWriter, whoosh's stock TEXT fields with the same
    analyzer and boosts, the same field values as ours, one commit at the end."""
    from whoosh import fields, index
    from whoosh.analysis import StemmingAnalyzer

    from corpus_search.document import Document
    from corpus_search.store.whoosh.schema import make_schema
    from corpus_search.store.whoosh.writer import index_fields

    schema = make_schema()
    for name in ("title", "subtitle", "body"):
        boost = schema[name].format.field_boost
        schema._fields[name] = fields.TEXT(analyzer=StemmingAnalyzer(), field_boost=boost)
    folder.mkdir(parents=True)
    ix = index.create_in(str(folder), schema)
    writer = ix.writer()
    for record in _records(jsonl, limit):
        doc = Document.from_dict(record)
        stored = json.dumps(doc.to_dict(), ensure_ascii=False, sort_keys=True)
        writer.add_document(**index_fields(doc, stored))
    writer.commit()
    return 0


SQLITE_SCHEMA = """
CREATE TABLE docs(rowid INTEGER PRIMARY KEY, id TEXT UNIQUE, source TEXT, year TEXT,
                  pub_start INTEGER, pub_end INTEGER, doc TEXT);
CREATE VIRTUAL TABLE fts USING fts5(title, subtitle, body, tokenize='porter unicode61');
CREATE TABLE actor(doc INTEGER, name TEXT);
CREATE TABLE theme(doc INTEGER, name TEXT);
"""
SQLITE_INDEXES = """
CREATE INDEX actor_name ON actor(name, doc);
CREATE INDEX actor_doc_name ON actor(doc, name);
CREATE INDEX theme_name ON theme(name, doc);
CREATE INDEX theme_doc_name ON theme(doc, name);
CREATE INDEX docs_dates ON docs(pub_start, pub_end);
"""


def _sqlite_ingest(jsonl: Path, database: Path) -> int:
    """SQLite FTS5 (Python's sqlite3, porter stemming): the text in an FTS5 table, the
    record and its dates in a table, actors and themes in indexed tables."""
    from corpus_search.dates import day_number
    from corpus_search.document import Document

    db = sqlite3.connect(database)
    db.executescript(SQLITE_SCHEMA)
    with db:
        for rowid, record in enumerate(_records(jsonl, None), start=1):
            doc = Document.from_dict(record)
            published = doc.published
            db.execute(
                "INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    rowid,
                    doc.id,
                    doc.source,
                    f"{published.year:04d}" if published else None,
                    day_number(published.first_day()) if published else 0,
                    day_number(published.last_day()) if published else 99991231,
                    json.dumps(doc.to_dict(), ensure_ascii=False, sort_keys=True),
                ),
            )
            db.execute(
                "INSERT INTO fts(rowid, title, subtitle, body) VALUES (?, ?, ?, ?)",
                (rowid, doc.title or "", doc.subtitle or "", doc.body),
            )
            db.executemany("INSERT INTO actor VALUES (?, ?)", [(rowid, a.name) for a in doc.actors])
            db.executemany("INSERT INTO theme VALUES (?, ?)", [(rowid, t.id) for t in doc.themes])
        db.executescript(SQLITE_INDEXES)
    db.close()
    return 0


# -- queries ------------------------------------------------------------------------------


class Workload:
    """Deterministic query parameters drawn from the generator's own vocabulary."""

    def __init__(self, seed: int, count: int) -> None:
        generator = Generator(seed)
        rng = random.Random(f"queries:{seed}")
        theme_words = sorted(
            {
                term
                for _theme, terms in generator.themes
                for term in terms
                if term.isalpha() and len(term) > 4
            }
        )
        theme_phrases = sorted(
            {
                term
                for _theme, terms in generator.themes
                for term in terms
                if term.count(" ") == 1 and term.replace(" ", "").isalpha()
            }
        )
        common = generator.words[150:3000]
        self.terms = [rng.choice(theme_words + common) for _ in range(count)]
        self.pairs = [(rng.choice(theme_words), rng.choice(common)) for _ in range(count)]
        self.phrases = [rng.choice(theme_phrases) for _ in range(count)]
        actors = [name for name in PROMINENT[:12]]
        themes = [theme_id for theme_id, _terms in generator.themes]
        self.filtered = []
        for _ in range(count):
            since = rng.randint(FIRST_YEAR, LAST_YEAR - 4)
            self.filtered.append(
                {
                    "text": rng.choice(theme_words + common[:500]),
                    "actor": rng.choice(actors),
                    "theme": rng.choice(themes[:14]),
                    "since": since,
                    "until": since + rng.randint(2, 6),
                }
            )
        # words of their own, so no cache kept from the term row answers them
        self.snippet_terms = [rng.choice(theme_words + common) for _ in range(count)]


def _ours(corpus: Any, work: Workload, kind: str, i: int) -> Any:
    # Like the FTS5 rows, every row but "top 10 with snippets" asks for the top 10
    # without snippets (``search --no-snippets``).
    if kind == "term":
        return corpus.search(work.terms[i], snippets=False)
    if kind == "two terms AND":
        a, b = work.pairs[i]
        return corpus.search(f"{a} AND {b}", snippets=False)
    if kind == "phrase":
        return corpus.search(f'"{work.phrases[i]}"', snippets=False)
    if kind in ("term + actor + theme + dates", "the same + facets"):
        f = work.filtered[i]
        return corpus.search(
            f["text"],
            actors=[f["actor"]],
            themes=[f["theme"]],
            since=str(f["since"]),
            until=str(f["until"]),
            facets=kind == "the same + facets",
            snippets=False,
        )
    if kind == "top 10 with snippets":
        return corpus.search(work.snippet_terms[i], limit=10)
    if kind == "trend by year":
        if hasattr(corpus, "trend"):
            return corpus.trend(work.terms[i], by="year")
        return corpus.search(work.terms[i], limit=0, facets=["year"])
    if kind == "year facet (store level)":
        return corpus.search(work.terms[i], limit=0, facets=["year"])
    raise ValueError(kind)


class SQLiteSearch:
    RANK = "bm25(fts, 3.0, 1.5, 1.0)"

    def __init__(self, database: Path) -> None:
        self.db = sqlite3.connect(database)

    def _page(
        self, where: str, args: tuple[Any, ...], snippets: bool = False, join: str = ""
    ) -> Any:
        total = self.db.execute(f"SELECT count(*) FROM fts {join} WHERE {where}", args).fetchone()[
            0
        ]
        extra = ", snippet(fts, 2, '\x02', '\x03', ' … ', 24)" if snippets else ""
        rows = self.db.execute(
            f"SELECT fts.rowid{extra} FROM fts {join} WHERE {where} ORDER BY {self.RANK} LIMIT 10",
            args,
        ).fetchall()
        docs = [
            json.loads(
                self.db.execute("SELECT doc FROM docs WHERE rowid = ?", (r[0],)).fetchone()[0]
            )
            for r in rows
        ]
        return total, docs

    def run(self, work: Workload, kind: str, i: int) -> Any:
        from corpus_search.dates import PartialDate, day_number

        if kind == "term":
            return self._page("fts MATCH ?", (work.terms[i],))
        if kind == "two terms AND":
            a, b = work.pairs[i]
            return self._page("fts MATCH ?", (f"{a} AND {b}",))
        if kind == "phrase":
            return self._page("fts MATCH ?", (f'"{work.phrases[i]}"',))
        if kind in ("term + actor + theme + dates", "the same + facets"):
            f = work.filtered[i]
            first = day_number(PartialDate.parse(str(f["since"])).first_day())
            last = day_number(PartialDate.parse(str(f["until"])).last_day())
            # The text match drives the plan; each match is checked through the indexes.
            join = "JOIN docs d ON d.rowid = fts.rowid"
            where = (
                "fts MATCH ? AND d.pub_start >= ? AND d.pub_end <= ?"
                " AND EXISTS (SELECT 1 FROM actor a WHERE a.doc = fts.rowid AND a.name = ?)"
                " AND EXISTS (SELECT 1 FROM theme t WHERE t.doc = fts.rowid AND t.name = ?)"
            )
            args = (f["text"], first, last, f["actor"], f["theme"])
            page = self._page(where, args, join=join)
            if kind == "the same + facets":
                matched = f"SELECT fts.rowid FROM fts {join} WHERE {where}"
                facets = {
                    name: self.db.execute(
                        f"SELECT {column}, count(*) AS n FROM {table} WHERE {key} IN ({matched})"
                        f" GROUP BY {column} ORDER BY n DESC LIMIT 20",
                        args,
                    ).fetchall()
                    for name, table, column, key in (
                        ("actor", "actor", "name", "doc"),
                        ("theme", "theme", "name", "doc"),
                        ("source", "docs", "source", "rowid"),
                        ("year", "docs", "year", "rowid"),
                    )
                }
                return page, facets
            return page
        if kind == "top 10 with snippets":
            return self._page("fts MATCH ?", (work.snippet_terms[i],), snippets=True)
        if kind in ("trend by year", "year facet (store level)"):
            return self.db.execute(
                "SELECT d.year, count(*) FROM fts JOIN docs d ON d.rowid = fts.rowid"
                " WHERE fts MATCH ? GROUP BY d.year",
                (work.terms[i],),
            ).fetchall()
        raise ValueError(kind)


def _read_through(path: Path) -> None:
    """Read every file under ``path`` once (into the OS page cache)."""
    for file in [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file()):
        with file.open("rb") as f:
            while f.read(1 << 22):
                pass


def latencies(calls: dict[str, Callable[[int], Any]], repeat: int) -> dict[str, dict[str, float]]:
    """Median and p95 ms of each system's ``call(i)`` for i in range(repeat). The
    systems take turns query by query, so a noisy moment on this shared machine falls
    on both alike, and the order of the turn rotates, so that no system always reads
    what another has just brought into a cache they share (one server's buffers)."""
    for call in calls.values():
        call(0)  # warm: first use of each code path and column
    times: dict[str, list[float]] = {name: [] for name in calls}
    order = list(calls.items())
    for i in range(repeat):
        shift = i % len(order)
        for name, call in order[shift:] + order[:shift]:
            started = time.perf_counter()
            call(i)
            times[name].append((time.perf_counter() - started) * 1000)
    stats = {}
    for name, spent in times.items():
        spent.sort()
        stats[name] = {
            "median_ms": statistics.median(spent),
            "p95_ms": spent[min(len(spent) - 1, round(0.95 * (len(spent) - 1)))],
        }
    return stats


def cold_start(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def stdin_lines(work: Workload, count: int) -> str:
    lines = []
    for i in range(count):
        if i % 4 == 3:
            f = work.filtered[i % len(work.filtered)]
            spec = {
                "query": f["text"],
                "actors": [f["actor"]],
                "themes": [f["theme"]],
                "since": str(f["since"]),
                "until": str(f["until"]),
                "facets": True,
            }
            lines.append(json.dumps(spec))
        else:
            lines.append(work.terms[i % len(work.terms)])
    return "\n".join(lines) + "\n"


# -- the run ------------------------------------------------------------------------------


def run(args: argparse.Namespace) -> dict[str, Any]:
    work_dir: Path = args.work
    work_dir.mkdir(parents=True, exist_ok=True)
    jsonl = args.jsonl or work_dir / f"docs-{args.docs}.jsonl"
    if not jsonl.exists():
        log(f"generating {args.docs} documents into {jsonl}")
        write_jsonl(jsonl, args.docs, args.seed)
    ours_dir = work_dir / f"ours-{args.docs}"
    base_dir = work_dir / f"whoosh-plain-{args.docs}"
    sqlite_path = work_dir / f"fts5-{args.docs}.sqlite"
    if args.reuse and (work_dir / f"results-{args.docs}.json").exists():
        pass
    else:
        _clear(ours_dir, base_dir, sqlite_path)
    return _run(args, jsonl, work_dir, ours_dir, base_dir, sqlite_path)


def _clear(*paths: Path) -> None:
    for old in paths:
        if old.is_dir():
            shutil.rmtree(old)
        elif old.exists():
            old.unlink()


def _run(
    args: argparse.Namespace,
    jsonl: Path,
    work_dir: Path,
    ours_dir: Path,
    base_dir: Path,
    sqlite_path: Path,
) -> dict[str, Any]:
    results: dict[str, Any] = {"docs": args.docs, "jsonl_mb": folder_mb(jsonl), "ingest": {}}
    env_cli = [*CLI, "--index", str(ours_dir)]
    previous = work_dir / f"results-{args.docs}.json"
    if args.reuse and previous.exists() and ours_dir.exists() and sqlite_path.exists():
        log(f"reusing the indexes and ingest figures of {previous}")
        results["ingest"] = json.loads(previous.read_text())["ingest"]
        results["ingest_reused"] = True
        return _queries(args, results, work_dir, ours_dir, sqlite_path, env_cli)

    log("ingest: corpus-search")
    ours = measured([*env_cli, "ingest", str(jsonl)])
    results["ingest"]["corpus-search"] = _ingest_row(ours, args.docs, ours_dir)
    base_docs = args.baseline_docs or args.docs
    if not args.skip_baseline:
        log(f"ingest: plain whoosh loop ({base_docs} documents)")
        base = measured(
            [PYTHON, str(HERE / "run.py"), "_baseline", str(jsonl), str(base_dir), str(base_docs)]
        )
        results["ingest"]["whoosh plain loop"] = _ingest_row(base, base_docs, base_dir)
    log("ingest: SQLite FTS5")
    lite = measured([PYTHON, str(HERE / "run.py"), "_sqlite", str(jsonl), str(sqlite_path)])
    results["ingest"]["SQLite FTS5"] = _ingest_row(lite, args.docs, sqlite_path)
    return _queries(args, results, work_dir, ours_dir, sqlite_path, env_cli)


def _queries(
    args: argparse.Namespace,
    results: dict[str, Any],
    work_dir: Path,
    ours_dir: Path,
    sqlite_path: Path,
    env_cli: list[str],
) -> dict[str, Any]:
    log("queries")
    from corpus_search import Corpus

    # Both systems start from the OS page cache: this machine reclaims pages left idle
    # (the plain loop's fourteen minutes are enough), which would time our disk reads.
    for path in (ours_dir, sqlite_path):
        _read_through(path)

    corpus = Corpus.open(ours_dir)
    work = Workload(args.seed, args.repeat)
    lite_search = SQLiteSearch(sqlite_path)
    kinds = [*QUERY_TYPES, "year facet (store level)"]
    results["queries"] = {}
    for kind in kinds:
        calls: dict[str, Callable[[int], Any]] = {
            "corpus-search": functools.partial(_ours, corpus, work, kind),
            "SQLite FTS5": functools.partial(lite_search.run, work, kind),
        }
        results["queries"][kind] = latencies(calls, args.repeat)
    first = work.filtered[0]
    hits = corpus.search(str(first["text"]), actors=[str(first["actor"])])
    results["example_total"] = hits.total

    log("cold start")
    term = work.terms[0]
    results["cold_start_ms"] = {
        "python -c pass": cold_start([PYTHON, "-c", "pass"], args.cold_runs),
        "python -c 'import whoosh'": cold_start([PYTHON, "-c", "import whoosh"], args.cold_runs),
        "python -c 'import whoosh.index, whoosh.qparser, whoosh.highlight'": cold_start(
            [PYTHON, "-c", "import whoosh.index, whoosh.qparser, whoosh.highlight"], args.cold_runs
        ),
        f"corpus-search search {term} --json": cold_start(
            [*env_cli, "search", term, "--json"], args.cold_runs
        ),
    }

    log("search --stdin")
    lines = stdin_lines(work, args.stdin_queries)
    piped = measured([*env_cli, "search", "--stdin"], stdin=lines)
    answers = [json.loads(line) for line in piped["stdout"].splitlines()]
    assert len(answers) == args.stdin_queries, "search --stdin must answer every line"
    results["stdin"] = {
        "queries": args.stdin_queries,
        "seconds": piped["seconds"],
        "queries_per_second": args.stdin_queries / piped["seconds"],
        "peak_mb": piped["peak_mb"],
    }
    return results


def _ingest_row(measure: dict[str, Any], docs: int, path: Path) -> dict[str, Any]:
    return {
        "docs": docs,
        "seconds": measure["seconds"],
        "docs_per_second": docs / measure["seconds"],
        "peak_mb": measure["peak_mb"],
        "size_mb": folder_mb(path),
    }


def table(results: dict[str, Any]) -> str:
    out = [
        f"Corpus: {results['docs']} synthetic documents ({results['jsonl_mb']:.0f} MB of JSONL)",
        "",
    ]
    out += [
        "| ingest | docs | seconds | docs/s | peak RSS MB | index MB |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, row in results["ingest"].items():
        out.append(
            f"| {name} | {row['docs']} | {row['seconds']:.1f} | {row['docs_per_second']:.0f} "
            f"| {row['peak_mb']:.0f} | {row['size_mb']:.0f} |"
        )
    ingest = results["ingest"]
    if "whoosh plain loop" in ingest:
        ratio = (
            ingest["corpus-search"]["docs_per_second"]
            / ingest["whoosh plain loop"]["docs_per_second"]
        )
        out.append(f"\ningest throughput vs plain whoosh loop: {ratio:.2f}x")
    out += [
        "",
        "| query (ms) | ours median | ours p95 | FTS5 median | FTS5 p95 | ours/FTS5 (median) |",
    ]
    out.append("|---|---:|---:|---:|---:|---:|")
    for kind, row in results["queries"].items():
        a, b = row["corpus-search"], row["SQLite FTS5"]
        out.append(
            f"| {kind} | {a['median_ms']:.1f} | {a['p95_ms']:.1f} | {b['median_ms']:.1f} "
            f"| {b['p95_ms']:.1f} | {a['median_ms'] / max(b['median_ms'], 1e-6):.1f}x |"
        )
    out += ["", "| cold start | median ms |", "|---|---:|"]
    for name, ms in results["cold_start_ms"].items():
        out.append(f"| `{name}` | {ms:.0f} |")
    s = results["stdin"]
    out.append(
        f"\n`search --stdin`: {s['queries']} queries in {s['seconds']:.1f} s = "
        f"{s['queries_per_second']:.0f} queries/s, peak RSS {s['peak_mb']:.0f} MB"
    )
    return "\n".join(out)


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "_measure":
        return _measure(argv[1:])
    if argv and argv[0] == "_baseline":
        return _baseline_ingest(Path(argv[1]), Path(argv[2]), int(argv[3]))
    if argv and argv[0] == "_sqlite":
        return _sqlite_ingest(Path(argv[1]), Path(argv[2]))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument(
        "--work", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "corpus-search-bench"
    )
    parser.add_argument("--jsonl", type=Path, help="reuse this generated corpus")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=40, help="queries per type")
    parser.add_argument("--cold-runs", type=int, default=10)
    parser.add_argument("--stdin-queries", type=int, default=400)
    parser.add_argument(
        "--baseline-docs", type=int, help="index only the first N in the plain loop"
    )
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the indexes and ingest figures of the last run; measure queries again",
    )
    args = parser.parse_args(argv)
    results = run(args)
    (args.work / f"results-{args.docs}.json").write_text(json.dumps(results, indent=2) + "\n")
    print(table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
