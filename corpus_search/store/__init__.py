"""The whoosh-backed store: the only package that imports whoosh.

``Store`` opens or creates the index directory, writes Documents in atomic batches
and answers searches with plain values from ``corpus_search.results``.
"""

from corpus_search.store.index import Store

__all__ = ["Store"]
