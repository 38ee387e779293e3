"""What the evaluation cache holds, and what it lacks.

    python -m tools.evalcache status              one line per label file: present / missing
    python -m tools.evalcache missing FILE...     the rows of those label files whose text is
                                                  absent or another capture (file, sha256, url)
    python -m tools.evalcache missing FILE --split fresh3    only the rows of one split

Most real-page label files under ``tests/data`` label texts the project may not hold: the
opening of a page as the search tool's stored ``pages`` corpus keeps it, third-party text
that is never committed. Each row names its file (the first 16 hex digits of sha256 of the
address, plus ``.txt``) and the sha256 of the text as labelled; the texts live outside the
repository, in ``/work/evalcache/<folder>`` (``--cache`` moves it). A machine without that
folder scores none of those rows: the bench names each split it skips, the tests skip with
the reason. To rebuild the cache, run each split's recorded searches again (the label
file's ``about`` text lists them, in order) and save each labelled page's excerpt exactly,
plus one final newline; ``missing`` then lists what is still absent, and a text whose sha256
differs is another capture of the page, left out rather than labelled again.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = Path("/work/evalcache")
# label files -> the cache folder their texts live in
FOLDERS = {
    "enrichment": sorted((ROOT / "tests" / "data" / "enrichment").glob("real_labels_fresh*.json")),
    "nonarticles": [ROOT / "tests" / "data" / "articles" / "nonarticles.json"],
    "articles": [ROOT / "tests" / "data" / "articles" / "text_articles.json"],
}


def rows_of(label_file: Path) -> list[dict[str, str]]:
    """The rows of a label file whose text is kept in the cache (not ../shared's pages)."""
    data = json.loads(label_file.read_text("utf-8"))
    rows = data.get("documents") or data.get("pages") or []
    # ("shared" rows are pages of ../shared/data, read from there)
    return [r for r in rows if r.get("file") and r.get("sha256") and r.get("source") != "shared"]


def folder_of(label_file: Path) -> str:
    for folder, files in FOLDERS.items():
        if label_file.resolve() in [f.resolve() for f in files]:
            return folder
    return "enrichment"


def state(row: dict[str, str], folder: Path) -> str:
    """The row's text in ``folder``: present (as labelled), other (another text), missing."""
    path = folder / row["file"]
    if not path.exists():
        return "missing"
    same = hashlib.sha256(path.read_bytes()).hexdigest() == row["sha256"]
    return "present" if same else "other"


def status(cache: Path) -> int:
    print("| label file | cache folder | rows | present | another capture | missing |")
    print("|---|---|---:|---:|---:|---:|")
    for folder, files in FOLDERS.items():
        for label_file in files:
            rows = rows_of(label_file)
            counts = Counter(state(row, cache / folder) for row in rows)
            print(
                f"| {label_file.name} | {cache / folder} | {len(rows)} | {counts['present']} "
                f"| {counts['other']} | {counts['missing']} |"
            )
    return 0


def missing(files: list[Path], cache: Path, split: str | None) -> int:
    absent = 0
    for label_file in files:
        folder = cache / folder_of(label_file)
        for row in rows_of(label_file):
            if split and row.get("split") != split:
                continue
            found = state(row, folder)
            if found != "present":
                absent += 1
                print(f"{found}\t{row['file']}\t{row['sha256']}\t{row.get('url', '')}")
    print(f"{absent} rows lack their text", file=sys.stderr)
    return 1 if absent else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, default=CACHE)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("status")
    listing = commands.add_parser("missing")
    listing.add_argument("files", nargs="+", type=Path)
    listing.add_argument("--split")
    args = parser.parse_args(argv)
    if args.command == "status":
        return status(args.cache)
    return missing(args.files, args.cache, args.split)


if __name__ == "__main__":
    raise SystemExit(main())
