"""The store's behaviour, on both stores: real whoosh indexes in temporary folders and
real databases on a throwaway PostgreSQL server (``new_corpus``)."""

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from corpus_search import Corpus, Query
from corpus_search.errors import IndexNotFoundError, IndexVersionError, QuerySyntaxError
from tests.conftest import country_actors, make_doc

actors = country_actors


@pytest.fixture()
def corpus(new_corpus: Callable[[str], Corpus]) -> Corpus:
    corpus = new_corpus("ix")
    docs = [
        make_doc(
            "a",
            "Nuclear deterrence between Russia and the West.",
            title="Deterrence now",
            source="Alpha Institute",
            published="2025-05-08",
            actors=actors("Russia"),
            themes=[{"id": "nuclear-weapons", "score": 0.9}],
            authors=[{"name": "Jane Doe", "role": "Fellow"}],
        ),
        make_doc(
            "b",
            "China and Russia deepen ties; nuclear talks stall.",
            title="Axis",
            source="Beta Forum",
            published="2025",
            actors=actors("China", "Russia"),
            themes=[{"id": "alliances", "score": 0.8}],
        ),
        make_doc(
            "c",
            "Trade between China and the EU.",
            title="Trade",
            source="Alpha Institute",
            published="2019-03",
            actors=actors("China"),
            authors=[{"name": "John Roe", "role": None}],
        ),
        make_doc("d", "An undated note about nuclear matters.", title="Undated"),
    ]
    report = corpus.add(docs)
    assert (report.added, report.updated, report.skipped) == (4, 0, 0)
    return corpus


def ids(corpus: Corpus, text: str = "", **filters: object) -> list[str]:
    return sorted(h.id for h in corpus.search(text, limit=100, **filters).hits)


def test_full_text_and_total(corpus: Corpus) -> None:
    result = corpus.search("nuclear")
    assert result.total == 3 and ids(corpus, "nuclear") == ["a", "b", "d"]
    assert ids(corpus, "nothingmatchesthis") == []


def test_actor_and_or(corpus: Corpus) -> None:
    assert ids(corpus, actors=["China", "Russia"]) == ["b"]
    assert ids(corpus, actors=["China|Russia"]) == ["a", "b", "c"]
    assert ids(corpus, actors=["russia"]) == ["a", "b"]  # case-insensitive
    assert ids(corpus, actors=["PRC"]) == ["b", "c"]  # alias through the gazetteer
    assert ids(corpus, actors=["Atlantis"]) == []


def test_source_author_theme(corpus: Corpus) -> None:
    assert ids(corpus, sources=["alpha"]) == ["a", "c"]
    assert ids(corpus, sources=["Beta Forum"]) == ["b"]
    assert ids(corpus, authors=["doe"]) == ["a"]
    assert ids(corpus, themes=["Nuclear weapons"]) == ["a"]


def test_dates_use_containment(corpus: Corpus) -> None:
    assert ids(corpus, since="2025") == ["a", "b"]
    assert ids(corpus, until="2025") == ["a", "b", "c"]
    assert ids(corpus, since="2025", until="2025") == ["a", "b"]
    assert ids(corpus, since="2025-05") == ["a"]  # "2025" may be January: not inside
    assert ids(corpus, until="2019-03-15") == []  # "2019-03" may be the 20th
    assert ids(corpus, until="2019-03") == ["c"]


def test_query_language_fields(corpus: Corpus) -> None:
    assert ids(corpus, "actor:prc") == ["b", "c"]
    assert ids(corpus, "nuclear AND actor:Russia") == ["a", "b"]
    assert ids(corpus, "date:2025..") == ["a", "b"]
    assert ids(corpus, "date:..2019") == ["c"]
    assert ids(corpus, "trade OR date:2025-05") == ["a", "c"]
    with pytest.raises(QuerySyntaxError, match="unbalanced quote"):
        corpus.search('"nuclear deterrence')
    with pytest.raises(QuerySyntaxError):
        corpus.search("(nuclear OR trade")


def test_sort_paging_and_snippet(corpus: Corpus) -> None:
    newest = corpus.search("", sort="-date", limit=2)
    assert [h.id for h in newest.hits] == ["a", "b"] and newest.total == 4
    page2 = corpus.search("", sort="date", limit=2, offset=1)
    assert [h.id for h in page2.hits] == ["c", "b"]
    hit = corpus.search("deterrence").hits[0]
    assert hit.id == "a" and "deterrence" in hit.snippet.lower() and hit.matched == ["deterrence"]


def test_title_outweighs_body(new_corpus: Callable[[str], Corpus]) -> None:
    corpus = new_corpus("ix2")
    filler = " ".join(["policy"] * 40)
    corpus.add(
        [
            make_doc("body", f"{filler} blockade {filler}", title="Something else"),
            make_doc("title", f"{filler} blockade {filler}", title="Blockade"),
        ]
    )
    assert [h.id for h in corpus.search("blockade").hits] == ["title", "body"]


def test_facets_cover_whole_result_set(corpus: Corpus) -> None:
    result = corpus.search("", limit=1, facets=True)
    assert len(result.hits) == 1
    assert dict(result.facets["actor"]) == {"China": 2, "Russia": 2}
    assert dict(result.facets["source"]) == {"Alpha Institute": 2, "Beta Forum": 1}
    assert dict(result.facets["year"]) == {"2025": 2, "2019": 1}


def test_reingest_updates_not_duplicates(corpus: Corpus) -> None:
    same = corpus.get("a")
    assert corpus.add([same]).skipped == 1
    changed = make_doc("a", "Entirely rewritten text about deterrence.", title="Deterrence now")
    report = corpus.add([changed])
    assert (report.added, report.updated) == (0, 1)
    assert len(corpus) == 4 and corpus.get("a").body.startswith("Entirely")


def test_get_by_prefix_and_missing(new_corpus: Callable[[str], Corpus]) -> None:
    corpus = new_corpus("ix3")
    corpus.add([make_doc("abcdef123456", "text one"), make_doc("abcdzz999999", "text two")])
    assert corpus.get("abcdef").id == "abcdef123456"
    from corpus_search.errors import DocumentNotFoundError

    with pytest.raises(DocumentNotFoundError):
        corpus.get("abcd")  # too short to be a prefix, and not an id


def test_missing_and_wrong_version(tmp_path: Path) -> None:
    with pytest.raises(IndexNotFoundError, match="no corpus"):
        Corpus.open(tmp_path / "nothing")
    Corpus.open(tmp_path / "v", create=True)
    (tmp_path / "v" / "corpus.json").write_text(json.dumps({"store_version": 999}))
    with pytest.raises(IndexVersionError):
        Corpus.open(tmp_path / "v")


def test_export_iterates_everything_in_order(corpus: Corpus) -> None:
    docs = list(corpus.documents(Query.build("", sort="date", limit=None)))
    assert [d.id for d in docs] == ["d", "c", "b", "a"]


def test_key_actor_filter(new_corpus: Callable[[str], Corpus]) -> None:
    from corpus_search import Document

    corpus = new_corpus("k")
    filler = " ".join(["The committee met and talked about budgets."] * 30)
    corpus.add(
        [
            Document(id="lead", title="A test", body=f"Russia tested a missile.\n\n{filler}"),
            Document(id="aside", body=f"A budget note.\n\n{filler} In passing, Russia was named."),
        ]
    )
    assert ids(corpus, actors=["Russia"]) == ["aside", "lead"]
    assert ids(corpus, key_actors=["Russia"]) == ["lead"]
    assert ids(corpus, "key:russia") == ["lead"]
    lead = {a.name: a for a in corpus.get("lead").actors}
    assert lead["Russia"].key is True


def test_mentioned_years_in_the_query_language(new_corpus: Callable[[str], Corpus]) -> None:
    from corpus_search import Document
    from corpus_search.errors import QuerySyntaxError

    corpus = new_corpus("m")
    corpus.add(
        [
            Document(id="revolution", body="The events of 1979 in Tehran still shape policy."),
            Document(id="wall", body="Since 1989 Europe has changed; in 2024 it changed again."),
        ]
    )
    assert ids(corpus, "mentioned:1979") == ["revolution"]
    assert ids(corpus, "mentioned:1980..1990") == ["wall"]
    assert ids(corpus, "mentioned:1970..2030") == ["revolution", "wall"]
    with pytest.raises(QuerySyntaxError):
        corpus.search("mentioned:seventies")


def test_fuzzy_edits_are_capped(corpus: Corpus) -> None:
    from corpus_search.store.whoosh.query import MAX_FUZZY_EDITS

    assert ids(corpus, "deterence~") == ["a"]
    explained = corpus.search("deterrence~9", limit=1)
    assert explained.total >= 1
    from whoosh import query as wq  # the store's own query object, inspected in its test

    from corpus_search.store.whoosh.query import parse_text
    from corpus_search.store.whoosh.schema import make_schema

    parsed = parse_text("nucleus~9", make_schema(), lambda field, value: [value])
    fuzzy = [n for n in parsed.leaves() if isinstance(n, wq.FuzzyTerm)]
    assert fuzzy and all(n.maxdist == MAX_FUZZY_EDITS for n in fuzzy)
