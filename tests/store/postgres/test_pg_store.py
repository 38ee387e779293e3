"""The PostgreSQL store on a real throwaway server: setting up, versions, errors in one
line with the password masked, writing by id, saved searches shared through the
database, libpq's own ways of naming a server."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from corpus_search import Corpus, Document, Query
from corpus_search.errors import (
    IndexNotFoundError,
    IndexUnavailableError,
    IndexVersionError,
    IndexWriteError,
)
from corpus_search.store import init_store
from corpus_search.store.postgres import schema as sch
from corpus_search.store.postgres import store as pg
from corpus_search.store.postgres.address import local_dir, mask
from tests.conftest import country_actors, make_doc


def docs() -> list:  # type: ignore[type-arg]
    return [
        make_doc(
            "a",
            "Nuclear deterrence in Europe.",
            title="Deterrence",
            actors=country_actors("Russia"),
        ),
        make_doc("b", "Sanctions on Iran tighten.", title="Sanctions", published="2024-03"),
    ]


def test_init_creates_the_schema_and_reports_extensions(pg_url: str) -> None:
    lines = init_store(pg_url)
    assert lines[0] == f"schema version {sch.SCHEMA_VERSION} created"
    assert "extension fuzzystrmatch: installed" in lines
    assert any(line.startswith("text index: ") for line in lines)
    again = init_store(pg_url)
    assert again[0] == f"schema version {sch.SCHEMA_VERSION}: up to date"


def test_a_database_without_the_schema_says_run_init(pg_url: str) -> None:
    with pytest.raises(IndexNotFoundError, match="corpus-search init"):
        Corpus.open(pg_url)
    # ingest (create=True) sets up an empty database, as it creates a folder
    corpus = Corpus.open(pg_url, create=True)
    assert len(corpus) == 0


def test_old_schema_asks_for_migrate_and_migrate_keeps_documents(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = Corpus.open(pg_url, create=True)
    corpus.add(docs())
    del corpus
    current = sch.SCHEMA_VERSION

    def later(cur: object, has_rum: bool) -> None:
        cur.execute(f"ALTER TABLE {sch.SCHEMA}.documents ADD COLUMN note text")  # type: ignore[attr-defined]

    monkeypatch.setattr(sch, "SCHEMA_VERSION", current + 1)
    monkeypatch.setitem(sch.MIGRATIONS, current + 1, later)
    with pytest.raises(IndexVersionError, match="corpus-search migrate") as caught:
        Corpus.open(pg_url)
    assert f"schema version {current}" in str(caught.value)
    assert init_store(pg_url)[0] == f"schema version {current + 1} applied (was {current})"
    assert len(Corpus.open(pg_url)) == 2


def test_a_version_1_corpus_migrates_to_segments_keeping_documents_and_grants(
    pg_url: str, pg_server: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Version 2 turns the documents table into segment 0 of a partitioned table; the
    documents, their ids and a reader role's rights come through."""
    monkeypatch.setattr(sch, "SCHEMA_VERSION", 1)
    Corpus.open(pg_url, create=True)
    _write_as_version_1(pg_url, docs())
    database = pg_url.rsplit("/", 1)[1]
    pg_server.psql(  # type: ignore[attr-defined]
        "CREATE ROLE reader_v1 LOGIN; "
        f"GRANT USAGE ON SCHEMA {sch.SCHEMA} TO reader_v1; "
        f"GRANT SELECT ON ALL TABLES IN SCHEMA {sch.SCHEMA} TO reader_v1",
        database,
    )
    monkeypatch.undo()
    with pytest.raises(IndexVersionError, match="schema version 1"):
        Corpus.open(pg_url)
    assert init_store(pg_url)[0] == f"schema version {sch.SCHEMA_VERSION} applied (was 1)"
    corpus = Corpus.open(pg_url)
    assert len(corpus) == 2 and corpus.get("a") is not None
    assert [h.id for h in corpus.search("sanctions").hits] == ["b"]
    reader = Corpus.open(pg_url.replace("postgres@", "reader_v1@"))
    assert reader.search("deterrence").total == 1
    # a rewrite of an old document replaces it (the ids were carried over)
    corpus.add([make_doc("b", "Sanctions on Iran ease.", title="Sanctions", published="2024-03")])
    assert len(corpus) == 2 and "ease" in (corpus.get("b").body or "")


def _write_as_version_1(address: str, documents: list[Document]) -> None:
    """Rows as version 1 wrote them (its one table, no ids table)."""
    import json

    import psycopg

    from corpus_search.store.postgres.store import _row

    with psycopg.connect(address) as conn:
        for doc in documents:
            record = json.dumps(doc.to_dict(), ensure_ascii=False, sort_keys=True)
            row = _row(doc, record)
            conn.execute(
                f"INSERT INTO {sch.SCHEMA}.documents (id, record, record_hash, source, year, "
                "pub_start, pub_end, actors, key_actors, themes, authors, tags, mentioned, tsv) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, "
                "setweight(to_tsvector('english', %s), 'A') || "
                "setweight(to_tsvector('english', %s), 'B') || "
                "setweight(to_tsvector('english', %s), 'D'))",
                row,
            )


def test_newer_schema_asks_to_upgrade_the_program(pg_url: str, pg_server: object) -> None:
    Corpus.open(pg_url, create=True)
    database = pg_url.rsplit("/", 1)[1]
    pg_server.psql(f"INSERT INTO {sch.SCHEMA}.schema_version (version) VALUES (99)", database)  # type: ignore[attr-defined]
    with pytest.raises(IndexVersionError, match="upgrade corpus-search"):
        Corpus.open(pg_url)


def test_cannot_connect_is_one_line_without_the_password(pg_server: object) -> None:
    port = pg_server.port  # type: ignore[attr-defined]
    with pytest.raises(IndexUnavailableError) as caught:
        Corpus.open(f"postgresql://postgres:s3cr3t-pw@127.0.0.1:{port}/no_such_database")
    message = str(caught.value)
    assert "s3cr3t-pw" not in message and "****" in message
    assert "no_such_database" in message and "\n" not in message
    from tests.pgserver import free_port

    with pytest.raises(IndexUnavailableError, match="cannot connect"):
        Corpus.open(f"postgresql://u:pw@127.0.0.1:{free_port()}/x?connect_timeout=2")


def test_mask_hides_passwords_in_every_form() -> None:
    assert mask("postgresql://ann:pa:ss@h:5432/db") == "postgresql://ann:****@h:5432/db"
    assert (
        mask("postgres://ann:x@h/db?sslmode=require") == "postgres://ann:****@h/db?sslmode=require"
    )
    assert mask("postgresql://h/db?password=hunter2&sslmode=require") == (
        "postgresql://h/db?password=****&sslmode=require"
    )
    assert mask("host=h password='a b' dbname=x") == "host=h password=**** dbname=x"
    assert mask("postgresql://ann@h/db") == "postgresql://ann@h/db"


def test_write_by_id_counts_added_updated_unchanged(pg_url: str) -> None:
    corpus = Corpus.open(pg_url, create=True)
    first = corpus.add(docs())
    assert (first.added, first.updated, first.skipped) == (2, 0, 0)
    again = corpus.add(docs())
    assert (again.added, again.updated, again.skipped) == (0, 0, 2)
    changed = make_doc("a", "Rewritten: deterrence after the treaty.", title="Deterrence")
    twice = corpus.add([changed, changed, make_doc("c", "New.")])
    assert (twice.added, twice.updated, twice.skipped) == (1, 1, 1)
    assert len(corpus) == 3 and corpus.get("a").body.startswith("Rewritten")
    assert corpus.search("treaty").total == 1 and corpus.search("europe").total == 0


def test_hostile_values_are_parameters(pg_url: str) -> None:
    corpus = Corpus.open(pg_url, create=True)
    odd = "x'); DROP TABLE corpus_search.documents; --"
    corpus.add([make_doc("q", f"Body {odd}", title=odd, source=odd, actors=country_actors(odd))])
    assert [h.id for h in corpus.search(sources=[odd]).hits] == ["q"]
    assert [h.id for h in corpus.search(actors=[odd]).hits] == ["q"]
    assert corpus.search("drop").total == 1 and len(corpus) == 1


def test_saved_searches_live_in_the_database(pg_url: str, tmp_path: Path) -> None:
    corpus = Corpus.open(pg_url, create=True)
    corpus.add(docs())
    corpus.saved.add("nuclear", Query.build("nuclear"))
    # another analyst's machine: another local folder, the same database
    os.environ["CORPUS_SEARCH_LOCAL_DIR"] = str(tmp_path / "elsewhere")
    other = Corpus.open(pg_url)
    assert [s.name for s in other.saved.list()] == ["nuclear"]
    run = other.saved.run("nuclear")
    assert [d.id for d in run.documents] == ["a"]
    assert corpus.saved.get("nuclear").seen == ["a"]
    other.saved.remove("nuclear")
    assert corpus.saved.list() == []
    assert not (local_dir(pg_url) / "saved-searches.json").exists()


def test_side_files_go_to_the_local_folder(pg_url: str, tmp_path: Path) -> None:
    corpus = Corpus.open(pg_url, create=True)
    assert corpus.path == tmp_path / "server-local"
    os.environ.pop("CORPUS_SEARCH_LOCAL_DIR")
    os.environ["XDG_DATA_HOME"] = str(tmp_path / "data")
    try:
        folder = local_dir("postgresql://ann:secret@db.example:6543/corpus")
    finally:
        os.environ.pop("XDG_DATA_HOME")
    assert folder == tmp_path / "data" / "corpus-search" / "servers" / "db.example-6543-corpus"


def test_libpq_environment_and_service_file(
    pg_server: object, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    port = pg_server.port  # type: ignore[attr-defined]
    database = pg_url.rsplit("/", 1)[1]
    Corpus.open(pg_url, create=True).add(docs())
    # the PG* variables fill in what the address leaves out
    monkeypatch.setenv("PGHOST", "127.0.0.1")
    monkeypatch.setenv("PGPORT", str(port))
    monkeypatch.setenv("PGUSER", "postgres")
    assert len(Corpus.open(f"postgresql:///{database}")) == 2
    # a service file names the server
    services = tmp_path / "pg_service.conf"
    services.write_text(f"[team]\nhost=127.0.0.1\nport={port}\nuser=postgres\ndbname={database}\n")
    for name in ("PGHOST", "PGPORT", "PGUSER"):
        monkeypatch.delenv(name)
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    assert len(Corpus.open("postgresql://?service=team")) == 2
    # libpq options pass through: sslmode=disable is accepted, an unknown option is not
    assert len(Corpus.open(f"{pg_url}?sslmode=disable&connect_timeout=5")) == 2
    with pytest.raises(IndexUnavailableError, match="invalid URI query parameter"):
        Corpus.open(f"{pg_url}?no_such_option=1")


def test_replica_answers_reads_and_refuses_writes(pg_server: object, pg_url: str) -> None:
    corpus = Corpus.open(pg_url, create=True)
    corpus.add(docs())
    database = pg_url.rsplit("/", 1)[1]
    standby = pg_server.replica()  # type: ignore[attr-defined]
    try:
        replica = standby.url(database)
        import time

        deadline = time.monotonic() + 30
        while True:
            try:
                read = Corpus.open(replica)
                if len(read) == 2:
                    break
            except IndexNotFoundError:
                pass
            assert time.monotonic() < deadline, "the replica never caught up"
            time.sleep(0.2)
        assert read.search("nuclear").total == 1 and read.stats().documents == 2
        with pytest.raises(IndexWriteError, match=r"read-only \(a replica\): write to the primary"):
            read.add([make_doc("z", "more")])
        with pytest.raises(IndexWriteError, match="read-only"):
            init_store(replica)
    finally:
        standby.destroy()


def test_records_are_compressed_with_lz4_where_the_server_has_it(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A record long enough to be compressed is compressed with lz4 (about twice pglz's
    speed when written, faster when read) by a small write and by a bulk load alike,
    and reads back whole."""
    corpus = Corpus.open(pg_url, create=True)
    store = corpus._store  # type: ignore[attr-defined]
    lz4 = store._rows(
        "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
    )
    if not lz4[0][0]:
        pytest.skip("this PostgreSQL was built without lz4")
    body = " ".join(f"Paragraph {i} weighs the ministry's {i % 7} options." for i in range(400))
    corpus.add([make_doc(f"z{i}", body + f" Note {i}.") for i in range(3)])
    monkeypatch.setattr(pg, "BULK_AFTER", 2)  # a write past 2 documents loads a segment
    corpus.add([make_doc(f"y{i}", body + f" Item {i}.") for i in range(6)])
    methods = store._rows(
        "SELECT segment <> 0, pg_column_compression(record), count(*) "
        "FROM corpus_search.documents GROUP BY 1, 2 ORDER BY 1"
    )
    assert [m for _, m, _ in methods] == ["lz4"] * len(methods) and methods
    got = corpus.get("z1")
    assert got is not None and got.body == body + " Note 1."
