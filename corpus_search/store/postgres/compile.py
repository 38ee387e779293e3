"""From the project's query tree (``store/tree.py``) to SQL over ``documents``.

Text nodes become ``tsquery`` text (built here, passed as a parameter and cast with
``::tsquery``, so no value is ever spliced into SQL); neighbouring text nodes under an
And, Or or Not are merged into one tsquery so the full-text index answers them in one
scan. Exact-value, date and year nodes become predicates on the indexed columns.

How each node is read (and where it differs from the folder's whoosh):

- ``Term``: the word through the ``english`` configuration (Snowball stems, PostgreSQL's
  English stop words); a stop word is dropped, as whoosh drops its own (the two stop
  lists differ: see the docs). ``field`` restricts to a weight: title A, standfirst B,
  body D;
- ``Prefix``: ``'nucl':*`` on the indexed lexemes, as whoosh matches its indexed stems;
- ``Fuzzy``: the vocabulary's words within the edits, expanded before compiling;
- ``Phrase`` (slop 1): ``phraseto_tsquery``: the words in order, adjacent, a stop word
  keeping its place (whoosh closes the gap: "state of the art" matches "state art"
  there, not here); phrases never cross fields (one alternative per field);
- ``Phrase`` with slop N > 1: each consecutive pair of words within N positions, in
  either order (``<1>``..``<N>``); whoosh asks all the words within one window of N;
- ``Values``: ``column && ARRAY[...]`` (source: ``source = ANY(...)``);
- ``Dates``: the whole publication period inside the range (``pub_start``/``pub_end``);
- ``Mentioned``: ``mentioned && ARRAY[years]``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from corpus_search.store import tree as t

WEIGHTS = {"title": "A", "subtitle": "B", "body": "D"}
MAX_SLOP = 10  # "a b"~N beyond this is read as ~10 (the tsquery grows with N)
COLUMNS = {
    "actor": "actors",
    "key_actor": "key_actors",
    "theme": "themes",
    "author": "authors",
    "tag": "tags",
}
_LEXEME = re.compile(r"'((?:[^']|'')*)'(:\*?[A-D]*)?")


@dataclass(frozen=True)
class Tsq:
    """A tsquery, as text."""

    text: str


@dataclass(frozen=True)
class Sql:
    """A boolean SQL expression over ``d`` (the documents table) and its parameters."""

    text: str
    params: tuple[object, ...] = ()


TRUE, FALSE = Sql("TRUE"), Sql("FALSE")
Frag = Tsq | Sql

# words -> {word: its tsquery text for a phrase of the words in order ("" for a stop
# word)}: the server's phraseto_tsquery, asked once per query for all its words
Analyzer = Callable[[list[str]], dict[str, str]]
# a Fuzzy node -> the vocabulary's lexemes it stands for
FuzzyExpander = Callable[[t.Fuzzy], list[str]]


def quote_lexeme(word: str) -> str:
    """A lexeme as tsquery text: quoted, quotes doubled, backslashes escaped."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def with_weight(tsquery: str, field_name: str | None) -> str:
    """Restrict every lexeme of ``tsquery`` (server output) to one field's weight."""
    if field_name is None:
        return tsquery
    weight = WEIGHTS[field_name]

    def add(match: re.Match[str]) -> str:
        suffix = match.group(2) or ":"
        star = "*" if "*" in suffix else ""
        return f"'{match.group(1)}':{star}{weight}"

    return _LEXEME.sub(add, tsquery)


def lexemes(tsquery: str) -> list[str]:
    """The lexemes a tsquery text names (prefix lexemes end in ``*``)."""
    found = []
    for match in _LEXEME.finditer(tsquery):
        word = match.group(1).replace("''", "'").replace("\\\\", "\\")
        found.append(word + ("*" if match.group(2) and "*" in match.group(2) else ""))
    return found


def text_words(node: t.Node) -> list[str]:
    """Every word and phrase text the analyzer must see for ``node``."""
    out: list[str] = []
    for leaf in walk(node):
        if isinstance(leaf, t.Term):
            out.append(leaf.word)
        elif isinstance(leaf, t.Phrase):
            out.append(" ".join(leaf.words))
            out.extend(leaf.words)
    return list(dict.fromkeys(out))


def walk(node: t.Node) -> Iterable[t.Node]:
    yield node
    if isinstance(node, (t.And, t.Or)):
        for part in node.parts:
            yield from walk(part)
    elif isinstance(node, t.Not):
        yield from walk(node.part)


@dataclass
class Compiled:
    """``where`` (SQL over ``d``, with ``params``) and ``rank``: the tsquery of the
    query's positive text (None without text), for ranking and snippets."""

    where: str
    params: tuple[object, ...]
    rank: str | None
    positive: list[str] = field(default_factory=list)
    # the tsquery when ``where`` is that one full-text test alone (a RUM index orders by it)
    tsquery: str | None = None


class Compiler:
    def __init__(self, analyzed: dict[str, str], fuzzy: FuzzyExpander) -> None:
        self._analyzed = analyzed
        self._fuzzy = fuzzy
        self._positive: list[str] = []

    def compile(self, node: t.Node) -> Compiled:
        frag = self._node(node, positive=True)
        sql = FALSE if frag is None else _as_sql(frag)
        positive = list(dict.fromkeys(p for p in self._positive if p))
        rank = " | ".join(f"( {p} )" for p in positive) if positive else None
        tsquery = frag.text if isinstance(frag, Tsq) else None
        return Compiled(sql.text, sql.params, rank, positive, tsquery)

    # -- nodes ------------------------------------------------------------------------

    def _node(self, node: t.Node, positive: bool) -> Frag | None:
        """The fragment for ``node``; None for a node that constrains nothing (a stop
        word), which its parent drops."""
        if isinstance(node, t.Every):
            return TRUE
        if isinstance(node, t.Nothing):
            return FALSE
        if isinstance(node, (t.Term, t.Prefix, t.Fuzzy, t.Phrase)):
            text = self._text(node)
            if text is None:
                return None
            if text == "":
                return FALSE
            if positive:
                self._positive.append(text)
            return Tsq(text)
        if isinstance(node, t.Values):
            return _values(node)
        if isinstance(node, t.Dates):
            return _dates(node)
        if isinstance(node, t.Mentioned):
            if not node.years:
                return FALSE
            return Sql("d.mentioned && %s::integer[]", (list(node.years),))
        if isinstance(node, t.Not):
            inner = self._node(node.part, positive=not positive)
            if inner is None:
                return None
            if isinstance(inner, Tsq):
                return Tsq(f"!( {inner.text} )")
            if inner is TRUE:
                return FALSE
            if inner is FALSE:
                return TRUE
            return Sql(f"NOT ({inner.text})", inner.params)
        if isinstance(node, t.And):
            return self._join([self._node(p, positive) for p in node.parts], "&", "AND")
        if isinstance(node, t.Or):
            return self._join([self._node(p, positive) for p in node.parts], "|", "OR")
        raise TypeError(f"not a query node: {node!r}")

    def _join(self, parts: list[Frag | None], tsq_op: str, sql_op: str) -> Frag | None:
        kept = [p for p in parts if p is not None]
        if sql_op == "AND":
            if any(p is FALSE for p in kept):
                return FALSE
            kept = [p for p in kept if p is not TRUE]
            if not kept:
                return TRUE if parts else None
        else:
            if any(p is TRUE for p in kept):
                return TRUE
            kept = [p for p in kept if p is not FALSE]
            if not kept:
                return FALSE if any(p is not None for p in parts) else None
        if len(kept) == 1:
            return kept[0]
        texts = [p for p in kept if isinstance(p, Tsq)]
        sqls = [p for p in kept if isinstance(p, Sql)]
        merged: Tsq | None = None
        if len(texts) == 1:
            merged = texts[0]
        elif texts:
            merged = Tsq(f" {tsq_op} ".join(f"( {p.text} )" for p in texts))
        if not sqls:
            return merged
        pieces = ([_as_sql(merged)] if merged else []) + sqls
        params: tuple[object, ...] = ()
        for piece in pieces:
            params += piece.params
        return Sql(f" {sql_op} ".join(f"({p.text})" for p in pieces), params)

    def _text(self, node: t.Term | t.Prefix | t.Fuzzy | t.Phrase) -> str | None:
        """tsquery text; None for a stop word (dropped), "" for matches nothing."""
        if isinstance(node, t.Term):
            analyzed = self._analyzed.get(node.word, "")
            if not analyzed:
                return None
            return _per_field(analyzed, node.field)
        if isinstance(node, t.Prefix):
            prefix = node.prefix.lower()
            if not prefix:
                return None
            return _per_field(f"{quote_lexeme(prefix)}:*", node.field)
        if isinstance(node, t.Fuzzy):
            words = self._fuzzy(node)
            if not words:
                return ""
            return _per_field(" | ".join(quote_lexeme(w) for w in words), node.field)
        words = [w for w in node.words if w]
        if node.slop <= 1 or len(words) < 2:
            analyzed = self._analyzed.get(" ".join(node.words), "")
            if not analyzed:
                return None
            if node.field is None and "<" in analyzed:
                # a phrase never crosses from the title into the body: one per field
                return " | ".join(f"( {with_weight(analyzed, f)} )" for f in WEIGHTS)
            return _per_field(analyzed, node.field)
        return self._near(words, min(node.slop, MAX_SLOP), node.field)

    def _near(self, words: list[str], slop: int, field_name: str | None) -> str | None:
        lexes = []
        for word in words:
            analyzed = self._analyzed.get(word, "")
            if analyzed:
                lexes.append(analyzed)
        if not lexes:
            return None
        if len(lexes) == 1:
            return _per_field(lexes[0], field_name)
        fields = [field_name] if field_name else list(WEIGHTS)
        per_field = []
        for name in fields:
            pairs = []
            for a, b in itertools.pairwise(lexes):
                a_w, b_w = with_weight(a, name), with_weight(b, name)
                options = [
                    f"( {x} ) <{n}> ( {y} )"
                    for n in range(1, slop + 1)
                    for x, y in ((a_w, b_w), (b_w, a_w))
                ]
                pairs.append("( " + " | ".join(options) + " )")
            per_field.append("( " + " & ".join(pairs) + " )")
        return " | ".join(per_field)


def _per_field(tsquery: str, field_name: str | None) -> str:
    return with_weight(tsquery, field_name) if field_name else tsquery


def _as_sql(frag: Frag) -> Sql:
    if isinstance(frag, Sql):
        return frag
    return Sql("d.tsv @@ %s::tsquery", (frag.text,))


def _values(node: t.Values) -> Sql:
    values = [v for v in dict.fromkeys(node.values) if v]
    if not values:
        return FALSE
    if node.field == "source":
        return Sql("d.source = ANY(%s::text[])", (values,))
    column = COLUMNS.get(node.field)
    if column is None:
        raise ValueError(f"unknown value field {node.field!r}")
    return Sql(f"d.{column} && %s::text[]", (values,))


def _dates(node: t.Dates) -> Sql:
    clauses, params = [], []
    if node.first is not None:
        clauses.append("d.pub_start >= %s")
        params.append(int(node.first))
    if node.last is not None:
        clauses.append("d.pub_end <= %s")
        params.append(int(node.last))
    if not clauses:
        return TRUE
    return Sql(" AND ".join(clauses), tuple(params))
