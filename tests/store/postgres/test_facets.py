"""Facets of a search with few matches are counted from one reading of the matches; they
equal the facets counted by the server one field at a time (the path of a search with
many matches), ties ordered by value the same way."""

from __future__ import annotations

import pytest

from corpus_search import Corpus, Query
from tests.conftest import country_actors, make_doc

COUNTRIES = ("Russia", "Iran", "China", "France", "India")


def _docs() -> list:  # type: ignore[type-arg]
    out = []
    for i in range(40):
        actors = [
            a for k, c in enumerate(COUNTRIES) if (i + k) % (k + 2) == 0 for a in country_actors(c)
        ]
        out.append(
            make_doc(
                f"f{i:02d}",
                f"Sanctions and {'tariffs' if i % 3 else 'trade'} in note {i}.",
                actors=actors,
                themes=[
                    {"id": t, "score": 0.5}
                    for k, t in enumerate(("sanctions", "trade", "energy"))
                    if i % (k + 2)
                ],
                source=("Aldgate Institute", "Kestrel Forum", "", "Meridian Centre")[i % 4],
                authors=[("Ada Lind", "Bo Ek", "ada lind")[i % 3]] if i % 5 else [],
                published=f"20{10 + i % 7}-0{1 + i % 9}" if i % 6 else None,
            )
        )
    return out


@pytest.mark.parametrize("text", ["sanctions", "tariffs", "trade OR energy", "actor:Russia"])
def test_facets_from_one_reading_equal_the_servers_counts(
    pg_server: object, pg_url: str, text: str
) -> None:
    corpus = Corpus.open(pg_url, create=True)
    corpus.add(_docs())
    query = Query.build(text, facets=["actor", "theme", "source", "year", "author"])
    one_pass = corpus.search(query)
    corpus._store.facets_in_one_pass = 0  # type: ignore[attr-defined]
    by_field = corpus.search(query)
    assert one_pass.total == by_field.total > 0
    assert one_pass.facets == by_field.facets
    assert all(one_pass.facets[name] for name in ("actor", "theme", "source", "year", "author"))


@pytest.mark.parametrize("path", ["one reading", "plain"])
def test_words_and_filters_with_few_matches_are_ranked_on_the_matches(
    pg_server: object, pg_url: str, path: str
) -> None:
    corpus = Corpus.open(pg_url, create=True)
    corpus.add(_docs())
    store = corpus._store  # type: ignore[attr-defined]
    if not store._has_rum:
        pytest.skip("ranking on the matches is the RUM path (postgresql-15-rum)")
    calls = []
    if path == "plain":
        store._few = lambda *args: None
        direct = store._page_direct
        store._page_direct = lambda *args: calls.append(args) or direct(*args)
    else:
        few = store._few
        store._few = lambda *args: calls.append(args) or few(*args)
    exact = [
        row[0]
        for row in store._rows(
            "SELECT d.id FROM corpus_search.documents d WHERE d.tsv @@ %s::tsquery "
            "AND d.actors && %s::text[] ORDER BY d.tsv <=> %s::tsquery, d.seq",
            ("'sanction'", ["Russia"], "'sanction'"),
        )
    ]
    assert len(exact) > 6
    for offset, limit in ((0, 3), (2, 4), (0, len(exact))):
        result = corpus.search(
            Query.build("sanctions", actors=["Russia"], limit=limit, offset=offset)
        )
        assert result.total == len(exact)
        assert [hit.id for hit in result.hits] == exact[offset : offset + limit]
        assert all(hit.score > 0 for hit in result.hits)
    assert len(calls) == 3


QUERIES = [
    ("sanctions", {"actors": ["Russia"]}),
    ("tariffs OR trade", {"themes": ["energy"]}),
    ('"tariffs in note"', {"since": "2011", "until": "2015"}),
    ("", {"actors": ["Russia"], "sources": ["Aldgate Institute"]}),
    ("", {"themes": ["trade"], "since": "2012"}),
]


@pytest.mark.parametrize("text, filters", QUERIES)
@pytest.mark.parametrize("sort", ["relevance", "date", "-date"])
def test_one_reading_of_few_matches_equals_the_plain_path(
    pg_server: object, pg_url: str, text: str, filters: dict, sort: str
) -> None:
    """Count, page (every sort, every offset) and facets of a filtered search read once
    from its matches are those of the plain path (a count, a page and the facets each
    finding the matches again); past the bound the plain path answers."""
    corpus = Corpus.open(pg_url, create=True)
    corpus.add(_docs())
    store = corpus._store  # type: ignore[attr-defined]
    few = store._few
    answered = []
    store._few = lambda *args: answered.append(result := few(*args)) or result

    def search(offset: int) -> tuple:
        query = Query.build(
            text, **filters, sort=sort, offset=offset, limit=4, facets=["actor", "year"]
        )
        result = corpus.search(query)
        return result.total, [(h.id, round(h.score, 6)) for h in result.hits], result.facets

    once = [search(offset) for offset in (0, 3, 50)]
    assert once[0][0] > 4 and once[0][1] and all(answered)
    store.rank_direct = 2  # fewer than the matches: counted and faceted, paged plainly
    answered.clear()
    assert [search(offset) for offset in (0, 3, 50)] == once
    assert answered and all(answered)
    store.facets_in_one_pass = 2  # and past the bound the one reading gives up
    answered.clear()
    assert [search(offset) for offset in (0, 3, 50)] == once
    assert answered and not any(answered)
    store._few = lambda *args: None
    assert [search(offset) for offset in (0, 3, 50)] == once
