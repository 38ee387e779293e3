"""docs/cli.md is every command's --help: it fails when they differ (regenerate with
``python -m tools.docs update``), and every command is described on a page of its own."""

from __future__ import annotations

import difflib

import pytest

from tools.docs import CLI_PAGE, DOCS, cli_reference, command_paths


def test_cli_reference_matches_the_commands_help() -> None:
    expected = cli_reference()
    current = CLI_PAGE.read_text("utf-8")
    diff = "\n".join(
        difflib.unified_diff(current.splitlines(), expected.splitlines(), "docs/cli.md", "--help")
    )
    assert current == expected, (
        f"docs/cli.md is out of date; run: python -m tools.docs update\n{diff}"
    )


def test_reference_covers_every_command_and_subcommand() -> None:
    text = CLI_PAGE.read_text("utf-8")
    for path in command_paths():
        assert f"\n## {' '.join(['corpus-search', *path])}\n" in text


PAGES = "\n".join(p.read_text("utf-8") for p in DOCS.glob("*.md") if p != CLI_PAGE)


@pytest.mark.parametrize("name", sorted({p[0] for p in command_paths() if p}))
def test_every_command_is_described_beyond_its_help(name: str) -> None:
    assert f"corpus-search {name}" in PAGES, f"no page of docs/ describes corpus-search {name}"


def test_the_check_fails_when_the_page_differs(tmp_path, monkeypatch) -> None:
    import tools.docs as docs

    stale = tmp_path / "cli.md"
    stale.write_text(cli_reference().replace("Show this message and exit.", "Show help."))
    monkeypatch.setattr(docs, "CLI_PAGE", stale)
    assert docs.main(["cli", "--check"]) == 1
    assert docs.main(["cli"]) == 0  # rewrites it
    assert stale.read_text("utf-8") == cli_reference()
    assert docs.main(["cli", "--check"]) == 0
