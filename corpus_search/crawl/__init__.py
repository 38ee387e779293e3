"""The crawler: discover (sitemaps, feeds, WP API, listings) → fetch politely → archive as
WARC → hand pages to extraction. Only this package speaks HTTP.

``Corpus.crawl(CrawlOptions(...))`` is the entry point; the modules are ``urls``
(normalisation, scope), ``fetch`` (robots.txt, delays, retries, limits), ``discover``,
``archive`` (WARC), ``state`` (what was fetched, for re-runs) and ``crawler`` (the run).
"""

from corpus_search.crawl.options import CrawlOptions, CrawlProgress, CrawlReport

__all__ = ["CrawlOptions", "CrawlProgress", "CrawlReport"]
