"""Keep the documentation true: the CLI reference and the shell examples.

    python -m tools.docs update          regenerate docs/cli.md and every example's output
    python -m tools.docs check           exit 1, listing the differences, when either drifted
    python -m tools.docs cli [--check]   only the CLI reference
    python -m tools.docs examples [--check] [PAGE...]   only the examples (README.md, docs/*.md)

**The CLI reference** (``docs/cli.md``) is the ``--help`` of every command and
subcommand, as click prints it 80 columns wide.

**The examples.** Every fenced block in ``README.md`` and ``docs/*.md`` whose language is
``console``, ``sh``, ``shell`` or ``bash`` is an example:

- a ``console`` block holds commands (lines starting ``$ ``) each followed by its output.
  The commands run in a folder whose ``./index`` is the demo corpus (a fresh copy per
  page, so commands that change the corpus see the page's earlier ones) and what they
  print (stdout and stderr, as a terminal shows them) is compared with the page. A
  last output line ``...`` means the page shows only the lines above it.
- a block preceded by ``<!-- docs-test: skip REASON -->`` is not run (crawling the
  internet, files the reader has and we do not); an ``sh``/``shell``/``bash`` block
  must carry that marker or ``<!-- docs-test: run -->`` (run, each command must exit 0,
  output not shown). An unmarked shell block is an error, so no example is forgotten.

Volatile parts are masked on both sides before comparing: durations, timestamps, the
loopback port, a crawl run's archive name, the date the demo corpus was fetched and the
temporary folder's path.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
CLI_PAGE = DOCS / "cli.md"
SHELL_LANGUAGES = {"console", "sh", "shell", "bash"}
MARKER = re.compile(r"^<!--\s*docs-test:\s*(skip|run)\b\s*(.*?)\s*-->\s*$")
FENCE = re.compile(r"^```([\w-]*)\s*$")
DEMO_COMMAND = "corpus-search demo"
TIMEOUT = 300

# ---------------------------------------------------------------------------------------
# The CLI reference


CLI_HEADER = """\
# Command reference

Every command's `--help`, as `corpus-search COMMAND --help` prints it. This page is
generated: `python -m tools.docs update` rewrites it, and a test fails when it differs
from the commands' help (see [Development](development.md)).

Global options come before the command name: `corpus-search [--index DIR] COMMAND ...`.
Exit codes follow grep: 0 found, 1 nothing found, 2 an error.
"""


def _help(args: list[str]) -> str:
    from click.testing import CliRunner

    from corpus_search.cli import cli

    result = CliRunner().invoke(
        cli, [*args, "--help"], prog_name="corpus-search", terminal_width=80
    )
    if result.exit_code != 0:
        raise RuntimeError(f"corpus-search {' '.join(args)} --help failed: {result.output}")
    return result.output.rstrip() + "\n"


def command_paths() -> list[list[str]]:
    """Every command and subcommand, as argument lists (``[]`` is the top level)."""
    import click

    from corpus_search.cli import cli

    paths: list[list[str]] = [[]]
    ctx = click.Context(cli, info_name="corpus-search")
    for name in cli.list_commands(ctx):
        command = cli.get_command(ctx, name)
        paths.append([name])
        if isinstance(command, click.Group):
            sub_ctx = click.Context(command, info_name=name, parent=ctx)
            paths.extend([name, sub] for sub in command.list_commands(sub_ctx))
    return paths


def cli_reference() -> str:
    parts = [CLI_HEADER]
    for path in command_paths():
        title = " ".join(["corpus-search", *path])
        parts.append(f"\n## {title}\n\n```text\n{_help(path)}```\n")
    return "".join(parts)


# ---------------------------------------------------------------------------------------
# The examples


@dataclass
class Command:
    text: str  # the command, continuation lines joined
    source: list[str]  # the lines as the page writes them (with "$ ")
    expected: list[str]  # the output lines the page shows


@dataclass
class Block:
    page: Path
    line: int  # 1-based line of the opening fence
    language: str
    marker: str | None  # "skip", "run" or None
    reason: str
    start: int  # index of the first line inside the fence
    end: int  # index of the closing fence
    commands: list[Command] = field(default_factory=list)

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def pages() -> list[Path]:
    return [ROOT / "README.md", *sorted(p for p in DOCS.glob("*.md") if p != CLI_PAGE)]


def _commands(lines: list[str], console: bool) -> list[Command]:
    commands: list[Command] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if console and not line.startswith("$ "):
            if commands:
                commands[-1].expected.append(line)
            i += 1
            continue
        if not console and (not line.strip() or line.lstrip().startswith("#")):
            i += 1
            continue
        source = [line]
        text = line[2:] if console else line
        while text.endswith("\\") and i + 1 < len(lines):
            i += 1
            source.append(lines[i])
            text = text + "\n" + lines[i]
        commands.append(Command(text=text.strip(), source=source, expected=[]))
        i += 1
    return commands


def blocks(page: Path) -> list[Block]:
    lines = page.read_text("utf-8").split("\n")
    found: list[Block] = []
    i = 0
    while i < len(lines):
        fence = FENCE.match(lines[i])
        if not fence:
            i += 1
            continue
        end = next((j for j in range(i + 1, len(lines)) if lines[j].startswith("```")), None)
        if end is None:
            raise ValueError(f"{page}:{i + 1}: unclosed code fence")
        language = fence.group(1)
        if language in SHELL_LANGUAGES:
            previous = next((lines[j] for j in range(i - 1, -1, -1) if lines[j].strip()), "")
            mark = MARKER.match(previous.strip())
            block = Block(
                page=page,
                line=i + 1,
                language=language,
                marker=mark.group(1) if mark else None,
                reason=mark.group(2) if mark else "",
                start=i + 1,
                end=end,
            )
            block.commands = _commands(lines[i + 1 : end], console=language == "console")
            found.append(block)
        i = end + 1
    return found


def problems_in_markup(page: Path) -> list[str]:
    """Blocks that are neither runnable nor explicitly marked."""
    out = []
    for block in blocks(page):
        if block.marker == "skip" and not block.reason:
            out.append(f"{block.where}: a skipped example must say why (docs-test: skip REASON)")
        elif block.language != "console" and block.marker is None:
            out.append(
                f"{block.where}: a {block.language} block needs <!-- docs-test: skip REASON --> "
                "or <!-- docs-test: run --> above it (or make it a console block with output)"
            )
        elif block.language == "console" and block.marker != "skip" and not block.commands:
            out.append(f"{block.where}: a console block without a '$ ' command")
    return out


def environment() -> dict[str, str]:
    # (the cache of the built gazetteer is kept: a test run's own, see tests/conftest.py)
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("CORPUS_SEARCH_") or k == "CORPUS_SEARCH_CACHE"
    }
    env.update(PYTHONUNBUFFERED="1", TZ="UTC", NO_COLOR="1", LC_ALL="C.UTF-8")
    env.pop("COLUMNS", None)
    env.pop("LINES", None)
    bindir = str(Path(sys.executable).parent)
    env["PATH"] = bindir + os.pathsep + env.get("PATH", "")
    return env


def run(command: str, cwd: Path) -> tuple[int, str]:
    """Run ``command`` with bash in ``cwd``: its exit status and what it printed."""
    done = subprocess.run(
        ["bash", "-c", command],
        cwd=cwd,
        env=environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        timeout=TIMEOUT,
        check=False,
    )
    text = done.stdout.decode("utf-8", "replace")
    return done.returncode, text.replace(str(cwd) + "/", "").replace(str(cwd), ".")


@dataclass
class Demo:
    """The demo corpus, built once by ``corpus-search demo`` in a folder of its own."""

    folder: Path
    output: str

    @classmethod
    def build(cls, folder: Path) -> Demo:
        folder.mkdir(parents=True, exist_ok=True)
        _, output = run(DEMO_COMMAND, folder)
        if not (folder / "index").is_dir():
            raise RuntimeError(f"corpus-search demo built no corpus:\n{output}")
        return cls(folder, output)

    def workspace(self, folder: Path) -> Path:
        """A fresh copy of the demo corpus as ``folder/index``."""
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        shutil.copytree(self.folder / "index", folder / "index")
        return folder


_MASKS = [
    (re.compile(r"\b\d+(?:\.\d+)? (s|ms)\b"), r"N \1"),
    (re.compile(r"\b\d+ process(es)?\b"), "N processes"),  # the machine's cores
    (re.compile(r"\b\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?"), "TIMESTAMP"),
    (re.compile(r"127\.0\.0\.1:\d+"), "127.0.0.1:PORT"),
    (re.compile(r"crawl-\d{8}T\d{6}-\d+\."), "crawl-RUN."),  # a crawl's archive: time, pid
    (re.compile(r"(urldate = \{)[^}]*\}"), r"\1DATE}"),
    (re.compile(r"(\"fetched_at\": )\"[^\"]*\""), r'\1"DATE"'),
    (re.compile(r"(Y2  - )\S+"), r"\1DATE"),
]


def mask(text: str) -> str:
    for pattern, replacement in _MASKS:
        text = pattern.sub(replacement, text)
    return text


def normalise(lines: list[str]) -> list[str]:
    out = [mask(line).rstrip() for line in lines]
    while out and not out[-1]:
        out.pop()
    return out


def compare(expected: list[str], actual_text: str) -> str | None:
    """None when the output matches what the page shows, else a unified diff."""
    want = normalise(expected)
    got = normalise(actual_text.split("\n"))
    if want and want[-1] == "...":
        want = want[:-1]
        got = got[: len(want)]
    if want == got:
        return None
    return "\n".join(difflib.unified_diff(want, got, "page", "actual", lineterm=""))


def shown(expected: list[str], actual_text: str) -> list[str]:
    """The output to write into the page (keeping its ``...`` abridgement)."""
    got = actual_text.rstrip("\n").split("\n") if actual_text.strip() else []
    got = [line.rstrip() for line in got]
    first = re.fullmatch(r"\.\.\. (\d+)", expected[0].strip()) if len(expected) == 1 else None
    if first:  # an author's shorthand: show the first N lines
        expected = [""] * int(first.group(1)) + ["..."]
    if expected and expected[-1].strip() == "...":
        keep = len(expected) - 1
        if len(got) > keep:
            return [*got[:keep], "..."]
    return got


@dataclass
class Outcome:
    block: Block
    command: Command
    actual: str
    diff: str | None


def run_page(page: Path, demo: Demo, workspace: Path) -> Iterator[Outcome]:
    """Run every runnable example of ``page`` in order, in a fresh copy of the demo corpus."""
    folder = demo.workspace(workspace)
    for block in blocks(page):
        if block.marker == "skip":
            continue
        for command in block.commands:
            if command.text == DEMO_COMMAND:
                status, actual = 0, demo.output
            else:
                status, actual = run(command.text, folder)
            if block.language == "console":
                yield Outcome(block, command, actual, compare(command.expected, actual))
            else:
                diff = None if status == 0 else f"exit {status}: {actual}"
                yield Outcome(block, command, actual, diff)


def update_page(page: Path, outcomes: list[Outcome]) -> bool:
    lines = page.read_text("utf-8").split("\n")
    changed = False
    by_block: dict[int, list[Outcome]] = {}
    for outcome in outcomes:
        if outcome.block.language == "console":
            by_block.setdefault(outcome.block.start, []).append(outcome)
    for start in sorted(by_block, reverse=True):
        items = by_block[start]
        block = items[0].block
        body: list[str] = []
        for item in items:
            body += item.command.source
            if item.diff is None:  # the same but for masked parts: keep the page as it is
                body += item.command.expected
            else:
                body += shown(item.command.expected, item.actual)
        if lines[block.start : block.end] != body:
            lines[block.start : block.end] = body
            changed = True
    if changed:
        page.write_text("\n".join(lines), "utf-8")
    return changed


# ---------------------------------------------------------------------------------------
# The command line


def _cli(check: bool) -> int:
    text = cli_reference()
    current = CLI_PAGE.read_text("utf-8") if CLI_PAGE.exists() else ""
    if current == text:
        return 0
    if check:
        diff = difflib.unified_diff(
            current.splitlines(), text.splitlines(), "docs/cli.md", "--help", lineterm=""
        )
        print("\n".join(diff))
        print("docs/cli.md differs from the commands' --help: run python -m tools.docs update")
        return 1
    CLI_PAGE.write_text(text, "utf-8")
    print("rewrote docs/cli.md")
    return 0


def _examples(check: bool, selected: list[str]) -> int:
    chosen = [p for p in pages() if not selected or p.name in selected or str(p) in selected]
    failures = 0
    for page in chosen:
        for problem in problems_in_markup(page):
            print(problem)
            failures += 1
    with tempfile.TemporaryDirectory(prefix="corpus-search-docs-") as tmp:
        demo = Demo.build(Path(tmp) / "demo")
        for page in chosen:
            outcomes = list(run_page(page, demo, Path(tmp) / "page"))
            bad = [o for o in outcomes if o.diff]
            if check:
                for o in bad:
                    print(f"{o.block.where}: $ {o.command.text}\n{o.diff}\n")
                failures += len(bad)
            else:
                runs = [o for o in bad if o.block.language != "console"]
                for o in runs:
                    print(f"{o.block.where}: $ {o.command.text} failed: {o.diff}")
                failures += len(runs)
                if update_page(page, outcomes):
                    print(f"rewrote the examples' output in {page.relative_to(ROOT)}")
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.docs", description=__doc__.split("\n")[0]
    )
    parser.add_argument("what", choices=["update", "check", "cli", "examples"])
    parser.add_argument("pages", nargs="*", help="only these pages (examples)")
    parser.add_argument("--check", action="store_true", help="compare, change nothing")
    args = parser.parse_intermixed_args(argv)
    check = args.check or args.what == "check"
    code = 0
    if args.what in ("update", "check", "cli"):
        code |= _cli(check)
    if args.what in ("update", "check", "examples"):
        code |= _examples(check, args.pages)
    return code


if __name__ == "__main__":
    sys.exit(main())
