"""From the query tree (``corpus_search.store.tree``) to a whoosh query.

``corpus_search.store.parse`` reads the query language; this module compiles what it
returns, node by node, into the whoosh objects whoosh's own query parser built for the
same text when it parsed the language itself (``tests/store/test_parse_equivalence.py``
holds the two side by side), so the scores, ``--explain`` and the numpy engine see what
they always saw:

- a word is looked up in title, standfirst and body (``Or`` of the three, weighted by the
  schema) unless a field is named; each field's analyzer turns it into terms: none (a
  stop word: the word is dropped), one, or several (``nuclear-armed``: all of them);
- prefixes and fuzzy words are stemmed but not split; a phrase is its words' terms in
  order, and ``"a b"~N`` becomes an unordered span (whoosh's ``Phrase`` keeps the order);
- the text's tree is normalised as whoosh normalised a parsed query (nested groups
  flattened, dropped words removed, duplicates merged); dates and mentioned years go in
  after that, as whoosh's parser never saw them, and the filters (``--actor``, ...) are
  AND-ed to the text without normalising.
"""

from __future__ import annotations

import re
from typing import Any

from whoosh import query as wq
from whoosh.query import spans

from corpus_search.query import Query
from corpus_search.store import tree
from corpus_search.store.parse import MAX_FUZZY_EDITS, Notes, Resolver, parse_parts
from corpus_search.store.parse import parse_text as parse_tree

__all__ = [
    "MAX_FUZZY_EDITS",
    "NOTHING",
    "TEXT_FIELDS",
    "Notes",
    "Resolver",
    "build",
    "compile_node",
    "compile_text",
    "parse_text",
]

# A term no document carries: what an unknown actor or source matches. (whoosh drops a
# NullQuery from an And, which would turn "unknown actor" into "any actor".)
NOTHING = "\u2400no-such-value"
# The fields free text is searched in (weights: see schema.py).
TEXT_FIELDS = tree.TEXT_FIELDS
_PLACEHOLDER = re.compile(r"__date(\d+)__")


def build(query: Query, schema: Any, resolve: Resolver, notes: Notes | None = None) -> wq.Query:
    """The whoosh query for ``query``: its text and filters, AND-ed."""
    text, filters = parse_parts(query, resolve, notes)
    parts = ([compile_text(text, schema)] if text is not None else []) + [
        compile_node(node, schema) for node in filters
    ]
    if not parts:
        return wq.Every()
    return parts[0] if len(parts) == 1 else wq.And(parts)


def parse_text(text: str, schema: Any, resolve: Resolver, notes: Notes | None = None) -> wq.Query:
    """The whoosh query for a query text alone."""
    return compile_text(parse_tree(text, resolve, notes), schema)


def compile_text(node: tree.Node, schema: Any) -> wq.Query:
    """A text's tree, normalised as whoosh normalises a query it parsed."""
    extra: list[wq.Query] = []
    compiled = _Compiler(schema, extra).node(node).normalize()
    if extra:
        compiled = compiled.accept(lambda q: _swap_placeholder(q, extra))
    return compiled.accept(_loosen_phrase)


def compile_node(node: tree.Node, schema: Any) -> wq.Query:
    """Any tree, node for node, without normalising (the filters)."""
    extra: list[wq.Query] = []
    compiled = _Compiler(schema, extra).node(node)
    if extra:
        compiled = compiled.accept(lambda q: _swap_placeholder(q, extra))
    return compiled.accept(_loosen_phrase)


class _Compiler:
    def __init__(self, schema: Any, extra: list[wq.Query]) -> None:
        self.schema = schema
        self.extra = extra  # dates and years, put in after normalising

    def node(self, node: tree.Node) -> wq.Query:
        if isinstance(node, tree.Term | tree.Prefix | tree.Fuzzy | tree.Phrase):
            if node.field is not None:
                return self.text(node, node.field)
            return wq.Or([self.text(node, field) for field in TEXT_FIELDS])
        if isinstance(node, tree.And):
            return wq.And([self.node(part) for part in node.parts])
        if isinstance(node, tree.Or):
            return wq.Or([self.node(part) for part in node.parts])
        if isinstance(node, tree.Not):
            return wq.Not(self.node(node.part))
        if isinstance(node, tree.Values):
            values = node.values or (NOTHING,)
            if len(values) == 1:
                return wq.Term(node.field, values[0])
            return wq.Or([wq.Term(node.field, value) for value in values])
        if isinstance(node, tree.Dates | tree.Mentioned):
            self.extra.append(_dates(node) if isinstance(node, tree.Dates) else _years(node))
            return wq.Term("id", f"__date{len(self.extra) - 1}__")
        if isinstance(node, tree.Every):
            return wq.Every()
        return wq.NullQuery  # Nothing

    def text(
        self, node: tree.Term | tree.Prefix | tree.Fuzzy | tree.Phrase, field: str
    ) -> wq.Query:
        analyzed = self.schema[field]
        if isinstance(node, tree.Phrase):
            words = [t.text for t in analyzed.tokenize(" ".join(node.words), mode="query")]
            return wq.Phrase(field, words, slop=node.slop)
        if isinstance(node, tree.Term):
            terms = list(analyzed.process_text(node.word, mode="query"))
            if not terms:
                return wq.NullQuery
            if len(terms) == 1:
                return wq.Term(field, terms[0])
            return wq.And([wq.Term(field, t) for t in terms])
        word = node.prefix if isinstance(node, tree.Prefix) else node.word
        terms = list(analyzed.process_text(word, mode="query", tokenize=False, removestops=False))
        if not terms:
            return wq.NullQuery
        if isinstance(node, tree.Prefix):
            return wq.Prefix(field, terms[0])
        return wq.FuzzyTerm(field, terms[0], maxdist=node.edits, prefixlength=node.keep)


def _dates(node: tree.Dates) -> wq.Query:
    """Documents whose whole date period lies inside [first, last]."""
    clauses: list[wq.Query] = []
    if node.first is not None:
        clauses.append(wq.NumericRange("pub_start", node.first, None))
    if node.last is not None:
        clauses.append(wq.NumericRange("pub_end", None, node.last))
    if not clauses:
        return wq.Every()
    return clauses[0] if len(clauses) == 1 else wq.And(clauses)


def _years(node: tree.Mentioned) -> wq.Query:
    return wq.Or([wq.Term("mentioned", str(year)) for year in node.years])


def _swap_placeholder(node: wq.Query, extra: list[wq.Query]) -> wq.Query:
    if isinstance(node, wq.Term) and node.fieldname == "id" and isinstance(node.text, str):
        match = _PLACEHOLDER.fullmatch(node.text)
        if match:
            return extra[int(match.group(1))]
    return node


def _loosen_phrase(node: wq.Query) -> wq.Query:
    """``"a b"~N``: the words within N positions, in any order (whoosh keeps the order)."""
    if isinstance(node, wq.Phrase) and node.slop > 1 and len(node.words) > 1:
        terms = [wq.Term(node.fieldname, w) for w in node.words]
        return spans.SpanNear2(terms, slop=node.slop, ordered=False)
    return node
