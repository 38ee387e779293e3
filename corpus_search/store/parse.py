"""The query language, parsed once into the project's own tree (``store/tree.py``).

Every store compiles the tree this module returns; nothing here imports an engine.
The language is the one whoosh's query parser gave the project until now, and the
parser keeps its behaviour, down to how it reads odd input (an operator with nothing on
one side is ignored, ``title:`` before a space is a word): the text is cut into tokens,
brackets make groups, ``field:`` attaches to what follows, then the operators take their
operands, tightest first (see ``OPERATORS``). ``docs/_incoming/h15a.md`` states the
grammar.

Values are interpreted here, so a store never sees a user's spelling of a name or a
date: ``actor:PRC`` goes through ``resolve`` (aliases, then the corpus's own values),
``date:2024..`` becomes day numbers. Words are lowercased and otherwise kept as typed;
each store analyses them (stems, stop words, punctuation inside a word).

Every function takes an optional ``notes`` list; when given, it receives one dict per
interpretation made (a value resolved, a date range read), which ``--explain`` prints.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from corpus_search.dates import PartialDate, day_number
from corpus_search.errors import InvalidFilterError, QuerySyntaxError
from corpus_search.query import Query
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

# resolve(field, user_value) -> the stored values it stands for (empty: matches nothing);
# ``field`` is one of ``tree.VALUE_FIELDS``.
Resolver = Callable[[str, str], list[str]]
Notes = list[dict[str, Any]]

# The fields a user names in the query, and the tree field each reaches.
NAMED_FIELDS = {
    "actor": "actor",
    "key": "key_actor",
    "theme": "theme",
    "source": "source",
    "author": "author",
    "tag": "tag",
}
# ``title:``, ``subtitle:``, ``body:`` restrict words, phrases, prefixes and groups.
TEXT_FIELD_NAMES = ("title", "subtitle", "body")
MAX_FUZZY_EDITS = 2  # more matches almost any word and walks the whole vocabulary
MAX_MENTIONED_YEARS = 500

# Operators from the tightest to the loosest; words side by side (no operator) are
# AND-ed last of all: ``a b OR c`` is ``a AND (b OR c)``.
OPERATORS = ("NOT", "AND", "OR", "ANDNOT", "ANDMAYBE", "REQUIRE")

# A named field and its value, found before anything else (outside double quotes).
_NAMED = re.compile(
    r'"[^"\n]*"'  # a phrase (on one line, as the tokens read it): left alone
    r"|(?P<field>\b(?:actor|key|theme|source|author|tag|year|date|mentioned)):"
    r"(?P<value>\"[^\"]*\"|'[^']*'|[^\s()]+)",
    re.IGNORECASE,
)
_DATE_RANGE = re.compile(r"^(?P<a>[\d-]*)(?:\.\.(?P<b>[\d-]*))?$")
_YEAR_VALUE = re.compile(r"^(\d{4})?(\.\.)?(\d{4})?$")
_MENTIONED = re.compile(r"(\d{4})(?:\.\.(\d{4}))?")

# The tokens, tried in this order at every character; text no token matches is a word.
_TOKENS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ANDNOT", re.compile(r"(?<=\s)ANDNOT(?=\s)")),
    ("ANDMAYBE", re.compile(r"(?<=\s)ANDMAYBE(?=\s)")),
    ("every", re.compile(r"[*]:[*]")),
    ("quoted", re.compile(r"(^|(?<=\W))'(?P<text>.*?)'(?=\s|\]|[)}]|$)")),
    ("fieldname", re.compile(r"(?P<text>\w+|[*]):")),
    ("phrase", re.compile(r'"(?P<text>.*?)"(~(?P<slop>[1-9][0-9]*))?')),
    ("open", re.compile(r"[(]")),
    ("close", re.compile(r"[)]")),
    ("NOT", re.compile(r"(^|(?<=(\s|[()])))NOT(?=\s)")),
    ("AND", re.compile(r"(?<=\s)AND(?=\s)")),
    ("OR", re.compile(r"(?<=\s)OR(?=\s)")),
    ("REQUIRE", re.compile(r"(^|(?<=\s))REQUIRE(?=\s)")),
    ("boost", re.compile(r"\^(?P<boost>[0-9]*(\.[0-9]+)?)($|(?=[ \t\r\n)]))")),
    ("prefix", re.compile(r"(?P<text>[^ \t\r\n*]+)[*](?= |$|\))")),
    ("fuzziness", re.compile(r"(?<=\S)~(?P<edits>[0-9])?(/(?P<keep>[1-9][0-9]*))?")),
    ("ws", re.compile(r"\s+")),
)
_TEXT_KINDS = frozenset({"word", "prefix", "fuzzy", "phrase"})
_BOOSTABLE = _TEXT_KINDS | {"value", "group"}


# -- the syntax check -------------------------------------------------------------------


def check_syntax(text: str) -> None:
    """Raise QuerySyntaxError for an unbalanced quote or bracket, pointing at the
    character (1-based) where the problem starts."""
    if text.count('"') % 2:
        where = text.rfind('"') + 1
        raise QuerySyntaxError(
            f"unbalanced quote at character {where} of the query: {_point(text, where)}",
            'close the phrase with " or remove the quote',
        )
    opened: list[int] = []
    in_phrase = False
    for number, char in enumerate(text, start=1):
        if char == '"':
            in_phrase = not in_phrase
        elif not in_phrase and char == "(":
            opened.append(number)
        elif not in_phrase and char == ")":
            if not opened:
                raise QuerySyntaxError(
                    f"unmatched ')' at character {number} of the query: {_point(text, number)}",
                    "remove it or add '('",
                )
            opened.pop()
    if opened:
        where = opened[-1]
        raise QuerySyntaxError(
            f"unclosed '(' at character {where} of the query: {_point(text, where)}",
            "add ')' or remove '('",
        )


def _point(text: str, where: int) -> str:
    """The query with the character at ``where`` (1-based) marked: a »(« b."""
    return f"{text[: where - 1]}»{text[where - 1]}«{text[where:]}"


# -- the public entry points ------------------------------------------------------------


def parse(query: Query, resolve: Resolver, notes: Notes | None = None) -> Node:
    """The whole query (its text and its filters) as one tree: ``Every`` when it asks
    for nothing, else its parts AND-ed (the text first, then each filter)."""
    text, filters = parse_parts(query, resolve, notes)
    parts = ([text] if text is not None else []) + filters
    if not parts:
        return Every()
    return parts[0] if len(parts) == 1 else And(tuple(parts))


def parse_parts(
    query: Query, resolve: Resolver, notes: Notes | None = None
) -> tuple[Node | None, list[Node]]:
    """The text's tree (None without text) and one node per filter, in the order
    ``parse`` AND-s them."""
    text = parse_text(query.text, resolve, notes) if query.text else None
    return text, parse_filters(query, resolve, notes)


def parse_filters(query: Query, resolve: Resolver, notes: Notes | None = None) -> list[Node]:
    """The options that narrow a query (``--actor``, ``--since``, ...), one node each:
    each actor, key-actor and theme group is its own node (groups are AND-ed, the names
    in a group OR-ed); sources, authors and tags one node each."""
    parts: list[Node] = []
    for name, groups in (
        ("actor", query.actors),
        ("key", query.key_actors),
        ("theme", query.themes),
    ):
        parts.extend(_any_of(name, group, resolve, notes) for group in groups)
    for name, values in (("source", query.sources), ("author", query.authors), ("tag", query.tags)):
        if values:
            parts.append(_any_of(name, values, resolve, notes))
    if query.since or query.until:
        parts.append(_dates(query.since, query.until))
        if notes is not None:
            notes.append(_date_note("--since/--until", query.since, query.until))
    return parts


def parse_text(text: str, resolve: Resolver, notes: Notes | None = None) -> Node:
    """The tree of a query text. Raises QuerySyntaxError (with the character where the
    problem starts) for what cannot be read."""
    check_syntax(text)
    tokens = _tokenize(text, resolve, notes)
    group = _groups(tokens)
    group = _clean_boosts(group)
    group = _fuzzy_terms(group)
    group = _field_names(group)
    group = _drop_whitespace_and_boosts(group)
    group = _operators(group, text)
    node = _to_tree(group)
    return Nothing() if node is None else node


# -- named fields and their values ------------------------------------------------------


def _any_of(name: str, values: list[str], resolve: Resolver, notes: Notes | None) -> Node:
    field = NAMED_FIELDS[name]
    found: list[str] = []
    for value in values:
        matches = resolve(field, value)
        if notes is not None:
            notes.append({"field": name, "value": value, "matches": matches})
        found.extend(matches)
    return Values(field, tuple(dict.fromkeys(found)))


def _named_value(name: str, value: str, resolve: Resolver, notes: Notes | None) -> Node:
    if name == "year":
        return _year(value, notes)
    if name == "date":
        return _date(value, notes)
    if name == "mentioned":
        return _mentioned(value)
    field = NAMED_FIELDS[name]
    found = resolve(field, value)
    if notes is not None:
        notes.append({"field": name, "value": value, "matches": found})
    return Values(field, tuple(dict.fromkeys(found)))


def _year(value: str, notes: Notes | None) -> Node:
    """``year:2024`` is the publication year; ``year:2020..2022`` a range of them."""
    match = _YEAR_VALUE.match(value)
    if not match or not (match.group(1) or match.group(3)):
        raise QuerySyntaxError(
            f"cannot read year:{value}", "write a publication year: year:2024 or year:2020..2022"
        )
    return _date(value, notes, "year")


def _date(value: str, notes: Notes | None, field: str = "date") -> Node:
    match = _DATE_RANGE.match(value)
    if not match or not (match.group("a") or match.group("b")):
        raise QuerySyntaxError(
            f"cannot read {field}:{value}", "write date:2024, date:2024-01..2025-06 or date:2024.."
        )
    start = match.group("a")
    end = match.group("b") if ".." in value else start
    try:
        since = PartialDate.parse(start) if start else None
        until = PartialDate.parse(end) if end else None
    except InvalidFilterError as exc:
        raise QuerySyntaxError(f"cannot read {field}:{value}: {exc}") from None
    if since and until and since.first_day() > until.last_day():
        raise QuerySyntaxError(f"{field}:{value} ends before it starts", "swap the two dates")
    if notes is not None:
        notes.append(_date_note(f"{field}:{value}", since, until))
    return _dates(since, until)


def _dates(since: PartialDate | None, until: PartialDate | None) -> Dates:
    """Documents whose whole date period lies inside [since, until]."""
    return Dates(
        day_number(since.first_day()) if since else None,
        day_number(until.last_day()) if until else None,
    )


def _date_note(where: str, since: PartialDate | None, until: PartialDate | None) -> dict[str, Any]:
    return {
        "field": where,
        "since": str(since) if since else None,
        "until": str(until) if until else None,
        "days": [
            since.first_day().isoformat() if since else None,
            until.last_day().isoformat() if until else None,
        ],
    }


def _mentioned(value: str) -> Node:
    """``mentioned:1979`` or ``mentioned:1970..1979``: the body discusses one of them."""
    match = _MENTIONED.fullmatch(value)
    if not match:
        raise QuerySyntaxError(
            f"cannot read mentioned:{value}", "write mentioned:1979 or mentioned:1970..1979"
        )
    first = int(match.group(1))
    last = int(match.group(2) or first)
    if last < first or last - first > MAX_MENTIONED_YEARS:
        raise QuerySyntaxError(
            f"cannot read mentioned:{value}", "give a range of at most 500 years, earliest first"
        )
    return Mentioned(tuple(range(first, last + 1)))


# -- tokens -----------------------------------------------------------------------------


class _Tok:
    """One token or group of the text being parsed. ``kind`` is a token kind of
    ``_TOKENS`` (an operator's kind is its name), ``word``, ``fuzzy``, ``value`` (a named
    field with its value, already a tree node) or ``group`` (``group`` then says which:
    and, or, not, ANDNOT, ANDMAYBE, REQUIRE)."""

    __slots__ = ("edits", "field", "items", "keep", "kind", "node", "slop", "start", "text")

    def __init__(self, kind: str, text: str = "", start: int = 0) -> None:
        self.kind = kind
        self.text = text  # a word's text; for fieldname/boost/fuzziness what was typed
        self.start = start  # 0-based character offset in the query
        self.field: str | None = None
        self.slop = 1
        self.edits = 1
        self.keep = 0
        self.node: Node | str | None = None  # value: its tree node; group: its type
        self.items: list[_Tok] = []

    def copy_as_word(self) -> _Tok:
        return _Tok("word", self.text, self.start)

    def __repr__(self) -> str:  # for debugging and test messages
        if self.kind == "group":
            return f"{self.node}{self.items!r}"
        return f"{self.kind}:{self.text!r}"


def _group(kind: str, items: list[_Tok] | None = None) -> _Tok:
    group = _Tok("group")
    group.node = kind
    group.items = items if items is not None else []
    return group


def _tokenize(text: str, resolve: Resolver, notes: Notes | None) -> list[_Tok]:
    """The tokens of ``text``: named fields first (their values resolved in the order
    they are written), then the rest token by token."""
    tokens: list[_Tok] = []
    at = 0
    for match in _NAMED.finditer(text):
        if not match.group("field"):
            continue
        tokens.extend(_scan(text, at, match.start()))
        value = _Tok("value", match.group(0), match.start())
        name = match.group("field").lower()
        value.node = _named_value(name, match.group("value").strip("\"'"), resolve, notes)
        tokens.append(value)
        at = match.end()
    tokens.extend(_scan(text, at, len(text)))
    return tokens


def _scan(text: str, start: int, end: int) -> list[_Tok]:
    tokens: list[_Tok] = []
    pos = previous = start
    while pos < end:
        for kind, pattern in _TOKENS:
            match = pattern.match(text, pos)
            if match is None or match.end() <= pos or match.end() > end:
                continue
            if previous < pos:
                tokens.append(_Tok("word", text[previous:pos], previous))
            tokens.append(_token(kind, match))
            pos = previous = match.end()
            break
        else:
            pos += 1
    if previous < end:
        tokens.append(_Tok("word", text[previous:end], previous))
    return tokens


def _token(kind: str, match: re.Match[str]) -> _Tok:
    token = _Tok(kind, match.group(0), match.start())
    if kind in ("quoted", "prefix", "phrase", "fieldname"):
        token.text = match.group("text")
    if kind == "quoted":
        token.kind = "word"
    elif kind == "fieldname":
        token.field = match.group("text")
        token.text = match.group(0)
    elif kind == "phrase":
        token.slop = int(match.group("slop") or 1)
    elif kind == "fuzziness":
        token.edits = int(match.group("edits") or 1)
        token.keep = int(match.group("keep") or 0)
    elif kind == "boost":
        try:
            float(match.group("boost"))
        except ValueError:  # "^" alone: a word
            token.kind = "word"
    return token


# -- the passes, in whoosh's order ------------------------------------------------------


def _groups(tokens: list[_Tok]) -> _Tok:
    """Brackets make groups (an unmatched one is ignored: ``check_syntax`` has already
    refused the query, except for brackets inside single quotes)."""
    stack = [_group("and")]
    for token in tokens:
        if token.kind == "open":
            stack.append(_group("and"))
        elif token.kind == "close":
            if len(stack) > 1:
                last = stack.pop()
                stack[-1].items.append(last)
        else:
            stack[-1].items.append(token)
    top = stack[0]
    for level in stack[1:]:
        top.items.extend(level.items)
    if len(top.items) == 1 and top.items[0].kind == "group":
        top = top.items[0]
    return top


def _has_boost(token: _Tok) -> bool:
    return token.kind in _BOOSTABLE and token.node not in ("ANDNOT", "ANDMAYBE", "REQUIRE")


def _clean_boosts(group: _Tok) -> _Tok:
    """A boost with nothing boostable before it is a word (top level only)."""
    items = group.items
    for i, token in enumerate(items):
        if token.kind == "boost" and (not i or not _has_boost(items[i - 1])):
            items[i] = token.copy_as_word()
    return group


def _fuzzy_terms(group: _Tok) -> _Tok:
    """``word~``, ``word~2``, ``word~2/3``: a fuzzy word; a lone ``~`` is a word."""
    out: list[_Tok] = []
    items = group.items
    i = 0
    while i < len(items):
        token = items[i]
        if token.kind == "word" and i + 1 < len(items) and items[i + 1].kind == "fuzziness":
            fuzzy = _Tok("fuzzy", token.text, token.start)
            fuzzy.field = token.field
            fuzzy.edits = min(items[i + 1].edits, MAX_FUZZY_EDITS)
            fuzzy.keep = items[i + 1].keep
            token = fuzzy
            i += 1
        if token.kind == "fuzziness":
            token = token.copy_as_word()
        if token.kind == "group":
            token = _fuzzy_terms(token)
        out.append(token)
        i += 1
    group.items = out
    return group


def _set_field(token: _Tok, field: str) -> None:
    if token.kind in _TEXT_KINDS or token.kind == "fieldname":
        if token.field is None:
            token.field = field
    elif token.kind == "group":
        for item in token.items:
            _set_field(item, field)


def _field_names(group: _Tok) -> _Tok:
    """``title:`` applies to what follows it directly; an unknown field name is text
    (joined to a word that follows it, a word of its own otherwise)."""
    known: list[_Tok] = []
    unknown: _Tok | None = None
    for token in group.items:
        if token.kind == "fieldname" and token.field not in TEXT_FIELD_NAMES:
            unknown = token
            continue
        if unknown is not None:
            if token.kind in _TEXT_KINDS:
                token.text = unknown.text + token.text
                token.start = unknown.start
            else:
                known.append(unknown.copy_as_word())
            unknown = None
        known.append(token)
    if unknown is not None:
        known.append(unknown.copy_as_word())

    out: list[_Tok] = []
    i = len(known)
    while i > 0:
        i -= 1
        token = known[i]
        if token.kind == "fieldname":
            token = token.copy_as_word()
        elif token.kind == "group":
            token = _field_names(token)
        if (
            i > 0
            and token.kind not in ("ws", "value")
            and known[i - 1].kind == "fieldname"
            and known[i - 1].field is not None
        ):
            _set_field(token, known[i - 1].field)  # type: ignore[arg-type]
            i -= 1
        out.append(token)
    out.reverse()
    group.items = out
    return group


def _drop_whitespace_and_boosts(group: _Tok) -> _Tok:
    """Whitespace has done its work; a boost after something boostable is read and
    ignored (the tree has no weights), any other is a word."""
    out: list[_Tok] = []
    for token in group.items:
        if token.kind == "ws":
            continue
        if token.kind == "group":
            token = _drop_whitespace_and_boosts(token)
        elif token.kind == "boost":
            if out and _has_boost(out[-1]):
                continue
            token = token.copy_as_word()
        out.append(token)
    group.items = out
    return group


_INFIX = {
    "AND": "and",
    "OR": "or",
    "ANDNOT": "ANDNOT",
    "ANDMAYBE": "ANDMAYBE",
    "REQUIRE": "REQUIRE",
}


def _operators(group: _Tok, text: str) -> _Tok:
    """Operators take their operands, the tightest first (``OPERATORS``), left to right;
    an infix operator at either end of a group is ignored, and one whose neighbour is
    another operator takes that operator as its operand, which then vanishes."""
    items = group.items
    for op in OPERATORS:
        i = 0
        while i < len(items):
            token = items[i]
            if token.kind != op:
                i += 1
                continue
            if op == "NOT":
                del items[i]
                if i < len(items):
                    items[i] = _group("not", [items[i]])
                    items[i].start = token.start
                continue
            if 0 < i < len(items) - 1:
                left, right = items[i - 1], items[i + 1]
                kind = _INFIX[op]
                if kind in ("and", "or") and left.kind == "group" and left.node == kind:
                    left.items.append(right)
                    del items[i : i + 2]
                else:
                    items[i - 1 : i + 2] = [_group(kind, [left, right])]
            else:
                del items[i]
    for i, token in enumerate(items):
        if token.kind == "group":
            items[i] = _operators(token, text)
            if token.node == "not" and not token.items:
                where = token.start + 1
                raise QuerySyntaxError(
                    f"NOT at character {where} of the query has nothing to exclude: "
                    f"{_point(text, where)}",
                    "put a word, a phrase or a group after NOT",
                )
    return group


# -- to the tree ------------------------------------------------------------------------


def _to_tree(token: _Tok) -> Node | None:
    """The tree of a token (None: nothing to search, which its parent drops)."""
    kind = token.kind
    if kind == "word":
        return Term(_lower(token.text), token.field) if token.text else None
    if kind == "prefix":
        return Prefix(_lower(token.text), token.field)
    if kind == "fuzzy":
        return Fuzzy(_lower(token.text), token.edits, token.keep, token.field)
    if kind == "phrase":
        words = tuple(_lower(token.text).split())
        return Phrase(words, token.slop, token.field) if words else None
    if kind == "value":
        assert not isinstance(token.node, str | None)
        return token.node
    if kind == "every":
        return Every()
    if kind != "group":  # an operator left inside a group: ignored
        return None
    parts = [p for p in (_to_tree(t) for t in token.items) if p is not None]
    group = token.node
    if group == "not":
        return Not(parts[0]) if parts else None
    if group in ("ANDNOT", "ANDMAYBE", "REQUIRE") and len(parts) == 2:
        if group == "ANDNOT":
            parts = [parts[0], Not(parts[1])]
        elif group == "ANDMAYBE":
            parts = parts[:1]  # the optional side only ranks in whoosh; the tree keeps none
    return _join(Or if group == "or" else And, parts)


# The words a store's analyzer splits a text into (whoosh's default tokenizer's pattern).
_ANALYZED_WORD = re.compile(r"[\w\*]+(?:\.?[\w\*]+)*")


def _lower(text: str) -> str:
    """Lowercased word by word as the store's analyzer lowercases ("ΣΑΣ^war": "σας" and
    "war", a final sigma where the word ends), unless that changes its length ("İ" becomes
    "i" and a combining dot, which would split a word in two): then as typed."""
    lowered = _ANALYZED_WORD.sub(lambda m: m[0].lower(), text)
    return lowered if len(lowered) == len(text) else text


def _join(kind: type[And] | type[Or], parts: list[Node]) -> Node | None:
    flat: list[Node] = []
    for part in parts:
        if isinstance(part, kind):
            flat.extend(part.parts)
        else:
            flat.append(part)
    if not flat:
        return None
    return flat[0] if len(flat) == 1 else kind(tuple(flat))


# -- back to text -----------------------------------------------------------------------


def to_text(node: Node) -> str:
    """A query text that ``parse_text`` reads back as ``node``, for the trees the
    language can write: flat groups, values of one name (read back through a resolver
    that answers a value with itself), contiguous mentioned years, a date range with at
    least one end. Raises ValueError for the others."""
    if isinstance(node, Term):
        return _fielded(node.field, node.word)
    if isinstance(node, Prefix):
        return _fielded(node.field, f"{node.prefix}*")
    if isinstance(node, Fuzzy):
        keep = f"/{node.keep}" if node.keep else ""
        return _fielded(node.field, f"{node.word}~{node.edits}{keep}")
    if isinstance(node, Phrase):
        slop = f"~{node.slop}" if node.slop > 1 else ""
        return _fielded(node.field, '"' + " ".join(node.words) + '"' + slop)
    if isinstance(node, Values):
        if len(node.values) != 1:
            raise ValueError("only a value of one name can be written")
        name = {v: k for k, v in NAMED_FIELDS.items()}[node.field]
        return f'{name}:"{node.values[0]}"'
    if isinstance(node, Dates):
        if node.first is None and node.last is None:
            raise ValueError("a date range needs one end")
        return f"date:{_day(node.first)}..{_day(node.last)}"
    if isinstance(node, Mentioned):
        first, last = node.years[0], node.years[-1]
        if node.years != tuple(range(first, last + 1)):
            raise ValueError("only a contiguous range of mentioned years can be written")
        return f"mentioned:{first}" if first == last else f"mentioned:{first}..{last}"
    if isinstance(node, Every):
        return "*:*"
    if isinstance(node, Nothing):
        return "()"
    if isinstance(node, Not):
        return f"NOT {_atom(node.part)}"
    if isinstance(node, And):
        return " ".join(_atom(part) for part in node.parts)
    return " OR ".join(_atom(part) for part in node.parts)


def _fielded(field: str | None, text: str) -> str:
    return f"{field}:{text}" if field else text


def _atom(node: Node) -> str:
    return f"({to_text(node)})" if isinstance(node, And | Or | Not) else to_text(node)


def _day(number: int | None) -> str:
    if number is None:
        return ""
    return f"{number // 10000:04d}-{number // 100 % 100:02d}-{number % 100:02d}"
