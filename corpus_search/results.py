"""What the Corpus returns: plain dataclasses the CLI renders and scripts consume."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from corpus_search.document import SCHEMA_VERSION, Author


@dataclass
class Hit:
    id: str
    url: str | None
    title: str
    source: str | None
    authors: list[Author]
    published: str | None
    actors: list[str]
    themes: list[str]
    score: float
    snippet: str
    matched: list[str] = field(default_factory=list)  # words highlighted in the snippet

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "source": self.source,
            "authors": [a.to_dict() for a in self.authors],
            "published": self.published,
            "actors": self.actors,
            "themes": self.themes,
            "score": round(self.score, 4),
            "snippet": self.snippet,
        }


@dataclass
class SearchResult:
    query: dict[str, Any]
    total: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "query": self.query,
            "total": self.total,
            "hits": [h.to_dict() for h in self.hits],
            "facets": {
                name: [{"value": v, "count": c} for v, c in counts]
                for name, counts in self.facets.items()
            },
        }


@dataclass
class Stats:
    path: str
    documents: int
    sources: list[tuple[str, int]]
    years: list[tuple[str, int]]
    actors: list[tuple[str, int]]
    themes: list[tuple[str, int]]

    def to_dict(self) -> dict[str, Any]:
        def pairs(items: list[tuple[str, int]], key: str) -> list[dict[str, Any]]:
            return [{key: v, "documents": c} for v, c in items]

        return {
            "schema_version": SCHEMA_VERSION,
            "index": self.path,
            "documents": self.documents,
            "sources": pairs(self.sources, "source"),
            "years": pairs(self.years, "year"),
            "top_actors": pairs(self.actors, "actor"),
            "top_themes": pairs(self.themes, "theme"),
        }


@dataclass
class IngestFailure:
    path: str
    reason: str


@dataclass
class IngestReport:
    added: int = 0
    updated: int = 0
    skipped: int = 0  # already in the corpus, unchanged
    failed: list[IngestFailure] = field(default_factory=list)
    seconds: float = 0.0
    added_ids: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "added": self.added,
            "updated": self.updated,
            "skipped": self.skipped,
            "failed": [{"path": f.path, "reason": f.reason} for f in self.failed],
            "seconds": round(self.seconds, 3),
        }
