"""The database schema, its version and its migrations.

Everything lives in one PostgreSQL schema, ``corpus_search``, so a role can be granted
the whole corpus at once (see the docs' "A corpus for a team"):

- ``schema_version``: one row per migration applied (version, when, by which program);
- ``documents``: one row per document, keyed by id. ``record`` is the whole Document
  as JSON (what the folder stores too), ``record_hash`` its digest (a write of an
  identical record changes nothing); the other columns are indexes over it: the
  weighted ``tsv`` (title A, standfirst B, body D, in the ``english`` text-search
  configuration), the exact-value arrays (actors, key actors, themes, authors, tags,
  years mentioned), source, year and the publication period as day numbers
  (``pub_start``/``pub_end``; undated: 0..99991231, as in the folder). ``seq`` orders
  documents by when they were last written, the tie-break of equal scores (whoosh's
  document number);
- ``vocabulary``: every lexeme indexed (fuzzy words and "did you mean" read it);
- ``field_values``: every actor, theme, source, author and tag value written, for
  resolving a user's spelling without scanning the documents;
- ``saved_searches``: the team's saved searches (``corpus_search.saved``).

Version 2 splits ``documents`` into segments (list partitions on ``segment``), so a large
write does not pay for the RUM index one document at a time: a RUM index grows by about
5 ms of server time per document inserted into it, against under 0.5 ms per document
when it is built over a loaded table (measured on 2,000 generated documents). Segment 0,
``documents_s0`` (the version-1 table, every index in place), takes the small writes of
a crawl or an ingest's first documents; the rest of a large write goes into a new
segment created without its indexes, which are built when the segment is full or the
write ends ("sealed"). Rows of a segment still loading are searchable at once, by a
scan of that segment. The parent has no unique index, so ``ids`` keeps each id once
with its record's digest: writers upsert it first, and its row lock orders two writers
of one id, as the primary key did.

Version 3 keeps term statistics for the sealed segments (``segment_terms``), so a word
found in a third of the corpus is counted and ranked without visiting its matches: for
each word in at least ``TERM_DOCS`` documents of a sealed segment, the number of its
documents there by year of publication (0: undated) and its best ``TOP_DOCS`` documents
in RUM's order (seq and distance).
A segment whose statistics are built is marked ``terms``. A document deleted later from
a segment (replaced by a newer copy elsewhere) is recorded in ``segment_deletions``
with its words, and a search takes it off the segment's count and best documents; the
records of a segment are cleared when its statistics are built again (``migrate``).

Migrations are functions in ``MIGRATIONS``, applied in order inside one transaction by
``corpus-search init`` (also reachable as ``corpus-search migrate``); opening a corpus
never migrates it (a reader may have no right to, and a surprise migration of a shared
database is not a reader's call).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SCHEMA = "corpus_search"
SCHEMA_VERSION = 3
TS_CONFIG = "pg_catalog.english"
UNDATED_START, UNDATED_END = 0, 99991231

# Extensions: (name, needed for, how to get it). fuzzystrmatch ships with PostgreSQL
# (contrib) and a database owner may create it; rum is optional and needs a superuser.
EXTENSIONS = {
    "fuzzystrmatch": "fuzzy words (sanctons~): levenshtein()",
}
OPTIONAL_EXTENSIONS = {
    "rum": "relevance ranking read from the index (fast on words that match many documents)",
}

_V1 = f"""
CREATE SCHEMA IF NOT EXISTS {SCHEMA};
CREATE TABLE {SCHEMA}.schema_version (
    version integer NOT NULL,
    migrated_at timestamptz NOT NULL DEFAULT now(),
    program text NOT NULL DEFAULT ''
);
CREATE SEQUENCE {SCHEMA}.documents_seq;
CREATE TABLE {SCHEMA}.documents (
    id text PRIMARY KEY,
    seq bigint NOT NULL DEFAULT nextval('{SCHEMA}.documents_seq'),
    record text NOT NULL,
    record_hash bytea NOT NULL,
    source text NOT NULL DEFAULT '',
    year text NOT NULL DEFAULT '',
    pub_start integer NOT NULL DEFAULT {UNDATED_START},
    pub_end integer NOT NULL DEFAULT {UNDATED_END},
    actors text[] NOT NULL DEFAULT '{{}}',
    key_actors text[] NOT NULL DEFAULT '{{}}',
    themes text[] NOT NULL DEFAULT '{{}}',
    authors text[] NOT NULL DEFAULT '{{}}',
    tags text[] NOT NULL DEFAULT '{{}}',
    mentioned integer[] NOT NULL DEFAULT '{{}}',
    tsv tsvector NOT NULL,
    written_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX documents_seq_idx ON {SCHEMA}.documents (seq);
CREATE INDEX documents_pub_start_idx ON {SCHEMA}.documents (pub_start, seq);
CREATE INDEX documents_pub_end_idx ON {SCHEMA}.documents (pub_end);
CREATE INDEX documents_source_idx ON {SCHEMA}.documents (source);
CREATE INDEX documents_year_idx ON {SCHEMA}.documents (year);
CREATE INDEX documents_actors_idx ON {SCHEMA}.documents USING gin (actors);
CREATE INDEX documents_key_actors_idx ON {SCHEMA}.documents USING gin (key_actors);
CREATE INDEX documents_themes_idx ON {SCHEMA}.documents USING gin (themes);
CREATE INDEX documents_authors_idx ON {SCHEMA}.documents USING gin (authors);
CREATE INDEX documents_tags_idx ON {SCHEMA}.documents USING gin (tags);
CREATE INDEX documents_mentioned_idx ON {SCHEMA}.documents USING gin (mentioned);
CREATE TABLE {SCHEMA}.vocabulary (word text PRIMARY KEY);
CREATE INDEX vocabulary_prefix_idx ON {SCHEMA}.vocabulary (word text_pattern_ops);
CREATE TABLE {SCHEMA}.field_values (
    field text NOT NULL,
    value text NOT NULL,
    PRIMARY KEY (field, value)
);
CREATE TABLE {SCHEMA}.saved_searches (
    name text PRIMARY KEY,
    data jsonb NOT NULL
);
"""


def _v1(cur: Any, text_index: str) -> None:
    cur.execute(_V1)
    cur.execute(text_index_sql(text_index == "rum"))


_V2 = f"""
CREATE TABLE {SCHEMA}.ids (id text PRIMARY KEY, record_hash bytea NOT NULL);
INSERT INTO {SCHEMA}.ids (id, record_hash) SELECT id, record_hash FROM {SCHEMA}.documents;
CREATE SEQUENCE {SCHEMA}.segments_seq START 1;
CREATE TABLE {SCHEMA}.segments (
    segment integer PRIMARY KEY,
    sealed boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO {SCHEMA}.segments (segment, sealed) VALUES (0, true);
ALTER TABLE {SCHEMA}.documents RENAME TO documents_s0;
ALTER TABLE {SCHEMA}.documents_s0
    ADD COLUMN segment integer NOT NULL DEFAULT 0 CONSTRAINT documents_s0_segment CHECK (segment = 0);
CREATE TABLE {SCHEMA}.documents (LIKE {SCHEMA}.documents_s0 INCLUDING DEFAULTS)
    PARTITION BY LIST (segment);
ALTER TABLE {SCHEMA}.documents ATTACH PARTITION {SCHEMA}.documents_s0 FOR VALUES IN (0);
"""


def _grants(cur: Any, table: str) -> list[tuple[str, str]]:
    """(role, quoted for SQL; privilege) of every role other than the owner granted a
    right on ``table`` of the schema: what a migration passes on to its new tables."""
    rows = cur.execute(
        "SELECT grantee, privilege_type FROM information_schema.role_table_grants "
        "WHERE table_schema = %s AND table_name = %s "
        "AND grantee <> current_user AND grantee <> 'PUBLIC'",
        (SCHEMA, table),
    ).fetchall()
    return [
        ('"' + str(grantee).replace('"', '""') + '"', str(privilege)) for grantee, privilege in rows
    ]


def _v2(cur: Any, text_index: str) -> None:
    cur.execute(_V2)
    # The roles granted the version-1 table (analysts, the crawler) keep their rights on
    # what now stands in its place; partitions are reached through the parent.
    for role, privilege in _grants(cur, "documents_s0"):
        for table in ("documents", "ids", "segments"):
            cur.execute(f"GRANT {privilege} ON {SCHEMA}.{table} TO {role}")
        if privilege == "INSERT":
            cur.execute(f"GRANT USAGE ON SEQUENCE {SCHEMA}.segments_seq TO {role}")


_V3 = f"""
ALTER TABLE {SCHEMA}.segments ADD COLUMN terms boolean NOT NULL DEFAULT false;
CREATE TABLE {SCHEMA}.segment_terms (
    lexeme text NOT NULL,
    segment integer NOT NULL,
    ndoc integer NOT NULL,
    top_seq bigint[] NOT NULL,
    top_distance real[] NOT NULL,
    years integer[] NOT NULL,
    year_docs integer[] NOT NULL,
    PRIMARY KEY (lexeme, segment)
);
CREATE TABLE {SCHEMA}.segment_deletions (
    segment integer NOT NULL,
    seq bigint NOT NULL,
    pub_start integer NOT NULL,
    tsv tsvector NOT NULL
);
CREATE INDEX segment_deletions_tsv_idx ON {SCHEMA}.segment_deletions USING gin (tsv);
"""


def _v3(cur: Any, text_index: str) -> None:
    """The term statistics' tables, empty: ``corpus-search init`` (``migrate``) builds
    them for the sealed segments after migrating (``PostgresStore.build_terms``). The
    roles that read the segments read them; the roles that write documents record
    their deletions."""
    cur.execute(_V3)
    for role, privilege in _grants(cur, "segments"):
        if privilege == "SELECT":
            cur.execute(f"GRANT SELECT ON {SCHEMA}.segment_terms TO {role}")
            cur.execute(f"GRANT SELECT ON {SCHEMA}.segment_deletions TO {role}")
        elif privilege == "INSERT":
            cur.execute(f"GRANT INSERT ON {SCHEMA}.segment_deletions TO {role}")


def segment_table(segment: int) -> str:
    return f"{SCHEMA}.documents_s{int(segment)}"


def new_segment_sql(segment: int) -> list[str]:
    """A loading segment: the partition with only its id index (for the writers' deletes
    of older versions), attached at once so its rows are searchable as they commit."""
    n = int(segment)
    table = segment_table(n)
    return [
        f"CREATE TABLE {table} (LIKE {SCHEMA}.documents INCLUDING DEFAULTS, "
        f"CONSTRAINT documents_s{n}_segment CHECK (segment = {n}))",
        f"ALTER TABLE {table} ALTER COLUMN segment SET DEFAULT {n}",
        f"CREATE INDEX documents_s{n}_id_idx ON {table} (id)",
        f"ALTER TABLE {SCHEMA}.documents ATTACH PARTITION {table} FOR VALUES IN ({n})",
        f"INSERT INTO {SCHEMA}.segments (segment) VALUES ({n})",
    ]


def seal_segment_sql(segment: int, has_rum: bool) -> list[str]:
    """The indexes segment 0 has (see ``_V1``), built over a loaded segment."""
    n = int(segment)
    table = segment_table(n)
    name = f"documents_s{n}"
    text = "rum (tsv rum_tsvector_ops)" if has_rum else "gin (tsv)"
    statements = [
        f"CREATE INDEX IF NOT EXISTS {name}_tsv_idx ON {table} USING {text}",
        f"CREATE INDEX IF NOT EXISTS {name}_seq_idx ON {table} (seq)",
        f"CREATE INDEX IF NOT EXISTS {name}_pub_start_idx ON {table} (pub_start, seq)",
        f"CREATE INDEX IF NOT EXISTS {name}_pub_end_idx ON {table} (pub_end)",
        f"CREATE INDEX IF NOT EXISTS {name}_source_idx ON {table} (source)",
        f"CREATE INDEX IF NOT EXISTS {name}_year_idx ON {table} (year)",
    ]
    for column in ("actors", "key_actors", "themes", "authors", "tags", "mentioned"):
        statements.append(
            f"CREATE INDEX IF NOT EXISTS {name}_{column}_idx ON {table} USING gin ({column})"
        )
    statements.append(f"UPDATE {SCHEMA}.segments SET sealed = true WHERE segment = {n}")
    return statements


def text_index_name(segment: int) -> str:
    """Segment 0 keeps the version-1 name."""
    return "documents_tsv_idx" if int(segment) == 0 else f"documents_s{int(segment)}_tsv_idx"


TEXT_INDEXES = ("auto", "gin", "rum")


def text_index_sql(has_rum: bool, segment: int | None = None) -> str:
    """The full-text index: RUM (positions in the index, rank read from it, so a
    relevance-sorted top 10 of a word in a third of the corpus does not rank every
    match) where the extension is installed, else GIN. ``segment`` None: version 1's
    unpartitioned table (its first migration)."""
    table = f"{SCHEMA}.documents" if segment is None else segment_table(segment)
    name = text_index_name(segment or 0)
    if has_rum:
        return f"CREATE INDEX {name} ON {table} USING rum (tsv rum_tsvector_ops)"
    return f"CREATE INDEX {name} ON {table} USING gin (tsv)"


# version -> the function bringing the schema from version-1 to version; each gets the
# connection and the full-text index to build ("gin" or "rum")
MIGRATIONS: dict[int, Callable[[Any, str], None]] = {1: _v1, 2: _v2, 3: _v3}
