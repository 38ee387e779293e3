"""Relevance ranking on the server, both ways: a RUM index reads the best matches in rank
order from the index; with a GIN index a query matching more than RANK_CANDIDATES
documents ranks only the most recent RANK_CANDIDATES (the pinned effect below)."""

from __future__ import annotations

import pytest

from corpus_search import Corpus
from corpus_search.store import init_store
from corpus_search.store.postgres import store as pg_store
from tests.conftest import make_doc

FILLER = " ".join(["policy"] * 30)


def docs() -> list:  # type: ignore[type-arg]
    # the best match is the oldest: "blockade" in its title and all through its body
    return [
        make_doc("old-best", "blockade " * 20, title="Blockade", published="2001-01-01"),
        *[
            make_doc(f"new{n}", f"{FILLER} blockade {FILLER}", published=f"2024-0{n}-01")
            for n in range(1, 5)
        ],
    ]


def corpus_with(url: str, text_index: str) -> Corpus:
    lines = init_store(url, text_index)
    assert f"text index: {text_index}" in lines
    corpus = Corpus.open(url)
    corpus.add(docs())
    return corpus


def test_gin_ranks_every_match_up_to_the_bound(pg_url: str) -> None:
    corpus = corpus_with(pg_url, "gin")
    hits = corpus.search("blockade").hits
    assert hits[0].id == "old-best" and len(hits) == 5


def test_gin_beyond_the_bound_ranks_the_most_recent_matches(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = corpus_with(pg_url, "gin")
    monkeypatch.setattr(pg_store, "RANK_CANDIDATES", 3)
    result = corpus.search("blockade", limit=10)
    # the total is exact; the page holds the best of the 3 newest matches only
    assert result.total == 5
    assert {h.id for h in result.hits} == {"new4", "new3", "new2"}
    # sorting by date is never bounded
    assert corpus.search("blockade", sort="date").hits[0].id == "old-best"


def test_rum_reads_the_ranking_from_the_index(pg_url: str, pg_server: object) -> None:
    database = pg_url.rsplit("/", 1)[1]
    available = pg_server.psql(  # type: ignore[attr-defined]
        "SELECT count(*) FROM pg_available_extensions WHERE name = 'rum'", database
    )
    if available != "1":
        pytest.skip("the rum extension is not installed here (apt-get install postgresql-15-rum)")
    corpus = corpus_with(pg_url, "rum")
    result = corpus.search("blockade", limit=2)
    assert result.total == 5 and result.hits[0].id == "old-best"
    assert result.hits[0].score > result.hits[1].score
    # the page comes from an ordered scan of the RUM index, not from ranking every match
    plan = pg_server.psql(  # type: ignore[attr-defined]
        "SET enable_seqscan = off; EXPLAIN SELECT id FROM corpus_search.documents d "
        "WHERE d.tsv @@ 'blockad'::tsquery ORDER BY d.tsv <=> 'blockad'::tsquery, d.seq LIMIT 2",
        database,
    )
    assert "documents_tsv_idx" in plan and "Index Scan" in plan
    # switching an existing corpus to GIN and back keeps its documents
    assert any("rebuilt as gin" in line for line in init_store(pg_url, "gin"))
    assert len(Corpus.open(pg_url)) == 5
