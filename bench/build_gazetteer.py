"""Build the open-data gazetteer files from downloaded public-domain and CC0 sources.

    python bench/build_gazetteer.py SOURCES [--out corpus_search/enrich/data]
                                            [--words /usr/share/dict/words]
    python bench/build_gazetteer.py SOURCES --world    # persons_world.json only

``SOURCES`` is a folder holding one sub-folder per source, laid out as the source
publishes it (``docs``: the actors page says where each comes from and how to fetch it;
``corpus_search/enrich/data/SOURCES.md`` records the commit and licence of each):

    congress-legislators/   legislators-current.json, legislators-historical.csv,
                            executive.json, committees-current.json,
                            committees-historical.json (the project's published files)
    dotgov-data/            current-federal.csv, agencies-and-subs.csv
    s-and-p-500-companies/  data/constituents.csv
    ror-records/            v*/<id>.json (one folder per ROR release)
    every-politician/       <repository>/html/holders21.csv for each repository named in
                            OFFICE_HOLDER_REPOS, world-leaders-2021/data/wikidata.csv
    foia/                   <year>-FOIASetFull.zip (18F/foia's www.foia.gov/; the newest
                            year is read): US federal agencies, bureaus and acronyms

A source that is absent is skipped with a note (a file whose sources are all absent is
not written). The output is three files beside the
hand-curated ones, ``persons_open.json``, ``organizations_open.json`` and
``organizations_federal.json`` (the FOIA bodies, checked against the second, the one
written in the same run or, without its sources, the one already in ``--out``), in the same
entry shape (plus ``roles`` with the years held, and ``source``), deterministic for the
same input. The curated files are read so that no generated entry repeats a person or
body they already hold and no generated form takes one of theirs.

What is kept, for precision: a person's full names (with and without middle initial,
nickname and suffix) and title forms built from the surname ("Senator Cantwell",
"Rep. Clyburn"), never a surname alone; an organisation's full names and its
"US"/"U.S." variants; acronyms of three or more letters only when no other record of
any source claims them and they are not an English word, a country code or a state
abbreviation; no form that is an English word, a place, a country, or another entry's
form. The ``--words`` list (one word a line, e.g. Debian's wamerican) is the English
vocabulary; without it only the other checks apply.

``--world`` writes only ``persons_world.json``: the office holders of the states that
OFFICE_HOLDER_REPOS leaves out, from ``SOURCES/every-politician/<repository>/html/
holders21.csv`` for each repository of ``SOURCES_world.tsv`` (national offices only), less
anyone ``persons.json`` or ``persons_open.json`` in ``--data`` already holds.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "corpus_search" / "enrich" / "data"
PERSONS_FILE = "persons_open.json"
ORGS_FILE = "organizations_open.json"
FEDERAL_FILE = "organizations_federal.json"
DEFAULT_WORDS = Path("/usr/share/dict/words")
# Historical legislators born before this year (who served before about 1880) are left
# out: their names are seldom the subject of policy writing and often a namesake's.
BORN_FROM = 1860
# Title forms ("Senator Smith") only for legislators born from this year on.
TITLES_FROM = 1900

US_STATES = frozenset(
    [
        "AL",
        "AK",
        "AS",
        "AZ",
        "AR",
        "CA",
        "CO",
        "CT",
        "DE",
        "DC",
        "FL",
        "GA",
        "GU",
        "HI",
        "ID",
        "IL",
        "IN",
        "IA",
        "KS",
        "KY",
        "LA",
        "ME",
        "MD",
        "MA",
        "MI",
        "MN",
        "MS",
        "MO",
        "MT",
        "NE",
        "NV",
        "NH",
        "NJ",
        "NM",
        "NY",
        "NC",
        "ND",
        "MP",
        "OH",
        "OK",
        "OR",
        "PA",
        "PR",
        "RI",
        "SC",
        "SD",
        "TN",
        "TX",
        "UT",
        "VT",
        "VI",
        "VA",
        "WA",
        "WV",
        "WI",
        "WY",
    ]
)
_GENERIC_HEAD = re.compile(
    r"^(Federal |State |National |Central )?(Ministry|Department|Office|Secretariat|Agency|"
    r"Bureau|Directorate|Council|Commission|Institute|Service|Administration|Authority|"
    r"Division|Centre|Center|Committee|Board|Section|Unit|Laboratory|Program|Programme)\b"
)
_ARMED = re.compile(r"\b(Army|Navy|Air Force|Marine Corps|Coast Guard|Space Force|Armed Forces)\b")
_MINISTRY = re.compile(r"^(Federal |State )?(Ministry|Department) (of|for)\b")
_COMPANY_SUFFIX = re.compile(
    r",?\s+(Inc\.?|Corporation|Corp\.?|Company|Co\.|plc|PLC|Holdings|Incorporated|Ltd\.?)$"
)
_PARENS = re.compile(r"\s*\([^)]*\)")
_AMPERSAND_NAME = re.compile(r"[A-Z]{1,4}&[A-Z]{1,4}")
SP500 = "s-and-p-500-companies"
_US_PREFIX = re.compile(r"^(United States|U\.S\.|US) ")
_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "to", "at", "a"})
_STATE_MARKS = frozenset({"US", "U", "S", "United", "States", "America", "American"})
# Words that say what kind of office a body is but not which one: a US federal name made
# of nothing else ("Office of Inspector General", "National Security Council", "Office of
# the Secretary") exists in every department or every country.
_GENERIC_WORDS = frozenset(
    [
        "Office",
        "Administration",
        "Communications",
        "Inspector",
        "General",
        "Chief",
        "Financial",
        "Information",
        "Officer",
        "Secretary",
        "Assistant",
        "Public",
        "Affairs",
        "Management",
        "Executive",
        "Counsel",
        "Solicitor",
        "Speaker",
        "Majority",
        "Minority",
        "Leader",
        "Whip",
        "Vice",
        "President",
        "Technology",
        "Science",
        "Security",
        "Council",
        "House",
        "Representatives",
        "Reserve",
        "Bank",
        "Federal",
        "National",
        "White",
        "Health",
        "Civil",
        "Rights",
        "Aviation",
        "Innovation",
        "Improvement",
        "Legacy",
        "Special",
        "Directorate",
        "Division",
        "Board",
        "Commission",
        "Authority",
        "Agency",
        "Department",
        "Bureau",
        "Program",
        "Programs",
        "Operations",
        "Human",
        "Capital",
        "Resources",
        "Research",
        "Planning",
        "Staff",
        "Support",
        "Center",
        "Centre",
        "Headquarters",
        "Republican",
        "Democratic",
        "Committee",
        "Legislative",
        "Governmental",
        "Relations",
        "Intergovernmental",
    ]
)


# -- the vocabulary the filters consult -------------------------------------------------


@dataclass
class Vocabulary:
    words: frozenset[str] = frozenset()  # English words, casefolded
    lower_words: frozenset[str] = frozenset()  # the words the list spells in lower case
    places: frozenset[str] = frozenset()  # country and subdivision names, capitals
    country_forms: dict[str, str] = field(default_factory=dict)  # name/demonym -> code
    curated_forms: frozenset[str] = frozenset()
    curated_names: frozenset[str] = frozenset()
    blockers: frozenset[str] = frozenset()
    country_codes: frozenset[str] = frozenset()
    demonyms: dict[str, str] = field(default_factory=dict)  # code -> adjective ("Swiss")
    gazetteer_codes: frozenset[str] = frozenset()  # the states countries.json holds
    abbreviations: frozenset[str] = frozenset()  # the words the list spells in capitals

    def is_acronym_word(self, acronym: str) -> bool:
        """An acronym that spells a lower-case English word ("DOT", "MINT") and that the
        list does not give as an abbreviation of its own ("SEC", "FCC" are given)."""
        return acronym.lower() in self.lower_words and acronym not in self.abbreviations

    def is_word(self, form: str) -> bool:
        return " " not in form and form.casefold() in self.words

    def is_common_word(self, form: str) -> bool:
        """One word the list spells in lower case ("intel", "target"); not one it gives only
        as a name ("Verizon", "Pfizer"): a company called so is matched on its own."""
        return " " not in form and form.lower() in self.lower_words

    def is_phrase(self, form: str) -> bool:
        """Made only of common English words ("National Assembly", "Waste Management"),
        with nothing that names a state: a heading could carry it as well as a body."""
        if _AMPERSAND_NAME.fullmatch(form):
            return False  # "AT&T", "S&P": initials, not the words "at" and "t"
        tokens = re.findall(r"[A-Za-z]+", form)
        if not tokens or any(t in _STATE_MARKS or t in self.country_forms for t in tokens):
            return False
        return all(t.lower() in _FUNCTION_WORDS or t.lower() in self.lower_words for t in tokens)

    @classmethod
    def load(cls, data_dir: Path, words_file: Path | None) -> Vocabulary:
        import pycountry

        countries_file = data_dir / "countries.json"
        if not countries_file.exists():  # a folder of curated persons/organisations only
            countries_file = DATA / "countries.json"
        countries = json.loads(countries_file.read_text("utf-8"))
        country_forms: dict[str, str] = {}
        places: set[str] = set(countries.get("us_place_names", []))
        places.update(countries.get("us_states", []))
        codes: set[str] = set()
        demonyms: dict[str, str] = {}
        for entry in countries["countries"]:
            code = entry.get("code")
            codes.add(str(code))
            if entry.get("demonyms"):
                demonyms[str(code)] = str(entry["demonyms"][0])
            for key in ("aliases", "demonyms"):
                for form in entry.get(key) or []:
                    country_forms.setdefault(str(form), code)
            country_forms.setdefault(str(entry["name"]), code)
            places.update(str(m) for m in entry.get("metonyms") or [])
        places.update(country_forms)
        for record in pycountry.countries:
            codes.update({record.alpha_2, record.alpha_3})
        for sub in pycountry.subdivisions:
            places.add(sub.name)
        curated_forms: set[str] = set()
        curated_names: set[str] = set()
        blockers: set[str] = set(countries.get("blockers", []))
        for name in ("persons.json", "organizations.json"):
            doc = json.loads((data_dir / name).read_text("utf-8"))
            blockers.update(doc.get("blockers", []))
            for kind in ("persons", "organizations", "groups"):
                for entry in doc.get(kind, []):
                    curated_names.add(entry["name"])
                    curated_forms.add(entry["name"])
                    curated_forms.update(entry.get("aliases") or [])
                    for title in entry.get("titles") or []:
                        for short in entry.get("short") or []:
                            curated_forms.add(f"{title} {short}")
        curated_forms.update(country_forms)
        words: set[str] = set()
        lower_words: set[str] = set()
        abbreviations: set[str] = set()
        if words_file is not None:
            for line in words_file.read_text("utf-8", errors="replace").splitlines():
                word = line.strip()
                if word and "'" not in word:
                    words.add(word.casefold())
                    if word.islower():
                        lower_words.add(word)
                    elif word.isupper() and len(word) > 1:
                        abbreviations.add(word)
        return cls(
            frozenset(words),
            frozenset(lower_words),
            frozenset(places),
            country_forms,
            frozenset(curated_forms),
            frozenset(curated_names),
            frozenset(blockers),
            frozenset(codes),
            demonyms,
            frozenset(str(e.get("code")) for e in countries["countries"]),
            frozenset(abbreviations),
        )


# -- records -----------------------------------------------------------------------------


@dataclass
class Person:
    name: str
    country: str
    role: str
    aliases: list[str]
    short: list[str]
    titles: list[str]
    roles: list[dict[str, Any]]
    source: str
    recency: int  # a sort key: later is more likely the one modern prose means
    current: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "role": self.role,
            "aliases": self.aliases,
            "short": self.short,
            "titles": self.titles,
            "roles": self.roles,
            "source": self.source,
        }


@dataclass
class Org:
    name: str
    country: str | None
    kind: str
    aliases: list[str]
    source: str
    years: list[int] | None = None
    acronyms: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # every name the source gives, to merge on
    proper: list[str] = field(default_factory=list)  # forms the word list gives only as names

    def to_json(self) -> dict[str, Any]:
        entry: dict[str, Any] = {
            "name": self.name,
            "country": self.country,
            "kind": self.kind,
            "aliases": self.aliases,
            "source": self.source,
        }
        if self.years:
            entry["years"] = self.years
        return entry


# -- persons: US Congress (unitedstates/congress-legislators) ---------------------------


def _year(value: str | None) -> int | None:
    return int(value[:4]) if value and value[:4].isdigit() else None


def _name_forms(name: dict[str, str]) -> tuple[str, list[str]]:
    """The canonical name and every full form of a congress-legislators name record."""
    first = name.get("first", "").strip()
    middle = name.get("middle", "").strip()
    last = name.get("last", "").strip()
    suffix = name.get("suffix", "").strip()
    nick = name.get("nickname", "").strip()
    official = _PARENS.sub("", re.sub(r'\s*"[^"]*"', "", name.get("official_full", "")))
    official = " ".join(official.replace(",", " ").split())
    forms: list[str] = []
    givens = [g for g in (nick, first) if g]
    for given in givens:
        forms.append(f"{given} {last}")
        if middle and not re.fullmatch(r"[IVX]+|Jr\.?|Sr\.?", middle):
            initial = middle if len(middle) <= 2 else f"{middle[0]}."
            forms.append(f"{given} {initial} {last}")
            if len(middle) > 2 and "." not in middle:
                forms.append(f"{given} {middle} {last}")
    if suffix:
        plain = list(forms)
        forms += [f"{f} {suffix}" for f in plain] + [f"{f}, {suffix}" for f in plain]
    if official:
        forms.insert(0, official)
    forms = [" ".join(f.split()) for f in forms if f.strip()]
    forms = list(dict.fromkeys(f for f in forms if len(f.split()) >= 2))
    canonical = official or (f"{nick or first} {last}").strip()
    return canonical, forms


_CHAMBER = {"sen": ("US Senator", "US Senate"), "rep": ("US Representative", "US House")}
_EXEC = {
    "prez": "President of the United States",
    "viceprez": "Vice President of the United States",
}


def _spans(terms: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Consecutive terms of the same office and state merged into one role with years."""
    roles: list[dict[str, Any]] = []
    for term in sorted(terms, key=lambda t: t.get("start", "")):
        kind = term.get("type", "")
        title = _CHAMBER.get(kind, (_EXEC.get(kind, kind), ""))[0]
        start, end = _year(term.get("start")), _year(term.get("end"))
        state = term.get("state")
        last = roles[-1] if roles else None
        if last and last["title"] == title and last.get("state") == state:
            last["end"] = end
            continue
        role: dict[str, Any] = {"title": title}
        if state:
            role["state"] = state
        role["start"], role["end"] = start, end
        roles.append(role)
    return roles


def _titles(kinds: set[str], gender: str) -> list[str]:
    titles: list[str] = []
    if "sen" in kinds:
        titles += ["Senator", "Sen."]
    if "rep" in kinds:
        titles += ["Representative", "Rep."]
        titles.append("Congresswoman" if gender == "F" else "Congressman")
    return titles


def _role_text(roles: list[dict[str, Any]]) -> str:
    parts = []
    for role in roles:
        where = f" ({role['state']})" if role.get("state") else ""
        years = ""
        if role.get("start"):
            years = f" {role['start']}–{role['end'] or ''}"
        parts.append(f"{role['title']}{where}{years}")
    return "; ".join(parts)


def congress_persons(folder: Path) -> list[Person]:
    people: list[Person] = []
    by_bioguide: dict[str, Person] = {}
    current = folder / "legislators-current.json"
    if current.exists():
        for record in json.loads(current.read_text("utf-8")):
            canonical, forms = _name_forms(record["name"])
            roles = _spans(record.get("terms", []))
            kinds = {t.get("type", "") for t in record.get("terms", [])}
            born = _year(record.get("bio", {}).get("birthday")) or 0
            person = Person(
                canonical,
                "USA",
                _role_text(roles),
                forms,
                [record["name"]["last"]],
                _titles(kinds, record.get("bio", {}).get("gender", "")),
                roles,
                "congress-legislators",
                3000 + born,
                current=True,
            )
            people.append(person)
            by_bioguide[record["id"].get("bioguide", "")] = person
    historical = folder / "legislators-historical.csv"
    if historical.exists():
        with historical.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                born = _year(row.get("birthday"))
                if born is None or born < BORN_FROM:
                    continue
                name = {
                    "first": row["first_name"],
                    "middle": row["middle_name"],
                    "last": row["last_name"],
                    "suffix": row["suffix"],
                    "nickname": row["nickname"],
                    "official_full": row["full_name"],
                }
                canonical, forms = _name_forms(name)
                title, _ = _CHAMBER.get(row["type"], (row["type"], ""))
                roles = [{"title": f"{title} (last term)", "state": row["state"]}]
                person = Person(
                    canonical,
                    "USA",
                    f"Former {title} ({row['state']})"
                    + (f", {row['party']}" if row["party"] else ""),
                    forms,
                    [row["last_name"]] if born >= TITLES_FROM else [],
                    _titles({row["type"]}, row["gender"]) if born >= TITLES_FROM else [],
                    roles,
                    "congress-legislators",
                    born,
                )
                people.append(person)
                by_bioguide[row["bioguide_id"]] = person
    executive = folder / "executive.json"
    if executive.exists():
        for record in json.loads(executive.read_text("utf-8")):
            roles = _spans(record.get("terms", []))
            known = by_bioguide.get(record.get("id", {}).get("bioguide", ""))
            if known is not None:
                known.roles = roles + known.roles
                known.role = _role_text(known.roles)
                continue
            canonical, forms = _name_forms(record["name"])
            born = _year(record.get("bio", {}).get("birthday")) or 0
            titles = ["President"] if any(r["title"].startswith("President") for r in roles) else []
            people.append(
                Person(
                    canonical,
                    "USA",
                    _role_text(roles),
                    forms,
                    [record["name"]["last"]] if titles else [],
                    titles,
                    roles,
                    "congress-legislators",
                    3000 + born,
                )
            )
    return people


# -- persons: heads of state and government, ministers (Wikidata via every-politician) ---

# The every-politician-scrapers repositories used, and the state each one covers.
OFFICE_HOLDER_REPOS = {
    "argentina-ministers": "ARG",
    "australia-cabinet": "AUS",
    "brazil-ministers": "BRA",
    "canada-cabinet": "CAN",
    "china-ministers": "CHN",
    "france-cabinet": "FRA",
    "india-ministers": "IND",
    "indonesia-ministers": "IDN",
    "iran-ministers": "IRN",
    "israel-ministers": "ISR",
    "italy-ministers": "ITA",
    "japan-ministers": "JPN",
    "mexico-ministers": "MEX",
    "pakistan-ministers": "PAK",
    "russia-cabinet": "RUS",
    "saudi-ministers": "SAU",
    "south-africa-cabinet": "ZAF",
    "south-korea-ministers": "KOR",
    "turkey-ministers": "TUR",
    "ukraine-cabinet": "UKR",
    "united-kingdom-cabinet": "GBR",
    "us-cabinet": "USA",
}
_QID = re.compile(r"Q\d+")
# Offices whose holders are seldom the subject of policy writing and whose names are often
# a namesake's (2,961 ambassadors, many with common British names): left out.
_MINOR_OFFICE = re.compile(
    r"(?i)\b(ambassador|high commissioner|consul|first lady|first gentleman|spouse|mayor|"
    r"judge|permanent representative|representative in)\b"
)


def _ascii_variant(name: str) -> str:
    """ "Recep Tayyip Erdoğan" -> "Recep Tayyip Erdogan" (as English prose often spells it)."""
    import unicodedata

    folded = unicodedata.normalize("NFKD", name)
    return "".join(c for c in folded if not unicodedata.combining(c))


def office_holders(
    folder: Path, vocab: Vocabulary, repos: dict[str, str] | None = None
) -> list[Person]:
    """Holders of national offices since 2000 (html/holders21.csv of each repository in
    ``repos``, OFFICE_HOLDER_REPOS by default: position, person, Wikidata id, start,
    end), and the heads of state and government of 2021-22
    (world-leaders-2021/data/wikidata.csv)."""
    rows: list[tuple[str, str, str, str, str, str]] = []  # qid, name, code, title, start, end
    for repo, code in sorted((OFFICE_HOLDER_REPOS if repos is None else repos).items()):
        path = folder / repo / "html" / "holders21.csv"
        if not path.exists():
            continue
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                rows.append(
                    (
                        row.get("personID", ""),
                        row.get("person", ""),
                        code,
                        row.get("position", ""),
                        row.get("start", ""),
                        row.get("end", ""),
                    )
                )
    leaders = folder / "world-leaders-2021" / "data" / "wikidata.csv"
    if leaders.exists():
        with leaders.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                code = vocab.country_forms.get(row.get("country", ""), "")
                if code:
                    rows.append(
                        (
                            row.get("officeholder", ""),
                            row.get("officeholderLabel", ""),
                            code,
                            row.get("positionLabel", ""),
                            row.get("start_year", ""),
                            row.get("end_year", ""),
                        )
                    )
    people: dict[str, Person] = {}
    for qid, name, code, title, start, end in rows:
        name = " ".join(name.split())
        if not qid or _QID.fullmatch(name) or len(name.split()) < 2 or not _latin(name):
            continue
        if "," in name or _MINOR_OFFICE.search(title):
            continue
        role = {"title": title, "start": _year(start), "end": _year(end)}
        if role["start"] and role["end"] and role["start"] > role["end"]:  # a slip in the data
            role["start"] = role["end"] = None
        person = people.get(qid)
        if person is None:
            forms = list(dict.fromkeys([name, _ascii_variant(name)]))
            person = people[qid] = Person(name, code, "", forms, [], [], [], "wikidata", 0)
        if role not in person.roles:
            person.roles.append(role)
        person.current = person.current or (role["end"] is None and role["start"] is not None)
        person.recency = max(person.recency, role["start"] or 0)
    for person in people.values():
        person.roles.sort(key=lambda r: (r["start"] or 0, r["title"]))
        person.role = _role_text(person.roles)
    return [people[qid] for qid in sorted(people)]


# -- persons of the other states (persons_world.json) -----------------------------------

# The every-politician-scrapers repositories of the states OFFICE_HOLDER_REPOS leaves out,
# with each state's code and the commit read: one line each, tab-separated, in this file.
WORLD_TABLE = DATA / "SOURCES_world.tsv"
WORLD_FILE = "persons_world.json"
# Offices left out there besides _MINOR_OFFICE: regional and local posts, officials below
# minister and members of bodies. A small state's deputy minister or provincial governor
# is a namesake in policy writing far more often than its subject; a central bank's
# governor is kept.
_WORLD_MINOR = re.compile(
    r"(?i)\b(governor|prefect|deputy minister|vice[- ]minister|state secretary|"
    r"secretary general|director|member|deputy governor|chief of staff|head of|"
    r"commissioner|chairman|chairperson|chair|president of the (senate|national assembly)|"
    r"auditor|ombudsman|mufti|rector|secretary of the|intendant|menteri besar|chief minister|"
    r"flemish|walloon|brussels|advis[eo]r|justice of|spokes\w*)\b"
)
ABOUT_WORLD = (
    "Generated by bench/build_gazetteer.py --world from Wikidata as stored by the "
    "every-politician-scrapers repositories of the states that persons_open.json does not "
    "cover (see SOURCES.md and SOURCES_world.tsv); do not edit by hand: add to persons.json, "
    "which wins over this file. Heads of state and government, ministers, speakers and "
    "senior justices since 2000; regional posts, deputies and officials are left out, and "
    "so is anyone persons.json or persons_open.json already holds. Same entry shape as "
    "persons_open.json; full names only."
)


def world_repos(table: Path = WORLD_TABLE) -> dict[str, str]:
    """Repository -> state code, from the table of the other states' repositories."""
    repos: dict[str, str] = {}
    with table.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            repos[row["repo"]] = row["code"]
    return repos


def _world_office(title: str) -> bool:
    if _MINOR_OFFICE.search(title):
        return False
    if re.search(r"(?i)\bgovernor\b", title) and re.search(r"(?i)\bbank\b", title):
        return not re.search(r"(?i)\bdeputy\b", title)  # a central bank's governor
    return not _WORLD_MINOR.search(title)


def build_world(sources: Path, data_dir: Path, words_file: Path | None) -> dict[str, Any]:
    """persons_world.json: the office holders of the states in WORLD_TABLE (from
    ``sources``/every-politician/<repo>/html/holders21.csv), less anyone the curated files
    or the persons_open.json in ``data_dir`` hold, cleaned as the other persons are."""
    vocab = Vocabulary.load(data_dir, words_file)
    people = office_holders(sources / "every-politician", vocab, world_repos())
    for person in people:
        person.roles = [r for r in person.roles if _world_office(r["title"])]
        person.role = _role_text(person.roles)
    people = [p for p in people if p.roles]
    from corpus_search.enrich.actors import spelling_key

    # anyone already held: a form of anyone's, or a spelling of a compatriot's ("Mihaly
    # Varga", "Zine el-Abidine Ben Ali")
    forms = {
        (e.get("country"), form)
        for name in ("persons.json", PERSONS_FILE)
        if (data_dir / name).exists()
        for e in json.loads((data_dir / name).read_text("utf-8"))["persons"]
        for form in (e["name"], *e.get("aliases", []))
    }
    held = {form for _, form in forms}
    keys = {(code, spelling_key(form)) for code, form in forms}
    people = [
        p
        for p in people
        if not any(f in held or (p.country, spelling_key(f)) in keys for f in p.aliases)
    ]
    org_forms = set(vocab.curated_forms)
    for name in (ORGS_FILE, FEDERAL_FILE, "organizations_state.json"):
        path = data_dir / name
        if path.exists():
            for entry in json.loads(path.read_text("utf-8"))["organizations"]:
                org_forms.update((entry["name"], *entry.get("aliases", [])))
    return {
        "about": ABOUT_WORLD,
        "persons": [p.to_json() for p in _clean_persons(people, vocab, org_forms)],
    }


def _merge_people(base: list[Person], more: list[Person]) -> list[Person]:
    """Office holders who are also in Congress: one entry, with both sets of roles."""
    by_form = {(p.country, f): p for p in base for f in p.aliases}
    result = list(base)
    for person in more:
        known = next(
            (
                by_form[(person.country, f)]
                for f in person.aliases
                if (person.country, f) in by_form
            ),
            None,
        )
        if known is not None:
            known.roles = known.roles + [r for r in person.roles if r not in known.roles]
            known.role = _role_text(known.roles)
            if "wikidata" not in known.source.split("+"):
                known.source = f"{known.source}+wikidata"
            continue
        result.append(person)
    return result


# -- organisations -------------------------------------------------------------------------


def _congress_years(congresses: Iterable[int]) -> list[int]:
    numbers = sorted(int(c) for c in congresses)
    if not numbers:
        return []
    return [1789 + 2 * (numbers[0] - 1), 1789 + 2 * numbers[-1]]


def _committee_forms(name: str) -> tuple[str, list[str]]:
    """ "House Committee on Agriculture (Select)" -> the canonical name and its variants
    ("House Select Committee on Agriculture", "House Agriculture Committee")."""
    qualifiers = re.findall(r"\(([^)]*)\)", name)
    base = " ".join(_PARENS.sub("", name).split())
    match = re.match(r"^(House|Senate|Joint) Committee on (the )?(.+)$", base)
    forms = [base]
    if match and qualifiers and qualifiers[0] in ("Select", "Special", "Permanent Select"):
        base = f"{match[1]} {qualifiers[0]} Committee on {match[2] or ''}{match[3]}"
        forms.insert(0, base)
    if match:
        topic = match[3]
        if "," not in topic and len(topic.split()) <= 5 and not topic.startswith("Committees"):
            forms.append(f"{match[1]} {topic} Committee")
    return forms[0], list(dict.fromkeys(forms))


def congress_committees(folder: Path) -> list[Org]:
    orgs: dict[str, Org] = {}
    for file_name, current in (
        ("committees-current.json", True),
        ("committees-historical.json", False),
    ):
        path = folder / file_name
        if not path.exists():
            continue
        for record in json.loads(path.read_text("utf-8")):
            canonical, forms = _committee_forms(record["name"])
            years = _congress_years(record.get("congresses", []))
            if current:
                years = []
            kind = "legislature"
            org = orgs.get(canonical)
            if org is None:
                org = orgs[canonical] = Org(
                    canonical, "USA", kind, forms, "congress-legislators", years or None
                )
            else:
                org.aliases = list(dict.fromkeys(org.aliases + forms))
            for sub in record.get("subcommittees", []):
                sub_name = " ".join(_PARENS.sub("", sub["name"]).split())
                if not sub_name or len(sub_name.split()) < 2:
                    continue
                full = f"{canonical} Subcommittee on {sub_name}"
                sub_years = [] if current else _congress_years(sub.get("congresses", []))
                if full not in orgs:
                    orgs[full] = Org(
                        full,
                        "USA",
                        kind,
                        [full, f"Subcommittee on {sub_name}"],
                        "congress-legislators",
                        sub_years or None,
                    )
    return list(orgs.values())


def _us_variants(form: str) -> list[str]:
    forms = [form]
    for long in ("United States ", "U.S. ", "US "):
        if form.startswith(long):
            rest = form[len(long) :]
            forms += [f"United States {rest}", f"U.S. {rest}", f"US {rest}"]
    if _MINISTRY.match(form) or form.startswith("Office of"):
        forms += [f"US {form}", f"U.S. {form}", f"United States {form}"]
    return list(dict.fromkeys(forms))


def _org_kind(name: str) -> str:
    if _ARMED.search(name) and not re.search(
        r"\b(Hospital|University|College|Academy|Museum)\b", name
    ):
        return "armed-forces"
    if re.search(r"\bMinistry\b", name) or re.match(
        r"^(US |U\.S\. |United States )?Department of", name
    ):
        return "ministry"
    if re.search(r"\b(Senate|House of Representatives|Congress|Parliament)\b", name):
        return "legislature"
    return "government-body"


def _generic(name: str) -> bool:
    """Every word but the small ones is a generic office word."""
    words = [w for w in re.findall(r"[A-Za-z]+", name) if w not in _FUNCTION_WORDS]
    return all(w in _GENERIC_WORDS for w in words)


def _usable_federal(name: str) -> bool:
    """A US federal body's name that is specific enough to match on its own."""
    if not name or any(c in name for c in ",()–-/&") or name.isupper() or _generic(name):
        return False
    words = name.split()
    if len(words) >= 3:
        return True
    return any(w in ("Federal", "National", "United", "U.S.", "US", "American") for w in words)


def dotgov_orgs(folder: Path) -> list[Org]:
    names: dict[str, bool] = {}
    current = folder / "current-federal.csv"
    if current.exists():
        with current.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                names.setdefault(row["Organization name"].strip(), True)
                if row.get("Suborganization name"):
                    names.setdefault(row["Suborganization name"].strip(), True)
    agencies = folder / "agencies-and-subs.csv"
    if agencies.exists():
        with agencies.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                names.setdefault(row["Agency"].strip(), True)
                if row.get("Bureau"):
                    names.setdefault(row["Bureau"].strip(), True)
    orgs = []
    for name in sorted(names):
        name = re.sub(r"^The ", "", name)
        if not _usable_federal(name):
            continue
        orgs.append(Org(name, "USA", _org_kind(name), _us_variants(name), "dotgov-data"))
    return orgs


def sp500_orgs(folder: Path, vocab: Vocabulary, given_names: set[str]) -> list[Org]:
    path = folder / "data" / "constituents.csv"
    if not path.exists():
        return []
    orgs: dict[str, Org] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            full = " ".join(_PARENS.sub("", row["Security"]).split())
            forms = [full]
            short = _COMPANY_SUFFIX.sub("", full)
            if short != full:
                forms.append(short)
            # The listed name itself, when the list gives it whole ("Verizon", not "Lilly
            # (Eli)" or the "Dover" of "Dover Corporation"), is the company's even if the
            # word list carries it capitalised: there it is a name, not an English word.
            proper = [full] if full == row["Security"].strip() and " " not in full else []
            kept = [
                f
                for f in forms
                if len(f) >= 3
                and not (vocab.is_common_word(f) if f in proper else vocab.is_word(f))
                and not vocab.is_phrase(f)
                and not (len(f.split()) == 2 and f.split()[0] in given_names)
            ]
            if kept and full not in orgs:
                orgs[full] = Org(full, "USA", "company", kept, SP500, proper=proper)
    return list(orgs.values())


def _latin(text: str) -> bool:
    """Written in the Latin alphabet (accents allowed): a form English prose can carry."""
    return all(ord(c) < 0x250 or not c.isalpha() for c in text)


def _ror_latest(folder: Path) -> Iterator[dict[str, Any]]:
    """The newest version of each ROR record across the release folders."""

    def version(path: Path) -> tuple[int, ...]:
        return tuple(int(n) for n in re.findall(r"\d+", path.name))

    latest: dict[str, Path] = {}
    for release in sorted(
        (p for p in folder.iterdir() if p.is_dir() and p.name.startswith("v")), key=version
    ):
        for record in release.glob("*.json"):
            latest[record.name] = record
    for name in sorted(latest):
        try:
            yield json.loads(latest[name].read_text("utf-8"))
        except ValueError:
            continue


def _ror_names(record: dict[str, Any]) -> tuple[str, list[str], list[str]]:
    display, names, acronyms = "", [], []
    for entry in record.get("names", []):
        value = " ".join(str(entry.get("value", "")).split())
        types = entry.get("types", [])
        if "acronym" in types:
            acronyms.append(value)
        elif "ror_display" in types:
            display = value
            if entry.get("lang") in (None, "en"):
                names.insert(0, value)
        elif entry.get("lang") in (None, "en"):
            names.append(value)
    if not names and display.isascii():
        names = [display]
    return display, names, acronyms


def ror_orgs(folder: Path, vocab: Vocabulary) -> tuple[list[Org], Counter[str]]:
    """Government bodies in ROR, and how many ROR records of any type claim each acronym."""
    import pycountry

    orgs: list[Org] = []
    acronym_claims: Counter[str] = Counter()
    demonyms = vocab.demonyms
    for record in _ror_latest(folder):
        _, names, acronyms = _ror_names(record)
        for acronym in set(acronyms):
            acronym_claims[acronym] += 1
        types = {str(t).lower() for t in record.get("types", [])}
        if "government" not in types or record.get("status") != "active" or not names:
            continue
        locations = record.get("locations") or []
        alpha2 = locations[0].get("geonames_details", {}).get("country_code") if locations else None
        country = pycountry.countries.get(alpha_2=alpha2) if alpha2 else None
        code = country.alpha_3 if country else None
        if code not in vocab.gazetteer_codes:  # a territory the gazetteer has no state for
            continue
        forms: list[str] = []
        all_names = [re.sub(r"^The ", "", _PARENS.sub("", n)).strip() for n in names]
        for name in names:
            name = re.sub(r"^The ", "", _PARENS.sub("", name)).strip()
            if not name or "," in name or not _latin(name) or _generic(name):
                continue
            if vocab.is_phrase(name) and not (_GENERIC_HEAD.match(name) and code != "USA"):
                continue  # "National Assembly"; a ministry's name is qualified below
            forms += _us_variants(name) if code == "USA" else [name]
        forms = list(dict.fromkeys(forms))
        if not forms:
            continue
        canonical = forms[0]
        if (
            _GENERIC_HEAD.match(canonical)
            and code
            and code != "USA"
            and not any(c in canonical for c in vocab.country_forms)
        ):
            label = demonyms.get(code)
            qualified = [f"{label} {f}" for f in forms if _GENERIC_HEAD.match(f)] if label else []
            forms = [f for f in forms if not _GENERIC_HEAD.match(f)] + qualified
            if not forms:
                continue
            canonical = forms[0]
        # Acronyms of bodies abroad ("NTA", "CPB", "NIRM") collide with other uses far more
        # often than the body is discussed: only US federal and state bodies keep theirs.
        kept = acronyms if code == "USA" else []
        orgs.append(
            Org(canonical, code, _org_kind(canonical), forms, "ror", acronyms=kept, names=all_names)
        )
    return orgs, acronym_claims


# -- US federal agencies and their acronyms: FOIA annual reports (18F/foia) -------------

# The annual FOIA report of each federal agency names the agency and its components with
# their abbreviations (NIEM XML, one file an agency, in www.foia.gov/<year>-FOIASetFull.zip).
_NC = "{http://niem.gov/niem/niem-core/2.0}"
# A component is a bureau that prose names on its own (not an office, division or field
# site of its department): its name has one of these words.
_BUREAU = re.compile(
    r"\b(Administration|Agency|Bureau|Service|Command|Institutes|Centers|Network|Corps|Mint)\b"
)
_NOT_BUREAU = re.compile(
    r"\b(Office|Offices|Division|Headquarters|Region|District|Center|Laboratory|Field|Board)\b"
)
# Acronyms that policy prose uses for something better known than the federal body that
# reports under them (a free trade agreement, the Bank for International Settlements,
# sub-Saharan Africa, the Free Syrian Army, non-communicable diseases, bisphenol A, the
# balance of payments, the revolution in military affairs, the
# European Defence Agency, the OECD's Nuclear Energy Agency, the UK's Financial Conduct
# Authority, the Federation of American Scientists, Israel's and India's air forces, the
# Congressional Research Service, a digital object identifier, optical character
# recognition, the CFA franc, the Single Euro Payments Area...), and those the curated
# file's "about" gives to no one: never taken from this source.
AMBIGUOUS_ACRONYMS = frozenset(
    [
        "ACL",
        "ADF",
        "AMS",
        "ASC",
        "BIS",
        "BOP",
        "BPA",
        "CFA",
        "CRS",
        "DOI",
        "DSS",
        "EAC",
        "EDA",
        "FAS",
        "FCA",
        "FSA",
        "FTA",
        "IAF",
        "NCA",
        "NCD",
        "NEA",
        "NIS",
        "OCR",
        "PAP",
        "PIF",
        "RMA",
        "SDF",
        "SEPA",
        "SSA",
    ]
)


def _foia_set(folder: Path) -> Path | None:
    """The newest ``<year>-FOIASetFull.zip`` in ``folder``."""
    sets = sorted(folder.glob("*-FOIASetFull.zip"), key=lambda p: p.name)
    return sets[-1] if sets else None


def _foia_name(text: str | None) -> str:
    """The name as prose writes it: "U.S.Central Command" spaced, a trailing " - Headquarters
    Office" cut, capitals only where the report shouts ("UNITED STATES POSTAL SERVICE")."""
    name = " ".join(re.sub(r"\s+[-–]\s+.*$", "", text or "").split())
    name = re.sub(r"^U\.?S\.? ?(?=[A-Z])", "U.S. ", name)
    if name.isupper():
        name = " ".join(
            w.lower() if w.lower() in _FUNCTION_WORDS else w.capitalize() for w in name.split()
        )
    return re.sub(r"^The ", "", name)


def _foia_acronym(text: str | None) -> str:
    return re.sub(r"^(U\.S\.|US) ", "", " ".join((text or "").split())).replace("-", "")


def foia_orgs(folder: Path) -> list[Org]:
    """US federal agencies and their bureaus, with the abbreviations their FOIA reports give."""
    import xml.etree.ElementTree as ET
    import zipfile

    path = _foia_set(folder)
    if path is None:
        return []
    records: list[tuple[str, str, bool]] = []  # (name, acronym, top-level)
    with zipfile.ZipFile(path) as archive:
        for member in sorted(archive.namelist()):
            if not member.lower().endswith(".xml"):
                continue
            root = ET.fromstring(archive.read(member))
            agency = root.find(f"{_NC}Organization")
            if agency is None:
                continue
            records.append(
                (
                    _foia_name(agency.findtext(f"{_NC}OrganizationName")),
                    _foia_acronym(agency.findtext(f"{_NC}OrganizationAbbreviationText")),
                    True,
                )
            )
            for sub in agency.iter(f"{_NC}OrganizationSubUnit"):
                records.append(
                    (
                        _foia_name(sub.findtext(f"{_NC}OrganizationName")),
                        _foia_acronym(sub.findtext(f"{_NC}OrganizationAbbreviationText")),
                        False,
                    )
                )
    kept = [(n, a, top) for n, a, top in records if _foia_usable(n, top)]
    claims = Counter(acronym for _, acronym, _ in kept)
    orgs: dict[str, Org] = {}
    for name, acronym, _ in kept:
        acronyms = [acronym] if claims[acronym] == 1 and acronym not in AMBIGUOUS_ACRONYMS else []
        org = orgs.get(name)
        if org is None:
            orgs[name] = Org(
                name,
                "USA",
                _org_kind(name),
                _us_variants(name),
                "foia",
                acronyms=acronyms,
                names=[name],
            )
        else:
            org.acronyms = list(dict.fromkeys(org.acronyms + acronyms))
    return list(orgs.values())


def _foia_usable(name: str, top: bool) -> bool:
    """An agency (its name is its own), or a bureau whose name is specific enough."""
    if not name or any(c in name for c in ",()/&") or name.isupper():
        return False
    if top:
        return True
    return bool(_BUREAU.search(name)) and not _NOT_BUREAU.search(name) and _usable_federal(name)


def _clean_foia(orgs: list[Org], vocab: Vocabulary, generated: list[dict[str, Any]]) -> list[Org]:
    """The FOIA records against the curated file and the other generated organisations: a
    body the curated file holds is left to it; one the generated file holds gets the
    FOIA forms added to its entry (same name: this file's entry replaces it at load)."""
    by_key: dict[tuple[str | None, str], dict[str, Any]] = {}
    owners: Counter[str] = Counter()
    for entry in generated:
        for form in entry.get("aliases", []):
            owners[form] += 1
            by_key.setdefault((entry.get("country"), _US_PREFIX.sub("", form)), entry)
    result: list[Org] = []
    for org in orgs:
        if org.name in vocab.curated_names or any(
            f in vocab.curated_forms for f in org.aliases if len(f.split()) > 1
        ):
            continue
        entry = next(
            (
                by_key[k]
                for k in sorted({(org.country, _US_PREFIX.sub("", f)) for f in org.aliases})
                if k in by_key
            ),
            None,
        )
        own = set(entry["aliases"]) if entry else set()
        forms = [
            f
            for f in org.aliases
            if f in own
            or (
                owners[f] == 0
                and f not in vocab.curated_forms
                and f not in vocab.places
                and f not in vocab.blockers
                and not vocab.is_word(f)
            )
        ]
        for acronym in org.acronyms:
            if (
                re.fullmatch(r"[A-Z][A-Z0-9]{2,}", acronym)
                and (acronym in own or owners[acronym] == 0)
                and acronym not in vocab.curated_forms
                and acronym not in vocab.country_codes
                and acronym not in US_STATES
                and not vocab.is_acronym_word(acronym)
            ):
                forms.append(acronym)
        if entry is not None:
            added = [f for f in forms if f not in own]
            if not added:
                continue  # nothing the generated entry lacks
            source = entry["source"] if "foia" in entry["source"] else f"{entry['source']}+foia"
            result.append(
                Org(
                    entry["name"],
                    entry.get("country"),
                    entry["kind"],
                    list(dict.fromkeys([*entry["aliases"], *added])),
                    source,
                )
            )
            continue
        if org.name not in forms:  # the name itself is a place, a word or another's
            continue
        org.aliases = list(dict.fromkeys(forms))
        result.append(org)
    names = Counter(o.name for o in result)
    return sorted((o for o in result if names[o.name] == 1), key=lambda o: o.name)


# -- putting it together ---------------------------------------------------------------------


def _clean_persons(people: list[Person], vocab: Vocabulary, org_forms: set[str]) -> list[Person]:
    """Drop people the curated file holds, and forms that are places, organisations,
    words or another person's; a shared full name goes to the one modern prose means."""
    kept: list[Person] = []
    for person in people:
        if person.name in vocab.curated_names or any(
            f in vocab.curated_forms for f in person.aliases
        ):
            continue
        kept.append(person)
    owners: dict[str, list[Person]] = {}
    for person in kept:
        for form in person.aliases:
            owners.setdefault(form, []).append(person)
    result: list[Person] = []
    for person in kept:
        forms = []
        for form in person.aliases:
            if (
                form in vocab.places
                or form in org_forms
                or form in vocab.blockers
                or vocab.is_word(form)
            ):
                continue
            claim = owners[form]
            if len(claim) > 1 and _winner(claim) is not person:
                continue
            forms.append(form)
        if not forms:
            continue
        if person.name not in forms:
            person.name = forms[0]
        person.aliases = forms
        person.short = [s for s in person.short if s not in vocab.places]
        result.append(person)
    names = Counter(p.name for p in result)
    return sorted((p for p in result if names[p.name] == 1), key=lambda p: p.name)


def _winner(claim: list[Person]) -> Person | None:
    """Of namesakes: the one sitting now, else the youngest when the next is a
    generation older; else nobody."""
    current = [p for p in claim if p.current]
    if len(current) == 1:
        return current[0]
    if current:
        return None
    ranked = sorted(claim, key=lambda p: -p.recency)
    if ranked[0].recency - ranked[1].recency >= 30:
        return ranked[0]
    return None


def _curated(vocab: Vocabulary, org: Org) -> bool:
    """The hand-written file already holds this organisation (by name or a longer form)."""
    return org.name in vocab.curated_names or any(
        f in vocab.curated_forms for f in org.aliases if len(f.split()) > 1
    )


def _usable_forms(vocab: Vocabulary, org: Org, own: Callable[[str], bool]) -> list[str]:
    """The forms of ``org`` the gazetteer may match: ``own`` ones (no other entry claims
    them), not curated, not a place, not blocked, not an English word, 3 characters or more."""
    return [
        f
        for f in org.aliases
        if own(f)
        and f not in vocab.curated_forms
        and f not in vocab.places
        and f not in vocab.blockers
        and not _english(vocab, org, f)
        and len(f) >= 3
    ]


def _english(vocab: Vocabulary, org: Org, form: str) -> bool:
    """``form`` is an English word: for a listed company's own listed name, only one the
    word list spells in lower case (a name it gives capitalised, "Verizon", is the
    company's)."""
    if form in org.proper:
        return vocab.is_common_word(form)
    return vocab.is_word(form)


def _clean_orgs(orgs: list[Org], vocab: Vocabulary, acronym_claims: Counter[str]) -> list[Org]:
    # Merge records of two sources that share a name, with or without "US"/"U.S."/"United
    # States" (dotgov's "National Science Foundation", ROR's "U.S. National Science
    # Foundation"); the first source's name stays the canonical one.
    merged: list[Org] = []
    by_key: dict[tuple[str | None, str], Org] = {}

    def keys(org: Org) -> set[tuple[str | None, str]]:
        return {(org.country, _US_PREFIX.sub("", f)) for f in (*org.aliases, *org.names)}

    for org in orgs:
        target = next((by_key[k] for k in sorted(keys(org), key=str) if k in by_key), None)
        if target is not None and target.source != org.source:
            target.aliases = list(dict.fromkeys(target.aliases + org.aliases))
            target.acronyms = list(dict.fromkeys(target.acronyms + org.acronyms))
            if org.source not in target.source.split("+"):
                target.source = f"{target.source}+{org.source}"
            for key in keys(org):
                by_key.setdefault(key, target)
            continue
        merged.append(org)
        for key in keys(org):
            by_key.setdefault(key, org)
    owners: Counter[str] = Counter()
    for org in merged:
        for form in set(org.aliases):
            owners[form] += 1
    result: list[Org] = []
    for org in merged:
        if _curated(vocab, org):
            continue
        forms = _usable_forms(vocab, org, lambda f: owners[f] == 1)
        for acronym in org.acronyms:
            if (
                len(acronym) >= 3
                and re.fullmatch(r"[A-Z][A-Z0-9]{2,}", acronym)
                and acronym_claims[acronym] <= 1
                and owners[acronym] == 0
                and acronym not in vocab.curated_forms
                and acronym not in vocab.country_codes
                and acronym not in US_STATES
                and not vocab.is_word(acronym)
            ):
                forms.append(acronym)
        if not forms:
            continue
        if org.name not in forms:
            org.name = forms[0]
        org.aliases = forms
        result.append(org)
    names = Counter(o.name for o in result)
    return sorted((o for o in result if names[o.name] == 1), key=lambda o: o.name)


ABOUT_PERSONS = (
    "Generated by bench/build_gazetteer.py from openly licensed data (see SOURCES.md); do not "
    "edit by hand: add to persons.json, which wins over this file, or to a user file. Same "
    "entry shape as persons.json, plus 'roles' (each office held, with the state and the "
    "years where the data has them) and 'source'. 'aliases' are full names only (with and "
    "without middle initial, nickname and suffix); 'short' holds the surname, counted only "
    "once the person is named in full; 'titles' are offices held, joined to the surname."
)
ABOUT_FEDERAL = (
    "Generated by bench/build_gazetteer.py from the US federal agencies' annual FOIA reports "
    "(see SOURCES.md); do not edit by hand. US federal agencies and their bureaus with the "
    "abbreviations the reports give; an entry named like one of organizations_open.json is "
    "that entry with these forms added, and replaces it when the gazetteer loads. Bodies "
    "the curated file holds, offices and field sites, abbreviations two bodies share or "
    "that policy prose uses for something else are left out."
)
ABOUT_ORGS = (
    "Generated by bench/build_gazetteer.py from openly licensed data (see SOURCES.md); do not "
    "edit by hand: add to organizations.json, which wins over this file, or to a user file. "
    "Same entry shape as organizations.json, plus 'source' and, for bodies that no longer "
    "exist, 'years' (first and last year). Forms claimed by two records, English words, "
    "places and acronyms shorter than three letters or claimed twice are left out."
)


def build(
    sources: Path, data_dir: Path, words_file: Path | None, out: Path = DATA
) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """The documents to write (file name -> content), and notes on what was skipped."""
    vocab = Vocabulary.load(data_dir, words_file)
    notes: list[str] = []

    def folder(name: str) -> Path | None:
        path = sources / name
        if path.is_dir():
            return path
        notes.append(f"{name}: not found in {sources}, skipped")
        return None

    people: list[Person] = []
    orgs: list[Org] = []
    acronym_claims: Counter[str] = Counter()
    congress = folder("congress-legislators")
    if congress:
        people += congress_persons(congress)
        orgs += congress_committees(congress)
    holders = folder("every-politician")
    if holders:
        people = _merge_people(people, office_holders(holders, vocab))
    given_names = {p.aliases[0].split()[0] for p in people if p.aliases}
    counts = Counter(n for n in (p.aliases[0].split()[0] for p in people if p.aliases))
    given_names = {n for n in given_names if counts[n] >= 3}
    dotgov = folder("dotgov-data")
    if dotgov:
        orgs += dotgov_orgs(dotgov)
    sp500 = folder(SP500)
    if sp500 and not (congress or holders or dotgov or folder_exists(sources, "ror-records")):
        # Only the S&P 500 list: its entries are rebuilt in the generated file already there.
        docs_only = {ORGS_FILE: _sp500_only(sp500, vocab, out, notes)}
        foia_only = folder("foia")
        if foia_only:
            notes.append("foia: give it in a folder of its own to rebuild the federal file")
        return docs_only, notes
    if sp500:
        orgs += sp500_orgs(sp500, vocab, given_names)
    ror = folder("ror-records")
    if ror:
        ror_list, acronym_claims = ror_orgs(ror, vocab)
        orgs += ror_list
    clean_orgs = _clean_orgs(orgs, vocab, acronym_claims)
    org_forms = {f for o in clean_orgs for f in o.aliases} | set(vocab.curated_forms)
    clean_people = _clean_persons(people, vocab, org_forms)
    docs: dict[str, dict[str, Any]] = {}
    if people or orgs:
        docs[PERSONS_FILE] = {
            "about": ABOUT_PERSONS,
            "persons": [p.to_json() for p in clean_people],
        }
        docs[ORGS_FILE] = {"about": ABOUT_ORGS, "organizations": [o.to_json() for o in clean_orgs]}
    foia = folder("foia")
    if foia:
        if ORGS_FILE in docs:
            generated = docs[ORGS_FILE]["organizations"]
        else:  # the other sources absent: the generated file already written
            existing = out / ORGS_FILE
            generated = (
                json.loads(existing.read_text("utf-8"))["organizations"]
                if existing.exists()
                else []
            )
            notes.append(f"foia: checked against the organisations already in {existing}")
        federal = _clean_foia(foia_orgs(foia), vocab, generated)
        docs[FEDERAL_FILE] = {
            "about": ABOUT_FEDERAL,
            "organizations": [o.to_json() for o in federal],
        }
    return docs, notes


def folder_exists(sources: Path, name: str) -> bool:
    return (sources / name).is_dir()


def _sp500_only(folder: Path, vocab: Vocabulary, out: Path, notes: list[str]) -> dict[str, Any]:
    """The generated organisations file with its S&P 500 entries rebuilt from ``folder``
    alone, checked against the file's other entries as a full build checks them against
    the other sources (a form another entry holds is left to it); given names come from
    the generated persons file already in ``out``."""
    existing = json.loads((out / ORGS_FILE).read_text("utf-8"))
    persons_file = out / PERSONS_FILE
    persons = (
        json.loads(persons_file.read_text("utf-8"))["persons"] if persons_file.exists() else []
    )
    firsts = Counter(p["aliases"][0].split()[0] for p in persons if p.get("aliases"))
    given_names = {name for name, count in firsts.items() if count >= 3}
    kept = [e for e in existing["organizations"] if e.get("source") != SP500]
    owners = Counter(f for e in kept for f in e.get("aliases", []))
    fresh: list[dict[str, Any]] = []
    for org in sp500_orgs(folder, vocab, given_names):
        if _curated(vocab, org):
            continue
        forms = _usable_forms(vocab, org, lambda f: owners[f] == 0)
        if not forms:
            continue
        if org.name not in forms:
            org.name = forms[0]
        org.aliases = forms
        fresh.append(org.to_json())
    names = Counter(e["name"] for e in kept + fresh)
    fresh = [e for e in fresh if names[e["name"]] == 1]
    notes.append(f"{SP500}: {len(fresh)} companies rebuilt in the {ORGS_FILE} already in {out}")
    return {
        "about": existing["about"],
        "organizations": sorted(kept + fresh, key=lambda e: e["name"]),
    }


def dump(doc: dict[str, Any], key: str) -> str:
    """One entry a line: small diffs when a source changes."""
    lines = [f'{{"about": {json.dumps(doc["about"], ensure_ascii=False)},', f'"{key}": [']
    entries = [json.dumps(e, ensure_ascii=False) for e in doc[key]]
    lines.append(",\n".join(entries))
    lines.append("]}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("sources", type=Path, help="folder of downloaded sources")
    parser.add_argument("--out", type=Path, default=DATA, help="where to write the two files")
    parser.add_argument("--data", type=Path, default=DATA, help="folder of the curated files")
    parser.add_argument("--words", type=Path, default=DEFAULT_WORDS, help="English word list")
    parser.add_argument(
        "--world",
        action="store_true",
        help=f"write only {WORLD_FILE}, from the repositories listed in {WORLD_TABLE.name}",
    )
    args = parser.parse_args(argv)
    if not args.sources.is_dir():
        print(f"error: no such folder: {args.sources}", file=sys.stderr)
        return 2
    words = args.words if args.words and args.words.is_file() else None
    if words is None:
        print(
            f"note: no word list at {args.words}; English words are not filtered", file=sys.stderr
        )
    if args.world:
        if not (args.sources / "every-politician").is_dir():
            print(f"error: no every-politician folder in {args.sources}", file=sys.stderr)
            return 2
        doc = build_world(args.sources, args.data, words)
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / WORLD_FILE).write_text(dump(doc, "persons"), "utf-8")
        print(f"{len(doc['persons'])} persons written to {args.out / WORLD_FILE}")
        return 0
    docs, notes = build(args.sources, args.data, words, args.out)
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    persons = docs.get(PERSONS_FILE, {}).get("persons", [])
    orgs = [e for name, doc in docs.items() for e in doc.get("organizations", [])]
    if not persons and not orgs:
        print(f"error: no source records found in {args.sources}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    for name, doc in docs.items():
        (args.out / name).write_text(
            dump(doc, "persons" if "persons" in doc else "organizations"), "utf-8"
        )
    by_source: Counter[str] = Counter()
    for entry in persons:
        by_source[f"persons from {entry['source']}"] += 1
    for entry in orgs:
        by_source[f"organisations from {entry['source']}"] += 1
    print(f"{len(persons)} persons, {len(orgs)} organisations")
    for label, number in sorted(by_source.items()):
        print(f"  {number:6} {label}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
