"""Two writers, killed writers, and a corpus that cannot be written."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from corpus_search import Corpus, Document

HOLD = """
import sys, time
from whoosh import index
ix = index.open_dir(sys.argv[1], indexname="corpus")
writer = ix.writer()
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
writer.cancel()
"""


def corpus_with(tmp_path: Path, count: int = 5) -> Path:
    index = tmp_path / "ix"
    Corpus.open(index, create=True).add(
        [
            Document.from_dict(
                {"id": f"d{i}", "body": f"Trade talks number {i}.", "actors": [], "themes": []}
            )
            for i in range(count)
        ]
    )
    return index


def hold_lock(index: Path, seconds: float) -> subprocess.Popen:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(index), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    return holder


def release(holder: subprocess.Popen, kill: bool = True) -> None:
    if kill:
        holder.kill()
    holder.wait()
    if holder.stdout:
        holder.stdout.close()


def cli(*args: str, timeout: str = "1") -> subprocess.CompletedProcess:
    env = {**os.environ, "CORPUS_SEARCH_LOCK_TIMEOUT": timeout}
    return subprocess.run(
        [sys.executable, "-m", "corpus_search", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def feed(tmp_path: Path) -> Path:
    path = tmp_path / "more.jsonl"
    path.write_text(
        json.dumps({"id": "new", "body": "Fresh trade talks.", "actors": [], "themes": []}) + "\n"
    )
    return path


def test_second_writer_waits_then_fails_clearly_while_readers_go_on(tmp_path: Path) -> None:
    index = corpus_with(tmp_path)
    holder = hold_lock(index, 30)
    try:
        started = time.monotonic()
        second = cli("--index", str(index), "ingest", str(feed(tmp_path)), timeout="1.5")
        waited = time.monotonic() - started
        assert second.returncode == 2
        assert "waiting up to 1.5 s" in second.stderr
        assert "still writing" in second.stderr and "Traceback" not in second.stderr
        assert waited >= 1.5
        reader = cli("--index", str(index), "search", "trade", "--json")  # never blocks
        assert reader.returncode == 0 and json.loads(reader.stdout)["total"] == 5
    finally:
        release(holder)


HOLD_UNTIL_TOLD = """
import sys
from whoosh import index
ix = index.open_dir(sys.argv[1], indexname="corpus")
writer = ix.writer()
print("locked", flush=True)
sys.stdin.readline()
writer.cancel()
print("released", flush=True)
"""


def test_second_writer_proceeds_when_the_first_finishes(tmp_path: Path) -> None:
    """The first writer finishes only once the second says it is waiting, so the test
    does not depend on how fast a loaded machine starts the second process."""
    index = corpus_with(tmp_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_UNTIL_TOLD, str(index)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    second = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "corpus_search",
            "--index",
            str(index),
            "ingest",
            str(feed(tmp_path)),
        ],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "CORPUS_SEARCH_LOCK_TIMEOUT": "120"},
    )
    try:
        assert second.stderr is not None
        first_line = second.stderr.readline()  # blocks until the second writer waits
        assert "waiting" in first_line, first_line
        assert holder.stdin is not None
        holder.stdin.write("go\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "released"
        rest = second.stderr.read()
        assert second.wait(timeout=120) == 0, first_line + rest
        assert "added 1" in rest, rest
    finally:
        for proc in (second, holder):
            if proc.poll() is None:
                proc.kill()
            proc.communicate()


def test_a_killed_writer_leaves_no_stale_lock(tmp_path: Path) -> None:
    index = corpus_with(tmp_path)
    holder = hold_lock(index, 60)
    holder.send_signal(signal.SIGKILL)
    release(holder)
    started = time.monotonic()
    after = cli("--index", str(index), "ingest", str(feed(tmp_path)), timeout="0")
    assert after.returncode == 0, after.stderr
    assert "waiting" not in after.stderr and time.monotonic() - started < 30


# The CLI under a file-size limit, set by the child itself before it runs: not with
# ``preexec_fn``, which runs Python in a forked copy of this test process and can deadlock
# there when the process has other threads (as a whole test run does; the subprocess
# module's documentation warns of it). The CLI's forkserver and workers inherit the limit.
# On SIGUSR1 it prints every thread's stack: a run that hangs says where.
LIMITED = (
    "import faulthandler, resource, runpy, signal, sys; "
    "faulthandler.register(signal.SIGUSR1, all_threads=True); "
    "signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
    "resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024)); "
    "sys.argv[0] = 'corpus-search'; "
    "runpy.run_module('corpus_search', run_name='__main__', alter_sys=True)"
)


def _big_feed(tmp_path: Path) -> Path:
    big = tmp_path / "big.jsonl"
    with big.open("w") as out:
        for number in range(400):
            record = {"id": f"big{number}", "body": f"Long text {number} " * 200}
            out.write(json.dumps({**record, "actors": [], "themes": []}) + "\n")
    return big


def _saved_pages(tmp_path: Path) -> Path:
    """A folder of saved pages: each is extracted, and its language told by py3langid,
    whose model is unpacked through a temporary file."""
    folder = tmp_path / "pages"
    folder.mkdir()
    for number in range(120):
        body = "".join(
            f"<p>Paragraph {part} of note {number}: the delegates argued about fishing "
            f"quota {number * 7919 + part * 104729}, port fee {part * number + 17} and "
            f"ferry {hex(number * 4099 + part)} until late.</p>"
            for part in range(40)
        )
        (folder / f"note{number}.html").write_text(
            f"<html><head><title>Note {number}</title></head><body><article>"
            f"<h1>Note {number}</h1>{body}</article></body></html>"
        )
    return folder


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("inputs", [_big_feed, _saved_pages], ids=["jsonl", "pages"])
def test_a_full_disk_is_a_clear_error_and_the_corpus_is_unchanged(
    tmp_path: Path, jobs: str, inputs: Callable[[Path], Path]
) -> None:
    """A file-size limit makes every large write fail the way a full disk does (EFBIG
    instead of ENOSPC), without needing a real full disk: in one process, and with
    worker processes (whose forkserver's warm-up fails under the limit too: issue 13's
    EBADF came from there). Pages too: the language model, unpacked through a
    temporary file, failed every page ('internal error' for each) before the corpus's
    own error could be said."""
    index = corpus_with(tmp_path)
    command = [sys.executable, "-c", LIMITED, "--index", str(index), "ingest"]
    child = subprocess.Popen(
        [*command, "--jobs", jobs, str(inputs(tmp_path))],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        _, stderr = child.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGUSR1)  # the stacks, then the end
        time.sleep(2)
        child.kill()
        _, stderr = child.communicate()
        pytest.fail(f"the ingest hung; its threads' stacks:\n{stderr[-8000:]}")
    result = subprocess.CompletedProcess(command, child.returncode, "", stderr)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot write to the corpus" in lines[0], result.stderr
    corpus = Corpus.open(index)
    assert corpus.check().ok and len(corpus) == 5


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders anyway")
def test_a_read_only_corpus_is_a_clear_error(tmp_path: Path) -> None:
    index = corpus_with(tmp_path)
    index.chmod(0o555)
    try:
        result = cli("--index", str(index), "ingest", str(feed(tmp_path)))
    finally:
        index.chmod(0o755)
    assert result.returncode == 2 and "cannot write" in result.stderr
    assert len(Corpus.open(index)) == 5
