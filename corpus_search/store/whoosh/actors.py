"""Actor document counts and co-mention counts, read from the whoosh index.

Both come from the ``actor`` and ``key_actor`` keyword fields (one term per actor a
document mentions), so they cost a pass over the posting lists, not over stored
documents.
"""

from __future__ import annotations

from whoosh import index, sorting
from whoosh import query as wq


def document_counts(ix: index.Index) -> tuple[int, dict[str, int], dict[str, int]]:
    """(documents in the corpus, actor -> documents mentioning it, actor -> documents
    where it is key)."""
    with ix.searcher() as searcher:
        reader = searcher.reader()
        counts = {_text(t): int(reader.doc_frequency("actor", t)) for t in reader.lexicon("actor")}
        key = {
            _text(t): int(reader.doc_frequency("key_actor", t)) for t in reader.lexicon("key_actor")
        }
        return int(ix.doc_count()), counts, key


def co_mentions(ix: index.Index, actor: str) -> tuple[int, dict[str, int]]:
    """(documents mentioning ``actor``, other actor -> documents mentioning both)."""
    with ix.searcher() as searcher:
        results = searcher.search(
            wq.Term("actor", actor),
            limit=1,
            groupedby={"actor": sorting.FieldFacet("actor", allow_overlap=True)},
            maptype=sorting.Count,
        )
        together = {
            _text(name): int(n)
            for name, n in results.groups("actor").items()
            if name not in (None, "") and _text(name) != actor
        }
        return len(results), together


def _text(value: object) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def described(ix: index.Index, actor: str) -> tuple[str | None, str | None]:
    """The (type, code) a stored document gives ``actor`` (for actors that came with
    the documents or from a user's gazetteer, which the packaged one does not know)."""
    import json

    with ix.searcher() as searcher:
        for hit in searcher.search(wq.Term("actor", actor), limit=1):
            for mention in json.loads(hit["doc"]).get("actors") or []:
                if mention.get("name") == actor:
                    return mention.get("type"), mention.get("code")
    return None, None
