"""Term statistics of sealed segments (schema version 3): a one-word search is counted
and ranked from each segment's kept best documents, and finds exactly what ranking every
match finds (RUM's distance, then ``seq``), at every page the statistics can answer,
with ties at the cut of a list, after documents are replaced (their deletions are taken
off the counts and the lists), and for a corpus migrated from version 2."""

from __future__ import annotations

from typing import Any

import pytest

from corpus_search import Corpus
from corpus_search.store.postgres import schema as sch
from corpus_search.store.postgres import store as pg
from tests.conftest import make_doc

WORDS = ("sanctions", "tariffs", "ceasefire", "drones")


@pytest.fixture
def small(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pg, "BULK_AFTER", 4)
    monkeypatch.setattr(pg, "SEGMENT_DOCS", 12)
    monkeypatch.setattr(pg, "TERM_DOCS", 3)
    monkeypatch.setattr(pg, "TOP_DOCS", 5)


def _docs(n: int, version: str = "") -> list:  # type: ignore[type-arg]
    """Documents where each word is common, in varied amounts (many equal scores too)."""
    out = []
    for i in range(n):
        body = " ".join(
            f"{word} " * (1 + (i * (k + 2)) % 3) + "and other matters of state."
            for k, word in enumerate(WORDS)
            if (i + k) % (k + 2) != 0
        )
        title = WORDS[i % 4] if i % 5 == 0 else f"Note {i % 7}"
        published = None if i % 7 == 0 else f"20{10 + i % 9}-0{1 + i % 9}"
        out.append(
            make_doc(
                f"d{i:03d}", f"A note on policy. {body} {version}", title=title, published=published
            )
        )
    return out


def _loaded(pg_url: str, n: int) -> tuple[Corpus, Any]:
    """A corpus of ``n`` documents in small segments, and its store."""
    corpus = Corpus.open(pg_url, create=True)
    store = _store(corpus)
    store.write(_docs(n), batch_size=3)
    return corpus, store


def _store(corpus: Corpus) -> Any:
    store: Any = corpus._store
    if not store._has_rum:
        pytest.skip("the term statistics need a RUM text index (postgresql-15-rum)")
    return store


def _exact(store: Any, word: str) -> list[str]:
    """Every match ranked: the order the statistics must reproduce."""
    rows = store._rows(
        f"SELECT d.id FROM {sch.SCHEMA}.documents d WHERE d.tsv @@ %s::tsquery "
        "ORDER BY d.tsv <=> %s::tsquery, d.seq",
        (f"'{word}'", f"'{word}'"),
    )
    return [row[0] for row in rows]


def _assert_exact(corpus: Corpus, store: Any) -> int:
    """Every page the statistics answer equals the exact order; the number of pages
    that came from a kept list."""
    from_lists = 0
    original = store._best

    def counting(kept: Any, others: Any, tsquery: Any, wanted: int) -> Any:
        nonlocal from_lists
        from_lists += any(seg not in others for seg in kept)
        return original(kept, others, tsquery, wanted)

    store._best = counting
    try:
        for word in (w[:-1] if w.endswith("s") else w for w in WORDS):
            stem = store.lexemes([word])[word]
            exact = _exact(store, stem)
            # the trend by year from the statistics equals the one counted over the matches
            fast = corpus.trend(word, by="year")
            store.use_terms = False
            plain = corpus.trend(word, by="year")
            store.use_terms = True
            assert (fast.periods, fast.series) == (plain.periods, plain.series), word
            assert (
                (fast.total, fast.undated)
                == (plain.total, plain.undated)
                == (
                    len(exact),
                    plain.undated,
                )
            )
            assert plain.undated > 0 and len(plain.periods) > 3
            assert corpus.search(word, limit=0).total == len(exact) > pg.TOP_DOCS, word
            for offset in range(pg.TOP_DOCS):
                for limit in range(1, pg.TOP_DOCS - offset + 1):
                    result = corpus.search(word, limit=limit, offset=offset, snippets=False)
                    assert result.total == len(exact)
                    got = [hit.id for hit in result.hits]
                    assert got == exact[offset : offset + limit], (word, offset, limit)
    finally:
        store._best = original
    return from_lists


def test_one_word_pages_from_the_statistics_equal_ranking_every_match(
    small: None, pg_server: object, pg_url: str
) -> None:
    corpus, store = _loaded(pg_url, 60)
    segments = store._rows(f"SELECT segment, terms FROM {sch.SCHEMA}.segments ORDER BY 1")
    assert len(segments) >= 5
    assert all(terms for segment, terms in segments if segment != 0)
    kept = store._rows(f"SELECT count(*), max(ndoc) FROM {sch.SCHEMA}.segment_terms")[0]
    assert kept[0] > 0 and kept[1] > pg.TOP_DOCS  # some lists are cut
    assert _assert_exact(corpus, store) > 0

    # deeper than the lists, and by date: the plain path, the same totals
    exact = _exact(store, "sanction")
    deep = corpus.search("sanctions", limit=3, offset=pg.TOP_DOCS, snippets=False)
    assert deep.total == len(exact) and len(deep.hits) == 3
    assert corpus.search("sanctions", sort="date", limit=0).total == len(exact)


def test_replaced_documents_leave_the_counts_and_lists_exact(
    small: None, pg_server: object, pg_url: str
) -> None:
    corpus, store = _loaded(pg_url, 60)
    # documents of the sealed segments rewritten (they move to segment 0), among them
    # the best of a list, so lists lose entries and counts lose documents
    best = _exact(store, "sanction")[:4] + _exact(store, "drone")[:2]
    moved = {"d010", "d021", "d033", *best}
    store.write([d for d in _docs(60, "revised") if d.id in moved])
    deleted = store._rows(f"SELECT DISTINCT segment FROM {sch.SCHEMA}.segment_deletions ORDER BY 1")
    assert deleted, "a segment that lost documents must record them"
    _assert_exact(corpus, store)
    assert len(corpus) == 60

    # migrate builds those segments' statistics again and clears their records
    assert store.build_terms() == [row[0] for row in deleted]
    assert not store._rows(f"SELECT 1 FROM {sch.SCHEMA}.segment_deletions")
    assert _assert_exact(corpus, store) > 0


def test_a_version_2_corpus_gets_its_statistics_when_migrated(
    small: None, pg_server: object, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from corpus_search.store import init_store

    _corpus, store = _loaded(pg_url, 40)
    # as a version-2 database: no statistics, the version row gone
    store._conn.execute(f"DROP TABLE {sch.SCHEMA}.segment_terms")
    store._conn.execute(f"DROP TABLE {sch.SCHEMA}.segment_deletions")
    store._conn.execute(f"ALTER TABLE {sch.SCHEMA}.segments DROP COLUMN terms")
    store._conn.execute(f"DELETE FROM {sch.SCHEMA}.schema_version WHERE version = 3")
    store.close()

    lines = init_store(pg_url)
    assert lines[0] == "schema version 3 applied (was 2)"
    assert any(line.startswith("term statistics built for ") for line in lines), lines
    migrated = Corpus.open(pg_url)
    assert _assert_exact(migrated, _store(migrated)) > 0
