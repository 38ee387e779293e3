"""JSON, JSONL and CSV writers. Each takes plain dicts and a text stream."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any


def write_json(data: Any, out: IO[str]) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str]) -> None:
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False))
        out.write("\n")


def write_csv(rows: Iterable[dict[str, Any]], columns: list[str], out: IO[str]) -> None:
    """Lists become "; "-joined cells; dicts inside lists contribute their name or id."""
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return str(value.get("name") or value.get("id") or value.get("value") or "")
    return str(value)
