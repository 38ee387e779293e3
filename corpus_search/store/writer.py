"""Writing Documents to the whoosh index in atomic batches."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from whoosh import index
from whoosh.index import LockError

from corpus_search.dates import day_number
from corpus_search.document import Document
from corpus_search.errors import IndexLockedError
from corpus_search.store.schema import UNDATED_END, UNDATED_START

WRITE_LOCK_TIMEOUT = 10.0


def write_documents(
    ix: index.Index,
    path: Path,
    docs: Iterable[Document],
    batch_size: int = 500,
    on_commit: Callable[[int], None] | None = None,
) -> tuple[list[str], list[str], list[str]]:
    """Add or update documents by id, committing every ``batch_size`` documents (a
    killed process loses at most the batch in flight). Returns the ids (added,
    updated, skipped as unchanged)."""
    added: list[str] = []
    updated: list[str] = []
    skipped: list[str] = []
    batch: dict[str, Document] = {}

    def flush() -> None:
        if not batch:
            return
        writer = open_writer(ix, path)
        try:
            with ix.searcher() as searcher:
                for doc in batch.values():
                    stored = searcher.document(id=doc.id)
                    record = json.dumps(doc.to_dict(), ensure_ascii=False, sort_keys=True)
                    if stored is None:
                        added.append(doc.id)
                    elif stored.get("doc") == record:
                        skipped.append(doc.id)
                        continue
                    else:
                        updated.append(doc.id)
                    writer.update_document(**index_fields(doc, record))
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        if on_commit:
            on_commit(len(batch))
        batch.clear()

    for doc in docs:
        batch[doc.id] = doc  # a later duplicate of an id in the same batch wins
        if len(batch) >= batch_size:
            flush()
    flush()
    return added, updated, skipped


def open_writer(ix: index.Index, path: Path) -> Any:
    try:
        return ix.writer(timeout=WRITE_LOCK_TIMEOUT)
    except LockError:
        raise IndexLockedError(
            f"another process is writing to the corpus at {path}",
            "wait for it to finish and try again",
        ) from None


def _clean(value: str) -> str:
    return " ".join(value.replace(",", " ").split())


def index_fields(doc: Document, record: str) -> dict[str, Any]:
    published = doc.published
    fields: dict[str, Any] = {
        "id": doc.id,
        "title": doc.title or "",
        "subtitle": doc.subtitle or "",
        "body": doc.body,
        "actor": ",".join(_clean(a.name) for a in doc.actors),
        "key_actor": ",".join(_clean(a.name) for a in doc.actors if a.key),
        "theme": ",".join(_clean(t.id) for t in doc.themes),
        "author": ",".join(_clean(a.name) for a in doc.authors),
        "tag": ",".join(_clean(t) for t in doc.tags),
        "pub_start": day_number(published.first_day()) if published else UNDATED_START,
        "pub_end": day_number(published.last_day()) if published else UNDATED_END,
        "content_hash": doc.content_hash,
        "doc": record,
    }
    if doc.url:
        fields["url"] = doc.url
    if doc.source:
        fields["source"] = _clean(doc.source)
    if published:
        fields["year"] = f"{published.year:04d}"
    if doc.language:
        fields["language"] = doc.language
    return fields
