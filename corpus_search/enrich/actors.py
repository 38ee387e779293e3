"""The gazetteer of actors (countries, persons, organisations, groups) and the tagger.

Data lives in ``data/countries.json`` (an overlay on pycountry's ISO 3166 names),
``data/persons.json`` and ``data/organizations.json``; a user file in the same shape
adds entries or replaces built-in ones by name (``Gazetteer.load(extra=[path])``).

Matching rules, shared by every entry:
- surface forms are matched case-sensitively on token boundaries ("US" is not "us");
- at each position the longest form wins ("People's Republic of China" before
  "Republic of China" before "China");
- ``blockers`` are forms that contain an actor's name but mean something else
  ("Atlanta, Georgia", "South China Sea"): they are matched like any form and dropped;
- a person's ``short`` forms ("Xi", "Kim") count only when the same document also names
  that person by a full form or a title form ("President Xi").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from corpus_search.document import ActorMention
from corpus_search.errors import InputError

_TOKEN = re.compile(r"\w+|[^\w\s]")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


def tokenize(text: str) -> list[tuple[str, int]]:
    """Tokens (word runs and single punctuation marks) with their character offsets."""
    return [(m.group(), m.start()) for m in _TOKEN.finditer(text.translate(_APOSTROPHES))]


def _form_tokens(form: str) -> tuple[str, ...]:
    return tuple(tok for tok, _ in tokenize(form))


@dataclass(frozen=True)
class Actor:
    name: str
    type: str  # country | person | organization | group
    code: str | None = None  # ISO alpha-3 of the country, or of the state it belongs to
    forms: tuple[str, ...] = ()  # always mean this actor
    short: tuple[str, ...] = ()  # count only once the actor is named in full


class Gazetteer:
    def __init__(self, actors: Iterable[Actor], blockers: Iterable[str] = ()) -> None:
        self.actors: dict[str, Actor] = {}
        for actor in actors:
            self.actors[actor.name] = actor  # later entries (user files) replace earlier ones
        self.blockers = tuple(dict.fromkeys(blockers))

    # -- loading -------------------------------------------------------------------

    @classmethod
    def load(cls, extra: Sequence[str | Path] = ()) -> Gazetteer:
        """The packaged gazetteer, extended or overridden by each file in ``extra``."""
        data_dir = resources.files("corpus_search.enrich") / "data"
        docs = [json.loads((data_dir / name).read_text("utf-8")) for name in _DATA_FILES]
        for path in extra:
            try:
                docs.append(json.loads(Path(path).read_text("utf-8")))
            except (OSError, ValueError) as exc:
                raise InputError(
                    f"cannot read gazetteer file {path}: {exc}",
                    "give a JSON file shaped like corpus_search/enrich/data/*.json",
                ) from None
        actors: list[Actor] = []
        blockers: list[str] = []
        for doc in docs:
            blockers.extend(doc.get("blockers", []))
            actors.extend(_country(entry) for entry in doc.get("countries", []))
            actors.extend(_person(entry) for entry in doc.get("persons", []))
            actors.extend(_org(entry, "organization") for entry in doc.get("organizations", []))
            actors.extend(_org(entry, "group") for entry in doc.get("groups", []))
        return cls(_with_iso_names(actors, set(blockers)), blockers)

    # -- lookup (queries) ----------------------------------------------------------

    @cached_property
    def _lookup(self) -> dict[str, Actor]:
        table: dict[str, Actor] = {}
        # Weakest first, so that stronger keys overwrite: short forms, forms, names.
        for actor in self.actors.values():
            for form in actor.short:
                table.setdefault(form.casefold(), actor)
        for actor in self.actors.values():
            for form in actor.forms:
                table[form.casefold()] = actor
        for actor in self.actors.values():
            table[actor.name.casefold()] = actor
            if actor.code and actor.type == "country":
                table.setdefault(actor.code.casefold(), actor)
        return table

    def resolve(self, text: str) -> Actor | None:
        """The actor a user means by ``text`` ("PRC", "kremlin", "President Xi"), if any."""
        return self._lookup.get(" ".join(text.split()).casefold())

    # -- tagging -------------------------------------------------------------------

    @cached_property
    def _index(self) -> tuple[dict[str, list[tuple[tuple[str, ...], int]]], dict[str, list[int]]]:
        """First token -> [(form tokens, actor number or -1 for a blocker)], longest first;
        and short form -> [actor numbers]."""
        self._actor_list = list(self.actors.values())
        index: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        seen: set[tuple[str, ...]] = set()
        entries: list[tuple[tuple[str, ...], int]] = []
        for form in self.blockers:  # blockers first: a form that is both is dropped
            entries.append((_form_tokens(form), -1))
        for number, actor in enumerate(self._actor_list):
            entries.extend((_form_tokens(f), number) for f in actor.forms)
        for tokens, number in entries:
            if tokens and tokens not in seen:
                seen.add(tokens)
                index.setdefault(tokens[0], []).append((tokens, number))
        for candidates in index.values():
            candidates.sort(key=lambda item: -len(item[0]))
        short: dict[str, list[int]] = {}
        for number, actor in enumerate(self._actor_list):
            for form in actor.short:
                short.setdefault(form, []).append(number)
        return index, short

    def tag(self, text: str) -> list[ActorMention]:
        """Every actor ``text`` mentions, with counts and first offsets, most mentioned first."""
        index, short_index = self._index
        tokens = tokenize(text)
        words = [tok for tok, _ in tokens]
        counts: dict[int, int] = {}
        first: dict[int, int] = {}
        last_seen: dict[int, int] = {}
        pending: list[tuple[int, list[int], int]] = []  # (token index, candidates, offset)
        i, n = 0, len(words)
        while i < n:
            step = 1
            for form, number in index.get(words[i], ()):
                size = len(form)
                if size == 1 or tuple(words[i : i + size]) == form:
                    if number >= 0:
                        counts[number] = counts.get(number, 0) + 1
                        first.setdefault(number, tokens[i][1])
                        last_seen[number] = i
                    step = size
                    break
            else:
                if words[i] in short_index:
                    pending.append((i, short_index[words[i]], tokens[i][1]))
            i += step
        for position, candidates, offset in pending:
            named = [c for c in candidates if c in counts]
            if not named:
                continue
            # The person named most recently before this point, else the first named.
            before = [c for c in named if last_seen.get(c, n) < position]
            chosen = (
                max(before, key=lambda c: last_seen[c])
                if before
                else min(named, key=lambda c: first[c])
            )
            counts[chosen] += 1
            first[chosen] = min(first[chosen], offset)
        mentions = [
            ActorMention(
                name=self._actor_list[k].name,
                type=self._actor_list[k].type,
                code=self._actor_list[k].code,
                count=count,
                first=first[k],
            )
            for k, count in counts.items()
        ]
        mentions.sort(key=lambda m: (-m.count, m.first))
        return mentions


def mark_key_actors(mentions: list[ActorMention], lead_chars: int) -> list[ActorMention]:
    """Mark the salient actors: named in the title, standfirst or first paragraph (the
    first ``lead_chars`` characters), or mentioned at least 3 times and at least a third
    as often as the most mentioned actor."""
    if not mentions:
        return mentions
    top = max(m.count for m in mentions)
    return [
        replace(m, key=m.first < lead_chars or (m.count >= 3 and 3 * m.count >= top))
        for m in mentions
    ]


_DATA_FILES = ("countries.json", "persons.json", "organizations.json")


def _strings(entry: dict[str, Any], key: str) -> list[str]:
    return [str(v) for v in entry.get(key) or [] if str(v).strip()]


def _country(entry: dict[str, Any]) -> Actor:
    name = str(entry["name"])
    forms = [name, *_strings(entry, "aliases"), *_strings(entry, "demonyms")]
    forms += _strings(entry, "metonyms")
    return Actor(name, "country", entry.get("code"), tuple(dict.fromkeys(forms)))


def _person(entry: dict[str, Any]) -> Actor:
    name = str(entry["name"])
    short = _strings(entry, "short")
    titled = [f"{title} {s}" for title in _strings(entry, "titles") for s in short]
    forms = [name, *_strings(entry, "aliases"), *titled]
    return Actor(name, "person", entry.get("country"), tuple(dict.fromkeys(forms)), tuple(short))


def _org(entry: dict[str, Any], kind: str) -> Actor:
    name = str(entry["name"])
    forms = [name, *_strings(entry, "aliases")]
    return Actor(name, kind, entry.get("country"), tuple(dict.fromkeys(forms)))


def _with_iso_names(actors: list[Actor], blockers: set[str]) -> list[Actor]:
    """Add pycountry's ISO names ("Russian Federation", "Republic of Korea") to each
    country, unless a form is a blocker, has a comma ("Korea, Republic of") or is
    already claimed by another actor."""
    import pycountry

    claimed = {form for actor in actors for form in actor.forms}
    result = []
    for actor in actors:
        record = None
        if actor.type == "country" and actor.code:
            record = pycountry.countries.get(alpha_3=actor.code) or next(
                (h for h in pycountry.historic_countries if h.alpha_3 == actor.code), None
            )
        if record is None:
            result.append(actor)
            continue
        extra = [getattr(record, attr, None) for attr in ("name", "official_name", "common_name")]
        forms = list(actor.forms)
        for form in extra:
            if form and "," not in form and form not in blockers and form not in claimed:
                forms.append(form)
                claimed.add(form)
        result.append(Actor(actor.name, actor.type, actor.code, tuple(forms), actor.short))
    return result
