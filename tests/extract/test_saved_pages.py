"""A saved page on disk has no web address: its path on disk, or the empty address, is
no evidence of a home page or a listing. The page's text and what it declares decide,
as they do for the labelled articles of ``bench/eval_articles.py``."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_search.errors import NotAnArticle
from corpus_search.extract import extract_file
from corpus_search.sites.pages import inspect_page

# An original short commentary: about 900 characters of prose, between the bounds where
# the text alone decides, with no canonical link and no declared type.
PAGE = """<html><head><title>Grain corridors after the truce</title></head><body>
<nav><a href="/">Home</a> <a href="/topics">Topics</a></nav>
<main><h1>Grain corridors after the truce</h1>
<p>The truce along the northern coast has reopened two of the three grain corridors,
but insurers still price every crossing as if the guns might speak again next week.</p>
<p>Shippers describe a market in which the cost of cover, not the availability of
ships, decides how much grain leaves the ports, and in which every rumour of a drone
sighting moves premiums within hours.</p>
<p>The sensible next step is a public reinsurance pool, backed by the importing
states, that caps premiums for vessels following the agreed lanes and inspected at the
agreed points; it would cost less than the food aid that a closed corridor makes
necessary by the end of the season.</p>
</main></body></html>
"""


def test_a_saved_commentary_without_an_address_is_an_article(tmp_path: Path) -> None:
    page = tmp_path / "index.html"  # the name of many a saved page: not a home page
    page.write_text(PAGE, encoding="utf-8")
    docs = list(extract_file(page))
    assert len(docs) == 1 and "reinsurance pool" in docs[0].body  # type: ignore[union-attr]
    assert inspect_page(PAGE, "").is_article
    assert inspect_page(PAGE, page.as_uri()).is_article


def test_the_same_page_at_a_home_page_address_is_not(tmp_path: Path) -> None:
    """The address still counts when there is one: the page fetched from a site's root
    is that site's home page."""
    assert inspect_page(PAGE, "https://example.org/").kind == "listing"
    canonical = PAGE.replace(
        "<head>", '<head><link rel="canonical" href="https://example.org/tag/grain/">'
    )
    page = tmp_path / "saved.html"
    page.write_text(canonical, encoding="utf-8")
    with pytest.raises(NotAnArticle, match="tag"):
        list(extract_file(page))
