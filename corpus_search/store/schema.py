"""The whoosh schema and its version. Only ``store/`` imports whoosh.

Every document is stored whole as JSON in ``doc``, so the corpus can be exported or
re-enriched without its source files; the other fields are indexes over it.
Facet and filter fields keep their values' case (display names); the store resolves
a user's spelling against the lexicon case-insensitively.
"""

from __future__ import annotations

from whoosh import fields
from whoosh.analysis import StemmingAnalyzer

# Bump on any change to the fields below; an index of another version must be rebuilt.
STORE_VERSION = 1

# Title matches weigh more than standfirst matches, which weigh more than body matches.
TITLE_BOOST = 3.0
SUBTITLE_BOOST = 1.5

UNDATED_START = 0
UNDATED_END = 99991231


def make_schema() -> fields.Schema:
    text = StemmingAnalyzer()
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        url=fields.ID,
        title=fields.TEXT(analyzer=text, field_boost=TITLE_BOOST),
        subtitle=fields.TEXT(analyzer=text, field_boost=SUBTITLE_BOOST),
        body=fields.TEXT(analyzer=text),
        actor=fields.KEYWORD(commas=True, lowercase=False),
        key_actor=fields.KEYWORD(commas=True, lowercase=False),
        theme=fields.KEYWORD(commas=True, lowercase=False),
        source=fields.ID(sortable=True),
        author=fields.KEYWORD(commas=True, lowercase=False),
        tag=fields.KEYWORD(commas=True, lowercase=False),
        year=fields.ID(sortable=True),
        # Signed on purpose: whoosh 2.7 answers open-ended ranges wrongly on unsigned fields.
        pub_start=fields.NUMERIC(int, bits=32, sortable=True),
        pub_end=fields.NUMERIC(int, bits=32),
        language=fields.ID,
        content_hash=fields.ID(stored=True),
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
