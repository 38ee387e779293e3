"""The compiled alias table: what ``--actor PRC`` or ``--theme "Nuclear weapons"`` stands
for, answered without loading the gazetteer and taxonomy (pycountry and some 1,500
entries, about a seventh of a second) on every query.

The table is built from the real ``Gazetteer.resolve`` and ``Taxonomy.resolve`` over every
form they know, so it answers exactly as they do, and kept in the corpus folder as
``aliases.json`` with a fingerprint of what it was built from (the packaged data files,
the user's own files, the code that resolves, pycountry). A different fingerprint, a
missing or unreadable file: the table is built again (and saved when the folder is
writable).

The forms of the entries generated from open data (``persons_open.json``,
``persons_world.json``, ``organizations_open.json``...: some 60,000 forms, eight times
the rest) are kept apart in
``aliases-open.json`` and read only when a name is not among the curated ones, so a query
for "Russia" or "PRC" reads no more than it did before they existed.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Sequence
from importlib.util import find_spec
from pathlib import Path
from typing import Any

FILE = "aliases.json"
OPEN_FILE = "aliases-open.json"
FORMAT = 2
_PACKAGE = Path(__file__).resolve().parent


def _actor_key(value: str) -> str:
    return " ".join(value.split()).casefold()


def _theme_key(value: str) -> str:
    return value.strip().casefold().replace(" ", "-").replace("_", "-")


class AliasTable:
    def __init__(
        self,
        actors: dict[str, str],
        theme_ids: dict[str, str],
        theme_labels: dict[str, str],
        open_actors: dict[str, str] | Callable[[], dict[str, str]] | None = None,
    ) -> None:
        self.actors = actors  # forms of the curated entries
        self.theme_ids = theme_ids
        self.theme_labels = theme_labels
        self._open_actors = open_actors if open_actors is not None else {}

    @property
    def open_actors(self) -> dict[str, str]:
        """Forms of the generated entries, read on first need."""
        if callable(self._open_actors):
            self._open_actors = self._open_actors()
        return self._open_actors

    def actor(self, value: str) -> str | None:
        key = _actor_key(value)
        found = self.actors.get(key)
        return found if found is not None else self.open_actors.get(key)

    def theme(self, value: str) -> str | None:
        found = self.theme_ids.get(_theme_key(value))
        return found if found is not None else self.theme_labels.get(value.casefold())

    @classmethod
    def build(cls, enricher: Any) -> AliasTable:
        """Ask the enricher's own resolvers about every form they know."""
        gazetteer, taxonomy = enricher.gazetteer, enricher.taxonomy
        actors: dict[str, str] = {}
        open_actors: dict[str, str] = {}
        for actor in gazetteer.actors.values():
            forms = [*actor.short, *actor.forms, actor.name]
            if actor.code:
                forms.append(actor.code)
            for form in forms:
                found = gazetteer.resolve(form)
                if found is not None:
                    part = open_actors if getattr(found, "generated", False) else actors
                    part[_actor_key(form)] = found.name
        theme_ids: dict[str, str] = {}
        theme_labels: dict[str, str] = {}
        for theme in taxonomy.themes.values():
            by_id = taxonomy.resolve(theme.id)
            if by_id is not None and _theme_key(theme.id) == theme.id:
                theme_ids[theme.id] = by_id.id
            by_label = taxonomy.resolve(theme.label)
            if by_label is not None:
                theme_labels.setdefault(theme.label.casefold(), by_label.id)
        return cls(actors, theme_ids, theme_labels, open_actors)

    @classmethod
    def open(
        cls,
        folder: Path,
        gazetteer_files: Sequence[str | Path],
        taxonomy_files: Sequence[str | Path],
        enricher: Callable[[], Any],
    ) -> AliasTable:
        """The table saved in ``folder`` if it is current, else one built (and saved)."""
        stamp = fingerprint(gazetteer_files, taxonomy_files)
        path = folder / FILE
        try:
            data = json.loads(path.read_text("utf-8"))
            if data.get("format") == FORMAT and data.get("fingerprint") == stamp:

                def read_open() -> dict[str, str]:
                    try:
                        more = json.loads((folder / OPEN_FILE).read_text("utf-8"))
                        if more.get("format") == FORMAT and more.get("fingerprint") == stamp:
                            return dict(more["actors"])
                    except (OSError, ValueError, KeyError, TypeError, AttributeError):
                        pass
                    table = cls.build(enricher())  # missing or stale: build both again
                    table.save(path, stamp)
                    return table.open_actors

                return cls(data["actors"], data["theme_ids"], data["theme_labels"], read_open)
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass
        table = cls.build(enricher())
        table.save(path, stamp)
        return table

    def save(self, path: Path, stamp: str) -> None:
        data = {
            "format": FORMAT,
            "fingerprint": stamp,
            "actors": self.actors,
            "theme_ids": self.theme_ids,
            "theme_labels": self.theme_labels,
        }
        more = {"format": FORMAT, "fingerprint": stamp, "actors": self.open_actors}
        # The open part first: a reader that finds the main file current finds it current.
        for target, content in ((path.with_name(OPEN_FILE), more), (path, data)):
            temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            try:
                temporary.write_text(json.dumps(content, ensure_ascii=False), "utf-8")
                os.replace(temporary, target)
            except OSError:  # a read-only corpus folder: answer from memory this time
                temporary.unlink(missing_ok=True)
                return


def fingerprint(gazetteer_files: Sequence[str | Path], taxonomy_files: Sequence[str | Path]) -> str:
    """Size and modification time of everything the table is built from."""
    sources = sorted((_PACKAGE / "enrich" / "data").glob("*.json"))
    sources += [_PACKAGE / "enrich" / name for name in ("actors.py", "themes.py", "__init__.py")]
    sources += [Path(p) for p in (*gazetteer_files, *taxonomy_files)]
    spec = find_spec("pycountry")
    if spec is not None and spec.origin:
        sources.append(Path(spec.origin))
    parts = []
    for source in sources:
        try:
            stat = source.stat()
            parts.append(f"{source.resolve()}:{stat.st_size}:{stat.st_mtime_ns}")
        except OSError:
            parts.append(f"{source}:missing")
    return hashlib.sha1("\n".join(parts).encode("utf-8")).hexdigest()
