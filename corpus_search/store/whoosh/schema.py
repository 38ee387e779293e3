"""The whoosh schema and its version. Only ``store/`` imports whoosh.

Every document is stored whole as JSON in ``doc``, so the corpus can be exported or
re-enriched without its source files; the other fields are indexes over it.
Facet and filter fields keep their values' case (display names); the store resolves
a user's spelling against the lexicon case-insensitively.

Three things are there for speed at 100,000 documents (see the README's performance
section): ``FastText`` indexes exactly the terms and positions whoosh's stemming
analyzer would, in one pass instead of a generator chain; ``pub_start`` and ``pub_end``
are columns, so a date range is a comparison per matched document instead of a numeric
range query; and ``facets`` is a column holding each document's actors, themes, source,
year and authors, so facet counts read one short value per matched document.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from whoosh import columns, fields
from whoosh.analysis import CompositeAnalyzer, StemmingAnalyzer
from whoosh.lang.porter import stem

# whoosh pickles the schema with its classes' module path: corpora made before the store
# moved to store/whoosh/ name ``corpus_search.store.schema``. Answer to that name too.
sys.modules.setdefault("corpus_search.store.schema", sys.modules[__name__])

# Bump on any change to the fields below; an index of another version must be rebuilt.
STORE_VERSION = 3

# Title matches weigh more than standfirst matches, which weigh more than body matches.
TITLE_BOOST = 3.0
SUBTITLE_BOOST = 1.5

UNDATED_START = 0
UNDATED_END = 99991231


# The facet column: the values of these fields, in this order (see ``facet_value``).
FACET_COLUMN_FIELDS = ("actor", "theme", "source", "year", "author")
FIELD_SEP, VALUE_SEP = "\x1e", "\x1f"

# whoosh's default tokenizer pattern, without its capturing group (same matches).
TOKEN = re.compile(r"[\w\*]+(?:\.?[\w\*]+)*")
_STEMS: dict[str, str] = {}
_STEM_CACHE_LIMIT = 500_000


class FastText(fields.TEXT):
    """A TEXT field that indexes a string in one pass: the same tokens, lowercasing,
    stop words (with whoosh's renumbering of positions), Porter stems, positions and
    weights as ``StemmingAnalyzer`` through ``formats.Positions``. Queries and
    snippets go through ``analyzed_form``, so search behaves exactly as with TEXT.
    ``tests/store/test_perf.py`` checks the equivalence on random text."""

    def index(self, value: Any, **kwargs: Any) -> Iterator[tuple[bytes, int, float, bytes]]:
        if not isinstance(value, str) or kwargs:
            yield from super().index(value, **kwargs)
            return
        stops = _STOP_WORDS
        stems = _STEMS
        positions: dict[str, list[int]] = defaultdict(list)
        pos = -1
        for number, token in enumerate(TOKEN.findall(value)):
            word = token.lower()
            if len(word) < 2 or word in stops:
                continue
            pos = number if pos < 0 else pos + 1
            stemmed = stems.get(word)
            if stemmed is None:
                if len(stems) > _STEM_CACHE_LIMIT:
                    stems.clear()
                stemmed = stems[word] = stem(word)
            positions[stemmed].append(pos)
        encode = self.format.encode
        boost = self.format.field_boost
        for word, poslist in positions.items():
            yield word.encode("utf-8"), len(poslist), len(poslist) * boost, encode(poslist)


_STOP_WORDS: frozenset[str] = frozenset(StemmingAnalyzer().items[2].stops)


def analyzed_form(word: str) -> str | None:
    """The term a text field indexes for one token (lower case, Porter stem), or None
    for a token it drops (a stop word, a single character)."""
    word = word.lower()
    if len(word) < 2 or word in _STOP_WORDS:
        return None
    stemmed = _STEMS.get(word)
    if stemmed is None:
        if len(_STEMS) > _STEM_CACHE_LIMIT:
            _STEMS.clear()
        stemmed = _STEMS[word] = stem(word)
    return stemmed


class FastStemmingAnalyzer(CompositeAnalyzer):
    """whoosh's ``StemmingAnalyzer`` chain under a name of its own. Indexes pickle their
    schema with this class in it, so it stays; snippets no longer go through it (see
    ``store.snippets``)."""

    def __init__(self) -> None:
        super().__init__(*StemmingAnalyzer().items)


def facet_value(values: dict[str, list[str]]) -> bytes:
    """The facet column's value for one document: its values per FACET_COLUMN_FIELDS."""
    return FIELD_SEP.join(VALUE_SEP.join(values.get(f, ())) for f in FACET_COLUMN_FIELDS).encode(
        "utf-8"
    )


def make_schema() -> fields.Schema:
    text = FastStemmingAnalyzer()
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        url=fields.ID,
        title=FastText(analyzer=text, field_boost=TITLE_BOOST),
        subtitle=FastText(analyzer=text, field_boost=SUBTITLE_BOOST),
        body=FastText(analyzer=text),
        actor=fields.KEYWORD(commas=True, lowercase=False),
        key_actor=fields.KEYWORD(commas=True, lowercase=False),
        theme=fields.KEYWORD(commas=True, lowercase=False),
        source=fields.ID(sortable=True),
        author=fields.KEYWORD(commas=True, lowercase=False),
        tag=fields.KEYWORD(commas=True, lowercase=False),
        year=fields.ID(sortable=True),
        mentioned=fields.KEYWORD(commas=True),  # years the body discusses
        # Signed on purpose: whoosh 2.7 answers open-ended ranges wrongly on unsigned fields.
        pub_start=fields.NUMERIC(int, bits=32, sortable=True),
        pub_end=fields.NUMERIC(int, bits=32, sortable=True),
        language=fields.ID,
        content_hash=fields.ID(stored=True),
        facets=fields.COLUMN(columns.VarBytesColumn()),
        doc=fields.STORED,
    )


# The keyword fields a user may filter and facet on, by the name the user gives.
FILTER_FIELDS = {
    "actor": "actor",
    "key": "key_actor",
    "theme": "theme",
    "source": "source",
    "author": "author",
    "tag": "tag",
    "year": "year",
}
