"""The query language thrown at the PostgreSQL path: every query either answers or is a
clear syntax error; the server never sees a malformed statement, nothing typed in a
query reaches it as SQL, and every value travels as a parameter."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus_search import Corpus
from corpus_search.errors import InvalidFilterError, QuerySyntaxError

pytest.importorskip("psycopg", reason="the PostgreSQL driver is not installed ([postgres] extra)")


WORDS = st.sampled_from(
    [
        "nuclear",
        "sanctions",
        "China",
        "deterr*",
        "sanctons~",
        "sanctons~2",
        "AND",
        "OR",
        "NOT",
        "(",
        ")",
        '"',
        "'",
        ";",
        "--",
        "/*",
        "*/",
        "\\",
        "%",
        "_",
        "$1",
        "%s",
        "{}",
        ":*",
        "<->",
        "&",
        "|",
        "!",
        "actor:Russia",
        "actor:'United States'",
        'actor:"Kremlin"',
        "key:China",
        "theme:nuclear",
        "source:Meridian",
        "author:Wrenfield",
        "tag:x",
        "year:2017",
        "year:2015..2018",
        "date:2016-01..",
        "date:..2019-12-31",
        "date:2019-13",
        "mentioned:1979",
        "mentioned:1970..1979",
        "title:korea",
        '"arms control"~3',
        "'; DROP TABLE documents; --",
        "x'); DELETE FROM documents; --",
        "\x00",
        "ß",
        "日本",
        "🚀",
    ]
)
QUERIES = st.one_of(
    st.lists(WORDS, max_size=8).map(" ".join),
    st.text(max_size=40),
    st.lists(st.one_of(WORDS, st.text(max_size=6)), max_size=6).map("".join),
)


@pytest.fixture(scope="module")
def server_corpus(
    pg_server: object, tmp_path_factory: pytest.TempPathFactory, demo_site: list[Path]
) -> Iterator[Corpus]:
    url = pg_server.create_database("fuzz")  # type: ignore[attr-defined]
    corpus = Corpus.open(url, create=True)
    report = corpus.ingest(demo_site)
    assert report.added == 48
    yield corpus


def answers_or_is_a_syntax_error(corpus: Corpus, text: str) -> None:
    try:
        result = corpus.search(text, limit=5, facets=True)
    except (QuerySyntaxError, InvalidFilterError):
        return
    assert 0 <= result.total <= 48
    assert len(corpus) == 48  # nothing typed in a query changed the corpus


FUZZ = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@settings(FUZZ, max_examples=1_000)
@given(text=QUERIES)
def test_any_query_answers_or_is_a_syntax_error(server_corpus: Corpus, text: str) -> None:
    answers_or_is_a_syntax_error(server_corpus, text)


@pytest.mark.slow
@settings(FUZZ, max_examples=10_000)
@given(text=QUERIES)
def test_any_query_answers_or_is_a_syntax_error_many(server_corpus: Corpus, text: str) -> None:
    answers_or_is_a_syntax_error(server_corpus, text)


CANARY = "zqcanary"


@pytest.fixture
def statements(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The text of every statement the store sends (parameters apart)."""
    import psycopg

    sent: list[str] = []
    for method in ("execute", "executemany", "copy", "stream"):
        original = getattr(psycopg.Cursor, method)

        def recording(self: object, query: object, *args: object, _o=original, **kw: object):
            as_string = getattr(query, "as_string", None)
            sent.append(as_string(self) if as_string else str(query))
            return _o(self, query, *args, **kw)

        monkeypatch.setattr(psycopg.Cursor, method, recording)
    return sent


INJECTIONS = [
    f"{CANARY}",
    f"{CANARY}*",
    f"{CANARY}~2",
    f'"{CANARY} nuclear"',
    f'"nuclear {CANARY}"~3',
    f"title:{CANARY}",
    f"actor:{CANARY}",
    f"actor:'{CANARY}'' OR 1=1 --'",
    f'theme:"{CANARY}"',
    f"source:{CANARY}",
    f"author:{CANARY}",
    f"tag:{CANARY}",
    f"{CANARY}'; DROP TABLE corpus_search.documents; --",
    f"{CANARY}\\'); SELECT pg_sleep(5); --",
    f"{CANARY}$$ OR $$1$$=$$1",
    f"nuclear AND NOT {CANARY}:*",
]


@pytest.mark.parametrize("text", INJECTIONS)
def test_nothing_typed_reaches_the_server_as_sql(
    server_corpus: Corpus, statements: list[str], text: str
) -> None:
    """Whatever a user types travels as a parameter, never inside a statement's text,
    in searches, facets, trends, suggestions and exports alike."""
    statements.clear()
    server_corpus.search("nuclear", limit=1)
    assert statements, "no statement was recorded: the recorder is not in the path"
    statements.clear()
    try:
        server_corpus.search(text, limit=5, facets=True)
        server_corpus.trend(text, by="year")
        server_corpus.suggest(text)
        list(server_corpus.documents(text, actors=[CANARY], sources=[CANARY]))
    except (QuerySyntaxError, InvalidFilterError):
        pass
    leaked = [sql for sql in statements if CANARY in sql.lower()]
    assert not leaked, leaked[0]
    assert len(server_corpus) == 48
