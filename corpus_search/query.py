"""What a search asks for: the ``Query`` options value shared by the CLI, the Python API
and the store, and its validation."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from corpus_search.dates import PartialDate
from corpus_search.errors import InvalidFilterError

SORTS = ("relevance", "date", "-date")
FACETS = ("actor", "theme", "source", "year", "author")
DEFAULT_FACETS = ("actor", "theme", "source", "year")


@dataclass
class Query:
    """A search. ``actors`` and ``themes`` are AND-ed groups of OR-ed names: repeating
    ``--actor`` narrows, ``"China|Russia"`` widens. ``sources`` and ``authors`` are OR-ed."""

    text: str = ""
    actors: list[list[str]] = field(default_factory=list)
    key_actors: list[list[str]] = field(default_factory=list)
    themes: list[list[str]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    since: PartialDate | None = None
    until: PartialDate | None = None
    sort: str = "relevance"
    limit: int | None = 10
    offset: int = 0
    facets: tuple[str, ...] = ()
    # False: hits carry no snippet ("") and no matched words; for scripts that only
    # need ids and counts (the snippets are most of a search's time)
    snippets: bool = True

    @classmethod
    def build(
        cls,
        text: str | None = "",
        *,
        actors: Iterable[str] | str | None = None,
        key_actors: Iterable[str] | str | None = None,
        themes: Iterable[str] | str | None = None,
        sources: Iterable[str] | str | None = None,
        authors: Iterable[str] | str | None = None,
        tags: Iterable[str] | str | None = None,
        since: str | PartialDate | None = None,
        until: str | PartialDate | None = None,
        sort: str = "relevance",
        limit: int | None = 10,
        offset: int = 0,
        facets: bool | Sequence[str] = False,
        snippets: bool = True,
    ) -> Query:
        """Validate and normalise loose values (strings, ``"a|b"`` alternatives)."""
        if not isinstance(snippets, bool):
            raise InvalidFilterError(
                f"snippets must be true or false, not {snippets!r}", 'write "snippets": false'
            )
        if sort not in SORTS:
            raise InvalidFilterError(f"unknown sort {sort!r}", f"use one of: {', '.join(SORTS)}")
        if limit is not None and limit < 0:
            raise InvalidFilterError("--limit must be 0 or more")
        if offset < 0:
            raise InvalidFilterError("--offset must be 0 or more")
        facet_names: tuple[str, ...] = ()
        if facets is True:
            facet_names = DEFAULT_FACETS
        elif facets:
            facet_names = tuple(facets)
            unknown = [f for f in facet_names if f not in FACETS]
            if unknown:
                raise InvalidFilterError(
                    f"unknown facet {unknown[0]!r}", f"use any of: {', '.join(FACETS)}"
                )
        query = cls(
            text=_without_nul(text or "").strip(),
            actors=_groups(actors),
            key_actors=_groups(key_actors),
            themes=_groups(themes),
            sources=[v for g in _groups(sources) for v in g],
            authors=[v for g in _groups(authors) for v in g],
            tags=[v for g in _groups(tags) for v in g],
            since=_date(since),
            until=_date(until),
            sort=sort,
            limit=limit,
            offset=offset,
            facets=facet_names,
            snippets=snippets,
        )
        if query.since and query.until and query.since.first_day() > query.until.last_day():
            raise InvalidFilterError(
                f"--since {query.since} is after --until {query.until}", "swap them"
            )
        return query

    def describe(self) -> dict[str, Any]:
        """The search as results report it (the ``query`` object of ``--json``)."""
        return {
            "text": self.text,
            "actors": self.actors,
            "key_actors": self.key_actors,
            "themes": self.themes,
            "sources": self.sources,
            "authors": self.authors,
            "since": str(self.since) if self.since else None,
            "until": str(self.until) if self.until else None,
            "sort": self.sort,
            "limit": self.limit,
            "offset": self.offset,
        }

    @property
    def has_filters(self) -> bool:
        return bool(
            self.actors
            or self.key_actors
            or self.themes
            or self.sources
            or self.authors
            or self.tags
            or self.since
            or self.until
        )


def _groups(values: Iterable[str] | str | None) -> list[list[str]]:
    if values is None:
        return []
    if isinstance(values, str):
        values = [values]
    groups = []
    for value in values:
        names = [part.strip() for part in _without_nul(str(value)).split("|") if part.strip()]
        if names:
            groups.append(names)
    return groups


def _without_nul(value: str) -> str:
    """NUL characters dropped: no stored document holds one (text is cleaned of control
    characters on the way in), and a PostgreSQL server refuses them in any value."""
    return value.replace("\x00", "")


def _date(value: str | PartialDate | None) -> PartialDate | None:
    if value is None or value == "":
        return None
    if isinstance(value, PartialDate):
        return value
    return PartialDate.parse(str(value))
