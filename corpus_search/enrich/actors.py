"""The gazetteer of actors (countries, persons, organisations, groups) and the tagger.

Data lives in ``data/countries.json`` (an overlay on pycountry's ISO 3166 names),
``data/persons.json`` and ``data/organizations.json``; a user file in the same shape
adds entries or replaces built-in ones by name (``Gazetteer.load(extra=[path])``).
Under them, ``data/persons_open.json`` and ``data/organizations_open.json``, generated
from open data by ``bench/build_gazetteer.py`` (sources in ``data/SOURCES.md``): an entry
or a form the curated or a user file has is theirs, never the generated entry's.

Matching rules, shared by every entry:
- surface forms are matched case-sensitively on token boundaries ("US" is not "us");
- at each position the longest form wins ("People's Republic of China" before
  "Republic of China" before "China");
- ``blockers`` are forms that contain an actor's name but mean something else
  ("Atlanta, Georgia", "South China Sea"): they are matched like any form and dropped;
- a person's ``short`` forms ("Xi", "Kim") count only when the same document also names
  that person by a full form or a title form ("President Xi"); so does a form that two
  actors share ("President Bush"), and it goes to the one named most recently before it;
- context rules, driven by lists in ``countries.json``: a capital used as a venue ("talks
  in Vienna", "the Vienna agreement") is a place, not a government (seats of power such
  as the Kremlin are exempt, and "in Moscow's view" still counts); a country name that is also a given name
  or a US place ("Chad Bown", "Macon, Georgia") does not count beside a capitalised word
  that is neither an actor nor an office; a historic state takes over its successor's
  metonyms in a document that names only the historic one ("Moscow" in 1972 is the
  Soviet Union); a state body whose name contains its state ("US Navy", "Russian
  Ministry of Defence") also counts as a mention of that state.
"""

from __future__ import annotations

import gc
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cache, cached_property
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


@contextmanager
def _paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while tens of thousands of tuples are made (the
    gazetteer's load and index: a third of their time went to collections that free
    nothing)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@cache
def _form_tokens(form: str) -> tuple[str, ...]:
    if form.replace(" ", "").isalnum():  # words and spaces only: most forms, and faster
        return tuple(form.split())
    return tuple(_TOKEN.findall(form.translate(_APOSTROPHES)))


@dataclass(frozen=True)
class Actor:
    name: str
    type: str  # country | person | organization | group
    code: str | None = None  # ISO alpha-3 of the country, or of the state it belongs to
    forms: tuple[str, ...] = ()  # always mean this actor
    short: tuple[str, ...] = ()  # count only once the actor is named in full
    metonyms: tuple[str, ...] = ()  # forms (among ``forms``) that name a capital or seat
    metonyms_of: str | None = None  # historic state: takes over this code's metonyms
    nested: bool = False  # a state body whose name may contain its state's name
    generated: bool = False  # from the open-data files (persons_open.json, ...)


@dataclass(frozen=True)
class Rules:
    """The context rules' word lists (top-level keys of the gazetteer files)."""

    seats_of_power: frozenset[str] = frozenset()
    venue_words: frozenset[str] = frozenset()
    venue_nouns: frozenset[str] = frozenset()
    given_names: frozenset[str] = frozenset()
    us_place_names: frozenset[str] = frozenset()
    us_states: frozenset[str] = frozenset()
    name_particles: frozenset[str] = frozenset()
    office_words: frozenset[str] = frozenset()  # first words of persons' titles


_METONYM, _SEAT, _SHARED = 1, 2, 3
_Candidate = tuple[tuple[str, ...], int, int]  # form tokens, actor number, kind
_Node = list[Any]  # [the candidate that ends here or None, {next token: node}]
_NONE: list[_Candidate] = []
_SENTENCE_END = frozenset('.!?:;"“”()')
_NOT_NESTED = frozenset({"company", "think-tank", "media"})


class Gazetteer:
    def __init__(
        self, actors: Iterable[Actor], blockers: Iterable[str] = (), rules: Rules | None = None
    ) -> None:
        self.actors: dict[str, Actor] = {}
        for actor in actors:
            self.actors[actor.name] = actor  # later entries (user files) replace earlier ones
        self.blockers = tuple(dict.fromkeys(blockers))
        self.rules = rules or Rules()

    # -- loading -------------------------------------------------------------------

    @classmethod
    def load(cls, extra: Sequence[str | Path] = ()) -> Gazetteer:
        """The packaged gazetteer, extended or overridden by each file in ``extra``."""
        with _paused_gc():
            return cls._load(extra)

    @classmethod
    def _load(cls, extra: Sequence[str | Path]) -> Gazetteer:
        data_dir = resources.files("corpus_search.enrich") / "data"
        docs = [json.loads((data_dir / name).read_text("utf-8")) for name in _DATA_FILES]
        generated = [json.loads((data_dir / name).read_text("utf-8")) for name in _OPEN_FILES]
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
        lists: dict[str, set[str]] = {key: set() for key in _RULE_KEYS}
        for doc in docs:
            blockers.extend(doc.get("blockers", []))
            for key in _RULE_KEYS:
                lists[key].update(str(v) for v in doc.get(key, []))
            actors.extend(_country(entry) for entry in doc.get("countries", []))
            actors.extend(_person(entry) for entry in doc.get("persons", []))
            actors.extend(_org(entry, "organization") for entry in doc.get("organizations", []))
            actors.extend(_org(entry, "group") for entry in doc.get("groups", []))
            for entry in doc.get("persons", []):
                for title in _strings(entry, "titles"):
                    lists["office_words"].add(title.split()[0])
        rules = Rules(**{key: frozenset(values) for key, values in lists.items()})
        actors = _with_iso_names(actors, set(blockers))
        return cls(_open_actors(generated, actors, set(blockers)) + actors, blockers, rules)

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
    def _index(
        self,
    ) -> tuple[dict[str, list[tuple[tuple[str, ...], int, int]]], dict[str, list[int]]]:
        with _paused_gc():
            return self._build_index()

    def _build_index(
        self,
    ) -> tuple[dict[str, list[tuple[tuple[str, ...], int, int]]], dict[str, list[int]]]:
        """First token -> [(form tokens, actor number or -1 for a blocker, kind)], longest
        first, where kind marks metonyms and seats of power; and short form -> [actor
        numbers]."""
        self._actor_list = list(self.actors.values())
        index: dict[str, list[tuple[tuple[str, ...], int, int]]] = {}
        seen: set[tuple[str, ...]] = set()
        entries: list[tuple[tuple[str, ...], int, int]] = []
        for form in self.blockers:  # blockers first: a form that is both is dropped
            entries.append((_form_tokens(form), -1, 0))
        seats = self.rules.seats_of_power
        owners: dict[tuple[str, ...], list[int]] = {}
        for number, actor in enumerate(self._actor_list):
            for f in actor.forms:
                claim = owners.setdefault(_form_tokens(f), [])
                if number not in claim:
                    claim.append(number)
        # A form two actors share ("President Bush") is resolved like a short form: to
        # the one of them the document names in full, else not at all.
        self._shared: list[list[int]] = []
        shared_seen: set[tuple[str, ...]] = set()
        for number, actor in enumerate(self._actor_list):
            for f in actor.forms:
                tokens = _form_tokens(f)
                if len(owners[tokens]) > 1:
                    if owners[tokens][0] == number and tokens not in shared_seen:
                        shared_seen.add(tokens)
                        entries.append((tokens, len(self._shared), _SHARED))
                        self._shared.append(owners[tokens])
                    continue
                kind = (_SEAT if f in seats else _METONYM) if f in actor.metonyms else 0
                entries.append((tokens, number, kind))
        for tokens, number, kind in entries:
            if tokens and tokens not in seen:
                seen.add(tokens)
                index.setdefault(tokens[0], []).append((tokens, number, kind))
        for candidates in index.values():
            candidates.sort(key=lambda item: -len(item[0]))
        # The tagger finds the longest form at a position by walking a tree of tokens, so
        # a common start ("U.S.", "United States", "House Committee on") costs one step a
        # token, not a comparison with each of the hundreds of forms that share it.
        trie: dict[str, _Node] = {}
        for candidates in index.values():
            for candidate in candidates:
                tokens = candidate[0]
                node = trie.setdefault(tokens[0], [None, {}])
                for token in tokens[1:]:
                    node = node[1].setdefault(token, [None, {}])
                node[0] = candidate
        self._trie = trie
        # First tokens of the curated forms: the context rules' notion of "a word that
        # starts an actor" (the generated files do not change those rules).
        self._heads = frozenset(
            _form_tokens(f)[0]
            for a in self._actor_list
            if not a.generated
            for f in a.forms
            if _form_tokens(f)
        ) | frozenset(t[0] for t in (_form_tokens(b) for b in self.blockers) if t)
        short: dict[str, list[int]] = {}
        for number, actor in enumerate(self._actor_list):
            for form in actor.short:
                short.setdefault(form, []).append(number)
        return index, short

    def tag(self, text: str) -> list[ActorMention]:
        """Every actor ``text`` mentions, with counts and first offsets, most mentioned first."""
        _, short_index = self._index
        trie = self._trie
        actors = self._actor_list
        tokens = tokenize(text)
        words = [tok for tok, _ in tokens]
        counts: dict[int, int] = {}
        by_metonym: dict[int, int] = {}
        first: dict[int, int] = {}
        last_seen: dict[int, int] = {}
        in_actor: set[int] = set()  # token positions covered by a counted actor form
        pending: list[tuple[int, list[int], int]] = []  # (token index, candidates, offset)

        def count(number: int, position: int) -> None:
            counts[number] = counts.get(number, 0) + 1
            first.setdefault(number, tokens[position][1])
            last_seen[number] = position

        i, n = 0, len(words)
        while i < n:
            step = 1
            options: list[_Candidate] = _NONE
            node = trie.get(words[i])
            j = i + 1
            while node is not None:
                if node[0] is not None:
                    options = [node[0]]  # the longest form so far
                if j >= n or not node[1]:
                    break
                node = node[1].get(words[j])
                j += 1
            for form, number, kind in options:
                size = len(form)
                if size == 1 or tuple(words[i : i + size]) == form:
                    if kind == _SHARED:
                        pending.append((i, self._shared[number], tokens[i][1]))
                    elif number >= 0 and self._counts_here(
                        words, tokens, text, i, size, kind, in_actor
                    ):
                        count(number, i)
                        in_actor.update(range(i, i + size))
                        if kind:
                            by_metonym[number] = by_metonym.get(number, 0) + 1
                        if actors[number].nested and size > 1:
                            inner = self._inner_state(words, i, size, actors[number].code)
                            if inner is not None:
                                count(inner[0], inner[1])
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
        self._hand_over_metonyms(counts, by_metonym, first)
        mentions = [
            ActorMention(
                name=actors[k].name,
                type=actors[k].type,
                code=actors[k].code,
                count=count_,
                first=first[k],
            )
            for k, count_ in counts.items()
        ]
        mentions.sort(key=lambda m: (-m.count, m.first))
        return mentions

    def _counts_here(
        self,
        words: list[str],
        tokens: list[tuple[str, int]],
        text: str,
        i: int,
        size: int,
        kind: int,
        in_actor: set[int],
    ) -> bool:
        """Whether the form at ``words[i : i + size]`` names its actor in this context."""
        rules = self.rules
        after = words[i + size] if i + size < len(words) else ""
        if kind == _METONYM:
            if after in rules.venue_nouns:  # "the Vienna agreement", "the Washington summit"
                return False
            if i > 0 and words[i - 1] in rules.name_particles:  # "Ponte de Lima"
                return False
            possessive = after == "'" and i + size + 1 < len(words) and words[i + size + 1] == "s"
            if i > 0 and words[i - 1] in rules.venue_words and not possessive:
                return False
        if size != 1 or words[i] not in rules.given_names:
            return True
        if _name_like(after) and after not in rules.office_words and after not in self._heads:
            return False
        if i > 0:
            before = words[i - 1]
            starts = (
                i == 1
                or words[i - 2] in _SENTENCE_END
                or "\n" in text[tokens[i - 2][1] : tokens[i - 1][1]]
            )
            if (
                _name_like(before)
                and not starts
                and before not in rules.office_words
                and (i - 1) not in in_actor
            ):
                return False
            if (
                words[i] in rules.us_place_names
                and before == ","
                and i > 1
                and _name_like(words[i - 2])
                and (i - 2) not in in_actor
            ):
                return False
        return not (words[i] in rules.us_place_names and self._near_us_state(words, i))

    def _near_us_state(self, words: list[str], i: int) -> bool:
        """Another US state within three words ("Nevada, Kentucky, and Georgia")."""
        states = self.rules.us_states
        for j in range(max(0, i - 4), min(len(words), i + 5)):
            if j == i:
                continue
            if words[j] in states or " ".join(words[j : j + 2]) in states:
                return True
        return False

    def _inner_state(
        self, words: list[str], start: int, size: int, code: str | None
    ) -> tuple[int, int] | None:
        """The country (number, token position) named inside a state body's name."""
        index = self._index[0]
        for j in range(start, start + size):
            for form, number, kind in index.get(words[j], ()):
                if (
                    number >= 0
                    and kind != _SHARED
                    and self._actor_list[number].type == "country"
                    and self._actor_list[number].code == code
                    and j + len(form) <= start + size
                    and tuple(words[j : j + len(form)]) == form
                ):
                    return number, j
        return None

    def _hand_over_metonyms(
        self, counts: dict[int, int], by_metonym: dict[int, int], first: dict[int, int]
    ) -> None:
        """ "Moscow" means the Soviet Union in a document that names the Soviet Union and
        never names Russia by name or demonym."""
        for number in list(counts):
            code = self._actor_list[number].metonyms_of
            if not code:
                continue
            for other in list(counts):
                actor = self._actor_list[other]
                if (
                    actor.type == "country"
                    and actor.code == code
                    and by_metonym.get(other, 0) == counts[other]
                ):
                    counts[number] += counts.pop(other)
                    first[number] = min(first[number], first.pop(other))


def _name_like(word: str) -> bool:
    """A capitalised word such as a name ("Bown", "Macon"), not an acronym or a number."""
    return len(word) > 1 and word[0].isupper() and word[1:].islower() and word.isalpha()


# Salience, measured with ``python bench/eval_enrichment.py`` (the "key" row) on the
# labelled set's hand-marked key actors plus the seed's most salient four: the earlier
# rule (named anywhere in the first paragraph, or 3+ mentions and a third of the top
# count) marked every actor of a one-paragraph piece key (P 0.37, R 0.99); this one
# scores P 0.73, R 0.89.
KEY_MIN_COUNT = 2
KEY_MIN_SHARE = 0.25
_SENTENCE = re.compile(r"(?<![A-Z])[.!?][\"”’)]?\s+(?=[A-Z\"“‘(])")


def lead_length(head: str, body: str) -> int:
    """Characters of ``head`` (title and standfirst, joined by a newline) plus the first
    sentence of ``body``: where an actor named is key."""
    match = _SENTENCE.search(body)
    first = match.end() if match else len(body)
    return (len(head) + 1 if head else 0) + first


def mark_key_actors(mentions: list[ActorMention], lead_chars: int) -> list[ActorMention]:
    """Mark the salient actors: named in the title, standfirst or first sentence (the
    first ``lead_chars`` characters), or mentioned at least ``KEY_MIN_COUNT`` times and
    at least ``KEY_MIN_SHARE`` as often as the most mentioned actor."""
    if not mentions:
        return mentions
    top = max(m.count for m in mentions)
    return [
        replace(
            m,
            key=m.first < lead_chars
            or (m.count >= KEY_MIN_COUNT and m.count >= KEY_MIN_SHARE * top),
        )
        for m in mentions
    ]


_DATA_FILES = ("countries.json", "persons.json", "organizations.json")
# Generated from open data by bench/build_gazetteer.py (sources in data/SOURCES.md).
_OPEN_FILES = ("persons_open.json", "organizations_open.json")
_RULE_KEYS = (
    "seats_of_power",
    "venue_words",
    "venue_nouns",
    "given_names",
    "us_place_names",
    "us_states",
    "name_particles",
    "office_words",
)


def _strings(entry: dict[str, Any], key: str) -> list[str]:
    return [str(v) for v in entry.get(key) or [] if str(v).strip()]


def _country(entry: dict[str, Any]) -> Actor:
    name = str(entry["name"])
    forms = [name, *_strings(entry, "aliases"), *_strings(entry, "demonyms")]
    metonyms = _strings(entry, "metonyms")
    forms += metonyms
    return Actor(
        name,
        "country",
        entry.get("code"),
        tuple(dict.fromkeys(forms)),
        metonyms=tuple(metonyms),
        metonyms_of=entry.get("metonyms_of"),
    )


def _person(entry: dict[str, Any]) -> Actor:
    name = str(entry["name"])
    short = _strings(entry, "short")
    titled = [f"{title} {s}" for title in _strings(entry, "titles") for s in short]
    forms = [name, *_strings(entry, "aliases"), *titled]
    return Actor(name, "person", entry.get("country"), tuple(dict.fromkeys(forms)), tuple(short))


def _org(entry: dict[str, Any], kind: str) -> Actor:
    name = str(entry["name"])
    forms = [name, *_strings(entry, "aliases")]
    code = entry.get("country")
    nested = bool(code) and kind == "organization" and entry.get("kind") not in _NOT_NESTED
    return Actor(name, kind, code, tuple(dict.fromkeys(forms)), nested=nested)


def _open_actors(
    docs: list[dict[str, Any]], curated: list[Actor], blockers: set[str]
) -> list[Actor]:
    """The generated entries, under the curated and user ones: an entry the curated or
    a user file names is theirs, and so is every form they claim. (Built directly, not
    through ``_person``/``_org``: the files are machine-written and ten times the rest.)"""
    claimed = {form for actor in curated for form in (*actor.forms, *actor.short)}
    claimed |= {actor.name for actor in curated} | blockers
    result = []
    for doc in docs:
        for e in doc.get("persons", []):
            name = e["name"]
            if name in claimed:
                continue
            short = tuple(e.get("short") or ())
            titled = [f"{t} {s}" for t in e.get("titles") or () for s in short]
            forms = dict.fromkeys((name, *e.get("aliases", ()), *titled))
            result.append(
                Actor(
                    name,
                    "person",
                    e.get("country"),
                    tuple(f for f in forms if f not in claimed),
                    short,
                    generated=True,
                )
            )
        for e in doc.get("organizations", []):
            name = e["name"]
            if name in claimed:
                continue
            code = e.get("country")
            forms = dict.fromkeys((name, *e.get("aliases", ())))
            result.append(
                Actor(
                    name,
                    "organization",
                    code,
                    tuple(f for f in forms if f not in claimed),
                    nested=bool(code) and e.get("kind") not in _NOT_NESTED,
                    generated=True,
                )
            )
    return result


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
        result.append(replace(actor, forms=tuple(forms)))
    return result
