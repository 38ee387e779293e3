"""The numpy query path answers exactly as whoosh's own matchers and collectors do:
the same totals, the same documents in the same order, the same scores, the same
facet counts, over several segments and with deleted documents."""

from __future__ import annotations

import pickle
import random
import zlib
from pathlib import Path

import pytest

from corpus_search import Corpus
from corpus_search.results import SearchResult
from corpus_search.store.whoosh import engine
from corpus_search.store.whoosh import writer as store_writer
from tests.conftest import make_doc

WORDS = [
    "nuclear",
    "deterrence",
    "sanctions",
    "treaty",
    "alliance",
    "missile",
    "cyber",
    "trade",
    "border",
    "talks",
]
ACTORS = ["China", "Russia", "Iran", "India", "NATO", "United States"]


def _doc(rng: random.Random, number: int, version: int = 0) -> object:
    year = rng.randint(2015, 2025)
    published = rng.choice([None, f"{year}", f"{year}-{rng.randint(1, 12):02d}-03"])
    extra = {"published": published} if published else {}
    return make_doc(
        f"d{number}",
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 60))),
        title=" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4))) + f" v{version}",
        subtitle=rng.choice(["", "a standfirst on " + rng.choice(WORDS)]),
        source=rng.choice(["Alpha Institute", "Beta Forum"]),
        actors=[
            {"name": a, "type": "country", "code": None, "count": 1}
            for a in rng.sample(ACTORS, rng.randint(0, 3))
        ],
        themes=[{"id": t, "score": 0.5} for t in rng.sample(["trade", "cyber"], rng.randint(0, 2))],
        **extra,
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    rng = random.Random(5)
    patch = pytest.MonkeyPatch()
    patch.setattr(store_writer, "BULK_BATCH", 90)  # several segments
    patch.setattr(store_writer, "PARALLEL_MIN", 1)
    corpus = Corpus.open(tmp_path_factory.mktemp("engine") / "ix", create=True)
    corpus.add([_doc(rng, n) for n in range(400)])
    patch.undo()
    # replaced documents leave deleted ones behind in the old segments
    corpus.add([_doc(rng, n, version=1) for n in range(0, 400, 7)])
    return corpus


def _queries(rng: random.Random) -> list[dict[str, object]]:
    forms = [
        "{a}",
        "{a} {b}",
        "{a} OR {b}",
        "{a} NOT {b}",
        "({a} OR {b}) {c}",
        "title:{a}",
        "{a} actor:Russia",
        '"{a} {b}"',
        '"{a} {b} {c}" OR {c}',
        '"a standfirst on {a}"',
        "",
    ]
    queries = []
    for _ in range(120):
        a, b, c = rng.sample(WORDS, 3)
        query: dict[str, object] = {"text": rng.choice(forms).format(a=a, b=b, c=c)}
        if rng.random() < 0.4:
            query["actors"] = [rng.choice(ACTORS)]
        if rng.random() < 0.2:
            query["themes"] = ["trade"]
        if rng.random() < 0.3:
            since = rng.randint(2015, 2022)
            query["since"], query["until"] = str(since), str(since + rng.randint(0, 3))
        query["sort"] = rng.choice(["relevance", "relevance", "date", "-date"])
        query["limit"] = rng.choice([0, 3, 10, None])
        query["offset"] = rng.choice([0, 0, 2])
        query["facets"] = rng.random() < 0.3
        if not query["text"] and not query.get("actors") and not query.get("themes"):
            query["actors"] = ["China"]
        queries.append(query)
    return queries


def _whoosh_only(monkeypatch: pytest.MonkeyPatch) -> None:
    def unsupported(*_args: object) -> None:
        raise engine.Unsupported("test")

    monkeypatch.setattr(engine, "evaluate", unsupported)


def _shape(result: SearchResult) -> tuple[object, ...]:
    return (
        result.total,
        [h.id for h in result.hits],
        [h.snippet for h in result.hits],
        [h.matched for h in result.hits],
        result.facets,
    )


def test_the_numpy_path_answers_like_whoosh(corpus: Corpus) -> None:
    queries = _queries(random.Random(8))
    fast = [corpus.search(**q) for q in queries]  # type: ignore[arg-type]
    patch = pytest.MonkeyPatch()
    _whoosh_only(patch)
    try:
        slow = [corpus.search(**q) for q in queries]  # type: ignore[arg-type]
    finally:
        patch.undo()
    assert sum(r.total for r in fast) > 1000  # the queries do match things
    for query, a, b in zip(queries, fast, slow, strict=True):
        assert _shape(a) == _shape(b), query
        if query["sort"] == "relevance":  # (sorted by date, both say 0)
            for x, y in zip(a.hits, b.hits, strict=True):
                assert x.score == pytest.approx(y.score, rel=1e-9), query
        else:
            assert all(h.score == 0 for h in a.hits + b.hits)


def test_unsupported_queries_fall_back_to_whoosh(corpus: Corpus) -> None:
    searcher_module = __import__("corpus_search.store.whoosh.searcher", fromlist=["x"])
    with searcher_module.kept_searcher(corpus._store._ix) as searcher:
        from corpus_search.query import Query
        from corpus_search.store.whoosh.searcher import _Resolver, compile_query

        for text in [
            '"nuclear deterrence"~3',
            "deter* OR tal*",
            "treaty~",
            "NOT cyber",
            "year:2020",
        ]:
            compiled, _dates = compile_query(
                searcher, Query.build(text), _Resolver(searcher, lambda _f, _v: None)
            )
            with pytest.raises(engine.Unsupported):
                engine.evaluate(searcher, compiled)
            # whoosh answers them, and counts every match even when it keeps only a few
            every = sum(1 for _ in corpus.documents(text))
            assert corpus.search(text, limit=3).total == every


def test_phrases_are_evaluated_here_and_match_only_consecutive_words(corpus: Corpus) -> None:
    from corpus_search.query import Query
    from corpus_search.store.whoosh.searcher import _Resolver, compile_query, kept_searcher

    with kept_searcher(corpus._store._ix) as searcher:
        compiled, _ = compile_query(
            searcher, Query.build('"missile treaty"'), _Resolver(searcher, lambda _f, _v: None)
        )
        found = engine.evaluate(searcher, compiled)
    expected = {
        doc.id
        for doc in corpus.documents("missile treaty")
        if "missile treaty" in " ".join(f"{doc.title} {doc.subtitle} . {doc.body}".split())
    }
    assert 0 < len(found.ids) == len(expected) < len(list(corpus.documents("missile treaty")))


def test_an_empty_corpus_answers_nothing(tmp_path: Path) -> None:
    empty = Corpus.open(tmp_path / "empty", create=True)
    assert empty.search("nuclear").total == 0
    assert empty.search('"arms control"', actors=["China"], facets=True).total == 0
    assert empty.search("nuclear", since="2020", sort="-date").total == 0


def _block(ids: list[int], weights: list[float], values: list[bytes], level: int) -> bytes:
    """A posting block's data as whoosh's W3PostingsWriter writes it (``_write_block``):
    delta-coded ids, weights minified, the tuple pickled with protocol 2, then zlib."""
    deltas = tuple(b - a for a, b in zip([0, *ids], ids, strict=False))
    if all(w == 1.0 for w in weights):
        mini: object = None
    elif all(w == weights[0] for w in weights):
        mini = weights[0]
    else:
        mini = tuple(weights)
    data = pickle.dumps((deltas, mini, tuple(values)), 2)
    return zlib.compress(data, level) if level else data


@pytest.mark.parametrize("seed", range(60))
def test_block_heads_read_like_unpickling_the_whole_block(seed: int) -> None:
    rng = random.Random(seed)
    count = rng.choice([1, 2, 3, 4, 5, 17, 128])
    gap = rng.choice([1, 40, 250, 300, 70_000, 3_000_000])  # BININT1, BININT2, BININT
    first = rng.choice([0, rng.randint(1, 127), rng.randint(128, 255), rng.randint(256, 40_000)])
    ids = [first]
    for _ in range(count - 1):
        ids.append(ids[-1] + rng.randint(1, gap))
    weights = rng.choice(
        [[1.0] * count, [2.5] * count, [float(rng.randint(1, 9)) for _ in range(count)]]
    )
    values = [bytes(rng.randrange(256) for _ in range(rng.randint(0, 30))) for _ in range(count)]
    level = rng.choice([0, 3])
    block = _block(ids, weights, values, level)
    head = engine._block_head(block, level, count)
    whole = pickle.loads(zlib.decompress(block) if level else block)
    if head is None:  # allowed, the caller then unpickles; but not for the usual shapes
        assert count <= 3 or gap >= 70_000, (count, gap)
        return
    deltas, raw_weights = head
    assert deltas.tolist() == list(whole[0])
    assert engine._weights(raw_weights, count).tolist() == engine._weights(whole[1], count).tolist()
