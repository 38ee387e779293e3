"""Term queries evaluated a posting block at a time with numpy, from whoosh's own files.

whoosh walks postings one document at a time in Python (decoding each id, calling a
scorer, feeding a collector), so at 100,000 documents a common word costs tens of
milliseconds. Most searches compile to terms joined by AND, OR and NOT over the text
fields plus the ``--actor``/``--theme``/``--source`` filters, which are terms too. For
those, this module reads each term's posting blocks whole (whoosh stores a block as a
pickled tuple of arrays), decodes them with numpy, and computes the BM25F scores whoosh
would compute, from the same statistics, for every matching document at once.
Anything else (phrases, prefixes, fuzzy terms, spans, ranges) raises ``Unsupported``
and the caller lets whoosh answer.

This reads whoosh 2.7's structures (codec ``whoosh3``) below its public API: the exact
pin of whoosh-reloaded in pyproject.toml is what makes that safe, and
``tests/store/test_engine.py`` checks both ways agree on random queries.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3LeafMatcher, _lenfield
from whoosh.matching import ListMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import TermNotFound
from whoosh.scoring import BM25F
from whoosh.util.numeric import byte_to_length

_EMPTY_IDS = np.zeros(0, dtype=np.int64)
_EMPTY_SCORES = np.zeros(0, dtype=np.float64)
# whoosh stores a field's length per document as one byte (a logarithmic scale).
_LENGTH_OF_BYTE = np.array([0.0] + [float(byte_to_length(b)) for b in range(1, 256)])


class Unsupported(Exception):
    """The query holds a node this module does not evaluate: let whoosh do it."""


@dataclass
class Matches:
    """Matching global document numbers (ascending) and their scores, and the terms
    the query looked up (field, text), for the words a snippet should mark."""

    ids: np.ndarray
    scores: np.ndarray
    terms: set[tuple[str, str]]


def evaluate(searcher: Any, query: wq.Query) -> Matches:
    """Every document ``query`` matches, scored as whoosh's BM25F scores it."""
    weighting = searcher.weighting
    if type(weighting) is not BM25F or weighting._field_B:
        raise Unsupported("weighting")
    terms: set[tuple[str, str]] = set()
    ids, scores = _Evaluator(searcher, weighting, terms).node(query.normalize())
    return Matches(ids, scores, terms)


class _Evaluator:
    def __init__(self, searcher: Any, weighting: BM25F, terms: set[tuple[str, str]]) -> None:
        self.searcher = searcher
        self.B, self.K1 = weighting.B, weighting.K1
        self.terms = terms

    def node(self, q: wq.Query) -> tuple[np.ndarray, np.ndarray]:
        kind = type(q)
        if kind is wq.Term:
            return self.term(q)
        if kind is wq.And:
            return self.conjunction(q)
        if kind is wq.Or and not q.minmatch and not q.scale:
            return _boosted(_union([self.node(s) for s in q.subqueries]), q.boost)
        if kind is wq.AndNot:
            return _without(self.node(q.a), self.node(q.b)[0])
        if q is wq.NullQuery or kind is type(wq.NullQuery):
            return _EMPTY_IDS, _EMPTY_SCORES
        raise Unsupported(kind.__name__)

    def conjunction(self, q: wq.And) -> tuple[np.ndarray, np.ndarray]:
        positive = [s for s in q.subqueries if type(s) is not wq.Not]
        negative = [s.query for s in q.subqueries if type(s) is wq.Not]
        if not positive:
            raise Unsupported("a conjunction of negations")
        # the rarest first: every later intersection is then cheap
        parts = sorted((self.node(s) for s in positive), key=lambda p: len(p[0]))
        ids, scores = parts[0]
        for other_ids, other_scores in parts[1:]:
            ids, left, right = np.intersect1d(
                ids, other_ids, assume_unique=True, return_indices=True
            )
            scores = scores[left] + other_scores[right]
        for sub in negative:
            ids, scores = _without((ids, scores), self.node(sub)[0])
            scores = scores + 1.0  # whoosh's matcher for NOT x scores each document 1
        return _boosted((ids, scores), q.boost)

    def term(self, q: wq.Term) -> tuple[np.ndarray, np.ndarray]:
        searcher, fieldname = self.searcher, q.fieldname
        if fieldname not in searcher.schema:
            return _EMPTY_IDS, _EMPTY_SCORES
        field = searcher.schema[fieldname]
        tbytes = field.to_bytes(q.text)
        id_parts, weight_parts = [], []
        for reader, offset in searcher.reader().leaf_readers():
            ids, weights = _segment_postings(reader, fieldname, tbytes)
            if len(ids):
                id_parts.append(ids + offset)
                weight_parts.append(weights)
        if not id_parts:
            return _EMPTY_IDS, _EMPTY_SCORES
        ids = np.concatenate(id_parts)
        weights = np.concatenate(weight_parts)
        if field.scorable:
            # whoosh.scoring.bm25, term for term, so the floats come out the same
            idf = searcher.idf(fieldname, q.text)
            avgfl = searcher.avg_field_length(fieldname) or 1
            fl = _LENGTH_OF_BYTE[_lengths(searcher, fieldname)[ids]]
            B, K1 = self.B, self.K1
            scores = idf * ((weights * (K1 + 1)) / (weights + K1 * ((1 - B) + B * fl / avgfl)))
        else:
            scores = weights
        self.terms.add((fieldname, _text(q.text)))
        return _boosted((ids, scores), q.boost)


def _text(value: Any) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def _boosted(part: tuple[np.ndarray, np.ndarray], boost: float) -> tuple[np.ndarray, np.ndarray]:
    return part if boost == 1 else (part[0], part[1] * boost)


def _union(parts: list[tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    parts = [p for p in parts if len(p[0])]
    if not parts:
        return _EMPTY_IDS, _EMPTY_SCORES
    if len(parts) == 1:
        return parts[0]
    ids, where = np.unique(np.concatenate([p[0] for p in parts]), return_inverse=True)
    scores = np.bincount(where, weights=np.concatenate([p[1] for p in parts]), minlength=len(ids))
    return ids, scores


def _without(
    part: tuple[np.ndarray, np.ndarray], excluded: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    keep = ~np.isin(part[0], excluded, assume_unique=True)
    return part[0][keep], part[1][keep]


# -- whoosh's files -----------------------------------------------------------------------

# (segment id, field, term) -> (local ids, weights). Segments never change once written.
_POSTINGS: dict[tuple[str, str, bytes], tuple[np.ndarray, np.ndarray]] = {}
_POSTINGS_KEPT = 4096
_LENGTHS: dict[tuple[str, str], np.ndarray] = {}


def _segment_postings(reader: Any, fieldname: str, tbytes: bytes) -> tuple[np.ndarray, np.ndarray]:
    segment = reader.segment()
    key = (segment.segment_id() if segment is not None else "", fieldname, tbytes)
    found = _POSTINGS.get(key) if key[0] else None
    if found is None:
        found = _read_postings(reader, fieldname, tbytes)
        if len(_POSTINGS) >= _POSTINGS_KEPT:
            _POSTINGS.clear()
        if key[0]:
            _POSTINGS[key] = found
    return found


def _read_postings(reader: Any, fieldname: str, tbytes: bytes) -> tuple[np.ndarray, np.ndarray]:
    try:
        matcher = reader.postings(fieldname, tbytes)
    except TermNotFound:
        return _EMPTY_IDS, _EMPTY_SCORES
    deleted = None
    if isinstance(matcher, FilterMatcher):  # the segment has deleted documents
        deleted = np.fromiter(matcher._ids, dtype=np.int64)
        matcher = matcher.child
    if isinstance(matcher, W3LeafMatcher):
        ids, weights = _read_blocks(matcher)
    elif isinstance(matcher, ListMatcher):  # a rare term, inlined in the term index
        ids = np.asarray(matcher._ids, dtype=np.int64)
        if matcher._all_weights:
            weights = np.full(len(ids), float(matcher._all_weights))
        elif matcher._weights:
            weights = np.asarray(matcher._weights, dtype=np.float64)
        else:
            weights = np.ones(len(ids))
    else:
        raise Unsupported(type(matcher).__name__)
    if deleted is not None and len(deleted):
        keep = ~np.isin(ids, deleted)
        ids, weights = ids[keep], weights[keep]
    return ids, weights


def _read_blocks(matcher: W3LeafMatcher) -> tuple[np.ndarray, np.ndarray]:
    """All of a posting list: each block is (delta-coded ids, weights, values)."""
    if matcher._byteids:
        raise Unsupported("byte ids")
    id_parts, weight_parts = [], []
    while not matcher._atend:
        if matcher._data is None:
            matcher._read_data()
        raw_ids, raw_weights = matcher._data[0], matcher._data[1]
        count = matcher._blocklength
        id_parts.append(np.cumsum(np.asarray(raw_ids, dtype=np.int64)))
        if raw_weights is None:
            weight_parts.append(np.ones(count))
        elif isinstance(raw_weights, float):
            weight_parts.append(np.full(count, raw_weights))
        else:
            weight_parts.append(np.asarray(raw_weights, dtype=np.float64))
        matcher._next_block()
    if not id_parts:
        return _EMPTY_IDS, _EMPTY_SCORES
    return np.concatenate(id_parts), np.concatenate(weight_parts)


def _lengths(searcher: Any, fieldname: str) -> np.ndarray:
    """Every document's length byte for ``fieldname``, by global document number."""
    parts = []
    for reader, _offset in searcher.reader().leaf_readers():
        segment = reader.segment()
        key = (segment.segment_id() if segment is not None else "", fieldname)
        column = _LENGTHS.get(key) if key[0] else None
        if column is None:
            column = _read_lengths(reader, fieldname)
            if len(_LENGTHS) >= 256:
                _LENGTHS.clear()
            if key[0]:
                _LENGTHS[key] = column
        parts.append(column)
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.uint8)


def _read_lengths(reader: Any, fieldname: str) -> np.ndarray:
    count = reader.doc_count_all()
    column = reader._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
    lengths = np.zeros(count, dtype=np.uint8)
    if column is not None:
        stored = min(column._count, count)
        raw = column._dbfile.get(column._basepos, stored)
        lengths[:stored] = np.frombuffer(raw, dtype=np.uint8)
    return lengths
