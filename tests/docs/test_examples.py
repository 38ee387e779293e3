"""Every shell example in README.md and docs/ runs, as real subprocesses of the CLI, on a
demo corpus built once per session by ``corpus-search demo`` in a temporary folder, and
prints what the page shows (durations, timestamps, ports and paths masked). Examples not
meant to run are marked on the page and skipped here by name."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.docs import ROOT, Block, Demo, blocks, compare, mask, pages, problems_in_markup, run_page

PAGES = pages()
SKIPPED = [b for page in PAGES for b in blocks(page) if b.marker == "skip"]


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    return Demo.build(tmp_path_factory.mktemp("docs-demo"))


def test_every_shell_block_is_runnable_or_marked() -> None:
    problems = [p for page in PAGES for p in problems_in_markup(page)]
    assert not problems, "\n".join(problems)


def test_the_pages_have_examples_that_run() -> None:
    runnable = [b for page in PAGES for b in blocks(page) if b.marker != "skip"]
    assert len([b for b in runnable if b.language == "console"]) >= 15


@pytest.mark.parametrize("page", PAGES, ids=[str(p.relative_to(ROOT)) for p in PAGES])
def test_examples_print_what_the_page_shows(page: Path, demo: Demo, tmp_path: Path) -> None:
    if not any(b.marker != "skip" and b.commands for b in blocks(page)):
        pytest.skip(f"{page.name} has no example to run")
    failures = [
        f"{o.block.where}: $ {o.command.text}\n{o.diff}"
        for o in run_page(page, demo, tmp_path / "work")
        if o.diff
    ]
    assert not failures, (
        "examples differ from the page (regenerate with python -m tools.docs update):\n\n"
        + "\n\n".join(failures)
    )


@pytest.mark.parametrize("block", SKIPPED, ids=[b.where for b in SKIPPED])
def test_examples_marked_not_to_run(block: Block) -> None:
    pytest.skip(f"{block.where} not run: {block.reason}")


def test_a_wrong_output_is_caught() -> None:
    assert compare(["3 documents"], "4 documents\n") is not None
    assert compare(["first", "..."], "first\nsecond\n") is None
    assert compare(["first", "second", "..."], "first\n") is not None


def test_volatile_parts_are_masked_and_nothing_else() -> None:
    line = "found 48 in 2.7 s at http://127.0.0.1:8642/ since 2026-11-26T05:43:14+00:00"
    assert mask(line) == "found 48 in N s at http://127.0.0.1:PORT/ since TIMESTAMP"
    assert mask("2024-01-18 Meridian 39") == "2024-01-18 Meridian 39"
    assert mask("crawl-20261203T075354-16302.warc.gz") == "crawl-RUN.warc.gz"
    # the summary's worker count is the machine's core count
    assert mask("failed 0 in 3.1 s, 2 processes") == mask("failed 0 in 4.0 s, 8 processes")
    assert mask("1 process") == "N processes"


def test_update_rewrites_what_differs_and_keeps_what_only_masking_changes(
    demo: Demo, tmp_path: Path
) -> None:
    from tools.docs import update_page

    page = tmp_path / "page.md"
    page.write_text(
        "# A page\n\n```console\n"
        "$ corpus-search stats --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[\"documents\"])'\n"
        "47\n"
        "$ echo 'done in 9.9 s'\n"
        "done in 1.0 s\n"
        "```\n",
        "utf-8",
    )
    outcomes = list(run_page(page, demo, tmp_path / "work"))
    assert [o.diff is None for o in outcomes] == [False, True]
    assert update_page(page, outcomes)
    text = page.read_text("utf-8")
    assert "\n48\n" in text and "done in 1.0 s" in text  # the masked line is left alone
    assert all(o.diff is None for o in run_page(page, demo, tmp_path / "work"))
