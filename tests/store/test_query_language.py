"""The query language and the exploring functions (explain, trend, similar, did you
mean, highlighting) on both stores (a whoosh folder, a PostgreSQL database)."""

from collections.abc import Callable

import pytest

from corpus_search import Corpus
from corpus_search.errors import InvalidFilterError, QuerySyntaxError
from tests.conftest import country_actors, make_doc

actors = country_actors


@pytest.fixture()
def corpus(new_corpus: Callable[[str], Corpus]) -> Corpus:
    corpus = new_corpus("ix")
    docs = [
        make_doc(
            "ordered",
            "Nuclear deterrence returns to Europe as arsenals grow.",
            title="An old idea",
            source="Alpha Institute",
            published="2024-03-02",
            actors=actors("Russia"),
            themes=[{"id": "nuclear-weapons", "score": 0.9}],
            authors=[{"name": "Jane Doe", "role": None}],
        ),
        make_doc(
            "reordered",
            "Deterring a rival that holds nuclear weapons takes patience.",
            title="Patience",
            source="Beta Forum",
            published="2024-07",
            actors=actors("China", "Russia"),
            themes=[{"id": "nuclear-weapons", "score": 0.7}],
            authors=[{"name": "Omar Field", "role": None}],
        ),
        make_doc(
            "sanctions",
            "Sanctions on Iran tighten while talks continue in Vienna.",
            title="Sanctions tighten",
            source="Alpha Institute",
            published="2022",
            actors=actors("Iran"),
            themes=[{"id": "sanctions", "score": 0.9}],
            authors=[{"name": "Jane Doe", "role": None}],
        ),
        make_doc(
            "undated",
            "Shipping lanes and sanctions evasion at sea.",
            title="Dark fleets",
            source="Beta Forum",
            actors=actors("Iran", "China"),
        ),
    ]
    report = corpus.add(docs)
    assert report.added == 4
    return corpus


def ids(corpus: Corpus, text: str, **filters: object) -> set[str]:
    return {h.id for h in corpus.search(text, limit=None, **filters).hits}


def test_phrase_keeps_word_order_unless_proximity_is_asked(corpus: Corpus, store_kind: str) -> None:
    assert ids(corpus, '"nuclear deterrence"') == {"ordered"}
    # ~N: the words within N positions of each other, in either order
    assert ids(corpus, '"nuclear weapons"~3') == {"reordered"}
    assert ids(corpus, '"weapons nuclear"~3') == {"reordered"}
    # A pinned difference: whoosh's Porter stemmer makes "deterring" and "deterrence" one
    # word (deterr); PostgreSQL's Snowball keeps them apart (deter, deterr).
    same_stem = {"ordered", "reordered"} if store_kind == "folder" else {"ordered"}
    assert ids(corpus, '"nuclear deterrence"~3') == same_stem
    assert ids(corpus, '"nuclear deterrence"~1') == {"ordered"}


def test_prefix_fuzzy_boolean_and_grouping(corpus: Corpus) -> None:
    assert ids(corpus, "deter*") == {"ordered", "reordered"}
    assert ids(corpus, "sanctoins~2") == {"sanctions", "undated"}
    assert ids(corpus, "sanctoins") == set()
    assert ids(corpus, "(sanctions OR patience) NOT vienna") == {"reordered", "undated"}
    assert ids(corpus, "sanctions AND NOT source:beta") == {"sanctions"}


def test_fields_resolve_case_insensitively(corpus: Corpus) -> None:
    assert ids(corpus, "actor:PRC") == {"reordered", "undated"}  # alias of China
    assert ids(corpus, "actor:iran theme:SANCTIONS") == {"sanctions"}
    assert ids(corpus, "author:doe") == {"ordered", "sanctions"}
    assert ids(corpus, "source:ALPHA") == {"ordered", "sanctions"}


def test_year_is_the_publication_year(corpus: Corpus) -> None:
    assert ids(corpus, "year:2024") == {"ordered", "reordered"}
    assert ids(corpus, "year:2020..2022") == {"sanctions"}
    assert ids(corpus, "year:2023..") == {"ordered", "reordered"}
    assert ids(corpus, "date:2024-03..2024-06") == {"ordered"}  # 2024-07 is outside
    with pytest.raises(QuerySyntaxError, match="year:spring"):
        corpus.search("year:spring")
    with pytest.raises(QuerySyntaxError, match="ends before it starts"):
        corpus.search("date:2025..2020")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('"nuclear deterrence', 'unbalanced quote at character 1 of the query: »"«nuclear'),
        ("x AND (a OR (b)", "unclosed '(' at character 7 of the query: x AND »(«a OR"),
        ("a) OR (b)", "unmatched ')' at character 2 of the query: a»)« OR"),
        ('"a (b" OR c)', "unmatched ')' at character 12"),  # brackets in phrases do not count
    ],
)
def test_unparseable_query_points_at_the_problem(corpus: Corpus, text: str, problem: str) -> None:
    with pytest.raises(QuerySyntaxError) as info:
        corpus.search(text)
    assert problem in str(info.value) and info.value.hint


def test_explain_reports_resolutions_dates_and_weights(corpus: Corpus) -> None:
    explained = corpus.explain("deter* actor:PRC date:2024..", themes=["nuclear weapons"])
    assert {"field": "actor", "value": "PRC", "matches": ["China"]} in explained["resolved"]
    assert {"field": "theme", "value": "nuclear weapons", "matches": ["nuclear-weapons"]} in (
        explained["resolved"]
    )
    assert explained["dates"] == [{"given": "date:2024..", "from": "2024-01-01", "to": None}]
    assert explained["fields"]["title"] > explained["fields"]["body"]
    assert explained["total"] == 1
    nothing = corpus.explain("actor:Atlantis")
    assert nothing["resolved"][0]["matches"] == [] and nothing["total"] == 0


def test_trend_counts_by_year_and_month_keeping_precision(corpus: Corpus) -> None:
    by_year = corpus.trend("", by="year")
    assert by_year.periods == ["2022", "2023", "2024"]
    assert by_year.series == [("all", [1, 0, 2])]
    assert (by_year.total, by_year.undated, by_year.imprecise) == (4, 1, 0)
    by_month = corpus.trend("", by="month")
    assert by_month.periods[0] == "2024-03" and by_month.periods[-1] == "2024-07"
    assert by_month.series[0][1] == [1, 0, 0, 0, 1]
    assert by_month.imprecise == 1  # the piece dated only "2022"


def test_trend_split_by_actor_and_bad_options(corpus: Corpus) -> None:
    split = corpus.trend("", by="year", split="actor", top=2)
    assert dict(split.series) == {"Russia": [0, 0, 2], "China": [0, 0, 1]}  # ties: by name
    rows = split.rows()
    assert {"period": "2024", "series": "Russia", "count": 2} in rows
    with pytest.raises(InvalidFilterError):
        corpus.trend("", by="week")
    with pytest.raises(InvalidFilterError):
        corpus.trend("", split="colour")


def test_similar_finds_related_documents_with_filters(corpus: Corpus) -> None:
    like = corpus.similar("sanctions", limit=5)
    assert like.hits[0].id == "undated"  # shares "sanctions" and Iran
    assert "sanctions" not in {h.id for h in like.hits}
    assert like.query["like"]["id"] == "sanctions"
    narrowed = corpus.similar("sanctions", "", sources=["Alpha"], limit=5)
    assert all(h.source == "Alpha Institute" for h in narrowed.hits)
    assert "undated" not in {h.id for h in narrowed.hits}


def test_did_you_mean_words_and_names(corpus: Corpus) -> None:
    suggestion = corpus.suggest("sanctoins", actors=["Iarn"])
    assert suggestion is not None
    assert ("sanctoins", "sanctions") in suggestion.changes
    assert ("Iarn", "Iran") in suggestion.changes
    assert suggestion.total == 2
    assert corpus.suggest("sanctions") is None  # nothing to correct
    assert corpus.suggest("qqqqzzzz") is None  # nothing close


def test_matched_words_are_the_surface_forms(corpus: Corpus, store_kind: str) -> None:
    body = corpus.get("reordered").body
    assert corpus.matched_words(body, "deterring nuclear") == ["Deterring", "nuclear"]
    # the stemming difference pinned above: Porter's "deterrence" is "deterring"'s stem
    expected = ["Deterring", "nuclear"] if store_kind == "folder" else ["nuclear"]
    assert corpus.matched_words(body, "deterrence nuclear") == expected
    assert corpus.matched_words(body, "pati*") == ["patience"]
    assert corpus.matched_words(body, "actor:China") == []
