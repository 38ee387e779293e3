"""Reading: search, facets, documents and statistics from a whoosh index.

Date ranges (``--since``/``--until``) and facet counts are not whoosh queries here: both
read per-document columns (``pub_start``/``pub_end`` and ``facets``, see ``schema``),
loaded once per segment and kept for the life of the process, so a filter costs one
comparison and a facet count one lookup per matched document.
"""

from __future__ import annotations

import json
import sys
import threading
import weakref
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from whoosh import collectors, index
from whoosh import query as wq
from whoosh.idsets import DocIdSet

from corpus_search.dates import day_number
from corpus_search.document import Document
from corpus_search.query import Query
from corpus_search.results import Hit, SearchResult, Stats
from corpus_search.store.snippets import hit_of
from corpus_search.store.whoosh import query as store_query
from corpus_search.store.whoosh.query import TEXT_FIELDS
from corpus_search.store.whoosh.schema import (
    FACET_COLUMN_FIELDS,
    FIELD_SEP,
    VALUE_SEP,
    analyzed_form,
)

if TYPE_CHECKING:  # numpy and the engine load on a search's first use of them
    import numpy as np

    from corpus_search.store.whoosh import engine

FACET_SIZE = 20
# A process's first search, when its terms match fewer documents than this in all, is
# answered by whoosh: for a one-off `corpus-search search` that costs less than importing
# numpy (about 45 ms) and filling the engine's caches. Measured at 100,000 documents in
# fresh processes: a word in 2,666 documents 19 ms against 89, one in 10,306 45 against
# 52, a phrase 28 against 126. Later searches use the engine. Both ways answer alike.
FEW_POSTINGS = 10_000
_FIRST_SEARCH = [True]

# alias(field, value) -> the canonical value a user means ("PRC" -> "China"), or None
AliasResolver = Callable[[str, str], "str | None"]


def count(ix: index.Index) -> int:
    return int(ix.doc_count())


# Opening a searcher opens every segment's files (tens of them after a bulk load), so a
# process that searches again keeps its searcher (one per index object and thread),
# opens a new one when the index has changed, and closes them when the index goes.
_KEPT: dict[tuple[int, int], Any] = {}
_KEPT_LOCK = threading.Lock()


def _close_kept(ix_id: int) -> None:
    with _KEPT_LOCK:
        for key in [k for k in _KEPT if k[0] == ix_id]:
            _KEPT.pop(key).close()


@contextmanager
def kept_searcher(ix: index.Index) -> Iterator[Any]:
    from whoosh.searching import Searcher

    key = (id(ix), threading.get_ident())
    with _KEPT_LOCK:
        searcher = _KEPT.get(key)
        first = not any(k[0] == key[0] for k in _KEPT)
    if searcher is not None and searcher.reader().generation() != ix.latest_generation():
        searcher.close()
        searcher = None
    if searcher is None:
        # Built from a reader, not ix.searcher(): the searcher must not refer to the
        # index, or the index would never be collected and its files never closed.
        searcher = Searcher(ix.reader())
        with _KEPT_LOCK:
            _KEPT[key] = searcher
        if first:
            weakref.finalize(ix, _close_kept, key[0])
    yield searcher


def all_ids(ix: index.Index) -> list[str]:
    with ix.searcher() as searcher:
        return [_text(term) for term in searcher.lexicon("id")]


def get(ix: index.Index, doc_id: str) -> Document | None:
    """The document with this id, or with this unique id prefix (6+ characters)."""
    with ix.searcher() as searcher:
        stored = searcher.document(id=doc_id)
        if stored is None and len(doc_id) >= 6:
            matches = list(searcher.reader().expand_prefix("id", doc_id))
            if len(matches) == 1:
                stored = searcher.document(id=_text(matches[0]))
        return _document(stored) if stored else None


def search(ix: index.Index, query: Query, alias: AliasResolver) -> SearchResult:
    with kept_searcher(ix) as searcher:
        resolve = _Resolver(searcher, alias)
        compiled, dates = compile_query(searcher, query, resolve)
        limit = None if query.limit is None else query.offset + query.limit
        found = None if _few_postings(searcher, compiled) else _evaluate(searcher, compiled)
        if found is None:
            total, page, docnums = _whoosh_search(searcher, query, compiled, dates, limit)
        else:
            total, page, docnums = _engine_search(searcher, query, found, dates, limit)
        facets: dict[str, list[tuple[str, int]]] = {}
        if query.facets:
            counts = facet_counts(searcher, docnums, query.facets)
            facets = {name: _top(counts[name], FACET_SIZE) for name in query.facets}
        hits = [
            _hit(
                searcher.stored_fields(docnum),
                score,
                stems if query.text else None,
                snippet=query.snippets,
            )
            for docnum, score, stems in page[query.offset :]
        ]
    return SearchResult(query=query.describe(), total=total, hits=hits, facets=facets)


def _few_postings(searcher: Any, compiled: wq.Query) -> bool:
    """True for the first search of a process that has not loaded numpy, when the
    query's terms match fewer than FEW_POSTINGS documents in all (a query with no plain
    terms is not few)."""
    first, _FIRST_SEARCH[0] = _FIRST_SEARCH[0], False
    if not first or "numpy" in sys.modules:
        return False
    total = 0
    terms = list(compiled.iter_all_terms())
    if not terms:
        return False
    for fieldname, text in terms:
        total += searcher.doc_frequency(fieldname, text)
        if total >= FEW_POSTINGS:
            return False
    return True


def _evaluate(searcher: Any, compiled: wq.Query) -> engine.Matches | None:
    """``engine.evaluate``, or None for a query it leaves to whoosh."""
    from corpus_search.store.whoosh import engine

    try:
        return engine.evaluate(searcher, compiled)
    except engine.Unsupported:
        return None


# One page of hits: (document number, score, the query's text terms, for the snippet)
Page = list[tuple[int, float, set[str]]]


def _engine_search(
    searcher: Any, query: Query, found: engine.Matches, dates: Any, limit: int | None
) -> tuple[int, Page, Iterable[int]]:
    """Order ``engine.evaluate``'s matches as whoosh's collectors would: by score, then
    document number; or by date, then document number (both reversed for -date)."""
    import numpy as np

    ids, scores = found.ids, found.scores
    if dates is not None:
        keep = dates.mask(ids)
        ids, scores = ids[keep], scores[keep]
    if limit is None or limit > len(ids):
        limit = len(ids)
    if limit == 0:
        return len(ids), [], ids.tolist()
    if query.sort == "relevance":
        if limit < len(ids):
            # everything scoring at least the limit-th best score, then exact order
            floor = np.partition(scores, len(scores) - limit)[len(scores) - limit]
            chosen = np.flatnonzero(scores >= floor)
        else:
            chosen = np.arange(len(ids))
        order = chosen[np.lexsort((ids[chosen], -scores[chosen]))][:limit]
    else:
        starts = _array_column(searcher, "pub_start")[ids]
        order = np.lexsort((ids, starts))
        order = (order[::-1] if query.sort == "-date" else order)[:limit]
    stems = {text for field, text in found.terms if field in TEXT_FIELDS}
    # sorted by date, a hit's score is 0: whoosh's collector gives no relevance then
    ranked = query.sort == "relevance"
    page = [(int(ids[i]), float(scores[i]) if ranked else 0.0, stems) for i in order]
    return len(ids), page, ids.tolist()


def _whoosh_search(
    searcher: Any, query: Query, compiled: Any, dates: Any, limit: int | None
) -> tuple[int, Page, Iterable[int]]:
    sortedby, reverse = _sorting(query.sort)
    collector = _collector(1 if limit == 0 else limit, sortedby, reverse, dates)
    searcher.search_with_collector(compiled, collector)
    results = collector.results()
    hits = [] if limit == 0 else list(results)[:limit]
    # The query's words (prefixes and fuzzy terms expanded) for snippets to mark; a hit
    # only shows those in its body. (whoosh's TermsCollector would say which matched
    # each hit, but under a top-N collector it stops counting some matches.)
    stems = _text_terms(compiled, searcher.reader()) if hits else set()
    # sorted by date, whoosh puts the sort key where the score goes: report 0
    ranked = sortedby is None
    page = [(hit.docnum, float(hit.score or 0.0) if ranked else 0.0, stems) for hit in hits]
    return len(results), page, results.docs()


def _text_terms(compiled: Any, reader: Any) -> set[str]:
    """The text-field terms of a query, prefixes and fuzzy terms expanded against the
    index. (whoosh's ``existing_terms(expand=True)`` keeps only the first expansion.)"""
    terms: set[str] = set()
    for leaf in compiled.leaves():
        if leaf.field() in TEXT_FIELDS:
            terms.update(_text(t) for _f, t in leaf.expanded_terms(reader, phrases=True))
    return terms


class _TopCollector(collectors.TopCollector):
    """whoosh's top-N collector, counting every match and keeping every matched
    document number (facet counts need them; whoosh's own collector would run the
    query a second time, without the date filter, to find them).

    whoosh's collector both skips blocks that cannot reach the top N ("quality") and,
    once it has N hits, swaps the matcher for one that drops documents that cannot
    ("replace"); either leaves its total short. Both are off: the total is exact."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit=limit, usequality=False, replace=0)

    def _collect(self, global_docnum: int, score: float) -> Any:
        self.docset.add(global_docnum)
        return super()._collect(global_docnum, score)

    def all_ids(self) -> Any:
        return self.docset


def _collector(limit: int | None, sortedby: Any, reverse: bool, dates: Any) -> Any:
    """What ``Searcher.search`` would build for these options, with ``_TopCollector``."""
    if sortedby:
        collector: Any = collectors.SortingCollector(sortedby, limit=limit, reverse=reverse)
    elif limit is None:
        collector = collectors.UnlimitedCollector(reverse=reverse)
    else:
        collector = _TopCollector(limit)
    if dates is not None:
        collector = collectors.FilterCollector(collector, allow=dates)
    return collector


def iter_documents(ix: index.Index, query: Query, alias: AliasResolver) -> Iterator[Document]:
    """Every document the query matches, in its sort order, without paging."""
    with ix.searcher() as searcher:
        compiled, dates = compile_query(searcher, query, _Resolver(searcher, alias))
        sortedby, reverse = _sorting(query.sort)
        # The order must not depend on how the documents were written (an export of a
        # copy equals the original's): ties go by id, and a query without words, which
        # has no relevance, is in id order.
        if sortedby is None and not query.text:
            sortedby = "id"
        elif sortedby is not None:
            sortedby = [sortedby, "id"]
        results = searcher.search(
            compiled, limit=None, sortedby=sortedby, reverse=reverse, filter=dates
        )
        for hit in results:
            yield _document(hit.fields())


def stats(ix: index.Index, path: Path, top: int = 10) -> Stats:
    with ix.searcher() as searcher:
        names = ("source", "year", "actor", "theme")
        counts = facet_counts(searcher, searcher.reader().all_doc_ids(), names)
        years = sorted(counts["year"].items())
        return Stats(
            path=str(path),
            documents=count(ix),
            sources=_top(counts["source"], None),
            years=[(str(y), int(c)) for y, c in years],
            actors=_top(counts["actor"], top),
            themes=_top(counts["theme"], top),
        )


# -- columns: date filters and facet counts ---------------------------------------------

# (segment id, field) -> that segment's column as a list; segments never change once
# written, so the lists stay valid for as long as the process runs.
_COLUMNS: dict[tuple[str, str], list[Any]] = {}
_COLUMNS_KEPT = 512


def _column(searcher: Any, field: str, decode: Callable[[Any], Any] | None = None) -> list[Any]:
    """A column over the whole index, indexed by global document number."""
    values: list[Any] = []
    for reader, offset in searcher.reader().leaf_readers():
        key = (_segment_id(reader), field)
        segment = _COLUMNS.get(key) if key[0] else None
        if segment is None:
            # (an empty index's reader has no columns)
            raw = reader.column_reader(field) if reader.doc_count_all() else ()
            segment = [decode(v) for v in raw] if decode else list(raw)
            if len(_COLUMNS) >= _COLUMNS_KEPT:
                _COLUMNS.clear()
            _COLUMNS[key] = segment
        del values[offset:]
        values.extend(segment)
    return values


_ARRAYS: dict[tuple[str, str], np.ndarray] = {}


def _array_column(searcher: Any, field: str) -> np.ndarray:
    """A numeric column over the whole index as a numpy array (see ``_column``)."""
    import numpy as np

    parts = []
    for reader, _offset in searcher.reader().leaf_readers():
        key = (_segment_id(reader), field)
        segment = _ARRAYS.get(key) if key[0] else None
        if segment is None:
            empty = not reader.doc_count_all()  # (an empty index's reader has no columns)
            column = () if empty else reader.column_reader(field)
            segment = np.fromiter(column, dtype=np.int64)
            if len(_ARRAYS) >= _COLUMNS_KEPT:
                _ARRAYS.clear()
            if key[0]:
                _ARRAYS[key] = segment
        parts.append(segment)
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)


def _split_facets(raw: bytes) -> tuple[tuple[str, ...], ...]:
    parts = raw.decode("utf-8").split(FIELD_SEP) if raw else []
    parts += [""] * (len(FACET_COLUMN_FIELDS) - len(parts))
    return tuple(tuple(p.split(VALUE_SEP)) if p else () for p in parts)


def facet_rows(searcher: Any) -> list[tuple[tuple[str, ...], ...]]:
    """Every document's facet values by global document number: one tuple of values
    per field of ``schema.FACET_COLUMN_FIELDS`` (actors, themes, source, year, authors)."""
    return _column(searcher, "facets", _split_facets)


def facet_counts(
    searcher: Any, docnums: Iterable[int], names: Iterable[str]
) -> dict[str, Counter[str]]:
    """How many of ``docnums`` carry each value of each facet in ``names`` (actor, theme,
    source, year, author); a document counts once per distinct value."""
    column = facet_rows(searcher)
    docs = [column[d] for d in docnums]
    counts: dict[str, Counter[str]] = {}
    for name in names:
        position = FACET_COLUMN_FIELDS.index(name)
        values: list[str] = []
        extend = values.extend
        for doc in docs:
            extend(doc[position])
        counts[name] = Counter(values)
    return counts


class _DateFilter(DocIdSet):
    """The documents whose publication period lies inside [first, last] (day numbers,
    see ``store.query.date_range``), as a set whoosh's collector can test membership in,
    or as a mask over an array of document numbers."""

    def __init__(self, searcher: Any, first: int, last: int) -> None:
        self._searcher, self._first, self._last = searcher, first, last
        self._starts: list[int] | None = None
        self._ends: list[int] = []

    def __contains__(self, docnum: object) -> bool:
        assert isinstance(docnum, int)
        if self._starts is None:
            self._starts = _column(self._searcher, "pub_start")
            self._ends = _column(self._searcher, "pub_end")
        return self._first <= self._starts[docnum] and self._ends[docnum] <= self._last

    def __bool__(self) -> bool:
        return True

    def mask(self, docnums: np.ndarray) -> np.ndarray:
        starts = _array_column(self._searcher, "pub_start")[docnums]
        ends = _array_column(self._searcher, "pub_end")[docnums]
        return (self._first <= starts) & (ends <= self._last)


def compile_query(searcher: Any, query: Query, resolve: Any) -> tuple[wq.Query, Any]:
    """The whoosh query for everything but ``since``/``until``, and the date filter."""
    if not (query.since or query.until):
        return store_query.build(query, searcher.schema, resolve), None
    compiled = store_query.build(replace(query, since=None, until=None), searcher.schema, resolve)
    first = day_number(query.since.first_day()) if query.since else -(2**31)
    last = day_number(query.until.last_day()) if query.until else 2**31
    dates = _DateFilter(searcher, first, last)
    return compiled, dates


def _document(stored: dict[str, Any]) -> Document:
    return Document.from_dict(json.loads(stored["doc"]), trusted=True)


def _text(value: Any) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def _top(counts: dict[Any, int], size: int | None) -> list[tuple[str, int]]:
    items = [(_text(k), int(v)) for k, v in counts.items() if k not in (None, "")]
    items.sort(key=lambda kv: (-kv[1], kv[0]))
    return items[:size] if size else items


def _sorting(sort: str) -> tuple[Any, bool]:
    if sort == "date":
        return "pub_start", False
    if sort == "-date":
        return "pub_start", True
    return None, False


def _hit(stored: dict[str, Any], score: float, stems: set[str] | None, snippet: bool = True) -> Hit:
    """A result row for a stored whoosh document (see ``store.snippets.hit_of``)."""
    return hit_of(_document(stored), score, stems, snippet, analyzed_form)


class _Resolver:
    """Map a user's value for a keyword field to the values the index holds: first the
    alias table (PRC -> China), then a case-insensitive match, then (sources and authors)
    a match on whole words ("meridian" -> "Meridian Institute for Strategic Studies")."""

    def __init__(self, searcher: Any, alias: AliasResolver) -> None:
        self._searcher = searcher
        self._alias = alias
        self._tables: dict[str, dict[str, list[str]]] = {}

    def _table(self, field: str) -> dict[str, list[str]]:
        if field not in self._tables:
            # Reading a field's lexicon across segments is slow (thousands of actor names
            # at 100,000 documents), so the table is kept per set of segments.
            key = (_segment_ids(self._searcher), field)
            table = _LEXICONS.get(key) if all(key[0]) else None
            if table is None:
                table = {}
                for raw in self._searcher.lexicon(field):
                    term = _text(raw)
                    table.setdefault(term.casefold(), []).append(term)
                if len(_LEXICONS) >= 64:
                    _LEXICONS.clear()
                _LEXICONS[key] = table
            self._tables[field] = table
        return self._tables[field]

    def __call__(self, field: str, value: str) -> list[str]:
        value = " ".join(value.split())
        canonical = self._alias(field, value) or value
        table = self._table(field)
        for candidate in (canonical, value):
            found = table.get(candidate.casefold())
            if found:
                return found
        if field in ("source", "author"):
            words = value.casefold().split()
            return [
                term
                for key, terms in table.items()
                for term in terms
                if _contains_words(key.split(), words)
            ]
        return []


_LEXICONS: dict[tuple[tuple[str, ...], str], dict[str, list[str]]] = {}


def _segment_ids(searcher: Any) -> tuple[str, ...]:
    return tuple(_segment_id(r) for r, _ in searcher.reader().leaf_readers())


def _segment_id(reader: Any) -> str:
    """A segment's id (segments never change once written); "" for an empty reader."""
    segment = reader.segment()
    return str(segment.segment_id()) if segment is not None else ""


def _contains_words(haystack: list[str], needle: list[str]) -> bool:
    size = len(needle)
    return any(haystack[i : i + size] == needle for i in range(len(haystack) - size + 1))
