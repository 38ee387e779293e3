"""The site profiles' article URL patterns against real URLs of the profiled think
tanks, each labelled article or not by hand (tests/data/sites/urls.json), across the
shapes each site has used over the years; and against a held-out set of other real URLs
of the same sites (tests/data/sites/urls_heldout.json), gathered by fixed queries and
labelled before the patterns were run on them; and a second such set
(tests/data/sites/urls_heldout2.json), scored cleanly once and tuning material since."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from corpus_search.sites import load_profiles
from tests.conftest import ROOT

URLS = ROOT / "tests" / "data" / "sites" / "urls.json"
HELDOUT = ROOT / "tests" / "data" / "sites" / "urls_heldout.json"
HELDOUT2 = ROOT / "tests" / "data" / "sites" / "urls_heldout2.json"

# Misses allowed on urls_heldout.json. Its first (clean) run is recorded in
# docs/accuracy.md; it has since been studied as tuning material, so these caps pin the
# level measured on 2026-12-04 after the patterns were rewritten for each site's URL
# grammar (not a held-out measure any more). Each remaining miss is a page whose address
# has an article's shape but which is a data product (a Brookings tracker under
# /articles/, an SWP data set under /publikation/): no address shape tells it apart. A
# profile may also miss 3% of its URLs, which rounds down to none at these sizes.
HELDOUT_MISSES = {
    "brookings": 1,
    "swp": 1,
}

# Misses allowed on urls_heldout2.json. Its clean run (333 of 347, 2026-12-04) is in
# docs/accuracy.md; its misses were then studied, so these caps pin the level measured
# after that round, not a held-out measure. Each is a page with an article's address
# that only the page tells apart: an IISS interactive map under /online-analysis/, an
# SWP monitor under /publikation/, a War on the Rocks podcast episode at a dated path.
HELDOUT2_MISSES = {
    "iiss": 1,
    "swp": 1,
    "warontherocks": 1,
}


def rows(path: Path = URLS) -> list[dict[str, str]]:
    data: list[dict[str, str]] = json.loads(path.read_text("utf-8"))["urls"]
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


def test_the_held_out_set_is_new_large_and_on_the_profiles_hosts() -> None:
    profiles = load_profiles()
    urls = rows(HELDOUT)
    assert len(urls) >= 200
    assert len({row["url"] for row in urls}) == len(urls)
    assert not {row["url"] for row in urls} & {row["url"] for row in rows()}
    per_site = Counter(row["site"] for row in urls)
    assert all(per_site[name] >= 10 for name in profiles), per_site
    for row in urls:
        assert row["label"] in ("article", "not-article") and row["split"] == "heldout"
        assert urlsplit(row["url"]).netloc.lower() in profiles[row["site"]].hosts, row["url"]


@pytest.mark.parametrize("name", sorted(load_profiles()))
def test_each_profile_holds_its_level_on_the_held_out_set(name: str) -> None:
    profile = load_profiles()[name]
    mine = [row for row in rows(HELDOUT) if row["site"] == name]
    wrong = [
        row["url"]
        for row in mine
        if profile.is_article_url(row["url"]) != (row["label"] == "article")
    ]
    assert len(wrong) <= max(HELDOUT_MISSES.get(name, 0), int(0.03 * len(mine))), wrong


@pytest.mark.parametrize("name", sorted(load_profiles()))
def test_each_profile_holds_its_level_on_the_second_held_out_set(name: str) -> None:
    profile = load_profiles()[name]
    mine = [row for row in rows(HELDOUT2) if row["site"] == name]
    assert len(mine) >= 20, name
    wrong = [
        row["url"]
        for row in mine
        if profile.is_article_url(row["url"]) != (row["label"] == "article")
    ]
    assert len(wrong) <= max(HELDOUT2_MISSES.get(name, 0), int(0.03 * len(mine))), wrong


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
        # Shapes the held-out set revealed (2026-12-04).
        ("atlanticcouncil", "https://www.atlanticcouncil.org/dispatches/a-piece/"),
        ("chathamhouse", "http://www.chathamhouse.org/publication/a-piece"),
        ("heritage", "http://www.heritage.org/Research/Reports/2010/06/A-Piece"),
        ("rand", "http://www.rand.org/pubs/working_papers/WR710-3.html"),
        ("rand", "http://www.rand.org/t/RRA1144-1"),
        ("rusi", "https://www.rusi.org/explore-our-research/publications/insights-papers/a-piece"),
        ("warontherocks", "https://warontherocks.com/cogs-of-war/a-piece/"),
        ("warontherocks", "https://warontherocks.com/a-piece-without-a-date/"),
        # Each site's URL grammar over the years (2026-12-04; invented slugs).
        # Carnegie: the dated form with a short token, language-prefixed centre sections.
        ("carnegie", "https://carnegieendowment.org/2012/12/03/a-piece-on-things/abcd"),
        ("carnegie", "https://carnegieendowment.org/ru/russia-eurasia/politika/2024/05/a-piece"),
        ("carnegie", "https://carnegieendowment.org/china/posts/2025/10/a-piece"),
        ("carnegie", "https://carnegieendowment.org/middle-east/diwan/2021/12/a-piece"),
        ("carnegie", "https://carnegieendowment.org/sada/42936"),
        # SWP: the older Typo3 addresses and DOI addresses without a final slash.
        (
            "swp",
            "https://www.swp-berlin.org/de/publikationen/swp-aktuell-de/"
            "swp-aktuell-detail/article/a_piece.html",
        ),
        (
            "swp",
            "https://www.swp-berlin.org/en/publications/swp-comments-en/"
            "swp-aktuell-details/article/a_piece.html",
        ),
        ("swp", "https://www.swp-berlin.org/de/publikationen/kurz-gesagt/a-piece.html"),
        ("swp", "https://www.swp-berlin.org/10.18449/2021C46"),
        # ECFR: the pre-2019 publication summaries and blog entries, AMP addresses.
        ("ecfr", "http://www.ecfr.eu/publications/summary/a_piece_on_things"),
        ("ecfr", "http://www.ecfr.eu/blog/entry/a_piece"),
        ("ecfr", "https://ecfr.eu/article/a-piece/amp/"),
        # RUSI: single publications, RUSI Reflects, the pre-2016 commentary references.
        ("rusi", "https://www.rusi.org/publication/a-piece-on-things"),
        ("rusi", "https://www.rusi.org/news-and-comment/rusi-reflects/a-piece"),
        ("rusi", "https://rusi.org/analysis/commentary/ref:C4F2A9C5A7B2E4/"),
        # Brookings: 2012-2016 research and blog addresses, the .aspx era, other sections.
        ("brookings", "http://www.brookings.edu/research/opinions/2016/02/03-a-piece-author"),
        ("brookings", "http://www.brookings.edu/research/articles/2011/12/a-piece"),
        ("brookings", "http://www.brookings.edu/blogs/techtank/posts/2015/01/13-a-piece"),
        ("brookings", "http://www.brookings.edu/opinions/2011/1018_a_piece_author.aspx"),
        ("brookings", "https://www.brookings.edu/bpea-articles/a-piece/"),
        ("brookings", "https://www.brookings.edu/testimonies/a-piece/"),
        ("brookings", "https://www.brookings.edu/articles/a-piece/amp/"),
        # Atlantic Council: the /commentary/<type>/ section.
        ("atlanticcouncil", "https://www.atlanticcouncil.org/commentary/spotlight/a-piece/"),
        # The other sites' older forms.
        ("chathamhouse", "http://www.chathamhouse.org/publications/papers/view/123456"),
        ("chathamhouse", "http://www.chathamhouse.org/media/comment/view/123456"),
        ("chathamhouse", "https://www.chathamhouse.org/publications/twt/a-piece"),
        ("csis", "http://csis.org/publication/a-piece-on-things"),
        ("lowy", "https://www.lowyinstitute.org/publications/a-piece-on-things"),
        (
            "iiss",
            "https://www.iiss.org/en/iiss%20voices/blogsections/iiss-voices-2013-1e35/"
            "march-2013-6eb6/a-piece-5a1b",
        ),
        ("heritage", "http://www.heritage.org/Research/NationalSecurity/wm1234.cfm"),
        ("heritage", "http://www.heritage.org/Press/Commentary/ed010705a.cfm"),
        # Shapes read from urls_heldout2.json's misses (2026-12-04; invented slugs).
        # Chatham House research papers split into chapter pages under the paper's path.
        ("chathamhouse", "https://www.chathamhouse.org/2020/01/a-paper/3-a-chapter-on-things"),
        ("chathamhouse", "https://www.chathamhouse.org/2020/01/a-paper/myth-4-a-myth"),
        # IISS Strategic Comments addressed by year alone, besides year and month.
        ("iiss", "https://www.iiss.org/publications/strategic-comments/2021/a-comment"),
        # ECFR essays inside a special publication.
        ("ecfr", "https://ecfr.eu/special/a_special/analysis/an_essay_on_things"),
        # RUSI special-resources reports carry a title slug.
        (
            "rusi",
            "https://www.rusi.org/explore-our-research/publications/special-resources/"
            "a-report-on-many-things",
        ),
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
        ("carnegie", "https://carnegieendowment.org/events/2024/05/a-conference"),
        ("warontherocks", "https://warontherocks.com/about/"),
        # Non-articles in article-like shapes (2026-12-04; invented slugs).
        ("carnegie", "https://carnegieendowment.org/experts/1583"),
        ("carnegie", "https://carnegieendowment.org/europe/events/2024/05/a-meeting"),
        ("carnegie", "https://carnegieendowment.org/2017/03/14/a-meeting-event-5512"),
        ("carnegie", "https://carnegieendowment.org/posts/2009/05/press-release-a-thing"),
        ("carnegie", "https://carnegieendowment.org/posts/2011/01/carnegie-names-new-director"),
        ("carnegie", "https://carnegieendowment.org/posts/2011/01/jane-doe-joins-carnegie"),
        ("carnegie", "https://carnegieendowment.org/ru/russia-eurasia"),
        ("ecfr", "https://ecfr.eu/podcasts/episode/a-show/"),
        ("ecfr", "https://ecfr.eu/article/com"),
        ("rusi", "https://rusi.org/publication/whitehall-papers"),
        ("rusi", "https://rusi.org/publication/occasional-papers"),
        ("rusi", "https://www.rusi.org/news-and-comment/in-the-news/a-mention"),
        ("rusi", "https://rusi.org/publication/commentary"),
        ("atlanticcouncil", "https://www.atlanticcouncil.org/commentary/podcast/an-episode/"),
        ("brookings", "http://www.brookings.edu/research/books/2015/a-book"),
        (
            "atlanticcouncil",
            "https://www.atlanticcouncil.org/commentary/trackers-and-data-visualizations/a-tracker/",
        ),
        ("atlanticcouncil", "https://www.atlanticcouncil.org/commentary/iransource/feed/"),
        ("atlanticcouncil", "https://www.atlanticcouncil.org/content-series/a-series/home/"),
        (
            "atlanticcouncil",
            "https://www.atlanticcouncil.org/in-depth-research-reports/report/annual-report-2030/",
        ),
        ("chathamhouse", "https://www.chathamhouse.org/publications/twt/archive"),
        ("chathamhouse", "http://www.chathamhouse.org/events/view/123456"),
        ("csis", "http://csis.org/files/publication/a-paper.pdf"),
        ("lowy", "https://www.lowyinstitute.org/publications/rss.xml"),
        ("lowy", "https://www.lowyinstitute.org/publications/feed"),
        (
            "iiss",
            "https://www.iiss.org/en/iiss%20voices/blogsections/iiss-voices-2013-1e35/"
            "march-2013-6eb6",
        ),
        # From urls_heldout2.json's misses (2026-12-04; invented slugs).
        ("csis", "https://www.csis.org/analysis/feed"),
        ("csis", "https://www.csis.org/blogs/a-blog/feed/"),
        ("chathamhouse", "https://www.chathamhouse.org/2024/02/a-show-podcast"),
        ("rand", "https://www.rand.org/pubs/tools/TL123.html"),
        ("rand", "https://www.rand.org/pubs/tools/TLA123-1/a-tool/part.html"),
        ("rusi", "https://rusi.org/explore-our-research/publications/special-resources/a-hub"),
        ("ecfr", "https://ecfr.eu/special/a_mapping/an_actor"),
    ],
)
def test_section_pages_are_not(name: str, url: str) -> None:
    assert not load_profiles()[name].is_article_url(url)
