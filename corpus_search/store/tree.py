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

from collections.abc import Callable
from dataclasses import FrozenInstanceError
from typing import TYPE_CHECKING, Any, TypeVar

_Class = TypeVar("_Class", bound=type)

if TYPE_CHECKING:
    from dataclasses import dataclass
else:

    def dataclass(frozen: bool = True) -> Callable[[_Class], _Class]:
        """``dataclasses.dataclass(frozen=True)`` for these classes at a fraction of its
        cost (it compiles five methods per class; twelve classes were 7 ms of every
        search's start): the same constructor, equality, hash, repr, match arguments and
        frozenness, from closures. Type checkers see the real decorator."""

        def wrap(cls: _Class) -> _Class:
            names = tuple(cls.__annotations__)
            defaults = {n: cls.__dict__[n] for n in names if n in cls.__dict__}

            def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
                if len(args) > len(names):
                    raise TypeError(f"{cls.__name__} takes {len(names)} arguments")
                values = dict(zip(names, args, strict=False))
                for name, value in kwargs.items():
                    if name not in names or name in values:
                        raise TypeError(f"{cls.__name__}: unexpected or repeated {name!r}")
                    values[name] = value
                for name in names:
                    if name not in values:
                        if name not in defaults:
                            raise TypeError(f"{cls.__name__}: missing {name!r}")
                        values[name] = defaults[name]
                    object.__setattr__(self, name, values[name])

            def _values(self: Any) -> tuple[Any, ...]:
                return tuple(getattr(self, n) for n in names)

            def __eq__(self: Any, other: object) -> bool:
                if other.__class__ is not self.__class__:
                    return NotImplemented
                return _values(self) == _values(other)

            def __hash__(self: Any) -> int:
                return hash(_values(self))

            def __repr__(self: Any) -> str:
                shown = ", ".join(f"{n}={getattr(self, n)!r}" for n in names)
                return f"{cls.__qualname__}({shown})"

            def __setattr__(self: Any, name: str, value: Any) -> None:
                raise FrozenInstanceError(f"cannot assign to field {name!r}")

            def __delattr__(self: Any, name: str) -> None:
                raise FrozenInstanceError(f"cannot delete field {name!r}")

            for method in (__init__, __eq__, __hash__, __repr__, __setattr__, __delattr__):
                setattr(cls, method.__name__, method)
            cls.__match_args__ = names
            return cls

        return wrap


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
