"""From a ``corpus_search.query.Query`` to a whoosh query.

The query language is whoosh's (AND/OR/NOT, "phrases", "phrase"~N proximity, prefix*,
fuzzy~ and fuzzy~2, field:value, grouping) over title, standfirst and body, plus the
fields ``actor:``, ``key:``, ``theme:``, ``source:``, ``author:``, ``tag:``, ``year:`` (the
publication year, or a range ``year:2020..2022``) and ``date:FROM..TO`` (either end may
be left open). Values of the named fields go through ``resolve`` (aliases, then a
case-insensitive match against the index's own values) before whoosh sees them.

A phrase matches its words in order and next to each other (stop words aside); with
``~N`` the words may come in any order within N positions of each other, so
``"nuclear deterrence"~3`` also finds "deterring a nuclear-armed state".

Every function takes an optional ``notes`` list; when given, it receives one dict per
interpretation made (an alias resolved, a date range read), which ``--explain`` prints.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from whoosh import qparser
from whoosh import query as wq
from whoosh.query import spans

from corpus_search.dates import PartialDate, day_number
from corpus_search.errors import InvalidFilterError, QuerySyntaxError
from corpus_search.query import Query
from corpus_search.store.whoosh.schema import FILTER_FIELDS

# resolve(field, user_value) -> the indexed values it stands for (empty: matches nothing)
Resolver = Callable[[str, str], list[str]]

_FIELD_TOKEN = re.compile(
    r'"[^"]*"'  # a phrase: left alone
    r"|(?P<field>\b(?:actor|key|theme|source|author|tag|year|date|mentioned)):"
    r"(?P<value>\"[^\"]*\"|'[^']*'|[^\s()]+)",
    re.IGNORECASE,
)
# A term no document carries: what an unknown actor or source matches. (whoosh drops a
# NullQuery from an And, which would turn "unknown actor" into "any actor".)
NOTHING = "\u2400no-such-value"
_DATE_RANGE = re.compile(r"^(?P<a>[\d-]*)(?:\.\.(?P<b>[\d-]*))?$")
_YEAR_VALUE = re.compile(r"^(\d{4})?(\.\.)?(\d{4})?$")
# The fields free text is searched in, and their weights (see schema.py).
TEXT_FIELDS = ("title", "subtitle", "body")
Notes = list[dict[str, Any]]


def check_syntax(text: str) -> None:
    """Raise QuerySyntaxError for what whoosh would silently misread, pointing at the
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


def build(query: Query, schema: object, resolve: Resolver, notes: Notes | None = None) -> wq.Query:
    parts: list[wq.Query] = []
    if query.text:
        parts.append(parse_text(query.text, schema, resolve, notes))
    for group in query.actors:
        parts.append(_any_of("actor", group, resolve, notes))
    for group in query.key_actors:
        parts.append(_any_of("key", group, resolve, notes))
    for group in query.themes:
        parts.append(_any_of("theme", group, resolve, notes))
    for name, values in (
        ("source", query.sources),
        ("author", query.authors),
        ("tag", query.tags),
    ):
        if values:
            parts.append(_any_of(name, values, resolve, notes))
    if query.since or query.until:
        parts.append(date_range(query.since, query.until))
        if notes is not None:
            notes.append(_date_note("--since/--until", query.since, query.until))
    if not parts:
        return wq.Every()
    return parts[0] if len(parts) == 1 else wq.And(parts)


def parse_text(
    text: str, schema: object, resolve: Resolver, notes: Notes | None = None
) -> wq.Query:
    check_syntax(text)
    extra: list[wq.Query] = []

    def rewrite(match: re.Match[str]) -> str:
        field = match.group("field")
        if not field:
            return match.group(0)
        field = field.lower()
        value = match.group("value").strip("\"'")
        if field in ("date", "year", "mentioned"):
            if field == "year":
                extra_query = _year_clause(value, notes)
            elif field == "mentioned":
                extra_query = _mentioned_clause(value)
            else:
                extra_query = _date_clause(value, notes)
            placeholder = f"id:__date{len(extra)}__"  # one field: one copy of the clause
            extra.append(extra_query)
            return placeholder
        name = FILTER_FIELDS[field]
        found = resolve(name, value)
        if notes is not None:
            notes.append({"field": field, "value": value, "matches": found})
        values = found or [NOTHING]
        if len(values) == 1:
            return f"{name}:{_quote(values[0])}"
        return "(" + " OR ".join(f"{name}:{_quote(v)}" for v in values) + ")"

    rewritten = _FIELD_TOKEN.sub(rewrite, text)
    parser = qparser.MultifieldParser(list(TEXT_FIELDS), schema)
    parser.remove_plugin_class(qparser.WildcardPlugin)
    parser.add_plugin(qparser.PrefixPlugin())
    parser.add_plugin(qparser.FuzzyTermPlugin())
    try:
        parsed = parser.parse(rewritten)
    except Exception as exc:  # whoosh raises assorted errors on odd input
        raise QuerySyntaxError(f"cannot parse query {text!r}: {exc}") from None
    if extra:
        parsed = _replace_placeholders(parsed, extra)
    return _loosen_phrases(_cap_fuzziness(parsed))


MAX_FUZZY_EDITS = 2


def _cap_fuzziness(parsed: wq.Query) -> wq.Query:
    """``word~N`` allows at most ``MAX_FUZZY_EDITS`` edits: more matches almost any word
    and costs seconds (whoosh walks the whole vocabulary)."""

    def cap(node: wq.Query) -> wq.Query:
        if isinstance(node, wq.FuzzyTerm) and node.maxdist > MAX_FUZZY_EDITS:
            node.maxdist = MAX_FUZZY_EDITS
        return node

    return parsed.accept(cap)


def _loosen_phrases(parsed: wq.Query) -> wq.Query:
    """``"a b"~N``: the words within N positions, in any order (whoosh keeps the order)."""

    def swap(node: wq.Query) -> wq.Query:
        if isinstance(node, wq.Phrase) and node.slop > 1 and len(node.words) > 1:
            terms = [wq.Term(node.fieldname, w) for w in node.words]
            return spans.SpanNear2(terms, slop=node.slop, ordered=False)
        return node

    return parsed.accept(swap)


def _year_clause(value: str, notes: Notes | None) -> wq.Query:
    """``year:2024`` is the publication year; ``year:2020..2022`` a range of them."""
    match = _YEAR_VALUE.match(value)
    if not match or not (match.group(1) or match.group(3)):
        raise QuerySyntaxError(
            f"cannot read year:{value}", "write a publication year: year:2024 or year:2020..2022"
        )
    return _date_clause(value, notes, "year")


def date_range(since: PartialDate | None, until: PartialDate | None) -> wq.Query:
    """Documents whose whole date period lies inside [since, until] (see ``dates``)."""
    clauses: list[wq.Query] = []
    if since:
        clauses.append(wq.NumericRange("pub_start", day_number(since.first_day()), None))
    if until:
        clauses.append(wq.NumericRange("pub_end", None, day_number(until.last_day())))
    return clauses[0] if len(clauses) == 1 else wq.And(clauses)


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


def _date_clause(value: str, notes: Notes | None = None, field: str = "date") -> wq.Query:
    match = _DATE_RANGE.match(value)
    if not match or not (match.group("a") or match.group("b")):
        raise QuerySyntaxError(
            f"cannot read {field}:{value}", "write date:2024, date:2024-01..2025-06 or date:2024.."
        )
    start = match.group("a")
    end = match.group("b") if match.group("b") is not None else start
    if ".." not in value:
        end = start
    try:
        since = PartialDate.parse(start) if start else None
        until = PartialDate.parse(end) if end else None
    except InvalidFilterError as exc:
        raise QuerySyntaxError(f"cannot read {field}:{value}: {exc}") from None
    if since and until and since.first_day() > until.last_day():
        raise QuerySyntaxError(f"{field}:{value} ends before it starts", "swap the two dates")
    if notes is not None:
        notes.append(_date_note(f"{field}:{value}", since, until))
    return date_range(since, until)


def _mentioned_clause(value: str) -> wq.Query:
    """``mentioned:1979`` or ``mentioned:1970..1979``: documents whose body discusses
    one of those years (``mentioned_years``)."""
    match = re.fullmatch(r"(\d{4})(?:\.\.(\d{4}))?", value)
    if not match:
        raise QuerySyntaxError(
            f"cannot read mentioned:{value}", "write mentioned:1979 or mentioned:1970..1979"
        )
    first = int(match.group(1))
    last = int(match.group(2) or first)
    if last < first or last - first > 500:
        raise QuerySyntaxError(
            f"cannot read mentioned:{value}", "give a range of at most 500 years, earliest first"
        )
    return wq.Or([wq.Term("mentioned", str(year)) for year in range(first, last + 1)])


def _replace_placeholders(parsed: wq.Query, extra: list[wq.Query]) -> wq.Query:
    def swap(node: wq.Query) -> wq.Query:
        if isinstance(node, wq.Term) and isinstance(node.text, str):
            match = re.fullmatch(r"__date(\d+)__", node.text)
            if match:
                return extra[int(match.group(1))]
        return node

    return parsed.accept(swap)


def _any_of(
    field: str, values: list[str], resolve: Resolver, notes: Notes | None = None
) -> wq.Query:
    terms: list[str] = []
    for value in values:
        found = resolve(FILTER_FIELDS[field], value)
        if notes is not None:
            notes.append({"field": field, "value": value, "matches": found})
        terms.extend(found)
    if not terms:
        return wq.Term(FILTER_FIELDS[field], NOTHING)
    unique = list(dict.fromkeys(terms))
    if len(unique) == 1:
        return wq.Term(FILTER_FIELDS[field], unique[0])
    return wq.Or([wq.Term(FILTER_FIELDS[field], t) for t in unique])


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"
