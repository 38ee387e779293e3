"""The value types that flow through the pipeline: Document, Author, ActorMention, ThemeScore.

A ``Document`` is plain data. ``to_dict``/``from_dict`` define the JSON contract that
``show --format json``, ``export --format jsonl`` and ``ingest`` of ``.jsonl`` share
(documented in the README; bump ``SCHEMA_VERSION`` on any incompatible change).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from corpus_search.dates import PartialDate
from corpus_search.errors import CorpusSearchError, InputError
from corpus_search.safety import sanitize, sanitize_line

SCHEMA_VERSION = 1

ACTOR_TYPES = ("country", "person", "organization", "group")


@dataclass(frozen=True)
class Author:
    """A person credited with a document; ``role`` as printed ("Associate Fellow")."""

    name: str
    role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role}


@dataclass(frozen=True)
class ActorMention:
    """An actor a document discusses. ``code`` is ISO alpha-3 for countries (SUN for the
    Soviet Union) and the state a person or organisation belongs to, where that is a fact."""

    name: str
    type: str
    code: str | None = None
    count: int = 1
    first: int = 0  # character offset of the first mention in title + standfirst + body
    key: bool = False  # salient: named in the title or lead, or discussed throughout
    # False: named in the text by a role or title cue ("Senator Jane Roe", "the Ministry
    # of Water") but not in the gazetteer, so not resolved to a canonical actor.
    known: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type,
            "code": self.code,
            "count": self.count,
            "first": self.first,
            "key": self.key,
            "known": self.known,
        }


@dataclass(frozen=True)
class ThemeScore:
    """A theme of the taxonomy a document is about, with its score in 0..1."""

    id: str
    score: float
    key: bool = False  # one of the one or two themes the document is most about

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "score": self.score, "key": self.key}


@dataclass
class Document:
    """One extracted, enriched article: its metadata, clean body text, actors, themes and
    dates. ``to_dict()``/``from_dict()`` give the JSON schema's shape (``docs/json-schema.md``)."""

    id: str
    url: str | None = None
    source: str | None = None
    title: str | None = None
    subtitle: str | None = None
    authors: list[Author] = field(default_factory=list)
    published: PartialDate | None = None
    published_from: str | None = None  # where the date was read ("json-ld datePublished", ...)
    updated: PartialDate | None = None
    language: str | None = None
    sections: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    body: str = ""
    actors: list[ActorMention] = field(default_factory=list)
    themes: list[ThemeScore] = field(default_factory=list)
    mentioned_years: list[int] = field(default_factory=list)
    mentioned_dates: list[str] = field(default_factory=list)
    content_hash: str = ""
    fetched_at: str | None = None
    enriched: bool = False  # True once actors/themes/years were computed (or supplied)

    def __post_init__(self) -> None:
        if not self.content_hash:
            self.content_hash = content_hash(self.body)

    def sanitized(self) -> Document:
        """A copy with terminal escapes and control characters removed from every text
        field (what ``from_dict`` does on the way in, for Documents built in code)."""
        clean = Document.from_dict(self.to_dict())
        clean.enriched = self.enriched
        return clean

    @property
    def display_title(self) -> str:
        """The title, or a marked fallback for documents that print none."""
        if self.title:
            return self.title
        lead = (self.subtitle or self.body).strip()
        first = re.split(r"(?<=[.!?])\s", lead, maxsplit=1)[0] if lead else ""
        return f"[untitled] {first[:120]}" if first else "[untitled]"

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": SCHEMA_VERSION,
            "id": self.id,
            "url": self.url,
            "source": self.source,
            "title": self.title,
            "subtitle": self.subtitle,
            "authors": [a.to_dict() for a in self.authors],
            "published": str(self.published) if self.published else None,
            "published_from": self.published_from,
            "updated": str(self.updated) if self.updated else None,
            "language": self.language,
            "sections": list(self.sections),
            "tags": list(self.tags),
            "body": self.body,
            "actors": [a.to_dict() for a in self.actors],
            "themes": [t.to_dict() for t in self.themes],
            "mentioned_years": list(self.mentioned_years),
            "mentioned_dates": list(self.mentioned_dates),
            "content_hash": self.content_hash,
            "fetched_at": self.fetched_at,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, trusted: bool = False) -> Document:
        """Build a Document from the JSON contract. Missing ``id`` is derived from ``url``
        or the body; a record without ``actors`` and ``themes`` is marked not enriched.
        Text is sanitized, unless ``trusted``: the record is the store's own copy of a
        document that was sanitized on its way in (reading it back is then faster)."""
        line = _same if trusted else sanitize_line
        text = _same if trusted else sanitize
        if not isinstance(data, dict):
            raise InputError("a document must be a JSON object")
        body = data.get("body")
        if not isinstance(body, str) or not body.strip():
            raise InputError("a document needs a non-empty 'body' string")
        url = _opt_str(line, data, "url")
        doc_id = _opt_str(line, data, "id") or (id_for_url(url) if url else id_for_content(body))
        try:
            authors = [_author(line, a) for a in _list(data, "authors")]
            actors = [
                ActorMention(
                    name=line(str(a["name"])),
                    type=str(a.get("type") or "organization"),
                    code=a.get("code"),
                    count=int(a.get("count") or 1),
                    first=int(a.get("first") or 0),
                    key=bool(a.get("key", False)),
                    known=a.get("known", True) is not False,
                )
                for a in _list(data, "actors")
            ]
            themes = [
                ThemeScore(
                    id=str(t["id"]),
                    score=float(t.get("score") or 0.0),
                    key=bool(t.get("key", False)),
                )
                for t in _list(data, "themes")
            ]
            years = [int(y) for y in _list(data, "mentioned_years")]
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise InputError(f"malformed document field: {exc}") from None
        try:
            published = _opt_date(data.get("published"))
            updated = _opt_date(data.get("updated"))
        except CorpusSearchError as exc:
            raise InputError(f"malformed date: {exc.message}", exc.hint) from None
        return cls(
            id=doc_id,
            url=url,
            source=_opt_str(line, data, "source"),
            title=_opt_str(line, data, "title"),
            subtitle=_opt_str(line, data, "subtitle"),
            authors=authors,
            published=published,
            published_from=_opt_str(line, data, "published_from"),
            updated=updated,
            language=_opt_str(line, data, "language"),
            sections=[line(str(s)) for s in _list(data, "sections")],
            tags=[line(str(t)) for t in _list(data, "tags")],
            body=text(body),
            actors=actors,
            themes=themes,
            mentioned_years=years,
            mentioned_dates=[str(d) for d in _list(data, "mentioned_dates")],
            content_hash=_opt_str(line, data, "content_hash") or "",
            fetched_at=_opt_str(line, data, "fetched_at"),
            enriched="actors" in data and "themes" in data,
        )


def _opt_str(line: Callable[[str], str], data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None or value == "":
        return None
    return line(str(value)) or None


def _same(text: str) -> str:
    return text


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise InputError(f"'{key}' must be a list, not {type(value).__name__}")
    return value


def _opt_date(value: Any) -> PartialDate | None:
    # Accept "2025", "2025-05", "2025-05-08" and ISO timestamps ("2025-05-08T09:30:00Z").
    return PartialDate.parse(str(value)[:10]) if value else None


def _author(line: Callable[[str], str], value: Any) -> Author:
    if isinstance(value, str):
        return Author(line(value))
    role = value.get("role")
    return Author(line(str(value["name"])), line(str(role)) if role else None)


def content_hash(text: str) -> str:
    """Hash of the whitespace-normalised body: the same article saved twice hashes alike."""
    normal = " ".join(text.split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:32]


def id_for_url(url: str) -> str:
    return hashlib.sha1(url.strip().encode("utf-8")).hexdigest()[:16]


def id_for_content(text: str) -> str:
    return content_hash(text)[:16]
