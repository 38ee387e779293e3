"""Every figure in the accuracy and performance pages names the bench/ command and the
date of the run that produced it: each table of numbers and each output block must
follow, in its section, a line ``*Source: `python bench/X.py ...`, run on YYYY-MM-DD.*``
naming a script that exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tools.docs import DOCS, ROOT

SOURCE = re.compile(r"^\*Source: `python (bench/[\w./-]+\.py)[^`]*`, run on (\d{4}-\d\d-\d\d)\.\*$")


def figures(page: Path) -> list[tuple[int, str | None]]:
    """(line, the source line that covers it or None) for every figure of ``page``."""
    out: list[tuple[int, str | None]] = []
    source: str | None = None
    in_fence, fence_lang, table = False, "", False
    for number, line in enumerate(page.read_text("utf-8").split("\n"), 1):
        if line.startswith("```"):
            if not in_fence:
                in_fence, fence_lang = True, line[3:].strip()
                if fence_lang in ("", "text"):
                    out.append((number, source))
            else:
                in_fence = False
            continue
        if in_fence:
            continue
        if line.startswith("#"):
            source = None  # a source covers its own section only
        if SOURCE.match(line.strip()):
            source = line.strip()
        starts_table = line.startswith("|") and not table
        table = line.startswith("|")
        if starts_table:
            out.append((number, source))
    return out


@pytest.mark.parametrize("name", ["accuracy.md", "performance.md"])
def test_every_figure_names_its_command_and_date(name: str) -> None:
    page = DOCS / name
    found = figures(page)
    assert len(found) >= 3
    missing = [n for n, source in found if source is None]
    assert not missing, f"docs/{name}: figures without a *Source:* line at lines {missing}"
    for _, source in found:
        match = SOURCE.match(source or "")
        assert match and (ROOT / match.group(1)).is_file(), f"{source}: no such bench script"


def test_a_figure_without_a_source_is_caught(tmp_path: Path) -> None:
    page = tmp_path / "p.md"
    page.write_text(
        "# T\n\n*Source: `python bench/run.py`, run on 2026-11-26.*\n\n| a |\n|---|\n| 1 |\n"
        "\n## U\n\n| b |\n|---|\n| 2 |\n"
    )
    assert [s is None for _, s in figures(page)] == [False, True]
