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
        flush: Callable[[], bool] | None = ...,
    ) -> tuple[list[str], list[str], list[str]]:
        """Add or replace documents by id; (added, updated, unchanged) ids. ``flush``,
        asked after each document, says when the caller's input has run out and only
        work in flight remains: a store may commit what it holds then, so that the
        commit overlaps that work instead of following it."""
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


def is_server_address(address: str | Path) -> bool:
    """True for a PostgreSQL address (``postgresql://...`` or ``postgres://...``)."""
    return isinstance(address, str) and address.strip().lower().startswith(
        ("postgresql://", "postgres://")
    )


def open_store(address: str | Path, create: bool = False) -> Store:
    """The store an index address names: ``postgresql://...`` (or ``postgres://``) a
    server, anything else a folder path (whoosh)."""
    if is_server_address(address):
        return _postgres_store().open(str(address).strip(), create=create)
    from corpus_search.store.whoosh.index import WhooshStore

    return WhooshStore.open(Path(address), create=create)


def _postgres_store() -> Any:
    try:
        from corpus_search.store.postgres.store import PostgresStore
    except ImportError as exc:
        from corpus_search.errors import InputError

        raise InputError(
            f"a PostgreSQL address needs the database driver ({exc})",
            "pip install 'corpus-search[postgres]'",
        ) from None
    return PostgresStore


def init_store(address: str, text_index: str = "auto") -> list[str]:
    """Create or migrate the schema at a server ``address``; what was done, one line each,
    and each missing extension with how to get it. ``text_index``: gin, rum or auto."""
    try:
        from corpus_search.store.postgres.admin import init
    except ImportError:
        _postgres_store()  # raises the error saying how to install the driver
        raise
    return init(address, text_index)


def repair_store(address: str | Path) -> Any:
    """Rebuild a damaged folder store from what can still be read (a ``CheckReport``)."""
    if is_server_address(address):
        from corpus_search.errors import InputError

        raise InputError(
            "repair rebuilds a folder; a server keeps its own data safe",
            "run 'corpus-search check' to verify a server corpus",
        )
    from corpus_search.store.whoosh.index import WhooshStore

    return WhooshStore.repair(Path(address))


__all__ = [
    "AliasResolver",
    "Store",
    "init_store",
    "is_server_address",
    "open_store",
    "repair_store",
]
