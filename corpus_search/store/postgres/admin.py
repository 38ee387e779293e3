"""``corpus-search init`` / ``migrate``: create or bring up to date the schema on a server,
and say which extensions are missing and how to get them."""

from __future__ import annotations

from corpus_search.errors import IndexVersionError, IndexWriteError
from corpus_search.store.postgres import schema as sch
from corpus_search.store.postgres.address import describe
from corpus_search.store.postgres.connection import READ_ONLY, connect, translated
from corpus_search.store.postgres.schema import EXTENSIONS, OPTIONAL_EXTENSIONS

HOW_TO_INSTALL = {
    "fuzzystrmatch": (
        "it ships with PostgreSQL (contrib): as the database owner run "
        "CREATE EXTENSION fuzzystrmatch"
    ),
    "rum": (
        "install the package (Debian/Ubuntu: apt-get install postgresql-15-rum), then as a "
        "superuser run CREATE EXTENSION rum and 'corpus-search migrate' again"
    ),
}


def init(address: str, text_index: str = "auto") -> list[str]:
    """Create the schema, or migrate an older one, at ``address``. One line per thing
    done or missing."""
    from corpus_search.store.postgres.store import (
        _index_method,
        available_extensions,
        initialise,
        schema_version,
    )

    conn = connect(address)
    lines: list[str] = []
    try:
        with translated(address, writing=True):
            if conn.execute("SELECT pg_is_in_recovery()").fetchone()[0]:  # type: ignore[index]
                raise IndexWriteError(READ_ONLY)
            before = schema_version(conn)
            if before is not None and before > sch.SCHEMA_VERSION:
                raise IndexVersionError(
                    f"the corpus at {describe(address)} has schema version {before}, newer "
                    f"than this program's {sch.SCHEMA_VERSION}",
                    "upgrade corpus-search",
                )
            done = initialise(conn, text_index=text_index)
            lines += done or [f"schema version {sch.SCHEMA_VERSION}: up to date"]
            built = _build_terms(address)
            if built:
                lines.append(f"term statistics built for {len(built)} sealed segment(s)")
            found = available_extensions(conn)
            for name, why in {**EXTENSIONS, **OPTIONAL_EXTENSIONS}.items():
                if found.get(name):
                    lines.append(f"extension {name}: installed")
                else:
                    where = "not installed" if name in found else "not available on the server"
                    needed = "needed" if name in EXTENSIONS else "optional"
                    lines.append(
                        f"extension {name} ({needed}, for {why}): {where}; {HOW_TO_INSTALL[name]}"
                    )
            method = _index_method(conn)
            lines.append(f"text index: {method}")
            if method == "gin" and found.get("rum"):
                lines.append(
                    "RUM is installed but the text index is GIN: 'corpus-search init "
                    "--text-index rum ADDRESS' rebuilds it for fast relevance ranking"
                )
    finally:
        conn.close()
    return lines


def _build_terms(address: str) -> list[int]:
    """The term statistics of the sealed segments without them (a corpus migrated from
    version 2) or changed since they were built; the segments done."""
    from corpus_search.store.postgres.store import PostgresStore

    store = PostgresStore.open(address)
    try:
        return store.build_terms()
    finally:
        store.close()
