"""The project's own query tree: what the query language parses into, engine-neutral.

``corpus_search.store.parse`` (the parser) turns a ``Query`` (its text in the query
language plus its filters) into one ``Node``; each store compiles that node for its
engine (``store/whoosh/`` into whoosh queries, ``store/postgres/`` into SQL). Nothing
here imports an engine.

Values are already interpreted when they reach the tree:
- words are as the user typed them, lowercased; each store analyses them its own way
  (whoosh: its stemming analyzer; PostgreSQL: its text-search configuration);
- actor, theme, source, author and tag values are resolved (aliases, then the corpus's
  own spelling): ``Values(field, ())`` is a value nothing carries and matches nothing;
- dates are day numbers (``corpus_search.dates.day_number``) of the document's whole
  date period: a document matches ``Dates(first, last)`` when its period lies inside.

::

    Node = Every | Nothing | Term | Prefix | Fuzzy | Phrase | Values | Dates | Mentioned
         | And | Or | Not
"""

from __future__ import annotations

from dataclasses import dataclass

# The free-text fields (``field=None`` on a text node means all three, weighted:
# title 3.0, subtitle 1.5, body 1.0).
TEXT_FIELDS = ("title", "subtitle", "body")
# The exact-value fields and the query-language names that reach them.
VALUE_FIELDS = ("actor", "key_actor", "theme", "source", "author", "tag")


@dataclass(frozen=True)
class Every:
    """Every document (an empty query)."""


@dataclass(frozen=True)
class Nothing:
    """No document."""


@dataclass(frozen=True)
class Term:
    """One word in ``field`` (one of ``TEXT_FIELDS``) or in all text fields (None).
    The word is as typed, lowercased, and may hold punctuation or even spaces
    (``nuclear-armed``, ``u.s.``, ``'two words'``): a store analyses it into its terms
    and requires all of them in the same field; a word that analyses into none (a stop
    word) is dropped from its group (a group left empty is dropped in turn)."""

    word: str
    field: str | None = None


@dataclass(frozen=True)
class Prefix:
    """``nucl*``: any word starting with ``prefix``."""

    prefix: str
    field: str | None = None


@dataclass(frozen=True)
class Fuzzy:
    """``sanctons~`` / ``sanctons~2`` / ``sanctons~2/3``: words within ``edits`` (0 to 2)
    edits of the word's analysed form; the first ``keep`` characters (``~N/keep``;
    0 unless written) must match exactly."""

    word: str
    edits: int = 1
    keep: int = 0
    field: str | None = None


@dataclass(frozen=True)
class Phrase:
    """``"a b c"``: the words in order and adjacent (``slop`` 1, stop words aside);
    ``"a b"~N`` (``slop`` N > 1): the words in any order within N positions. ``words``
    are the phrase split at whitespace, lowercased; like a ``Term``'s word, each may
    analyse into several terms or none."""

    words: tuple[str, ...]
    slop: int = 1
    field: str | None = None


@dataclass(frozen=True)
class Values:
    """A document carrying any of ``values`` in the exact-value ``field``
    (``VALUE_FIELDS``); no values: matches nothing."""

    field: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class Dates:
    """Publication period inside [first, last] (day numbers; None: open end)."""

    first: int | None
    last: int | None


@dataclass(frozen=True)
class Mentioned:
    """The body discusses any of ``years`` (``mentioned:1970..1979``)."""

    years: tuple[int, ...]


@dataclass(frozen=True)
class And:
    parts: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    parts: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    """Every document except those matching ``part`` (inside an ``And``: "a NOT b")."""

    part: Node


Node = (
    Every | Nothing | Term | Prefix | Fuzzy | Phrase | Values | Dates | Mentioned | And | Or | Not
)
