"""The gazetteer of actors (countries, persons, organisations, groups) and the tagger.

Data lives in ``data/countries.json`` (an overlay on pycountry's ISO 3166 names),
``data/persons.json`` and ``data/organizations.json``; a user file in the same shape
adds entries or replaces built-in ones by name (``Gazetteer.load(extra=[path])``).
Under them, ``data/persons_open.json``, ``data/persons_world.json`` and
``data/organizations_open.json`` (and the other ``_OPEN_FILES``), generated from open
data by ``bench/build_gazetteer.py`` (sources in ``data/SOURCES.md``): an entry
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
  a sitting leader's surname alone counts in a text about the leader's state, and "the
  Roe administration" names the one head of state or government called Roe, unless the
  text gives that surname to someone else ("Dr. Jane Kim", "Michael Roe");
- a known name inside a longer name is not a mention: a person's full name opening a
  body's name ("the Jane Roe Human Rights Commission"), a body's name before a document
  noun ("the United Nations Convention on ..."), a one-word name in a hyphenated word;
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
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cache, cached_property
from importlib import resources
from itertools import accumulate, chain, compress
from operator import or_
from pathlib import Path
from typing import Any

from corpus_search import cache as disk_cache
from corpus_search.document import ActorMention
from corpus_search.enrich.unknown import (
    CALENDAR,
    COMPOUND_ENDS,
    CONNECTORS,
    DASHES,
    DOCUMENT_NOUNS,
    FUNCTION_WORDS,
    GENERIC_WORDS,
    HEADLINE_WORDS,
    MONTHS,
    NAMED_THINGS,
    ORDINAL,
    ORG_HEADS,
    ORG_OPENERS,
    PERSON_TITLES,
    NameWords,
    Span,
    find_spans,
    initial,
    join_words,
    org_in,
    reads_as_english,
)
from corpus_search.errors import InputError

_PARTS = frozenset({"Chapter", "Article", "Section", "Title"})  # of a charter or a law
_NUMBERED = re.compile(r"^(?:[IVXL]+|\d+)$")
_TOKEN = re.compile(r"\w+|[^\w\s]")
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")  # the gaps and the tokens, alternating
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


def tokenize(text: str) -> list[tuple[str, int]]:
    """Tokens (word runs and single punctuation marks) with their character offsets."""
    return _tokens(text)[1]


def _tokens(text: str) -> tuple[list[str], list[tuple[str, int]]]:
    """The tokens' words, and the tokens with their offsets. (The same as iterating
    ``_TOKEN``'s matches, at a third of the cost on an article: ``str.replace`` is
    cheaper than ``str.translate``, and splitting on the tokens gives every offset as a
    running sum of the parts' lengths, with no match object per token.)"""
    text = text.replace("’", "'").replace("‘", "'").replace("ʼ", "'")  # _APOSTROPHES
    parts = _TOKEN_SPLIT.split(text)
    words = parts[1::2]
    return words, list(zip(words, list(accumulate(map(len, parts)))[:-1:2], strict=True))


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
def _capital_after_hyphen(tokens: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(
        t.capitalize() if i and tokens[i - 1] == "-" and t.islower() else t
        for i, t in enumerate(tokens)
    )


def _ampersand(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """A name's tokens with "&" for each "and" between its first and last word."""
    last = len(tokens) - 1
    return tuple("&" if t == "and" and 0 < i < last else t for i, t in enumerate(tokens))


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
    # its first name counts toward the given names the name finder knows (not for the
    # other states' office holders: their first words are as often places or articles,
    # "El", "Chiang", in the texts they would cue)
    gives_names: bool = True
    context: tuple[str, ...] = ()  # forms that count only beside ``context_code``'s state
    main: tuple[str, ...] = ()  # forms that count only when that state is the text's own
    context_code: str | None = None
    leader: bool = False  # a sitting head of state or government: surname alone may do
    head: bool = False  # a head of state or government at some time ("the Roe administration")
    until: int = 0  # the last year its role names (9999: sitting); 0 when it names none
    deputy: bool = False  # a vice president at some time (the "Harris" of "Biden-Harris")
    collective: bool = False  # a descriptive name for a set of states: matched, not tagged
    media: bool = False  # a news outlet: not an actor where it is only a source
    workplace: bool = False  # a university, think tank, NGO or outlet: often an affiliation
    think_tank: bool = False  # a think tank: its units publish under its first word
    seats: tuple[str, ...] = ()  # a state's seats of power that name this body too
    family: str | None = None  # "UN" or "EU" for their bodies: the context of their forms


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
    us_state_nouns: frozenset[str] = frozenset()  # "Georgia parents": the US state


_METONYM, _SEAT, _SHARED, _CONTEXT, _MAIN = 1, 2, 3, 4, 5
_CONTEXTS = frozenset({_CONTEXT, _MAIN})  # the kinds counted only beside their state
_HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "Lord", "Lady", "Prof"})
# The languages whose names of states count in a text that is not in English (see
# ``Gazetteer._other_language_states``): those of most European policy writing after English.
_OTHER_LANGUAGES = ("de", "fr", "es", "it", "pt", "nl")
# Offices written before a name in those languages and Polish ("US-Präsident Trump", "le
# président Macron", "el presidente Lula"): a title, not a given name of someone else.
# fmt: off
_OTHER_LANGUAGE_OFFICES = frozenset({
    "Präsident", "Präsidentin", "Präsidenten", "Staatspräsident", "Staatspräsidenten",
    "Kanzler", "Kanzlerin", "Bundeskanzler", "Bundeskanzlerin", "Ministerpräsident",
    "Ministerpräsidentin", "Premierminister", "Premierministerin", "Außenminister",
    "Außenministerin", "Verteidigungsminister", "Verteidigungsministerin", "Staatschef",
    "Regierungschef", "Regierungschefin", "Kremlchef", "Président", "Présidente", "Chancelier",
    "Chancelière", "Presidente", "Presidenta", "Canciller", "Ministro", "Ministra", "Primer",
    "Premier", "Prezydent", "Kanclerz",
})
# fmt: on
_Candidate = tuple[tuple[str, ...], int, int]  # form tokens, actor number, kind
_Node = list[Any]  # [the candidate that ends here or None, {next token: node}]
_NONE: list[_Candidate] = []
# Words after a known person's name that make it the name of a thing or a body ("the
# James Roe Program in Civics", "the Jane Roe Center"): the person is not mentioned.
_NAMED_AFTER = NAMED_THINGS | {
    "City",  # "Ho Chi Minh City"
    "Program",
    "Programme",
    "Project",
    "Center",
    "Centre",
    "Institute",
    "School",
    "Foundation",
    "Fellowship",
    "University",  # "Jawaharlal Nehru University"
    "College",
    "Professorship",
    "Chair",
    "Award",
    "Scholarship",
    "Society",  # "the Henry Jackson Society"
    "Trust",
    "Academy",
}
# Plural titles before two or more surnames ("Presidents Roe and Doe"), with the singular.
_PLURAL_TITLES = {
    "Presidents": "President",
    "Senators": "Senator",
    "Chancellors": "Chancellor",
    "Secretaries": "Secretary",
    "Governors": "Governor",
    "Generals": "General",
    "Ministers": "Minister",
}
_SENTENCE_END = frozenset('.!?:;"“”()')
_NOT_NESTED = frozenset({"company", "think-tank", "media", "university", "ngo", "forum"})
# Kinds of international body whose name may hold the state it works in ("the African
# Union Mission in Somalia", "the Special Court for Sierra Leone"): that state counts too.
_MISSIONS = frozenset({"un-body", "intergovernmental"})
# kinds of body named mostly as where someone works or studies ("a professor at X")
_WORKPLACES = frozenset({"think-tank", "media", "university", "ngo"})
# The words of a body's name that says what it is but not whose it is ("Foreign Office",
# "Supreme Court", "Ministry of Defence"): another state's possessive or demonym before
# such a name makes it that state's body (see ``Gazetteer._other_state``).
_BODY_WORDS = frozenset(
    [
        *ORG_HEADS,
        "Foreign",
        "Home",
        "Interior",
        "Defence",
        "Defense",
        "Justice",
        "Finance",
        "Trade",
        "Affairs",
        "Supreme",
        "Constitutional",
        "High",
        "Federal",
        "National",
        "Treasury",
        "Exchequer",
        "State",
        "Congress",
        "House",
        "Representatives",
        "Commons",
        "Lords",
        "Cabinet",
        "Central",
        "Reserve",
        "Intelligence",
        "Security",
        "Guard",
        "Coast",
        "Air",
        "Marine",
        "of",
        "the",
        "and",
        "for",
    ]
)


class Gazetteer:
    def __init__(
        self, actors: Iterable[Actor], blockers: Iterable[str] = (), rules: Rules | None = None
    ) -> None:
        self.actors: dict[str, Actor] = {}
        for actor in actors:
            self.actors[actor.name] = actor  # later entries (user files) replace earlier ones
        self.blockers = tuple(dict.fromkeys(blockers))
        self.rules = rules or Rules()
        # think tanks by the first word of their name, when no other body's begins with it
        self._think_tanks: dict[str, Actor] | None = None

    # -- loading -------------------------------------------------------------------

    @classmethod
    def load(cls, extra: Sequence[str | Path] = ()) -> Gazetteer:
        """The packaged gazetteer, extended or overridden by each file in ``extra``,
        read from the cache when it holds one built from the same files (see
        ``corpus_search.cache``; there, and when stored, with its tagging tables built)."""
        label = "gazetteer" if not extra else "gazetteer-extra"
        key = disk_cache.key(
            label, [*disk_cache.tagger_files(), *(Path(p).resolve() for p in extra)]
        )
        with _paused_gc():
            built = disk_cache.read(label, key)
        if not isinstance(built, cls):
            with _paused_gc():
                built = cls._load(extra)
            if key is not None and disk_cache.folder() is not None:
                built.warm()
                disk_cache.write(label, key, built)
        # Its hundreds of thousands of objects live as long as the process: the cyclic
        # collector need not walk them again (the first full collection after a load
        # took a tenth of a second, and each later one as much).
        gc.freeze()
        return built

    def warm(self) -> None:
        """Build every table tagging builds on first use (the index, the lookups, the
        states' names in other languages)."""
        self.tag(_WARM_TEXT)
        _ = self._other_language_states

    @classmethod
    def _load(cls, extra: Sequence[str | Path]) -> Gazetteer:
        data_dir = resources.files("corpus_search.enrich") / "data"
        docs = [json.loads((data_dir / name).read_text("utf-8")) for name in _DATA_FILES]
        generated = {name: json.loads((data_dir / name).read_text("utf-8")) for name in _OPEN_FILES}
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
        lists["office_words"].update(_OTHER_LANGUAGE_OFFICES)
        rules = Rules(**{key: frozenset(values) for key, values in lists.items()})
        actors = _with_iso_names(actors, set(blockers))
        return cls(_open_actors(generated, actors, set(blockers)) + actors, blockers, rules)

    # -- lookup (queries) ----------------------------------------------------------

    @cached_property
    def _lookup(self) -> dict[str, Actor]:
        table: dict[str, Actor] = {}
        # Weakest first, so that stronger keys overwrite: short forms, forms, names.
        for actor in self.actors.values():
            for form in (*actor.short, *actor.context, *actor.main):
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
        """The actor a user means by ``text`` ("PRC", "kremlin", "President Xi"), if any;
        apostrophes and a leading "the" do not matter ("Kurdistan Workers Party")."""
        key = " ".join(text.split()).casefold()
        found = self._lookup.get(key)
        if found is None:
            plain = _plain(key)
            found = self._plain_lookup.get(plain)
            if found is None and plain.startswith("the "):
                found = self._plain_lookup.get(plain[4:])
        return found

    def _defined_acronyms(self, words: list[str]) -> tuple[dict[str, Span], dict[str, int]]:
        """Acronyms the text defines, in brackets after a capitalised name whose words'
        initials spell them, where the gazetteer gives them to another body: for a body it
        does not hold ("Multinational Security Support (MSS)"), acronym -> the name's span;
        for one it holds ("the Kosovo Liberation Army (KLA)", not the KLA Corporation),
        acronym -> that body's number."""
        found: dict[str, Span] = {}
        known_as: dict[str, int] = {}
        for k in range(2, len(words) - 1):
            if words[k - 1] != "(" or words[k + 1] != ")":
                continue
            acronym = words[k]
            if not (2 <= len(acronym) <= 6 and acronym.isupper() and acronym.isalpha()):
                continue
            known = self.resolve(acronym)
            if known is None or known.type not in ("organization", "group"):
                continue
            start = k - 1
            initials: list[str] = []
            while start > 0 and len(initials) < len(acronym):
                word = words[start - 1]
                if word[:1].isupper() and word.isalpha():
                    initials.append(word[0])
                elif word not in _ACRONYM_GLUE or not initials:
                    break
                start -= 1
            if "".join(reversed(initials)) != acronym:
                continue
            name = " ".join(words[start : k - 1])
            named = self.resolve(name)
            if named is not None:  # a body the gazetteer knows by that name
                if named is not known and named.type in ("organization", "group"):
                    known_as[acronym] = self._numbers[named.name]
                continue
            ours = {w[:4].casefold() for w in words[start : k - 1] if w not in _ACRONYM_GLUE}
            theirs = {w[:4].casefold() for form in (known.name, *known.forms) for w in form.split()}
            if 2 * len(ours & theirs) >= len(ours):
                continue  # the known body under another spelling ("Chinese Coast Guard")
            found[acronym] = Span(start, k - 1, name, "organization")
        return found, known_as

    def _publisher(self, publisher: str) -> Actor | None:
        """The known body a document's source names, also when the source adds its
        acronym or a note in brackets ("Observer Research Foundation (ORF)"): the name
        before the brackets, else an organisation the bracketed acronym names."""
        found = self.resolve(publisher)
        bracket = re.fullmatch(r"(.*?)\s*\(([^()]*)\)\s*", publisher)
        if found is None and bracket:
            found = self.resolve(bracket[1])
            if found is None:
                found = self.resolve(bracket[2])
                if found is not None and found.type not in ("organization", "group"):
                    found = None
        if found is None:
            found = self._parent_of_unit(publisher)
        return found

    def _parent_of_unit(self, publisher: str) -> Actor | None:
        """The body a publisher's name makes it a unit of ("Carnegie Middle East
        Center", "Carnegie India", "RAND Europe", "LSE IDEAS"): the think tank, university
        or NGO its first word names, or the one body of any kind whose name begins with that
        word, a think tank. Not by a word many names begin with ("Middle East Eye" is no
        unit of the Middle East Institute, "European Policy Centre" none of the ECFR)."""
        first = next(iter(publisher.split()), "")
        if not first[:1].isupper() or first.casefold() in _GENERIC_FIRST_WORDS:
            return None
        named = self.resolve(first)
        if named is not None:  # "LSE IDEAS": a university's or a think tank's unit
            return named if named.workplace and not named.media else None
        if self._think_tanks is None:
            bodies: dict[str, list[Actor]] = {}
            for actor in self._actor_list:
                if actor.type in ("organization", "group"):
                    bodies.setdefault(actor.name.split()[0], []).append(actor)
            self._think_tanks = {
                word: found[0]
                for word, found in bodies.items()
                if len(found) == 1 and found[0].think_tank
            }
        return self._think_tanks.get(first)

    def seat_body(self, text: str) -> Actor | None:
        """The body a seat of power also names ("the Pentagon": the US Department of
        Defense), if any."""
        _ = self._index  # (builds the table)
        number = self._seat_bodies.get(_form_tokens(" ".join(text.split())))
        if number is None and not text.startswith("the "):
            number = self._seat_bodies.get(_form_tokens("the " + " ".join(text.split())))
        return None if number is None else self._actor_list[number]

    def body_variant(self, name: str) -> Actor | None:
        """The one known body ``name`` writes with a word in the other number or in the
        other of British and American spelling ("World Meteorological Organisation")."""
        number = self._number_variant(name)
        return self._actor_list[number] if number is not None else None

    def respelled(self, name: str) -> Actor | None:
        """The one known person ``name`` names in another spelling or by a familiar
        given name ("Dick Durbin"), if exactly one."""
        number = self._respelled(name)
        return self._actor_list[number] if number is not None else None

    def _longer_name(
        self,
        text: str,
        tokens: list[tuple[str, int]],
        words: list[str],
        lines: set[int],
        i: int,
        size: int,
    ) -> bool:
        """A known two-word full name at ``words[i : i + 2]`` that goes on with one more
        surname-like word in running prose ("David Scott Mathieson, an analyst"): another
        person's longer name. Not when that word may be anything else: a known form's
        first word, a given name (a list of names), a body's or a thing's noun, a month or
        a word of a headline; nor in a line of few words or in title case (a headline,
        whose capitals say nothing of names); nor when the name goes on again."""
        k = i + size
        if size != 2 or not all(_name_like(w) for w in words[i:k]) or k in lines:
            return False
        word = words[k]
        if text[tokens[k - 1][1] + len(words[k - 1]) : tokens[k][1]] != " ":
            return False
        if (
            word in self._trie
            or word in self._names.given
            or word in _NOT_PERSON_WORDS
            or (k + 1 < len(words) and _name_like(words[k + 1]) and k + 1 not in lines)
        ):
            return False
        line = _line_of(text, tokens, sorted(lines), i).strip()
        return len(line.split()) > 8 and not _furniture_line(line)

    def _respelled(self, name: str) -> int | None:
        """The one known person whose full name ``name`` spells another way (another
        transliteration, accents dropped, a hyphen closed up), if exactly one."""
        if " " not in name:
            return None
        numbers = self._spellings.get(spelling_key(name))
        if numbers is None:
            # "Abdirahmane Tchiani" and "Abdourahamane Tchiani": the same surname, and
            # given names with the same consonants (vowels are what transliterations
            # of one name most often differ in)
            numbers = self._skeletons.get(_skeleton(name))
            if numbers is not None:
                numbers = [
                    k
                    for k in numbers
                    if _same_surname(self._actor_list[k].name.rsplit(maxsplit=1)[1], name)
                ]
                # "Muhammad Shtayyeh": Mohammad Shtayyeh, not Mohammed Shata, whose
                # surname has the same consonants but is spelled otherwise
                surname = spelling_key(name.rsplit(maxsplit=1)[1])
                spelled = [
                    k
                    for k in numbers
                    if spelling_key(self._actor_list[k].name.rsplit(maxsplit=1)[1]) == surname
                ]
                if len(numbers) > 1 and len(spelled) == 1:
                    numbers = spelled
        if numbers is None:
            numbers = self._fuller(name)
        if numbers is None and name.count(" ") >= 2:
            # "Yoweri Kaguta Museveni", "Joseph Nyuma Boakai": a known name with a middle
            # name written in
            first, *_, last = name.split()
            numbers = self._named_by(f"{first} {last}") or None
        if numbers is None and name.count(" ") == 1:
            # "Khawaja Asif", "Ildefonso Guajardo": a known three-word name without its
            # middle name or its second surname
            first, last = name.split()
            three = self._three_word_names
            numbers = sorted(set(three.get((first, last, 2), ()) + three.get((first, last, 1), ())))
            numbers = numbers if len(numbers) == 1 else None
        if numbers is None:
            # "Wess Mitchell": a known name without the initial it opens with ("A. Wess
            # Mitchell")
            numbers = self._without_initial.get(name)
        if numbers is None and name[-1] in "abcdef" and name[-2:-1].isalpha():
            # "Péter Szijjártóc": a note's letter run into the name's end
            numbers = self._named_by(name[:-1]) or None
        if numbers is None:
            # "Marty Feldstein" is Martin Feldstein: a given name's familiar form
            given, rest = name.split(maxsplit=1)
            found = {
                k
                for other in _GIVEN_FORMS.get(given, ())
                for k in self._named_by(f"{other} {rest}")
            }
            numbers = sorted(found) or None
        return numbers[0] if numbers is not None and len(numbers) == 1 else None

    @cached_property
    def _three_word_names(self) -> dict[tuple[str, str, int], tuple[int, ...]]:
        """(first word, second or third word, which) -> the persons whose name has three
        words, none a particle or an initial (``_respelled``'s table for two-word names)."""
        table: dict[tuple[str, str, int], tuple[int, ...]] = {}
        for number, actor in enumerate(self._actor_list):
            if actor.type != "person":
                continue
            parts = actor.name.split()
            if len(parts) != 3 or not all(_hyphenated_name_like(p) for p in parts):
                continue
            for which in (1, 2):
                key = (parts[0], parts[which], which)
                table[key] = (*table.get(key, ()), number)
        return table

    @cached_property
    def _without_initial(self) -> dict[str, list[int]]:
        """A known person's name of three words or more that opens with an initial
        ("A. Wess Mitchell") -> the persons named so, written without it (the name's
        other words all capitalised names)."""
        table: dict[str, list[int]] = {}
        for number, actor in enumerate(self._actor_list):
            parts = actor.name.split()
            if (
                actor.type == "person"
                and len(parts) >= 3
                and len(parts[0]) == 2
                and parts[0][0].isupper()
                and parts[0][1] == "."
                and all(_hyphenated_name_like(p) for p in parts[1:])
            ):
                table.setdefault(" ".join(parts[1:]), []).append(number)
        return table

    def _fuller(self, name: str) -> list[int] | None:
        """The persons a name of three words or more shortens by leaving out inner words
        of a known name, in any transliteration ("Mishal al-Ahmed al-Sabah" for "Mishal
        al-Ahmad al-Jaber al-Sabah"): the same first and last word, the rest in order."""
        words = [_skeleton(w) for w in name.split()]
        if len(words) < 3 or not all(words):
            return None
        found = [
            number
            for number, form in self._by_last_skeleton.get(words[-1], ())
            if len(form) > len(words) and form[0] == words[0] and _in_order(words[1:-1], form[1:-1])
        ]
        return sorted(set(found)) or None

    @cached_property
    def _by_last_skeleton(self) -> dict[str, list[tuple[int, tuple[str, ...]]]]:
        """Last word's skeleton -> (person number, the skeletons of one of its names'
        words) for the names of four words or more (``_fuller``'s table)."""
        table: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        for number, actor in enumerate(self._actor_list):
            if actor.type != "person" or actor.code in _LATIN_SCRIPT_STATES:
                continue
            for form in {actor.name, *actor.forms}:
                parts = form.split()
                if len(parts) < 4:
                    continue  # (skeletons are dear: only the names the table holds)
                words = tuple(map(_skeleton, parts))
                if all(words):
                    table.setdefault(words[-1], []).append((number, words))
        return table

    def _named_by(self, name: str) -> list[int]:
        """The persons (by number) whose name or alias is ``name``, in any spelling."""
        actor = self.resolve(name)
        if actor is not None and actor.type == "person":
            return [self._numbers[actor.name]]
        return self._spellings.get(spelling_key(name), [])

    @cached_property
    def _skeletons(self) -> dict[str, list[int]]:
        """Consonant skeleton -> the persons one of whose spelling-keyed names has it
        (names whose skeleton is long enough to tell people apart)."""
        table: dict[str, list[int]] = {}
        for key, numbers in self._spellings.items():
            skeleton = _VOWELS.sub("", key)
            if len(skeleton) >= _MIN_SKELETON:
                bucket = table.setdefault(skeleton, [])
                bucket += [k for k in numbers if k not in bucket]
        return table

    @cached_property
    def _spellings(self) -> dict[str, list[int]]:
        """Spelling key -> the persons one of whose names of two words or more has it;
        built on first need (only a text naming an unknown person asks)."""
        _ = self._index  # (numbers the actors)
        return _keyed(
            (
                (number, form)
                for number, actor in enumerate(self._actor_list)
                # (an English name has one spelling: "Rich Hill" is not "Rick Hill")
                if actor.type == "person" and actor.code not in _LATIN_SCRIPT_STATES
                for form in {actor.name, *actor.forms}
                if " " in form
                and form.split(maxsplit=1)[0].rstrip(".") not in PERSON_TITLES
                and form.split(maxsplit=1)[0].rstrip(".") not in _HONORIFICS
            ),
            spelling_key,
        )

    @cached_property
    def _other_language_states(self) -> dict[str, list[tuple[tuple[str, ...], int]]]:
        """First word -> (the words of a state's name in another language, the state's
        actor number): pycountry's translations of each country's ISO name into
        ``_OTHER_LANGUAGES`` ("Stati Uniti", "Deutschland", "Arabia Saudí"). A name with a
        comma ("Korea, Republik") is left out, as is one any actor already has as a form
        (those are matched everywhere) and a one-word name that is also a given name;
        built on first need (only a text not in English asks)."""
        import gettext

        import pycountry

        _ = self._index  # (numbers the actors)
        taken = {form for actor in self._actor_list for form in (actor.name, *actor.forms)}
        given = self._names.given
        table: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for language in _OTHER_LANGUAGES:
            try:
                names = gettext.translation(
                    "iso3166-1", pycountry.LOCALES_DIR, languages=[language]
                )
            except OSError:
                continue  # (a pycountry without that language's names)
            for number, actor in enumerate(self._actor_list):
                if actor.type != "country" or not actor.code:
                    continue
                record = pycountry.countries.get(alpha_3=actor.code)
                if record is None:
                    continue
                form = names.gettext(record.name)
                words = tuple(_tokens(form)[0])
                if "," in form or form in taken or not words or not form[0].isupper():
                    continue
                if len(words) == 1 and words[0] in given:
                    continue  # "Maurice" (Mauritius), "Dominique": as often a person's name
                entries = table.setdefault(words[0], [])
                if (words, number) not in entries:
                    entries.append((words, number))
        for entries in table.values():
            entries.sort(key=lambda entry: -len(entry[0]))  # the longest name first
        return table

    def _in_other_language(self, words: list[str], in_actor: set[int]) -> list[tuple[int, int]]:
        """(position, state's actor number) of each state named in another language
        (``_other_language_states``) where no counted form already stands."""
        table = self._other_language_states
        found = []
        for position in [k for k, word in enumerate(words) if word in table]:
            for form, number in table[words[position]]:
                end = position + len(form)
                if tuple(words[position:end]) == form and in_actor.isdisjoint(range(position, end)):
                    found.append((position, number))
                    in_actor.update(range(position, end))
                    break
        return found

    @cached_property
    def _plain_lookup(self) -> dict[str, Actor]:
        table: dict[str, Actor] = {}
        for key, actor in self._lookup.items():
            table.setdefault(_plain(key), actor)
        return table

    # -- tagging -------------------------------------------------------------------

    @cached_property
    def _form_words(self) -> frozenset[str]:
        """Every word of the forms of the states and bodies the tagger matches (not of
        people's names: "By Dr Jane Roe3" is an author's byline and its note)."""
        index = self._index[0]
        actors = self._actor_list
        return frozenset(
            w
            for entries in index.values()
            for form, number, _ in entries
            if number >= 0 and actors[number].type != "person"
            for w in form
        )

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
        # Each form tokenised once: the loops below ask for most forms four times (the
        # first tagged text in each worker waited for 124,000 calls).
        tokenised: dict[str, tuple[str, ...]] = {}
        for actor in self._actor_list:
            for f in chain(actor.forms, actor.context, actor.main, actor.seats):
                if f not in tokenised:
                    tokenised[f] = _form_tokens(f)
        for f in self.blockers:
            if f not in tokenised:
                tokenised[f] = _form_tokens(f)
        for form in self.blockers:  # blockers first: a form that is both is dropped
            entries.append((tokenised[form], -1, 0))
        seats = self.rules.seats_of_power
        owners: dict[tuple[str, ...], list[int]] = {}
        for number, actor in enumerate(self._actor_list):
            for f in actor.forms:
                claim = owners.setdefault(tokenised[f], [])
                if number not in claim:
                    claim.append(number)
        # A form two actors share ("President Bush") is resolved like a short form: to
        # the one of them the document names in full, else not at all.
        self._shared: list[list[int]] = []
        shared_seen: set[tuple[str, ...]] = set()
        for number, actor in enumerate(self._actor_list):
            for f in actor.forms:
                tokens = tokenised[f]
                if len(owners[tokens]) > 1:
                    if owners[tokens][0] == number and tokens not in shared_seen:
                        shared_seen.add(tokens)
                        entries.append((tokens, len(self._shared), _SHARED))
                        self._shared.append(owners[tokens])
                    continue
                kind = (_SEAT if f in seats else _METONYM) if f in actor.metonyms else 0
                entries.append((tokens, number, kind))
                if actor.type == "person" and "-" in tokens:
                    # "Ban Ki-Moon", "Moon Jae-In": a hyphenated given name's second
                    # part is often written with a capital
                    entries.append((_capital_after_hyphen(tokens), number, kind))
                if actor.type != "person" and "and" in tokens[1:-1]:
                    # "Center for Strategic & International Studies", "Trinidad &
                    # Tobago": an ampersand for the "and" inside a name
                    entries.append((_ampersand(tokens), number, kind))
        for number, actor in enumerate(self._actor_list):
            for f in actor.context:
                entries.append((tokenised[f], number, _CONTEXT))
            for f in actor.main:
                entries.append((tokenised[f], number, _MAIN))
        # a seat of power that is also one body's own building ("the Pentagon")
        self._seat_bodies: dict[tuple[str, ...], int] = {
            tokenised[f]: number
            for number, actor in enumerate(self._actor_list)
            for f in actor.seats
        }
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
                # (a node made only where none is: most tokens are already there)
                node: _Node | None = trie.get(tokens[0])
                if node is None:
                    node = trie[tokens[0]] = [None, {}]
                for token in tokens[1:]:
                    children: dict[str, _Node] = node[1]
                    node = children.get(token)
                    if node is None:
                        node = children[token] = [None, {}]
                node[0] = candidate
        self._trie = trie
        # First tokens of the curated forms: the context rules' notion of "a word that
        # starts an actor" (the generated files do not change those rules).
        self._heads = frozenset(
            tokens[0]
            for a in self._actor_list
            if not a.generated
            for f in a.forms
            if (tokens := tokenised[f])
        ) | frozenset(t[0] for t in (tokenised[b] for b in self.blockers) if t)
        self._names = self._name_words()
        self._own_word_cache: dict[str, frozenset[str]] = {}
        self._state_forms: dict[tuple[str, ...], str] = {}
        for actor in self._actor_list:
            if actor.type == "country" and actor.code:
                for f in actor.forms:
                    self._state_forms.setdefault(tokenised[f], actor.code)
        short: dict[str, list[int]] = {}
        for number, actor in enumerate(self._actor_list):
            for form in actor.short:
                short.setdefault(form, []).append(number)
        return index, short

    def _name_words(self) -> NameWords:
        """Given names: the first words of the gazetteer's persons' names, written out
        (not initials), that start the names of at least ``GIVEN_MIN_PERSONS`` persons and
        end fewer names than they start ("Mark", "Laura", not "Grant" or "Butler"); none
        that alone names a country, an organisation or a place ("Jordan", "Virginia")
        or is a headline verb ("Will"). Those single-word names are the other words."""
        first: dict[str, int] = {}
        last: dict[str, int] = {}
        other: set[str] = set(self.rules.us_states) | self.rules.us_place_names
        for actor in self._actor_list:
            if actor.type != "person":
                other.update(f for f in (*actor.forms, *actor.context, *actor.main) if " " not in f)
                continue
            if not actor.gives_names:
                continue
            starts: set[str] = set()
            ends: set[str] = set()
            for form in (actor.name, *actor.forms):
                parts = form.split()
                if len(parts) > 1:
                    ends.add(parts[-1])
                    if parts[0].isalpha() and len(parts[0]) > 1:
                        starts.add(parts[0])
            for word in starts:
                first[word] = first.get(word, 0) + 1
            for word in ends:
                last[word] = last.get(word, 0) + 1
        given = {
            word
            for word, count in first.items()
            if count >= GIVEN_MIN_PERSONS
            and count > last.get(word, 0)
            and word not in other
            and word not in HEADLINE_WORDS
            and word not in FUNCTION_WORDS  # "He" of "He Lifeng" and "He Weidong"
            and word not in PERSON_TITLES
            and word not in self.rules.office_words  # "Defense Secretary Roe"
        }
        return NameWords(frozenset(given), frozenset(other))

    def tag(
        self, text: str, publisher: str | None = None, head_chars: int = 0
    ) -> list[ActorMention]:
        """Every actor ``text`` mentions, with counts and first offsets, most mentioned first.

        Also the people and organisations it names by a role or title cue that the
        gazetteer does not hold (``known=False``; see ``unknown.py``). ``publisher`` is the
        document's source: it is not an actor of its own text unless the title or
        standfirst (the first ``head_chars`` characters) names it, and a unit named with
        it ("the publisher's Water Center") is not tagged either."""
        _, short_index = self._index
        trie = self._trie
        actors = self._actor_list
        if "- " in text or "-\n" in text:
            text = _BROKEN_NAME.sub(lambda m: _rejoined(m, trie, short_index), text)
        if "”" in text or '"' in text:
            # "Laurentino “Nito” Cortizo" is Laurentino Cortizo: the nickname between a
            # given name and a surname is blanked, every offset kept (where the nickname
            # and the surname are a known name, "Mohammed “Mo” Ibrahim", the given name
            # and the quotation marks are blanked instead)
            text = _NICKNAME.sub(lambda m: _without_nickname(m, trie), text)
        found_in = text  # what the finder of unknown names reads: the text as written
        if _CAPITALS.search(text):
            # "PRIME MINISTER NARENDRA MODI": a passage in capitals is read as a headline
            # in title case (every offset and token kept), so that names match there
            text = _CAPITALS.sub(lambda m: _in_title_case(m[0], trie, actors), text)
        words, tokens = _tokens(text)
        if _NOTE_GLUED.search(text):
            # "North Korea1", "Iran2": a note's number run into the name (texts taken
            # from pages and PDFs keep their footnote marks)
            vocabulary = self._form_words
            words = [_without_note(w, vocabulary) for w in words]
        n = len(words)
        # the last word of the publisher's name: its pages call it "the Council", "the
        # Institute" (a context form so named is the publisher, not the body it stands for)
        own_head = publisher.split()[-1] if publisher and publisher.split() else None
        counts: dict[int, int] = {}
        by_metonym: dict[int, int] = {}
        first: dict[int, int] = {}
        last_seen: dict[int, int] = {}
        in_actor: set[int] = set()  # token positions covered by a counted actor form
        pending: list[tuple[int, list[int], int]] = []  # (token index, candidates, offset)
        # (token index, actor number, main, the form's length in tokens)
        in_context: list[tuple[int, int, bool, int]] = []
        bare: dict[int, int] = {}  # mentions by a bare name that is also a US state
        bodies: dict[int, int] = {}  # where a known organisation's mention starts: which
        lines: set[int] = set()
        starts = _starts(text, tokens, words, lines)
        tight = [
            i
            for i in compress(range(1, n - 1), map(DASHES.__contains__, words[1 : n - 1]))
            if tokens[i][1] == tokens[i - 1][1] + len(tokens[i - 1][0]) == tokens[i + 1][1] - 1
        ]
        written = words if found_in is text else _tokens(found_in)[0]
        spans = [
            span
            for s in find_spans(written, starts, self._names, lines, tight)
            if (span := self._without_glued_person(written, self._after_state_and(written, s)))
        ]
        # "the Central Bank of the Russian Federation": a known body under another of its
        # state's names (counted below, once ``count`` is defined)
        renamed = [
            (s, body)
            for s in spans
            if s.type == "organization"
            and " of " in s.name
            and (body := self._of_state_named(words[s.start : s.end])) is not None
        ]
        spans = [
            s
            for s in spans
            if self.resolve(s.name) is None
            and not (s.type == "person" and self._known_with_particle(s.name))
            and not any(s is r for r, _ in renamed)
            and not (
                s.end < n
                and words[s.end] in ("Presidency", "presidency")
                and self._state_at(words, s.start, -1) is not None
            )  # "the Spanish EU Council Presidency": a state's turn at the chair
            and not _pair_of_states(s.name, self._country_words)
            and not (
                s.type == "organization"
                and words[s.start] in self._country_words
                and words[s.start + 1 : s.start + 2] == ["for"]
            )  # "Russia's war in Ukraine for the European Union to seek": no body
        ]
        # "the Multinational Security Support (MSS) mission": an acronym the text defines
        # as a body the gazetteer does not hold is that body here, not the known one
        redefined, spelled_out = self._defined_acronyms(words)
        taken = {k for s in spans for k in range(s.start, s.end)}
        spans += [s for s in redefined.values() if not taken.intersection(range(s.start, s.end))]
        span_at: dict[int, Span] = {}
        for span in spans:
            for k in range(span.start, span.end):
                span_at[k] = span
        dropped: set[int] = set()  # ids of spans a gazetteer form covers
        # surnames the text gives to people it does not know ("Dr. Jane Kim")
        others = {words[s.end - 1] for s in spans if s.type == "person"}

        def count(number: int, position: int) -> None:
            counts[number] = counts.get(number, 0) + 1
            first.setdefault(number, tokens[position][1])
            last_seen[number] = position

        for span, body in renamed:
            count(body, span.start)
        # Only a word that starts a form or is a short form can begin a mention (a tenth
        # of an article's words): the loop visits those alone.
        may_start = list(
            compress(
                range(n),
                map(or_, map(trie.__contains__, words), map(short_index.__contains__, words)),
            )
        )
        i = 0
        while i < n:
            at = bisect_left(may_start, i)
            if at == len(may_start):
                break
            i = may_start[at]
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
                    if size > 1 and self._longer_inside(words, i, size):
                        break  # "President Lee Jae-myung": the full name starts inside
                    if (
                        size == 1
                        and number >= 0
                        and kind != _SHARED
                        and actors[number].type == "person"
                        and _not_a_surname_here(words, tokens, i, trie, short_index)
                    ):
                        break  # "Aurelia Attal-Juncqua" is not Gabriel Attal
                    if (
                        number >= 0
                        and kind != _SHARED
                        and actors[number].type == "person"
                        and _someone_else_here(words, i, size)
                    ):
                        if size == 1 and i and words[i - 1] in _ROYAL:
                            others.add(words[i])  # then no bare "Hussein" is Saddam either
                        break  # "Mohammed bin Salman", "Robert Kennedy Jr.", "King Hussein"
                    if (
                        kind in _CONTEXTS
                        and i + size + 1 < n
                        and words[i + size] == "of"
                        and words[i + size + 1][:1].isupper()
                    ):
                        break  # "the Council of Representatives": another body's name
                    if kind == 0 and number >= 0 and self._us_state_body(words, i, number):
                        step = size  # "the Florida Department of Education": the state's
                        break
                    near = span_at.get(i) or span_at.get(i + size - 1)
                    inside = False
                    if near is not None:
                        actor = actors[number] if number >= 0 and kind != _SHARED else None
                        if kind in _CONTEXTS:
                            actor = None  # "House" in "House Committee on X" is the name
                        meets: bool | None
                        if (
                            near.type == "person"
                            and i == near.end - 1
                            and actor is not None
                            and actor.type == "person"
                            and self._other_person(words, starts, i, size, number, in_actor)
                        ):
                            others.add(words[i])
                            meets = True  # "Annika Söder" is not Markus Söder: her name
                        else:
                            meets = self._inside(words, near, i, size, actor, spans, span_at)
                        if meets is None:
                            dropped.add(id(near))
                        inside = bool(meets)
                    if inside:
                        pass
                    elif kind == _SHARED:
                        pending.append((i, self._shared[number], tokens[i][1]))
                    elif kind in _CONTEXTS:
                        if (
                            self._counts_here(words, tokens, text, i, size, _CONTEXT, in_actor)
                            and not self._other_state(words, i, size, actors[number].context_code)
                            and not (kind == _MAIN and _modifies_a_name(words, i + size))
                            and words[i + size - 1] != own_head
                            and not (
                                size == 1
                                and i + 1 < n
                                and words[i + 1].lower() in _COMMON_NOUN_USES.get(words[i], ())
                            )  # "Labour shortages": the word, not the party
                        ):
                            in_context.append((i, number, kind == _MAIN, size))
                    elif (
                        number >= 0
                        and self._counts_here(words, tokens, text, i, size, kind, in_actor)
                        and not (
                            actors[number].nested
                            and all(w in _BODY_WORDS for w in words[i : i + size])
                            and self._other_state(words, i, size, actors[number].code)
                        )
                    ):
                        other = self._other_person(
                            words, starts, i, size, number, in_actor
                        ) or self._given_of_another(words, tokens, text, i, size, number)
                        if other:
                            others.add(words[i])
                        if (
                            other
                            or self._surname_not_org(words, starts, i, size, number, in_actor)
                            or (
                                actors[number].type == "person"
                                and i + size < n
                                and (
                                    words[i + size] in _NAMED_AFTER
                                    or (size > 1 and _names_a_body(words, i + size))
                                )
                            )
                            or (
                                actors[number].type == "person"
                                and i > 0
                                and words[i - 1] in _SHIP_PREFIXES
                            )  # "USS Ronald Reagan": a ship
                            or (
                                actors[number].type == "person"
                                and i + size < n
                                and words[i + size] in _REGNAL
                            )  # "Pope John Paul II": another person than "John Paul"
                            or (
                                actors[number].type in ("organization", "group")
                                and i + size < n
                                and words[i + size] in _DOCUMENTS_AFTER
                            )
                            or (
                                actors[number].type == "country"
                                and _describes_an_outlet(words, i + size)
                            )
                            or (
                                actors[number].type == "organization"
                                and (
                                    self._credit(words, tokens, text, i, size)
                                    or _named_chair(words, i + size)
                                )
                            )
                            or (
                                actors[number].type == "country"
                                and (
                                    self._surname_after_given(words, starts, i, size)
                                    or _dateline(words, i, size)
                                    or _language_gloss(words, i, size)
                                    or _not_the_state(words, i, size)
                                )
                            )
                            or (actors[number].media and _as_source(words, i, size))
                            or (size == 1 and words[i] in _PLATFORMS and _as_medium(words, i))
                            or (actors[number].workplace and _affiliation(words, i))
                            or (
                                size == 1
                                and actors[number].type in ("organization", "group")
                                and self._compound_word(words, tokens, i)
                            )
                            or (size == 1 and words[i] in redefined)
                        ):
                            step = size
                            break
                        if (
                            actors[number].type == "person"
                            and size > 1
                            and _hyphen_continues(words, tokens, i + size)
                        ):
                            step = size  # "Kim Yang-gon" is not Kim Yang: a longer name
                            break
                        if (
                            actors[number].type == "person"
                            and i + size < n
                            and _name_like(words[i + size])
                            and not starts[i + size]
                        ):
                            # "Abdul Hamid Dbeibeh": a longer name, another transliteration
                            # of a known person's, not the person the first words name
                            longer = self._respelled(" ".join(words[i : i + size + 1]))
                            if longer is not None:
                                number = longer
                            elif _skeleton(words[i + size]) not in {
                                _skeleton(part) for part in actors[number].name.split()
                            } and self._longer_name(text, tokens, words, lines, i, size):
                                step = size  # "David Scott Mathieson" is not David Scott
                                break
                        if size == 1 and spelled_out.get(words[i], number) != number:
                            # "the Kosovo Liberation Army (KLA)": in this text the
                            # acronym is that body's, whatever else the gazetteer gives it
                            number = spelled_out[words[i]]
                        owner = self._possessor_version(words, i, size, number)
                        if owner is not None:
                            if owner < 0:
                                step = size  # "Chile's Republican Party": not the US one
                                break
                            number = owner  # ... but the Republican Party of Chile
                        count(number, i)
                        in_actor.update(range(i, i + size))
                        if actors[number].type in ("organization", "group"):
                            bodies[i] = number
                        if size == 1 and words[i] in self.rules.us_place_names:
                            bare[number] = bare.get(number, 0) + 1
                        if kind:
                            by_metonym[number] = by_metonym.get(number, 0) + 1
                            body = self._seat_bodies.get(tuple(words[i : i + size]))
                            if body is not None:  # "the Pentagon": also the department
                                count(body, i)
                        if actors[number].nested and size > 1:
                            inner = self._inner_state(words, i, size, actors[number].code)
                            if inner is not None:
                                count(inner[0], inner[1])
                    step = size
                    break
            else:
                if words[i] in short_index and i not in span_at:
                    if (
                        self._other_person(words, starts, i, 1, -1, in_actor)
                        or _given_before(words, i)
                        or (i and words[i - 1] in _ROYAL)
                    ):
                        others.add(words[i])  # "Jane Kim": no bare "Kim" is Kim Jong Un;
                        # "King Hussein": no bare "Hussein" is Saddam Hussein
                    elif _not_a_surname_here(words, tokens, i, trie, short_index):
                        pass
                    else:
                        pending.append((i, short_index[words[i]], tokens[i][1]))
            i += step
        for k in compress(range(n - 1), map(_PLURAL_TITLES.__contains__, words)):
            for position, number in self._plural_titled(words, k, in_actor):
                count(number, position)
                in_actor.add(position)
        for span in spans:
            if span.type == "person" and span.end - span.start == 2:
                known = self._misspelt_head(
                    words[span.start].casefold(), words[span.end - 1].casefold()
                )
                if known is not None:  # "Ali Khamanei"
                    dropped.add(id(span))
                    count(known, span.start)
        states = {actors[k].code for k in counts if actors[k].type == "country"}
        if (in_context or pending) and "USA" not in states and self._names_us_state(text, words):
            states.add("USA")  # "Congress" in a text about Arizona's schools: the US one
        if in_context and not states:
            # a text that names no state but names a state's bodies ("the Department of
            # Defense submitted to the Congress the Navy's plan"): that state's
            states = {
                actors[k].code
                for k in counts
                if actors[k].type == "organization" and actors[k].code and not actors[k].media
            }
        if in_context:
            # "Human Rights Commission" in a text that names the UN or one of its bodies,
            # "the Commission" in one that names the EU or one of its institutions
            states.update(a.family for a in map(actors.__getitem__, counts) if a.family)
        main = self._main_state(counts) if any(m for _, _, m, _ in in_context) else None
        subject = self._subject_state(counts) if in_context else None
        for position, number, main_only, size in in_context:
            if (
                words[position] == "the"
                and size == 2
                and self._other_named_head(words[position + 1], number, counts)
            ):
                continue  # "the Council" in a text that names the Security Council
            code = actors[number].context_code
            theirs = self._subject_version(words, position, number, subject)
            if theirs is not None:  # "the Democratic Party" in a text about South Korea
                count(theirs, position)
                continue
            if (
                code == main
                if main_only
                else code in states
                and not (
                    words[position] in _EVERY_STATES_BODY
                    and self._subject_state(counts) not in (None, code)
                )
            ):
                count(number, position)
        for position, candidates, offset in pending:
            if position in in_actor:
                continue  # "Presidents Roe and Doe": counted with its plural title
            named = [c for c in candidates if c in counts]
            if not named:
                # A sitting leader's surname alone ("Xi tightens his grip") in a text
                # about that leader's state.
                leaders = [c for c in candidates if actors[c].leader and actors[c].code in states]
                heads = [c for c in candidates if actors[c].head and actors[c].code in states]
                if heads and leaders and all(actors[c].deputy for c in leaders):
                    # a sitting vice president who shares a former head's surname
                    # ("Duterte"): the surname alone is the former head's
                    latest = max(actors[c].until for c in heads)
                    leaders = [c for c in heads if actors[c].until == latest]
                if (
                    not leaders
                    and len(words[position]) >= 5
                    and all(actors[c].head and actors[c].code in states for c in candidates)
                ):
                    # a surname, not a short one ("Wen"), that only that state's former
                    # heads bore ("Assad" in a text about Syria): the latest of them
                    latest = max(actors[c].until for c in candidates)
                    leaders = [c for c in candidates if actors[c].until == latest]
                after = position + 1
                if after + 2 < n and words[after] in DASHES and words[after + 2] in _GOVERNMENTS:
                    after += 2  # "the Roe-Doe administration": Roe's
                ticket = (
                    position >= 2
                    and words[position - 1] in DASHES
                    and after < n
                    and words[after] in _GOVERNMENTS
                    and words[position - 2] in self._head_surnames
                )  # "the Roe-Doe administration": Doe was Roe's vice president
                if after < n and words[after] in _GOVERNMENTS:
                    # "the Roe administration": the one head of government called so
                    # (a ruler who holds no such title has a regime or a government,
                    # not an administration: "the Kim regime", "the Khamenei government")
                    ruled = words[after] in ("regime", "government")
                    leaders = [
                        c
                        for c in candidates
                        if actors[c].head
                        or (ruled and actors[c].leader)
                        or (ticket and actors[c].deputy)
                    ]
                    ours = [c for c in leaders if actors[c].code in states]
                    leaders = ours or leaders  # "the Kim regime" in a text about North Korea
                    if len(leaders) > 1:  # "the Assad regime", "the Bush administration":
                        # the latest of them, as commentary on its own time means
                        latest = max(actors[c].until for c in leaders)
                        leaders = [c for c in leaders if actors[c].until == latest]
                if len(leaders) != 1 or words[position] in others:
                    continue  # the text names another person of that surname
                count(leaders[0], position)
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
        for span in spans:
            if span.type == "organization" and id(span) not in dropped:
                body = self._qualified(words, span)
                if body is None:
                    body = self._known_as(words, span)
                if body is None:
                    body = self._shortened(words[span.start : span.end])
                if body is None:
                    body = self._tail_of_named(words[span.start : span.end], bodies.values())
                if body is None:
                    body = self._known_core(words[span.start : span.end])
                if body is None:
                    body = self._number_variant(span.name)
                    if body is not None and states and actors[body].code not in (None, *states):
                        # "the Department of Defence" in a text about Australia is not
                        # the US department spelt the British way (in a text that names
                        # no state, the one body it spells is still that body)
                        body = None
                if body is not None:  # "Japan's Ministry of Foreign Affairs", known
                    dropped.add(id(span))
                    count(body, span.start)
            elif span.type == "person" and id(span) not in dropped:
                person = self._respelled(span.name)
                if person is not None:  # "Yevgeny Prighozin": Yevgeny Prigozhin, known
                    dropped.add(id(span))
                    count(person, span.start)
        for position, number in self._bare_institutions(words, in_actor, counts):
            count(number, position)  # "Parliament" in a text about Sri Lanka: Sri Lanka's
            if position in span_at:
                dropped.add(id(span_at[position]))  # (not also an unknown body)
        for position, number in self._possessed_institutions(words, in_actor):
            count(number, position)  # "Japan's central bank": the Bank of Japan
        english = reads_as_english(words)
        if not english:  # "Stati Uniti", "Deutschland": states named in the text's language
            for position, number in self._in_other_language(words, in_actor):
                count(number, position)
        self._hand_over_metonyms(counts, by_metonym, first)
        self._to_subjects_own(counts, first)
        if bare:
            self._drop_us_states(words, counts, bare)
        own = self._publisher(publisher) if publisher else None
        if own is not None and publisher:
            own_forms = {*own.forms, publisher}
        mentions = [
            ActorMention(
                name=actors[k].name,
                type=actors[k].type,
                code=actors[k].code,
                count=count_,
                first=first[k],
            )
            for k, count_ in counts.items()
            if not actors[k].collective
            and not (
                count_ == 1
                and actors[k].type == "country"
                and k in last_seen
                and self._venue_only(words, last_seen[k], actors[k])
            )
            and (
                own is None
                or actors[k] is not own
                or (first[k] < head_chars and _own_in_head(text[:head_chars], own_forms))
            )
        ]
        unknown: dict[str, list[int]] = {}
        for k, number in bodies.items():
            if own is not None and actors[number] is own:
                continue  # the publisher's staff
            start = _of_body(words, starts, k, in_actor, span_at, self._names)
            if start is not None:  # "Jane Roe of the Daily Ledger moderated"
                spans.append(Span(start, start + 2, _join_name(words, start), "person"))
        own_words = self._own_word_cache.get(publisher or "")
        if own_words is None:
            own_words = _own_words(publisher, own) - self._names.given
            self._own_word_cache[publisher or ""] = own_words
        line_list = sorted(lines)
        own_name = _bare_publisher(publisher)
        spans = [s if id(s) in dropped else self._with_own_state(words, s) for s in spans]
        # Names in a text in another language are read by English cues they do not follow
        # ("Nam Mỹ"): only the gazetteer's names are tagged there (``english`` above).
        for span in spans:
            if id(span) in dropped or not english or span.name in _PLACES_NAMED_AS_PEOPLE:
                continue
            if own is not None and self._beside(text, tokens, span, own_forms):
                continue
            if span.type == "organization" and (
                own_words.intersection(words[span.start : span.end])
                or _affiliation(words, span.start)
                or _bare_publisher(span.name) == own_name
            ):
                continue  # the publisher's own unit or name; a place someone works at
            if span.type == "organization" and (
                _not_a_body(words, span, publisher, tokens[span.start][1] < head_chars)
                or _masthead(_line_of(text, tokens, line_list, span.start), span.name, publisher)
                or (
                    tokens[span.start][1] < head_chars
                    and _line_of(text, tokens, line_list, span.start).strip() == span.name
                    and text.count(span.name) == 1
                )  # a title line that is a body's name alone, named nowhere else: the
                # site's name over a reposted text, not a subject of it
            ):
                continue  # the publisher by its own name, a self-introduction, "US-Japan Alliance"
            if span.type == "organization" and (
                _staff_after(words, span.end)
                or (span.start > 0 and words[span.start - 1] in ("our", "Our"))
                or _furniture_line(_line_of(text, tokens, line_list, span.start))
                or _funder(text, tokens[span.start][1])
                or _imprint(words, tokens, text, span.start, span.end)
                or _generic_forces(words, span, self._country_words)
            ):
                continue  # "X Center Senior Fellow Jane Roe", "our X Network", a staff line,
                # "funded by the X Office", "US Forces"
            if all(k in in_actor for k in range(span.start, span.end)):
                continue  # inside a known form ("Marine Corps Forces, Pacific")
            if span.end == n and text.rstrip()[-1:].isalpha():
                continue  # the text stops inside the name ("the Department of St")
            if (
                span.type == "person"
                and span.start in lines
                and span.end < n
                and words[span.end] == ":"
            ):
                continue  # a transcript's speaker ("Jane Roe: Thank you"), not a subject
            if span.type == "organization" and (
                (_indefinite(words, span.start) and _heads(words, span))
                or (
                    self._glossed_by_known(words, span.end)
                    and redefined.get(words[span.end + 1]) is not span
                )
            ):
                continue  # "addressed a Policy Forum at"; "the X Energy Organization (IAEA)"
            if span.type == "organization" and (
                words[span.end - 1] in _EVENT_HEADS
                or _one_meeting(words, span)
                or "Annual" in words[span.start : span.end]
                or any(
                    words[k] in _EVENT_HEADS and words[k + 1] == "on"
                    for k in range(span.start, span.end - 1)
                )  # "the International Conference on Migration and Development" (a
                # "Conference of the Parties" is a treaty's body)
            ):
                continue  # "the UN Climate Change Conference", "the 8th Annual Conference
                # on X", "a Policy Summit": an event
            if span.type == "person" and _named_honour(words, span):
                continue  # "the Jane Roe Professor of Finance", "a Jane Roe medalist"
            unknown.setdefault(span.name, []).append(tokens[span.start][1])
        by_name = {s.name: s for s in spans}
        for name in [m for m in unknown if by_name[m].type == "organization"]:
            span = by_name[name]
            for size in (1, 2):
                rest = join_words(words, span.start + size, span.end)
                if rest in unknown and self._state_at(words, span.start, -1) is not None:
                    # "the UK National Cyber Force" and "the National Cyber Force": one body
                    unknown[rest] = sorted(unknown[rest] + unknown.pop(name))
                    break
        # A body's short form, or a piece of its name, is no second body: "Defense
        # Industries" beside "the Undersecretariat for Defense Industries", "the Wilson
        # Council" beside the known "Wilson Council on Trade". (A name that opens an
        # unknown longer one may be the right one, the longer a run-on: "the Baltic
        # Network on Baltic defence"; both stay.)
        known_names = [f" {m.name} " for m in mentions]
        unknown_names = [f" {name} " for name in unknown]
        for name in [m for m in unknown if by_name[m].type == "organization"]:
            piece = f" {name} "
            if any(piece in other for other in known_names) or any(
                piece in other and not other.startswith(piece)
                for other in unknown_names
                if other != piece
            ):
                del unknown[name]
        for name in [m for m in unknown if by_name[m].type == "organization"]:
            if (
                len(unknown[name]) == 1
                and _academic(name)
                and (
                    _affiliation_line(_line_of(text, tokens, line_list, by_name[name].start))
                    or _in_bio(words, by_name[name].start)
                )
            ):
                del unknown[name]  # named once, on a short line or in a biography's
                # sentence: an author's affiliation, not a subject
        for name in [m for m in unknown if by_name[m].type == "person"]:
            # "Ben Ali" after "Zine El Abidine Ben Ali": the known person named again by
            # the last words of the name
            owners = [
                k
                for k, m in enumerate(mentions)
                if m.type == "person" and m.name.endswith(f" {name}")
            ]
            if len(owners) == 1:
                full = mentions[owners[0]]
                later = len(unknown.pop(name))
                mentions[owners[0]] = replace(full, count=full.count + later)
        mentions.extend(
            ActorMention(
                name=name,
                type=by_name[name].type,
                count=len(offsets),
                first=offsets[0],
                known=False,
            )
            for name, offsets in unknown.items()
        )
        mentions.sort(key=lambda m: (-m.count, m.first))
        return mentions

    @staticmethod
    def _inside(
        words: list[str],
        span: Span,
        i: int,
        size: int,
        actor: Actor | None,
        spans: list[Span],
        span_at: dict[int, Span],
    ) -> bool | None:
        """How a gazetteer form at ``words[i : i + size]`` meets an unknown ``span``:
        None when the form wins and the span goes (it covers or overlaps the span, or
        names a person in it); False when both count; True when the form is part of the
        unknown name and does not count. A form at the start of the span ("Commerce
        Department Bureau of Industry") or after a final "of" ("Ministry of Security of
        Peru") is cut off it, and the rest is an unknown name if it still is one; but a
        form with no organisation word of its own that the rest carries on ("Federal
        Reserve Bank of Boston") is part of the one longer name."""
        end = i + size
        if actor is None and span.type == "person" and (i, end) == (span.start, span.end):
            return True  # "President George Washington": a blocker that is a person's name
        if (
            span.start < i < span.end < end
            and actor is not None
            and actor.type in ("organization", "group")
            and span.type == "organization"
        ):
            # "the X Commission of the U.S. House of Representatives": the known body
            # runs past the unknown name's end; the words before its "of" stay a name.
            cut = (
                i - 2
                if words[i - 2 : i] == ["of", "the"]
                else i - 1
                if words[i - 1] == "of"
                else -1
            )
            if cut > span.start:
                _replace_span(words, span, (span.start, cut), spans, span_at)
                return False
        if not (span.start <= i and end <= span.end) or (i == span.start and end == span.end):
            return None
        if actor is not None and actor.type == "person":
            if span.type == "organization" and i == span.start and _names_a_body(words, end):
                return True  # "the Jane Roe Human Rights Commission": a body's name
            return None
        rest: tuple[int, int] | None = None
        if actor is None:
            return True
        if end == span.end and i - span.start <= 1:
            return None  # "80th UN General Assembly": the known name is the name
        if i == span.start and actor.type != "country":
            if words[end - 1] not in ORG_HEADS and _name_goes_on(words, end, span.end):
                return True  # "Federal Reserve Bank of Boston": one longer name
            rest = (end, span.end)
        elif end == span.end:
            if (
                actor.type == "country"
                and not span.state_body
                and words[i - 1] == "of"
                and words[i - 2] in _MOVEMENT_HEADS
            ):
                return True  # "the Islamic Movement of Uzbekistan": the state is in its name
            cut = (
                i - 1
                if words[i - 1] in ("of", "and", "&")
                else i - 2
                if words[i - 2 : i] in (["of", "the"], ["and", "the"])
                else -1
            )
            if cut > span.start:
                rest = (span.start, cut)
        if rest is not None:
            _replace_span(words, span, rest, spans, span_at)
            return False
        return not (actor.type == "country" and span.state_body)

    @staticmethod
    def _credit(
        words: list[str], tokens: list[tuple[str, int]], text: str, i: int, size: int
    ) -> bool:
        """A body named alone in square brackets that close a line: a photo's or a
        figure's credit ("... of world reserves. [Newswire]"); the publisher of a cited
        work ("(Lakeview: Harbor Institute, 2015)", "Harbor University Press")."""
        end = i + size
        if _imprint(words, tokens, text, i, end):
            return True
        if not (i > 0 and words[i - 1] == "[" and end < len(words) and words[end] == "]"):
            return False
        after = text[tokens[end][1] + 1 :].lstrip(" \t")
        return after[:1] in ("", "\n")

    def _glossed_by_known(self, words: list[str], end: int) -> bool:
        """An unknown name glossed by a known body's acronym in brackets ("the
        International Atomic Energy Organization (IAEA)"): a variant of that body's name,
        which the acronym already counts."""
        if not (end + 2 < len(words) and words[end] == "(" and words[end + 2] == ")"):
            return False
        acronym = words[end + 1]
        if not (acronym.isupper() and len(acronym) > 1):
            return False
        found = self.resolve(acronym)
        return found is not None and found.type == "organization"

    def _qualified(self, words: list[str], span: Span) -> int | None:
        """The gazetteer's body that an unknown name is with the state the text gives it:
        "Russia's Ministry of Defense", "the Ministry of Commerce of China", "Japan's
        Self-Defense Forces" as "Russian Ministry of Defence", "MOFCOM", "Japan
        Self-Defense Forces", when the gazetteer holds one of that state's forms joined
        to the name."""
        i, end = span.start, span.end
        code = None
        if i >= 3 and words[i - 2 : i] == ["'", "s"]:
            code = self._state_at(words, 0, i - 2)
        if code is None and end + 1 < len(words) and words[end] == "of":
            code = self._state_at(words, end + 2 if words[end + 1] == "the" else end + 1, -1)
        if code is None:
            return None
        for state in self._states_by_code.get(code, ()):
            for form in state.forms:
                for name in (f"{form} {span.name}", f"{span.name} of {form}"):
                    found = self.resolve(name)
                    if found is not None and found.code == code and found.type != "country":
                        return self._numbers[found.name]
        return None

    def _main_state(self, counts: dict[int, int]) -> str | None:
        """The state the text names most, if one leads (its "the Navy" is that state's)."""
        actors = self._actor_list
        ranked = sorted(
            ((c, actors[k].code) for k, c in counts.items() if actors[k].type == "country"),
            reverse=True,
        )
        if not ranked or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
            return None
        return ranked[0][1]

    def _subject_version(
        self, words: list[str], position: int, number: int, subject: str | None
    ) -> int | None:
        """The subject state's own body under the context form at ``position`` ("the
        Democratic Party" in a text about South Korea: the Democratic Party of Korea), when
        the text is about another state than the form's and the gazetteer holds that
        state's body as "<form> of <state>" or "<state's adjective> <form>"."""
        actor = self._actor_list[number]
        if subject is None or subject == actor.context_code or actor.context_code in ("UN", "EU"):
            return None
        state = self._countries.get(subject)
        if state is None:
            return None
        for form in (*actor.context, *actor.main):  # ("the Army" in a text about India)
            parts = form.split()
            if words[position : position + len(parts)] != parts:
                continue
            found = self._states_own(form, state)
            if found is not None:
                return found
        return None

    def _states_own(self, name: str, state: Actor) -> int | None:
        """The state's own body called ``name``: the one the gazetteer holds as "<name> of
        <state>" or "<state's form> <name>" ("the Republican Party of Chile", "the
        Australian Labor Party"), if any."""
        for form in state.forms:
            found = self.resolve(f"{name} of {form}") or self.resolve(f"{form} {name}")
            if found is not None and found.code == state.code and found.type != "country":
                return self._numbers[found.name]
        return None

    def _possessor_version(self, words: list[str], i: int, size: int, number: int) -> int | None:
        """For a state's body named after another state's possessive ("Chile's far-right
        Republican Party", "Australia's Labor Party"): that other state's body of the same
        name ("<name> of <state>", "<state's form> <name>") when the gazetteer holds one,
        else -1 (the form names some other state's body, not this one); None when no
        other state's possessive comes before it."""
        actor = self._actor_list[number]
        if actor.type != "organization" or not actor.code or self._state_at(words, i, -1):
            return None  # ("Sweden's bid to the Turkish parliament": its own state's name)
        j = i
        while (
            j > 2
            and i - j < 4
            and words[j - 2 : j] != ["'", "s"]
            and (
                words[j - 1] == "-"
                or (words[j - 1].islower() and words[j - 1] not in FUNCTION_WORDS)
            )
        ):
            j -= 1  # modifiers: "far-right", "ruling", "opposition"
        if j < 3 or words[j - 2 : j] != ["'", "s"]:
            return None
        state = self._state_at(words, 0, j - 2)
        country = self._countries.get(state) if state else None
        if country is None or state == actor.code:
            return None
        found = self._states_own(" ".join(words[i : i + size]), country)
        return -1 if found is None else found

    def _to_subjects_own(self, counts: dict[int, int], first: dict[int, int]) -> None:
        """A state's body named by a bare name that another state's body of the same kind
        shares ("the Republican Party"), in a text about that other state which names
        neither the first state nor its people, is the other state's body where the
        gazetteer holds it ("<name> of <state>", "<state's adjective> <name>": in a text
        about Armenia, the Republican Party of Armenia)."""
        actors = self._actor_list
        subject = self._subject_state(counts)
        state = self._countries.get(subject) if subject else None
        if state is None:
            return
        named = {actors[k].code for k in counts if actors[k].type in ("country", "person")}
        for k in [
            k
            for k in counts
            if actors[k].type == "organization" and actors[k].code not in (None, *named)
        ]:
            theirs = self._states_own(actors[k].name, state)
            if theirs is None or theirs == k:
                continue
            counts[theirs] = counts.get(theirs, 0) + counts.pop(k)
            first[theirs] = min(first.get(theirs, first[k]), first.pop(k))

    def _subject_state(self, counts: dict[int, int]) -> str | None:
        """The state the text is about, if one leads: its mentions and its people's."""
        actors = self._actor_list
        weight: dict[str, int] = {}
        for k, c in counts.items():
            actor = actors[k]
            if actor.code and actor.type in ("country", "person"):
                weight[actor.code] = weight.get(actor.code, 0) + c
        ranked = sorted(weight.values(), reverse=True)
        if not ranked or (len(ranked) > 1 and ranked[1] * _SUBJECT_LEAD > ranked[0]):
            return None  # (a text on China's pressure on South Korea is about both)
        return max(weight, key=weight.__getitem__)

    def _names_us_state(self, text: str, words: list[str]) -> bool:
        """Whether the text names one of the US states (Georgia, also a country, aside):
        for the context forms and leaders' surnames, a text about the United States."""
        single, double = self._us_state_names
        return (
            not single.isdisjoint(words)
            or any(name in text for name in double)
            or _US_MEMBER.search(text) is not None
        )

    def _misspelt_head(self, first: str, last: str) -> int | None:
        """The one head of state or government, or sitting leader, whose first name is
        ``first`` and whose surname of six letters or more is ``last`` but for one
        letter added, dropped, changed or two neighbours swapped ("Ali Khamanei")."""
        if len(last) < 5:
            return None
        found = {
            k
            for surname, k in self._heads_by_first.get(first, ())
            if abs(len(surname) - len(last)) <= 1 and _one_edit(surname, last)
        }
        return found.pop() if len(found) == 1 else None

    @cached_property
    def _heads_by_first(self) -> dict[str, list[tuple[str, int]]]:
        table: dict[str, list[tuple[str, int]]] = {}
        for k, actor in enumerate(self._actor_list):
            if actor.type == "person" and (actor.head or actor.leader):
                for form in {actor.name, *actor.forms}:
                    parts = form.casefold().split()
                    if len(parts) >= 2 and len(parts[-1]) >= 6:
                        table.setdefault(parts[0], []).append((parts[-1], k))
        return table

    @cached_property
    def _head_surnames(self) -> frozenset[str]:
        """The last words of the names of those who headed a state or a government."""
        return frozenset(a.name.split()[-1] for a in self._actor_list if a.head or a.leader)

    @cached_property
    def _us_state_names(self) -> tuple[frozenset[str], tuple[str, ...]]:
        names = self.rules.us_states - {"Georgia"}
        return frozenset(n for n in names if " " not in n), tuple(n for n in names if " " in n)

    def _known_as(self, words: list[str], span: Span) -> int | None:
        """The gazetteer's body that an unknown name is after all: its form less the
        "the" it is listed with ("Security Council paralysis" opening a sentence), or
        after an ordinal or a charter's chapter ("the 80th General Assembly", "a Chapter
        VII UN Security Council resolution")."""
        start = span.start
        if ORDINAL.match(words[start]):
            start += 1
        elif words[start] in _PARTS and start + 1 < span.end and _NUMBERED.match(words[start + 1]):
            start += 2
        if start >= span.end:
            return None
        name = join_words(words, start, span.end).casefold()
        for key in (name, f"the {name}"):
            actor = self._lookup.get(key)  # (a form overrides a short or context form)
            if (
                actor is not None
                and actor.type == "organization"
                and any(key == f.casefold() for f in (actor.name, *actor.forms))
            ):
                return self._numbers[actor.name]
        return None

    def _surname_after_given(self, words: list[str], starts: list[bool], i: int, size: int) -> bool:
        """The state's name at ``i`` is a person's surname: a given name stands before it,
        inside a sentence, and no capitalised word follows ("Jason Israel", "thank Ann
        Jordan and"); or the two words are a byline's name, alone up to the line's or the
        sentence's end or a dash ("By: Jason Israel - 25/01/2026")."""
        if size != 1 or i < 2:
            return False
        if starts[i - 1] and not (
            (i + 1 == len(words) or starts[i + 1] or words[i + 1] in ("-", "–", "—", "|"))
            and not self._form_at(words, i - 1)
        ):
            return False  # (a sentence's first word may be any word: "Later Israel said")
        given = words[i - 1]
        return (
            given in self._names.given
            and given not in FUNCTION_WORDS
            and given not in HEADLINE_WORDS
            and given not in PERSON_TITLES
            and not words[i - 2][:1].isupper()
            and not (i + 1 < len(words) and words[i + 1][:1].isupper() and not starts[i + 1])
        )

    def _other_named_head(self, head: str, number: int, counts: dict[int, int]) -> bool:
        """Whether the text names another body whose name ends in ``head``, of another
        family than the context's ("the Council" in a text that names the Security Council
        may be either; beside the European Council it is still the EU's)."""
        family = self._actor_list[number].context_code
        return any(
            other != number
            and (actor := self._actor_list[other]).type == "organization"
            and actor.name.endswith(" " + head)
            and actor.family != family
            for other in counts
        )

    def _bare_institutions(
        self, words: list[str], in_actor: set[int], counts: dict[int, int]
    ) -> list[tuple[int, int]]:
        """Where a national institution is named bare ("the country's Supreme Court",
        "the Election Commission") in a text about one state other than the US, and the
        gazetteer holds that state's institution under its generic name ("Supreme Court
        of Sri Lanka", a name or a form): as (position, body). The US's bodies have their
        own context forms."""
        heads = [
            (k, head)
            for k in compress(range(len(words)), map(_BARE_HEADS.__contains__, words))
            if k not in in_actor
            for head in _BARE_HEADS[words[k]]
            if tuple(words[k : k + len(head)]) == head
        ]
        if not heads:
            return []
        subject = self._subject_state(counts)
        found = []
        for k, head in heads:
            state = subject
            if k >= 3 and words[k - 3 : k] in _ANAPHORIC:
                # "the country's Constitutional Court": the state named last before it
                state = self._state_before(words, k - 3) or subject
            if state is None or state == "USA":
                continue
            body = self._institutions.get((state, head))
            after = k + len(head)
            if (
                body is not None
                and not (k > 0 and _name_like(words[k - 1]) and words[k - 1] != "The")
                and not (
                    k > 2
                    and words[k - 2 : k] == ["'", "s"]
                    and self._state_at(words, 0, k - 2) not in (None, state)
                )  # "Russia's Supreme Court" in a text about Ukraine
                and not (after < len(words) and (words[after] == "of" or _name_like(words[after])))
            ):
                found.append((k, body))
        return found

    def _possessed_institutions(
        self, words: list[str], in_actor: set[int]
    ) -> list[tuple[int, int]]:
        """Where a state's national institution is named by the state's possessive or
        adjective and its kind in lower case ("South Korea's parliament", "Japan's central
        bank", "the Russian defence ministry"), and the gazetteer holds that state's
        institution under its generic name: as (position, body)."""
        found = []
        n = len(words)
        firsts = map(_POSSESSED_FIRST.__contains__, map(str.lower, words[1:]))
        for j in compress(range(1, n), firsts):
            if j in in_actor:
                continue
            for head in _POSSESSED_HEADS:
                after = j + len(head)
                if tuple(w.lower() for w in words[j:after]) != head or (
                    after < n and (words[after] == "of" or _name_like(words[after]))
                ):
                    continue
                if j >= 3 and words[j - 2 : j] == ["'", "s"]:
                    code = self._state_at(words, 0, j - 2)  # "Japan's central bank"
                elif head in _ADJECTIVE_HEADS:
                    code = self._state_at(words, 0, j)  # "the Russian defence ministry"
                else:
                    continue
                body = self._institutions.get((code, _POSSESSED_HEADS[head])) if code else None
                if body is not None:
                    found.append((j, body))
        return found

    @cached_property
    def _institutions(self) -> dict[tuple[str, tuple[str, ...]], int]:
        """(state code, generic head) -> the body named "<head> of <state>" or "<one of the
        state's forms> <head>" ("UK Ministry of Defence", "British Ministry of Defence")."""
        states = self._countries
        table: dict[tuple[str, tuple[str, ...]], int] = {}
        # (a body none of whose names ends with any head, or holds it before "of", is
        # passed over in one test each: "Reserve Bank of India" holds "Reserve Bank")
        ends = tuple(
            " ".join(head)
            for heads in (*_BARE_HEADS.values(), _PARLIAMENT, _SERVICES)
            for head in heads
        )
        holds = re.compile("|".join(re.escape(f"{end} of ") for end in ends))
        for number, actor in enumerate(self._actor_list):
            code = actor.code
            if actor.type != "organization" or code not in states:
                continue
            names = (actor.name, *actor.forms)
            if not any(name.endswith(ends) or holds.search(name) for name in names):
                continue
            for heads in (*_BARE_HEADS.values(), _PARLIAMENT, _SERVICES):
                for head in heads:
                    text = " ".join(head)
                    if not any(name.endswith(text) or f"{text} of " in name for name in names):
                        continue
                    name = states[code].name
                    generic = {f"{text} of {name}", f"{text} of the {name}"}
                    generic.update(f"{form} {text}" for form in states[code].forms)
                    if not generic.isdisjoint(names):
                        table.setdefault((code, head), number)
        return table

    def _shortened(self, name: list[str]) -> int | None:
        """The one known body whose name ``name`` shortens by leaving out words inside it,
        keeping its first and last ("the Tigray Liberation Front", "the Tigray Front":
        the Tigray People's Liberation Front). The first word must be the name's own
        (a place, a people), not a generic or function word."""
        first = name[0]
        if (
            len(name) < 2
            or first in GENERIC_WORDS
            or first in ORG_OPENERS
            or first in FUNCTION_WORDS
            or first in ORG_HEADS
            or first in _SERVICE_WORDS
            or not _name_like(first)
        ):
            return None  # ("the Air Command" is no Air Force's command)
        found = {
            number
            for full, number in self._bodies_by_first.get(first, ())
            if full[-1] == name[-1] and len(full) > len(name) and _subsequence(name, full)
        }
        return found.pop() if len(found) == 1 else None

    def _number_variant(self, name: str) -> int | None:
        """The one known body whose name ``name`` writes with a word in the singular or
        the plural, in the other of British and American spelling, or with "the" inside
        it or not ("the Pacific Island Forum": the Pacific Islands Forum)."""
        found = self._by_number_key.get(_number_key(name), ())
        if found or " " not in name:
            return found[0] if len(found) == 1 else None
        # "the Palestinian Liberation Organization", "the Japanese Self Defense Force": a
        # state's adjective where the known name has the state's name
        first, rest = name.split(" ", 1)
        state = self.resolve(first)
        if state is None or state.type != "country" or first == state.name:
            return None
        numbers = {
            number
            for form in (state.name, *state.forms)
            if " " not in form and form != first
            for number in self._by_number_key.get(_number_key(f"{form} {rest}"), ())
        }
        return numbers.pop() if len(numbers) == 1 else None

    @cached_property
    def _by_number_key(self) -> dict[str, list[int]]:
        """Number-blind key -> the bodies one of whose names of two words or more has it;
        built on first need."""
        _ = self._index  # (numbers the actors)
        return _keyed(
            (
                (number, form)
                for number, actor in enumerate(self._actor_list)
                if actor.type in ("organization", "group")
                for form in {actor.name, *actor.forms}
                if " " in form
            ),
            _number_key,
        )

    def _of_state_named(self, name: list[str]) -> int | None:
        """The known body ``name`` names with another of its state's names after "of"
        ("the Central Bank of the Russian Federation": the Central Bank of Russia)."""
        code = self._state_at(name, 0, len(name))
        if code is None:
            return None
        for k in range(1, len(name) - 1):
            if name[k] != "of":
                continue
            rest = k + 2 if name[k + 1] == "the" else k + 1
            if self._state_at(name, rest, -1) != code:
                continue
            state = self._countries[code].name
            found = self.resolve(f"{' '.join(name[:k])} of {state}") or self.resolve(
                f"{' '.join(name[:k])} of the {state}"
            )
            if found is not None and found.type == "organization" and found.code == code:
                return self._numbers[found.name]
        return None

    def _known_core(self, name: list[str]) -> int | None:
        """The known body whose one-word name is the only word of ``name`` that is not a
        body's kind or a region's adjective ("the European Frontex Agency": Frontex)."""
        core = [
            w
            for w in name
            if w not in GENERIC_WORDS
            and w not in ORG_HEADS
            and w not in CONNECTORS
            and w not in _REGION_ADJECTIVES
            and w != "the"
        ]
        if len(core) != 1 or len(core) == len(name):
            return None
        found = self.resolve(core[0])
        if found is None or found.type != "organization" or found.context_code:
            return None
        return self._numbers[found.name]

    def _tail_of_named(self, name: list[str], named: Iterable[int]) -> int | None:
        """The one known body the text names whose name ends with ``name``, longer ("the
        Defense Advanced Research Projects Agency" ... "the Advanced Research Projects
        Agency"): the body named again without its first words."""
        found = {
            number
            for number in set(named)
            for form in (self._actor_list[number].name, *self._actor_list[number].forms)
            if len(parts := form.split()) > len(name) and parts[-len(name) :] == name
        }
        return found.pop() if len(found) == 1 else None

    @cached_property
    def _bodies_by_first(self) -> dict[str, list[tuple[tuple[str, ...], int]]]:
        """First word -> the names of three words or more of the bodies it begins."""
        table: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for number, actor in enumerate(self._actor_list):
            if actor.type != "organization":
                continue
            for form in {actor.name, *actor.forms}:
                parts = tuple(w for w in re.findall(r"[\w'’.-]+", form))
                if len(parts) >= 3:
                    table.setdefault(parts[0], []).append((parts, number))
        return table

    @cached_property
    def _numbers(self) -> dict[str, int]:
        return {actor.name: k for k, actor in enumerate(self._actor_list)}

    def _plural_titled(self, words: list[str], k: int, in_actor: set[int]) -> list[tuple[int, int]]:
        """The people a plural title names ("Presidents Roe and Doe", "Senators Roe, Doe
        and Poe"): each surname after it that, with the title in the singular, is one of
        the gazetteer's titled forms ("President Roe"); as (token position, actor)."""
        title = _PLURAL_TITLES[words[k]]
        found: list[tuple[int, int]] = []
        j = k + 1
        while j < len(words) and words[j][:1].isupper() and j not in in_actor:
            actor = self._lookup.get(f"{title} {words[j]}".casefold())
            if actor is None or f"{title} {words[j]}" not in actor.forms:
                break
            found.append((j, self._numbers[actor.name]))
            if j + 2 < len(words) and words[j + 1] in (",", "and"):
                j += 2
            else:
                break
        return found

    def _us_state_body(self, words: list[str], i: int, number: int) -> bool:
        """A US federal body's bare name ("Department of Education", "Office of
        Management") right after a US state's name, or after "state" in lower case ("the
        state Department of Education"), is that state's body."""
        actor = self._actor_list[number]
        if actor.code != "USA" or actor.type != "organization" or words[i] not in ORG_OPENERS:
            return False
        states = self.rules.us_states
        return i >= 1 and (
            words[i - 1] in states
            or words[i - 1] == "state"
            or " ".join(words[i - 2 : i]) in states
        )

    def _with_own_state(self, words: list[str], span: Span) -> Span:
        """An unknown state body's name with the "of <State>" that follows it ("the
        Ministry of Defense of Azerbaijan"): the body is that state's, and its name says
        so; and a state's possessive before it ("Azerbaijan's Ministry of Defense") or the
        state after "in" ("the Ministry of Education in Palestine") names it the same way.
        The state is counted on its own as well."""
        if not (span.type == "organization" and span.state_body):
            return span
        i = span.start
        codes = []
        if i >= 3 and words[i - 2 : i] == ["'", "s"]:  # "Azerbaijan's Ministry of ..."
            codes.append(self._state_at(words, 0, i - 2))
        if span.end + 1 < len(words) and words[span.end] == "in":
            codes.append(self._state_at(words, span.end + 1, -1))  # "... in Palestine"
        for code in codes:
            country = self._countries.get(code or "")
            if country is not None and not span.name.endswith(country.name):
                return Span(i, span.end, f"{span.name} of {country.name}", span.type, True)
        k = span.end + 1
        if k >= len(words) or words[k - 1] != "of":
            return span
        if words[k] == "the":
            k += 1
        for size in (3, 2, 1):
            end = k + size
            if (
                tuple(words[k:end]) in self._state_forms
                and words[k][:1].isupper()
                and not (end < len(words) and words[end][:1].isupper())  # "of the Chinese
                # Ministry of Foreign Affairs": the state names the next body, not this one
            ):
                return Span(span.start, end, join_words(words, span.start, end), span.type, True)
        return span

    @cached_property
    def _states_by_code(self) -> dict[str, list[Actor]]:
        """State code -> every state entry with that code, in the gazetteer's order."""
        found: dict[str, list[Actor]] = {}
        for actor in self._actor_list:
            if actor.type == "country" and actor.code:
                found.setdefault(actor.code, []).append(actor)
        return found

    @cached_property
    def _countries(self) -> dict[str, Actor]:
        """State code -> the state (the last entry with that code)."""
        return {code: states[-1] for code, states in self._states_by_code.items()}

    def _state_at(self, words: list[str], start: int, end: int) -> str | None:
        """The state a form of one to three words ending at ``end`` (exclusive) or, with
        ``end`` < 0, starting at ``start`` names ("Mexico", "South Korea", "Brazilian")."""
        for size in (3, 2, 1):
            a, b = (end - size, end) if end >= 0 else (start, start + size)
            if a < 0 or b > len(words):
                continue
            code = self._state_forms.get(tuple(words[a:b]))
            if code is not None:
                return code
        return None

    def _state_before(self, words: list[str], end: int) -> str | None:
        """The state named last before ``words[end]``, within ``_ANAPHOR_REACH`` words."""
        for j in range(end, max(0, end - _ANAPHOR_REACH), -1):
            found = self._state_at(words, 0, j)
            if found is not None:
                return found
        return None

    def _other_state(self, words: list[str], i: int, size: int, code: str | None) -> bool:
        """A generic body's name at ``words[i : i + size]`` made another state's by what
        stands around it: "Mexico's Supreme Court", "the Brazilian Congress", "Pakistan's
        Foreign Office", "the Congress of Colombia" are not the US or British bodies; nor
        is "the country's Supreme Court" when the state named last before it is another."""
        if i >= 3 and words[i - 3 : i] in _ANAPHORIC:
            found = self._state_before(words, i - 3)
        elif i >= 3 and words[i - 2 : i] == ["'", "s"]:
            found = self._state_at(words, 0, i - 2)
        elif i >= 1:
            found = self._state_at(words, 0, i)
        else:
            found = None
        end = i + size
        if found is None and end + 1 < len(words) and words[end] == "of":
            start = end + 2 if words[end + 1] == "the" else end + 1
            found = self._state_at(words, start, -1)
        return found is not None and found != code

    def _form_at(self, words: list[str], j: int) -> bool:
        """Some gazetteer form (not a blocker) starts at ``words[j]``."""
        for form, number, _kind in self._index[0].get(words[j], ()) if j < len(words) else ():
            if number >= 0 and tuple(words[j : j + len(form)]) == form:
                return True
        return False

    def _compound_word(self, words: list[str], tokens: list[tuple[str, int]], i: int) -> bool:
        """A one-word, title-case name joined by a hyphen, with no space, to a capitalised
        word that names no actor ("Meta-Scenarios"): part of a compound word; not
        "EU-China" nor "Hamas-run"."""
        word = words[i]
        if i + 2 >= len(words) or words[i + 1] != "-" or word.isupper():
            return False
        after = words[i + 2]
        return (
            tokens[i + 1][1] == tokens[i][1] + len(word)
            and tokens[i + 2][1] == tokens[i + 1][1] + 1
            and after[:1].isupper()
            and not after.isupper()
            and not self._form_at(words, i + 2)
        )

    def _longer_inside(self, words: list[str], i: int, size: int) -> bool:
        """A longer form starts inside ``words[i : i + size]`` and runs past its end. A
        form that counts only in context ("Commission President") does not hide the full
        name it overlaps ("European Commission President Ursula von der Leyen")."""
        index = self._index[0]
        for j in range(i + 1, i + size):
            if words[j - 1] in _PATRONYMIC:
                continue  # ("Mohammed bin Salman of Saudi Arabia": no "Salman of ..." inside)
            for form, number, kind in index.get(words[j], ()):
                if (
                    number >= 0
                    and kind != _SHARED
                    and kind not in _CONTEXTS
                    and j + len(form) > i + size
                    and tuple(words[j : j + len(form)]) == form
                ):
                    return True
        return False

    def _given_of_another(
        self,
        words: list[str],
        tokens: list[tuple[str, int]],
        text: str,
        i: int,
        size: int,
        number: int,
    ) -> bool:
        """A form that ends in the person's given name, then a capitalised surname that
        is not theirs on the same line ("President Fidel Ramos" is not Fidel Castro,
        "Bashar Jaafari" not Bashar al-Assad): someone else's name."""
        actor = self._actor_list[number]
        after = i + size
        if actor.type != "person" or after >= len(words):
            return False
        own = actor.name.split()
        word = words[after]
        if len(own) < 2 or words[after - 1] != own[0] or not _name_like(word) or word in own:
            return False
        # (a surname spelt another way is theirs: "Saddam Husein", "Mahathir Mohammad")
        stems = {w.removeprefix("al-").removeprefix("el-")[:3].casefold() for w in own[1:]}
        return (
            word[:3].casefold() not in stems
            and word not in HEADLINE_WORDS
            and word not in PERSON_TITLES
            and word not in self.rules.office_words
            and not self._form_at(words, after)
            and "\n" not in text[tokens[after - 1][1] : tokens[after][1]]
        )

    def _known_with_particle(self, name: str) -> bool:
        """Whether a two-word name opened by the Arabic article written apart ("Al
        Assad", "El Sisi") is a known person's form with the article joined ("al-Assad"):
        that person's short form, not someone else who shares the surname."""
        article, _, rest = name.partition(" ")
        if article not in ("Al", "El", "al", "el") or not rest or " " in rest:
            return False
        actor = self.resolve(f"al-{rest}") or self.resolve(f"el-{rest}")
        return actor is not None and actor.type == "person"

    def _other_person(
        self,
        words: list[str],
        starts: list[bool],
        i: int,
        size: int,
        number: int,
        in_actor: set[int],
    ) -> bool:
        """A surname after another given name ("Bruce Blair" is not Tony Blair, "Turki
        Al-Maliki" not Nouri al-Maliki)."""
        joined = size == 3 and words[i] in _ARTICLES_JOINED and words[i + 1] == "-"
        if (size != 1 and not joined) or i == 0 or starts[i]:
            return False
        if starts[i - 1] and not (
            words[i - 1] in self._names.given
            or (i > 1 and words[i - 2] in _HONORIFICS)
            or (i > 2 and words[i - 2] == "." and words[i - 3] in _HONORIFICS)
        ):
            return False  # a sentence's first word may be any word ("Later Xi said")
        if number >= 0 and self._actor_list[number].type != "person":
            return False
        before = words[i - 1]
        if number >= 0 and _same_given(before, self._actor_list[number].name.split()[0]):
            return False  # "Victor Yanukovych" is Viktor Yanukovych, spelled another way
        if number >= 0 and spelling_key(before) in {
            spelling_key(part)
            for part in re.split(r"[\s-]+", self._actor_list[number].name)[:-1]
            if len(part) > 2
        }:
            return False  # "Abdul-Fattah el-Sisi": a later given name of the same person
        if before in ("Al", "El") and self._known_with_particle(f"{before} {words[i]}"):
            return False  # "Al Assad": the article written apart, not a given name
        return (
            _name_like(before)
            and before not in self.rules.office_words
            and before not in _HONORIFICS
            and before not in PERSON_TITLES
            and (i - 1) not in in_actor
            # curated: the open-data names change no rule; a known given name is one
            and (before not in self._heads or before in self._names.given)
        )

    def _surname_not_org(
        self,
        words: list[str],
        starts: list[bool],
        i: int,
        size: int,
        number: int,
        in_actor: set[int],
    ) -> bool:
        """A one-word organisation name right after a known given name, or after any
        capitalised word and a middle initial, is that person's surname ("the financier
        Alex Saab", "Bilal Y. Saab" are not the carmaker Saab)."""
        if size != 1 or i == 0 or number < 0:
            return False
        if self._actor_list[number].type not in ("organization", "group"):
            return False
        if i >= 3 and initial(words, i - 2):
            # "Bilal Y. Saab": a capitalised word and an initial make a person's name, a
            # given name the gazetteer does not know included (the full stop is no
            # sentence's end)
            first = words[i - 3]
            return first.istitle() and first.isalpha() and len(first) > 1 and i - 3 not in in_actor
        if starts[i]:
            return False
        given = i - 1
        return words[given] in self._names.given and given not in in_actor

    def _after_state_and(self, words: list[str], span: Span) -> Span:
        """An organisation's name without a state and "and" before it: "(Tanabe of) Japan
        and National Defence Bureau" is the bureau; "Trinidad and Tobago Defence Force",
        a state whose name holds "and", is left whole."""
        if span.type != "organization" or "and" not in words[span.start : span.start + 4]:
            return span
        forms = self._state_forms
        for size in (1, 2, 3):
            cut = span.start + size
            if (
                cut + 2 < span.end
                and words[cut] == "and"
                and tuple(words[span.start : cut]) in forms
                and not any(tuple(words[span.start : cut + k]) in forms for k in (2, 3))
            ):
                return Span(cut + 1, span.end, join_words(words, cut + 1, span.end), span.type)
        return span

    def _without_glued_person(self, words: list[str], span: Span) -> Span | None:
        """An organisation's name run together with a person's before it, as a document's
        front matter flattened into one line gives them ("Supervised by Jane Roe
        Department of Political Science", "Advisor: Omar Lind Georgetown University"):
        the body after the person when its own name opens there (a head and "of"), or
        nothing when the rest is a body the gazetteer knows (found by its own name). A
        body named after a person ("the Jane Roe Peace Institute") is kept."""
        if span.type != "organization":
            return span
        given = self._names.given
        k = next(
            (
                k
                for k in range(span.end - 3, span.start - 1, -1)
                if words[k] in given
                and words[k + 1][:1].isupper()
                and words[k + 1][1:].islower()
                and words[k + 1].isalpha()
                and words[k + 1] not in ORG_HEADS
            ),
            None,
        )
        if k is None:
            return span
        tail = join_words(words, k + 2, span.end)
        # "Jane Roe Department of X": a body's own name, head and "of", opens after hers
        # (not "the Eau Claire Area School District", a place's name with a given name)
        opens = (
            span.end - (k + 2) >= 3
            and (words[k + 2] in ORG_HEADS or words[k + 2] in ORG_OPENERS)
            and words[k + 3] in ("of", "for", "on")
        )
        if opens:  # (read again as a name of its own: "Department of Political Science" is
            # a university's unit, no actor)
            return org_in(words, k + 2, span.end)
        if k == span.start and self.resolve(tail) is not None:
            return None  # "Omar Lind Georgetown University": the university, found itself
        if (
            k == span.start
            and span.end - k >= 4
            and (k == 0 or words[k - 1] not in ("the", "The", "a", "an"))
        ):
            return None  # "Kevin Hewison Carolina Asia Center": a byline and an
            # affiliation of two words or more (a body named after someone comes with its
            # article; "Carmel Clay Schools" is a place's)
        return span

    @cached_property
    def _country_words(self) -> frozenset[str]:
        """One-word forms of countries ("US", "Japan", "ROK"): the parts of a bilateral
        pair's name ("US-Japan Alliance")."""
        found = {"U.S", "U.K", "E.U", "EU"}
        for actor in self._actor_list:
            if actor.type == "country":
                found.update(f for f in actor.forms if " " not in f)
                if actor.code:
                    found.add(actor.code)
        return frozenset(found)

    def _venue_only(self, words: list[str], position: int, state: Actor) -> bool:
        """The state at ``position`` (its one mention) only says where a place is: "held in
        Hanoi, Vietnam", "traveled to Davos, Switzerland" (a capital there is a venue, not
        counted). Not a list ("from Morocco, Senegal", "in Europe, Japan and elsewhere")."""
        if position < 3 or words[position - 1] != ",":
            return False
        after = position + 1
        while after < len(words) and _name_like(words[after]):
            after += 1  # (past a state's name of more than one word)
        if after < len(words) and (
            words[after] in ("and", "or")
            or (
                words[after] == ","
                and after + 1 < len(words)
                and words[after + 1] in self._country_words
            )
        ):
            return False  # "in Europe, Japan and elsewhere", "in the West Bank, Lebanon,
            # Syria and Yemen": a list
        k = position - 2
        place = 0
        while k >= 0 and place < 4 and (_name_like(words[k]) or words[k] == "-"):
            if words[k] in self._country_words and words[k] not in state.metonyms:
                return False
            place += words[k] != "-"
            k -= 1
        if k > 0 and words[k] == "the":
            k -= 1  # "at the Riverside Hotel, Singapore"
        return 0 < place <= 3 and k >= 0 and words[k] in _VENUE_BEFORE

    @staticmethod
    def _beside(text: str, tokens: list[tuple[str, int]], span: Span, forms: set[str]) -> bool:
        """The publisher is named right before or after ``span`` ("Brookings's Water
        Center", "the Water Center at Brookings")."""
        start = tokens[span.start][1]
        end = tokens[span.end - 1][1] + len(tokens[span.end - 1][0])
        before = text[max(0, start - 60) : start]
        after = text[end : end + 60]
        for form in forms:
            if form in span.name:
                return True
            # Attached to it: "Brookings's Water Center", "the Brookings Hamilton Project",
            # "the Water Center at Brookings", "Director, Water Center, Brookings" (a staff
            # line); not "Brookings and the Rockefeller Foundation convened".
            k = before.rfind(form)
            if k >= 0 and _ATTACHED_BEFORE.fullmatch(before[k + len(form) :]):
                return True
            k = after.find(form)
            if k >= 0 and _ATTACHED_AFTER.fullmatch(after[:k]):
                return True
        return False

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
        start = tokens[i][1]
        if i > 0 and words[i - 1] in _LOWER_RANKS and words[i] in rules.office_words:
            return False  # "Deputy Secretary of State Christopher Landau" is no "Secretary
            # of State Christopher": another office, and someone else
        if (
            size == 1
            and len(words[i]) <= 4
            and words[i].isupper()
            and start > 1
            and text[start - 1] == "."
            and text[start - 2].isalnum()
        ):
            return False  # a file name's extension ("map2.PNG"), not the acronym
        if kind == _CONTEXT:
            if after == "of" and i + size + 1 < len(words) and _name_like(words[i + size + 1]):
                return False  # "the House of Saud", "the Senate of Ruritania": not the
                # context state's body
            # "Congress" but not "the Party Congress"; "Senate" but not "State Senate".
            if (
                i > 0
                and _name_like(words[i - 1])
                and words[i - 1] not in rules.office_words
                and not self._form_at(words, i - 1)
                and "\n" not in text[tokens[i - 1][1] : tokens[i][1]]  # a heading's last word
            ):
                starts = (
                    i < 2
                    or words[i - 2] in _SENTENCE_END
                    or "\n" in text[tokens[i - 2][1] : tokens[i - 1][1]]  # "The" opens a line
                )
                return starts and "\n" not in text[tokens[i - 1][1] : tokens[i][1]]
            return True
        if kind == _METONYM:
            if after in rules.venue_nouns:  # "the Vienna agreement", "the Washington summit"
                return False
            if (
                _name_like(after)
                and after not in rules.office_words
                and not self._form_at(words, i + size)
            ):
                return False  # "the Paris Peace Talks", "the Washington Post"
            if i > 0 and words[i - 1] in rules.name_particles:  # "Ponte de Lima"
                return False
            if i > 1 and words[i - 1] == "of" and words[i - 2] in _CITY_OWNERS:
                return False  # "the University of Ottawa", "the Mayor of Paris": the city
            possessive = after == "'" and i + size + 1 < len(words) and words[i + size + 1] == "s"
            if i > 0 and words[i - 1] in rules.venue_words and not possessive:
                return False
        if size == 1 and words[i] in rules.us_place_names and self._us_state_here(words, i):
            return False
        if (
            size == 1
            and (
                after in _FIELDS
                or (after == "and" and i + 3 < len(words) and words[i + 3] in _FIELDS)
            )
            and words[i] in self._country_words
        ):
            return False  # "the Office of Iranian Affairs", "Korean and Japanese affairs",
            # "the Center for Japanese Studies": a field's or an office's name, no state
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

    def _drop_us_states(
        self, words: list[str], counts: dict[int, int], bare: dict[int, int]
    ) -> None:
        """A country named only by a bare name that is also a US state ("Georgia"), in a
        text that names another US state, is that state."""
        states = self.rules.us_states - {"Washington"}
        for number, mentions in bare.items():
            name = self._actor_list[number].name
            if (
                mentions != counts.get(number)
                or self._actor_list[number].type != "country"
                or name not in self.rules.us_states  # "Washington" is the US government
            ):
                continue
            if any(
                (w in states or f"{w} {words[k + 1]}" in states) and w != name
                for k, w in enumerate(words[:-1])
            ):
                del counts[number]

    def _us_state_here(self, words: list[str], i: int) -> bool:
        """ "Georgia parents", "Georgia's schools", "the state of Georgia": the US state."""
        j = i + 1
        if j + 1 < len(words) and words[j] == "'" and words[j + 1] == "s":
            j += 2
        if j < len(words) and words[j] in self.rules.us_state_nouns:
            return True
        if (
            i >= 2
            and words[i - 1] in ("from", "of")
            and any(w in _CONGRESS_MEMBERS for w in words[max(0, i - 6) : i - 1])
        ):
            return True  # "Senator Jane Roe from Georgia": the state she sits for
        return i >= 2 and words[i - 1] == "of" and words[i - 2] in ("state", "State")

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
        """The country (number, token position) named inside a state body's name; for an
        international body (``code`` None), a country named after "in" or "for" in it."""
        index = self._index[0]
        for j in range(start, start + size):
            if code is None and (j == start or words[j - 1] not in ("in", "for")):
                continue
            for form, number, kind in index.get(words[j], ()):
                if (
                    number >= 0
                    and kind != _SHARED
                    and self._actor_list[number].type == "country"
                    and (code is None or self._actor_list[number].code == code)
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


# Words after a known organisation's name that make it the name of a document ("the
# United Nations Convention on ...", "the Roe Organisation Charter"): no mention of it.
# An article that makes the capitalised run after it a kind of thing, not a body's name
# ("addressed a Policy Forum", "an Agriculture Committee member").
_INDEFINITE = frozenset({"a", "an", "A", "An"})


# One-word context forms that open a sentence as a common noun, and the words that then
# follow them ("Labour markets", "Labour costs": work, not the UK party).
_COMMON_NOUN_USES: dict[str, frozenset[str]] = {
    "Labour": frozenset(
        [
            "market",
            "markets",
            "shortage",
            "shortages",
            "force",
            "forces",
            "cost",
            "costs",
            "rights",
            "migration",
            "migrants",
            "productivity",
            "law",
            "laws",
            "standards",
            "supply",
            "mobility",
            "unions",
            "union",
            "relations",
            "practices",
            "conditions",
            "participation",
            "income",
            "share",
            "camps",
            "camp",
            "exploitation",
        ]
    ),
}


def _modifies_a_name(words: list[str], after: int) -> bool:
    """Whether a capitalised word that goes on a name follows (the "Navy" of "a Navy
    Lieutenant", the "Army" of "Army Design Methodology"); an office does not ("Treasury
    Secretary Janet Yellen" is the Treasury's)."""
    return (
        after < len(words)
        and words[after][:1].isupper()
        and words[after].isalpha()
        and words[after] not in ("Secretary", "Secretaries")
    )


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by exactly one letter added, dropped or changed, or
    by two neighbours swapped."""
    if a == b:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if len(long_) - len(short) != 1:
        return False
    i = next((i for i, (x, y) in enumerate(zip(short, long_, strict=False)) if x != y), len(short))
    return short[i:] == long_[i + 1 :]


def _indefinite(words: list[str], start: int) -> bool:
    """Whether "a" or "an" opens the phrase the name at ``start`` ends, with up to two
    lower-case words between ("a Policy Forum", "a virtual Policy Forum")."""
    for k in range(start - 1, max(start - 4, -1), -1):
        if words[k] in _INDEFINITE:
            return True
        if not (words[k].isalpha() and words[k].islower()) or words[k] in _LINKS:
            return False  # not "a policy at Baird Middle School"
    return False


# Words that tie a name to what comes before it rather than describe it.
_LINKS = frozenset(
    [
        "at",
        "in",
        "on",
        "of",
        "for",
        "by",
        "with",
        "from",
        "to",
        "into",
        "about",
        "under",
        "over",
        "between",
        "against",
        "during",
        "and",
        "or",
        "as",
        "than",
        "that",
        "which",
        "who",
    ]
)


def _heads(words: list[str], span: Span) -> bool:
    """The name is its phrase's head ("a Policy Forum at"), not a modifier of a noun
    after it ("a Coast Guard vessel")."""
    after = words[span.end] if span.end < len(words) else ""
    return not after.isalpha() or after.capitalize() in FUNCTION_WORDS or after in CONNECTORS


# (Not "Resolution": "UN Security Council Resolution 1701" is the Council's act.)
_DOCUMENTS_AFTER = frozenset(["Convention", "Charter", "Treaty", "Protocol", "Declaration"])


def _replace_span(
    words: list[str],
    span: Span,
    rest: tuple[int, int],
    spans: list[Span],
    span_at: dict[int, Span],
) -> None:
    """Put the unknown name in ``words[rest]`` (if it still is one) in place of ``span``."""
    spans.remove(span)
    for k in range(span.start, span.end):
        span_at.pop(k, None)
    new = org_in(words, *rest)
    if new is not None:
        spans.append(new)
        for k in range(new.start, new.end):
            span_at[k] = new


def _names_a_body(words: list[str], end: int) -> bool:
    """Capitalised words after a person's full name ending at ``end`` run on to an
    organisation's head within five words ("the Jane Roe Human Rights Commission", "the
    Jane Roe International Peacekeeping Training Centre"): the body is named after the
    person, who is not mentioned."""
    for k in range(end, min(end + 6, len(words))):
        word = words[k]
        if word in ("'", "’"):
            continue  # "the Jane Roe Peoples’ Friendship University"
        if not word[:1].isupper() or word in HEADLINE_WORDS or word in PERSON_TITLES:
            return False
        if word in ORG_HEADS:
            return k > end and word not in ("Administration", "Government")
    return False


def _join_name(words: list[str], start: int) -> str:
    return f"{words[start]} {words[start + 1]}"


def _of_body(
    words: list[str],
    starts: list[bool],
    k: int,
    in_actor: set[int],
    span_at: dict[int, Span],
    names: NameWords,
) -> int | None:
    """Where a person named by two words and a known body starts ("Jane Roe of the Daily
    Ledger", the body known at ``k``): two capitalised words that are no title, place,
    body or headline word, not inside another name, then "of" (and "the")."""
    j = k - 1
    if j >= 0 and words[j] in ("the", "The"):
        j -= 1
    start = j - 2
    if start < 0 or words[j] != "of":
        return None
    pair = words[start:j]
    if start > 0 and not starts[start] and words[start - 1][:1].isupper():
        return None  # a longer capitalised run
    if start > 0 and words[start - 1] in ("the", "The", "a", "A", "an", "An"):
        return None  # "the Annual Meetings of the World Bank": a thing the body holds;
        # "a Member State of the EU": a kind of thing
    if start > 0 and words[start - 1].isdigit() and pair[0] not in names.given:
        return None  # "its 2031 Spring Consultations of the World Bank": the same
    if (
        start > 1
        and words[start - 1] in ("and", "&")
        and words[start - 2][:1].isupper()
        and pair[0] not in names.given
    ):
        return None  # "The Evolution and Potential Resurgence of the Pakistani Taliban":
        # a title's words
    if any(
        not (w[:1].isupper() and w[1:].islower() and w.isalpha())
        or w in names.other
        or w in PERSON_TITLES
        or w in ORG_HEADS
        or w in HEADLINE_WORDS
        or w in _NAMED_AFTER
        or w in DOCUMENT_NOUNS
        for w in pair
    ) or (pair[0] in FUNCTION_WORDS and pair[0] not in names.given):
        return None  # "the Special Summit of the African Union": an event of the body;
        # "The Plight of the Hamas Hostages": a headline's words
    if any(m in in_actor or m in span_at for m in (start, start + 1)):
        return None
    return start


def _same_given(a: str, b: str) -> bool:
    """Two spellings of one given name as transliterations give it ("Viktor" and
    "Victor", "Aleksandr" and "Alexander", "Sergei" and "Sergey"): the same first two
    letters and the same consonants once "k"/"c", "ks"/"x" and "y"/"i" are one letter
    and a doubled letter is single, and at most one letter more or less ("Qassim" and
    "Qasem"). "Tony" and "Tina" are not."""
    if a == b:
        return True
    x, y = _fold_given(a), _fold_given(b)
    return (
        abs(len(a) - len(b)) <= 1
        and x[:2] == y[:2]
        and x[:1] + re.sub("[aeiou]", "", x[1:]) == y[:1] + re.sub("[aeiou]", "", y[1:])
    )


def _fold_given(name: str) -> str:
    folded = name.casefold().replace("ks", "x").replace("k", "c").replace("y", "i")
    return re.sub(r"(.)\1", r"\1", folded)  # "Qassim" and "Qasem"


def _name_goes_on(words: list[str], start: int, end: int) -> bool:
    """``words[start:end]``, right after a known name, carries that name on to a longer
    one ("Federal Reserve" + "Bank of Boston", "NATO" + "Parliamentary Assembly", "EU" +
    "-China Investment Council"): words that read as an organisation's name, not as a
    body of its own ("Bureau of Industry", "Office of Net Assessment") nor after a
    joining word ("NATO and the European Union")."""
    if start + 1 < end and words[start] in ("-", "–"):
        start += 1  # "EU-China Investment Council"
    elif end - start < 2 or words[start] in CONNECTORS or words[start] == "the":
        return False
    if words[start] in ORG_OPENERS and words[start + 1] == "of":
        return False
    rest = org_in(words, start, end)
    return rest is not None and rest.start == start


def _starts(
    text: str, tokens: list[tuple[str, int]], words: list[str], lines: set[int] | None = None
) -> list[bool]:
    """For each token: does it begin a sentence or a line? A line break inside running
    text (a hard-wrapped paragraph, see ``_wrapped``) begins nothing. ``lines`` receives
    the token positions that begin a line."""
    if not words:
        return []
    starts = [True, *map(_SENTENCE_END.__contains__, words[:-1])]
    breaks: list[tuple[int, int]] = []  # (newline offset, first token after it)
    newline = text.find("\n")
    while newline != -1:
        # The first token after this newline starts a line.
        k = bisect_left(tokens, newline, key=_offset)
        if k == len(tokens):
            break
        breaks.append((newline, k))
        newline = text.find("\n", tokens[k][1])
    # A hard-wrapped text: several lines go on in lower case after a line that ends no
    # sentence ("a preview of which had been" / "discussed a day earlier").
    wrapped = (
        sum(words[k][:1].islower() and words[k - 1] not in _SENTENCE_END for _, k in breaks)
        >= _WRAP_MIN_LINES
    )
    for newline, k in breaks:
        if not (wrapped and _wrapped(text, newline, tokens[k][1])):
            starts[k] = True
            if lines is not None:
                lines.add(k)
    return starts


_WRAP_MIN_WORDS = 6
_WRAP_MIN_LINES = 3


def _wrapped(text: str, newline: int, after: int) -> bool:
    """In a hard-wrapped text, the line break from ``newline`` to ``after`` (the next
    token's offset) cuts a sentence of running text in two: the line before does not end a sentence and both
    lines read as prose (several words, some in lower case): "the Arms Control" /
    "Association, for example, all support". A short line, a heading or a name on its
    own line ("Sir Jane Roe" / "Commentary, 19 May") is a real break."""
    line_start = text.rfind("\n", 0, newline) + 1
    before = text[line_start:newline].rstrip()
    if not before or before[-1] in _SENTENCE_END or before[-1] in ".!?,:;":
        return False
    end = text.find("\n", after)
    following = text[after : end if end != -1 else len(text)]
    return _prose(before) and _prose(following)


def _prose(line: str) -> bool:
    words = line.split()
    return len(words) >= _WRAP_MIN_WORDS and sum(w[:1].islower() for w in words) >= 2


def _offset(token: tuple[str, int]) -> int:
    return token[1]


_SPELLING = str.maketrans("yzwq", "isvk")
_SILENT_H = re.compile(r"(?<=[bdgjklmnrvz])h|(?<=[aeiou])h\b")
_FOREIGN_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "ı": "i"})


# The first words of context forms that many states' bodies share ("Supreme Court"): in a
# text about another state (its mentions and its people's), that state's court, not the
# US one. ("Congress" and "Senate" were tried too, on the opened splits up to fresh13: a
# text about another state that names the US Congress is common, and they lost more
# right tags than they saved.)
_EVERY_STATES_BODY = frozenset({"Supreme"})

# Heads of movements, parties and fronts whose "of <State>" is part of their name (not
# a state's own body, as "the Ministry of Defence of Ukraine" is).
_MOVEMENT_HEADS = frozenset({"Movement", "Party", "Front", "Union", "Alliance"})

# The last words of an unknown name that make it an event, not a body.
# What a capital city has of its own, named "<word> of <city>": the city, not its state.
# A military service's words, which open many bodies' names and single none out.
_SERVICE_WORDS = frozenset(["Air", "Army", "Naval", "Navy", "Marine", "Space", "Coast"])
# Prefixes of a ship's name ("USS Ronald Reagan"): the person after one is the ship.
_SHIP_PREFIXES = frozenset(["USS", "HMS", "HMAS", "HMCS", "HMNZS", "INS", "RFS", "USNS"])

_CITY_OWNERS = frozenset(
    ["University", "College", "Mayor", "Governor", "Museum", "Port", "City", "Archbishop"]
)

_EVENT_HEADS = frozenset({"Conference", "Summit", "Symposium", "Workshop", "Seminar", "Webinar"})
# Heads of a recurring meeting's name, which a year after it makes one meeting.
_MEETING_HEADS = frozenset({"Dialogue", "Forum", "Congress", "Assembly", "Meeting"})


def _one_meeting(words: list[str], span: Span) -> bool:
    """A recurring meeting's name with a year after it ("the India-Japan Security
    Dialogue 2019"): one year's meeting, an event."""
    end = span.end
    return (
        words[end - 1] in _MEETING_HEADS
        and end < len(words)
        and len(words[end]) == 4
        and words[end].isdigit()
        and words[end][:2] in ("19", "20")
    )


# National institutions a text about one state may name bare ("Parliament", "the
# Supreme Court"): first word -> the names it starts.
# (Not "Parliament": a text about one state names the European Parliament or a
# legislature with its own name, "the National Assembly", as often.)
_BARE_HEADS: dict[str, tuple[tuple[str, ...], ...]] = {
    "Supreme": (("Supreme", "Court"),),
    "Constitutional": (("Constitutional", "Court"), ("Constitutional", "Tribunal")),
    "Election": (("Election", "Commission"),),
    "Electoral": (("Electoral", "Commission"),),
    "Central": (("Central", "Bank"),),
    "Reserve": (("Reserve", "Bank"),),
    "National": (("National", "Assembly"),),
    "Legislative": (("Legislative", "Assembly"),),
    "Ministry": (
        ("Ministry", "of", "Defence"),
        ("Ministry", "of", "Defense"),
        ("Ministry", "of", "Foreign", "Affairs"),
    ),
    "Department": (("Department", "of", "Defence"),),
    "Defence": (("Defence", "Ministry"), ("Defence", "Department")),
    "Defense": (("Defense", "Ministry"),),
    "Foreign": (("Foreign", "Ministry"),),
}

_PARLIAMENT = (("Parliament",),)
# How far the state a text is about must lead the next: half as many mentions again.
_SUBJECT_LEAD = 1.5
# A state's possessive and its institution's kind in lower case: the kind as the generic
# names write it ("South Korea's parliament": "Parliament of South Korea").
_POSSESSED_HEADS: dict[tuple[str, ...], tuple[str, ...]] = {
    ("parliament",): ("Parliament",),
    ("central", "bank"): ("Central", "Bank"),
    ("reserve", "bank"): ("Reserve", "Bank"),
    ("supreme", "court"): ("Supreme", "Court"),
    ("constitutional", "court"): ("Constitutional", "Court"),
    ("election", "commission"): ("Election", "Commission"),
    ("electoral", "commission"): ("Electoral", "Commission"),
    ("defence", "ministry"): ("Defence", "Ministry"),
    ("defense", "ministry"): ("Defense", "Ministry"),
    ("foreign", "ministry"): ("Foreign", "Ministry"),
    ("air", "force"): ("Air", "Force"),
    ("navy",): ("Navy",),
    ("armed", "forces"): ("Armed", "Forces"),
}
# The armed services a state's possessive or adjective names ("Israel's air force",
# "the Turkish navy", "Sudan's armed forces"): looked up like the institutions, never
# read bare. Not "army": "Ukraine's army" is as often the state's forces at large, which
# annotators leave out.
_SERVICES = (("Air", "Force"), ("Navy",), ("Armed", "Forces"))
_POSSESSED_FIRST = frozenset(head[0] for head in _POSSESSED_HEADS)
# Kinds a state's adjective names as surely as its possessive: ministries ("the Russian
# defence ministry") and services ("the Turkish navy"), not the parliament or the courts.
_ADJECTIVE_HEADS = frozenset(
    {
        ("defence", "ministry"),
        ("defense", "ministry"),
        ("foreign", "ministry"),
        ("air", "force"),
        ("navy",),
        ("armed", "forces"),
    }
)

# States whose people's names are written in English first: no transliteration to vary.
_LATIN_SCRIPT_STATES = frozenset({"USA", "GBR", "AUS", "CAN", "NZL", "IRL"})


# What a spelling key keeps: ASCII letters and (``str.isspace``) white space; one regex
# pass, not a Python test of each character (the persons' table is built from 6,000 names)
_NOT_KEY_LETTERS = re.compile(r"[^A-Za-z\s]")


def spelling_key(name: str) -> str:
    """What transliterations of one name share: its letters without case, accents,
    hyphens or spaces, with "ph" read as "f", "ou" as "u", y/i, z/s, w/v and q/k made one,
    an "h" after a voiced consonant or ending a word dropped, and doubled letters made
    single ("Yevgeny Prighozin" and "Yevgeny Prigozhin", "Abd-Rabbu Mansour Hadi" and
    "Abdrabbuh Mansour Hadi", "Abdel-Fattah el-Sissi" and "Abdel Fattah el-Sisi",
    "Wladimir Putin" and "Vladimir Putin" share one)."""
    letters = unicodedata.normalize("NFKD", name.casefold().translate(_FOREIGN_LETTERS))
    key = _NOT_KEY_LETTERS.sub("", letters)
    key = _SILENT_H.sub("", key.replace("ph", "f").replace("ou", "u")).translate(_SPELLING)
    return _DOUBLED.sub(r"\1", "".join(key.split()))


_DOUBLED = re.compile(r"(.)\1+")
# Words before an office's title that make it another, lower office (not "Under", a
# preposition as often: "Under President Roe").
_LOWER_RANKS = frozenset(["Deputy", "Assistant", "Associate"])


# Familiar forms of English given names and the names they shorten (facts of usage),
# read both ways: "Mike Waltz" and "Michael Waltz" are one person.
_FAMILIAR_GIVEN = {
    "Al": ("Albert", "Alan", "Alfred"),
    "Alex": ("Alexander", "Alexandra"),
    "Andy": ("Andrew",),
    "Ben": ("Benjamin",),
    "Bill": ("William",),
    "Bob": ("Robert",),
    "Chris": ("Christopher", "Christine"),
    "Chuck": ("Charles",),
    "Dan": ("Daniel",),
    "Dave": ("David",),
    "Dick": ("Richard",),
    "Don": ("Donald",),
    "Ed": ("Edward",),
    "Fred": ("Frederick",),
    "Greg": ("Gregory",),
    "Jeff": ("Jeffrey",),
    "Jim": ("James",),
    "Jimmy": ("James",),
    "Joe": ("Joseph",),
    "Ken": ("Kenneth",),
    "Larry": ("Lawrence",),
    "Liz": ("Elizabeth",),
    "Marty": ("Martin",),
    "Matt": ("Matthew",),
    "Mike": ("Michael",),
    "Nick": ("Nicholas",),
    "Pat": ("Patrick", "Patricia"),
    "Pete": ("Peter",),
    "Rick": ("Richard",),
    "Rob": ("Robert",),
    "Ron": ("Ronald",),
    "Sam": ("Samuel",),
    "Steve": ("Stephen", "Steven"),
    "Ted": ("Edward", "Theodore"),
    "Tim": ("Timothy",),
    "Tom": ("Thomas",),
    "Tony": ("Anthony",),
}


def _given_forms(familiar: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Each given name -> the names it may stand for, familiar and full, both ways."""
    forms: dict[str, tuple[str, ...]] = dict(familiar)
    for short, full in familiar.items():
        for name in full:
            forms[name] = (*forms.get(name, ()), short)
    return forms


_GIVEN_FORMS = _given_forms(_FAMILIAR_GIVEN)

_MIN_SKELETON = 6  # consonants: "Ali Khan" (lkn) and "Ala Khan" stay apart


_VOWELS = re.compile(r"[aeiouy]")


# A word with a note's number run into its end ("Korea1", "NATO12"), as the letters and
# the number; and a cheap test of a text for any.
_NOTED_WORD = re.compile(r"([A-Za-z][A-Za-z.'-]*[a-z]|[A-Z]{4,})(\d{1,3})")
_NOTE_GLUED = re.compile(r"[A-Za-z]\d{1,3}\b")


def _without_note(word: str, vocabulary: frozenset[str]) -> str:
    """``word`` without a footnote's number run into it, when the rest is a word of a
    known name ("Korea1": "Korea"); otherwise as it is ("G20", "F35", "COP26")."""
    if not word[-1:].isdigit():
        return word
    match = _NOTED_WORD.fullmatch(word)
    if match is None or match[1] not in vocabulary:
        return word
    return match[1]


# A state's adjective before one of these names a field of study or an office's remit.
_FIELDS = frozenset(["Affairs", "affairs", "Studies", "studies"])
# Ranks and titles some known person's surname is spelled like ("Major", "King").
_RANK_WORDS = frozenset(
    [
        "Major",
        "General",
        "Colonel",
        "Captain",
        "Admiral",
        "Marshal",
        "Sergeant",
        "Judge",
        "Justice",
        "Bishop",
        "Cardinal",
        "Father",
        "King",
        "Prince",
        "Queen",
        "Lord",
    ]
)


# Words that make a known person's name part of someone else's: a patronymic's joining
# word before it ("Mohammed bin Salman" is not King Salman), a suffix after it ("Robert
# Kennedy Jr." is not his father), or a royal title before a bare surname ("King Hussein"
# is not Saddam Hussein).
_PATRONYMIC = frozenset(["bin", "ibn", "bint", "Bin", "Ibn", "Bint"])
_JUNIOR = frozenset(["Jr", "JR", "Junior"])
_ROYAL = frozenset(["King", "Queen", "Sultan", "Emir", "Prince", "Princess", "Shah"])


# The Arabic article joined to a surname by a hyphen ("al-Maliki", "Al-Maliki").
_ARTICLES_JOINED = frozenset({"al", "Al", "el", "El"})


def _someone_else_here(words: list[str], i: int, size: int) -> bool:
    """A known person's form at ``words[i : i + size]`` that names someone else here."""
    before = words[i - 1] if i else ""
    if before in _PATRONYMIC or (size == 1 and before in _ROYAL):
        return True
    return i + size < len(words) and words[i + size] in _JUNIOR


def _not_a_surname_here(
    words: list[str], tokens: list[tuple[str, int]], i: int, trie: Any, short_index: Any
) -> bool:
    """A known person's bare surname that is something else here: a rank before a name
    ("Major John André" is no John Major) or the first half of a double-barrelled
    surname ("Aurelia Attal-Juncqua"; but "the Putin-Xi summit" names two people)."""
    if i + 2 >= len(words):
        return False
    after = words[i + 1]
    if words[i] in _RANK_WORDS and _name_like(after):
        return True
    return (
        after == "-"
        and tokens[i + 1][1] == tokens[i][1] + len(words[i])  # no space before the hyphen
        and words[i + 2][:1].isupper()
        and words[i + 2] not in trie
        and words[i + 2] not in short_index
    )


def _same_surname(surname: str, name: str) -> bool:
    """``name`` ends in ``surname`` in another transliteration: the same spelling key,
    or, for a surname of three consonants or more, the same consonants ("Dbeibeh" and
    "Dbeibah")."""
    theirs = name.rsplit(maxsplit=1)[1]
    if spelling_key(theirs) == spelling_key(surname):
        return True
    skeleton = _skeleton(surname)
    return len(skeleton) >= 3 and _skeleton(theirs) == skeleton


# A name broken at a line's end and joined with a space ("the Lukash- enko regime").
_BROKEN_NAME = re.compile(r"\b([A-Z][a-z]+)-[ \t]*\n?[ \t]*([a-z]{2,})\b")


def _rejoined(match: re.Match[str], trie: dict[str, Any], short_index: Any) -> str:
    """The broken name at ``match`` written whole, and padded to its length (the text's
    offsets stay), when the whole word starts a known name or is a known short form."""
    whole = match[1] + match[2]
    if whole in trie or whole in short_index:
        return whole + " " * (len(match[0]) - len(whole))
    return match[0]


# Numbers after a name that make it a pope's, a monarch's or an heir's.
_REGNAL = frozenset(["II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"])


# Small words inside a name an acronym leaves out ("Bank for International Settlements").
_ACRONYM_GLUE = frozenset(["of", "for", "and", "the", "on", "in", "&"])


def _in_order(part: list[str], whole: tuple[str, ...]) -> bool:
    """Every item of ``part`` appears in ``whole``, in the same order."""
    rest = iter(whole)
    return all(item in rest for item in part)


def _skeleton(name: str) -> str:
    """A name's spelling key without its vowels."""
    return _VOWELS.sub("", spelling_key(name))


def _dateline(words: list[str], i: int, size: int) -> bool:
    """The place at ``i`` is a dateline's: places joined by "/" and a date after a comma
    ("Nairobi/Brussels, 11 February 2021"), the place where a text was written."""
    k = i + size
    while k + 1 < len(words) and words[k] == "/" and words[k + 1][:1].isupper():
        k += 2
    joined = k > i + size or (i > 1 and words[i - 1] == "/")
    if not joined or k >= len(words) or words[k] != ",":
        return False
    after = words[k + 1 : k + 3]
    return any(w in MONTHS for w in after)


_GLOSS_WORDS = frozenset({"abbr", "abbreviation", "acronym", "name", "for", "term"})


def _language_gloss(words: list[str], i: int, size: int) -> bool:
    """A language named in a gloss: "(Portuguese abbr: STF)", "(Arabic for 'the base')"."""
    k = i + size
    return i > 0 and words[i - 1] == "(" and k < len(words) and words[k] in _GLOSS_WORDS


# Places whose names read as a given name and a surname (facts): never a person unknown
# to the gazetteer.
_PLACES_NAMED_AS_PEOPLE = frozenset({"Diego Garcia"})  # an island, a US base
# Words before a place and its state that make the state the place's address ("held in
# Hanoi, Vietnam").
_VENUE_BEFORE = frozenset({"in", "at", "near", "to"})
# Languages whose names are also states' demonyms (facts): "published in Russian".
_LANGUAGES = frozenset(
    [
        "Albanian",
        "Armenian",
        "Bulgarian",
        "Burmese",
        "Chinese",
        "Croatian",
        "Czech",
        "Danish",
        "Dutch",
        "Estonian",
        "Finnish",
        "French",
        "Georgian",
        "German",
        "Greek",
        "Hungarian",
        "Indonesian",
        "Italian",
        "Japanese",
        "Kazakh",
        "Korean",
        "Latvian",
        "Lithuanian",
        "Mongolian",
        "Norwegian",
        "Polish",
        "Portuguese",
        "Romanian",
        "Russian",
        "Serbian",
        "Slovak",
        "Somali",
        "Spanish",
        "Swedish",
        "Thai",
        "Turkish",
        "Ukrainian",
        "Uzbek",
        "Vietnamese",
    ]
)
# Currencies after a state's adjective, and the words of an amount before it ("50,000
# Swiss francs", "two billion Hong Kong dollars").
_CURRENCIES = frozenset(
    {"franc", "francs", "dollar", "dollars", "pound", "pounds", "rupee", "rupees", "peso"}
    | {"pesos", "reais", "rand", "lira", "liras", "yen", "yuan", "won", "ruble", "rubles"}
    | {"rouble", "roubles", "dinar", "dinars", "riyal", "riyals", "rial", "rials", "dirham"}
    | {"dirhams", "shilling", "shillings", "krona", "kronor", "krone", "kroner", "zloty"}
    | {"forint", "hryvnia", "hryvnias", "taka", "naira", "cedi", "kwacha", "baht"}
)
_AMOUNTS = frozenset({"million", "billion", "trillion", "thousand", "hundred", "m", "bn"})
# Words after "in <language>" that end the phrase: the language, not the state ("in
# Russian in Moscow", "in Spanish)"); a noun after it makes it the state's ("in Russian
# hands").
_AFTER_LANGUAGE = frozenset({"in", "till", "until", "by", "from", "as", "on", "at", "is", "was"})
# Nouns after a language's name that make it the language ("the Spanish acronym").
_LANGUAGE_NOUNS = frozenset(
    {"acronym", "abbreviation", "translation", "version", "edition", "original", "text"}
)


def _not_the_state(words: list[str], i: int, size: int) -> bool:
    """A state's form at ``words[i : i + size]`` that names something else here: a
    language ("published in Russian", "the Spanish acronym", "Spanish-language"), a
    currency ("US$390", "50,000 Swiss francs"), an ethnic group ("the ethnic Uzbek
    minority", "ethnic Indians"), or a postal address ("Tower Block, Singapore 259770")."""
    k = i + size
    after = words[k] if k < len(words) else ""
    word = words[i]
    before = words[i - 1] if i else ""
    if size == 1 and after == "$" and word in ("US", "U.S."):
        return True
    if size <= 2 and after in _CURRENCIES and (before[:1].isdigit() or before in _AMOUNTS):
        return True  # a price, not the state
    if size == 1 and before in ("ethnic", "Ethnic") and word[:1].isupper():
        return True
    if after.isdigit() and len(after) in (5, 6) and not after.startswith(("19", "20")):
        return True  # a postcode after the state's name: an address
    if size != 1 or word not in _LANGUAGES:
        return False
    if after in _LANGUAGE_NOUNS:
        return True
    if after == "-" and k + 1 < len(words) and words[k + 1] in ("language", "speaking"):
        return True
    return before in ("in", "In", "into") and (
        not after or not after[:1].isalnum() or after in _AFTER_LANGUAGE
    )


# Words that join an Arabic given name to the rest of a name ("Hussein al-Houthi",
# "Abdullah bin Zayed"): a known surname just before one is that other person's given name.
_ARABIC_JOINS = frozenset(
    {"al", "el", "bin", "ibn", "bint", "abu", "Al", "El", "Bin", "Ibn", "Abu"}
)


def _given_before(words: list[str], i: int) -> bool:
    """``words[i]`` opens another name: a joining word and a capitalised name follow."""
    k = i + 1
    if k >= len(words) or words[k] not in _ARABIC_JOINS:
        return False
    k += 2 if k + 1 < len(words) and words[k + 1] == "-" else 1
    return k < len(words) and words[k][:1].isupper()


def _subsequence(short: list[str], full: tuple[str, ...]) -> bool:
    """Every word of ``short`` is in ``full``, in order."""
    rest = iter(full)
    return all(word in rest for word in short)


_POSSESSIVE_S = re.compile(r"['’]s\b")


def _plain(key: str) -> str:
    """A lookup key without apostrophes ("workers' party" -> "workers party")."""
    if "'" not in key and "’" not in key:  # most keys: nothing to take out, no regex
        return " ".join(key.split())
    return " ".join(_POSSESSIVE_S.sub("", key).replace("'", "").replace("’", "").split())


def _name_like(word: str) -> bool:
    """A capitalised word such as a name ("Bown", "Macon"), not an acronym or a number."""
    return len(word) > 1 and word[0].isupper() and word[1:].islower() and word.isalpha()


def _hyphenated_name_like(word: str) -> bool:
    """A name word, or name words joined by hyphens ("Paul-Henri")."""
    return all(_name_like(part) for part in word.split("-"))


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


# A first name word counts as a given name when it starts this many persons' names.
GIVEN_MIN_PERSONS = 2

_DATA_FILES = ("countries.json", "persons.json", "organizations.json")
# A text of our own that takes the tagger down its main paths, so that ``warm`` builds
# the tables the first real text would otherwise wait for.
_WARM_TEXT = (
    "Wednesday's talks: President Joe Biden met Prime Minister Narendra Modi in Washington,"
    " and Modi said India and the United States would work with NATO, the European Union"
    " and the U.S. Department of State. Senator Jane Q. Roeham, director of the Northfield"
    " Policy Institute, and Maria de la Cruz Ortega Villanueva of the Ministry of Foreign"
    " Affairs of Peru disagreed; the Kremlin, Beijing and the Roeham Group did not."
)
# Generated from open data by bench/build_gazetteer.py (sources in data/SOURCES.md).
# organizations_federal.json comes last: its entries replace those of the same name.
# organizations_state.json (every state's institutions under generic names: parliament,
# police, supreme court...) is built from countries.json by bench/build_state_bodies.py.
_WORLD_FILE = "persons_world.json"  # the office holders of the other states
_OPEN_FILES = (
    "persons_open.json",
    _WORLD_FILE,
    "organizations_open.json",
    "organizations_state.json",
    "organizations_federal.json",
)
_RULE_KEYS = (
    "seats_of_power",
    "venue_words",
    "venue_nouns",
    "given_names",
    "us_place_names",
    "us_states",
    "name_particles",
    "office_words",
    "us_state_nouns",
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


# A role held now: "President of France (2017–)", "Prime Minister of Japan (2025–)".
_SITTING = re.compile(
    r"\b(President|Prime Minister|Chancellor|General Secretary|Supreme Leader|King|Emir|"
    r"Premier|Chief Adviser)\b[^;]*\((?:[^();]*, )?\d{4}–\)"
)  # "(2010–)", and a term that is open after earlier ones: "(1998–2002, 2010–)"


_HEAD = re.compile(r"(?<!Vice )\b(President|Prime Minister|Chancellor|Premier)\b")
# Words after a surname that make it a head of state's or government's ("the Roe
# administration", "the Doe government").
_GOVERNMENTS = frozenset(["administration", "government", "presidency", "cabinet", "regime"])
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _article_lowered(name: str) -> str | None:
    """``name`` with the article of its later parts in lower case, as commentary writes
    it ("Mustafa Al-Kadhimi": "Mustafa al-Kadhimi", "Hamad bin Khalifa Al Thani": "...
    al Thani"); None when it has no such article."""
    if " Al-" not in name and " El-" not in name and " Al " not in name and " El " not in name:
        return None
    first, *rest = name.split()
    lowered = [
        p[0].lower() + p[1:] if p[:3] in ("Al-", "El-") or p in ("Al", "El") else p for p in rest
    ]  # ("Zine El Abidine Ben Ali": "Zine el Abidine Ben Ali")
    return " ".join([first, *lowered])


# (with the Arabic "bin", "ibn" and "bint": "Mohammed Bin Salman")
_NAME_PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "bin", "ibn", "bint"}
)


# Letters that lose no mark in Unicode's decomposition, as English texts write them
# ("Johanna Sigurdardottir", "Lech Walesa", "Lars Lokke Rasmussen").
_PLAIN_LETTERS = str.maketrans(
    {
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "æ": "ae",
        "Æ": "Ae",
        "ß": "ss",
        "ı": "i",
    }
)


def _plain_letters(form: str) -> str:
    """``form`` in plain letters: no diacritics, and the letters above as English writes
    them."""
    decomposed = unicodedata.normalize("NFKD", form.translate(_PLAIN_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _variants(form: str) -> list[str]:
    """The form in plain letters ("Lopez Obrador"), for a three-word name with the
    middle name as an initial ("Robert E. Litan"), and with its particles capitalised
    ("Ursula Von Der Leyen", "Mohammed Bin Salman")."""
    plain = _plain_letters(form)
    out = [plain] if plain != form else []
    parts = form.split()
    lowered = _article_lowered(form)
    if lowered is not None:
        out.append(form := lowered)
        parts = form.split()
    if len(parts) == 3 and len(parts[1]) > 2 and parts[1].isalpha() and parts[1][0].isupper():
        out.append(f"{parts[0]} {parts[1][0]}. {parts[2]}")
    if len(parts) > 2 and any(p in _NAME_PARTICLES for p in parts[1:-1]):
        # "Ursula Von Der Leyen": the particles capitalised, as some texts write them
        out.append(" ".join(p.capitalize() if p in _NAME_PARTICLES else p for p in parts))
    if len(parts) > 1 and any(p.startswith(("al-", "el-")) for p in parts[1:]):
        # "Bashar al Assad", "Abdel Fattah el Sisi": the article written apart
        out.append(
            " ".join(p[:2] + " " + p[3:] if p.startswith(("al-", "el-")) else p for p in parts)
        )
    if len(parts) > 2 and any(p.startswith(("al-", "el-")) for p in parts[1:]):
        # "Sabah Al-Ahmad Al-Jaber Al-Sabah": the articles capitalised, as some texts
        # write them
        out.append(" ".join(p.capitalize() if p.startswith(("al-", "el-")) else p for p in parts))
    if len(parts) == 1 and form.startswith(("al-", "el-")):
        # a surname with its article, opening a sentence or a title: "Al-Assad", "Al Assad"
        out += [form[0].upper() + form[1:], form[0].upper() + form[1] + " " + form[3:]]
    return out


# States whose people English texts also name family name first, as at home ("Abe
# Shinzo", "Koizumi Junichiro"), where the sources give the given name first.
_FAMILY_FIRST = frozenset(["JPN"])


def _family_first(name: str) -> list[str]:
    parts = name.split()
    return [f"{parts[1]} {parts[0]}"] if len(parts) == 2 and "." not in name else []


def _person(entry: dict[str, Any]) -> Actor:
    name = str(entry["name"])
    short = _strings(entry, "short")
    titled = [f"{title} {s}" for title in _strings(entry, "titles") for s in short]
    aliases = [name, *_strings(entry, "aliases")]
    forms = [*aliases, *(v for a in aliases for v in _variants(a)), *titled]
    if entry.get("country") in _FAMILY_FIRST:
        forms += _family_first(name)
    role = str(entry.get("role") or "")
    leader = bool(_SITTING.search(role))
    return Actor(
        name,
        "person",
        entry.get("country"),
        tuple(dict.fromkeys(forms)),
        tuple(short),
        leader=leader,
        head=bool(_HEAD.search(role)),
        until=9999 if leader else max(map(int, _YEAR.findall(role)), default=0),
        deputy="Vice President" in role or "Vice-President" in role,
    )


# Three or more words in capitals on one line ("PRIME MINISTER NARENDRA MODI").
_CAPITALS = re.compile(r"\b[A-Z][A-Z'’.-]*[A-Z]\b(?:[ \t]+[A-Z][A-Z'’.-]*[A-Z]\b){2,}")
# A word in capitals, as ``_CAPITALS`` finds them.
_WORD = re.compile(r"[A-Z][A-Z'’.-]*[A-Z]")
# Words a title keeps in lower case.
_TITLE_LOWER = frozenset(["OF", "THE", "AND", "FOR", "IN", "ON", "TO", "AT", "BY", "WITH", "FROM"])
# Known forms in capitals that are also words in a passage in capitals ("WHO HAS", "LET US").
_CAPITAL_WORDS = frozenset(
    [
        "WHO",
        "US",
        "IS",
        "IT",
        "AS",
        "AN",
        "OR",
        "NO",
        "SO",
        "WE",
        "ME",
        "MY",
        "UP",
        "DO",
        "GO",
        "ALL",
        "ONE",
        "CAN",
        "NEW",
        "AID",
        "ACT",
        "ART",
        "OUR",
        "MAY",
        "WILL",
        "ARE",
        "NOT",
        "BUT",
        "NOW",
        "OUT",
        "OWN",
        "WAR",
        "SEA",
        "OIL",
        "AIM",
        "GAS",
        "ICE",
        "ARM",
        "EYE",
    ]
)


def _in_title_case(run: str, trie: dict[str, _Node], actors: list[Actor]) -> str:
    """A passage in capitals as a headline writes it: each word capitalised (each part
    of a hyphenated one), the small words of a title in lower case, and a word that is a
    known form in capitals as it is ("NATO", "US"). A state's name stays in capitals:
    in a passage in capitals it is as often part of a body's or a programme's name
    ("CHRISTIANS UNITED FOR ISRAEL", "WILSON CHINA FELLOWSHIP"), and the text's own
    mentions of the state are elsewhere."""

    def word(token: str) -> str:
        if token in trie and token not in _CAPITAL_WORDS:
            return token
        if token in _TITLE_LOWER:
            return token.lower()
        cased = "-".join(part.capitalize() for part in token.split("-"))
        return cased if len(cased) == len(token) else token

    matches = list(_WORD.finditer(run))
    cased = [word(m[0]) for m in matches]
    k = 0
    while k < len(cased):  # the longest known form at each word, as ``tag`` finds it
        node, size, found, j = trie.get(cased[k]), 0, None, k + 1
        while node is not None:
            if node[0] is not None:
                size, found = j - k, node[0]
            if j >= len(cased):
                break
            node = node[1].get(cased[j])
            j += 1
        if found is not None and found[1] >= 0 and actors[found[1]].type == "country":
            cased[k : k + size] = [m[0] for m in matches[k : k + size]]
        k += max(size, 1)
    out, last = [], 0
    for m, new in zip(matches, cased, strict=True):
        out += [run[last : m.start()], new]
        last = m.end()
    return "".join(out) + run[last:]


# A one-word nickname in quotation marks between a given name and a surname.
_NICKNAME = re.compile(r"\b([A-Z][a-z]+)( [“\"])([A-Z][a-z]+)([”\"])(?= ([A-Z][a-z]+))")


def _without_nickname(match: re.Match[str], trie: dict[str, _Node]) -> str:
    given, opening, nickname, closing, surname = match.groups()
    node = trie.get(nickname)
    after = node[1].get(surname) if node is not None else None
    if after is not None and after[0] is not None and after[0][1] >= 0:  # "Mo Ibrahim"
        return " " * (len(given) + len(opening)) + nickname + " " * len(closing)
    return given + " " * (len(opening) + len(nickname) + len(closing))


_FORCES = "Armed Forces"
_GUARD = "Coast Guard"
# A member of Congress's party and state in brackets ("Rep. Jane Roe (R-IL)", "(D-Calif.)"):
# a text about the United States, as a US state's name is.
_US_MEMBER = re.compile(r"\((?:R|D|I)[-–](?:[A-Z]{2}|[A-Z][a-z]{1,4}\.)\)")
# The contexts of the United Nations' and the European Union's bodies' bare names
# ("context_country": "UN" or "EU"): counted as a state named in the text when the UN
# or the EU or one of its bodies is.
_FAMILIES = {"un-body": "UN", "supranational": "EU"}


def _house_variants(forms: Iterable[str]) -> list[str]:
    """ "House of Representatives Committee on X" for "House Committee on X", as testimony
    addresses it."""
    return [
        "House of Representatives " + f[6:] for f in forms if f.startswith("House Committee on ")
    ]


# Acronyms whose form as a word is a common word or name, in English or another language
# ("Swift"; "Unido" of "Reino Unido"): never read so.
_WORD_ACRONYMS = frozenset(
    [
        "Swift",
        "Morena",
        "Unido",
        "Mimos",
        "Alba",
        "Cass",
        "Milf",
        "Olaf",
        "Otan",
        "Plan",
        "Rand",
        "Sama",
        "Sica",
        "Stad",
    ]
)


# First words of a "... Group" whose "... group" in lower case is something else.
_COMMON_GROUP_WORDS = frozenset(["Australia", "Naval", "Crisis", "Contact", "Working"])


def _org(entry: dict[str, Any], kind: str) -> Actor:
    name = str(entry["name"])
    forms = [name, *_strings(entry, "aliases")]
    code = entry.get("country")
    if code == "USA":  # "US Department of Commerce": also "United States Department of ..."
        forms += [
            f"United States {f.split(' ', 1)[1]}" for f in forms if f.startswith(("US ", "U.S. "))
        ]
    forms += _house_variants(forms)
    # "the Russian armed forces": a state's forces named in lower case are still the body
    # the gazetteer holds under "Russian Armed Forces" (only that descriptive form).
    forms += [f[: -len(_FORCES)] + _FORCES.lower() for f in forms if f.endswith(" " + _FORCES)]
    # ... and so is "the Philippine coast guard" (not "the Turkish army", which commentary
    # uses for the state's forces as a whole)
    forms += [f[: -len(_GUARD)] + _GUARD.lower() for f in forms if f.endswith(" " + _GUARD)]
    forms += [f[: -len(_GUARD)] + "coastguard" for f in forms if f.endswith(" " + _GUARD)]
    # "Programme" in American spelling ("the United Nations Development Program")
    forms += [f.replace(" Programme", " Program") for f in forms if " Programme" in f]
    # "Co-operation" as British house styles write it ("the Shanghai Co-operation
    # Organisation"), and the reverse
    forms += [
        f.replace(a, b)
        for f in forms
        for a, b in (("Cooperation", "Co-operation"), ("Co-operation", "Cooperation"))
        if a in f
    ]
    # House styles: an acronym of four letters or more written as a word ("Farc",
    # "Unesco"; not one that is a word or a name: "Plan", "Rand"), and a party's name of
    # three words or more with "party" in lower case ("the Serbian Progressive party").
    forms += [
        f.capitalize()
        for f in forms
        if len(f) >= 4 and f.isalpha() and f.isupper() and f.capitalize() not in _WORD_ACRONYMS
    ]
    forms += [
        f[: -len("Party")] + "party" for f in forms if f.endswith(" Party") and f.count(" ") >= 2
    ]
    # ... and "group" in lower case after a name ("the Wagner group", "the Visegrad group";
    # not where the words before it are a place or a word: "Australia Group", "Naval Group")
    forms += [
        f[: -len("Group")] + "group"
        for f in forms
        if f.endswith(" Group") and f.split()[0] not in _COMMON_GROUP_WORDS
    ]
    nested = (bool(code) and kind == "organization" and entry.get("kind") not in _NOT_NESTED) or (
        not code and entry.get("kind") in _MISSIONS
    )
    context = tuple(_strings(entry, "context_aliases"))
    main = tuple(_strings(entry, "main_aliases"))
    return Actor(
        name,
        kind,
        code,
        tuple(dict.fromkeys(forms)),
        nested=nested,
        context=context,
        main=main,
        context_code=entry.get("context_country", code) if context or main else None,
        collective=bool(entry.get("collective")),
        media=entry.get("kind") == "media",
        workplace=entry.get("kind") in _WORKPLACES,
        think_tank=entry.get("kind") == "think-tank",
        seats=tuple(_strings(entry, "seats")),
        family=_FAMILIES.get(entry.get("kind", "")),
    )


# The offices whose holders texts name by title and surname alone, as the open data
# records them.
_HEAD_TITLES = ("President", "Prime Minister")
_GIVEN_TITLE_MIN = 3  # people whose name opens with a word: then it is a given name


def _open_actors(
    docs: dict[str, dict[str, Any]], curated: list[Actor], blockers: set[str]
) -> list[Actor]:
    """The generated entries, under the curated and user ones: an entry the curated or
    a user file names is theirs, and so is every form they claim. (Built directly, not
    through ``_person``/``_org``: the files are machine-written and ten times the rest.)"""
    claimed = {form for actor in curated for form in (*actor.forms, *actor.short)}
    claimed |= {actor.name for actor in curated} | blockers
    # each state's names and demonyms, as words: a form of a body of the Research
    # Organization Registry (all states' bodies, under their own generic names) that holds
    # none of them ("Ministry of Internal Affairs", "Tribunal Constitucional") names it only
    # in a text that names its state
    state_words = {
        actor.code: [re.compile(rf"\b{re.escape(f)}\b") for f in actor.forms]
        for actor in curated
        if actor.type == "country" and actor.code
    }
    # Surnames a title may not take alone: a curated person's, by any one-word form
    # ("President Maduro" is Nicolás Maduro, not Honduras's Ricardo Maduro; "Prime
    # Minister Orban" is Viktor Orbán, not Romania's Ludovic Orban), and the given names
    # several people carry ("President Ali" is no one's surname alone).
    taken_surnames = {
        word
        for actor in curated
        if actor.type == "person"
        for word in (
            actor.name.split()[-1],
            *actor.short,
            *(form for form in actor.forms if " " not in form),
        )
    }
    firsts = Counter(
        e["name"].split()[0] for doc in docs.values() for e in doc.get("persons", ()) if e["name"]
    )
    taken_surnames.update(word for word, n in firsts.items() if n >= _GIVEN_TITLE_MIN)
    result = []
    for file, doc in docs.items():
        for e in doc.get("persons", []):
            name = e["name"]
            if name in claimed:
                continue
            short = tuple(e.get("short") or ())
            titled = [f"{t} {s}" for t in e.get("titles") or () for s in short]
            # a head of state or government by title and surname ("President Martelly")
            last = name.split()[-1]
            if (
                " " in name
                and last[:1].isupper()
                and last.isalpha()  # not "Jr."
                and last not in ("II", "III", "IV")
                and last not in taken_surnames
            ):
                held = {role.get("title") for role in e.get("roles") or ()}
                titled += [f"{t} {last}" for t in _HEAD_TITLES if t in held]
            forms = dict.fromkeys((name, *e.get("aliases", ()), *titled))
            plain = _plain_letters(name)
            if plain != name:
                forms[plain] = None  # "Johanna Sigurdardottir"
            if e.get("country") in _FAMILY_FIRST:
                forms.update(dict.fromkeys(_family_first(name)))
            lowered = _article_lowered(name)
            if lowered is not None:
                forms[lowered] = None
            result.append(
                Actor(
                    name,
                    "person",
                    e.get("country"),
                    tuple(f for f in forms if f not in claimed),
                    short,
                    generated=True,
                    gives_names=file != _WORLD_FILE,
                )
            )
        for e in doc.get("organizations", []):
            name = e["name"]
            if name in claimed:
                continue
            # (a body of many states is no body of the one that hosts it: the registry's
            # "African Union Commission, ETH" is counted wherever it is named)
            code = None if _MANY_STATES.search(name) else e.get("country")
            forms = dict.fromkeys((name, *e.get("aliases", ())))
            forms.update(dict.fromkeys(_house_variants(forms)))
            usable = [f for f in forms if f not in claimed]
            patterns = state_words.get(code, ()) if code and e.get("source") == "ror" else ()
            generic = (
                [f for f in usable if not f.isupper() and not any(p.search(f) for p in patterns)]
                if patterns
                else []
            )
            result.append(
                Actor(
                    name,
                    "organization",
                    code,
                    tuple(f for f in usable if f not in generic),
                    nested=bool(code) and e.get("kind") not in _NOT_NESTED,
                    generated=True,
                    context=tuple(generic),
                    context_code=code if generic else None,
                )
            )
    return result


# Titles of members of the US Congress, before the state they sit for.
_CONGRESS_MEMBERS = frozenset(
    ["Senator", "Sen", "senator", "Representative", "Rep", "Congressman", "Congresswoman"]
)
# Names of bodies that many states set up together: an open registry files each under the
# state of its seat ("European Maritime Safety Agency": PRT; "Food and Agriculture
# Organization of the United Nations": ITA).
_MANY_STATES = re.compile(
    r"^(?:European|Inter-American|Southeast Asian)\s"
    r"|\b(?:United Nations|African Union|European Union)\b"
)


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


_ATTACHED_BEFORE = re.compile(r"(?:['’]s?)?\s*(?:(?:the|The)\s+)?")
_ATTACHED_AFTER = re.compile(r"[\s,–-]*(?:(?:at|of|in)\s+)?(?:(?:the|The)\s+)?")


# Words of a publisher's name that do not single it out ("the Heritage Foundation" is
# singled out by "Heritage", "Carnegie Endowment for International Peace" by "Carnegie").
_OWN_GENERIC = frozenset(
    [
        "Academy",
        "Affairs",
        "American",
        "and",
        "Association",
        "Atlantic",
        "Australian",
        "British",
        "Center",
        "Centre",
        "Chinese",
        "Corporation",
        "Council",
        "Endowment",
        "European",
        "for",
        "Forum",
        "Foreign",
        "Foundation",
        "Fund",
        "German",
        "Global",
        "House",
        "Institute",
        "Institution",
        "International",
        "Marshall",
        "National",
        "Network",
        "New",
        "of",
        "on",
        "Peace",
        "Policy",
        "Program",
        "Relations",
        "Research",
        "Royal",
        "Security",
        "Services",
        "Strategic",
        "Studies",
        "the",
        "The",
        "United",
        "War",
        "World",
    ]
)

# Nouns for one person who works at a place ("a professor at the University of X", "a
# visiting fellow with the Y Center"): the place is an affiliation there, not an actor.
# Heads of a body are left out ("the director of the Z Commission said" names a body that
# acts through its director), and so are plurals ("researchers at the University of Z
# are testing" names a body at work).
_AFFILIATES = frozenset(
    [
        "professor",
        "Professor",
        "fellow",
        "Fellow",
        "scholar",
        "Scholar",
        "researcher",
        "Researcher",
        "lecturer",
        "Lecturer",
        "economist",
        "emeritus",
        "Emeritus",
        "adjunct",
        "Adjunct",
    ]
)
_SENTENCE_STOPS = frozenset({".", ";", ":", "?", "!"})


def _bare_publisher(publisher: str | None) -> str:
    """The publisher's name without case, "the", a bracketed acronym after it or its
    state's prefix before it ("Centre for European Policy Studies (CEPS)", "The Century
    Foundation", "U.S. Naval Institute"), to compare names."""
    name = re.sub(r"\s*\([^()]*\)\s*$", "", publisher or "").casefold()
    words = [w for w in name.split() if w != "the"]
    if len(words) > 2 and words[0] in _STATE_PREFIXES:
        words = words[1:]
    return " ".join(words)


_STATE_PREFIXES = frozenset({"u.s.", "us", "u.k.", "uk"})


def _own_words(publisher: str | None, own: Actor | None) -> frozenset[str]:
    """The words that single the publisher out: the first word of each of its names
    unless it is a common one ("Heritage", "Brookings", "Carnegie", "Lowy"; not "War" or
    "Atlantic"), and its acronyms ("CSIS", "RAND")."""
    names = ([publisher] if publisher else []) + (list(own.forms) if own is not None else [])
    found = set()
    for name in names:
        parts = [w for w in name.replace("-", " ").split() if w not in ("the", "The")]
        if not parts:
            continue
        first = parts[0]
        if len(parts) == 1 and first.isupper() and len(first) >= 3:
            found.add(first)  # an acronym
        elif len(first) > 2 and first[:1].isupper() and first not in _OWN_GENERIC:
            found.add(first)
    return frozenset(found)


# Words after a person's name that make it the name of a chair, a fellowship or a prize
# ("the Helen D. Russell Professor of Finance", "the 2019 John Bates Clark medalist").
_HONOURS = frozenset(
    ["Professor", "Professorship", "Fellow", "Fellowship", "Chair", "Scholar", "Lecturer"]
)
_PRIZES = frozenset(["medal", "medalist", "medallist", "prize", "laureate", "award"])


def _named_honour(words: list[str], span: Span) -> bool:
    """The person's name at ``span`` names a chair, a fellowship or a prize."""
    if words[span.end - 1] in _HONOURS:
        return True
    after = words[span.end : span.end + 3]
    if after and after[0] in _PRIZES:
        return True
    if after and after[0] in ("Visiting", "Senior", "Distinguished", "Research"):
        after = after[1:]
    return len(after) >= 2 and after[0] in _HONOURS and after[1] in ("of", "in", "for")


def _affiliation(words: list[str], start: int) -> bool:
    """The organisation at ``words[start]`` follows "at", "with" or "from" and, a few
    words before, a noun for someone working or studying there."""
    k = start - 1
    if k >= 0 and words[k] in ("the", "The"):
        k -= 1
    if k < 0 or words[k] not in ("at", "with", "from"):
        return False
    for m in range(k - 1, max(-1, k - 9), -1):
        if words[m] in _SENTENCE_STOPS:
            return False
        if words[m] in _AFFILIATES:
            return True
    return False


# -- page furniture and names that are not bodies (unknown organisations) ----------------

_AFFILIATION_LINE = 12  # words: a longer line is running text, where a university may act
# A university or a university's department: "TOBB University of Economics", "Barnard
# College", "Department of International Relations" (not a war college or a defence
# university, which are military bodies).
_ACADEMIC = re.compile(
    r"(?<!War )(?<!Defense )(?<!Defence )\b(?:University|Universit[äéà]t?|College)\b|-University\b"
    r"|^Department of (?:[A-Z]\w+ )*(?:Studies|Relations|Sciences?|Politics|Economics|History)$"
)


def _affiliation_line(line: str) -> bool:
    """A short line that is no sentence ("Barnard College, Columbia University"), as
    under an author's name."""
    line = line.strip()
    return len(line.split()) < _AFFILIATION_LINE and not line.endswith((".", "!", "?"))


def _in_bio(words: list[str], start: int) -> bool:
    """The name at ``start`` is in a biography's sentence: a word for an academic's
    post or title stands before it in the same sentence ("Dr. Jane Roe works as an
    Associate Professor of politics in the Department of ...")."""
    for m in range(start - 1, max(-1, start - _BIO_REACH), -1):
        if words[m] in _SENTENCE_STOPS and not (m > 0 and words[m - 1] in ("Dr", "Prof")):
            return False
        if words[m] in _AFFILIATES or words[m] in ("Dr", "Prof", "PhD", "Lecturer", "lecturer"):
            return True
    return False


_BIO_REACH = 25  # words


def _academic(name: str) -> bool:
    """``name`` is a university's, a college's or an academic department's."""
    return _ACADEMIC.search(name) is not None


# "the country's Supreme Court": the state meant is the one named last before it.
_ANAPHORIC = (["country", "'", "s"], ["nation", "'", "s"])
_ANAPHOR_REACH = 300

# A reference's imprint: "(Place: Publisher, 2015)", "(Place, ST: Publisher, 2015)".
_CITED_BEFORE = re.compile(r"\(\s*[A-Z][\w.]*(?:[ ,]+[A-Z][\w.]*){0,3}\s*:\s*(?:the\s+)?$")
_CITED_AFTER = re.compile(r"(?:\s+Press)?\s*,\s*(?:1[89]|20)\d\d\b")

_CREDIT_BEFORE = re.compile(r"\b[Bb]y\s+(?:the\s+|The\s+)?$")


def _own_in_head(head: str, forms: set[str]) -> bool:
    """The title and standfirst ``head`` name the publisher as an actor: somewhere in it,
    one of its ``forms`` is not page furniture (see ``_own_furniture``)."""
    for form in forms:
        start = head.find(form)
        while start != -1:
            end = start + len(form)
            if (
                (start == 0 or not head[start - 1].isalnum())
                and (end == len(head) or not head[end].isalnum())
                and not _own_furniture(head, start, end, forms)
            ):
                return True
            start = head.find(form, start + 1)
    return False


# The publisher's people, not the publisher: "four Brookings experts discuss", "research
# staff at the X Institute meet", "a fellow of the X Center".
_STAFF_NOUNS = (
    r"(?:experts?|scholars?|fellows?|researchers?|analysts?|staff|colleagues|economists?"
    r"|specialists?|authors?|contributors?|team)"
)
# (one word may stand between: "ECFR's policy experts", "Brookings' senior fellows")
_OWN_STAFF_AFTER = re.compile(rf"(?:['’]s?)?[ \t]+(?:[a-z]+[ \t]+)?{_STAFF_NOUNS}\b")
_OWN_STAFF_BEFORE = re.compile(rf"\b{_STAFF_NOUNS}[ \t]+(?:at|of|from|with)[ \t]+(?:the[ \t]+)?$")

# Words that begin many bodies' names, or name a place or a kind: a publisher's first word
# among them makes it no think tank's unit ("Middle East Eye", "Foundation for ...").
_GENERIC_FIRST_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "center",
        "centre",
        "institute",
        "institut",
        "foundation",
        "council",
        "fund",
        "federation",
        "freedom",
        "national",
        "international",
        "european",
        "eu",
        "american",
        "middle",
        "global",
        "world",
        "new",
        "royal",
        "united",
        "asia",
        "asian",
        "africa",
        "african",
        "south",
        "north",
        "east",
        "west",
        "central",
        "observer",
    ]
)

# The publisher described as the source of what follows ("This report from the UK think
# tank X looks at", "a paper by the think-tank X"): a credit, not a subject.
_OWN_DESCRIBED = re.compile(
    r"\b(?:think[ -]tank|(?:report|paper|study|brief|analysis|commentary)\s+(?:from|by))"
    r"[ \t]+(?:the[ \t]+)?$",
    re.I,
)
# What a dateline holds besides the publisher's name: a date, in digits or with a month's
# name, and the words that introduce it.
_DATELINE_WORDS = re.compile(
    r"\b(?:date[ds]?|published|updated|posted|on|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept"
    r"|oct|nov|dec)[a-z]*)\b|\d",
    re.I,
)
_NOT_WORD = " \t.,:;|/–—-()[]"

_SITE_SEPARATOR = re.compile(r"\s+[|–—-]\s+|\s*\|\s*")
_CARRIED_ON = re.compile(r"(?:['’]s?)?[ \t]+[A-Z]")  # ("Brookings’ John L. Thornton Center")


def _own_furniture(head: str, start: int, end: int, forms: set[str]) -> bool:
    """The publisher's name at ``head[start:end]`` is furniture, not an actor: a credit
    ("Published by the X Institute"), the site's name as a segment of the title ("How
    tariffs work | X Institute", "XI - The X Institute - Ideas for a better world"), or the
    name carried on by a capitalised word: its own product, unit or slogan ("X Papers on
    Trade", "X's Moment", "75 Years of X Insights")."""
    if (
        _credit_line(head, start)
        or _CARRIED_ON.match(head, end)
        or _OWN_STAFF_AFTER.match(head, end)
        or _OWN_STAFF_BEFORE.search(head, max(0, start - 40), start)
        or _OWN_DESCRIBED.search(head, max(0, start - 60), start)
    ):
        return True
    line_start = head.rfind("\n", 0, start) + 1
    line_end = head.find("\n", end)
    line = head[line_start : line_end if line_end != -1 else len(head)]
    rest = line[: start - line_start] + line[end - line_start :]
    if any(c.isdigit() for c in rest) and not _DATELINE_WORDS.sub("", rest).strip(_NOT_WORD):
        return True  # a dateline: "date 2023-12-14 X Institute", "X Institute | 5 May 2024"
    offset = 0
    plain = {_without_the(f).casefold() for f in forms}
    if _without_the(line.strip()).casefold() in plain:
        return True  # a line that is the name alone: the site's masthead
    for segment in _SITE_SEPARATOR.split(line):
        where = line.find(segment, offset)
        offset = where + len(segment)
        if where <= start - line_start < offset:
            return len(_SITE_SEPARATOR.split(line)) > 1 and (
                _without_the(segment.strip()).casefold() in plain
            )
    return False


def _without_the(name: str) -> str:
    return name[4:] if name[:4] in ("The ", "the ") else name


# Words for one of a body's staff right after its name, before a person's name ("the X
# Center Senior Fellow Jane Roe"): the body is that person's affiliation.
_STAFF = frozenset(["Fellow", "Scholar", "Researcher", "Analyst", "Associate"])
_STAFF_GRADES = frozenset(["Senior", "Visiting", "Nonresident", "Research", "Distinguished"])


_CHAIRS = frozenset(["Fellow", "Chair", "Professor", "Scholar"])
# Nouns after a state's name or demonym that make it a description of a think tank or a
# news outlet ("the UK think tank ODI", "the British newspaper The Times"), not the state.
_OUTLET_NOUNS = (
    ("think", "tank"),
    ("think", "-", "tank"),
    ("newspaper",),
    ("broadcaster",),
    ("magazine",),
    ("news", "agency"),
    ("news", "outlet"),
    ("outlet",),
)


_OUTLET_FIRST = frozenset(n[0] for n in _OUTLET_NOUNS)


def _describes_an_outlet(words: list[str], end: int) -> bool:
    if end >= len(words) or words[end].lower() not in _OUTLET_FIRST:
        return False
    return any(tuple(w.lower() for w in words[end : end + len(n)]) == n for n in _OUTLET_NOUNS)


def _named_chair(words: list[str], end: int) -> bool:
    """A post named after the body ending at ``end`` and a person follows it ("the Eni
    Enrico Mattei Senior Fellow for ..."): one to three capitalised words, any staff grades,
    then a fellowship's or a chair's noun."""
    k = end
    while k < len(words) and k - end < 3 and words[k].istitle() and words[k].isalpha():
        if words[k] in _STAFF_GRADES or words[k] in _CHAIRS:
            break
        k += 1
    if k == end:
        return False
    while k < len(words) and words[k] in _STAFF_GRADES:
        k += 1
    return k < len(words) and words[k] in _CHAIRS


def _staff_after(words: list[str], end: int) -> bool:
    """A staff title and a capitalised name follow the organisation ending at ``end``."""
    k = end
    while k < len(words) and words[k] in _STAFF_GRADES:
        k += 1
    return (
        k + 1 < len(words)
        and words[k] in _STAFF
        and words[k + 1][:1].isupper()
        and words[k + 1].isalpha()
    )


_STAFF_LINE = re.compile(
    r"(?:(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3},\s+[A-Z]"
)
_LINKS = frozenset(["of", "the", "and", "at", "for", "on", "in", "to"])
_LETTERS = re.compile(r"[^\W\d_]+")
_LIST_MIN_WORDS = 6


def _line_of(text: str, tokens: list[tuple[str, int]], line_list: list[int], k: int) -> str:
    """The line holding token ``k``; in a hard-wrapped text, the whole paragraph (a
    wrapped line break begins no line, see ``_starts``)."""
    at = bisect_left(line_list, k + 1)
    start = tokens[line_list[at - 1]][1] if at else 0
    end = tokens[line_list[at]][1] if at < len(line_list) else len(text)
    return text[start:end]


def _furniture_line(line: str) -> bool:
    """The line holding ``offset`` is page furniture, not prose: a staff line (a
    person's name, a comma, their posts: "Jane Roe, Director of the X Project and Fellow
    at the Y"), a line of topic tags ("China Europe Trade Human Rights Security &
    Defense") or a headline in title case, whose capitals say nothing of names
    ("Sustaining the Atlantic Partnership: Ten Years of Work on Trade"). None ends a
    sentence or has a lower-case word but "of", "the", "and", "at" and the like; a tag
    line or a headline has six words or more."""
    line = line.strip()
    if not line or line[-1] in ".!?":
        return False
    letters = _LETTERS.findall(line)
    lower = [w for w in letters if w[0].islower()]
    if _STAFF_LINE.match(line):
        return all(w in _LINKS for w in lower)
    return len(letters) >= _LIST_MIN_WORDS and all(w in _LINKS for w in lower)


# A news outlet as a source, not an actor: "wrote in the Daily Ledger", "told Radio
# Harbor", "an op-ed for X", "an interview with X", "according to X"; "X reported".
_SOURCE_BEFORE = frozenset(["in", "to", "told", "with", "on", "by", "from"])
_PIECES = frozenset(["op-ed", "column", "piece", "article", "essay", "interview", "oped"])
_SOURCE_AFTER = frozenset(
    ["reported", "reports", "said", "says", "quoted", "cited", "revealed", "wrote", "published"]
)


# Social platforms, and how a text names one as the medium of a message rather than as a
# company that acts: "posted on Twitter", "via Telegram", "X/Twitter", "a Twitter post",
# "his Facebook account" (but "a crackdown on Telegram" is about the company).
_PLATFORMS = frozenset(
    {"Twitter", "Facebook", "YouTube", "Telegram", "Instagram", "WhatsApp", "WeChat", "Weibo"}
    | {"LinkedIn", "TikTok", "Bluesky"}
)
_MEDIUM_OF = frozenset(
    {"post", "posts", "account", "accounts", "handle", "feed", "thread", "threads", "page"}
    | {"channel", "channels", "video", "videos", "message", "messages", "user", "users"}
    | {"followers", "livestream", "broadcast", "profile"}
)
_ACTED_ON = frozenset(
    {"crackdown", "ban", "bans", "banned", "pressure", "sanctions", "fine", "fines"}
    | {"restrictions", "attack", "attacks", "lawsuit", "reliance", "dependence"}
)


def _as_medium(words: list[str], i: int) -> bool:
    """The platform at ``words[i]`` is where a message appeared, not an actor."""
    before = words[i - 1] if i else ""
    if before in ("on", "On", "via", "Via"):
        return not (i >= 2 and words[i - 2].lower() in _ACTED_ON)
    if before == "/" and i >= 2 and words[i - 2] == "X":
        return True  # "X/Twitter"
    return i + 1 < len(words) and words[i + 1] in _MEDIUM_OF


# Capitalised words after a person's name that are no surname (see ``Gazetteer._longer_name``).
_NOT_PERSON_WORDS = (
    ORG_HEADS | NAMED_THINGS | HEADLINE_WORDS | MONTHS | CALENDAR | DOCUMENT_NOUNS | PERSON_TITLES
) | {"Jr", "Sr", "Administration", "Government"}


def _hyphen_continues(words: list[str], tokens: list[tuple[str, int]], k: int) -> bool:
    """A name's last word goes on after a hyphen with a lower-case part ("Kim Yang-gon",
    "Kim Yang- gon"), which is the rest of a given name, not an English compound ("Putin-
    backed", "Biden-like") nor a dash set off by a space ("Kim Yang - who")."""
    return (
        k + 1 < len(words)
        and words[k] == "-"
        and tokens[k][1] == tokens[k - 1][1] + len(words[k - 1])
        and words[k + 1].isalpha()
        and words[k + 1].islower()
        and words[k + 1] not in COMPOUND_ENDS
        and words[k + 1] not in ("like", "esque", "ite", "ites", "ism", "ist", "type")
    )


def _as_source(words: list[str], i: int, size: int) -> bool:
    k = i - 1
    if k >= 0 and words[k] in ("the", "The"):
        k -= 1
    end = i + size
    if end + 1 < len(words) and words[end] == "'" and words[end + 1] == "s":
        end += 2  # "the Daily Ledger's reporting"
    if k >= 1 and words[k] == "for":  # "an op-ed for X", not "funding for X"
        return words[k - 1] in _PIECES or words[k - 3 : k] == ["op", "-", "ed"]
    return (k >= 0 and words[k] in _SOURCE_BEFORE) or (
        end < len(words) and words[end] in _SOURCE_AFTER
    )


def _imprint(words: list[str], tokens: list[tuple[str, int]], text: str, i: int, end: int) -> bool:
    """The body at ``words[i:end]`` publishes a cited work: a university's press
    ("Harbor University Press"), or the imprint of a reference ("(Lakeview: Harbor
    Institute, 2015)"); a source, not an actor."""
    if end < len(words) and words[end] == "Press" and words[end - 1] in ("University", "College"):
        return True
    return bool(
        _CITED_BEFORE.search(text, max(0, tokens[i][1] - 60), tokens[i][1])
        and _CITED_AFTER.match(text, tokens[end - 1][1] + len(words[end - 1]))
    )


def _credit_line(text: str, offset: int) -> bool:
    """The name at ``offset`` follows "by" on its line ("Published daily by the Lowy
    Institute", "A podcast by Brookings"): a credit, not a title about the publisher."""
    return bool(_CREDIT_BEFORE.search(text[text.rfind("\n", 0, offset) + 1 : offset]))


# "US-Japan Alliance", "the U.S.-ROK Partnership": two states' names joined by a hyphen or
# a slash, then a word for what binds them; a relationship, not a body.
_PAIR = re.compile(
    r"(?:[Tt]he\s+)?([A-Z][\w.]*)((?:\s*[-–/]\s*[A-Z][\w.]*)+)\s+"
    r"(?:Alliance|Partnership|Relationship|Relations|Dialogue)"
)


def _not_a_body(words: list[str], span: Span, publisher: str | None, in_head: bool) -> bool:
    """The unknown organisation at ``span`` is the publisher by its own name (outside the
    title and standfirst), or the body of someone introducing themselves ("I am the Deputy
    Director of the X Institute"). (A pair of states' relationship, "US-Japan Alliance",
    is no span at all: see ``_pair_of_states``.)"""
    if publisher and not in_head and _same_name(span.name, publisher):
        return True
    if publisher and not in_head and _publisher_tail(span.name, publisher):
        return True  # "the Mansfield Foundation" on the Maureen and Mike Mansfield Foundation's
    if publisher and words[span.end : span.end + 3] == ["(", publisher, ")"]:
        return True  # "The International Institute for X Studies (IFIMES)" on IFIMES's page
    return _self_introduction(words, span.start)


def _pair_of_states(name: str, country_words: frozenset[str]) -> bool:
    """``name`` is two states' relationship ("US-Japan Alliance", "Serbia-Kosovo
    Dialogue"), not a body: the states in it are named."""
    pair = _PAIR.fullmatch(name)
    if pair is None:
        return False
    parts = [pair.group(1), *re.split(r"\s*[-–/]\s*", pair.group(2).strip(" -–/"))]
    return all(
        p in country_words or p.rstrip(".") in country_words or p in _PAIRED_PARTIES for p in parts
    )


def _keyed(forms: Iterable[tuple[int, str]], key: Callable[[str], str]) -> dict[str, list[int]]:
    """Key -> the actors (by number, each once, in order) one of whose forms has it."""
    table: dict[str, list[int]] = {}
    for number, form in forms:
        numbers = table.setdefault(key(form), [])
        if number not in numbers:
            numbers.append(number)
    return table


def _number_key(name: str) -> str:
    """``name`` without case, "the", hyphens, British spelling or the plural "s" of its
    words, and with a leading "UN" written out ("pacific island forum"; "united malays national
    organization"; "united nation industrial development organization")."""
    spelled = _US_SPELLING.sub(lambda m: _US_SPELLINGS[m[0]], name.casefold())
    words = spelled.replace("-", " ").split()  # ("Self Defense Force", "Self-Defense Forces")
    if words[:1] in (["un"], ["u.n."]):
        words[:1] = ["united", "nations"]
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words if w != "the")


# British spellings of words in bodies' names, and the American ones they share a key with.
_US_SPELLINGS = {
    "isation": "ization",
    "defence": "defense",
    "centre": "center",
    "programme": "program",
    "labour": "labor",
}
_US_SPELLING = re.compile("|".join(_US_SPELLINGS))


# Adjectives of regions that describe a body without naming it ("the European Frontex
# Agency").
_REGION_ADJECTIVES = frozenset(["European", "African", "Asian", "Arab", "Western", "Eastern"])

# Continents and unions that a relationship joins like states ("the Africa-EU Alliance",
# "EU-China Relations", "NATO-Russia Dialogue").
_PAIRED_PARTIES = frozenset(["EU", "Europe", "Africa", "Asia", "ASEAN", "AU", "NATO", "UN"])


def _masthead(line: str, name: str, publisher: str | None) -> bool:
    """The line is the publisher's name alone (the site's masthead), and ``name`` is it."""
    return bool(publisher) and _same_name(name, publisher or "") and _same_name(line, name)


def _publisher_tail(name: str, publisher: str) -> bool:
    """``name`` is the end of the publisher's longer name, two words or more ("Mansfield
    Foundation" of "Maureen and Mike Mansfield Foundation")."""
    words = name.casefold().split()
    theirs = re.sub(r"\s*\([^()]*\)\s*$", "", publisher).casefold().split()
    return 2 <= len(words) < len(theirs) and theirs[-len(words) :] == words


def _same_name(name: str, publisher: str) -> bool:
    """``name`` is the publisher's, or one part of a publisher named with its parent
    ("Strategic Studies Institute, US Army War College")."""

    def plain(text: str) -> str:
        return _without_the(" ".join(text.replace("’", "'").split()).casefold())

    return plain(name) in {plain(publisher), *(plain(p) for p in publisher.split(","))}


# An acknowledgement of who paid for the work ("funded by", "made possible by the
# generous support of"): the bodies it names are sponsors, page furniture.
_FUNDING = re.compile(
    r"\b(?:funded|sponsored|underwritten|supported|made possible)\s+(?:in part\s+)?by\b"
    r"|\b(?:[Ff]unding|[Gg]rants?|(?:generous|financial) (?:support|contributions?))\s+"
    r"(?:for this [\w ]+?\s+)?(?:was provided by|from|of)\b"
)


def _funder(text: str, offset: int) -> bool:
    """The name at ``offset`` sits in a sentence that says who funded the work."""
    start = max(text.rfind(". ", 0, offset), text.rfind("\n", 0, offset)) + 1
    return bool(_FUNDING.search(text, start, offset))


def _generic_forces(words: list[str], span: Span, country_words: frozenset[str]) -> bool:
    """A state's name and "Forces" or "Administration" alone ("US Forces in Korea", "the
    US Administration"): the state's troops or its government; or "Forces" after words
    that only describe forces ("Hybrid Security Forces", "Sub-State Defense Forces"): a
    kind of force. No body's name either way."""
    inner = [w for w in words[span.start : span.end] if w not in ("-", "–", ".")]
    if len(inner) < 2:
        return False
    if inner[-1] in ("Forces", "Force", "Administration") and all(
        w in country_words or len(w) == 1 for w in inner[:-1]
    ):
        return True
    return inner[-1] == "Forces" and all(w in _FORCE_KINDS for w in inner[:-1])


# Words that describe forces without naming any ("Hybrid Security Forces").
_FORCE_KINDS = frozenset(
    {"Defense", "Defence", "Security", "Hybrid", "Sub", "State", "Armed", "Special"}
    | {"Military", "Government", "Allied", "Coalition", "Ground", "Land", "Naval", "Regular"}
    | {"Proxy", "Irregular", "Auxiliary", "Paramilitary", "Foreign", "Local", "Federal"}
)


def _self_introduction(words: list[str], start: int) -> bool:
    """The organisation at ``words[start]`` follows "of", "at", "with" or "for" in a
    sentence where the writer introduces themselves ("I am the Deputy Director of the X",
    "I serve as a fellow at the Y", "I'm a senior adviser with Z"): an affiliation."""
    k = start - 1
    if k >= 0 and words[k] in ("the", "The"):
        k -= 1
    if k < 0 or words[k] not in ("of", "at", "with", "for"):
        return False
    for m in range(k - 1, max(-1, k - 9), -1):
        word = words[m]
        if word in _SENTENCE_STOPS or word == ",":
            return False
        if word == "am" and m > 0 and words[m - 1] == "I":
            return True
        if word == "m" and m > 1 and words[m - 1] == "'" and words[m - 2] == "I":
            return True
        if word == "as" and m > 1 and words[m - 1] == "serve" and words[m - 2] == "I":
            return True
    return False
