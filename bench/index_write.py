"""The index's write of real documents, with every posting block compressed (whoosh's own
behaviour) and with small blocks stored as they are (the store's), side by side.

    python bench/index_write.py                  # the 511 real pages, three rounds
    python bench/index_write.py --json
    python bench/index_write.py --limit 20 --rounds 1

The documents: the 511 real pages that ``bench/ingest_parallel.py`` reads from
``../shared/data``, extracted and tagged once (``--all``), then read back. Each round
writes them with ``Corpus.add`` into two empty folders, one with each setting, in
alternating order; the figures are the write's CPU seconds and the bytes of the folder's
segment files (and of its postings, ``.pst``), the same documents each time.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.ingest_parallel import DATA, build_folder, real_pages  # noqa: E402


def documents(pages: list[Path], work: Path) -> list[Any]:
    from corpus_search import Corpus

    corpus = Corpus.open(work / "source", create=True)
    corpus.ingest([build_folder(pages, work / "pages")], keep_all=True)
    return list(corpus.documents())


def timed_write(docs: list[Any], folder: Path, small_block: int) -> dict[str, Any]:
    from corpus_search import Corpus
    from corpus_search.store.whoosh import writer

    saved, writer.SMALL_BLOCK = writer.SMALL_BLOCK, small_block
    try:
        corpus = Corpus.open(folder, create=True)
        started = time.process_time()
        report = corpus.add(docs)
        seconds = time.process_time() - started
    finally:
        writer.SMALL_BLOCK = saved
    files = [p for p in folder.iterdir() if p.name.startswith("corpus_")]
    return {
        "cpu_seconds": round(seconds, 3),
        "added": report.added,
        "bytes": sum(p.stat().st_size for p in files),
        "postings_bytes": sum(p.stat().st_size for p in files if p.suffix == ".pst"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    from corpus_search.store.whoosh import writer

    pages = real_pages(args.data)[: args.limit]
    if not pages:
        print(f"no pages under {args.data}: nothing to measure", file=sys.stderr)
        return 2
    settings = {"every block compressed": -1, "small blocks as they are": writer.SMALL_BLOCK}
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="index-write-") as tmp:
        work = Path(tmp)
        docs = documents(pages, work)
        for number in range(args.rounds):
            order = list(settings.items())
            if number % 2:
                order.reverse()
            for label, small in order:
                folder = work / f"ix-{number}-{small}"
                rows.append(
                    {"round": number + 1, "setting": label, **timed_write(docs, folder, small)}
                )
                shutil.rmtree(folder)
    if args.json:
        print(json.dumps({"documents": len(docs), "rows": rows}, indent=2))
        return 0
    print(f"{len(docs)} documents of {len(pages)} real pages\n")
    print("| round | setting | CPU s | bytes | postings bytes |")
    print("|---|---|---:|---:|---:|")
    for row in rows:
        print(
            f"| {row['round']} | {row['setting']} | {row['cpu_seconds']:.2f} | "
            f"{row['bytes']:,} | {row['postings_bytes']:,} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
