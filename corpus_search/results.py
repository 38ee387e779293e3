"""What the Corpus returns: plain dataclasses the CLI renders and scripts consume."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from corpus_search.document import SCHEMA_VERSION, Author


@dataclass
class Hit:
    """One row of a search result: a document's summary, its score and snippet."""

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
    """What ``Corpus.search`` returns: the query as understood, the total number of
    matches, the requested page of hits and, when asked for, the facet counts."""

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
    """What the corpus holds: document count, sources, years, top actors and themes."""

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
    """One input left out: its file or URL (``path``) and the reason; ``named``: the
    user gave this very file on the command line."""

    path: str
    reason: str
    named: bool = False


@dataclass
class IngestReport:
    """What a batch did with every input it read, each counted once: ``read`` is the
    sum of added, updated, unchanged (``skipped``), not articles, unsupported, failed."""

    added: int = 0
    updated: int = 0
    skipped: int = 0  # already in the corpus, unchanged
    failed: list[IngestFailure] = field(default_factory=list)
    seconds: float = 0.0
    added_ids: list[str] = field(default_factory=list)
    not_articles: list[IngestFailure] = field(default_factory=list)
    unsupported: list[IngestFailure] = field(default_factory=list)
    jobs: int = 1  # processes that extracted and enriched

    @property
    def unchanged(self) -> int:
        return self.skipped

    @property
    def read(self) -> int:
        return (
            self.added
            + self.updated
            + self.skipped
            + len(self.not_articles)
            + len(self.unsupported)
            + len(self.failed)
        )

    def counts(self) -> dict[str, int]:
        return {
            "read": self.read,
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.skipped,
            "not_articles": len(self.not_articles),
            "unsupported": len(self.unsupported),
            "failed": len(self.failed),
        }

    def left_out(self) -> list[dict[str, Any]]:
        rows = []
        for outcome, items in (
            ("not-article", self.not_articles),
            ("unsupported", self.unsupported),
            ("failed", self.failed),
        ):
            for item in items:
                rows.append(
                    {
                        "name": item.path,
                        "outcome": outcome,
                        "reason": item.reason,
                        "named": item.named,
                    }
                )
        return rows

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "added": self.added,
            "updated": self.updated,
            "skipped": self.skipped,
            "failed": [{"path": f.path, "reason": f.reason} for f in self.failed],
            "seconds": round(self.seconds, 3),
            "counts": self.counts(),
            "left_out": self.left_out(),
            "jobs": self.jobs,
        }


@dataclass
class Trend:
    """Document counts per period (``by``: year or month), optionally one series per
    actor, theme or source (``split``). A document whose date is less precise than the
    period (a year-only date in a monthly trend) is counted in ``imprecise``, never
    guessed into a period; documents without a date are counted in ``undated``."""

    query: dict[str, Any]
    by: str
    split: str | None
    periods: list[str]
    series: list[tuple[str, list[int]]]
    total: int
    undated: int = 0
    imprecise: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "query": self.query,
            "by": self.by,
            "split": self.split,
            "periods": self.periods,
            "series": [
                {"name": name, "counts": counts, "total": sum(counts)}
                for name, counts in self.series
            ],
            "total": self.total,
            "undated": self.undated,
            "imprecise": self.imprecise,
        }

    def rows(self) -> list[dict[str, Any]]:
        """One row per period and series, for CSV."""
        return [
            {"period": period, "series": name, "count": counts[i]}
            for name, counts in self.series
            for i, period in enumerate(self.periods)
        ]


@dataclass
class Suggestion:
    """ "Did you mean": the query with each ``(typed, suggested)`` change made, and how
    many documents it finds."""

    changes: list[tuple[str, str]]
    query: Any  # a corpus_search.query.Query
    total: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "changes": [{"typed": a, "suggested": b} for a, b in self.changes],
            "text": self.query.text,
            "total": self.total,
        }


@dataclass
class ActorCount:
    """An actor and how many documents mention it (``key_documents``: where it is key)."""

    name: str
    type: str | None
    code: str | None
    documents: int
    key_documents: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type,
            "code": self.code,
            "documents": self.documents,
            "key_documents": self.key_documents,
        }


@dataclass
class CoMention:
    """An actor mentioned alongside another: ``together`` documents name both, out of
    ``documents`` naming this one; ``lift`` = P(both) / (P(this) P(other)), ``pmi`` its
    base-2 logarithm."""

    name: str
    type: str | None
    code: str | None
    together: int
    documents: int
    lift: float
    pmi: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type,
            "code": self.code,
            "together": self.together,
            "documents": self.documents,
            "lift": round(self.lift, 3),
            "pmi": round(self.pmi, 3),
        }
