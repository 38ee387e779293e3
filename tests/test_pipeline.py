"""The workers say when their input has run out (``draining``) while work is still in
flight, read ahead only as far as they are asked, and give back every task they had
not answered when abandoned, read-ahead ones included."""

from __future__ import annotations

from corpus_search.pipeline import CHUNK, WINDOW, Task, Workers
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
