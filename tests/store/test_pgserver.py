"""The throwaway PostgreSQL server the PostgreSQL-store tests run against."""

from __future__ import annotations


def test_server_answers_and_databases_are_separate(pg_server, pg_url: str) -> None:
    other = pg_server.create_database("pgserver_other")
    assert pg_url != other
    assert pg_server.psql("SELECT 40 + 2") == "42"
    assert pg_server.psql("SELECT current_setting('listen_addresses')") == "127.0.0.1"
