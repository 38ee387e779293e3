"""Every figure in the accuracy and performance pages names the bench/ command and the
date of the run that produced it: each table and each output block must follow, in its
section, a line ``*Source: `python bench/X.py ...`, run on YYYY-MM-DD.*`` naming a
script that exists, and a section whose prose quotes a measured number (a decimal such
as 3.09x or 0.928) must hold such a line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tools.docs import DOCS, ROOT

SOURCE = re.compile(
    r"^\*Source: `python (bench/[\w./-]+\.py)[^`]*`[^*]*?\brun on (\d{4}-\d\d-\d\d)\b[^*]*\*$"
)


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


DECIMAL = re.compile(r"(?<![\w.])\d+\.\d+(?![\w.]*\.(?:py|json|md))")


def sections_quoting_figures_without_source(page: Path) -> list[str]:
    """Headings of the sections whose prose has a measured number but no *Source:* line."""
    bad: list[str] = []
    heading, has_figure, has_source, in_fence = "", False, False, False
    for line in [*page.read_text("utf-8").split("\n"), "# end"]:
        if line.startswith("```"):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if line.startswith("#"):
            if has_figure and not has_source:
                bad.append(heading)
            heading, has_figure, has_source = line, False, False
            continue
        if SOURCE.match(line.strip()):
            has_source = True
        elif not line.startswith("|") and DECIMAL.search(line.replace("`", " ")):
            has_figure = True
    return bad


@pytest.mark.parametrize("name", ["accuracy.md", "performance.md"])
def test_every_section_quoting_figures_names_its_source(name: str) -> None:
    bad = sections_quoting_figures_without_source(DOCS / name)
    assert not bad, f"docs/{name}: sections quoting figures without a *Source:* line: {bad}"


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
    page.write_text("# T\n\nIngest is 3.09x the loop.\n\n## U\n\nVersion 2.7.5 of whoosh.py\n")
    assert sections_quoting_figures_without_source(page) == ["# T", "## U"]
