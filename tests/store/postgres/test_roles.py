"""The roles the docs show ("A corpus for a team"): analysts read and keep saved searches,
the crawler writes, neither may change the schema."""

from __future__ import annotations

import pytest

from corpus_search import Corpus, Query
from corpus_search.errors import IndexWriteError
from tests.conftest import make_doc

# the SQL of the docs, word for word (DATABASE is the database's name)
ROLES_SQL = """
CREATE ROLE analysts NOLOGIN;
GRANT CONNECT ON DATABASE "{db}" TO analysts;
GRANT USAGE ON SCHEMA corpus_search TO analysts;
GRANT SELECT ON ALL TABLES IN SCHEMA corpus_search TO analysts;
GRANT INSERT, UPDATE, DELETE ON corpus_search.saved_searches TO analysts;
CREATE ROLE ann LOGIN IN ROLE analysts;
CREATE ROLE crawler LOGIN;
GRANT CONNECT ON DATABASE "{db}" TO crawler;
GRANT USAGE ON SCHEMA corpus_search TO crawler;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA corpus_search TO crawler;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA corpus_search TO crawler;
"""


def test_analyst_reads_crawler_writes(pg_server: object, pg_url: str) -> None:
    database = pg_url.rsplit("/", 1)[1]
    Corpus.open(pg_url, create=True)
    try:
        pg_server.psql(ROLES_SQL.format(db=database), database)  # type: ignore[attr-defined]
        crawler = Corpus.open(pg_server.url(database, user="crawler"))  # type: ignore[attr-defined]
        report = crawler.add([make_doc("a", "Sanctions tighten.", title="Sanctions")])
        assert report.added == 1
        analyst = Corpus.open(pg_server.url(database, user="ann"))  # type: ignore[attr-defined]
        assert analyst.search("sanctions").total == 1
        assert analyst.search("sanctons~").total == 1
        analyst.saved.add("s", Query.build("sanctions"))
        assert [d.id for d in analyst.saved.run("s").documents] == ["a"]
        with pytest.raises(IndexWriteError, match="this role may not do that"):
            analyst.add([make_doc("b", "More.")])
        from corpus_search.store import init_store

        with pytest.raises(IndexWriteError):
            init_store(pg_server.url(database, user="crawler"), "gin")  # type: ignore[attr-defined]
    finally:
        pg_server.psql(  # type: ignore[attr-defined]
            "DROP OWNED BY ann, analysts, crawler CASCADE; DROP ROLE ann; "
            "DROP ROLE analysts; DROP ROLE crawler",
            database,
        )
