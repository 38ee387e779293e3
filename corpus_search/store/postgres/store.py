"""``PostgresStore``: the ``Store`` protocol on a PostgreSQL server.

One connection per store (autocommit for reads, so a reader never holds a transaction
open), a second one for a long export. Writes go in batches: each batch is one
transaction (COPY into a temporary table, then one upsert keyed by id), so a killed
writer loses at most its batch in flight and two writers never see each other's
halves. A batch that meets a deadlock or a serialization failure is retried.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import math
import queue
import re
import time
import weakref
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any

import psycopg
from psycopg import errors as pg_errors

from corpus_search.dates import day_number, period_range
from corpus_search.document import Document
from corpus_search.errors import (
    CorpusSearchError,
    IndexNotFoundError,
    IndexVersionError,
    IndexWriteError,
    InputError,
)
from corpus_search.query import Query
from corpus_search.results import Hit, SearchResult, Stats, Suggestion, Trend
from corpus_search.store import tree as t
from corpus_search.store.check import CheckReport
from corpus_search.store.postgres import address as addr
from corpus_search.store.postgres import schema as sch
from corpus_search.store.postgres.compile import (
    Compiled,
    Compiler,
    lexemes,
    quote_lexeme,
    text_words,
)
from corpus_search.store.postgres.connection import READ_ONLY, connect, translated
from corpus_search.store.postgres.schema import (
    EXTENSIONS,
    OPTIONAL_EXTENSIONS,
    SCHEMA,
    TS_CONFIG,
    UNDATED_END,
    UNDATED_START,
)
from corpus_search.store.snippets import hit_of

LOG = logging.getLogger(__name__)

AliasResolver = Callable[[str, str], "str | None"]
D = f"{SCHEMA}.documents"
FACET_SIZE = 20
# a search with at most this many matches counts its facets from one reading of them
FACETS_IN_ONE_PASS = 20_000
# a search with filters and no facets counts at most this many matches from the reading
# that ranks them when they are few (past it, the server counts them: see ``_few``)
FEW_COUNTED = 5_000
_FACET_COLUMNS = {
    "actor": "actors",
    "theme": "themes",
    "author": "authors",
    "source": "source",
    "year": "year",
}
BATCH = 500
RETRIES = 5
SIMILAR_TERMS = 12
SIMILAR_DF_CAP = 1000
# ts_rank's weights for {D, C, B, A}: body 1, standfirst 1.5, title 3 (as the folder's
# field boosts), scaled to at most 1
RANK_WEIGHTS = [1 / 3, 0.0, 0.5, 1.0]
# ts_rank normalization: divide by 1 + log(document length), as BM25 favours the
# shorter of two documents with the same counts
RANK_NORMALIZATION = 1
# With a GIN text index, a relevance-sorted page of a query matching more documents than
# this ranks only the most recent this many (see ``_page_bounded``).
RANK_CANDIDATES = 500
# With a RUM index, a query of words and filters matching at most this many documents is
# ranked on its matches rather than through the index's order (see ``_page_direct``).
RANK_DIRECT = 1_000
# Writing: a write longer than BULK_AFTER documents goes on into new segments of up to
# SEGMENT_DOCS documents, indexed when full (see ``schema``); building a segment's
# indexes may use SEAL_MEMORY.
BULK_AFTER = 1000
SEGMENT_DOCS = 50_000
SEAL_MEMORY = "256MB"
WRITERS = 2  # connections writing batches side by side
# Term statistics of a sealed segment (schema version 3): words in at least TERM_DOCS of
# its documents get their count and their best TOP_DOCS documents kept, so a search for
# one of them reads a row per segment instead of ranking every match.
TERM_DOCS = 500
TOP_DOCS = 100
_ONE_LEXEME = re.compile(r"^'(?:[^']|'')*'$")
SEGMENT_LOCK = 0x5E6  # advisory lock class: (SEGMENT_LOCK, n) held while segment n loads
_TOKEN = re.compile(r"[\w*]+(?:\.?[\w*]+)*")

# word -> its lexeme under TS_CONFIG ("" for a word the configuration drops), shared by
# every store of the process (the configuration is the same on every server)
_LEXEMES: dict[str, str] = {}
_LEXEME_CACHE_LIMIT = 500_000


def _clean(value: str) -> str:
    return " ".join(value.replace(",", " ").split())


def _distinct(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


@dataclass
class _Kept:
    """A word's term statistics in one sealed segment (see ``schema``): its documents,
    its best seqs and their distances (complete below ``cut``, the distance where the
    list was cut), its documents by year (0: undated)."""

    ndoc: int
    seqs: list[int]
    distances: list[float]
    cut: float
    years: dict[int, int]


class PostgresStore:
    def __init__(self, address: str, conn: psycopg.Connection[Any], read_only: bool) -> None:
        self.address = address
        self.path = addr.local_dir(address)
        self._conn = conn
        self._read_only = read_only
        self._has_rum = False
        self._lz4: bool | None = None  # the server has lz4; asked by the first write
        self.use_terms = True  # one-word searches from the term statistics (see schema)
        self.facets_in_one_pass = FACETS_IN_ONE_PASS
        self.rank_direct = RANK_DIRECT
        # the connection closes with the store (a Corpus has no close of its own)
        weakref.finalize(self, conn.close)

    # -- opening, creating, migrating ----------------------------------------------------

    @classmethod
    def open(cls, address: str, create: bool = False) -> PostgresStore:
        """Open the corpus at ``address``. With ``create``, an empty database gets the
        schema (as a folder is created); an old schema is never migrated here."""
        conn = connect(address)
        with translated(address):
            read_only = bool(conn.execute("SELECT pg_is_in_recovery()").fetchone()[0])  # type: ignore[index]
            version = schema_version(conn)
            if version is None:
                if not create or read_only:
                    conn.close()
                    raise IndexNotFoundError(
                        f"no corpus schema in {addr.describe(address)}",
                        f"run 'corpus-search init {addr.describe(address)}'",
                    )
                initialise(conn)
                version = sch.SCHEMA_VERSION
            if version < sch.SCHEMA_VERSION:
                conn.close()
                raise IndexVersionError(
                    f"the corpus at {addr.describe(address)} has schema version {version}, "
                    f"this program needs version {sch.SCHEMA_VERSION}",
                    f"run 'corpus-search migrate {addr.describe(address)}' (it keeps every document)",
                )
            if version > sch.SCHEMA_VERSION:
                conn.close()
                raise IndexVersionError(
                    f"the corpus at {addr.describe(address)} has schema version {version}, "
                    f"newer than this program's {sch.SCHEMA_VERSION}",
                    "upgrade corpus-search",
                )
            store = cls(address, conn, read_only)
            store._has_rum = _index_method(conn) == "rum"
        try:
            store.path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(
                f"cannot create the local folder {store.path}: {exc.strerror or exc}",
                f"set ${addr.LOCAL_DIR_ENV} to a folder you can write",
            ) from None
        return store

    def close(self) -> None:
        self._conn.close()

    def describe(self) -> str:
        return addr.describe(self.address)

    # -- writing -------------------------------------------------------------------------

    def write(
        self,
        docs: Iterable[Document],
        batch_size: int = BATCH,
        on_commit: Callable[[int], None] | None = None,
        flush: Callable[[], bool] | None = None,  # (batches are written as they fill)
    ) -> tuple[list[str], list[str], list[str]]:
        """Add or replace documents by id, one transaction per ``batch_size``; (added,
        updated, unchanged) ids. An identical record changes nothing.

        The first ``BULK_AFTER`` documents go into segment 0 (indexed as they are
        written); past that, when this role owns the corpus, the rest goes into new
        segments of up to ``SEGMENT_DOCS`` documents whose indexes are built once, when
        each is full and at the end (see ``schema``)."""
        if self._read_only:
            raise IndexWriteError(READ_ONLY)
        writer = _Writer(self, batch_size, on_commit)
        try:
            for doc in docs:
                writer.add(doc)
            writer.flush()
            writer.finish()
        finally:
            writer.close()
        return writer.added, writer.updated, writer.skipped

    def _write_batch(
        self, conn: psycopg.Connection[Any], rows: list[tuple[Any, ...]], segment: int
    ) -> dict[str, bool]:
        """One batch, one transaction on ``conn``; what ``_upsert`` says of its ids."""
        rows.sort(key=lambda r: r[0])  # one lock order for every writer: no deadlocks
        with translated(self.address, writing=True):
            for attempt in range(RETRIES):
                try:
                    with conn.transaction():
                        return self._upsert(conn, rows, segment)
                except (pg_errors.DeadlockDetected, pg_errors.SerializationFailure):
                    # two writers met on the same rows: this batch was rolled back whole
                    if attempt == RETRIES - 1:
                        raise
                    time.sleep(0.05 * (attempt + 1))
        return {}

    def _upsert(
        self, conn: psycopg.Connection[Any], rows: list[tuple[Any, ...]], segment: int
    ) -> dict[str, bool]:
        """One batch inside a transaction, into ``segment``: id -> True (added) / False
        (updated); an id missing was unchanged."""
        conn.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS staging (LIKE {D} INCLUDING DEFAULTS) "
            "ON COMMIT DELETE ROWS"
        )
        # lz4 where the server has it: a record is compressed once, as it is copied in
        # (it keeps that compression when it moves on into ``documents``), about three
        # times as fast as pglz, and read back faster (see docs/performance.md)
        if self._lz4 is None:
            self._lz4 = _has_lz4(conn)
        compression = "".join(
            f", ALTER COLUMN {column} SET COMPRESSION lz4"
            for column in ("record", "title", "subtitle", "body")
            if self._lz4
        )
        conn.execute(
            "ALTER TABLE staging ADD COLUMN IF NOT EXISTS title text, "
            "ADD COLUMN IF NOT EXISTS subtitle text, ADD COLUMN IF NOT EXISTS body text, "
            "ALTER COLUMN tsv DROP NOT NULL" + compression
        )
        columns = (
            "id, record, record_hash, source, year, pub_start, pub_end, actors, key_actors, "
            "themes, authors, tags, mentioned, title, subtitle, body"
        )
        with conn.cursor().copy(f"COPY staging ({columns}) FROM STDIN") as copy:
            copy.set_types(
                ["text", "text", "bytea", "text", "text", "int4", "int4"]
                + ["text[]"] * 5
                + ["int4[]", "text", "text", "text"]
            )
            for row in rows:
                copy.write_row(row)
        # The id's row in ``ids`` is the lock two writers of one document take in turn
        # (the later waits for the earlier to commit, then replaces its version).
        result = conn.execute(
            f"""
            INSERT INTO {SCHEMA}.ids AS i (id, record_hash)
            SELECT id, record_hash FROM staging ORDER BY id
            ON CONFLICT (id) DO UPDATE SET record_hash = EXCLUDED.record_hash
            WHERE i.record_hash <> EXCLUDED.record_hash
            RETURNING i.id, (xmax = 0) AS inserted
            """
        ).fetchall()
        written = {row[0]: bool(row[1]) for row in result}
        if not written:
            return written
        ids = sorted(written)
        replaced = [doc_id for doc_id, inserted in written.items() if not inserted]
        if replaced and not self._has_rum:
            conn.execute(f"DELETE FROM {D} WHERE id = ANY(%s)", (sorted(replaced),))
        elif replaced:
            # an older copy leaves its segment; the segment's term statistics (built
            # or to be built) take it off through its record in segment_deletions
            conn.execute(
                f"""
                WITH gone AS (
                    DELETE FROM {D} WHERE id = ANY(%s) RETURNING segment, seq, pub_start, tsv
                )
                INSERT INTO {SCHEMA}.segment_deletions (segment, seq, pub_start, tsv)
                SELECT segment, seq, pub_start, tsv FROM gone WHERE segment <> 0
                """,
                (sorted(replaced),),
            )
        cfg = TS_CONFIG
        conn.execute(
            f"""
            INSERT INTO {D} (id, record, record_hash, source, year, pub_start, pub_end,
                actors, key_actors, themes, authors, tags, mentioned, tsv, segment)
            SELECT s.id, s.record, s.record_hash, s.source, s.year, s.pub_start, s.pub_end,
                s.actors, s.key_actors, s.themes, s.authors, s.tags, s.mentioned,
                setweight(to_tsvector('{cfg}', s.title), 'A')
                || setweight(to_tsvector('{cfg}', s.subtitle), 'B')
                || setweight(to_tsvector('{cfg}', s.body), 'D'),
                %s
            FROM staging s WHERE s.id = ANY(%s)
            ORDER BY s.id
            """,
            (segment, ids),
        )
        if segment == 0:
            # a loading segment's words join the vocabulary when it is sealed
            conn.execute(
                f"""
                INSERT INTO {SCHEMA}.vocabulary (word)
                SELECT DISTINCT w FROM {D} d, unnest(tsvector_to_array(d.tsv)) w
                WHERE d.id = ANY(%s) AND d.segment = 0 ORDER BY 1
                ON CONFLICT DO NOTHING
                """,
                (ids,),
            )
        conn.execute(
            f"""
            INSERT INTO {SCHEMA}.field_values (field, value)
            SELECT DISTINCT f, v FROM (
                SELECT 'actor' f, unnest(actors) v FROM staging
                UNION ALL SELECT 'key_actor', unnest(key_actors) FROM staging
                UNION ALL SELECT 'theme', unnest(themes) FROM staging
                UNION ALL SELECT 'author', unnest(authors) FROM staging
                UNION ALL SELECT 'tag', unnest(tags) FROM staging
                UNION ALL SELECT 'source', source FROM staging WHERE source <> ''
            ) x ORDER BY 1, 2
            ON CONFLICT DO NOTHING
            """
        )
        return written

    # -- segments ------------------------------------------------------------------------

    def _may_segment(self) -> bool:
        """Creating and attaching a segment needs the corpus's owner (a writer role
        granted only INSERT, UPDATE and DELETE writes everything into segment 0)."""
        row = self._rows(
            "SELECT pg_has_role(c.relowner, 'USAGE') AND has_schema_privilege(%s, 'CREATE') "
            "FROM pg_class c WHERE c.oid = %s::regclass",
            (SCHEMA, D),
        )
        return bool(row and row[0][0])

    def _open_segment(self) -> int:
        """A new loading segment, attached and committed; this session holds its lock
        until it is sealed (a segment whose lock is free and not sealed was left by a
        writer that died: the next writer seals it)."""
        with translated(self.address, writing=True), self._conn.transaction():
            row = self._conn.execute(f"SELECT nextval('{SCHEMA}.segments_seq')").fetchone()
            segment = int(row[0])  # type: ignore[index]
            self._conn.execute("SELECT pg_advisory_lock(%s, %s)", (SEGMENT_LOCK, segment))
            for sql in sch.new_segment_sql(segment):
                self._conn.execute(sql)
        return segment

    def _seal(self, segment: int) -> None:
        """Seal a loaded segment on the store's connection, then release its lock."""
        self._seal_on(self._conn, segment)
        self._unlock_segment(segment)

    def _seal_on(self, conn: psycopg.Connection[Any], segment: int) -> None:
        """Build a loaded segment's indexes, its term statistics and its vocabulary, on
        ``conn`` (the store's, or a sealer's own while the next segment loads). The
        segment's lock stays with the session that opened the segment."""
        table = sch.segment_table(segment)
        with translated(self.address, writing=True):
            with conn.transaction():
                conn.execute(f"SET LOCAL maintenance_work_mem = '{SEAL_MEMORY}'")
                for sql in sch.seal_segment_sql(segment, self._has_rum):
                    conn.execute(sql)
                self._segment_words(conn, segment)
                conn.execute(
                    f"INSERT INTO {SCHEMA}.vocabulary (word) "
                    "SELECT DISTINCT word FROM segment_words ORDER BY 1 ON CONFLICT DO NOTHING"
                )
                if self._has_rum:
                    self._build_terms(conn, segment)
            # statistics for the planner, and the visibility map, with which a count of a
            # common word's matches reads the index without visiting every row
            conn.execute(f"VACUUM (ANALYZE) {table}")

    def _unlock_segment(self, segment: int) -> None:
        with translated(self.address, writing=True):
            self._conn.execute("SELECT pg_advisory_unlock(%s, %s)", (SEGMENT_LOCK, segment))

    def _segment_words(self, conn: psycopg.Connection[Any], segment: int) -> None:
        """The temporary table ``segment_words`` (word, year, ndoc): how many documents
        of the segment hold each word, by year of publication (0: undated), for the
        vocabulary and the term statistics. ``ts_stat`` counts a year's words in one
        pass of the server's own code, about twice as fast as unnesting every
        document's words and grouping them (see docs/performance.md); the years are
        ranges of ``pub_start``, a day number (20250508), so each document is read once."""
        table = sch.segment_table(segment)
        conn.execute(f"SET LOCAL work_mem = '{SEAL_MEMORY}'")
        conn.execute(
            "CREATE TEMP TABLE segment_words ON COMMIT DROP AS "
            "SELECT s.word, y.year, s.ndoc "
            f"FROM (SELECT DISTINCT pub_start / 10000 AS year FROM {table}) y, "
            f"LATERAL ts_stat('SELECT tsv FROM {table} WHERE pub_start >= ' "
            "|| y.year * 10000 || ' AND pub_start < ' || (y.year + 1) * 10000) s"
        )

    def _build_terms(self, conn: psycopg.Connection[Any], segment: int) -> None:
        """The term statistics of a sealed segment (see ``schema``), from its
        ``segment_words``, inside the caller's transaction on ``conn``. Each frequent
        word's best documents come from the RUM index in its own order, the order a
        search reads."""
        table = sch.segment_table(segment)
        conn.execute("SET LOCAL enable_seqscan = off")
        # deletions wait for the statistics (and those before them are in segment_words)
        conn.execute(f"LOCK TABLE {table} IN SHARE MODE")
        conn.execute(f"DELETE FROM {SCHEMA}.segment_terms WHERE segment = %s", (segment,))
        conn.execute(f"DELETE FROM {SCHEMA}.segment_deletions WHERE segment = %s", (segment,))
        conn.execute(
            f"""
            INSERT INTO {SCHEMA}.segment_terms
                (lexeme, segment, ndoc, top_seq, top_distance, years, year_docs)
            SELECT s.word, %s, s.ndoc, t.seqs, t.distances, s.years, s.year_docs
            FROM (SELECT word, sum(ndoc)::integer AS ndoc,
                         array_agg(year ORDER BY year) AS years,
                         array_agg(ndoc ORDER BY year) AS year_docs,
                         ('''' || replace(replace(word, '\\', '\\\\'), '''', '''''')
                          || '''')::tsquery AS q
                  FROM segment_words GROUP BY word HAVING sum(ndoc) >= %s) s,
            LATERAL (
                SELECT array_agg(x.seq ORDER BY x.distance, x.seq) AS seqs,
                       array_agg(x.distance ORDER BY x.distance, x.seq) AS distances
                FROM (SELECT d.seq, d.tsv <=> s.q AS distance FROM {table} d
                      WHERE d.tsv @@ s.q ORDER BY d.tsv <=> s.q LIMIT %s) x
            ) t
            ORDER BY 1
            """,
            (segment, TERM_DOCS, TOP_DOCS),
        )
        conn.execute(
            f"UPDATE {SCHEMA}.segments SET terms = true WHERE segment = %s",
            (segment,),
        )

    def build_terms(self, progress: Callable[[int], None] | None = None) -> list[int]:
        """Build the term statistics of every sealed segment that lacks them (after a
        migration) or has lost documents since (their records are cleared); the
        segments done. Needs the corpus's owner and a RUM index."""
        if self._read_only or not self._has_rum or not self._may_segment():
            return []
        done = []
        for (segment,) in self._rows(
            f"SELECT segment FROM {SCHEMA}.segments "
            "WHERE sealed AND segment <> 0 AND (NOT terms OR segment IN "
            f"(SELECT segment FROM {SCHEMA}.segment_deletions)) ORDER BY 1"
        ):
            with translated(self.address, writing=True), self._conn.transaction():
                self._segment_words(self._conn, int(segment))
                self._build_terms(self._conn, int(segment))
            done.append(int(segment))
            if progress:
                progress(int(segment))
        return done

    def seal_abandoned(self) -> list[int]:
        """Seal the segments left loading by writers that died; the ones sealed."""
        if self._read_only or not self._may_segment():
            return []
        done = []
        for segment in self.abandoned_segments():
            got = self._rows("SELECT pg_try_advisory_lock(%s, %s)", (SEGMENT_LOCK, segment))
            if got and got[0][0]:
                self._seal(segment)  # also releases the lock
                done.append(segment)
        return done

    # -- reading -------------------------------------------------------------------------

    def _rows(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        with translated(self.address):
            if "tsv @@" not in sql:
                return self._conn.execute(sql, tuple(params)).fetchall()
            # The planner prices a test of a document's words as if they were in the row;
            # they are compressed out of line (TOAST), so for a common word a sequential
            # scan reading every document costs ten times the index: keep the index.
            with self._conn.transaction():
                self._conn.execute("SET LOCAL enable_seqscan = off")
                return self._conn.execute(sql, tuple(params)).fetchall()

    def count(self) -> int:
        return int(self._rows(f"SELECT count(*) FROM {D}")[0][0])

    def ids(self) -> list[str]:
        return [r[0] for r in self._rows(f"SELECT id FROM {D} ORDER BY id")]

    def get(self, doc_id: str) -> Document | None:
        """The document with this id, or with this unique id prefix (6+ characters)."""
        rows = self._rows(f"SELECT record FROM {D} WHERE id = %s", (doc_id,))
        if not rows and len(doc_id) >= 6:
            pattern = _like_prefix(doc_id)
            rows = self._rows(f"SELECT record FROM {D} WHERE id LIKE %s LIMIT 2", (pattern,))
            if len(rows) != 1:
                return None
        return _document(rows[0][0]) if rows else None

    # -- compiling -----------------------------------------------------------------------

    def resolve(self, field: str, value: str, alias: AliasResolver | None = None) -> list[str]:
        """The values the corpus holds for a user's ``value`` of ``field`` (actor,
        key_actor, theme, source, author, tag): the alias table first, then a
        case-insensitive match, then (sources, authors) a match on whole words."""
        value = " ".join(value.split())
        canonical = (alias(field, value) if alias else None) or value
        found: list[str] = []
        for candidate in dict.fromkeys((canonical, value)):
            found = [
                r[0]
                for r in self._rows(
                    f"SELECT value FROM {SCHEMA}.field_values WHERE field = %s "
                    "AND lower(value) = lower(%s) ORDER BY value",
                    (field, candidate),
                )
            ]
            if found:
                break
        if not found and field in ("source", "author") and value:
            words = " ".join(value.casefold().split())
            pattern = r"(^| )" + re.escape(words).replace(r"\ ", " ") + r"( |$)"
            found = [
                r[0]
                for r in self._rows(
                    f"SELECT value FROM {SCHEMA}.field_values WHERE field = %s "
                    "AND lower(value) ~ %s ORDER BY value",
                    (field, pattern),
                )
            ]
        return found

    def tree(
        self, query: Query, alias: AliasResolver, notes: list[dict[str, Any]] | None = None
    ) -> t.Node:
        """The query tree of ``query`` (the project's parser, ``store/parse.py``), its
        values resolved against this corpus."""
        from corpus_search.store.parse import parse

        return parse(query, lambda field, value: self.resolve(field, value, alias), notes)

    def compile(self, node: t.Node) -> Compiled:
        words = text_words(node)
        analyzed = self._analyze_phrases(words) if words else {}
        return Compiler(analyzed, self._fuzzy).compile(node)

    def _analyze_phrases(self, texts: list[str]) -> dict[str, str]:
        rows = self._rows(
            f"SELECT w, phraseto_tsquery('{TS_CONFIG}', w)::text FROM unnest(%s::text[]) w",
            (texts,),
        )
        return {w: q for w, q in rows}

    def _fuzzy(self, node: t.Fuzzy) -> list[str]:
        word = node.word.lower()
        edits = max(1, min(int(node.edits), 2))
        keep = max(0, int(node.keep))
        candidates = {word}
        stem = self.lexemes([word]).get(word)
        if stem:
            candidates.add(stem)
        found: set[str] = set()
        for candidate in candidates:
            try:
                rows = self._rows(
                    f"SELECT word FROM {SCHEMA}.vocabulary WHERE word LIKE %s "
                    "AND length(word) BETWEEN %s AND %s "
                    "AND levenshtein_less_equal(word, %s, %s) <= %s",
                    (
                        _like_prefix(candidate[:keep]),
                        len(candidate) - edits,
                        len(candidate) + edits,
                        candidate,
                        edits,
                        edits,
                    ),
                )
            except Exception as exc:
                if "levenshtein" in str(exc):
                    from corpus_search.errors import QuerySyntaxError

                    raise QuerySyntaxError(
                        "fuzzy words need the fuzzystrmatch extension on this server",
                        f"run 'corpus-search init {self.describe()}' as the database owner",
                    ) from None
                raise
            found.update(r[0] for r in rows)
        return sorted(found)

    def lexemes(self, words: Iterable[str]) -> dict[str, str]:
        """Each word's lexeme under the server's configuration ("" when dropped)."""
        words = list(dict.fromkeys(words))
        unknown = [w for w in words if w not in _LEXEMES]
        if unknown:
            if len(_LEXEMES) + len(unknown) > _LEXEME_CACHE_LIMIT:
                _LEXEMES.clear()
            rows = self._rows(
                "SELECT w, array_to_string(tsvector_to_array("
                f"to_tsvector('{TS_CONFIG}', w)), ' ') FROM unnest(%s::text[]) w",
                (unknown,),
            )
            _LEXEMES.update({w: (lex or "") for w, lex in rows})
        return {w: _LEXEMES.get(w, "") for w in words}

    def _analyzed_form(self, word: str) -> str | None:
        word = word.lower()
        if word not in _LEXEMES:
            self.lexemes([word])
        return _LEXEMES.get(word) or None

    def _wanted(self, compiled: Compiled) -> set[str]:
        """The lexemes a snippet marks: the positive text's, prefixes expanded."""
        wanted: set[str] = set()
        for text in compiled.positive:
            for lexeme in lexemes(text):
                if lexeme.endswith("*"):
                    rows = self._rows(
                        f"SELECT word FROM {SCHEMA}.vocabulary WHERE word LIKE %s "
                        "ORDER BY word LIMIT 200",
                        (_like_prefix(lexeme[:-1]),),
                    )
                    wanted.update(r[0] for r in rows)
                else:
                    wanted.add(lexeme)
        return wanted

    # -- searching -----------------------------------------------------------------------

    def search(self, query: Query, alias: AliasResolver) -> SearchResult:
        compiled = self.compile(self.tree(query, alias))
        where, params = compiled.where, compiled.params
        limit = query.limit
        rows: list[tuple[Any, ...]] | None = None
        if compiled.tsquery is None and (few := self._few(compiled, query)) is not None:
            total, page, counted = few
            hits = self._hits(page, compiled if query.text else None, query.snippets)
            return SearchResult(query=query.describe(), total=total, hits=hits, facets=counted)
        if self._one_lexeme(compiled):
            total, rows = self._term_search(compiled, query)
        else:
            total = int(self._rows(f"SELECT count(*) FROM {D} d WHERE {where}", params)[0][0])
        if rows is None:
            rows = []
            if total and limit != 0 and query.offset < total:
                rows = self._page(compiled, query.sort, limit, query.offset, total)
        facets: dict[str, list[tuple[str, int]]] = {}
        if query.facets and total <= self.facets_in_one_pass:
            facets = self._facets_in_one_pass(query.facets, where, params)
        else:
            for name in query.facets:
                facets[name] = self._facet(name, where, params, FACET_SIZE)
        hits = self._hits(rows, compiled if query.text else None, query.snippets)
        return SearchResult(query=query.describe(), total=total, hits=hits, facets=facets)

    def _few(
        self, compiled: Compiled, query: Query
    ) -> tuple[int, list[tuple[Any, ...]], dict[str, list[tuple[str, int]]]] | None:
        """(total, page, facets) of a query with filters, from one reading of its
        matches (at most ``facets_in_one_pass`` of them, or ``FEW_COUNTED`` when it asks
        no facets): their count and their facets, and, when there are at most
        ``rank_direct`` (``RANK_CANDIDATES`` without RUM), their order too. The plain
        path finds the matches once for each. None when there are more matches than
        that: the caller goes the plain way.

        Ranking a match reads all its words again, so the matches are ranked only once
        they are known to be few; with more, the page is the plain path's (``_page``:
        RUM's order read from the index). The order is the plain path's: by RUM's
        distance then ``seq`` (``_page_direct``), or by the score and order of
        ``_order``; only the page's records are read."""
        cap = self.rank_direct if self._has_rum else min(self.rank_direct, RANK_CANDIDATES)
        bound = max(cap, self.facets_in_one_pass if query.facets else FEW_COUNTED)
        ranked = query.sort == "relevance" and compiled.rank is not None
        rank = compiled.tsquery or compiled.rank
        rum = ranked and self._has_rum
        key_params: tuple[Any, ...]
        score_params: tuple[Any, ...]
        if rum:  # the distance orders, the score is shown
            key, key_params = "m.tsv <=> %s::tsquery", (rank,)
            score, score_params = "rum_ts_score(d.tsv, %s::tsquery)", (rank,)
        elif ranked:  # the score orders and is shown
            score, _order, score_params = self._order(compiled, query.sort)
            key, _order, key_params = self._order(compiled, query.sort, table="m")
        else:
            key, key_params, score, score_params = "0.0", (), "0.0", ()
        names = [_FACET_COLUMNS[name] for name in query.facets]
        inner = "".join(f", d.{column}" for column in names)
        outer = "".join(f", m.{column}" for column in names)
        end = None if query.limit is None else query.offset + query.limit
        page: list[tuple[Any, ...]] = []
        with translated(self.address), self._conn.transaction():
            conn = self._conn
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            conn.execute("SET LOCAL enable_seqscan = off")
            # (the materialised matches hold their words by reference: only the key
            # of a match, computed when the matches are few, reads them)
            found = conn.execute(
                f"WITH m AS MATERIALIZED (SELECT d.seq, d.pub_start, d.tsv{inner} FROM {D} d "
                f"WHERE {compiled.where} LIMIT %s) "
                f"SELECT m.seq, m.pub_start, CASE WHEN (SELECT count(*) FROM m) <= %s "
                f"THEN {key} END{outer} FROM m",
                (*compiled.params, bound + 1, cap, *key_params),
            ).fetchall()
            total = len(found)
            if total > bound:
                return None
            if total > cap:  # counted and faceted; the plain path pages
                if query.limit != 0 and query.offset < total:
                    page = self._page(compiled, query.sort, query.limit, query.offset, total)
            else:
                if query.sort == "date":
                    found.sort(key=lambda r: (r[1], r[0]))
                elif query.sort == "-date":
                    found.sort(key=lambda r: (-r[1], -r[0]))
                elif rum:
                    found.sort(key=lambda r: (float(r[2]), r[0]))
                elif ranked:
                    found.sort(key=lambda r: (-float(r[2]), r[0]))
                else:
                    found.sort(key=lambda r: r[0])
                chosen = [int(r[0]) for r in found[query.offset : end]]
                page = self._by_seq(chosen, score, score_params)
        counts = _count_facets(list(query.facets), (r[3:] for r in found))
        return total, page, counts

    def _one_lexeme(self, compiled: Compiled) -> bool:
        """Is the query one word and nothing else (what the term statistics answer)?"""
        return (
            self._has_rum
            and self.use_terms
            and compiled.tsquery is not None
            and _ONE_LEXEME.match(compiled.tsquery) is not None
        )

    def _term_search(
        self, compiled: Compiled, query: Query
    ) -> tuple[int, list[tuple[Any, ...]] | None]:
        """(total, page) of a one-word query from the term statistics, exactly as the
        plain path would find them, in one snapshot; the page is None when the plain
        path must make it (another sort, or deeper than ``TOP_DOCS``).

        A sealed segment whose statistics hold the word gives its count and its best
        documents; every other segment (segment 0, one loading, one where the word is
        rare) is counted and ranked by the index as usual. The best documents of a
        segment are complete up to the distance of the last one kept: when the page
        reaches that distance, the segment is ranked by the index too."""
        tsquery = compiled.tsquery
        wanted = query.offset + (query.limit if query.limit is not None else TOP_DOCS + 1)
        ranked = query.sort == "relevance" and query.limit != 0 and wanted <= TOP_DOCS
        with translated(self.address), self._conn.transaction():
            conn = self._conn
            kept, others = self._kept(compiled)
            total = sum(entry.ndoc for entry in kept.values())
            if others:
                row = conn.execute(
                    f"SELECT count(*) FROM {D} d WHERE d.segment = ANY(%s::int[]) "
                    "AND d.tsv @@ %s::tsquery",
                    (others, tsquery),
                ).fetchone()
                total += int(row[0]) if row else 0
            if not ranked or query.offset >= total:
                return total, None  # the plain path pages (or finds nothing to page)
            page = self._best(kept, others, tsquery, wanted)
            chosen = page[query.offset : wanted]
            if not chosen:
                return total, []
            rows = self._by_seq(
                [seq for _, seq in chosen], "rum_ts_score(d.tsv, %s::tsquery)", (tsquery,)
            )
        return total, rows

    def _by_seq(
        self, seqs: list[int], score: str, params: tuple[Any, ...]
    ) -> list[tuple[Any, ...]]:
        """(id, record, ``score``) of the documents ``seqs``, in that order, inside the
        caller's transaction (a page chosen before its records are read)."""
        if not seqs:
            return []
        found = {
            int(seq): (doc_id, record, value)
            for seq, doc_id, record, value in self._conn.execute(
                f"SELECT d.seq, d.id, d.record, {score} FROM {D} d WHERE d.seq = ANY(%s)",
                (*params, seqs),
            )
        }
        return [found[seq] for seq in seqs if seq in found]

    def _kept(self, compiled: Compiled) -> tuple[dict[int, _Kept], list[int]]:
        """Inside a transaction of the caller's, made a snapshot here: the term
        statistics of the query's word in each sealed segment that has them, the
        documents deleted since taken off; and the other segments."""
        conn = self._conn
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        conn.execute("SET LOCAL enable_seqscan = off")
        lexeme = lexemes(compiled.tsquery or "")[0]
        kept = {
            int(segment): _Kept(
                int(ndoc),
                list(seqs),
                [float(d) for d in distances],
                float(distances[-1]),
                dict(zip(years, year_docs, strict=True)),
            )
            for segment, ndoc, seqs, distances, years, year_docs in conn.execute(
                f"SELECT t.segment, t.ndoc, t.top_seq, t.top_distance, t.years, t.year_docs "
                f"FROM {SCHEMA}.segment_terms t JOIN {SCHEMA}.segments s "
                "ON s.segment = t.segment AND s.terms AND s.sealed WHERE t.lexeme = %s",
                (lexeme,),
            )
        }
        for segment, seq, pub_start in conn.execute(
            f"SELECT segment, seq, pub_start FROM {SCHEMA}.segment_deletions "
            "WHERE tsv @@ %s::tsquery AND segment = ANY(%s::int[])",
            (compiled.tsquery, list(kept)),
        ):
            entry = kept[int(segment)]
            entry.ndoc -= 1
            year = int(pub_start) // 10000
            entry.years[year] = entry.years.get(year, 0) - 1
            if seq in entry.seqs:
                at = entry.seqs.index(seq)
                del entry.seqs[at], entry.distances[at]
        others = [
            int(row[0])
            for row in conn.execute(
                f"SELECT segment FROM {SCHEMA}.segments WHERE NOT (segment = ANY(%s::int[]))",
                (list(kept),),
            )
        ]
        return kept, others

    def _term_trend(self, compiled: Compiled) -> tuple[int, int, list[tuple[str, str, int]]]:
        """(total, undated, [(year, "all", documents)]) of a one-word query by year, from
        the term statistics where they hold the word, the index elsewhere."""
        with translated(self.address), self._conn.transaction():
            kept, others = self._kept(compiled)
            years: Counter[int] = Counter()
            for entry in kept.values():
                years.update(entry.years)
            if others:
                years.update(
                    {
                        int(year): int(count)
                        for year, count in self._conn.execute(
                            f"SELECT d.pub_start / 10000, count(*) FROM {D} d "
                            "WHERE d.segment = ANY(%s::int[]) AND d.tsv @@ %s::tsquery "
                            "GROUP BY 1",
                            (others, compiled.tsquery),
                        )
                    }
                )
        undated = years.pop(UNDATED_START // 10000, 0)
        rows = [(f"{year:04d}", "all", count) for year, count in sorted(years.items()) if count]
        return undated + sum(years.values()), undated, rows

    def _best(
        self,
        kept: dict[int, _Kept],
        others: list[int],
        tsquery: str | None,
        wanted: int,
    ) -> list[tuple[float, int]]:
        """The ``wanted`` best (distance, seq) of a one-word query, exactly: the kept
        best documents of each segment, below the distance where each list was cut,
        and the index's order for the other segments; a segment whose cut the page
        reaches is read from the index instead, until no cut is reached."""
        from_index = list(others)
        limit = wanted  # rows asked of the index
        while True:
            candidates: list[tuple[float, int]] = []
            cuts: list[tuple[float, int]] = []  # (distance where the list was cut, segment)
            for segment, entry in kept.items():
                if segment in from_index:
                    continue
                pairs = zip(entry.distances, entry.seqs, strict=True)
                if entry.ndoc <= len(entry.seqs):  # every match is in the list
                    candidates.extend(pairs)
                    continue
                candidates.extend((d, q) for d, q in pairs if d < entry.cut)
                cuts.append((entry.cut, segment))
            index_cut = math.inf
            if from_index:
                rows = self._conn.execute(
                    f"SELECT d.tsv <=> %s::tsquery, d.seq FROM {D} d "
                    "WHERE d.segment = ANY(%s::int[]) AND d.tsv @@ %s::tsquery "
                    "ORDER BY d.tsv <=> %s::tsquery LIMIT %s",
                    (tsquery, from_index, tsquery, tsquery, limit),
                ).fetchall()
                found = [(float(d), int(q)) for d, q in rows]
                if len(found) == limit:  # more may follow, at or past the last distance
                    index_cut = found[-1][0]
                candidates.extend((d, q) for d, q in found if d < index_cut)
            candidates.sort()
            best = candidates[:wanted]
            last = best[-1][0] if len(best) == wanted else math.inf
            reached = [segment for cut, segment in cuts if last >= cut]
            if not reached and last < index_cut:
                return best
            from_index.extend(reached)
            if last >= index_cut:
                if limit >= 64 * wanted:
                    # a long run of equal scores: rank every match (distance, then seq)
                    return self._best_exact(tsquery, wanted)
                limit *= 2

    def _best_exact(self, tsquery: str | None, wanted: int) -> list[tuple[float, int]]:
        """Every match ranked (distance, then seq): the fallback of ``_best``."""
        rows = self._conn.execute(
            f"SELECT d.tsv <=> %s::tsquery AS distance, d.seq FROM {D} d "
            "WHERE d.tsv @@ %s::tsquery ORDER BY distance, d.seq LIMIT %s",
            (tsquery, tsquery, wanted),
        ).fetchall()
        return [(float(d), int(q)) for d, q in rows]

    def _order(
        self, compiled: Compiled, sort: str, table: str = "d"
    ) -> tuple[str, str, tuple[Any, ...]]:
        """(score expression, ORDER BY, their parameters), ranking every match; the score
        reads the words of ``table`` (``d``, the documents; ``m``, ``_few``'s matches)."""
        if sort == "date":
            return "0.0", "d.pub_start, d.seq", ()
        if sort == "-date":
            return "0.0", "d.pub_start DESC, d.seq DESC", ()
        if compiled.rank is None:
            return "0.0", "d.seq", ()
        if self._has_rum:  # RUM's score, the order of ``_page_rum``'s pages
            return (
                f"rum_ts_score({table}.tsv, %s::tsquery)",
                "score DESC, d.seq",
                (compiled.tsquery or compiled.rank,),
            )
        score = f"ts_rank(%s::float4[], {table}.tsv, %s::tsquery, %s)"
        params = (RANK_WEIGHTS, compiled.rank, RANK_NORMALIZATION)
        return score, "score DESC, d.seq", params

    def _page(
        self,
        compiled: Compiled,
        sort: str,
        limit: int | None,
        offset: int,
        total: int | None = None,
    ) -> list[tuple[Any, ...]]:
        """One page of (id, record, score). By relevance, with a RUM index the server
        reads the best matches from the index in rank order (``tsv <=> query``), so a
        word in a third of the corpus costs no more than a rare one; with a GIN index
        and more than ``RANK_CANDIDATES`` matches only the most recent
        ``RANK_CANDIDATES`` are ranked (see the module docstring)."""
        ranked = sort == "relevance" and compiled.rank is not None
        few = total is not None and total <= self.rank_direct
        if ranked and self._has_rum and few and compiled.tsquery is None:
            # words and filters leaving few matches: rank those
            return self._page_direct(compiled, limit, offset)
        if ranked and self._has_rum:
            # every page in RUM's order, a first page and a whole export alike
            return self._page_rum(compiled, limit, offset)
        if ranked and total is not None and total > RANK_CANDIDATES and limit is not None:
            return self._page_bounded(compiled, limit, offset)
        score, order, score_params = self._order(compiled, sort)
        sql = (
            f"SELECT d.id, d.record, {score} AS score FROM {D} d WHERE {compiled.where} "
            f"ORDER BY {order}"
        )
        params: tuple[Any, ...] = score_params + compiled.params
        if limit is not None:
            sql += " LIMIT %s"
            params += (limit,)
        if offset:
            sql += " OFFSET %s"
            params += (offset,)
        return self._rows(sql, params)

    def _page_rum(
        self, compiled: Compiled, limit: int | None, offset: int
    ) -> list[tuple[Any, ...]]:
        """Ranked by RUM's own score (its weights: title 1.0, standfirst 0.4, body 0.1),
        read in order from the index. The index scan orders by the distance alone (a
        second sort key would make the server rank every match); equal scores are then
        put in ``seq`` order within the rows read."""
        rank = compiled.tsquery or compiled.rank
        sql = (
            "SELECT id, record, score FROM ("
            f"SELECT d.id, d.record, d.seq, d.tsv <=> %s::tsquery AS distance, "
            "rum_ts_score(d.tsv, %s::tsquery) AS score "
            f"FROM {D} d WHERE {compiled.where} "
            "ORDER BY d.tsv <=> %s::tsquery LIMIT %s) page "
            "ORDER BY distance, seq OFFSET %s"
        )
        end = None if limit is None else offset + limit  # LIMIT NULL: every match
        return self._rows(sql, (rank, rank, *compiled.params, rank, end, offset))

    def _page_direct(
        self, compiled: Compiled, limit: int | None, offset: int
    ) -> list[tuple[Any, ...]]:
        """Ranked by RUM's score, computed on the matches themselves: for a query
        whose filters leave few matches of a common word, the index's ordered scan
        would score every document holding the word before applying the filters.
        (``+ 0``: an order the index cannot give, so the server ranks only the rows
        the filters keep.)"""
        rank = compiled.rank
        sql = (
            f"SELECT d.id, d.record, rum_ts_score(d.tsv, %s::tsquery) AS score "
            f"FROM {D} d WHERE {compiled.where} "
            "ORDER BY (d.tsv <=> %s::tsquery) + 0, d.seq LIMIT %s OFFSET %s"
        )
        return self._rows(sql, (rank, *compiled.params, rank, limit, offset))

    def _page_bounded(self, compiled: Compiled, limit: int, offset: int) -> list[tuple[Any, ...]]:
        """The best of the ``RANK_CANDIDATES`` most recent matches (by publication date,
        then by when written): the candidates are chosen from the index and the heap
        without reading a single document's words; only they are ranked."""
        # (pub_start + 0: the candidates come from the full-text index and one sort, not
        # from walking the date index and reading each document's words on the way)
        sql = (
            f"SELECT d.id, d.record, ts_rank(%s::float4[], d.tsv, %s::tsquery, %s) AS score "
            f"FROM {D} d WHERE d.seq = ANY(ARRAY(SELECT d.seq FROM {D} d "
            f"WHERE {compiled.where} ORDER BY d.pub_start + 0 DESC, d.seq DESC LIMIT %s)) "
            "ORDER BY score DESC, d.seq LIMIT %s OFFSET %s"
        )
        params = (
            RANK_WEIGHTS,
            compiled.rank,
            RANK_NORMALIZATION,
            *compiled.params,
            RANK_CANDIDATES,
            limit,
            offset,
        )
        return self._rows(sql, params)

    def _facets_in_one_pass(
        self, names: Iterable[str], where: str, params: tuple[Any, ...]
    ) -> dict[str, list[tuple[str, int]]]:
        """Every facet of a query with few matches from one reading of them (each
        ``_facet`` finds the matches again), counted and ordered as ``_facet`` does."""
        names = list(names)
        columns = ", ".join(f"d.{_FACET_COLUMNS[name]}" for name in names)
        return _count_facets(
            names, self._rows(f"SELECT {columns} FROM {D} d WHERE {where}", params)
        )

    def _facet(
        self, name: str, where: str, params: tuple[Any, ...], size: int | None
    ) -> list[tuple[str, int]]:
        if name in ("source", "year"):
            sql = (
                f"SELECT d.{name}, count(*) FROM {D} d WHERE ({where}) AND d.{name} <> '' "
                f'GROUP BY 1 ORDER BY 2 DESC, d.{name} COLLATE "C"'
            )
        else:
            column = {"actor": "actors", "theme": "themes", "author": "authors"}[name]
            sql = (
                f"SELECT v, count(*) FROM {D} d, unnest(d.{column}) v WHERE {where} "
                'GROUP BY 1 ORDER BY 2 DESC, v COLLATE "C"'
            )
        if size:
            sql += f" LIMIT {int(size)}"
        return [(str(v), int(c)) for v, c in self._rows(sql, params)]

    def _hits(
        self, rows: list[tuple[Any, ...]], compiled: Compiled | None, snippets: bool
    ) -> list[Hit]:
        wanted = self._wanted(compiled) if compiled is not None and snippets else set()
        docs = [(_document(record), float(score)) for _id, record, score in rows]
        if wanted:
            letters = {w[:1] for w in wanted}
            words = {
                token.lower()
                for doc, _ in docs
                for token in _TOKEN.findall(doc.body)
                if token[:1].lower() in letters
            }
            self.lexemes(words)
        return [hit_of(doc, score, wanted, snippets, self._analyzed_form) for doc, score in docs]

    def iter_documents(self, query: Query, alias: AliasResolver) -> Iterator[Document]:
        """Every document the query matches, in its sort order, streamed from a server
        cursor on a connection of its own."""
        compiled = self.compile(self.tree(query, alias))
        score, order, score_params = self._order(compiled, query.sort)
        sql = (
            f"SELECT d.record, {score} AS score FROM {D} d WHERE {compiled.where} ORDER BY {order}"
        )
        return self._stream(sql, score_params + compiled.params)

    def _stream(self, sql: str, params: tuple[Any, ...]) -> Iterator[Document]:
        conn = connect(self.address, autocommit=False)
        try:
            with translated(self.address), conn.cursor(name="export") as cursor:
                cursor.itersize = 500
                cursor.execute(sql, params)
                for row in cursor:
                    yield _document(row[0])
        finally:
            conn.close()

    def stats(self) -> Stats:
        counts = {name: self._facet(name, "TRUE", (), None) for name in ("source", "year")}
        top = {name: self._facet(name, "TRUE", (), 10) for name in ("actor", "theme")}
        return Stats(
            path=self.describe(),
            documents=self.count(),
            sources=counts["source"],
            years=sorted(counts["year"]),
            actors=top["actor"],
            themes=top["theme"],
        )

    def actor_counts(self) -> tuple[int, dict[str, int], dict[str, int]]:
        counts = dict(self._facet("actor", "TRUE", (), None))
        key = {
            str(v): int(c)
            for v, c in self._rows(f"SELECT v, count(*) FROM {D}, unnest(key_actors) v GROUP BY 1")
        }
        return self.count(), counts, key

    def co_mentions(self, actor: str) -> tuple[int, dict[str, int]]:
        where, params = "d.actors @> ARRAY[%s]::text[]", (actor,)
        total = int(self._rows(f"SELECT count(*) FROM {D} d WHERE {where}", params)[0][0])
        together = {v: c for v, c in self._facet("actor", where, params, None) if v != actor}
        return total, together

    def actor_type(self, actor: str) -> tuple[str | None, str | None]:
        rows = self._rows(
            f"SELECT record FROM {D} WHERE actors @> ARRAY[%s]::text[] LIMIT 1", (actor,)
        )
        for (record,) in rows:
            for mention in json.loads(record).get("actors") or []:
                if mention.get("name") == actor:
                    return mention.get("type"), mention.get("code")
        return None, None

    # -- exploring -----------------------------------------------------------------------

    def explain(self, query: Query, alias: AliasResolver) -> dict[str, Any]:
        """How ``query`` is understood: the tree (as the query language writes it), each
        value and what it resolved to, each date range as days, the weighted fields, the
        SQL condition (its values are parameters, not shown) and the total."""
        notes: list[dict[str, Any]] = []
        node = self.tree(query, alias, notes)
        compiled = self.compile(node)
        total = int(
            self._rows(f"SELECT count(*) FROM {D} d WHERE {compiled.where}", compiled.params)[0][0]
        )
        return {
            "text": query.text,
            "parsed": readable(node),
            "fields": ({"title": 3.0, "subtitle": 1.5, "body": 1.0} if query.text else {}),
            "resolved": [
                {"field": n["field"], "value": n["value"], "matches": n["matches"]}
                for n in notes
                if "matches" in n
            ],
            "dates": [
                {"given": n["field"], "from": n["days"][0], "to": n["days"][1]}
                for n in notes
                if "days" in n
            ],
            "sort": query.sort,
            "total": total,
            "engine": "postgresql",
            "sql": compiled.where,
        }

    def trend(
        self, query: Query, alias: AliasResolver, by: str, split: str | None, top: int
    ) -> Trend:
        compiled = self.compile(self.tree(query, alias))
        if by == "year" and not split and self._one_lexeme(compiled):
            total, undated, rows = self._term_trend(compiled)
            imprecise, names, seen = 0, ["all"], [p for p, _v, _c in rows]
        else:
            total, undated, imprecise, rows, names, seen = self._counted_trend(
                compiled, by, split, top
            )
        periods = period_range(seen, by)
        index_of = {p: i for i, p in enumerate(periods)}
        series = {name: [0] * len(periods) for name in names}
        for p, v, c in rows:
            if v in series:
                series[v][index_of[p]] += int(c)
        return Trend(
            query=query.describe(),
            by=by,
            split=split,
            periods=periods,
            series=[(name, series[name]) for name in names],
            total=int(total),
            undated=int(undated),
            imprecise=int(imprecise),
        )

    def _counted_trend(
        self, compiled: Compiled, by: str, split: str | None, top: int
    ) -> tuple[int, int, int, list[tuple[str, str, int]], list[str], list[str]]:
        """(total, undated, imprecise, [(period, series, count)], the series' names, the
        periods seen) of a query, counted over its matches."""
        where, params = compiled.where, compiled.params
        dated = f"d.pub_start <> {UNDATED_START}"
        if by == "year":
            period = "lpad((d.pub_start / 10000)::text, 4, '0')"
            precise = "TRUE"
        else:
            period = (
                "lpad((d.pub_start / 10000)::text, 4, '0') || '-' || "
                "lpad(mod(d.pub_start / 100, 100)::text, 2, '0')"
            )
            precise = "d.pub_start / 100 = d.pub_end / 100"
        total, undated, imprecise = self._rows(
            f"SELECT count(*), count(*) FILTER (WHERE NOT ({dated})), "
            f"count(*) FILTER (WHERE ({dated}) AND NOT ({precise})) FROM {D} d WHERE {where}",
            params,
        )[0]
        base = f"FROM {D} d WHERE ({where}) AND {dated} AND {precise}"
        if split:
            column = {"actor": "d.actors", "theme": "d.themes", "source": "ARRAY[d.source]"}[split]
            rows = self._rows(
                f"SELECT {period}, v, count(*) {base.replace('WHERE', f', unnest({column}) v WHERE', 1)} "
                "AND v <> '' GROUP BY 1, 2",
                params,
            )
            totals: Counter[str] = Counter()
            for _p, v, c in rows:
                totals[v] += c
            names = [n for n, _ in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]
            seen = [p for p, _v, _c in rows]
            seen += [r[0] for r in self._rows(f"SELECT DISTINCT {period} {base}", params)]
        else:
            rows = [
                (p, "all", c)
                for p, c in self._rows(f"SELECT {period}, count(*) {base} GROUP BY 1", params)
            ]
            names = ["all"]
            seen = [p for p, _v, _c in rows]
        return int(total), int(undated), int(imprecise), rows, names, seen

    def similar(self, doc_id: str, query: Query, alias: AliasResolver) -> SearchResult:
        """Documents like ``doc_id``: its ``SIMILAR_TERMS`` most telling body words
        (frequency in it times rarity in the corpus), OR-ed and ranked, narrowed by the
        query's text and filters."""
        from corpus_search.errors import DocumentNotFoundError

        source = self.get(doc_id)
        if source is None:
            raise DocumentNotFoundError(
                f"no document with id {doc_id!r}", "ids are listed by 'corpus-search search'"
            )
        candidates = self._rows(
            f"SELECT u.lexeme, coalesce(array_length(u.positions, 1), 1) AS tf "
            f"FROM {D} d, unnest(d.tsv) u WHERE d.id = %s AND length(u.lexeme) > 2 "
            "ORDER BY tf DESC, u.lexeme LIMIT 40",
            (source.id,),
        )
        total_docs = max(self.count(), 1)
        scored = []
        for lexeme, tf in candidates:
            # a document frequency counted up to SIMILAR_DF_CAP: every common word is
            # equally common, and no count reads a third of the corpus
            df = int(
                self._rows(
                    f"SELECT count(*) FROM (SELECT 1 FROM {D} d WHERE d.tsv @@ %s::tsquery "
                    "LIMIT %s) x",
                    (quote_lexeme(lexeme), SIMILAR_DF_CAP),
                )[0][0]
            )
            scored.append((tf * math.log(1 + total_docs / max(df, 1)), lexeme))
        terms = [lex for _s, lex in sorted(scored, reverse=True)[:SIMILAR_TERMS]]
        described = query.describe()
        described["like"] = {"id": source.id, "title": source.display_title}
        if not terms:
            return SearchResult(query=described, total=0, hits=[])
        like = " | ".join(quote_lexeme(w) for w in terms)
        narrowed = self.compile(self.tree(query, alias))
        compiled = Compiled(
            where=f"({narrowed.where}) AND d.tsv @@ %s::tsquery AND d.id <> %s",
            params=(*narrowed.params, like, source.id),
            rank=like,
            tsquery=like,
        )
        total = int(
            self._rows(f"SELECT count(*) FROM {D} d WHERE {compiled.where}", compiled.params)[0][0]
        )
        rows: list[tuple[Any, ...]] = []
        if total and query.limit != 0 and query.offset < total:
            rows = self._page(compiled, "relevance", query.limit, query.offset, total)
        hits = self._hits(rows, None, query.snippets)
        return SearchResult(query=described, total=total, hits=hits)

    def suggest(self, query: Query, alias: AliasResolver) -> Suggestion | None:
        """A close spelling of the query's unknown words (from the vocabulary, shown as a
        document writes them) and filter values (from the corpus's values) that finds
        documents, or None."""
        import difflib

        changes: list[tuple[str, str]] = []

        def fix_value(field: str, value: str) -> str:
            if self.resolve(field, value, alias):
                return value
            names = [
                r[0]
                for r in self._rows(
                    f"SELECT value FROM {SCHEMA}.field_values WHERE field = %s", (field,)
                )
            ]
            by_key = {n.casefold(): n for n in names}
            close = difflib.get_close_matches(value.casefold(), list(by_key), n=1, cutoff=0.75)
            if not close:
                return value
            changes.append((value, by_key[close[0]]))
            return by_key[close[0]]

        def fix_word(match: re.Match[str]) -> str:
            if match.group("field"):
                field = match.group("field").lower()
                name = _FIELD_NAMES.get(field)
                if name is None:
                    return match.group(0)
                value = match.group("value").strip("\"'")
                better = fix_value(name, value)
                return match.group(0) if better == value else f'{match.group("field")}:"{better}"'
            word = match.group("word")
            end = match.end()
            if word in _OPERATORS or (end < len(query.text) and query.text[end] in "*~"):
                return word
            lexeme = self.lexemes([word.lower()]).get(word.lower())
            if not lexeme or self._rows(
                f"SELECT 1 FROM {SCHEMA}.vocabulary WHERE word = %s", (lexeme,)
            ):
                return word
            try:
                options = self._fuzzy(t.Fuzzy(lexeme, 2, 1))
            except Exception:
                return word
            if not options:
                return word
            counts = [
                (
                    int(
                        self._rows(
                            f"SELECT count(*) FROM {D} d WHERE d.tsv @@ %s::tsquery",
                            (quote_lexeme(o),),
                        )[0][0]
                    ),
                    o,
                )
                for o in options[:20]
            ]
            best = max(counts)[1]
            surface = self._surface_form(best) or best
            changes.append((word, surface))
            return surface

        text = _SUGGEST_WORD.sub(fix_word, query.text) if query.text else ""
        fixed: dict[str, Any] = {"text": text}
        for name, field in (("actors", "actor"), ("key_actors", "key_actor"), ("themes", "theme")):
            fixed[name] = [[fix_value(field, v) for v in group] for group in getattr(query, name)]
        for name, field in (("sources", "source"), ("authors", "author"), ("tags", "tag")):
            fixed[name] = [fix_value(field, v) for v in getattr(query, name)]
        if not changes:
            return None
        corrected = replace(query, **fixed)
        total = self.search(replace(corrected, limit=0, facets=()), alias).total
        return Suggestion(changes=changes, query=corrected, total=total) if total else None

    def _surface_form(self, lexeme: str) -> str | None:
        rows = self._rows(
            f"SELECT record FROM {D} d WHERE d.tsv @@ %s::tsquery LIMIT 5", (quote_lexeme(lexeme),)
        )
        words: Counter[str] = Counter()
        for (record,) in rows:
            body = json.loads(record).get("body") or ""
            tokens = [tok.lower() for tok in _TOKEN.findall(body) if tok[:1].lower() == lexeme[:1]]
            found = self.lexemes(tokens)
            words.update(tok for tok in tokens if found.get(tok) == lexeme)
        return words.most_common(1)[0][0] if words else None

    def matched_words(self, text: str, query_text: str, alias: AliasResolver) -> list[str]:
        """The words of ``text`` (as written) that the free text of ``query_text``
        matches, for highlighting."""
        if not query_text.strip() or not text:
            return []
        compiled = self.compile(self.tree(Query(text=query_text), alias))
        wanted = self._wanted(compiled)
        if not wanted:
            return []
        tokens = _TOKEN.findall(text)
        found = self.lexemes(tok.lower() for tok in tokens)
        out: dict[str, None] = {}
        for token in tokens:
            if found.get(token.lower()) in wanted:
                out.setdefault(token, None)
        return list(out)

    # -- upkeep --------------------------------------------------------------------------

    def check(self) -> CheckReport:
        """Every stored record read back: it parses, carries its own id, matches its
        digest; the schema is current and the extensions are there."""
        report = CheckReport(path=self.describe(), documents=self.count())
        conn = connect(self.address, autocommit=False)
        try:
            with translated(self.address), conn.cursor(name="check") as cursor:
                cursor.itersize = 1000
                cursor.execute(f"SELECT id, record, record_hash FROM {D}")
                for doc_id, record, digest in cursor:
                    try:
                        doc = Document.from_dict(json.loads(record))
                    except Exception as exc:
                        report.problems.append(f"document {doc_id}: unreadable: {exc}")
                        continue
                    if doc.id != doc_id:
                        report.problems.append(f"document {doc_id}: stored record has id {doc.id}")
                    if bytes(digest) != _digest(record):
                        report.problems.append(
                            f"document {doc_id}: record does not match its digest"
                        )
                    report.readable += 1
        finally:
            conn.close()
        for name, why in missing_extensions(self._conn).items():
            report.problems.append(f"extension {name} missing: {why}")
        ids = int(self._rows(f"SELECT count(*) FROM {SCHEMA}.ids")[0][0])
        if ids != report.documents:
            report.problems.append(
                f"{ids} ids registered for {report.documents} documents "
                "(the table of ids is out of step with the documents)"
            )
        for segment in self.abandoned_segments():
            report.problems.append(
                f"segment {segment} was left loading by a writer that stopped: its documents "
                "are searchable but slowly; the next ingest or crawl into this corpus indexes it"
            )
        return report

    def abandoned_segments(self) -> list[int]:
        """Segments still loading whose writer is gone (nobody holds their lock)."""
        found = []
        for (segment,) in self._rows(
            f"SELECT segment FROM {SCHEMA}.segments WHERE NOT sealed ORDER BY 1"
        ):
            try:
                free = self._rows(
                    "SELECT pg_try_advisory_lock_shared(%s, %s)", (SEGMENT_LOCK, segment)
                )
            except CorpusSearchError:  # a server that cannot tell (a standby): assume busy
                continue
            if free and free[0][0]:
                self._rows("SELECT pg_advisory_unlock_shared(%s, %s)", (SEGMENT_LOCK, segment))
                found.append(int(segment))
        return found

    def saved_searches(self) -> PostgresSavedSearches:
        return PostgresSavedSearches(self)


class PostgresSavedSearches:
    """The saved searches in the database, shared by everyone using the corpus (the
    seam ``corpus_search.saved`` reads and writes through)."""

    def __init__(self, store: PostgresStore) -> None:
        self._store = store
        self.where = f"{store.describe()} (table {SCHEMA}.saved_searches)"

    def load(self) -> dict[str, Any]:
        rows = self._store._rows(f"SELECT name, data FROM {SCHEMA}.saved_searches ORDER BY name")
        return {"searches": {name: data for name, data in rows}}

    def save(self, data: dict[str, Any]) -> None:
        store = self._store
        if store._read_only:
            raise IndexWriteError(READ_ONLY)
        from psycopg.types.json import Jsonb

        searches = data.get("searches") or {}
        with translated(store.address, writing=True), store._conn.transaction():
            store._conn.execute(
                f"DELETE FROM {SCHEMA}.saved_searches WHERE NOT (name = ANY(%s))",
                (sorted(searches),),
            )
            for name in sorted(searches):
                store._conn.execute(
                    f"INSERT INTO {SCHEMA}.saved_searches (name, data) VALUES (%s, %s) "
                    "ON CONFLICT (name) DO UPDATE SET data = EXCLUDED.data",
                    (name, Jsonb(searches[name])),
                )


class _Writer:
    """One ``write`` call: its batches, its counts, the segment it loads.

    Batches after the first go to ``WRITERS`` connections of their own, so the server
    analyses one batch's text while this process prepares the next (and, on a machine
    with cores to spare, two batches at once). A batch holding an id of a batch still
    in flight waits for it: the later copy of a document is always written last.

    A full segment is sealed on a connection of its own while the next one loads (at
    most one seal at a time; the last segment is sealed before ``finish`` returns).
    Building a segment's indexes is about half of a bulk load's time and runs in one
    server process: loading alongside keeps the other cores busy. The session that
    opened a segment keeps its lock until its seal is done, so no other writer takes a
    segment being sealed for an abandoned one."""

    def __init__(
        self, store: PostgresStore, batch_size: int, on_commit: Callable[[int], None] | None
    ) -> None:
        self.store = store
        self.batch_size = batch_size
        self.on_commit = on_commit
        self.added: list[str] = []
        self.updated: list[str] = []
        self.skipped: list[str] = []
        self.batch: dict[str, tuple[Document, str]] = {}
        self.submitted = 0  # documents handed to a connection
        self.done = 0  # documents committed
        self.segment = 0  # the loading segment, or 0
        self.in_segment = 0
        self.bulk: bool | None = None  # may this writer make segments (asked once)
        self.pool: ThreadPoolExecutor | None = None
        self.conns: queue.SimpleQueue[psycopg.Connection[Any]] = queue.SimpleQueue()
        self.opened: list[psycopg.Connection[Any]] = []
        self.flying: list[tuple[Future[dict[str, bool]], list[str]]] = []
        self.sealer: tuple[ThreadPoolExecutor, psycopg.Connection[Any]] | None = None
        self.sealing: tuple[Future[None], int] | None = None  # a seal in flight

    def add(self, doc: Document) -> None:
        record = json.dumps(doc.to_dict(), ensure_ascii=False, sort_keys=True)
        queued = self.batch.get(doc.id)
        if queued is not None and queued[1] == record:
            self.skipped.append(doc.id)
            return
        if queued is not None:
            self.flush()  # a later copy of an id in the same batch: write the first now
        self.batch[doc.id] = (doc, record)
        if len(self.batch) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        if not self.batch:
            return
        batch, self.batch = self.batch, {}
        rows = [_row(doc, record) for doc, record in batch.values()]
        ids = list(batch)
        segment = self._segment_for(len(rows))
        if self.submitted == 0 and segment == 0:
            # the first batch (often the only one) on the store's own connection
            self.submitted += len(rows)
            self._done(ids, self.store._write_batch(self.store._conn, rows, segment))
            return
        waiting = set(ids)
        for future, flying_ids in list(self.flying):
            if waiting.intersection(flying_ids):
                self._collect(until=future)
        while len(self.flying) >= WRITERS:
            self._collect(until=self.flying[0][0])
        self.submitted += len(rows)
        self.flying.append((self._pool().submit(self._run, rows, segment), ids))
        if segment:
            self.in_segment += len(rows)

    def _run(self, rows: list[tuple[Any, ...]], segment: int) -> dict[str, bool]:
        conn = self.conns.get()
        try:
            return self.store._write_batch(conn, rows, segment)
        finally:
            self.conns.put(conn)

    def _pool(self) -> ThreadPoolExecutor:
        if self.pool is None:
            for _ in range(WRITERS):
                conn = connect(self.store.address)
                self.opened.append(conn)
                self.conns.put(conn)
            self.pool = ThreadPoolExecutor(WRITERS, thread_name_prefix="corpus-search-writer")
        return self.pool

    def _collect(self, until: Future[dict[str, bool]] | None = None) -> None:
        """Wait for the batches in flight, in order, up to ``until`` (all: None)."""
        while self.flying:
            future, ids = self.flying.pop(0)
            self._done(ids, future.result())
            if future is until:
                return

    def _done(self, ids: list[str], written: dict[str, bool]) -> None:
        for doc_id in ids:
            state = written.get(doc_id)
            if state is None:
                self.skipped.append(doc_id)
            elif state:
                self.added.append(doc_id)
            else:
                self.updated.append(doc_id)
        self.done += len(ids)
        if self.on_commit:
            self.on_commit(self.done)

    def _segment_for(self, size: int) -> int:
        if self.submitted + size <= BULK_AFTER:
            return 0
        if self.segment and self.in_segment + size > SEGMENT_DOCS:
            self._collect()
            self._seal_behind(self.segment)
            self.segment = 0
        if not self.segment:
            if self.bulk is None:
                self.bulk = self.store._may_segment()
                if self.bulk:
                    self.store.seal_abandoned()
            if not self.bulk:
                return 0
            self.segment = self.store._open_segment()
            self.in_segment = 0
        return self.segment

    def _seal_behind(self, segment: int) -> None:
        """Seal ``segment`` on the sealer's connection while the next segment loads."""
        self._wait_seal()
        if self.sealer is None:
            conn = connect(self.store.address)
            self.opened.append(conn)
            self.sealer = (ThreadPoolExecutor(1, thread_name_prefix="corpus-search-sealer"), conn)
        pool, conn = self.sealer
        self.sealing = (pool.submit(self.store._seal_on, conn, segment), segment)

    def _wait_seal(self) -> None:
        """Wait for the seal in flight (its error, if any, is raised here)."""
        if self.sealing is not None:
            (future, segment), self.sealing = self.sealing, None
            future.result()
            self.store._unlock_segment(segment)

    def finish(self) -> None:
        """Wait for every batch and the seal in flight, then seal the loading segment."""
        self._collect()
        self._wait_seal()
        if self.segment:
            segment, self.segment = self.segment, 0
            self.store._seal(segment)

    def close(self) -> None:
        """After an error: let the batches in flight end (each commits or rolls back
        whole), close the connections. A loading segment stays loading, its rows
        searchable; the next write seals it."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
        if self.sealer is not None:
            self.sealer[0].shutdown(wait=True)
            if self.sealing is not None:
                future, segment = self.sealing
                if future.exception() is None:  # sealed: its lock is no longer needed
                    with contextlib.suppress(CorpusSearchError):
                        self.store._unlock_segment(segment)
        for conn in self.opened:
            conn.close()


# -- the schema ---------------------------------------------------------------------------


def schema_version(conn: psycopg.Connection[Any]) -> int | None:
    exists = conn.execute(
        "SELECT to_regclass(%s) IS NOT NULL", (f"{SCHEMA}.schema_version",)
    ).fetchone()
    if not exists or not exists[0]:
        return None
    row = conn.execute(f"SELECT max(version) FROM {SCHEMA}.schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def available_extensions(conn: psycopg.Connection[Any]) -> dict[str, bool]:
    """Extension name -> installed in this database (absent: not available at all)."""
    rows = conn.execute(
        "SELECT name, installed_version IS NOT NULL FROM pg_available_extensions"
    ).fetchall()
    return {name: bool(installed) for name, installed in rows}


def missing_extensions(conn: psycopg.Connection[Any]) -> dict[str, str]:
    found = available_extensions(conn)
    return {name: why for name, why in EXTENSIONS.items() if not found.get(name)}


def _has_lz4(conn: psycopg.Connection[Any]) -> bool:
    row = conn.execute(
        "SELECT 'lz4' = ANY(enumvals) FROM pg_settings WHERE name = 'default_toast_compression'"
    ).fetchone()
    return bool(row and row[0])


def _index_method(conn: psycopg.Connection[Any]) -> str | None:
    row = conn.execute(
        "SELECT am.amname FROM pg_class c JOIN pg_am am ON am.oid = c.relam "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = %s AND c.relname = 'documents_tsv_idx'",
        (SCHEMA,),
    ).fetchone()
    return str(row[0]) if row else None


def initialise(
    conn: psycopg.Connection[Any], program: str = "corpus-search", text_index: str = "auto"
) -> list[str]:
    """Create the schema or bring it to ``SCHEMA_VERSION``, in one transaction; the
    extensions first (each one that cannot be created is reported by ``init``, not
    fatal). ``text_index``: "rum", "gin", or "auto" (RUM where the extension is
    installed); an existing index of the other kind is rebuilt when one is named.
    Returns one line per thing done."""
    done: list[str] = []
    for name in (*EXTENSIONS, *OPTIONAL_EXTENSIONS):
        try:
            with conn.transaction():
                conn.execute(f"CREATE EXTENSION IF NOT EXISTS {name}")
        except psycopg.Error:
            continue
    has_rum = bool(available_extensions(conn).get("rum"))
    if text_index == "rum" and not has_rum:
        raise IndexWriteError(
            "the rum extension is not installed on this server",
            "install postgresql-15-rum and run CREATE EXTENSION rum as a superuser, "
            "or use --text-index gin",
        )
    chosen = text_index if text_index != "auto" else ("rum" if has_rum else "gin")
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(hashtext('corpus_search.schema'))")
        version = schema_version(conn) or 0
        for target in range(version + 1, sch.SCHEMA_VERSION + 1):
            sch.MIGRATIONS[target](conn, chosen)
            conn.execute(
                f"INSERT INTO {SCHEMA}.schema_version (version, program) VALUES (%s, %s)",
                (target, program),
            )
        if version == 0:
            done.append(f"schema version {sch.SCHEMA_VERSION} created")
        elif version < sch.SCHEMA_VERSION:
            done.append(f"schema version {sch.SCHEMA_VERSION} applied (was {version})")
        current = _index_method(conn)
        if text_index != "auto" and current != text_index:
            sealed = conn.execute(
                f"SELECT segment FROM {SCHEMA}.segments WHERE sealed ORDER BY 1"
            ).fetchall()
            for (segment,) in sealed:
                conn.execute(f"DROP INDEX IF EXISTS {SCHEMA}.{sch.text_index_name(segment)}")
                conn.execute(sch.text_index_sql(text_index == "rum", segment))
            done.append(f"text index rebuilt as {text_index} (was {current})")
    return done


# -- helpers ------------------------------------------------------------------------------


def _count_facets(
    names: list[str], rows: Iterable[Sequence[Any]]
) -> dict[str, list[tuple[str, int]]]:
    """Each facet's ``FACET_SIZE`` most frequent values over ``rows`` (one value per
    facet of ``names``, in order: a string for source and year, an array otherwise),
    most frequent first, then by value, as ``PostgresStore._facet`` orders them."""
    counts: dict[str, Counter[str]] = {name: Counter() for name in names}
    for row in rows:
        for name, value in zip(names, row, strict=True):
            if name in ("source", "year"):
                if value != "":
                    counts[name][value] += 1
            else:
                counts[name].update(value)
    return {
        name: sorted(found.items(), key=lambda kv: (-kv[1], kv[0]))[:FACET_SIZE]
        for name, found in counts.items()
    }


def _digest(record: str) -> bytes:
    return hashlib.blake2b(record.encode("utf-8"), digest_size=16).digest()


def _row(doc: Document, record: str) -> tuple[Any, ...]:
    published = doc.published
    source = _clean(doc.source) if doc.source else ""
    return (
        doc.id,
        record,
        _digest(record),
        source,
        f"{published.year:04d}" if published else "",
        day_number(published.first_day()) if published else UNDATED_START,
        day_number(published.last_day()) if published else UNDATED_END,
        _distinct(_clean(a.name) for a in doc.actors),
        _distinct(_clean(a.name) for a in doc.actors if a.key),
        _distinct(_clean(x.id) for x in doc.themes),
        _distinct(_clean(a.name) for a in doc.authors),
        _distinct(_clean(x) for x in doc.tags),
        sorted(set(doc.mentioned_years)),
        _strip_nul(doc.title or ""),
        _strip_nul(doc.subtitle or ""),
        _strip_nul(doc.body or ""),
    )


def _strip_nul(text: str) -> str:
    return text.replace("\x00", " ")


def _like_prefix(prefix: str) -> str:
    return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _document(record: str) -> Document:
    return Document.from_dict(json.loads(record), trusted=True)


def _day_text(day: int | None) -> str | None:
    if day is None:
        return None
    return f"{day // 10000:04d}-{day // 100 % 100:02d}-{day % 100:02d}"


def readable(node: t.Node) -> str:
    """The tree in the folder's notation (``body:word``, ``(a AND b)``, ...)."""
    if isinstance(node, t.Every):
        return "<every document>"
    if isinstance(node, t.Nothing):
        return "<nothing>"
    if isinstance(node, t.Term):
        return f"{node.field or 'text'}:{node.word}"
    if isinstance(node, t.Prefix):
        return f"{node.field or 'text'}:{node.prefix}*"
    if isinstance(node, t.Fuzzy):
        return f"{node.field or 'text'}:{node.word}~{node.edits}"
    if isinstance(node, t.Phrase):
        slop = f"~{node.slop}" if node.slop > 1 else ""
        return f'{node.field or "text"}:"{" ".join(node.words)}"{slop}'
    if isinstance(node, t.Values):
        if not node.values:
            return f"{node.field}:<nothing>"
        return "(" + " OR ".join(f"{node.field}:{v!r}" for v in node.values) + ")"
    if isinstance(node, t.Dates):
        return f"date:{_day_text(node.first) or ''}..{_day_text(node.last) or ''}"
    if isinstance(node, t.Mentioned):
        return "mentioned:" + ",".join(str(y) for y in node.years)
    if isinstance(node, t.Not):
        return f"NOT {readable(node.part)}"
    if isinstance(node, t.And):
        return "(" + " AND ".join(readable(p) for p in node.parts) + ")"
    if isinstance(node, t.Or):
        return "(" + " OR ".join(readable(p) for p in node.parts) + ")"
    return repr(node)


_FIELD_NAMES = {
    "actor": "actor",
    "key": "key_actor",
    "theme": "theme",
    "source": "source",
    "author": "author",
    "tag": "tag",
}
_SUGGEST_WORD = re.compile(
    r"(?P<field>\b[a-z]+):(?P<value>\"[^\"]*\"|'[^']*'|[^\s()]+)|(?P<word>[^\W\d_][\w'’-]*)",
    re.IGNORECASE,
)
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"}
