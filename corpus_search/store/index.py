"""``Store``: open or create the index directory; reads and writes go to ``writer``
and ``searcher``."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from whoosh import index

from corpus_search.document import Document
from corpus_search.errors import IndexNotFoundError, IndexVersionError, InputError
from corpus_search.query import Query
from corpus_search.results import SearchResult, Stats
from corpus_search.store import searcher, writer
from corpus_search.store.schema import STORE_VERSION, make_schema
from corpus_search.store.searcher import AliasResolver

META_FILE = "corpus.json"
INDEX_NAME = "corpus"


class Store:
    def __init__(self, path: Path, ix: index.Index) -> None:
        self.path = path
        self._ix = ix

    # -- opening -----------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, create: bool = False) -> Store:
        path = Path(path)
        meta_path = path / META_FILE
        if index.exists_in(str(path), indexname=INDEX_NAME):
            version = _read_meta(meta_path).get("store_version")
            if version != STORE_VERSION:
                raise IndexVersionError(
                    f"the corpus at {path} has store version {version}, this program "
                    f"reads version {STORE_VERSION}",
                    "rebuild it: ingest the sources again into a new --index folder",
                )
            return cls(path, index.open_dir(str(path), indexname=INDEX_NAME))
        if not create:
            raise IndexNotFoundError(
                f"no corpus at {path}",
                "run 'corpus-search ingest PATH' or 'corpus-search demo' first, or pass --index DIR",
            )
        try:
            path.mkdir(parents=True, exist_ok=True)
            ix = index.create_in(str(path), make_schema(), indexname=INDEX_NAME)
            meta_path.write_text(
                json.dumps({"store_version": STORE_VERSION, "engine": "whoosh"}, indent=2) + "\n",
                "utf-8",
            )
        except OSError as exc:
            raise InputError(f"cannot create a corpus at {path}: {exc.strerror or exc}") from None
        return cls(path, ix)

    # -- writing -----------------------------------------------------------------------

    def write(
        self,
        docs: Iterable[Document],
        batch_size: int = 500,
        on_commit: Callable[[int], None] | None = None,
    ) -> tuple[list[str], list[str], list[str]]:
        return writer.write_documents(self._ix, self.path, docs, batch_size, on_commit)

    # -- reading -----------------------------------------------------------------------

    def count(self) -> int:
        return searcher.count(self._ix)

    def ids(self) -> list[str]:
        return searcher.all_ids(self._ix)

    def get(self, doc_id: str) -> Document | None:
        return searcher.get(self._ix, doc_id)

    def search(self, query: Query, alias: AliasResolver) -> SearchResult:
        return searcher.search(self._ix, query, alias)

    def iter_documents(self, query: Query, alias: AliasResolver) -> Iterator[Document]:
        return searcher.iter_documents(self._ix, query, alias)

    def stats(self) -> Stats:
        return searcher.stats(self._ix, self.path)


def _read_meta(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
