"""Records in, enriched Documents or reasons out, on every core.

A *record* is one thing read: a file of a folder, a line of a JSONL file, a response of
a WARC file or of a crawl. ``run_task`` extracts and enriches one record and never
raises: whatever goes wrong (an internal error included) becomes an ``Outcome`` naming
the file or URL and the reason, so one record never stops a batch.

``Workers.map`` runs tasks in worker processes (``jobs`` of them, a ``ProcessPoolExecutor``
fed a bounded window of chunks, results in input order, so the documents and their ids
are those of a single process) or, with ``jobs=1`` or a handful of tasks, in this
process. Workers ignore Ctrl-C (the parent stops them), and each watches its parent: a
parent killed outright (SIGKILL) leaves no worker behind.

Workers are forked from a *forkserver*: a fresh, single-threaded interpreter (safe beside
a crawl's threads, as plain fork is not) that imports the extractors and loads the
language model and the packaged gazetteer once (``corpus_search.pipeline_server``), so a
worker starts warm instead of paying that second and more of start-up each.

    Task ──► run_task (extract ─► judge ─► enrich) ──► [Outcome]
             "document" | "not-article" | "unsupported" | "failed"
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import multiprocessing.util
import os
import re
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corpus_search.errors import CorpusSearchError, NotAnArticle

if TYPE_CHECKING:
    from corpus_search.document import Document
    from corpus_search.extract.warc import Capture

LOG = logging.getLogger(__name__)

CHUNK = 4  # tasks sent to a worker at once
WINDOW = 4  # chunks in flight per worker: bounds memory on a WARC of any size
# Chunks an ingest reads ahead of those in flight: once its input has run out, the
# work still to do (these and the chunks in flight) lets the index commit what it holds
# meanwhile (``Workers.draining``), instead of after the last page.
READ_AHEAD = 16
MIN_PARALLEL = 12  # fewer tasks than this run in this process (starting workers costs more)
MAX_BREAKS = 3  # pools broken in a row before the rest runs in this process
# What a submit to a pool that broke raises: BrokenProcessPool (a worker died), and,
# when it starts a worker just as the pool breaks, OSError or EOFError (see ``_submit``)
_BROKEN = (BrokenProcessPool, OSError, EOFError)


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # (not on Linux)
        return max(1, os.cpu_count() or 1)


@dataclass
class Task:
    """One record to extract and enrich. ``kind``: "file" (a path), "capture" (an
    archived or fetched response), "document" (already extracted: enrich only)."""

    kind: str
    name: str  # the file or URL, as reports name it
    path: str | None = None
    capture: Capture | None = None
    document: Document | None = None
    keep_all: bool = False  # keep pages judged not articles (ingest --all)
    named: bool = False  # the user named this file on the command line
    patterns: list[re.Pattern[str]] | None = None  # a site profile's article URLs (crawl)
    context: Any = None  # the caller's own value, returned untouched with the outcomes


@dataclass
class Outcome:
    name: str
    kind: str  # "document", "not-article", "unsupported", "failed"
    reason: str = ""
    document: Document | None = None
    named: bool = False


@dataclass
class _Setup:
    gazetteer_files: list[str] = field(default_factory=list)
    taxonomy_files: list[str] = field(default_factory=list)


_ENRICHER: Any = None
_DEFAULT_ENRICHER: Any = None  # loaded in the forkserver: the packaged data, no user files
_SERVER_PID: int | None = None  # the forkserver's, recorded there before it forks workers


def run_task(task: Task, enricher: Any) -> list[Outcome]:
    """Extract and enrich one record. Never raises: a failure is an Outcome."""
    try:
        docs = _extract(task)
    except NotAnArticle as exc:
        return [Outcome(task.name, "not-article", exc.reason or exc.message, named=task.named)]
    except CorpusSearchError as exc:
        return [Outcome(task.name, "failed", str(exc), named=task.named)]
    except Exception as exc:  # an internal error: reported, and the batch goes on
        return [Outcome(task.name, "failed", _internal(exc), named=task.named)]
    outcomes = []
    for doc in docs:
        if isinstance(doc, CorpusSearchError):
            outcomes.append(Outcome(task.name, "failed", str(doc), named=task.named))
            continue
        try:
            enriched = doc if doc.enriched else enricher.enrich(doc)
        except Exception as exc:
            outcomes.append(Outcome(task.name, "failed", _internal(exc), named=task.named))
            continue
        outcomes.append(Outcome(task.name, "document", document=enriched, named=task.named))
    return outcomes


def _internal(exc: BaseException) -> str:
    return f"internal error: {type(exc).__name__}: {str(exc)[:200]}"


def _extract(task: Task) -> list[Any]:
    if task.kind == "document":
        return [task.document]
    if task.kind == "capture":
        from corpus_search.extract.warc import extract_capture

        assert task.capture is not None
        return [extract_capture(task.capture, task.keep_all, patterns=task.patterns)]
    from corpus_search.extract import extract_file

    assert task.path is not None
    return list(extract_file(Path(task.path), keep_all=task.keep_all))


# -- worker processes ------------------------------------------------------------------------


def warm_up() -> None:
    """Load what every worker needs (run once in the forkserver, whose forks inherit it):
    the extractors' modules, the language model, htmldate's month names and the packaged
    gazetteer and taxonomy."""
    global _DEFAULT_ENRICHER, _SERVER_PID
    # First: the workers watch this pid (see ``_init_worker``), whatever the loading below
    # does. Recorded last, a warm-up that failed (the language model is unpacked through
    # a temporary file: a full disk, a file-size limit) left the workers watching the
    # wrong process: each exited as it started, and every pool broke.
    _SERVER_PID = os.getpid()
    from corpus_search.enrich import Enricher
    from corpus_search.extract import extract_file  # noqa: F401  (its imports)
    from corpus_search.extract.html import warm_up as warm_html
    from corpus_search.extract.warc import extract_capture  # noqa: F401

    with contextlib.suppress(Exception):  # (a worker loads what failed here on first use)
        warm_html()
    _DEFAULT_ENRICHER = Enricher.load()
    _DEFAULT_ENRICHER.gazetteer.warm()  # (already warm when read from the cache)


def _init_worker(setup: _Setup, parent: int) -> None:
    """In each worker: ignore Ctrl-C (the parent stops the workers), exit when the parent
    is gone (killed outright), and load the gazetteer and taxonomy once."""
    global _ENRICHER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The process to watch: this one's parent, the forkserver (which leaves when this
    # process's parent dies) or the parent itself (spawned). Both pids were taken before
    # this worker began: one that starts just as the parent is killed has init for its
    # parent already, and must not take it for the one to watch.
    watched = _SERVER_PID if _SERVER_PID is not None else parent
    parent_process = multiprocessing.parent_process()

    def watch() -> None:
        while os.getppid() == watched and (parent_process is None or parent_process.is_alive()):
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()
    # Once the pool lets it go, a worker leaves at once: tearing down its interpreter
    # (freeing the gazetteer, the parsers' caches, every module) took longer than a
    # second, which the parent waited for before it could finish the ingest.
    multiprocessing.util.Finalize(None, _leave, exitpriority=0)
    if _DEFAULT_ENRICHER is not None and not setup.gazetteer_files and not setup.taxonomy_files:
        _ENRICHER = _DEFAULT_ENRICHER
        return
    from corpus_search.enrich import Enricher

    _ENRICHER = Enricher.load(setup.gazetteer_files, setup.taxonomy_files)


def _leave() -> None:
    """The last thing a worker does: its results have gone down the pipe (written
    there as each chunk finished), so nothing is lost by skipping the teardown."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(0)


def _run_chunk(tasks: list[Task]) -> list[list[Outcome]]:
    return [run_task(task, _ENRICHER) for task in tasks]


class Workers:
    """Runs tasks on ``jobs`` processes (1: in this process), results in input order."""

    def __init__(
        self,
        jobs: int,
        enricher: Callable[[], Any],
        gazetteer_files: Sequence[str | Path] = (),
        taxonomy_files: Sequence[str | Path] = (),
        min_parallel: int = MIN_PARALLEL,
        read_ahead: int = 0,
        prompt: bool = False,
    ) -> None:
        self.jobs = max(1, jobs)
        self.read_ahead = read_ahead  # chunks read before they are sent (see READ_AHEAD)
        # answers go to the caller as soon as they are in, not when the window is full:
        # for an input that comes at its own pace (a crawl's fetcher)
        self.prompt = prompt
        self._enricher = enricher  # this process's, loaded on first use
        self._setup = _Setup([str(p) for p in gazetteer_files], [str(p) for p in taxonomy_files])
        self.min_parallel = min_parallel
        self._pool: ProcessPoolExecutor | None = None
        self._sent: set[Future[list[list[Outcome]]]] = set()  # futures of the pool running
        self._breaks = 0  # pools broken in a row, without a result in between
        self.restarts = 0  # pools found broken (a worker died, or could not be started)
        self._pending: deque[tuple[list[Task], Future[list[list[Outcome]]]]] = deque()
        self._ahead: deque[list[Task]] = deque()
        self._head: list[Task] = []
        self.used_processes = False
        # every task has been read and sent to the workers: what comes now is the work
        # in flight (a writer may commit meanwhile: see ``Store.write``'s ``flush``)
        self.draining = False

    # -- in order, in this process or in workers --

    def map(self, tasks: Iterable[Task]) -> Iterator[tuple[Task, list[Outcome]]]:
        tasks = iter(tasks)
        self.draining = False
        head = self._head = []  # read ahead, not yet answered (see ``abandon``)
        if self.jobs > 1:
            for task in tasks:
                head.append(task)
                if len(head) >= self.min_parallel:
                    break
        if self.jobs == 1 or len(head) < self.min_parallel:
            enricher = self._enricher()
            while head:
                task = head.pop(0)
                yield task, run_task(task, enricher)
            for task in tasks:
                yield task, run_task(task, enricher)
            return
        self._head = []
        yield from self._parallel(head, tasks)

    def _parallel(
        self, head: list[Task], rest: Iterator[Task]
    ) -> Iterator[tuple[Task, list[Outcome]]]:
        def chunks() -> Iterator[list[Task]]:
            chunk: list[Task] = []
            for task in _chain(head, rest):
                chunk.append(task)
                if len(chunk) >= CHUNK:
                    yield chunk
                    chunk = []
            if chunk:
                yield chunk

        pending: deque[tuple[list[Task], Future[list[list[Outcome]]]]] = deque()
        ahead: deque[list[Task]] = deque()  # read, not yet sent
        self._pending, self._ahead = pending, ahead
        source = chunks()
        try:
            while True:
                while not self.draining and len(ahead) <= self.read_ahead:
                    chunk = next(source, None)
                    if chunk is None:
                        self.draining = True
                    else:
                        ahead.append(chunk)
                if not ahead:
                    break
                chunk = ahead.popleft()
                pending.append((chunk, self._submit(chunk)))
                if self.draining:
                    # The input has run out: every chunk left is already in memory, so
                    # all go to the workers now. The caller may commit its index at the
                    # next result (``draining``), and while it does, this generator
                    # waits: the workers must have the rest of the work meanwhile, not
                    # only the window in flight.
                    while ahead:
                        chunk = ahead.popleft()
                        pending.append((chunk, self._submit(chunk)))
                while len(pending) >= self.jobs * WINDOW:
                    yield from self._collect(pending)
                # Prompt: results already there go to the caller now, in order. A crawl
                # reads its pages at the pace of a polite fetcher, and the window may not
                # fill for minutes; its pages would wait unindexed (and a killed crawl
                # fetch them again) meanwhile. (An ingest reads files as fast as it can:
                # its results wait for the window, so that the work in flight stays full.)
                while self.prompt and pending and pending[0][1].done():
                    yield from self._collect(pending)
            while pending:
                yield from self._collect(pending)
        finally:
            if not pending:
                self.close()

    def _collect(
        self, pending: deque[tuple[list[Task], Future[list[list[Outcome]]]]]
    ) -> Iterator[tuple[Task, list[Outcome]]]:
        chunk, future = pending.popleft()
        try:
            results = future.result()
            if future in self._sent:  # a worker answered (not this process, after breaks)
                self._sent.discard(future)
                self._breaks = 0
        except BrokenProcessPool:
            # A worker died (killed, out of memory, a crash in a C library): run this
            # chunk's tasks again one at a time in a fresh pool, so only the task that
            # kills a worker again is failed; the chunks still in flight are resubmitted.
            self.restarts += 1
            self.close(kill=True)
            results = [self._alone(task) for task in chunk]
            self._resend()
        except Exception as exc:  # the result could not travel back (pickling)
            results = [[Outcome(t.name, "failed", _internal(exc), named=t.named)] for t in chunk]
        yield from zip(chunk, results, strict=True)

    def _submit(self, chunk: list[Task]) -> Future[list[list[Outcome]]]:
        """Send a chunk to the workers; when workers cannot be started at all here (the
        pool breaks again and again with no result), run it in this process.

        A pool breaks at a submit too: a worker it starts dies at once, or starting one
        fails (the pool's manager thread closed the queues of a pool whose worker had
        died, so the forkserver is sent closed pipes: an OSError, EBADF or "handle is
        closed", or an EOFError). Then the chunks in flight go again to a new pool, and
        the batch goes on: never an internal error."""
        while self._breaks < MAX_BREAKS:
            try:
                with _no_ctrl_c():  # (a worker may be started: it inherits Ctrl-C ignored)
                    future = self._start().submit(_run_chunk, chunk)
            except _BROKEN:
                self._breaks += 1
                self.restarts += 1
                self.close(kill=True)
                self._resend()
                continue
            self._sent.add(future)
            return future
        done: Future[list[list[Outcome]]] = Future()
        enricher = self._enricher()
        done.set_result([run_task(task, enricher) for task in chunk])
        return done

    def _resend(self) -> None:
        """After a pool is stopped: send its chunks still in flight again (those it had
        answered keep their results), in order."""
        pending = self._pending
        sent = list(pending)
        pending.clear()
        for chunk, future in sent:
            answered = future.done() and not future.cancelled() and future.exception() is None
            if future in self._sent or answered:
                pending.append((chunk, future))
            else:
                # (a submit in here may break the new pool too: it resends what this
                # loop has put back so far, then this loop goes on with the rest)
                pending.append((chunk, self._submit(chunk)))

    def _alone(self, task: Task) -> list[Outcome]:
        try:
            return self._submit([task]).result()[0]
        except BrokenProcessPool:
            self._breaks += 1
            self.restarts += 1
            self.close(kill=True)
            reason = "internal error: the worker process died reading it"
            return [Outcome(task.name, "failed", reason, named=task.named)]

    def abandon(self) -> list[Task]:
        """Stop the workers at once and return the tasks they had not answered (to be
        settled another way: a crawl interrupted by Ctrl-C extracts them itself)."""
        left = [*self._head, *(task for chunk, _ in self._pending for task in chunk)]
        left += [task for chunk in self._ahead for task in chunk]
        self._pending.clear()
        self._ahead.clear()
        self._head = []
        self.close(kill=True)
        return left

    def _start(self) -> ProcessPoolExecutor:
        if self._pool is None:
            _quiet_pool_threads()
            self._pool = ProcessPoolExecutor(
                max_workers=self.jobs,
                mp_context=_context(),
                initializer=_init_worker,
                initargs=(self._setup, os.getpid()),
            )
            self.used_processes = True
            _start_workers(self._pool, self.jobs)
        return self._pool

    def close(self, kill: bool = False) -> None:
        """Stop the workers; ``kill``: at once, without waiting for tasks in flight."""
        pool, self._pool = self._pool, None
        self._sent = set()
        if pool is None:
            return
        if kill:
            processes = list((getattr(pool, "_processes", None) or {}).values())
            results = getattr(pool, "_result_queue", None)  # (shutdown forgets it)
            manager = getattr(pool, "_executor_manager_thread", None)  # (and this)
            with contextlib.suppress(OSError, RuntimeError):  # (a broken pool's queues)
                pool.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                with contextlib.suppress(OSError, ValueError):
                    process.terminate()
            for process in processes:
                with contextlib.suppress(OSError, ValueError, AssertionError):
                    process.join(timeout=5)
                    if process.is_alive():
                        process.kill()
                        process.join(timeout=2)
            _end_result_pipe(results)
            if isinstance(manager, threading.Thread) and manager is not threading.current_thread():
                # Let the manager thread end (it closes its wake-up pipe as it goes) before
                # this returns: else Python's exit may wake it through that pipe as it is
                # being closed (CPython 3.11 checks, then writes, unlocked), printing an
                # "Exception ignored ... Bad file descriptor" traceback after our error.
                manager.join(timeout=5)
        else:
            pool.shutdown(wait=True)


def _end_result_pipe(results: Any) -> None:
    """Close this process's end of a stopped pool's result pipe (``results``, the pool's
    ``_result_queue``, taken before its shutdown). A worker terminated in
    the middle of sending a result leaves half a message there: the pool's manager thread
    waits for the rest for ever, and Python's exit waits for that thread (a hang seen once
    in CI, after a full disk stopped an ingest on two processes). With every worker gone,
    this end was the pipe's last writer: the thread reads an end of file and stops."""
    writer = getattr(results, "_writer", None)
    if writer is not None:
        with contextlib.suppress(OSError):
            writer.close()


def _start_workers(pool: ProcessPoolExecutor, count: int) -> None:
    """Start every worker of a new pool at once, before its first task. Left to the pool,
    a worker is started at a later submit, while the pool's manager thread runs: if a
    worker dies then, the thread closes the pool's queues as they are being sent to the
    forkserver for the new worker (CPython 3.11), and the submit fails with EBADF or
    "handle is closed" while the forkserver, sent nothing, dies printing an EOFError. A
    pool started whole starts no worker later (a worker that dies breaks the pool).
    (Private to CPython: where it differs, the pool starts its workers itself.)"""
    spawn = getattr(pool, "_spawn_process", None)
    processes = getattr(pool, "_processes", None)
    if not callable(spawn) or not isinstance(processes, dict):
        return
    while len(processes) < count:
        spawn()


def _quiet_pool_threads() -> None:
    """No traceback from a pool's manager thread: when a worker dies just as a worker is
    started, the thread (which has already failed the pool's futures with
    BrokenProcessPool, as ``Workers`` expects) can fail in its own cleanup ("dictionary
    changed size during iteration"). The thread's end is logged; others' go on as they
    would."""
    previous = threading.excepthook
    if getattr(previous, "_corpus_search", False):
        return

    def hook(args: Any) -> None:
        if type(args.thread).__module__ == "concurrent.futures.process":
            LOG.debug("a worker pool's manager thread ended: %r", args.exc_value)
            return
        previous(args)

    hook._corpus_search = True  # type: ignore[attr-defined]
    threading.excepthook = hook


def _context() -> Any:
    """The forkserver, warmed by ``pipeline_server`` (see the module's docstring); where
    there is none, spawn: a fresh interpreter per worker. Never plain fork: a crawl runs
    threads, and a fork beside threads can inherit a lock held forever."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # (taken when the forkserver starts, at the first worker of this process)
    context.set_forkserver_preload(["corpus_search.pipeline_server"])
    return context


@contextlib.contextmanager
def _no_ctrl_c() -> Iterator[None]:
    """Ctrl-C ignored for the instant a worker process is started, so that the worker
    starts with it ignored (a terminal sends Ctrl-C to every process of the group: a
    worker still importing would print a traceback). Only the main thread can do this."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _chain(head: list[Task], rest: Iterator[Task]) -> Iterator[Task]:
    yield from head
    yield from rest
