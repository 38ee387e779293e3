"""The second held-out URL set (tests/data/sites/urls_heldout2.json) as data: its fields,
its size per profile, and that none of its addresses repeats one of urls.json or
urls_heldout.json. Loader checks only: the profiles' article patterns are scored on it
in test_url_patterns.py (after its clean first run, recorded in docs/accuracy.md;
bench/eval_articles.py reports it as its third URL column block)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bench.eval_articles import url_table
from corpus_search.sites import load_profiles
from tests.conftest import ROOT

SITES = ROOT / "tests" / "data" / "sites"
HELDOUT2 = SITES / "urls_heldout2.json"
OTHERS = (SITES / "urls.json", SITES / "urls_heldout.json")
FIELDS = ("site", "url", "label", "split", "note", "source")
# Sites asked for more addresses than the others (more URL shapes over the years).
LARGER = ("brookings", "carnegie", "ecfr", "rusi", "swp")


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return data


def same_address(url: str) -> tuple[str, str, str]:
    """An address as the collection rule compares them: scheme, a leading "www." and a
    final "/" do not make two addresses different."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    return host, parts.path.rstrip("/"), parts.query


def test_the_file_says_what_it_is_and_every_row_has_its_fields() -> None:
    data = load(HELDOUT2)
    for key in ("about", "convention", "queries_log", "urls"):
        assert data.get(key), key
    assert "Fixed before any search was run" in data["queries_log"]
    for row in data["urls"]:
        assert all(isinstance(row.get(f), str) and row[f].strip() for f in FIELDS), row
        assert row["label"] in ("article", "not-article"), row
        assert row["split"] == "heldout2", row
        assert urlsplit(row["url"]).scheme in ("http", "https"), row
        assert "#" not in row["url"], row


def test_the_set_is_large_and_covers_every_profile_both_ways() -> None:
    profiles = load_profiles()
    rows = load(HELDOUT2)["urls"]
    assert len(rows) >= 260
    per_site = Counter(row["site"] for row in rows)
    per_label = Counter((row["site"], row["label"]) for row in rows)
    assert set(per_site) == set(profiles), set(per_site) ^ set(profiles)
    for name in profiles:
        assert per_site[name] >= (25 if name in LARGER else 20), (name, per_site[name])
        assert per_label[(name, "article")] >= 5, name
        assert per_label[(name, "not-article")] >= 5, name
    for row in rows:
        assert urlsplit(row["url"]).netloc.lower() in profiles[row["site"]].hosts, row["url"]


def test_no_address_repeats_within_the_set_or_with_the_other_two() -> None:
    rows = load(HELDOUT2)["urls"]
    mine = [same_address(row["url"]) for row in rows]
    twice = [key for key, n in Counter(mine).items() if n > 1]
    assert not twice, twice
    for other in OTHERS:
        theirs = {same_address(row["url"]) for row in load(other)["urls"]}
        shared = [row["url"] for row in rows if same_address(row["url"]) in theirs]
        assert not shared, (other.name, shared)


def test_the_rule_for_same_address_ignores_only_scheme_www_and_final_slash() -> None:
    a = "https://www.rusi.org/explore-our-research/"
    assert same_address(a) == same_address("http://rusi.org/explore-our-research")
    assert same_address(a) != same_address("https://www.rusi.org/explore-our-research/?p=2")
    assert same_address(a) != same_address("https://www.rusi.org/explore-our-research/x")


def test_the_bench_table_has_a_column_block_per_url_set() -> None:
    entry = {"total": 4, "articles": 2, "agree": 3, "agreement": 0.75}
    tables = {
        "urls.json (fitted)": {"rand": entry},
        "urls_heldout.json": {"rand": entry},
        "urls_heldout2.json": {"rand": {**entry, "agree": 4, "agreement": 1.0}},
    }
    lines = url_table(tables).splitlines()
    assert all(heading in lines[0] for heading in tables)
    rand = next(line for line in lines if line.startswith("rand"))
    assert rand.count("75.0%") == 2 and rand.count("100.0%") == 1
    assert lines[-1] == "all urls_heldout2.json: 4 of 4 agree (100.0%)"
