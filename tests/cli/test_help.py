"""Every command has help text and is documented on a page of docs/ (besides the
generated reference, docs/cli.md)."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from corpus_search.cli import cli
from corpus_search.cli.app import COMMANDS

DOCS = Path(__file__).resolve().parents[2] / "docs"
PAGES = "\n".join(p.read_text("utf-8") for p in DOCS.glob("*.md") if p.name != "cli.md")


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_has_help_and_docs(name: str) -> None:
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    command = cli.get_command(None, name)  # type: ignore[arg-type]
    assert command is not None and (command.help or "").strip(), f"{name} has no help text"
    assert f"corpus-search {name}" in PAGES, f"{name} is not documented in docs/"


def test_bare_command_prints_help_and_exits_2() -> None:
    result = CliRunner().invoke(cli, [])
    assert result.exit_code == 2 and "Commands:" in result.stderr
