"""Reading: search, facets, documents and statistics from a whoosh index."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from whoosh import highlight, index, sorting
from whoosh import query as wq

from corpus_search.document import Document
from corpus_search.query import Query
from corpus_search.results import Hit, SearchResult, Stats
from corpus_search.store import query as store_query
from corpus_search.store.schema import FILTER_FIELDS

FACET_SIZE = 20
SNIPPET_CHARS = 240

# alias(field, value) -> the canonical value a user means ("PRC" -> "China"), or None
AliasResolver = Callable[[str, str], "str | None"]


def count(ix: index.Index) -> int:
    return int(ix.doc_count())


def all_ids(ix: index.Index) -> list[str]:
    with ix.searcher() as searcher:
        return [_text(term) for term in searcher.lexicon("id")]


def get(ix: index.Index, doc_id: str) -> Document | None:
    """The document with this id, or with this unique id prefix (6+ characters)."""
    with ix.searcher() as searcher:
        stored = searcher.document(id=doc_id)
        if stored is None and len(doc_id) >= 6:
            matches = list(searcher.reader().expand_prefix("id", doc_id))
            if len(matches) == 1:
                stored = searcher.document(id=_text(matches[0]))
        return _document(stored) if stored else None


def search(ix: index.Index, query: Query, alias: AliasResolver) -> SearchResult:
    with ix.searcher() as searcher:
        resolve = _Resolver(searcher, alias)
        compiled = store_query.build(query, ix.schema, resolve)
        sortedby, reverse = _sorting(query.sort)
        limit = None if query.limit is None else query.offset + query.limit
        groups = {name: _facet(name) for name in query.facets}
        results = searcher.search(
            compiled,
            limit=1 if limit == 0 else limit,
            sortedby=sortedby,
            reverse=reverse,
            terms=True,
            groupedby=groups or None,
            maptype=sorting.Count,
        )
        total = len(results)
        results.highlighter = highlight.Highlighter(
            fragmenter=highlight.ContextFragmenter(maxchars=SNIPPET_CHARS, surround=70),
            formatter=_Marks(),
        )
        page = [] if limit == 0 else list(results)[query.offset : limit]
        hits = [_hit(h, bool(query.text)) for h in page]
        facets = {name: _top(results.groups(name), FACET_SIZE) for name in query.facets}
    return SearchResult(query=_describe(query), total=total, hits=hits, facets=facets)


def iter_documents(ix: index.Index, query: Query, alias: AliasResolver) -> Iterator[Document]:
    """Every document the query matches, in its sort order, without paging."""
    with ix.searcher() as searcher:
        compiled = store_query.build(query, ix.schema, _Resolver(searcher, alias))
        sortedby, reverse = _sorting(query.sort)
        results = searcher.search(compiled, limit=None, sortedby=sortedby, reverse=reverse)
        for hit in results:
            yield _document(hit.fields())


def stats(ix: index.Index, path: Path, top: int = 10) -> Stats:
    with ix.searcher() as searcher:
        names = ("source", "year", "actor", "theme")
        results = searcher.search(
            wq.Every(),
            limit=1,
            groupedby={n: _facet(n) for n in names},
            maptype=sorting.Count,
        )
        sources = _top(results.groups("source"), None)
        years = sorted(results.groups("year").items())
        return Stats(
            path=str(path),
            documents=count(ix),
            sources=sources,
            years=[(str(y), int(c)) for y, c in years],
            actors=_top(results.groups("actor"), top),
            themes=_top(results.groups("theme"), top),
        )


def _document(stored: dict[str, Any]) -> Document:
    return Document.from_dict(json.loads(stored["doc"]))


def _text(value: Any) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def _facet(name: str) -> sorting.FieldFacet:
    field = FILTER_FIELDS[name]
    return sorting.FieldFacet(field, allow_overlap=field in ("actor", "theme", "author", "tag"))


def _top(counts: dict[Any, int], size: int | None) -> list[tuple[str, int]]:
    items = [(_text(k), int(v)) for k, v in counts.items() if k not in (None, "")]
    items.sort(key=lambda kv: (-kv[1], kv[0]))
    return items[:size] if size else items


def _sorting(sort: str) -> tuple[Any, bool]:
    if sort == "date":
        return "pub_start", False
    if sort == "-date":
        return "pub_start", True
    return None, False


def _describe(query: Query) -> dict[str, Any]:
    return {
        "text": query.text,
        "actors": query.actors,
        "key_actors": query.key_actors,
        "themes": query.themes,
        "sources": query.sources,
        "authors": query.authors,
        "since": str(query.since) if query.since else None,
        "until": str(query.until) if query.until else None,
        "sort": query.sort,
        "limit": query.limit,
        "offset": query.offset,
    }


class _Marks(highlight.Formatter):
    """Wrap matched words in \x02...\x03 so the caller can find them in plain text."""

    between = " … "

    def format_token(self, text: str, token: Any, replace: bool = False) -> str:
        return "\x02" + highlight.get_text(text, token, replace) + "\x03"


_MARKED = re.compile("\x02(.*?)\x03", re.S)


def _hit(hit: Any, has_text: bool) -> Hit:
    doc = _document(hit.fields())
    snippet, matched = "", []
    if has_text and doc.body:
        marked = hit.highlights("body", text=doc.body, top=2) or ""
        matched = list(dict.fromkeys(m.lower() for m in _MARKED.findall(marked)))
        snippet = " ".join(marked.replace("\x02", "").replace("\x03", "").split())
    if not snippet:
        lead = doc.subtitle or doc.body
        snippet = " ".join(lead.split())[:SNIPPET_CHARS]
    return Hit(
        id=doc.id,
        url=doc.url,
        title=doc.display_title,
        source=doc.source,
        authors=doc.authors,
        published=str(doc.published) if doc.published else None,
        actors=[a.name for a in doc.actors],
        themes=[t.id for t in doc.themes],
        score=float(hit.score or 0.0),
        snippet=snippet,
        matched=matched,
    )


class _Resolver:
    """Map a user's value for a keyword field to the values the index holds: first the
    alias table (PRC -> China), then a case-insensitive match, then (sources and authors)
    a match on whole words ("meridian" -> "Meridian Institute for Strategic Studies")."""

    def __init__(self, searcher: Any, alias: AliasResolver) -> None:
        self._searcher = searcher
        self._alias = alias
        self._tables: dict[str, dict[str, list[str]]] = {}

    def _table(self, field: str) -> dict[str, list[str]]:
        if field not in self._tables:
            table: dict[str, list[str]] = {}
            for raw in self._searcher.lexicon(field):
                term = _text(raw)
                table.setdefault(term.casefold(), []).append(term)
            self._tables[field] = table
        return self._tables[field]

    def __call__(self, field: str, value: str) -> list[str]:
        value = " ".join(value.split())
        canonical = self._alias(field, value) or value
        table = self._table(field)
        for candidate in (canonical, value):
            found = table.get(candidate.casefold())
            if found:
                return found
        if field in ("source", "author"):
            words = value.casefold().split()
            return [
                term
                for key, terms in table.items()
                for term in terms
                if _contains_words(key.split(), words)
            ]
        return []


def _contains_words(haystack: list[str], needle: list[str]) -> bool:
    size = len(needle)
    return any(haystack[i : i + size] == needle for i in range(len(haystack) - size + 1))
