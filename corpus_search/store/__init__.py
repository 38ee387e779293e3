"""Where documents are kept: the ``Store`` protocol that ``Corpus`` talks to.

One package per engine implements it, chosen by the index address:

- ``store/whoosh/``: a folder on disk (the default, for one analyst on one machine);
- ``store/postgres/``: a PostgreSQL server (``postgresql://...``), for a team.

Only ``store/whoosh/`` imports whoosh and only ``store/postgres/`` imports the database
driver; neither engine's types leave its package. Queries reach a store as a
``corpus_search.query.Query``; ``store/tree.py`` is the engine-neutral tree its text
parses into.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Protocol

from corpus_search.document import Document
from corpus_search.query import Query
from corpus_search.results import SearchResult, Stats

# alias(field, value) -> the canonical name an actor alias or theme label stands for
AliasResolver = Callable[[str, str], "str | None"]


class Store(Protocol):
    """What ``Corpus`` needs of a store. Every method returns plain values from
    ``corpus_search.results`` and ``corpus_search.document``."""

    path: Path  # a local folder for the corpus's side files (alias table, archive, ...)

    def write(
        self,
        docs: Iterable[Document],
        batch_size: int = ...,
        on_commit: Callable[[int], None] | None = ...,
    ) -> tuple[list[str], list[str], list[str]]:
        """Add or replace documents by id; (added, updated, unchanged) ids."""
        ...

    def count(self) -> int: ...
    def ids(self) -> list[str]: ...
    def get(self, doc_id: str) -> Document | None: ...
    def search(self, query: Query, alias: AliasResolver) -> SearchResult: ...
    def iter_documents(self, query: Query, alias: AliasResolver) -> Iterator[Document]: ...
    def stats(self) -> Stats: ...
    def actor_counts(self) -> tuple[int, dict[str, int], dict[str, int]]: ...
    def co_mentions(self, actor: str) -> tuple[int, dict[str, int]]: ...
    def actor_type(self, actor: str) -> tuple[str | None, str | None]: ...
    def explain(self, query: Query, alias: AliasResolver) -> dict[str, Any]: ...
    def trend(
        self, query: Query, alias: AliasResolver, by: str, split: str | None, top: int
    ) -> Any: ...
    def similar(self, doc_id: str, query: Query, alias: AliasResolver) -> SearchResult: ...
    def suggest(self, query: Query, alias: AliasResolver) -> Any: ...
    def matched_words(self, text: str, query_text: str, alias: AliasResolver) -> list[str]: ...
    def check(self) -> Any: ...


def open_store(address: str | Path, create: bool = False) -> Store:
    """The store an index address names: a folder path (whoosh)."""
    from corpus_search.store.whoosh.index import WhooshStore

    return WhooshStore.open(Path(address), create=create)


def repair_store(address: str | Path) -> Any:
    """Rebuild a damaged folder store from what can still be read (a ``CheckReport``)."""
    from corpus_search.store.whoosh.index import WhooshStore

    return WhooshStore.repair(Path(address))


__all__ = ["AliasResolver", "Store", "open_store", "repair_store"]
