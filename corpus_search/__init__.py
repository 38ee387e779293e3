"""corpus-search: a private, searchable library of think-tank commentary.

The public API is what ``__all__`` names; everything else may change.
"""

from corpus_search.corpus import Corpus
from corpus_search.crawl import CrawlOptions, CrawlReport
from corpus_search.dates import PartialDate
from corpus_search.document import SCHEMA_VERSION, ActorMention, Author, Document, ThemeScore
from corpus_search.errors import CorpusSearchError
from corpus_search.query import Query
from corpus_search.results import Hit, IngestReport, SearchResult, Stats

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "ActorMention",
    "Author",
    "Corpus",
    "CorpusSearchError",
    "CrawlOptions",
    "CrawlReport",
    "Document",
    "Hit",
    "IngestReport",
    "PartialDate",
    "Query",
    "SearchResult",
    "Stats",
    "ThemeScore",
    "__version__",
]
