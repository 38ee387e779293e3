"""The same corpus in both stores answers alike.

The 48 demo pages are ingested into a whoosh folder and into a PostgreSQL database.
Every filter-only query must give the same total and the same set of hits; text
queries whose meaning both engines share must give the same totals; for every text
query the overlap of the two top 10s is computed and printed (``pytest -s``), and its
mean must stay above a floor. Where the engines differ by design (stemmer, stop words,
ranking formula) the docs say so and ``test_query_language.py`` pins the cases.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from corpus_search import Corpus

FILTER_QUERIES: list[tuple[str, dict[str, object]]] = [
    ("", {}),
    ("", {"actors": ["China"]}),
    ("", {"actors": ["Russia", "China"]}),
    ("", {"actors": ["PRC|Kremlin"]}),
    ("", {"key_actors": ["Iran"]}),
    ("", {"themes": ["sanctions"]}),
    ("", {"themes": ["nuclear weapons"], "actors": ["Russia"]}),
    ("", {"sources": ["meridian"]}),
    ("", {"authors": ["a"]}),
    ("", {"since": "2020", "until": "2023-06"}),
    ("", {"since": "2024-02"}),
    ("", {"until": "2016"}),
    ("year:2019", {}),
    ("year:2015..2018", {}),
    ("date:2021-03..", {}),
    ("mentioned:1990..2010", {}),
    ("actor:China NOT actor:Russia", {}),
    ("(theme:trade OR theme:sanctions) source:aldgate", {}),
    ("key:Russia OR key:Iran", {}),
    ("actor:Atlantis", {}),
]

# text queries whose meaning is the same in both engines: their totals must agree
SAME_TOTALS = [
    "sanctions",
    "nuclear AND Russia",
    "trade OR tariffs",
    "china NOT trade",
    '"trade war"',
    "title:sanctions",
    "sanction*",
    "deterrence actor:Russia",
    "energy date:2020..",
]
# every text query: the top 10 overlap is reported (ranking formulas differ)
TEXT_QUERIES = [*SAME_TOTALS, "climate", "shipping insurance", "alliance", "election"]
OVERLAP_FLOOR = 0.5


@pytest.fixture(scope="module")
def both(
    pg_server: object, demo_site: list[Path], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Corpus, Corpus]:
    local = tmp_path_factory.mktemp("parity-local")
    os.environ["CORPUS_SEARCH_LOCAL_DIR"] = str(local)
    folder = Corpus.open(tmp_path_factory.mktemp("parity") / "ix", create=True)
    assert folder.ingest(demo_site).added == len(demo_site)
    url = pg_server.create_database(f"parity_{os.getpid()}")  # type: ignore[attr-defined]
    server = Corpus.open(url, create=True)
    assert server.ingest(demo_site).added == len(demo_site)
    return folder, server


def _all(corpus: Corpus, text: str, **filters: object) -> tuple[int, set[str]]:
    result = corpus.search(text, limit=None, **filters)
    return result.total, {h.id for h in result.hits}


@pytest.mark.parametrize(("text", "filters"), FILTER_QUERIES)
def test_filter_queries_give_the_same_hits(
    both: tuple[Corpus, Corpus], text: str, filters: dict[str, object]
) -> None:
    folder, server = both
    assert _all(server, text, **filters) == _all(folder, text, **filters)


def test_filter_facets_and_sorted_pages_agree(both: tuple[Corpus, Corpus]) -> None:
    folder, server = both
    for sort in ("date", "-date"):
        a = folder.search("", actors=["China"], sort=sort, limit=10, facets=True)
        b = server.search("", actors=["China"], sort=sort, limit=10, facets=True)
        # the same documents in the same date order (ties may fall either way)
        assert [h.published for h in b.hits] == [h.published for h in a.hits]
        assert b.facets == a.facets
    assert server.stats().to_dict()["sources"] == folder.stats().to_dict()["sources"]
    assert server.trend("", by="month").series == folder.trend("", by="month").series


@pytest.mark.parametrize("text", SAME_TOTALS)
def test_text_queries_with_shared_meaning_give_the_same_totals(
    both: tuple[Corpus, Corpus], text: str
) -> None:
    folder, server = both
    assert server.search(text, limit=0).total == folder.search(text, limit=0).total


def test_top_ten_overlap_is_reported(both: tuple[Corpus, Corpus]) -> None:
    folder, server = both
    overlaps = []
    for text in TEXT_QUERIES:
        a = [h.id for h in folder.search(text, limit=10).hits]
        b = [h.id for h in server.search(text, limit=10).hits]
        overlap = len(set(a) & set(b)) / max(len(a), len(b), 1)
        overlaps.append(overlap)
        print(f"top-10 overlap {overlap:.2f}  {text!r}  folder {len(a)} server {len(b)}")
    mean = sum(overlaps) / len(overlaps)
    print(f"mean top-10 overlap {mean:.2f} over {len(overlaps)} text queries")
    assert mean >= OVERLAP_FLOOR
