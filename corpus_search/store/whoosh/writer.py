"""Writing Documents to the whoosh index in atomic batches.

Two ways in, with the same outcome (ids added, updated, skipped as unchanged):

* into an empty index (a first ingest, a rebuild) the writer knows every id is new
  except those it has written itself in this run, so it asks the index nothing. The
  first ``PARALLEL_MIN`` documents are written in this process as they arrive (so an
  ingest indexes while its workers extract, and has no indexing left to do once they
  finish); a load that goes past them commits those as one segment and streams the rest
  into whoosh's multiprocessing writer (one process per core, each writing its own
  segment), committing every ``BULK_BATCH`` documents. Few, large segments are what keep
  searches fast at 100,000 documents: every segment costs each query a term lookup per
  field. An id seen again in the same run goes through the second way;
* into an index that holds documents, each batch first looks its ids up (a term
  lookup; the stored record is read only for ids that exist) and writes with one
  process, replacing changed documents.

Every commit is atomic: a killed process loses the documents since the last commit
(at most ``BULK_BATCH`` on a bulk load, ``batch_size`` otherwise), never the index.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import json
import logging
import os
import pickle
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from whoosh import index
from whoosh.codec.whoosh3 import W3Codec, W3PostingsWriter
from whoosh.index import LockError
from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.writing import PostingPool

from corpus_search.dates import day_number
from corpus_search.document import Document
from corpus_search.errors import IndexLockedError, IndexWriteError
from corpus_search.store.whoosh.schema import UNDATED_END, UNDATED_START, facet_value

LOG = logging.getLogger(__name__)

WRITE_LOCK_TIMEOUT = 30.0
# Documents per commit when filling an empty index: larger batches mean fewer, larger
# segments (faster to search) at the cost of more work lost to a kill. Documents are
# streamed to the writer processes, so the batch size does not cost memory here.
BULK_BATCH = 50_000
# Writer processes for a bulk load; 1 turns the multiprocessing writer off. The first
# PARALLEL_MIN documents of a bulk load are written in this process as they come
# (starting workers costs more than a small load; an ingest's extraction workers are
# busy with the cores meanwhile), the rest by the multiprocessing writer.
BULK_PROCS = min(2, os.cpu_count() or 1)
PARALLEL_MIN = 1000
# Segments smaller than this are small: an incremental commit may merge them.
SMALL_SEGMENT = 2000
# A commit merges the small segments once there are more than this many. Searches over
# 7 small segments and over 1 took the same time (511 real pages, about 4 ms a word),
# while merging at every commit rewrote a small corpus again and again (a 511-page
# ingest with one repeated page spent a fifth of its time merging).
SMALL_SEGMENTS_KEPT = 6
# Memory per whoosh writer process for its posting pool before it spills to disk.
POOL_MB = 256
RUN_CHUNK = 4096  # postings per pickle in a pool's runs on disk (see _RunPool)

Counts = tuple[list[str], list[str], list[str]]  # ids added, updated, skipped


def write_documents(
    ix: index.Index,
    path: Path,
    docs: Iterable[Document],
    batch_size: int = 500,
    on_commit: Callable[[int], None] | None = None,
    flush: Callable[[], bool] | None = None,
) -> Counts:
    """Add or update documents by id, committing every ``batch_size`` documents
    (``BULK_BATCH`` into an empty index), and once more as soon as ``flush()`` says the
    input has run out (the commit then overlaps the work still in flight: an ingest's
    last pages). Returns the ids (added, updated, skipped as unchanged); a later copy of
    an id wins."""
    counts: Counts = ([], [], [])
    flushing = _Once(flush)
    if ix.doc_count_all() == 0:
        _BulkLoad(ix, path, batch_size, on_commit, counts, flushing).run(docs)
        return counts
    batch: dict[str, tuple[Document, str]] = {}
    for doc in docs:
        _put(batch, doc, _record(doc), counts[2])
        if len(batch) >= batch_size or flushing():
            _commit_batch(ix, path, batch, None, counts, on_commit)
    _commit_batch(ix, path, batch, None, counts, on_commit)
    return counts


class _Once:
    """True the first time ``flush()`` is (the input has run out), then never again."""

    def __init__(self, flush: Callable[[], bool] | None) -> None:
        self.flush = flush

    def __call__(self) -> bool:
        if self.flush is None or not self.flush():
            return False
        self.flush = None
        return True


def _record(doc: Document) -> str:
    return json.dumps(doc.to_dict(), ensure_ascii=False, sort_keys=True)


def _put(
    batch: dict[str, tuple[Document, str]], doc: Document, record: str, skipped: list[str]
) -> None:
    """Queue a document; a later copy of an id replaces the queued one, and an identical
    copy counts as skipped (every input document is counted once)."""
    queued = batch.get(doc.id)
    if queued is not None and queued[1] == record:
        skipped.append(doc.id)
        return
    batch[doc.id] = (doc, record)


class _BulkLoad:
    """Fill an empty index: new ids stream into one open writer (this process's for the
    first PARALLEL_MIN documents, then the multiprocessing one), committed every
    BULK_BATCH documents; ids seen before in this run are batched through ``_update``
    against the digests of what this run wrote (the index is asked nothing)."""

    def __init__(
        self,
        ix: index.Index,
        path: Path,
        batch_size: int,
        on_commit: Callable[[int], None] | None,
        counts: Counts,
        flushing: Callable[[], bool] = lambda: False,
    ) -> None:
        self.ix, self.path, self.batch_size = ix, path, batch_size
        self.on_commit, self.counts, self.flushing = on_commit, counts, flushing
        self.written: dict[str, bytes] = {}  # committed: id -> digest of its record
        self.pending: dict[str, bytes] = {}  # in the open writer
        self.again: dict[str, tuple[Document, str]] = {}  # ids this run has seen before
        self.writer: Any = None
        self.procs = 1  # the open writer's processes
        self.loaded = 0  # documents given to a writer in this run

    def run(self, docs: Iterable[Document]) -> None:
        try:
            for doc in docs:
                record = _record(doc)
                if doc.id in self.pending or doc.id in self.written or doc.id in self.again:
                    self.repeat(doc, record)
                else:
                    self.add(doc, record)
            self.commit()
        except BaseException as exc:
            if self.writer is not None:
                with contextlib.suppress(Exception):
                    self.writer.cancel()
            if isinstance(exc, OSError):
                raise _write_error(self.path, exc) from None
            raise
        if self.again:
            _commit_batch(self.ix, self.path, self.again, self.written, self.counts, self.on_commit)

    def add(self, doc: Document, record: str) -> None:
        if self.writer is None:
            self.open()
        self.writer.add_document(**index_fields(doc, record))
        self.pending[doc.id] = _digest(record)
        self.loaded += 1
        if (
            len(self.pending) >= BULK_BATCH
            or (self.procs < BULK_PROCS and self.loaded == PARALLEL_MIN)
            or self.flushing()
        ):
            self.commit()  # (past PARALLEL_MIN: the multiprocessing writer takes over)

    def open(self) -> None:
        # Start the worker processes only once the load is known to be large.
        self.procs = BULK_PROCS if self.loaded >= PARALLEL_MIN else 1
        self.writer = open_writer(self.ix, self.path, procs=self.procs)

    def repeat(self, doc: Document, record: str) -> None:
        # Held until the first copy is committed (at the next commit, before ``again``
        # is written): committing there and then, in the middle of a load, kept an
        # ingest from collecting its workers' results while they ran out of work.
        _put(self.again, doc, record, self.counts[2])
        if len(self.again) >= self.batch_size:
            self.commit()  # the first copies must be in the index before they are replaced
            _commit_batch(self.ix, self.path, self.again, self.written, self.counts, self.on_commit)

    def commit(self) -> None:
        if self.writer is None:
            return
        writer, self.writer = self.writer, None
        # A bulk load keeps its segments as written (merging them would rewrite the
        # index again and again); later small commits merge only small segments.
        _commit(writer, self.path, _keep_segments)
        self.counts[0].extend(self.pending)
        self.written.update(self.pending)
        if self.on_commit:
            self.on_commit(len(self.pending))
        self.pending.clear()


def _commit_batch(
    ix: index.Index,
    path: Path,
    batch: dict[str, tuple[Document, str]],
    written: dict[str, bytes] | None,
    counts: Counts,
    on_commit: Callable[[int], None] | None,
) -> None:
    """Write one batch with ``_update`` in one commit, then empty it. ``written`` (bulk
    load) knows every id in the index, and learns the batch's."""
    if not batch:
        return
    writer = open_writer(ix, path)
    _commit(
        writer, path, merge_small_segments, lambda: _update(ix, writer, batch, written, *counts)
    )
    if written is not None:
        written.update((doc_id, _digest(record)) for doc_id, (_doc, record) in batch.items())
    if on_commit:
        on_commit(len(batch))
    batch.clear()


def _commit(
    writer: Any, path: Path, mergetype: Any, fill: Callable[[], None] | None = None
) -> None:
    """Fill the writer (optional) and commit, or cancel and raise: a write that fails
    leaves the index as it was, and a full disk is an IndexWriteError."""
    try:
        if fill:
            fill()
        writer.commit(mergetype=mergetype)
    except BaseException as exc:
        with contextlib.suppress(Exception):  # cancelling may fail the same way
            writer.cancel()
        if isinstance(exc, OSError):
            raise _write_error(path, exc) from None
        raise


def _write_error(path: Path, exc: OSError) -> IndexWriteError:
    return IndexWriteError(
        f"cannot write to the corpus at {path}: {exc.strerror or exc}",
        "free some disk space or fix the folder's permissions; "
        "the corpus is as it was before this batch",
    )


def _update(
    ix: index.Index,
    writer: Any,
    batch: dict[str, tuple[Document, str]],
    written: dict[str, bytes] | None,
    added: list[str],
    updated: list[str],
    skipped: list[str],
) -> None:
    """Write a batch into an index that may hold its ids: skip the unchanged, replace
    the changed, add the new. ``written`` (bulk mode) knows every id in the index."""
    with ix.searcher() as searcher:
        for doc, record in batch.values():
            if written is not None:
                known = written.get(doc.id)
                exists, same = known is not None, known == _digest(record)
            else:
                docnum = searcher.document_number(id=doc.id)
                exists = docnum is not None
                same = exists and searcher.stored_fields(docnum).get("doc") == record
            if not exists:
                added.append(doc.id)
            elif same:
                skipped.append(doc.id)
                continue
            else:
                updated.append(doc.id)
            writer.update_document(**index_fields(doc, record))


def _keep_segments(writer: Any, segments: list[Any]) -> list[Any]:
    return segments


def merge_small_segments(writer: Any, segments: list[Any]) -> list[Any]:
    """Once there are more than SMALL_SEGMENTS_KEPT segments under SMALL_SEGMENT
    documents, merge them into the one being written; keep the others as they are.
    (whoosh's own policy would, after a bulk load of many equal segments, merge half the
    index on the next small commit.)"""
    from whoosh.reading import SegmentReader

    small = [s for s in segments if s.doc_count_all() < SMALL_SEGMENT]
    if len(small) <= SMALL_SEGMENTS_KEPT:
        return segments
    for segment in small:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return [s for s in segments if s.doc_count_all() >= SMALL_SEGMENT]


def _digest(record: str) -> bytes:
    return hashlib.blake2b(record.encode("utf-8"), digest_size=16).digest()


def lock_timeout() -> float:
    """How long a writer waits for another one: ``$CORPUS_SEARCH_LOCK_TIMEOUT`` seconds,
    else ``WRITE_LOCK_TIMEOUT``."""
    try:
        return max(0.0, float(os.environ.get("CORPUS_SEARCH_LOCK_TIMEOUT", "")))
    except ValueError:
        return WRITE_LOCK_TIMEOUT


def open_writer(ix: index.Index, path: Path, procs: int = 1) -> Any:
    """A whoosh writer, waiting (and saying so) while another process holds the lock.
    The lock is an OS file lock, so a writer that was killed leaves no stale lock."""
    # compound=False: whoosh reads a compound segment's parts by copying them into memory
    # (BytesIO over the mmap), which at 100,000 documents costs a search process hundreds
    # of megabytes and a slow start; separate files are read in place.
    options: dict[str, Any] = {"limitmb": POOL_MB, "compound": False}
    if procs > 1:
        options.update(procs=procs, multisegment=True)
    try:
        return _writer(ix, timeout=0.0, **options)
    except LockError:
        pass
    timeout = lock_timeout()
    LOG.warning("another process is writing to the corpus at %s; waiting up to %g s", path, timeout)
    try:
        return _writer(ix, timeout=timeout, **options)
    except LockError:
        raise IndexLockedError(
            f"another process is still writing to the corpus at {path} after {timeout:g} s",
            "try again when it has finished, or set CORPUS_SEARCH_LOCK_TIMEOUT to wait longer",
        ) from None


def _writer(ix: index.Index, procs: int = 1, **options: Any) -> Any:
    options.setdefault("codec", _Codec())
    if procs > 1:
        return _OrphanSafeMpWriter(ix, procs=procs, **options)
    writer = ix.writer(**options)
    writer.pool = _RunPool.replacing(writer.pool)
    reader = writer.per_document_reader
    writer.per_document_reader = lambda: _Lengths(reader())
    return writer


# A block of postings whose ids and values take at most this many bytes is stored as it
# is: zlib's header and checksum made such a block larger, not smaller. On the 508
# documents of the 511 real pages: segment files 14,413,957 -> 14,405,708 bytes, the
# write 2.65 -> 2.49 CPU s.
SMALL_BLOCK = 32


class _PostingsWriter(W3PostingsWriter):
    """whoosh's posting writer, with small blocks left uncompressed (whoosh 2.7.5 means to
    leave a pickle under 20 bytes so, but the next line of its ``_write_block`` sets the
    compression again). Each block records its own compression, and both readers,
    whoosh's and ``engine``'s, read it from there."""

    _compression: int
    _ids: list[int]
    _values: list[Any]

    def _write_block(self, last: bool = False) -> None:
        size = 4 * len(self._ids) + sum(len(v) for v in self._values if isinstance(v, bytes))
        if size > SMALL_BLOCK:
            super()._write_block(last)
            return
        compression, self._compression = self._compression, 0
        try:
            super()._write_block(last)
        finally:
            self._compression = compression


class _Codec(W3Codec):
    """whoosh's own codec (whoosh3), writing postings with ``_PostingsWriter``."""

    def postings_writer(self, dbfile: Any, byteids: bool = False) -> Any:
        return _PostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )


class _Lengths:
    """The lengths of a segment being written, as whoosh's posting writer asks for them
    at commit: it asks once per posting, each answer a read through the segment's length
    column; here each field's column is read once, in order, and the same values are
    answered from a list (the segment's files are the same byte for byte)."""

    def __init__(self, reader: Any) -> None:
        self._reader = reader
        self._fields: dict[tuple[str, int], list[int]] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        lengths = self._fields.get((fieldname, default))
        if lengths is None:
            read = self._reader.doc_field_length
            count = self._reader.doc_count_all()
            lengths = [read(number, fieldname, default) for number in range(count)]
            self._fields[(fieldname, default)] = lengths
        return lengths[docnum]

    def close(self) -> None:
        self._reader.close()


class _RunPool(PostingPool):
    """whoosh's pool of postings, which sorts them on disk in runs once they pass the
    memory limit, with runs written and read back RUN_CHUNK postings per pickle
    instead of one: whoosh pickles each posting on its own, about a sixth of a bulk
    load's time at 100,000 documents."""

    @classmethod
    def replacing(cls, pool: PostingPool) -> _RunPool:
        """This pool in place of ``pool``, a writer's new (still empty) pool."""
        assert not pool.current and not pool.runs, "a pool is replaced before its first posting"
        return cls(pool.tempstore, pool.segment, limitmb=pool.limit // (1024 * 1024))

    def _write_run(self, f: Any, items: Iterable[Any]) -> None:
        iterator = iter(items)
        while chunk := list(itertools.islice(iterator, RUN_CHUNK)):
            pickle.dump(chunk, f, pickle.HIGHEST_PROTOCOL)
        f.close()

    def _read_run(self, path: str) -> Iterator[Any]:
        f = self._open_run(path)
        try:
            while True:
                try:
                    chunk = pickle.load(f)
                except EOFError:
                    return
                yield from chunk
        finally:
            f.close()
            self._remove_run(path)


class _OrphanSafeTask(SubWriterTask):
    """A whoosh writer worker that exits when its parent dies. whoosh's workers wait on
    a queue forever: without this, killing an ingest (kill -9) during a bulk load
    would leave them running."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        # Taken in the parent: a worker started just as the parent was killed would
        # otherwise take its new parent (init) for the one to watch, and never exit.
        self.parent_pid = os.getpid()

    def run(self) -> None:
        parent = self.parent_pid

        def watch() -> None:
            while True:
                if os.getppid() != parent:
                    os._exit(1)
                time.sleep(0.5)

        threading.Thread(target=watch, daemon=True).start()
        super().run()

    def _process_file(self, filename: str, doc_count: int) -> None:
        if not isinstance(self.writer.pool, _RunPool):  # the first batch of this worker
            self.writer.pool = _RunPool.replacing(self.writer.pool)
        super()._process_file(filename, doc_count)


class _OrphanSafeMpWriter(MpWriter):
    def __init__(self, ix: index.Index, **options: Any) -> None:
        super().__init__(ix, **options)
        writer: Any = self  # (whoosh's attributes are untyped)
        writer.pool = _RunPool.replacing(writer.pool)  # runs as its workers write them

    def _new_task(self) -> SubWriterTask:
        task = _OrphanSafeTask(
            self.storage,
            self.indexname,
            self.jobqueue,
            self.resultqueue,
            self.subargs,
            self.multisegment,
        )
        self.tasks.append(task)
        task.start()
        return task


def _clean(value: str) -> str:
    return " ".join(value.replace(",", " ").split())


def _values(values: Iterable[str]) -> list[str]:
    """Distinct non-empty values, in order: what a keyword field indexes for a document."""
    return list(dict.fromkeys(v for v in values if v))


def index_fields(doc: Document, record: str) -> dict[str, Any]:
    published = doc.published
    actors = [_clean(a.name) for a in doc.actors]
    themes = [_clean(t.id) for t in doc.themes]
    authors = [_clean(a.name) for a in doc.authors]
    source = _clean(doc.source) if doc.source else ""
    year = f"{published.year:04d}" if published else ""
    fields: dict[str, Any] = {
        "id": doc.id,
        "title": doc.title or "",
        "subtitle": doc.subtitle or "",
        "body": doc.body,
        "actor": ",".join(actors),
        "key_actor": ",".join(_clean(a.name) for a in doc.actors if a.key),
        "theme": ",".join(themes),
        "author": ",".join(authors),
        "tag": ",".join(_clean(t) for t in doc.tags),
        "mentioned": ",".join(str(y) for y in doc.mentioned_years),
        "pub_start": day_number(published.first_day()) if published else UNDATED_START,
        "pub_end": day_number(published.last_day()) if published else UNDATED_END,
        "content_hash": doc.content_hash,
        "facets": facet_value(
            {
                "actor": _values(actors),
                "theme": _values(themes),
                "source": [source] if source else [],
                "year": [year] if year else [],
                "author": _values(authors),
            }
        ),
        "doc": record,
    }
    if doc.url:
        fields["url"] = doc.url
    if source:
        fields["source"] = source
    if year:
        fields["year"] = year
    if doc.language:
        fields["language"] = doc.language
    return fields
