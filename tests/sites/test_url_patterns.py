"""The site profiles' article URL patterns against real URLs of the profiled think
tanks, each labelled article or not by hand (tests/data/sites/urls.json), across the
shapes each site has used over the years."""

from __future__ import annotations

import json
from collections import Counter
from urllib.parse import urlsplit

import pytest

from corpus_search.sites import load_profiles
from tests.conftest import ROOT

URLS = ROOT / "tests" / "data" / "sites" / "urls.json"


def rows() -> list[dict[str, str]]:
    data: list[dict[str, str]] = json.loads(URLS.read_text("utf-8"))["urls"]
    return data


def test_the_set_is_large_varied_and_on_the_profiles_hosts() -> None:
    profiles = load_profiles()
    urls = rows()
    assert len(urls) >= 300
    assert len({row["url"] for row in urls}) == len(urls)
    per_site = Counter((row["site"], row["label"]) for row in urls)
    for name in profiles:
        assert per_site[(name, "article")] >= 5, name
        assert per_site[(name, "not-article")] >= 5, name
    for row in urls:
        assert row["label"] in ("article", "not-article")
        assert urlsplit(row["url"]).netloc.lower() in profiles[row["site"]].hosts, row["url"]


@pytest.mark.parametrize("name", sorted(load_profiles()))
def test_each_profile_agrees_with_the_labels(name: str) -> None:
    profile = load_profiles()[name]
    mine = [row for row in rows() if row["site"] == name]
    wrong = [
        row["url"]
        for row in mine
        if profile.is_article_url(row["url"]) != (row["label"] == "article")
    ]
    assert 1 - len(wrong) / len(mine) >= 0.97, wrong


@pytest.mark.parametrize(
    ("name", "url"),
    [
        # Carnegie's dated form with a publication number (2005-2023).
        ("carnegie", "https://carnegieendowment.org/2019/09/17/ai-surveillance-index-pub-79847"),
        # Carnegie's centre and blog sections (2024 on).
        ("carnegie", "https://carnegieendowment.org/russia-eurasia/politika/2023/02/a-piece"),
        ("chathamhouse", "https://www.chathamhouse.org/expert/comment/a-piece"),
        (
            "chathamhouse",
            "https://www.chathamhouse.org/publications/the-world-today/2026-06/a-piece",
        ),
        ("brookings", "https://www.brookings.edu/blog/fixgov/2019/05/21/a-piece/"),
        ("rand", "https://www.rand.org/blog/2016/09/a-piece.html"),
        ("iiss", "https://www.iiss.org/blogs/analysis/2020/11/a-piece"),
        ("rusi", "https://rusi.org/commentary/a-piece"),
        ("swp", "https://www.swp-berlin.org/10.18449/2021C57/"),
    ],
)
def test_older_shapes_are_articles(name: str, url: str) -> None:
    assert load_profiles()[name].is_article_url(url)


@pytest.mark.parametrize(
    ("name", "url"),
    [
        ("carnegie", "https://carnegieendowment.org/emissary/2025/12/"),
        ("chathamhouse", "https://www.chathamhouse.org/publications/the-world-today/2026-09"),
        ("atlanticcouncil", "https://www.atlanticcouncil.org/blogs/new-atlanticist/experts-react/"),
        ("rusi", "https://rusi.org/publication/rusi-journal"),
        ("rand", "https://www.rand.org/pubs/commentary.xml"),
    ],
)
def test_section_pages_are_not(name: str, url: str) -> None:
    assert not load_profiles()[name].is_article_url(url)
