"""The workers say when their input has run out (``draining``) while work is still in
flight, read ahead only as far as they are asked, and give back every task they had
not answered when abandoned, read-ahead ones included."""

from __future__ import annotations

import errno
import json
import multiprocessing.forkserver
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from corpus_search import Corpus, pipeline
from corpus_search.pipeline import CHUNK, MAX_BREAKS, WINDOW, Task, Workers
from tests.conftest import make_doc


def _tasks(count: int) -> list[Task]:
    return [
        Task("document", f"doc-{number}", document=make_doc(f"d{number}", f"body {number}"))
        for number in range(count)
    ]


class _Plain:
    def enrich(self, doc):  # type: ignore[no-untyped-def]
        return doc


def test_draining_turns_true_once_every_task_is_sent_with_work_still_in_flight() -> None:
    tasks = _tasks(120)
    workers = Workers(2, _Plain, min_parallel=1, read_ahead=3)
    flags = []
    try:
        for _task, outcomes in workers.map(tasks):
            assert [o.kind for o in outcomes] == ["document"]
            flags.append(workers.draining)
    finally:
        workers.close(kill=True)
    assert workers.used_processes and len(flags) == 120
    assert flags[0] is False and flags[-1] is True
    turned = flags.index(True)
    assert flags[turned:] == [True] * (120 - turned)  # it stays true
    # when it turned, the chunks in flight and those read ahead were still to come
    assert 120 - turned >= (2 * WINDOW) * CHUNK


def test_once_draining_every_task_left_is_with_the_workers() -> None:
    """When the input runs out, the chunks read ahead go to the workers at once: a caller
    that then stops to commit its index (as an ingest does at ``draining``) finds the
    rest of the work done meanwhile, not only the window that was in flight."""
    tasks = _tasks(120)
    workers = Workers(2, _Plain, min_parallel=1, read_ahead=6)
    answered, checked = 0, False
    try:
        for _task, _outcomes in workers.map(tasks):
            answered += 1
            if workers.draining and not checked:
                checked = True
                assert not workers._ahead  # nothing read is held back
                in_flight = sum(len(chunk) for chunk, _ in workers._pending)
                # every task not yet answered is in flight, but the rest of this chunk
                assert in_flight >= 120 - answered - CHUNK
                # and more than the window was: the read-ahead went out too
                assert in_flight > (2 * WINDOW) * CHUNK
                for _chunk, future in list(workers._pending):
                    future.result(timeout=30)  # done while this caller was busy
    finally:
        workers.close(kill=True)
    assert checked and answered == 120


def test_in_this_process_nothing_is_in_flight() -> None:
    workers = Workers(1, _Plain, read_ahead=3)
    assert [t.name for t, _ in workers.map(_tasks(5))] == [f"doc-{n}" for n in range(5)]
    assert workers.draining is False


def test_abandon_gives_back_the_tasks_read_ahead_too() -> None:
    tasks = _tasks(200)
    workers = Workers(2, _Plain, min_parallel=1, read_ahead=5)
    answered = []
    for task, _outcomes in workers.map(tasks):
        answered.append(task.name)
        if len(answered) == CHUNK:  # (at the end of a chunk)
            break
    left = workers.abandon()
    names = answered + [t.name for t in left]
    # every task read so far is answered or given back, each once, none read beyond
    assert len(names) == len(set(names))
    assert names == [t.name for t in tasks[: len(names)]]
    assert len(left) >= (2 * WINDOW + 5 - 1) * CHUNK


# -- a pool that breaks while it starts a worker ---------------------------------------------


def _failing_starts(monkeypatch: pytest.MonkeyPatch, failing: set[int], error: BaseException):
    """Worker starts number ``failing`` (1 = the first) fail with ``error`` where the
    parent hands the forkserver the new worker's pipes, as when the pool's manager thread
    had just closed them (issue 13: EBADF, "handle is closed", or EOFError)."""
    real = multiprocessing.forkserver.connect_to_new_process
    calls: list[int] = []

    def connect(fds):  # type: ignore[no-untyped-def]
        calls.append(len(calls) + 1)
        if len(calls) in failing:
            raise error
        return real(fds)

    monkeypatch.setattr(multiprocessing.forkserver, "connect_to_new_process", connect)
    return calls


ERRORS = [
    OSError(errno.EBADF, "Bad file descriptor"),
    OSError("handle is closed"),
    EOFError(),
]


@pytest.mark.parametrize("failing", [{1}, {2}, {2, 3, 4}])
@pytest.mark.parametrize("error", ERRORS, ids=["EBADF", "closed", "EOF"])
def test_a_worker_that_cannot_be_started_never_stops_the_batch(
    monkeypatch: pytest.MonkeyPatch, failing: set[int], error: BaseException
) -> None:
    tasks = _tasks(60)
    calls = _failing_starts(monkeypatch, failing, error)
    workers = Workers(2, _Plain, min_parallel=1, read_ahead=3)
    answered = []
    try:
        for task, outcomes in workers.map(tasks):
            assert [o.kind for o in outcomes] == ["document"]
            assert (
                outcomes[0].document is not None and outcomes[0].document.id == "d" + task.name[4:]
            )
            answered.append(task.name)
    finally:
        workers.close(kill=True)
    assert answered == [t.name for t in tasks]  # each once, in order
    assert max(failing) <= len(calls)  # the failures did happen
    assert workers.restarts >= 1 and workers.used_processes


@pytest.mark.parametrize("failing", [{5}, {5, 6}, {12}, {5, 16}])
@pytest.mark.parametrize("error", ERRORS, ids=["EBADF", "closed", "EOF"])
def test_a_submit_that_fails_with_chunks_in_flight_never_stops_the_batch(
    monkeypatch: pytest.MonkeyPatch, failing: set[int], error: BaseException
) -> None:
    """Submits number ``failing`` fail, each with chunks of the pool in flight: those go
    again to a new pool, the answered ones are kept, and every task is answered once."""
    real = ProcessPoolExecutor.submit
    calls: list[int] = []

    def submit(pool, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(len(calls) + 1)
        if len(calls) in failing:
            raise error
        return real(pool, fn, *args, **kwargs)

    monkeypatch.setattr(ProcessPoolExecutor, "submit", submit)
    tasks = _tasks(80)
    workers = Workers(2, _Plain, min_parallel=1, read_ahead=2)
    answered = []
    try:
        for task, outcomes in workers.map(tasks):
            assert [o.kind for o in outcomes] == ["document"]
            answered.append(task.name)
    finally:
        workers.close(kill=True)
    assert answered == [t.name for t in tasks]
    assert workers.restarts == len(failing) and max(failing) <= len(calls)


class _KillsItsWorker:
    """A task's value that ends the worker process reading it (as a crash in a C library
    would): unpickling it there calls ``os._exit``."""

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (os._exit, (3,))


def test_a_worker_that_dies_mid_batch_fails_only_its_record() -> None:
    tasks = _tasks(60)
    tasks[25].context = _KillsItsWorker()
    workers = Workers(2, _Plain, min_parallel=1, read_ahead=2)
    answered = []
    try:
        for task, outcomes in workers.map(tasks):
            answered.append((task.name, [o.kind for o in outcomes]))
    finally:
        workers.close(kill=True)
    assert [name for name, _ in answered] == [t.name for t in tasks]  # each once, in order
    kinds = dict(answered)
    assert kinds.pop("doc-25") == ["failed"]
    assert all(k == ["document"] for k in kinds.values())
    assert workers.restarts >= 1


def test_when_no_worker_can_be_started_the_rest_runs_in_this_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tasks = _tasks(40)
    calls = _failing_starts(monkeypatch, set(range(1, 100)), OSError(errno.EBADF, "Bad"))
    workers = Workers(2, _Plain, min_parallel=1)
    try:
        answered = [t.name for t, outcomes in workers.map(tasks) if outcomes[0].kind == "document"]
    finally:
        workers.close(kill=True)
    assert answered == [t.name for t in tasks]
    assert len(calls) == MAX_BREAKS and workers.restarts == MAX_BREAKS


def test_an_ingest_whose_workers_fail_to_start_counts_each_record_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same documents, ids and counts as one process, though starting workers broke
    the pool twice in the middle of the batch."""
    feed = tmp_path / "feed.jsonl"
    lines = [
        {"id": f"r{n}", "body": f"Ministers met for round {n} of the harbour talks.", "actors": []}
        for n in range(50)
    ]
    lines.append(dict(lines[7]))  # the same record again: unchanged
    feed.write_text("".join(json.dumps(line) + "\n" for line in lines))
    one = Corpus.open(tmp_path / "one", create=True).ingest([feed], jobs=1)
    _failing_starts(monkeypatch, {2, 3}, OSError(errno.EBADF, "Bad file descriptor"))
    corpus = Corpus.open(tmp_path / "two", create=True)
    two = corpus.ingest([feed], jobs=2)
    assert two.jobs == 2 and not two.failed
    assert (two.added, two.updated, two.skipped) == (one.added, one.updated, one.skipped)
    assert (two.added, two.skipped) == (50, 1)
    assert two.added_ids == one.added_ids
    assert len(corpus) == 50 and corpus.check().ok


WARM_UP_FAILS = """
import sys
import time
from corpus_search import pipeline
from corpus_search.pipeline import Task, Workers
from tests.conftest import make_doc

real_context = pipeline._context


def context():
    # the forkserver first imports a module that makes the warm-up fail, as the
    # language model's temporary file on a full disk did
    context = real_context()
    context.set_forkserver_preload([sys.argv[1], "corpus_search.pipeline_server"])
    return context


pipeline._context = context


class Plain:
    def enrich(self, doc):
        return doc


tasks = [Task("document", f"doc-{n}", document=make_doc(f"d{n}", f"body {n}")) for n in range(40)]
workers = Workers(2, Plain, min_parallel=1)
answered = [task.name for task, _ in workers.map(tasks)]
workers.close(kill=True)
print(len(answered), workers.restarts, workers.used_processes)
"""

BREAKS_THE_WARM_UP = """
from corpus_search.extract import html


def fails():
    raise OSError(27, "File too large")


html.warm_up = fails
"""


def test_workers_live_when_the_forkserver_warm_up_failed(tmp_path: Path) -> None:
    """The cause of issue 13's EBADF: a warm-up that failed left the workers watching
    the wrong parent, so each exited as it started and every pool broke."""
    (tmp_path / "breaks_warm_up.py").write_text(BREAKS_THE_WARM_UP)
    result = subprocess.run(
        [sys.executable, "-c", WARM_UP_FAILS, "breaks_warm_up"],
        env={**os.environ, "PYTHONPATH": str(tmp_path)},  # (the forkserver's path too)
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=Path(__file__).parent.parent,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["40", "0", "True"], result.stderr
    assert "Traceback" not in result.stderr


def test_the_forkserver_pid_is_recorded_whatever_the_warm_up_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from corpus_search.enrich import Enricher
    from corpus_search.extract import html

    def fails(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pipeline, "_SERVER_PID", None)
    monkeypatch.setattr(pipeline, "_DEFAULT_ENRICHER", None)
    monkeypatch.setattr(html, "warm_up", fails)
    monkeypatch.setattr(Enricher, "load", classmethod(fails))
    with pytest.raises(OSError):
        pipeline.warm_up()
    assert os.getpid() == pipeline._SERVER_PID


def test_results_reach_the_caller_while_the_input_is_slow() -> None:
    """A crawl feeds the workers at a polite fetcher's pace: with ``prompt``, what they
    have answered goes to the caller (who commits it) without waiting for the window. Here
    a task comes every 100 ms after the first 8 (2 s for the pool to start, even on a
    loaded machine); by the 28th, the first 8 are answered (without ``prompt``, nothing
    came back until 32 tasks were in flight)."""
    import time

    tasks = _tasks(40)
    names: list[str] = []
    seen_by: dict[int, int] = {}

    def slow() -> Iterator[Task]:
        for number, task in enumerate(tasks):
            if number >= 8:
                time.sleep(0.1)
            seen_by[number] = len(names)
            yield task

    workers = Workers(2, _Plain, min_parallel=1, read_ahead=0, prompt=True)
    try:
        for task, _outcomes in workers.map(slow()):
            names.append(task.name)
    finally:
        workers.close(kill=True)
    assert names == [t.name for t in tasks]
    assert seen_by[28] >= 8, seen_by


def test_a_half_sent_result_does_not_keep_the_pool_thread_waiting_after_a_kill() -> None:
    """A worker terminated while it sends a result leaves half a message in the result
    pipe. The pool's manager thread then waits for the rest, and Python's exit waits for
    that thread: an ingest stopped by a full disk hung at exit once in CI. After
    ``close(kill=True)`` the thread must end. The half message is written here by hand:
    a header announcing 1,000 bytes, then 10 of them."""
    import struct

    workers = Workers(2, _Plain, min_parallel=1, read_ahead=3)
    thread = None
    try:
        for _task, _outcomes in workers.map(_tasks(200)):
            pool = workers._pool
            assert pool is not None
            thread = pool._executor_manager_thread  # type: ignore[attr-defined]
            assert thread is not None and thread.is_alive()
            processes = list(pool._processes.values())  # type: ignore[attr-defined]
            for process in processes:  # the workers hold still: nothing else is sent
                os.kill(process.pid, signal.SIGSTOP)
            writer = pool._result_queue._writer  # type: ignore[attr-defined]
            os.write(writer.fileno(), struct.pack("!i", 1000) + b"x" * 10)
            time.sleep(0.5)  # the thread wakes, reads the header and waits for the rest
            for process in processes:  # and they die, as if killed mid-send
                os.kill(process.pid, signal.SIGKILL)
                process.join(timeout=5)
            break  # the batch stops here, as an ingest does on a full disk
    finally:
        workers.close(kill=True)
    assert thread is not None
    thread.join(timeout=10)
    assert not thread.is_alive(), "the pool's manager thread still waits on the result pipe"
