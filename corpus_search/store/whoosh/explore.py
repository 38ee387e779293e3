"""Exploring a whoosh index beyond one ranked page: how a query was understood, counts
over time, documents like a given one, "did you mean" spellings, and the words of a
text that a query matches (for highlighting a document being read).

Each function takes the whoosh index, a ``Query`` and the alias resolver, like the
functions in ``searcher``; ``WhooshStore`` exposes them as methods.
"""

from __future__ import annotations

import difflib
import json
import re
from collections import Counter
from dataclasses import replace
from typing import Any

from whoosh import index
from whoosh import query as wq

from corpus_search.dates import PartialDate, period_range
from corpus_search.query import Query
from corpus_search.results import SearchResult, Suggestion, Trend
from corpus_search.store.whoosh import query as store_query
from corpus_search.store.whoosh.schema import (
    FACET_COLUMN_FIELDS,
    FILTER_FIELDS,
    SUBTITLE_BOOST,
    TITLE_BOOST,
)
from corpus_search.store.whoosh.searcher import (
    AliasResolver,
    _document,
    _hit,
    _Resolver,
    _text,
    compile_query,
    facet_rows,
    kept_searcher,
)

_YEAR = FACET_COLUMN_FIELDS.index("year")

TREND_BY = ("year", "month")
TREND_SPLIT = ("actor", "theme", "source")
SIMILAR_TERMS = 12  # key terms of the document that more-like-this searches for


# -- --explain ----------------------------------------------------------------------------


def explain(ix: index.Index, query: Query, alias: AliasResolver) -> dict[str, Any]:
    """How ``query`` is understood: the whoosh query, each field value and what it
    resolved to, each date range as days, and the weighted text fields."""
    notes: store_query.Notes = []
    with ix.searcher() as searcher:
        compiled = store_query.build(query, ix.schema, _Resolver(searcher, alias), notes)
        total = len(searcher.search(compiled, limit=1))
    resolved = [n for n in notes if "matches" in n]
    dates = [n for n in notes if "days" in n]
    return {
        "text": query.text,
        "parsed": _readable(compiled),
        "fields": (
            {"title": TITLE_BOOST, "subtitle": SUBTITLE_BOOST, "body": 1.0} if query.text else {}
        ),
        "resolved": [
            {"field": n["field"], "value": n["value"], "matches": n["matches"]} for n in resolved
        ],
        "dates": [{"given": n["field"], "from": n["days"][0], "to": n["days"][1]} for n in dates],
        "sort": query.sort,
        "total": total,
    }


def _readable(compiled: wq.Query) -> str:
    text = str(compiled)
    return text.replace(store_query.NOTHING, "<nothing>")


# -- trend -------------------------------------------------------------------------------


def trend(
    ix: index.Index,
    query: Query,
    alias: AliasResolver,
    by: str = "year",
    split: str | None = None,
    top: int = 5,
) -> Trend:
    """Documents per year or month; with ``split``, one series for each of the ``top``
    actors, themes or sources across the matching documents (a document counts in the
    series of every actor it mentions)."""
    per_doc: list[tuple[str | None, list[str]]] = []
    undated = imprecise = 0
    with kept_searcher(ix) as searcher:
        compiled, dates = compile_query(searcher, query, _Resolver(searcher, alias))
        docnums = [d for d in searcher.docs_for_query(compiled) if dates is None or d in dates]
        # By year, the facet column has all a document's trend needs (its year, actors,
        # themes, source): no stored record to read per document (see searcher.py).
        rows = facet_rows(searcher) if by == "year" else None
        for docnum in docnums:
            if rows is not None:
                year = rows[docnum][_YEAR]
                if not year:
                    undated += 1
                    continue
                values = list(rows[docnum][FACET_COLUMN_FIELDS.index(split)]) if split else []
                per_doc.append((year[0], values))
                continue
            data = json.loads(searcher.stored_fields(docnum)["doc"])
            published = data.get("published")
            if not published:
                undated += 1
                continue
            period = _period(PartialDate.parse(published), by)
            if period is None:
                imprecise += 1
                continue
            per_doc.append((period, _split_values(data, split)))
    periods = period_range([p for p, _ in per_doc if p], by)
    index_of = {p: i for i, p in enumerate(periods)}
    if split:
        totals = Counter(v for _, values in per_doc for v in values)
        names = [name for name, _ in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))[:top]]
    else:
        names = ["all"]
    series = {name: [0] * len(periods) for name in names}
    for period, values in per_doc:
        assert period is not None
        for name in values if split else ["all"]:
            if name in series:
                series[name][index_of[period]] += 1
    return Trend(
        query=query.describe(),
        by=by,
        split=split,
        periods=periods,
        series=[(name, series[name]) for name in names],
        total=len(docnums),
        undated=undated,
        imprecise=imprecise,
    )


def _period(date: PartialDate, by: str) -> str | None:
    if by == "year":
        return f"{date.year:04d}"
    if date.month is None:
        return None
    return f"{date.year:04d}-{date.month:02d}"


def _split_values(data: dict[str, Any], split: str | None) -> list[str]:
    if split == "actor":
        return [a["name"] for a in data.get("actors") or []]
    if split == "theme":
        return [t["id"] for t in data.get("themes") or []]
    if split == "source":
        return [data["source"]] if data.get("source") else []
    return []


# -- similar -----------------------------------------------------------------------------


def similar(ix: index.Index, doc_id: str, query: Query, alias: AliasResolver) -> SearchResult:
    """Documents like ``doc_id`` (whoosh's more-like-this over the body's key terms),
    narrowed by the query's text and filters, best first."""
    from corpus_search.errors import DocumentNotFoundError

    with ix.searcher() as searcher:
        docnum = searcher.document_number(id=doc_id)
        if docnum is None and len(doc_id) >= 6:
            matches = list(searcher.reader().expand_prefix("id", doc_id))
            if len(matches) == 1:
                doc_id = _text(matches[0])
                docnum = searcher.document_number(id=doc_id)
        if docnum is None:
            raise DocumentNotFoundError(
                f"no document with id {doc_id!r}", "ids are listed by 'corpus-search search'"
            )
        source = _document(searcher.stored_fields(docnum))
        text = " ".join(filter(None, [source.title, source.subtitle, source.body]))
        narrowed = query.text or query.has_filters
        filter_query = (
            store_query.build(query, ix.schema, _Resolver(searcher, alias)) if narrowed else None
        )
        limit = None if query.limit is None else query.offset + query.limit
        results = searcher.more_like(
            docnum,
            "body",
            text=text,
            top=max(limit or searcher.doc_count(), 1),
            numterms=SIMILAR_TERMS,
            filter=filter_query,
        )
        page = [] if limit == 0 else list(results)[query.offset : limit]
        hits = [_hit(h.fields(), float(h.score or 0.0), None) for h in page]
        described = query.describe()
        described["like"] = {"id": source.id, "title": source.display_title}
        return SearchResult(query=described, total=len(results), hits=hits)


# -- did you mean ------------------------------------------------------------------------

_WORD = re.compile(
    r"(?P<field>\b[a-z]+):(?P<value>\"[^\"]*\"|'[^']*'|[^\s()]+)|(?P<word>[^\W\d_][\w'’-]*)",
    re.IGNORECASE,
)
_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"}


def suggest(ix: index.Index, query: Query, alias: AliasResolver) -> Suggestion | None:
    """A close spelling of the query's unknown words and filter values that finds
    documents, or None. Words are compared with the indexed (stemmed) vocabulary and
    shown in the form a document actually uses; actor, theme, source and author values
    are compared with the names the corpus holds."""
    changes: list[tuple[str, str]] = []
    with ix.searcher() as searcher:
        resolve = _Resolver(searcher, alias)
        text = _correct_text(searcher, query.text, resolve, changes) if query.text else ""
        fixed: dict[str, Any] = {"text": text}
        for name in ("actors", "key_actors", "themes"):
            groups = getattr(query, name)
            fixed[name] = [
                [_correct_value(searcher, resolve, name, v, changes) for v in group]
                for group in groups
            ]
        for name in ("sources", "authors", "tags"):
            fixed[name] = [
                _correct_value(searcher, resolve, name, v, changes) for v in getattr(query, name)
            ]
        if not changes:
            return None
        corrected = replace(query, **fixed)
        total = len(searcher.search(store_query.build(corrected, ix.schema, resolve), limit=1))
    return Suggestion(changes=changes, query=corrected, total=total) if total else None


_FIELD_OF = {
    "actors": "actor",
    "key_actors": "key",
    "themes": "theme",
    "sources": "source",
    "authors": "author",
    "tags": "tag",
}


def _correct_value(
    searcher: Any, resolve: _Resolver, name: str, value: str, changes: list[tuple[str, str]]
) -> str:
    field = FILTER_FIELDS[_FIELD_OF.get(name, name)]
    if resolve(field, value):
        return value
    names = {key: terms[0] for key, terms in resolve._table(field).items()}
    close = difflib.get_close_matches(value.casefold(), list(names), n=1, cutoff=0.75)
    if not close:
        return value
    changes.append((value, names[close[0]]))
    return names[close[0]]


def _correct_text(
    searcher: Any, text: str, resolve: _Resolver, changes: list[tuple[str, str]]
) -> str:
    analyzer = searcher.schema["body"].analyzer
    reader = searcher.reader()

    def fix(match: re.Match[str]) -> str:
        if match.group("field"):
            field = match.group("field").lower()
            if field not in FILTER_FIELDS or field == "year":
                return match.group(0)
            value = match.group("value").strip("\"'")
            better = _correct_value(searcher, resolve, field, value, changes)
            if better == value:
                return match.group(0)
            return f'{match.group("field")}:"{better}"'
        word = match.group("word")
        end = match.end()
        if word in _OPERATORS or (end < len(text) and text[end] in "*~"):
            return word
        stems = [t.text for t in analyzer(word)]
        if not stems or any(reader.doc_frequency(f, stems[0]) for f in ("body", "title")):
            return word
        candidates = searcher.suggest("body", stems[0], limit=5, maxdist=2)
        if not candidates:
            return word
        best = max(candidates, key=lambda c: reader.doc_frequency("body", c))
        surface = _surface_form(searcher, best) or best
        changes.append((word, surface))
        return surface

    return _WORD.sub(fix, text)


def _surface_form(searcher: Any, stem: str) -> str | None:
    """The word as a document writes it, for an indexed stem ("sanction" -> "sanctions")."""
    words = Counter[str]()
    analyzer = searcher.schema["body"].analyzer
    for docnum in list(searcher.docs_for_query(wq.Term("body", stem)))[:5]:
        body = json.loads(searcher.stored_fields(docnum)["doc"]).get("body") or ""
        for token in analyzer(body, chars=True):
            if token.text == stem:
                words[body[token.startchar : token.endchar].lower()] += 1
    return words.most_common(1)[0][0] if words else None


# -- highlighting a document being read ---------------------------------------------------


def matched_words(ix: index.Index, text: str, query_text: str, alias: AliasResolver) -> list[str]:
    """The words of ``text`` (as written) that the free-text part of ``query_text``
    matches, for highlighting: stems, prefixes and fuzzy terms expanded as searched."""
    if not query_text.strip() or not text:
        return []
    with ix.searcher() as searcher:
        compiled = store_query.parse_text(query_text, ix.schema, _Resolver(searcher, alias))
        reader = searcher.reader()
        wanted = {
            _text(term)
            for leaf in compiled.leaves()  # per leaf: whoosh's set-based walk drops some
            for field, term in leaf.existing_terms(reader, expand=True)
            if field in store_query.TEXT_FIELDS
        }
        analyzer = ix.schema["body"].analyzer
    found: dict[str, None] = {}
    for token in analyzer(text, chars=True):
        if token.text in wanted:
            found.setdefault(text[token.startchar : token.endchar], None)
    return list(found)
