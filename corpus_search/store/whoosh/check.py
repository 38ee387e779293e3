"""Verifying a corpus and rebuilding it from what can still be read."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

from whoosh import index

from corpus_search.document import Document
from corpus_search.errors import CorpusSearchError, IndexNotFoundError
from corpus_search.store.check import CheckReport


def check(ix: index.Index, path: Path) -> CheckReport:
    """Open every stored document and check it parses and is keyed by its own id."""
    report = CheckReport(path=str(path), documents=int(ix.doc_count()))
    seen: set[str] = set()
    with ix.searcher() as searcher:
        for number, stored in enumerate(searcher.reader().all_stored_fields()):
            doc_id = stored.get("id")
            try:
                doc = Document.from_dict(json.loads(stored["doc"]))
            except (KeyError, ValueError, CorpusSearchError) as exc:
                report.problems.append(f"document #{number} ({doc_id}): unreadable: {exc}")
                continue
            if doc.id != doc_id:
                report.problems.append(f"document {doc_id}: stored record has id {doc.id}")
            if doc_id in seen:
                report.problems.append(f"document {doc_id}: stored twice")
            seen.add(str(doc_id))
            report.readable += 1
    if report.readable != report.documents and not report.problems:
        report.problems.append(
            f"the index counts {report.documents} documents but {report.readable} are stored"
        )
    return report


def salvage(path: Path, index_name: str) -> tuple[list[Document], int, list[str]]:
    """Every document that can still be read from the index at ``path``, the number the
    index claims, and what could not be read."""
    problems: list[str] = []
    try:
        ix = index.open_dir(str(path), indexname=index_name)
    except Exception as exc:
        raise IndexNotFoundError(
            f"the index files at {path} cannot be opened at all ({type(exc).__name__}: {exc})",
            "nothing to salvage: ingest your sources (or the crawl archive) again",
        ) from None
    docs: dict[str, Document] = {}
    claimed = int(ix.doc_count())
    with ix.reader() as reader:
        for number, stored in enumerate(reader.all_stored_fields()):
            try:
                doc = Document.from_dict(json.loads(stored["doc"]))
            except Exception as exc:
                problems.append(f"document #{number}: unreadable: {exc}")
                continue
            docs[doc.id] = doc
    ix.close()
    return list(docs.values()), claimed, problems


def move_aside(path: Path, index_name: str) -> Path:
    """Move the whoosh files of ``index_name`` out of the way, into a dated folder."""
    aside = path / f".damaged-{time.strftime('%Y%m%d-%H%M%S')}"
    aside.mkdir()
    for item in path.iterdir():
        if item.is_file() and (
            item.name.startswith(f"_{index_name}_") or item.name.startswith(f"{index_name}_")
        ):
            shutil.move(str(item), aside / item.name)
    return aside
