"""From a ``corpus_search.query.Query`` to a whoosh query.

The query language is whoosh's (AND/OR/NOT, "phrases", prefix*, field:value, grouping)
over title, standfirst and body, plus the fields ``actor:``, ``theme:``, ``source:``,
``author:``, ``tag:``, ``year:`` and ``date:FROM..TO`` (either end may be left open).
Values of the named fields go through ``resolve`` (aliases, then a case-insensitive
match against the index's own values) before whoosh sees them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from whoosh import qparser
from whoosh import query as wq

from corpus_search.dates import PartialDate, day_number
from corpus_search.errors import QuerySyntaxError
from corpus_search.query import Query
from corpus_search.store.schema import FILTER_FIELDS

# resolve(field, user_value) -> the indexed values it stands for (empty: matches nothing)
Resolver = Callable[[str, str], list[str]]

_FIELD_TOKEN = re.compile(
    r'"[^"]*"'  # a phrase: left alone
    r"|(?P<field>\b(?:actor|key|theme|source|author|tag|year|date)):"
    r"(?P<value>\"[^\"]*\"|'[^']*'|[^\s()]+)",
    re.IGNORECASE,
)
# A term no document carries: what an unknown actor or source matches. (whoosh drops a
# NullQuery from an And, which would turn "unknown actor" into "any actor".)
NOTHING = "\u2400no-such-value"
_DATE_RANGE = re.compile(r"^(?P<a>[\d-]*)(?:\.\.(?P<b>[\d-]*))?$")


def check_syntax(text: str) -> None:
    """Raise QuerySyntaxError for what whoosh would silently misread."""
    if text.count('"') % 2:
        raise QuerySyntaxError(
            f"unbalanced quote in query: {text}", 'close the phrase with " or remove the quote'
        )
    depth = 0
    for char in re.sub(r'"[^"]*"', "", text):
        depth += (char == "(") - (char == ")")
        if depth < 0:
            raise QuerySyntaxError(f"unmatched ')' in query: {text}", "remove it or add '('")
    if depth:
        raise QuerySyntaxError(f"unclosed '(' in query: {text}", "add ')' or remove '('")


def build(query: Query, schema: object, resolve: Resolver) -> wq.Query:
    parts: list[wq.Query] = []
    if query.text:
        parts.append(parse_text(query.text, schema, resolve))
    for group in query.actors:
        parts.append(_any_of("actor", group, resolve))
    for group in query.key_actors:
        parts.append(_any_of("key", group, resolve))
    for group in query.themes:
        parts.append(_any_of("theme", group, resolve))
    for name, values in (
        ("source", query.sources),
        ("author", query.authors),
        ("tag", query.tags),
    ):
        if values:
            parts.append(_any_of(name, values, resolve))
    if query.since or query.until:
        parts.append(date_range(query.since, query.until))
    if not parts:
        return wq.Every()
    return parts[0] if len(parts) == 1 else wq.And(parts)


def parse_text(text: str, schema: object, resolve: Resolver) -> wq.Query:
    check_syntax(text)
    extra: list[wq.Query] = []

    def rewrite(match: re.Match[str]) -> str:
        field = match.group("field")
        if not field:
            return match.group(0)
        field = field.lower()
        value = match.group("value").strip("\"'")
        if field == "date":
            extra_query = _date_clause(value)
            placeholder = f"__date{len(extra)}__"
            extra.append(extra_query)
            return placeholder
        name = FILTER_FIELDS[field]
        values = resolve(name, value) or [NOTHING]
        if len(values) == 1:
            return f"{name}:{_quote(values[0])}"
        return "(" + " OR ".join(f"{name}:{_quote(v)}" for v in values) + ")"

    rewritten = _FIELD_TOKEN.sub(rewrite, text)
    parser = qparser.MultifieldParser(["title", "subtitle", "body"], schema)
    parser.remove_plugin_class(qparser.WildcardPlugin)
    parser.add_plugin(qparser.PrefixPlugin())
    try:
        parsed = parser.parse(rewritten)
    except Exception as exc:  # whoosh raises assorted errors on odd input
        raise QuerySyntaxError(f"cannot parse query {text!r}: {exc}") from None
    if extra:
        parsed = _replace_placeholders(parsed, extra)
    return parsed


def date_range(since: PartialDate | None, until: PartialDate | None) -> wq.Query:
    """Documents whose whole date period lies inside [since, until] (see ``dates``)."""
    clauses: list[wq.Query] = []
    if since:
        clauses.append(wq.NumericRange("pub_start", day_number(since.first_day()), None))
    if until:
        clauses.append(wq.NumericRange("pub_end", None, day_number(until.last_day())))
    return clauses[0] if len(clauses) == 1 else wq.And(clauses)


def _date_clause(value: str) -> wq.Query:
    match = _DATE_RANGE.match(value)
    if not match or not (match.group("a") or match.group("b")):
        raise QuerySyntaxError(
            f"cannot read date:{value}", "write date:2024, date:2024-01..2025-06 or date:2024.."
        )
    start = match.group("a")
    end = match.group("b") if match.group("b") is not None else start
    if ".." not in value:
        end = start
    try:
        since = PartialDate.parse(start) if start else None
        until = PartialDate.parse(end) if end else None
    except Exception as exc:
        raise QuerySyntaxError(f"cannot read date:{value}: {exc}") from None
    return date_range(since, until)


def _replace_placeholders(parsed: wq.Query, extra: list[wq.Query]) -> wq.Query:
    def swap(node: wq.Query) -> wq.Query:
        if isinstance(node, wq.Term) and isinstance(node.text, str):
            match = re.fullmatch(r"__date(\d+)__", node.text)
            if match:
                return extra[int(match.group(1))]
        return node

    return parsed.accept(swap)


def _any_of(field: str, values: list[str], resolve: Resolver) -> wq.Query:
    terms: list[str] = []
    for value in values:
        terms.extend(resolve(FILTER_FIELDS[field], value))
    if not terms:
        return wq.Term(FILTER_FIELDS[field], NOTHING)
    unique = list(dict.fromkeys(terms))
    if len(unique) == 1:
        return wq.Term(FILTER_FIELDS[field], unique[0])
    return wq.Or([wq.Term(FILTER_FIELDS[field], t) for t in unique])


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"
