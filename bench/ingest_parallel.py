"""Ingest on every core, measured side by side in one run on the 511 real pages.

    python bench/ingest_parallel.py                  # the table on stdout
    python bench/ingest_parallel.py --json           # the figures as JSON
    python bench/ingest_parallel.py --summary-line   # also: the 511 pages + 10 unsupported
                                                     # + 5 broken files, ingested by the CLI
    python bench/ingest_parallel.py --limit 20       # the first 20 pages only (a smoke run)

The pages: ``../shared/data/extraction/aeb`` (181), ``extraction/readability`` (130) and
``dates/htmldate-mediacloud`` (200), read at run time (never copied into the project) and
written to a temporary folder as the ``.html.gz`` files they are stored as. Measured, in
this order, each into a fresh corpus:

- ingest with ``--jobs 1`` (extract, judge, tag and index in one process);
- ingest with every core (``--jobs`` = the cores this process may use);
- trafilatura's ``extract`` alone on the same pages, one process, decompressed in memory
  (what a user would otherwise run to get the text: no tagging, no index).

Both ingests use ``keep_all`` (``--all``) so that every page is extracted, tagged and
indexed, as trafilatura extracts every page. Figures are wall-clock seconds and pages per
second; the machine's other load is not controlled: say so when quoting them.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DATA = ROOT.parent / "shared" / "data"


def real_pages(data: Path) -> list[Path]:
    """The 511 stored pages (gzip-compressed HTML), in a stable order."""
    pages = sorted((data / "extraction" / "aeb" / "html").glob("*.html.gz"))
    pages += sorted((data / "extraction" / "readability" / "test-pages").glob("*/source.html.gz"))
    pages += sorted((data / "dates" / "htmldate-mediacloud" / "html").glob("*.html.gz"))
    return pages


def build_folder(pages: list[Path], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number, page in enumerate(pages):
        shutil.copyfile(page, folder / f"{number:03d}-{page.parent.name[:20]}.html.gz")
    return folder


def timed_ingest(folder: Path, index: Path, jobs: int) -> dict[str, Any]:
    from corpus_search import Corpus

    corpus = Corpus.open(index, create=True)
    started = time.perf_counter()
    report = corpus.ingest([folder], jobs=jobs, keep_all=True)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "jobs": report.jobs, "counts": report.counts()}


def timed_trafilatura(pages: list[Path]) -> dict[str, Any]:
    import trafilatura

    texts = [gzip.decompress(p.read_bytes()).decode("utf-8", "replace") for p in pages]
    started = time.perf_counter()
    extracted = sum(1 for html in texts if trafilatura.extract(html))
    return {"seconds": time.perf_counter() - started, "extracted": extracted}


def summary_line(pages: list[Path], work: Path) -> str:
    """The CLI's summary for the 511 pages plus 10 unsupported and 5 broken files."""
    folder = build_folder(pages, work / "mixed")
    for number, suffix in enumerate(
        [".docx", ".png", ".jpg", ".xlsx", ".csv", ".zip", ".epub", ".doc", ".rtf", ".json"]
    ):
        (folder / f"unsupported-{number}{suffix}").write_bytes(b"not a page ingest reads\n")
    broken = {
        "broken-truncated.html.gz": gzip.compress(gzip.decompress(pages[0].read_bytes()))[:300],
        "broken-not-gzip.html.gz": b"this is not gzip data at all",
        "broken-binary.html": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "broken-empty.html": b"",
        "broken-lines.jsonl": b'{"title": "no body"}\n',
    }
    for name, data in broken.items():
        (folder / name).write_bytes(data)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "corpus_search",
            "--index",
            str(work / "mixed-ix"),
            "ingest",
            str(folder),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    lines = result.stderr.strip().splitlines()
    return f"exit {result.returncode}: " + (lines[-1] if lines else "(no output)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--summary-line", action="store_true")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    args = parser.parse_args(argv)
    from corpus_search.pipeline import default_jobs

    pages = real_pages(args.data)[: args.limit]
    if not pages:
        print(f"no pages under {args.data}: nothing to measure", file=sys.stderr)
        return 2
    cores = default_jobs()
    with tempfile.TemporaryDirectory(prefix="ingest-parallel-") as tmp:
        work = Path(tmp)
        folder = build_folder(pages, work / "pages")
        one = timed_ingest(folder, work / "ix1", 1)
        many = timed_ingest(folder, work / f"ix{cores}", cores)
        alone = timed_trafilatura(pages)
        line = summary_line(pages, work) if args.summary_line else None
    n = len(pages)
    rows = [
        ("ingest --jobs 1 (extract, judge, tag, index)", one["seconds"]),
        (f"ingest --jobs {cores} (every core)", many["seconds"]),
        ("trafilatura.extract alone (1 process)", alone["seconds"]),
    ]
    figures = {
        "pages": n,
        "cores": cores,
        "load_average": os.getloadavg(),
        "ingest_jobs_1": one,
        "ingest_all_cores": many,
        "trafilatura_alone": alone,
        "speedup": one["seconds"] / many["seconds"],
        "end_to_end_vs_trafilatura": alone["seconds"] / many["seconds"],
        "summary_line": line,
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"{n} real pages, {cores} cores, load average {os.getloadavg()[0]:.1f}\n")
    print("| run | seconds | pages/s |")
    print("|---|---:|---:|")
    for label, seconds in rows:
        print(f"| {label} | {seconds:.1f} | {n / seconds:.1f} |")
    print(f"\nall cores vs one process: {figures['speedup']:.2f}x")
    print(
        f"end to end (all cores) vs trafilatura alone: {figures['end_to_end_vs_trafilatura']:.2f}x"
    )
    print(f"counts (jobs 1): {one['counts']}")
    print(f"counts (all cores): {many['counts']}")
    if line:
        print(f"\n{n} pages + 10 unsupported + 5 broken, 'corpus-search ingest FOLDER':\n{line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
