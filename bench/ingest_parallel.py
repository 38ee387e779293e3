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

The cache a user's second run finds (the built gazetteer and the unpacked language model,
``corpus_search.cache``) is filled first, in a process of its own; with
``CORPUS_SEARCH_CACHE=off`` every process builds both, as a first run does.

Both ingests use ``keep_all`` (``--all``) so that every page is extracted, tagged and
indexed, as trafilatura extracts every page. Figures are wall-clock seconds and pages per
second; the machine's other load is not controlled: say so when quoting them. Beside each,
the CPU seconds of every process the run used (this one, its workers, their forkserver),
which other load moves less than the wall clock.
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
import threading
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


class CpuMeter:
    """CPU seconds (user + system) spent by this process and by every process under it
    (workers, a forkserver and its children) while it runs: on a machine others load, a
    figure that moves less than the wall clock. Linux (``/proc``) only; elsewhere
    ``seconds`` is None. Each descendant is read every quarter second, so one that exits
    between two readings loses at most its last quarter second."""

    def __init__(self) -> None:
        self._seen: dict[int, float] = {}
        self._before: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)
        self.seconds: float | None = None
        self.parent_seconds: float | None = None  # this process's own share

    def __enter__(self) -> CpuMeter:
        if not Path("/proc/self/stat").exists():
            return self
        self._before = self._read()
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        if not self._thread.is_alive():
            return
        self._stop.set()
        self._thread.join()
        self._note(self._read())
        self.seconds = sum(cpu - self._before.get(pid, 0.0) for pid, cpu in self._seen.items())
        me = os.getpid()
        self.parent_seconds = self._seen.get(me, 0.0) - self._before.get(me, 0.0)

    def _watch(self) -> None:
        while not self._stop.wait(0.25):
            self._note(self._read())

    def _note(self, readings: dict[int, float]) -> None:
        for pid, cpu in readings.items():
            self._seen[pid] = max(cpu, self._seen.get(pid, 0.0))

    @staticmethod
    def _read() -> dict[int, float]:
        """{pid: CPU seconds} of this process and its descendants."""
        tick = os.sysconf("SC_CLK_TCK")
        parents, cpu = {}, {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
            cpu[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
        me, mine = os.getpid(), {}
        for pid in cpu:
            ancestor = pid
            while ancestor not in (me, 0, 1) and ancestor in parents:
                ancestor = parents[ancestor]
            if ancestor == me:
                mine[pid] = cpu[pid]
        return mine


def timed_ingest(folder: Path, index: Path, jobs: int) -> dict[str, Any]:
    from corpus_search import Corpus

    corpus = Corpus.open(index, create=True)
    with CpuMeter() as meter:
        started = time.perf_counter()
        report = corpus.ingest([folder], jobs=jobs, keep_all=True)
        seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "cpu_seconds": meter.seconds,
        "parent_cpu_seconds": meter.parent_seconds,
        "jobs": report.jobs,
        "counts": report.counts(),
    }


def timed_trafilatura(pages: list[Path]) -> dict[str, Any]:
    import trafilatura

    texts = [gzip.decompress(p.read_bytes()).decode("utf-8", "replace") for p in pages]
    with CpuMeter() as meter:
        started = time.perf_counter()
        extracted = sum(1 for html in texts if trafilatura.extract(html))
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "cpu_seconds": meter.seconds, "extracted": extracted}


def _spin(rounds: int = 4_000_000) -> float:
    """Seconds this process takes for a fixed loop of Python arithmetic."""
    started = time.perf_counter()
    total = 0
    for number in range(rounds):
        total += number * number % 7
    return time.perf_counter() - started


def _spin_into(queue: Any) -> None:
    queue.put(_spin())


def machine_scaling(cores: int) -> float:
    """What ``cores`` processes of pure Python arithmetic get from this machine against
    one, at this moment: ``cores`` when every core is a core of its own and idle. Virtual
    cores that share a physical one, or other load, give less; ingest on every core
    cannot beat this ceiling."""
    import multiprocessing

    alone = min(_spin() for _ in range(2))
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    workers = [context.Process(target=_spin_into, args=(queue,)) for _ in range(cores)]
    for worker in workers:
        worker.start()
    together = [queue.get() for _ in workers]
    for worker in workers:
        worker.join()
    return cores * alone / max(together)


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


def warm_cache() -> str | None:
    """Fill the cache a user's second run finds (the built gazetteer, the unpacked
    language model: ``corpus_search.cache``) in a process of its own, so that neither
    ingest pays for building it and this process has loaded neither; the folder, or None
    when caching is off."""
    from corpus_search import cache

    code = (
        "from corpus_search.enrich import Enricher; Enricher.load()\n"
        "from corpus_search.extract.language import _identifier; _identifier()"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
    where = cache.folder()
    return None if where is None else str(where)


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
        cache = warm_cache()
        ceiling = machine_scaling(cores)
        one = timed_ingest(folder, work / "ix1", 1)
        many = timed_ingest(folder, work / f"ix{cores}", cores)
        alone = timed_trafilatura(pages)
        ceiling = min(ceiling, machine_scaling(cores))
        line = summary_line(pages, work) if args.summary_line else None
    n = len(pages)
    rows = [
        ("ingest --jobs 1 (extract, judge, tag, index)", one),
        (f"ingest --jobs {cores} (every core)", many),
        ("trafilatura.extract alone (1 process)", alone),
    ]
    figures = {
        "pages": n,
        "cores": cores,
        "load_average": os.getloadavg(),
        "ingest_jobs_1": one,
        "ingest_all_cores": many,
        "trafilatura_alone": alone,
        "speedup": one["seconds"] / many["seconds"],
        "machine_scaling": ceiling,
        "end_to_end_vs_trafilatura": alone["seconds"] / many["seconds"],
        "summary_line": line,
        "cache": cache,
    }
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"{n} real pages, {cores} cores, load average {os.getloadavg()[0]:.1f}\n")
    print("| run | seconds | pages/s | CPU seconds (every process) |")
    print("|---|---:|---:|---:|")
    for label, run in rows:
        cpu = "n/a" if run["cpu_seconds"] is None else f"{run['cpu_seconds']:.1f}"
        print(f"| {label} | {run['seconds']:.1f} | {n / run['seconds']:.1f} | {cpu} |")
    print(f"\nall cores vs one process: {figures['speedup']:.2f}x")
    print(
        f"the machine's own ceiling ({cores} processes of pure Python arithmetic vs one, "
        f"the lower of before and after): {ceiling:.2f}x"
    )
    print(
        f"end to end (all cores) vs trafilatura alone: {figures['end_to_end_vs_trafilatura']:.2f}x"
    )
    print(f"cache: {cache or 'off'} (filled before the runs, as a user's second run finds it)")
    print(f"counts (jobs 1): {one['counts']}")
    print(f"counts (all cores): {many['counts']}")
    if line:
        print(f"\n{n} pages + 10 unsupported + 5 broken, 'corpus-search ingest FOLDER':\n{line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
