"""Site profiles: one JSON data file per think tank (``sites/data/<name>.json``), plus the
user's own files (``$CORPUS_SEARCH_SITES``: paths separated by ``os.pathsep``, each a
profile file or a folder of them; a user profile with a packaged name replaces it).

A profile says which hosts belong to the site, how to discover its articles (sources in
order of preference: ``sitemap``, ``feed``, ``wp-api``, ``listing``; each with the
evidence for it), which URL paths are articles (regular expressions on the path) and
which are not, the per-host delay it deserves, and ``verified``: what is actually known
about the site, in words, shown by ``corpus-search sites``.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from corpus_search.errors import InputError

SITES_ENV = "CORPUS_SEARCH_SITES"
KINDS = ("sitemap", "feed", "wp-api", "listing", "page")


@dataclass(frozen=True)
class Source:
    kind: str
    url: str
    evidence: str = ""


@dataclass(frozen=True)
class Profile:
    name: str
    title: str
    hosts: tuple[str, ...]
    discovery: tuple[Source, ...]
    articles: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    delay: float = 1.0
    verified: str = ""
    notes: str = ""
    origin: str = "packaged"
    patterns: tuple[re.Pattern[str], ...] = field(default=(), compare=False, repr=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any], origin: str = "packaged") -> Profile:
        try:
            discovery = tuple(
                Source(str(s["kind"]), str(s["url"]), str(s.get("evidence", "")))
                for s in data["discovery"]
            )
            bad = [s.kind for s in discovery if s.kind not in KINDS]
            if bad:
                raise ValueError(f"unknown discovery kind {bad[0]!r}")
            articles = tuple(str(p) for p in data.get("articles", []))
            return cls(
                name=str(data["name"]).lower(),
                title=str(data.get("title") or data["name"]),
                hosts=tuple(str(h).lower() for h in data["hosts"]),
                discovery=discovery,
                articles=articles,
                exclude=tuple(str(p) for p in data.get("exclude", [])),
                delay=float(data.get("delay", 1.0)),
                verified=str(data.get("verified", "")),
                notes=str(data.get("notes", "")),
                origin=origin,
                patterns=tuple(re.compile(p) for p in articles),
            )
        except (KeyError, TypeError, ValueError, re.error) as exc:
            raise InputError(
                f"site profile {origin}: {type(exc).__name__}: {exc}",
                "see corpus_search/sites/data/*.json for the shape",
            ) from None

    def is_article_url(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.netloc.lower() not in self.hosts:
            return False
        if any(re.search(p, parts.path) for p in self.exclude):
            return False
        return any(p.search(parts.path) for p in self.patterns)

    @property
    def evidence_level(self) -> str:
        """Inferred when the profile rests on inference (its ``verified`` text says so
        first), else third-party: reported by other crawlers' code and tests."""
        return "inferred" if self.verified.lower().startswith("inferred") else "third-party"

    @property
    def known(self) -> str:
        """``verified`` without its leading "inferred:" label."""
        text = self.verified
        return text.split(":", 1)[1].strip() if self.evidence_level == "inferred" else text

    def rebased(self, base_url: str) -> Profile:
        """The same profile pointed at another server (tests and mirrors): every source
        URL keeps its path and query but takes ``base_url``'s scheme and host."""
        base = urlsplit(base_url)

        def move(url: str) -> str:
            parts = urlsplit(url)
            return urlunsplit((base.scheme, base.netloc, parts.path, parts.query, ""))

        return replace(
            self,
            hosts=(base.netloc.lower(),),
            discovery=tuple(replace(s, url=move(s.url)) for s in self.discovery),
        )


def _packaged() -> list[tuple[str, str]]:
    folder = resources.files(__package__) / "data"
    return [
        (entry.name, entry.read_text("utf-8"))
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".json")
    ]


def _user_files(extra: list[Path]) -> list[Path]:
    paths = list(extra)
    for part in (os.environ.get(SITES_ENV) or "").split(os.pathsep):
        if part.strip():
            paths.append(Path(part.strip()))
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(path.glob("*.json")))
        elif path.exists():
            files.append(path)
        else:
            raise InputError(f"site profile file not found: {path}", f"check ${SITES_ENV}")
    return files


def load_profiles(extra: list[Path] | None = None) -> dict[str, Profile]:
    """Every profile by name: packaged first, then the user's files over them."""
    profiles: dict[str, Profile] = {}
    for name, text in _packaged():
        profile = Profile.from_dict(json.loads(text), origin=f"packaged:{name}")
        profiles[profile.name] = profile
    for path in _user_files(list(extra or [])):
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise InputError(f"site profile {path}: cannot read ({exc})") from None
        for item in data if isinstance(data, list) else [data]:
            profile = Profile.from_dict(item, origin=str(path))
            profiles[profile.name] = profile
    return profiles


def get_profile(name: str, extra: list[Path] | None = None) -> Profile:
    profiles = load_profiles(extra)
    try:
        return profiles[name.lower()]
    except KeyError:
        raise InputError(
            f"no site profile named {name!r}",
            f"'corpus-search sites' lists them ({', '.join(sorted(profiles))}); "
            "or crawl any site with --url",
        ) from None
