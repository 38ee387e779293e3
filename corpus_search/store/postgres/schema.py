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

Migrations are functions in ``MIGRATIONS``, applied in order inside one transaction by
``corpus-search init`` (also reachable as ``corpus-search migrate``); opening a corpus
never migrates it (a reader may have no right to, and a surprise migration of a shared
database is not a reader's call).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SCHEMA = "corpus_search"
SCHEMA_VERSION = 1
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


TEXT_INDEXES = ("auto", "gin", "rum")


def text_index_sql(has_rum: bool) -> str:
    """The full-text index: RUM (positions in the index, rank read from it, so a
    relevance-sorted top 10 of a word in a third of the corpus does not rank every
    match) where the extension is installed, else GIN."""
    if has_rum:
        return (
            f"CREATE INDEX documents_tsv_idx ON {SCHEMA}.documents USING rum (tsv rum_tsvector_ops)"
        )
    return f"CREATE INDEX documents_tsv_idx ON {SCHEMA}.documents USING gin (tsv)"


# version -> the function bringing the schema from version-1 to version; each gets the
# connection and the full-text index to build ("gin" or "rum")
MIGRATIONS: dict[int, Callable[[Any, str], None]] = {1: _v1}
