"""Large writes go into segments indexed once they are loaded (schema version 2): the
documents, their updates and their search results are the same as when every document
goes into segment 0; a segment left loading by a writer that died is reported by
``check`` and indexed by the next write; a role that does not own the corpus writes
into segment 0."""

from __future__ import annotations

import threading
import time

import pytest

from corpus_search import Corpus, Query
from corpus_search.store.postgres import schema as sch
from corpus_search.store.postgres import store as pg
from tests.conftest import country_actors, make_doc


@pytest.fixture
def small_segments(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pg, "BULK_AFTER", 4)
    monkeypatch.setattr(pg, "SEGMENT_DOCS", 6)


def _docs(n: int, version: str = "first") -> list:  # type: ignore[type-arg]
    return [
        make_doc(
            f"d{i:03d}",
            f"Document {i} on sanctions and {'tariffs' if i % 3 == 0 else 'trade'}, "
            f"the {version} version.",
            title=f"Note {i}",
            published=f"20{10 + i % 10}-0{1 + i % 9}",
            actors=country_actors("Russia") if i % 2 else country_actors("Iran"),
        )
        for i in range(n)
    ]


def _segments(pg_server: object, pg_url: str) -> list[tuple[str, ...]]:
    database = pg_url.rsplit("/", 1)[1]
    out = pg_server.psql(  # type: ignore[attr-defined]
        f"SELECT s.segment, s.sealed, (SELECT count(*) FROM {sch.SCHEMA}.documents d "
        f"WHERE d.segment = s.segment), (SELECT count(*) FROM pg_indexes i WHERE "
        f"i.schemaname = '{sch.SCHEMA}' AND i.tablename = 'documents_s' || s.segment) "
        f"FROM {sch.SCHEMA}.segments s ORDER BY 1",
        database,
    )
    return [tuple(line.split("|")) for line in out.splitlines()]


def test_a_large_write_fills_sealed_segments_and_reads_the_same(
    small_segments: None, pg_server: object, pg_url: str, tmp_path: object
) -> None:
    corpus = Corpus.open(pg_url, create=True)
    added, _, _ = corpus._store.write(_docs(25), batch_size=2)
    assert len(added) == 25
    segments = _segments(pg_server, pg_url)
    # segment 0 took the first documents, the rest went into segments of at most 6
    assert segments[0][0] == "0" and int(segments[0][2]) >= 4
    assert len(segments) >= 4 and all(row[1] == "t" for row in segments)
    assert all(int(row[2]) <= 6 for row in segments[1:])
    # a sealed segment has the indexes segment 0 has (the id index besides)
    assert {int(row[3]) for row in segments[1:]} == {int(segments[0][3])}
    assert sum(int(row[2]) for row in segments) == 25

    folder = Corpus.open(tmp_path / "folder", create=True)  # type: ignore[operator]
    folder.add(_docs(25))
    for text in ("tariffs", "actor:Russia", "sanctions year:2012..2015", '"the first version"'):
        ours, theirs = corpus.search(text, limit=50), folder.search(text, limit=50)
        assert ours.total == theirs.total > 0, text
        assert {h.id for h in ours.hits} == {h.id for h in theirs.hits}, text
    assert corpus.search("tariffs", limit=5).hits[0].id  # ranked through every segment

    # a second large write replaces the documents wherever they live, once each
    added, updated, _ = corpus._store.write(_docs(25, "second"), batch_size=2)
    assert (len(added), len(updated)) == (0, 25)
    assert len(corpus) == 25
    assert corpus.search('"second version"', limit=0).total == 25
    assert corpus.search('"first version"', limit=0).total == 0
    assert corpus.check().ok


def test_the_later_copy_of_a_document_wins_across_batches_in_flight(
    small_segments: None, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch holding a document is slow; the next batch holds its later copy. Written
    side by side, the later copy would commit first and be overwritten."""
    upsert = pg.PostgresStore._upsert

    def slow_for_the_older_copy(self, conn, rows, segment):  # type: ignore[no-untyped-def]
        if any("older copy" in str(row[1]) for row in rows):
            time.sleep(0.5)
        return upsert(self, conn, rows, segment)

    monkeypatch.setattr(pg.PostgresStore, "_upsert", slow_for_the_older_copy)
    corpus = Corpus.open(pg_url, create=True)
    stream = [make_doc(f"g{i}", "Other.") for i in range(3)]
    stream += [make_doc("same", "The older copy."), make_doc("h", "Other.")]
    stream += [make_doc("same", "The newer copy.")]
    added, updated, skipped = corpus._store.write(stream, batch_size=3)
    assert (len(added), len(updated), len(skipped)) == (5, 1, 0)
    assert "newer" in (corpus.get("same").body or "")  # type: ignore[union-attr]


def test_a_segment_left_loading_is_reported_and_indexed_by_the_next_write(
    small_segments: None, pg_server: object, pg_url: str
) -> None:
    corpus = Corpus.open(pg_url, create=True)
    corpus.add(_docs(3))
    dying = Corpus.open(pg_url)._store
    segment = dying._open_segment()
    late = [make_doc(f"late{i}", "Late news on sanctions.") for i in range(2)]
    rows = [pg._row(doc, pg.json.dumps(doc.to_dict(), sort_keys=True)) for doc in late]
    dying._write_batch(dying._conn, rows, segment)
    dying.close()  # the writer is gone: its lock with it

    reader = Corpus.open(pg_url)
    assert reader.search("sanctions", limit=0).total == 5  # searchable while loading
    problems = reader.check().problems
    assert any(f"segment {segment} was left loading" in p for p in problems), problems
    assert _segments(pg_server, pg_url)[-1][1] == "f"

    reader._store.write([make_doc("new", "A new document."), *_docs(8, "third")], batch_size=2)
    assert _segments(pg_server, pg_url)[1][:2] == (str(segment), "t")
    assert reader.check().ok
    assert reader.search("sanctions", limit=0).total == 10


def test_a_writer_that_does_not_own_the_corpus_writes_into_segment_0(
    small_segments: None, pg_server: object, pg_url: str
) -> None:
    database = pg_url.rsplit("/", 1)[1]
    Corpus.open(pg_url, create=True)
    pg_server.psql(  # type: ignore[attr-defined]
        "CREATE ROLE seg_writer LOGIN; "
        f"GRANT USAGE ON SCHEMA {sch.SCHEMA} TO seg_writer; "
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {sch.SCHEMA} TO seg_writer; "
        f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {sch.SCHEMA} TO seg_writer",
        database,
    )
    try:
        writer = Corpus.open(pg_server.url(database, user="seg_writer"))  # type: ignore[attr-defined]
        assert len(writer._store.write(_docs(12), batch_size=2)[0]) == 12
        assert [row[0] for row in _segments(pg_server, pg_url)] == ["0"]
        assert writer.search(Query.build("tariffs"), limit=0).total == 4
    finally:
        pg_server.psql("DROP OWNED BY seg_writer CASCADE; DROP ROLE seg_writer", database)  # type: ignore[attr-defined]


def test_a_full_segment_is_sealed_while_the_next_one_loads(
    small_segments: None, pg_server: object, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sealing runs on a connection of its own: batches of the next segment are written
    while it runs, every segment ends sealed, and no segment lock outlives the write."""
    events: list[tuple[float, str, int]] = []
    seal_on, upsert = pg.PostgresStore._seal_on, pg.PostgresStore._upsert

    def slow_seal(self, conn, segment):  # type: ignore[no-untyped-def]
        events.append((time.monotonic(), "seal " + threading.current_thread().name, segment))
        time.sleep(0.6)
        seal_on(self, conn, segment)
        events.append((time.monotonic(), "sealed", segment))

    def noted_upsert(self, conn, rows, segment):  # type: ignore[no-untyped-def]
        events.append((time.monotonic(), "batch", segment))
        return upsert(self, conn, rows, segment)

    monkeypatch.setattr(pg.PostgresStore, "_seal_on", slow_seal)
    monkeypatch.setattr(pg.PostgresStore, "_upsert", noted_upsert)
    corpus = Corpus.open(pg_url, create=True)
    added, _, _ = corpus._store.write(_docs(25), batch_size=2)
    assert len(added) == 25

    first = min(segment for _, kind, segment in events if kind.startswith("seal "))
    began = next(at for at, kind, s in events if kind.startswith("seal ") and s == first)
    ended = next(at for at, kind, s in events if kind == "sealed" and s == first)
    assert any(k == "seal corpus-search-sealer_0" for _, k, s in events if s == first)
    overlapping = [s for at, kind, s in events if kind == "batch" and began < at < ended]
    assert overlapping and set(overlapping) == {first + 1}, events
    assert all(row[1] == "t" for row in _segments(pg_server, pg_url))
    database = pg_url.rsplit("/", 1)[1]
    held = pg_server.psql(  # type: ignore[attr-defined]
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'", database
    )
    assert held.strip() == "0"
    assert corpus.search("tariffs", limit=0).total == 9
