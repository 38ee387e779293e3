"""The gazetteer files generated from open data: shape, counts, the build script that
makes them, and how the tagger uses them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from corpus_search.enrich import Gazetteer

ROOT = Path(__file__).resolve().parents[2]
DATA = resources.files("corpus_search.enrich") / "data"
FIXTURE = ROOT / "tests" / "data" / "gazetteer"
SOURCES = {"congress-legislators", "dotgov-data", "s-and-p-500-companies", "ror", "wikidata"}


def load(name: str) -> dict:
    return json.loads((DATA / name).read_text("utf-8"))


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="module")
def persons() -> list[dict]:
    return load("persons_open.json")["persons"]


@pytest.fixture(scope="module")
def organizations() -> list[dict]:
    return load("organizations_open.json")["organizations"]


def test_counts(persons: list[dict], organizations: list[dict], gazetteer: Gazetteer) -> None:
    assert len(persons) >= 5000
    assert len(organizations) >= 2000
    generated = [a for a in gazetteer.actors.values() if a.generated]
    assert sum(a.type == "person" for a in generated) >= 5000
    assert sum(a.type == "organization" for a in generated) >= 2000
    kinds = {o["kind"] for o in organizations}
    assert {"legislature", "ministry", "armed-forces", "government-body", "company"} <= kinds


def test_entry_shape(persons: list[dict], organizations: list[dict]) -> None:
    codes = {c["code"] for c in load("countries.json")["countries"]}
    for entry in persons:
        assert set(entry) == {
            "name",
            "country",
            "role",
            "aliases",
            "short",
            "titles",
            "roles",
            "source",
        }, entry
        assert entry["country"] in codes
        assert entry["name"] in entry["aliases"]
        assert all(len(a.split()) >= 2 for a in entry["aliases"]), entry  # never a surname
        assert set(entry["source"].split("+")) <= SOURCES
        for role in entry["roles"]:
            assert role["title"]
            if role.get("start") and role.get("end"):
                assert role["start"] <= role["end"], entry
    for entry in organizations:
        assert (
            {"name", "country", "kind", "aliases", "source"}
            <= set(entry)
            <= {
                "name",
                "country",
                "kind",
                "aliases",
                "source",
                "years",
            }
        )
        assert entry["country"] in codes
        assert entry["name"] in entry["aliases"]
        assert set(entry["source"].split("+")) <= SOURCES
        for alias in entry["aliases"]:
            if " " not in alias:  # a one-word form: an acronym of 3+ letters or a name
                assert len(alias) >= 3 and alias[0].isupper(), (alias, entry)
    names = [e["name"] for e in persons + organizations]
    assert len(names) == len(set(names))


def test_years_held_where_the_data_has_them(persons: list[dict]) -> None:
    with_years = [p for p in persons if any(r.get("start") for r in p["roles"])]
    assert len(with_years) >= 500
    sitting = next(p for p in persons if p["name"] == "Maria Cantwell")
    senate = [r for r in sitting["roles"] if r["title"] == "US Senator"]
    assert senate and senate[0]["start"] == 2001 and senate[0]["state"] == "WA"


def test_no_generated_form_takes_a_curated_one(gazetteer: Gazetteer) -> None:
    curated: dict[str, str] = {}
    for actor in gazetteer.actors.values():
        if not actor.generated:
            for form in actor.forms:
                curated[form] = actor.name
    for actor in gazetteer.actors.values():
        if actor.generated:
            taken = [f for f in actor.forms if f in curated]
            assert not taken, (actor.name, taken)
            assert actor.name not in curated


# -- the build script ----------------------------------------------------------------------


def run_build(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "bench" / "build_gazetteer.py"), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


def test_build_reproduces_the_expected_files_from_the_fixture(tmp_path: Path) -> None:
    result = run_build(
        str(FIXTURE / "sources"),
        "--data",
        str(FIXTURE / "curated"),
        "--words",
        str(FIXTURE / "words.txt"),
        "--out",
        str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert "7 persons, 15 organisations" in result.stdout
    for name in ("persons_open.json", "organizations_open.json"):
        assert (tmp_path / name).read_text("utf-8") == (FIXTURE / "expected" / name).read_text(
            "utf-8"
        ), name


def test_build_keeps_precise_forms_and_drops_traps() -> None:
    persons = {
        p["name"]: p
        for p in json.loads((FIXTURE / "expected" / "persons_open.json").read_text("utf-8"))[
            "persons"
        ]
    }
    orgs = {
        o["name"]: o
        for o in json.loads((FIXTURE / "expected" / "organizations_open.json").read_text("utf-8"))[
            "organizations"
        ]
    }
    senator = persons["Rosalind Q. Pemberthwaite"]
    assert {"Roz Pemberthwaite", "Rosalind Pemberthwaite"} <= set(senator["aliases"])
    assert "Pemberthwaite" not in senator["aliases"] and senator["short"] == ["Pemberthwaite"]
    assert {"Senator", "Sen.", "Rep.", "Congresswoman"} <= set(senator["titles"])
    assert [(r["title"], r["start"], r["end"]) for r in senator["roles"]] == [
        ("US Representative", 2009, 2013),
        ("US Senator", 2013, 2031),
        ("Secretary of Lighthouses", 2021, None),
    ]
    # a namesake born a generation earlier loses the shared name to the sitting member
    assert "Thaddeus Quillfeather" in persons["Thaddeus B. Quillfeather Jr."]["aliases"]
    assert sum("Thaddeus Quillfeather" in p["aliases"] for p in persons.values()) == 1
    # born before 1860: left out; the curated file's person: not repeated
    assert not any("Oakhurstley" in name or "Jackson" in name for name in persons)
    # a member of Congress who later held an office in the cabinet: one entry, both roles
    assert senator["roles"][-1] == {"title": "Secretary of Lighthouses", "start": 2021, "end": None}
    assert senator["source"] == "congress-legislators+wikidata"
    # office holders from Wikidata: full name, the name without diacritics, years held;
    # no ambassador, no entry without an English label, no state the gazetteer lacks
    minister = persons["Hélène Brûlard-Vasseur"]
    assert minister["aliases"] == ["Hélène Brûlard-Vasseur", "Helene Brulard-Vasseur"]
    assert minister["country"] == "FRA" and minister["roles"][0]["start"] == 2017
    assert len(persons["Octavia Brindlecombe"]["roles"]) == 2
    assert persons["Gaspard Tournevent"]["roles"][0]["title"] == "Prime Minister of France"
    assert not {"Percival Humbleworth", "Rufus Firefly", "Q90000004"} & set(persons)
    # the vice president who was a senator: one entry with both roles
    assert persons["Marigold Vantreddle"]["roles"][0]["title"].startswith("Vice")
    # organisations: a subcommittee form two committees share, a word ("Energy"), a form
    # without its state ("Air Force"), a curated body, a withdrawn record, an acronym in
    # the word list ("MOL") or claimed by a second record ("USBS"): all left out
    forms = {f for o in orgs.values() for f in o["aliases"]}
    for trap in (
        "Subcommittee on Foghorns and Beacons",
        "Energy",
        "Air Force",
        "Federal Beacon Administration",
        "Withdrawn Beacon Office",
        "MOL",
        "USBS",
        "Lantern",
        "Ministry of Lighthouses",
        "National Assembly",  # common words only
        "Office of Inspector General",  # every department has one
        "Waste Management",  # a heading could say it
    ):
        assert trap not in forms, trap
    # an acronym is kept for a US body, never for one abroad (collisions outweigh use)
    assert orgs["National Lighthouse Authority"]["aliases"] == ["National Lighthouse Authority"]
    assert orgs["Federal Foghorn Registry"]["aliases"] == ["Federal Foghorn Registry", "FFHR"]
    assert orgs["French Ministry of Lighthouses"]["country"] == "FRA"
    assert "US Beacon Survey" in orgs["United States Beacon Survey"]["aliases"]
    assert orgs["House Select Committee on Canal Dredging"]["years"] == [1947, 1953]
    assert (
        "House Lighthouse Affairs Committee"
        in orgs["House Committee on Lighthouse Affairs"]["aliases"]
    )


def test_build_errors(tmp_path: Path) -> None:
    missing = run_build(str(tmp_path / "nowhere"), "--out", str(tmp_path))
    assert missing.returncode == 2 and missing.stderr.startswith("error: no such folder")
    (tmp_path / "empty").mkdir()
    empty = run_build(str(tmp_path / "empty"), "--out", str(tmp_path / "out"))
    assert empty.returncode == 2 and "no source records" in empty.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.skipif(
    not os.environ.get("CORPUS_SEARCH_GAZETTEER_SOURCES"),
    reason="set CORPUS_SEARCH_GAZETTEER_SOURCES to the downloaded sources to check the "
    "committed files against a rebuild",
)
def test_committed_files_match_a_rebuild(tmp_path: Path) -> None:
    result = run_build(os.environ["CORPUS_SEARCH_GAZETTEER_SOURCES"], "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    for name in ("persons_open.json", "organizations_open.json", "organizations_federal.json"):
        assert (tmp_path / name).read_text("utf-8") == (DATA / name).read_text("utf-8")


# -- tagging with the generated entries ------------------------------------------------------


def names(gazetteer: Gazetteer, text: str) -> set[str]:
    return {m.name for m in gazetteer.tag(text)}


def test_new_entries_are_found(gazetteer: Gazetteer) -> None:
    text = (
        "Maria Cantwell pressed the House Armed Services Committee and the Department of "
        "Agriculture. Senator Cantwell later met Rep. Clyburn and officials of the "
        "Centers for Disease Control and Prevention; James E. Clyburn agreed."
    )
    found = names(gazetteer, text)
    for name in ("Maria Cantwell", "James E. Clyburn"):
        assert name in found, (name, found)
        assert gazetteer.actors[name].generated
    # curated entries win over generated ones that name the same body
    for name in ("US Department of Agriculture", "House Armed Services Committee"):
        assert name in found, (name, found)
        assert not gazetteer.actors[name].generated
    assert "House Committee on Armed Services" not in found
    assert "Centers for Disease Control and Prevention" in found
    cantwell = next(m for m in gazetteer.tag(text) if m.name == "Maria Cantwell")
    assert cantwell.count == 2  # the full name and "Senator Cantwell"


def test_surnames_and_common_words_are_not_tagged(gazetteer: Gazetteer) -> None:
    text = (
        "Cantwell said the energy committee would meet. Young people want a Target for "
        "growth; the Apple harvest and Commerce grew. The senator from Kansas spoke to the "
        "House about Agriculture, and Air Force pilots flew over the Energy building."
    )
    generated = {
        m.name for m in gazetteer.tag(text) if m.known and gazetteer.actors[m.name].generated
    }
    assert generated == set(), generated


# -- US federal agencies from the FOIA annual reports ------------------------------------

_FOIA_REPORT = (
    '<?xml version="1.0"?><iepd:FoiaAnnualReport xmlns:iepd="urn:x" '
    'xmlns:nc="http://niem.gov/niem/niem-core/2.0"><nc:Organization>'
    "<nc:OrganizationAbbreviationText>{abbr}</nc:OrganizationAbbreviationText>"
    "<nc:OrganizationName>{name}</nc:OrganizationName>{subs}</nc:Organization>"
    "</iepd:FoiaAnnualReport>"
)
_FOIA_SUB = (
    "<nc:OrganizationSubUnit><nc:OrganizationAbbreviationText>{abbr}"
    "</nc:OrganizationAbbreviationText><nc:OrganizationName>{name}</nc:OrganizationName>"
    "</nc:OrganizationSubUnit>"
)


def _foia_report(abbr: str, name: str, *subs: tuple[str, str]) -> str:
    inner = "".join(_FOIA_SUB.format(abbr=a, name=n) for a, n in subs)
    return _FOIA_REPORT.format(abbr=abbr, name=name, subs=inner)


def test_build_adds_federal_agencies_and_their_acronyms(tmp_path: Path) -> None:
    import zipfile

    sources = tmp_path / "sources" / "foia"
    sources.mkdir(parents=True)
    with zipfile.ZipFile(sources / "2031-FOIASetFull.zip", "w") as archive:
        archive.writestr("FHC FY31.xml", _foia_report("FHC", "Federal Harbour Commission"))
        archive.writestr(
            "DOL FY31.xml",
            _foia_report(
                "U.S. DOL",
                "Department of Lighthouses",
                ("FTA", "Foghorn Testing Administration"),  # an acronym prose uses otherwise
                ("BKS", "Bureau of Keeper Standards"),
                ("BKS", "Beacon Keeping Service"),  # two bureaus share it: neither keeps it
                ("OLK", "Office of Lamp Keeping"),  # an office, not a bureau
                ("MOL", "Maritime Oil Lamp Agency"),  # a word of the list
                ("LRA", "Lantern Repair Administration - Headquarters Office"),
            ),
        )
    out = tmp_path / "out"
    out.mkdir()
    (out / "organizations_open.json").write_text(
        json.dumps(
            {
                "about": "",
                "organizations": [
                    {
                        "name": "Lantern Repair Administration",
                        "country": "USA",
                        "kind": "government-body",
                        "aliases": [
                            "Lantern Repair Administration",
                            "US Lantern Repair Administration",
                        ],
                        "source": "dotgov-data",
                    }
                ],
            }
        ),
        "utf-8",
    )
    result = run_build(
        str(tmp_path / "sources"),
        "--data",
        str(FIXTURE / "curated"),
        "--words",
        str(FIXTURE / "words.txt"),
        "--out",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    assert not (out / "persons_open.json").exists()  # their sources absent: not written
    federal = {
        o["name"]: o
        for o in json.loads((out / "organizations_federal.json").read_text("utf-8"))[
            "organizations"
        ]
    }
    assert federal["Federal Harbour Commission"]["aliases"] == [
        "Federal Harbour Commission",
        "FHC",
    ]
    assert federal["Foghorn Testing Administration"]["aliases"] == [
        "Foghorn Testing Administration"
    ]
    assert "BKS" not in federal["Bureau of Keeper Standards"]["aliases"]
    assert "Office of Lamp Keeping" not in federal
    assert federal["Maritime Oil Lamp Agency"]["aliases"] == ["Maritime Oil Lamp Agency"]
    # a body the other generated file holds: its entry, with the acronym added
    repair = federal["Lantern Repair Administration"]
    assert repair["aliases"] == [
        "Lantern Repair Administration",
        "US Lantern Repair Administration",
        "LRA",
    ]
    assert repair["source"] == "dotgov-data+foia"


def test_federal_acronyms_are_tagged(gazetteer: Gazetteer) -> None:
    text = (
        "Rules drafted at the SEC drew fire from the FCC, while the IRS said it would "
        "wait for the FOMC to meet before the TTB acted."
    )
    found = names(gazetteer, text)
    for name in (
        "Securities and Exchange Commission",
        "Federal Communications Commission",
        "Internal Revenue Service",
        "Federal Open Market Committee",
        "Alcohol and Tobacco Tax and Trade Bureau",
    ):
        assert name in found, (name, found)
    # acronyms policy prose uses for something else stay untagged
    other = "The FTA lowered tariffs; BIS data and the NCD burden in SSA were discussed."
    assert not {m.name for m in gazetteer.tag(other) if m.type == "organization"}


def test_build_rebuilds_only_the_listed_companies(tmp_path: Path) -> None:
    """A sources folder holding only the S&P 500 list rebuilds that list's entries in the
    generated file already in ``--out``; a company's own one-word listed name stays even
    when the word list gives it capitalised ("Quorvex"), not one it also spells in lower
    case, nor a name the list qualifies ("Tallow (The)"), and initials joined by "&" are a
    name, not two words."""
    sources = tmp_path / "sources" / "s-and-p-500-companies" / "data"
    sources.mkdir(parents=True)
    (sources / "constituents.csv").write_text(
        "Symbol,Security,GICS Sector,GICS Sub-Industry,Headquarters Location,Date added,CIK,Founded\n"
        'QVX,Quorvex,Energy,Oil,"Dayton, Ohio",2001-01-01,11,1950\n'
        'QXT,QX&T,Utilities,Telecom,"Dayton, Ohio",2001-01-01,12,1950\n'
        'TLW,Tallow (The),Materials,Wax,"Dayton, Ohio",2001-01-01,13,1950\n'
        'LNT,Lantern,Industrials,Lighting,"Dayton, Ohio",2001-01-01,14,1950\n',
        "utf-8",
    )
    words = tmp_path / "words.txt"
    words.write_text("Quorvex\nTallow\nlantern\nLantern\nq\nx\nt\n", "utf-8")
    out = tmp_path / "out"
    out.mkdir()
    for name in ("persons_open.json", "organizations_open.json"):
        (out / name).write_text((FIXTURE / "expected" / name).read_text("utf-8"), "utf-8")
    before = json.loads((out / "organizations_open.json").read_text("utf-8"))["organizations"]
    result = run_build(
        str(tmp_path / "sources"),
        "--data",
        str(FIXTURE / "curated"),
        "--words",
        str(words),
        "--out",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    after = json.loads((out / "organizations_open.json").read_text("utf-8"))["organizations"]
    names = {o["name"] for o in after}
    assert {"Quorvex", "QX&T"} <= names
    assert not {"Tallow", "Lantern"} & names
    others = [o for o in before if o["source"] != "s-and-p-500-companies"]
    assert [o for o in after if o["source"] != "s-and-p-500-companies"] == others
    assert (out / "persons_open.json").read_text("utf-8") == (
        FIXTURE / "expected" / "persons_open.json"
    ).read_text("utf-8")


# -- the other states' office holders (persons_world.json) -------------------------------


def test_world_build_keeps_national_offices_and_leaves_out_the_rest(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    curated = json.loads((FIXTURE / "curated" / "persons.json").read_text("utf-8"))
    # a man the curated file holds in another spelling is not repeated
    curated["persons"].append(
        {
            "name": "Aurelio Quintana-Bravo",
            "country": "ECU",
            "role": "fixture",
            "aliases": ["Aurelio Quintana-Bravo"],
            "short": [],
            "titles": [],
        }
    )
    (data / "persons.json").write_text(json.dumps(curated), "utf-8")
    (data / "organizations.json").write_text(
        (FIXTURE / "curated" / "organizations.json").read_text("utf-8"), "utf-8"
    )
    out = tmp_path / "out"
    args = [str(FIXTURE / "world"), "--world", "--data", str(data), "--out", str(out)]
    result = run_build(*args, "--words", str(FIXTURE / "words.txt"))
    assert result.returncode == 0, result.stderr
    written = (out / "persons_world.json").read_text("utf-8")
    people = {p["name"]: p for p in json.loads(written)["persons"]}
    assert set(people) == {
        "Celestina Arroyo Pinto",  # a minister
        "Mirella Ochoa Paz",  # a central bank's governor
        "Ramiro Quiroga Lenz",  # a minister still in office
        "Josué Bellegarde",  # a prime minister, from a file with the short header
    }  # not a province's governor, a deputy minister, an ambassador or a curated man
    assert people["Josué Bellegarde"]["country"] == "HTI"
    assert people["Josué Bellegarde"]["aliases"] == ["Josué Bellegarde", "Josue Bellegarde"]
    assert people["Ramiro Quiroga Lenz"]["role"] == "Minister of Canals 2019–"
    assert all(p["source"] == "wikidata" and not p["short"] for p in people.values())
    # the same input gives the same file
    assert run_build(*args, "--words", str(FIXTURE / "words.txt")).returncode == 0
    assert (out / "persons_world.json").read_text("utf-8") == written


def test_world_build_needs_its_folder(tmp_path: Path) -> None:
    result = run_build(str(tmp_path), "--world", "--out", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "no every-politician folder" in result.stderr


def test_world_file_shape_and_what_it_leaves_to_the_other_files() -> None:
    world = load("persons_world.json")["persons"]
    assert len(world) >= 10000
    codes = {c["code"] for c in load("countries.json")["countries"]}
    assert {p["country"] for p in world} <= codes
    assert len({p["country"] for p in world}) >= 150
    table = (DATA / "SOURCES_world.tsv").read_text("utf-8").splitlines()
    assert table[0].split("\t") == ["repo", "code", "commit", "date"]
    assert {line.split("\t")[1] for line in table[1:]} >= {p["country"] for p in world}
    held = {
        form
        for name in ("persons.json", "persons_open.json")
        for p in load(name)["persons"]
        for form in (p["name"], *p["aliases"])
    }
    assert not [p["name"] for p in world if held & set(p["aliases"])]


def test_world_persons_are_tagged_but_give_no_given_names(gazetteer: Gazetteer) -> None:
    world = {p["name"] for p in load("persons_world.json")["persons"]}
    assert {"Lenín Moreno", "Carlos Mesa"} <= world
    found = {m.name for m in gazetteer.tag("Ecuador's Lenín Moreno met Bolivia's Carlos Mesa.")}
    assert {"Lenín Moreno", "Carlos Mesa"} <= found
    # their first words ("El", "Chiang") are no given names the name finder would take up
    given = gazetteer._names.given
    firsts = {name.split()[0] for name in world}
    assert "El" in firsts and "El" not in given


@pytest.mark.skipif(
    not os.environ.get("CORPUS_SEARCH_WORLD_SOURCES"),
    reason="set CORPUS_SEARCH_WORLD_SOURCES to the downloaded every-politician files of "
    "SOURCES_world.tsv to check persons_world.json against a rebuild",
)
def test_committed_world_file_matches_a_rebuild(tmp_path: Path) -> None:
    result = run_build(os.environ["CORPUS_SEARCH_WORLD_SOURCES"], "--world", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    name = "persons_world.json"
    assert (tmp_path / name).read_text("utf-8") == (DATA / name).read_text("utf-8")
