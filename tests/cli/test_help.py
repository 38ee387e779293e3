"""Every command has help text and is documented in the README."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from corpus_search.cli import cli
from corpus_search.cli.app import COMMANDS

ROOT = Path(__file__).resolve().parents[2]
# the README and the docs pages (docs/_incoming/ holds pages not yet merged into docs/)
README = "\n".join(
    p.read_text("utf-8") for p in [ROOT / "README.md", *sorted(ROOT.glob("docs/**/*.md"))]
)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_has_help_and_docs(name: str) -> None:
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    command = cli.get_command(None, name)  # type: ignore[arg-type]
    assert command is not None and (command.help or "").strip(), f"{name} has no help text"
    assert f"corpus-search {name}" in README, f"{name} is not documented in README.md"


def test_bare_command_prints_help_and_exits_2() -> None:
    result = CliRunner().invoke(cli, [])
    assert result.exit_code == 2 and "Commands:" in result.stderr
