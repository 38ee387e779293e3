"""tools/evalcache.py: which labelled rows have their text in a cache folder, and which lack it."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from tools import evalcache


def label_file(folder: Path, texts: dict[str, bytes]) -> Path:
    rows = []
    for url, text in texts.items():
        name = hashlib.sha256(url.encode()).hexdigest()[:16] + ".txt"
        rows.append({"url": url, "file": name, "sha256": hashlib.sha256(text).hexdigest()})
    rows.append({"url": "x", "file": "in-shared.html", "sha256": "0" * 64, "source": "shared"})
    path = folder / "real_labels_freshX.json"
    path.write_text(json.dumps({"about": "test", "documents": rows}), "utf-8")
    return path


def test_missing_lists_absent_and_other_captures_not_present_or_shared_rows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    texts = {
        "https://a.example/1": b"one\n",
        "https://a.example/2": b"two\n",
        "https://a/3": b"3\n",
    }
    labels = label_file(tmp_path, texts)
    cache = tmp_path / "cache" / "enrichment"
    cache.mkdir(parents=True)
    rows = {row["url"]: row for row in evalcache.rows_of(labels)}
    assert len(rows) == 3  # the ../shared row is not the cache's
    (cache / rows["https://a.example/1"]["file"]).write_bytes(b"one\n")  # as labelled
    (cache / rows["https://a.example/2"]["file"]).write_bytes(b"two, recaptured\n")

    assert evalcache.main(["--cache", str(tmp_path / "cache"), "missing", str(labels)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert sorted(line.split("\t")[0] + " " + line.split("\t")[3] for line in lines) == [
        "missing https://a/3",
        "other https://a.example/2",
    ]

    (cache / rows["https://a.example/2"]["file"]).write_bytes(b"two\n")
    (cache / rows["https://a/3"]["file"]).write_bytes(b"3\n")
    assert evalcache.main(["--cache", str(tmp_path / "cache"), "missing", str(labels)]) == 0


def test_status_counts_every_label_file_of_the_repository(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert evalcache.main(["--cache", str(tmp_path), "status"]) == 0
    out = capsys.readouterr().out
    assert "| nonarticles.json |" in out and "| text_articles.json |" in out
    assert "| real_labels_fresh33.json |" in out
    # an empty cache: every counted row is missing
    for line in out.splitlines()[2:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        assert cells[3] == "0" and cells[5] == cells[2], line
