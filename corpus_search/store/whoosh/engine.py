"""Term queries evaluated a posting block at a time with numpy, from whoosh's own files.

whoosh walks postings one document at a time in Python (decoding each id, calling a
scorer, feeding a collector), so at 100,000 documents a common word costs tens of
milliseconds. Most searches compile to terms joined by AND, OR and NOT over the text
fields plus the ``--actor``/``--theme``/``--source`` filters, which are terms too. For
those, this module reads each term's posting list in one call, takes the ids and
weights from the head of each block (whoosh pickles a block as a tuple of ids, weights
and position lists; the positions are decoded only for phrases), and computes with numpy
the BM25F scores whoosh would compute, from the same statistics, for every matching
document at once.
Phrases are checked against the words' positions. Anything else (prefixes, fuzzy terms,
proximity spans, ranges) raises ``Unsupported`` and the caller lets whoosh answer.

This reads whoosh 2.7's structures (codec ``whoosh3``) below its public API: the exact
pin of whoosh-reloaded in pyproject.toml is what makes that safe, and
``tests/store/test_engine.py`` checks both ways agree on random queries.
"""

from __future__ import annotations

import io
import itertools
import pickle
import struct
import zlib
from dataclasses import dataclass
from typing import Any

import numpy as np
from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, WHOOSH3_HEADER_MAGIC, _lenfield
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
        if kind is wq.Phrase and q.slop == 1:
            return self.phrase(q)
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
        return _boosted(self.postings(q.fieldname, q.text), q.boost)

    def phrase(self, q: wq.Phrase) -> tuple[np.ndarray, np.ndarray]:
        """Documents with the words at consecutive positions (whoosh's SpanNear2 with
        slop 1), scored as whoosh does: the sum of the words' term scores."""
        words = [self.positions(q.fieldname, word) for word in q.words]
        if not words or any(not len(word[0]) for word in words):
            return _EMPTY_IDS, _EMPTY_SCORES
        candidates = words[0][0]
        for ids, *_rest in words[1:]:
            candidates = np.intersect1d(candidates, ids, assume_unique=True)
        if not len(candidates):
            return _EMPTY_IDS, _EMPTY_SCORES
        # (candidate, position the phrase would start at) as one number per occurrence
        starts = None
        for number, (ids, _scores, offsets, positions) in enumerate(words):
            at = np.searchsorted(ids, candidates)
            first, counts = offsets[at], offsets[at + 1] - offsets[at]
            owner = np.repeat(np.arange(len(at)), counts)
            # each candidate's run of positions, gathered into one array
            shift = np.repeat(first - (np.cumsum(counts) - counts), counts)
            found_at = positions[np.arange(int(counts.sum())) + shift]
            keys = owner * _POSITION_SPAN + (found_at - number)
            starts = keys if starts is None else starts[np.isin(starts, keys)]
        assert starts is not None
        found = candidates[np.unique(starts // _POSITION_SPAN)]
        total = np.zeros(len(found))
        for ids, scores, *_rest in words:
            total = total + scores[np.searchsorted(ids, found)]
        return _boosted((found, total), q.boost)

    def positions(
        self, fieldname: str, text: Any
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """``postings`` with the words' positions: document i of the ids has the
        positions ``positions[offsets[i]:offsets[i + 1]]``."""
        offsets, positions = [np.zeros(1, dtype=np.int64)], [_EMPTY_IDS]
        if fieldname in self.searcher.schema:
            tbytes = self.searcher.schema[fieldname].to_bytes(text)
            base = 0
            for reader, _offset in self.searcher.reader().leaf_readers():
                # (reads each segment's list once: its ids and weights are kept for
                # ``postings`` below)
                segment_offsets, segment_positions = _segment_positions(reader, fieldname, tbytes)
                offsets.append(segment_offsets[1:] + base)
                positions.append(segment_positions)
                base += len(segment_positions)
        ids, scores = self.postings(fieldname, text)
        return ids, scores, np.concatenate(offsets), np.concatenate(positions)

    def postings(self, fieldname: str, text: Any) -> tuple[np.ndarray, np.ndarray]:
        """A term's matching documents (global numbers) and BM25F scores."""
        searcher = self.searcher
        if fieldname not in searcher.schema:
            return _EMPTY_IDS, _EMPTY_SCORES
        field = searcher.schema[fieldname]
        tbytes = field.to_bytes(text)
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
            idf = searcher.idf(fieldname, text)
            avgfl = searcher.avg_field_length(fieldname) or 1
            fl = _LENGTH_OF_BYTE[_lengths(searcher, fieldname)[ids]]
            B, K1 = self.B, self.K1
            scores = idf * ((weights * (K1 + 1)) / (weights + K1 * ((1 - B) + B * fl / avgfl)))
        else:
            scores = weights
        self.terms.add((fieldname, _text(text)))
        return ids, scores


# Positions of one document fit in 32 bits: (document, position) packs into one int64.
_POSITION_SPAN = 1 << 32
_PICKLE_2 = b"\x80\x02"


def _positions(values: list[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """Decode whoosh ``Positions`` values (a 4-byte count, then a protocol-2 pickle of
    the position deltas) all at once: value i's positions are ``positions[offsets[i]:
    offsets[i + 1]]``, returned as (offsets, positions). The values are joined, each
    stripped (with numpy) of its count, its pickle header and its final STOP, and
    unpickled as one list of lists: Python unpickles once instead of once a document."""
    if not values:
        return np.zeros(1, dtype=np.int64), _EMPTY_IDS
    joined = b"".join(values)
    data = np.frombuffer(joined, dtype=np.uint8)
    ends = np.cumsum(np.fromiter(map(len, values), dtype=np.int64, count=len(values)))
    begins = np.concatenate(([0], ends[:-1]))
    if (
        (data[begins + 4] != _PICKLE_2[0]).any()
        or (data[begins + 5] != _PICKLE_2[1]).any()
        or (data[ends - 1] != ord(".")).any()
    ):
        raise Unsupported("a positions value")
    keep = np.ones(len(data), dtype=bool)
    keep[(begins[:, None] + np.arange(6)).ravel()] = False
    keep[ends - 1] = False
    lists = pickle.loads(_PICKLE_2 + b"(" + data[keep].tobytes() + b"l.")
    counts = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
    deltas = np.fromiter(itertools.chain.from_iterable(lists), dtype=np.int64)
    running = np.cumsum(deltas)
    first = np.cumsum(counts) - counts
    before = np.concatenate(([0], running))[first]
    offsets = np.concatenate(([0], np.cumsum(counts)))
    return offsets, running - np.repeat(before, counts)


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
# The same -> (offsets, positions) for phrases, up to _POSITIONS_BYTES of arrays.
_POSITIONS: dict[tuple[str, str, bytes], tuple[np.ndarray, np.ndarray]] = {}
_POSITIONS_BYTES = 64 * 1024 * 1024
_POSITIONS_KEPT = [0]  # bytes held in _POSITIONS
_LENGTHS: dict[tuple[str, str], np.ndarray] = {}


def _segment_key(reader: Any, fieldname: str, tbytes: bytes) -> tuple[str, str, bytes]:
    segment = reader.segment()
    return (segment.segment_id() if segment is not None else "", fieldname, tbytes)


def _segment_postings(reader: Any, fieldname: str, tbytes: bytes) -> tuple[np.ndarray, np.ndarray]:
    key = _segment_key(reader, fieldname, tbytes)
    found = _POSTINGS.get(key) if key[0] else None
    if found is None:
        ids, weights, _values = _read_postings(reader, fieldname, tbytes, values=False)
        found = ids, weights
        if len(_POSTINGS) >= _POSTINGS_KEPT:
            _POSTINGS.clear()
        if key[0]:
            _POSTINGS[key] = found
    return found


def _segment_positions(reader: Any, fieldname: str, tbytes: bytes) -> tuple[np.ndarray, np.ndarray]:
    """(offsets, positions) of a term's postings in one segment, in the order of
    ``_segment_postings``'s ids, which this keeps too when it reads the list."""
    key = _segment_key(reader, fieldname, tbytes)
    found = _POSITIONS.get(key) if key[0] else None
    if found is None:
        ids, weights, values = _read_postings(reader, fieldname, tbytes, values=True)
        if key[0] and key not in _POSTINGS and len(_POSTINGS) < _POSTINGS_KEPT:
            _POSTINGS[key] = ids, weights
        found = _positions(values) if values else (np.zeros(1, dtype=np.int64), _EMPTY_IDS)
        size = found[0].nbytes + found[1].nbytes
        if _POSITIONS_KEPT[0] + size > _POSITIONS_BYTES:
            _POSITIONS.clear()
            _POSITIONS_KEPT[0] = 0
        if key[0]:
            _POSITIONS[key] = found
            _POSITIONS_KEPT[0] += size
    return found


def _read_postings(
    reader: Any, fieldname: str, tbytes: bytes, values: bool
) -> tuple[np.ndarray, np.ndarray, list[bytes]]:
    terms = getattr(reader, "_terms", None)
    if terms is None:  # an empty index's reader
        return _EMPTY_IDS, _EMPTY_SCORES, []
    try:
        info = terms.term_info(fieldname, tbytes)
    except (TermNotFound, KeyError):
        return _EMPTY_IDS, _EMPTY_SCORES, []
    if info.is_inlined():  # a rare term: its postings live in the term index
        raw_ids, raw_weights, raw_values = info.inlined_postings()
        ids = np.asarray(raw_ids, dtype=np.int64)
        weights = _weights(raw_weights, len(ids))
        found = list(raw_values) if values else []
    else:
        offset, length = info.extent()
        if isinstance(length, tuple):  # whoosh keeps some lengths as a 1-tuple
            (length,) = length
        ids, weights, found = _read_blocks(terms._postfile.get(offset, length), values)
    deleted = reader.deleted_docs_set  # (a cached property)
    if deleted:
        keep = ~np.isin(ids, np.fromiter(deleted, dtype=np.int64))
        ids, weights = ids[keep], weights[keep]
        found = [v for v, k in zip(found, keep, strict=False) if k] if values else []
    return ids, weights, found


_BLOCK_LENGTH = struct.Struct("!i")


def _read_blocks(data: bytes, values: bool) -> tuple[np.ndarray, np.ndarray, list[bytes]]:
    """A whole posting list, read at once: a 4-byte tag, then blocks, each a signed
    length (negative for the last block), a pickled info tuple (count, max id, max
    weight, compressed?, min length, max length) and a pickled, maybe zlib-compressed,
    tuple (delta-coded ids, weights, values). What ``W3LeafMatcher`` reads piece by
    piece with a seek and a read for each. Without ``values``, only the head of each
    block is decompressed and parsed (``_block_head``)."""
    if data[:4] != WHOOSH3_HEADER_MAGIC:
        raise Unsupported("posting list tag")
    view = io.BytesIO(data)
    id_parts, weight_parts, found = [], [], []
    at = 4
    while at < len(data):
        (length,) = _BLOCK_LENGTH.unpack_from(data, at)
        end = at + 4 + abs(length)
        view.seek(at + 4)
        count, _maxid, _maxweight, compressed, _minlength, _maxlength = pickle.load(view)
        block = data[view.tell() : end]
        head = None if values else _block_head(block, compressed, count)
        if head is None:
            raw_ids, raw_weights, raw_values = pickle.loads(
                zlib.decompress(block) if compressed else block
            )
            head = np.asarray(raw_ids, dtype=np.int64), raw_weights
            if values:
                found.extend(raw_values)
        id_parts.append(np.cumsum(head[0]))
        weight_parts.append(_weights(head[1], count))
        if length < 0:
            break
        at = end
    else:
        raise Unsupported("a posting list without its last block")
    return np.concatenate(id_parts), np.concatenate(weight_parts), found


# Pickle opcodes (protocol 2) in a block's head.
_MARK, _TUPLE, _TUPLE_N = 0x28, 0x74, (0x85, 0x86, 0x87)
_BINPUT, _LONG_BINPUT, _NONE, _BINFLOAT = 0x71, 0x72, 0x4E, 0x47
_BININT1, _BININT2, _BININT = 0x4B, 0x4D, 0x4A
_INT_SIZE = {_BININT1: 2, _BININT2: 3, _BININT: 5}


def _block_head(block: bytes, compressed: int, count: int) -> tuple[np.ndarray, Any] | None:
    """A block's delta-coded ids and its weights (None, one float or an array) without
    decompressing or unpickling its values, which hold most of its bytes (a position
    list per document). whoosh pickles the tuple (ids, weights, values) with protocol
    2, so it starts: PROTO 2; the ids tuple (its ints, BININT1 for the deltas under 256,
    BININT2 under 65,536, BININT beyond, marked and memoised); then None, a BINFLOAT, or
    a tuple of BINFLOATs. None when the head is laid out otherwise (then the caller
    unpickles the whole block)."""
    size = 16 + 14 * count  # the most the ids and weights can take
    head = zlib.decompressobj().decompress(block, size) if compressed else block[:size]
    if head[:2] != _PICKLE_2 or count < 1:
        return None
    at = 2
    if count > 3:
        if head[at] != _MARK:
            return None
        at += 1
    ints = _ints(head, at, count)
    if ints is None:
        return None
    ids, ids_end = ints
    after = _tuple_end(head, ids_end, count)
    if after is None or after >= len(head):
        return None
    at = after
    if head[at] == _NONE:
        return ids, None
    marked = count > 3 and head[at] == _MARK
    if marked:
        at += 1
    elif head[at] != _BINFLOAT:
        return None
    if at + 9 * count <= len(head):
        bytes_ = np.frombuffer(head, dtype=np.uint8)
        if (bytes_[at : at + 9 * count : 9] == _BINFLOAT).all() and _tuple_end(
            head, at + 9 * count, count
        ):
            weights = np.ndarray((count,), dtype=">f8", buffer=head, offset=at + 1, strides=(9,))
            return ids, weights.astype(np.float64)
    if marked or at + 9 > len(head):
        return None
    # one BINFLOAT not closed as a tuple: one weight for all (what follows is values)
    return ids, _DOUBLE.unpack_from(head, at + 1)[0]


_DOUBLE = struct.Struct(">d")
_IDS_END = bytes([_TUPLE, _BINPUT, 0])


def _ints(head: bytes, at: int, count: int) -> tuple[np.ndarray, int] | None:
    """``count`` pickled non-negative ints from ``head[at:]``: the first on its own (an
    absolute id, often large), the others at once when they share one opcode."""
    size = _INT_SIZE.get(head[at]) if at < len(head) else None
    if size is None:
        return None
    start = at
    first = int.from_bytes(head[at + 1 : at + size], "little", signed=size == 5)
    at += size
    rest = count - 1
    if not rest:
        return np.array([first], dtype=np.int64), at
    bytes_ = np.frombuffer(head, dtype=np.uint8)
    for opcode, width, dtype in ((_BININT1, 2, "u1"), (_BININT2, 3, "<u2")):
        end = at + width * rest
        if end <= len(head) and (bytes_[at:end:width] == opcode).all():
            others = np.ndarray((rest,), dtype=dtype, buffer=head, offset=at + 1, strides=(width,))
            ids = np.empty(count, dtype=np.int64)
            ids[0] = first
            ids[1:] = others
            return ids, end
    # Mixed opcodes: the tuple ends at the first TUPLE, BINPUT 0 (inside the ints those
    # three bytes could only be the middle of a BININT of over 7 million, a gap no
    # segment has), and pickle reads just the ints.
    end = head.find(_IDS_END, at)
    if end < 0 or count <= 3:
        return None
    try:
        numbers = pickle.loads(_PICKLE_2 + head[start - 1 : end + 1] + b".")
    except (pickle.UnpicklingError, ValueError, EOFError, IndexError):
        return None
    if not isinstance(numbers, tuple) or len(numbers) != count:
        return None
    return np.array(numbers, dtype=np.int64), end


def _tuple_end(head: bytes, at: int, count: int) -> int | None:
    """Past the TUPLE opcode closing a tuple of ``count`` items and its memo entry."""
    if at >= len(head) or head[at] != (_TUPLE if count > 3 else _TUPLE_N[count - 1]):
        return None
    at += 1
    if at < len(head) and head[at] == _BINPUT:
        return at + 2
    if at < len(head) and head[at] == _LONG_BINPUT:
        return at + 5
    return at


def _weights(raw: Any, count: int) -> np.ndarray:
    """whoosh stores no weights when all are 1, one float when all are equal."""
    if raw is None:
        return np.ones(count)
    if isinstance(raw, float):
        return np.full(count, raw)
    return np.asarray(raw, dtype=np.float64)


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
    perdoc = getattr(reader, "_perdoc", None)
    if perdoc is None:  # an empty index's reader
        return np.zeros(count, dtype=np.uint8)
    column = perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
    lengths = np.zeros(count, dtype=np.uint8)
    if column is not None:
        stored = min(column._count, count)
        raw = column._dbfile.get(column._basepos, stored)
        lengths[:stored] = np.frombuffer(raw, dtype=np.uint8)
    return lengths
