"""Build ``organizations_state.json``: every state's national institutions under the
names a commentary gives them when it does not use their own ("the Sri Lankan
parliament", "Thai police", "the Pakistani military", "Kenya's election commission").

    python bench/build_state_bodies.py [--out corpus_search/enrich/data]

Read from ``countries.json`` (names and demonyms) and the other data files (so that no
form is generated that another entry already has). For each current state or territory
(``status`` not ``historic``; the United States aside, whose bodies are curated), one
entry per kind in ``KINDS``, named "<Kind> of <State>" ("Parliament of Sri Lanka"), with
the forms "<Demonym> <kind>" in title and lower case and "<State> <Kind>". A kind is left
out for a state when one of its forms already names a body (the curated "Pakistan Army",
"Bundestag" or "Supreme Court of India" stay the only ones); a legislature called
Congress, National Assembly or Legislative Assembly (``LEGISLATURE_NAMES``) also takes that name. Where the
state's name is
also, or ends, a US state's, only the demonym forms are made ("Georgian Supreme Court",
never "Supreme Court of Georgia", a US state's court).
Deterministic for the same input.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "corpus_search" / "enrich" / "data"
OUT_NAME = "organizations_state.json"

# kind id -> (canonical head, title-case heads, lower-case heads). Each head yields
# "<Demonym> <head>"; the title-case ones also "<State> <head>" and "<head> of <State>".
KINDS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    # (not "the Chinese military" or "British police": commentary means the state by
    # them, and the labelled splits count them so; only the capitalised names, "the
    # Indian Military" among them: measured on real-fresh3 to -117 at stop 42, the lower
    # case forms found 11 more right and 25 more wrong)
    "armed-forces": ("Armed Forces", ("Armed Forces", "Military"), ()),
    "police": ("Police", ("Police", "National Police", "Police Force", "Police Service"), ()),
    "legislature": ("Parliament", ("Parliament",), ("parliament",)),
    "court": ("Supreme Court", ("Supreme Court",), ("supreme court",)),
    "constitutional-court": (
        "Constitutional Court",
        ("Constitutional Court", "Constitutional Tribunal"),
        (),
    ),
    "election-commission": (
        "Election Commission",
        ("Election Commission", "Electoral Commission"),
        ("election commission", "electoral commission"),
    ),
    "central-bank": ("Central Bank", ("Central Bank",), ("central bank",)),
}

# More title-case names of a kind, each head's forms kept only where no other entry has
# one of them (the curated "Pakistan Army" or "Afghan National Army" stay theirs), and
# never deciding whether the kind is made: "the Malian Army", "the Somali National Army"
# and "the Lesotho Defence Force" are those states' armed forces as the labelled splits
# count them (real-fresh134 to -164, stop 45).
EXTRA_TITLED: dict[str, tuple[str, ...]] = {
    "armed-forces": (
        "Army",
        "National Army",
        "Defence Force",
        "Defense Force",
        "Defence Forces",
        "Defense Forces",
    ),
}

# What a state's legislature (or its lower house) is called where that is not
# "Parliament" (facts): its generic entry also takes that name ("Congress of Peru", "the
# Ecuadorian National Assembly"), so that a text about the state that names it bare
# ("Congress", "the National Assembly") finds it; not where another entry already has
# one of those names.
LEGISLATURE_NAMES: dict[str, str] = {
    **dict.fromkeys(
        ["ARG", "BRA", "CHL", "COL", "DOM", "FSM", "GTM", "HND", "MEX", "PER", "PHL", "PRY"],
        "Congress",
    ),
    **dict.fromkeys(
        [
            "AGO",
            "ARM",
            "AZE",
            "BEN",
            "BFA",
            "BGR",
            "BLR",
            "BWA",
            "CIV",
            "ECU",
            "FRA",
            "GAB",
            "GIN",
            "HUN",
            "KEN",
            "KHM",
            "KOR",
            "KWT",
            "LAO",
            "MLI",
            "MRT",
            "MUS",
            "MWI",
            "NAM",
            "NER",
            "NGA",
            "NIC",
            "PAK",
            "PAN",
            "SEN",
            "SRB",
            "SVN",
            "SYC",
            "TCD",
            "TGO",
            "TZA",
            "VEN",
            "VNM",
            "ZAF",
            "ZMB",
            "ZWE",
        ],
        "National Assembly",
    ),
    **dict.fromkeys(["CRI", "SLV", "TON", "WSM"], "Legislative Assembly"),
}

# States written with "the" after "of" ("Parliament of the Philippines").
_WITH_THE = ("United ", "Republic", "Islands", "Kingdom", "Federated", "Emirates")
_PLURAL_NAMES = frozenset(
    {"Philippines", "Netherlands", "Bahamas", "Maldives", "Comoros", "Seychelles", "Gambia"}
)


def _of(name: str) -> str:
    if name in _PLURAL_NAMES or any(part in name for part in _WITH_THE):
        return f"the {name}"
    return name


def _adjectives(country: dict) -> list[str]:
    """The demonyms that are adjectives ("Sri Lankan", not "Sri Lankans")."""
    demonyms = country.get("demonyms") or []
    return [d for d in demonyms if not (d.endswith("s") and d[:-1] in demonyms)]


def _taken(data: Path) -> tuple[set[str], set[str]]:
    """Every form (and name) another entry holds, and every blocker."""
    forms: set[str] = set()
    blockers: set[str] = set()
    for path in sorted(data.glob("*.json")):
        if path.name in (OUT_NAME, "themes.json"):
            continue
        doc = json.loads(path.read_text("utf-8"))
        blockers.update(doc.get("blockers", []))
        for key in ("countries", "persons", "organizations", "groups"):
            for entry in doc.get(key, []):
                forms.add(entry["name"])
                for field in ("aliases", "demonyms", "metonyms", "short"):
                    forms.update(entry.get(field) or [])
    return forms, blockers


def build(data: Path = DATA) -> dict:
    countries = json.loads((data / "countries.json").read_text("utf-8"))
    us_states = countries.get("us_states", [])
    taken, blockers = _taken(data)
    folded = {f.casefold() for f in taken | blockers}
    entries = []
    for country in countries["countries"]:
        if country.get("status") == "historic" or country["code"] == "USA":
            continue
        name = country["name"]
        prefix_ok = not any(s == name or s.endswith(f" {name}") for s in us_states)
        adjectives = _adjectives(country)
        if not prefix_ok and not adjectives:
            continue
        for kind, (head, titled, lower) in KINDS.items():
            # ("Supreme Court of Georgia" is also a US state's: there, "Georgian Supreme Court")
            canonical = f"{head} of {_of(name)}" if prefix_ok else f"{adjectives[0]} {head}"
            forms = [canonical]
            for h in titled:
                if prefix_ok:
                    forms += [f"{h} of {_of(name)}", f"{name} {h}"]
                forms += [f"{a} {h}" for a in adjectives]
            forms += [f"{a} {h}" for h in lower for a in adjectives]
            forms = list(dict.fromkeys(forms))
            if any(f.casefold() in folded for f in forms):
                continue  # a curated or generated body already answers to one of them
            for h in EXTRA_TITLED.get(kind, ()):
                more = [f"{h} of {_of(name)}", f"{name} {h}"] if prefix_ok else []
                more += [f"{a} {h}" for a in adjectives]
                if not any(f.casefold() in folded for f in more):
                    forms += list(dict.fromkeys(more))
            own = LEGISLATURE_NAMES.get(country["code"]) if kind == "legislature" else None
            if own:
                more = [f"{own} of {_of(name)}", f"{name} {own}"] if prefix_ok else []
                more += [f"{a} {own}" for a in adjectives]
                if not any(f.casefold() in folded for f in more):
                    # (none where a curated body has one: "French National Assembly")
                    forms += list(dict.fromkeys(more))
            folded.update(f.casefold() for f in forms)
            entries.append(
                {"name": canonical, "country": country["code"], "kind": kind, "aliases": forms}
            )
    return {
        "about": (
            "Generated by bench/build_state_bodies.py from countries.json: each state's "
            "national institutions under the generic names commentary gives them. Facts "
            "only (a state's name and demonyms); do not edit by hand."
        ),
        "organizations": entries,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DATA)
    args = parser.parse_args()
    doc = build(args.out)
    path = args.out / OUT_NAME
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"{path}: {len(doc['organizations'])} bodies")


if __name__ == "__main__":
    main()
