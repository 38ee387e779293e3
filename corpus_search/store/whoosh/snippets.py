"""Snippets for the folder store: ``corpus_search.store.snippets`` with whoosh's analysis
(``schema.analyzed_form``: lower case, stop words, Porter stems)."""

from __future__ import annotations

from collections.abc import Iterable

from corpus_search.store.snippets import (
    MARK_END,
    MARK_START,
    MAX_MATCHES,
    _marked,
    _starts_token,
)
from corpus_search.store.snippets import best_sentence as _best_sentence
from corpus_search.store.whoosh.schema import analyzed_form

__all__ = ["MARK_END", "MARK_START", "MAX_MATCHES", "_marked", "_starts_token", "best_sentence"]


def best_sentence(body: str, stems: Iterable[str], max_chars: int) -> tuple[str, list[str]]:
    """``store.snippets.best_sentence`` with the folder's analysis."""
    return _best_sentence(body, stems, max_chars, analyzed_form)
