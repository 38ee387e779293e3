"""The query language thrown at the PostgreSQL path: every query either answers or is a
clear syntax error; the server never sees a malformed statement, nothing typed in a
query reaches it as SQL, and every statement in store/postgres/ is parameterised."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus_search import Corpus
from corpus_search.errors import InvalidFilterError, QuerySyntaxError

pytest.importorskip("psycopg", reason="the PostgreSQL driver is not installed ([postgres] extra)")

POSTGRES_STORE = Path(__file__).resolve().parents[2] / "corpus_search" / "store" / "postgres"
EXECUTE = {"execute", "executemany", "copy", "stream", "cursor"}

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


def test_every_statement_is_parameterised() -> None:
    """No SQL in store/postgres/ is built by formatting values into a string: an
    f-string, ``%`` or ``.format`` passed straight to execute() fails this test
    (identifiers go through psycopg.sql, values through parameters)."""
    files = sorted(POSTGRES_STORE.rglob("*.py"))
    assert files, f"no PostgreSQL store at {POSTGRES_STORE}"
    offences = []
    for path in files:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if node.func.attr not in EXECUTE or not node.args:
                continue
            first = node.args[0]
            formatted = (
                (
                    isinstance(first, ast.JoinedStr)
                    and any(isinstance(v, ast.FormattedValue) for v in first.values)
                )
                or (isinstance(first, ast.BinOp) and isinstance(first.op, (ast.Mod, ast.Add)))
                or (
                    isinstance(first, ast.Call)
                    and isinstance(first.func, ast.Attribute)
                    and first.func.attr == "format"
                    and isinstance(first.func.value, ast.Constant)
                )
            )
            if formatted:
                offences.append(f"{path.name}:{node.lineno}")
    assert not offences, f"SQL built by string formatting at {offences}"
