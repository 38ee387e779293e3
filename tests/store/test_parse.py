"""The query language's parser: text to the engine-neutral tree, no index involved."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_search.errors import InvalidFilterError, QuerySyntaxError
from corpus_search.query import Query
from corpus_search.store.parse import parse, parse_text, to_text
from corpus_search.store.tree import (
    And,
    Dates,
    Every,
    Fuzzy,
    Mentioned,
    Node,
    Not,
    Nothing,
    Or,
    Phrase,
    Prefix,
    Term,
    Values,
)

ALIASES = {"prc": ["China"], "beijing": ["China"], "kremlin": ["Russia"], "both": ["A", "B"]}


def resolve(field: str, value: str) -> list[str]:
    """Aliases, then any value starting with "x" exists (title-cased); others do not."""
    if value.lower() in ALIASES:
        return ALIASES[value.lower()]
    return [value.title()] if value.lower().startswith("x") else []


def tree(text: str) -> Node:
    return parse_text(text, resolve)


def T(word: str, field: str | None = None) -> Term:
    return Term(word, field)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nuclear", T("nuclear")),
        ("nuclear deterrence", And((T("nuclear"), T("deterrence")))),
        # operators, tightest first: NOT, AND, OR; side by side (implicit AND) is loosest
        ("a OR b c", And((Or((T("a"), T("b"))), T("c")))),
        ("a b OR c", And((T("a"), Or((T("b"), T("c")))))),
        ("a AND b OR c", Or((And((T("a"), T("b"))), T("c")))),
        ("a OR b AND c", Or((T("a"), And((T("b"), T("c")))))),
        ("NOT a OR b", Or((Not(T("a")), T("b")))),
        ("a NOT b", And((T("a"), Not(T("b"))))),
        ("a AND NOT b", And((T("a"), Not(T("b"))))),
        ("NOT (a b)", Not(And((T("a"), T("b"))))),
        ("(a OR b) AND (c OR d)", And((Or((T("a"), T("b"))), Or((T("c"), T("d")))))),
        ("(a b) c", And((T("a"), T("b"), T("c")))),
        ("a ANDNOT b", And((T("a"), Not(T("b"))))),
        ("a REQUIRE b", And((T("a"), T("b")))),
        ("a ANDMAYBE b", T("a")),
        # lowercase operators are words; an operator with nothing on a side is ignored
        ("a and b", And((T("a"), T("and"), T("b")))),
        ("a OR ", T("a")),
        (" OR a", T("a")),
        ("a OR OR b", And((T("a"), T("b")))),
        ("(a NOT )", T("a")),
        ("a OR", And((T("a"), T("or")))),  # an operator has spaces on both sides
        ("()", Nothing()),
        ("a ()", T("a")),
        # phrases, proximity, prefix, fuzzy
        ('"Nuclear  deterrence"', Phrase(("nuclear", "deterrence"))),
        ('"nuclear deterrence"~3', Phrase(("nuclear", "deterrence"), slop=3)),
        ('"a b"~0', And((Phrase(("a", "b")), T("~0")))),
        ('""', Nothing()),
        ("deter*", Prefix("deter")),
        ("sanctoins~", Fuzzy("sanctoins", 1, 0)),
        ("sanctoins~2", Fuzzy("sanctoins", 2, 0)),
        ("sanctoins~9", Fuzzy("sanctoins", 2, 0)),
        ("sanctoins~2/3", Fuzzy("sanctoins", 2, 3)),
        ("'two words'", T("two words")),
        ("a^2 b", And((T("a"), T("b")))),  # a boost is read and ignored
        ("*:*", Every()),
        # text fields
        ("title:nuclear", T("nuclear", "title")),
        ('subtitle:"a b"~2', Phrase(("a", "b"), 2, "subtitle")),
        ("body:deter*", Prefix("deter", "body")),
        ("title:(a body:b)", And((T("a", "title"), T("b", "body")))),
        ("title: a", And((T("title:"), T("a")))),
        ("Title:a", T("title:a")),
        ("id:abc", T("id:abc")),
        ("nuclear-armed U.S.", And((T("nuclear-armed"), T("u.s.")))),
        # named fields: values resolved, dates read
        ("actor:PRC", Values("actor", ("China",))),
        (
            'ACTOR:"Beijing" key:kremlin',
            And((Values("actor", ("China",)), Values("key_actor", ("Russia",)))),
        ),
        ("theme:atlantis", Values("theme", ())),
        ("source:both OR tag:xy", Or((Values("source", ("A", "B")), Values("tag", ("Xy",))))),
        ("year:2024", Dates(20240101, 20241231)),
        ("year:2020..", Dates(20200101, None)),
        ("date:..2019-06", Dates(None, 20190630)),
        ("date:2024-03..2024-06", Dates(20240301, 20240630)),
        ("mentioned:1979", Mentioned((1979,))),
        ("NOT mentioned:1970..1972", Not(Mentioned((1970, 1971, 1972)))),
        ('"actor:PRC"', Phrase(("actor:prc",))),
    ],
)
def test_the_language_parses_into_the_tree(text: str, expected: Node) -> None:
    assert tree(text) == expected


def test_filters_are_anded_after_the_text_and_notes_say_what_was_read() -> None:
    notes: list[dict[str, object]] = []
    query = Query.build(
        "deter* actor:PRC date:2024..",
        actors=["Kremlin", "x1|atlantis"],
        themes=["xt"],
        sources=["both", "xs"],
        since="2020",
    )
    assert parse(query, resolve, notes) == And(
        (
            And((Prefix("deter"), Values("actor", ("China",)), Dates(20240101, None))),
            Values("actor", ("Russia",)),
            Values("actor", ("X1",)),
            Values("theme", ("Xt",)),
            Values("source", ("A", "B", "Xs")),
            Dates(20200101, None),
        )
    )
    assert notes[0] == {"field": "actor", "value": "PRC", "matches": ["China"]}
    assert notes[1]["field"] == "date:2024.." and notes[1]["days"] == ["2024-01-01", None]
    assert {"field": "actor", "value": "atlantis", "matches": []} in notes
    assert notes[-1]["field"] == "--since/--until"
    assert parse(Query(), resolve) == Every()
    assert parse(Query(key_actors=[["prc"]]), resolve) == Values("key_actor", ("China",))


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('"nuclear deterrence', 'unbalanced quote at character 1 of the query: »"«nuclear'),
        ("x AND (a OR (b)", "unclosed '(' at character 7 of the query: x AND »(«a OR"),
        ("a) OR (b)", "unmatched ')' at character 2 of the query: a»)« OR"),
        ('"a (b" OR c)', "unmatched ')' at character 12"),
        ("peace OR NOT NOT war", "NOT at character 10 of the query has nothing to exclude"),
        ("NOT AND war", "NOT at character 1 of the query"),
        ("year:spring", "cannot read year:spring"),
        ("date:2025..2020", "date:2025..2020 ends before it starts"),
        ("date:2024-13", "cannot read date:2024-13"),
        ("mentioned:1900..2500", "cannot read mentioned:1900..2500"),
    ],
)
def test_what_cannot_be_read_is_a_syntax_error_saying_where(text: str, problem: str) -> None:
    with pytest.raises(QuerySyntaxError) as info:
        tree(text)
    assert problem in str(info.value)


# -- properties ---------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        " ", "  ", "a", "war", "Peace", "AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "REQUIRE",
        "(", ")", '"', "'", "*", "~", "~2", "/3", "^", "^2", ":", "*:*", "title:", "body:",
        "actor:", "key:", "year:", "date:", "mentioned:", "2024", "..", "-", "é", "\t", "\n",
        "x", "prc", "\\", "[", "]", "{", "}",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), st.lists(_PIECES, max_size=14).map("".join)))
def test_any_text_parses_or_is_a_syntax_error(text: str) -> None:
    try:
        node = tree(text)
    except (QuerySyntaxError, InvalidFilterError) as exc:
        assert str(exc)  # a message a person can act on
        return
    assert _well_formed(node)


def _well_formed(node: Node) -> bool:
    """Groups hold at least two parts and never a group of their own kind; words are
    lowercase and not empty."""
    if isinstance(node, And | Or):
        return len(node.parts) >= 2 and all(
            not isinstance(p, type(node)) and _well_formed(p) for p in node.parts
        )
    if isinstance(node, Not):
        return _well_formed(node.part)
    if isinstance(node, Term | Fuzzy):
        return node.word == node.word.lower() and node.word != ""
    if isinstance(node, Phrase):
        return len(node.words) >= 1 and all(w == w.lower() for w in node.words)
    return True


_WORD = st.from_regex(r"[a-z0-9][a-z0-9]{0,7}", fullmatch=True)
_FIELD = st.sampled_from([None, None, None, "title", "subtitle", "body"])
_DAY = st.dates().map(lambda d: d.year * 10000 + d.month * 100 + d.day)
_LEAVES = st.one_of(
    st.builds(Term, _WORD, _FIELD),
    st.builds(Prefix, _WORD, _FIELD),
    st.builds(Fuzzy, _WORD, st.integers(0, 2), st.integers(0, 4), _FIELD),
    st.builds(
        Phrase, st.lists(_WORD, min_size=1, max_size=4).map(tuple), st.integers(1, 9), _FIELD
    ),
    st.builds(
        Values,
        st.sampled_from(["actor", "key_actor", "theme", "source", "author", "tag"]),
        st.from_regex(r"x[A-Za-z0-9 ]{0,10}[a-z]", fullmatch=True).map(lambda v: (v.title(),)),
    ),
    st.builds(Dates, _DAY, st.none()),
    st.builds(Dates, st.none(), _DAY),
    st.tuples(_DAY, _DAY).map(lambda d: Dates(min(d), max(d))),
    st.tuples(st.integers(1000, 2500), st.integers(0, 30)).map(
        lambda y: Mentioned(tuple(range(y[0], min(y[0] + y[1], 9999) + 1)))
    ),
)


def _flat(kind: type[And] | type[Or], parts: list[Node]) -> Node:
    flat: list[Node] = []
    for part in parts:
        flat.extend(part.parts if isinstance(part, kind) else [part])
    return flat[0] if len(flat) == 1 else kind(tuple(flat))


_TREES = st.recursive(
    _LEAVES,
    lambda inner: st.one_of(
        st.lists(inner, min_size=2, max_size=4).map(lambda p: _flat(And, p)),
        st.lists(inner, min_size=2, max_size=4).map(lambda p: _flat(Or, p)),
        inner.map(Not),
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(_TREES)
def test_a_tree_written_as_text_reads_back_the_same(node: Node) -> None:
    text = to_text(node)
    assert parse_text(text, lambda field, value: [value]) == node, text
