"""Article or not: the page judgement (``sites.pages.inspect_page`` and ``judge``) on the
synthetic non-article pages (always), on the 511 real articles of ../shared/data and its
real anti-bot pages (when ../shared is there) and on the hand-labelled real non-article
pages and text articles kept outside the repository in /work/evalcache (when that folder
is there; rows whose page is missing or another capture are left out and counted).

The floors pinned below are the rates measured by ``bench/eval_articles.py`` on this
version (see docs/accuracy.md), a little under the figures, so a change that makes
the judgement worse fails here. Splits: a fixed hash puts a third of each set in a
held-out split that was not looked at while the judgement was tuned.

The tests on invented texts exercise the text judgement's rules (``text_rules``); its
learned model, which only ever rejects a page the rules keep, is tested in
``test_text_model.py``. The real pages are judged by the whole of ``inspect_text``."""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bench.eval_articles import SPLITS
from corpus_search.sites.pages import inspect_page, inspect_text, judge, running_text, text_rules
from tests.conftest import ROOT, SHARED, shared_path

SYNTHETIC = ROOT / "tests" / "data" / "nonarticles"
LABELS = ROOT / "tests" / "data" / "articles" / "nonarticles.json"
EVALCACHE = Path("/work/evalcache/nonarticles")
TEXT_ARTICLES = ROOT / "tests" / "data" / "articles" / "text_articles.json"
# The text splits labelled after the hash-rule ones (bench/eval_articles.py's SPLITS).
TEXT_FRESH_SPLITS = tuple(s for s in SPLITS if s.startswith("fresh") and s != "fresh")
ARTICLE_CACHE = Path("/work/evalcache/articles")
AUDIT = ROOT / "tests" / "data" / "articles" / "audit.json"


def split_of(key: str) -> str:
    return "heldout" if int(hashlib.sha256(key.encode()).hexdigest(), 16) % 3 == 0 else "tuning"


# -- always: the synthetic pages and the rules ------------------------------------------


def synthetic() -> list[dict[str, str]]:
    rows: list[dict[str, str]] = json.loads((SYNTHETIC / "pages.json").read_text("utf-8"))
    return rows


@pytest.mark.parametrize("row", synthetic(), ids=lambda row: row["file"])
def test_synthetic_non_articles_are_rejected(row: dict[str, str]) -> None:
    html = (SYNTHETIC / row["file"]).read_text("utf-8")
    info = inspect_page(html, row["url"])
    assert not info.is_article, (row["file"], info.reason)
    if row["kind"] in ("antibot", "error"):
        assert info.kind == row["kind"], info.reason


def test_the_synthetic_set_covers_every_kind() -> None:
    kinds = {row["kind"] for row in synthetic()}
    assert len(synthetic()) >= 15
    assert {"tag", "topic", "author", "search", "event", "home", "error", "antibot"} <= kinds


def prose(paragraphs: int, words: int = 60) -> str:
    sentence = " ".join(["deterrence"] * words)
    return "".join(f"<p>{sentence} {n}.</p>" for n in range(paragraphs))


def test_running_text_counts_prose_in_one_place_not_teasers_in_cards() -> None:
    from bs4 import BeautifulSoup

    article = f"<html><body><article><h1>T</h1>{prose(8)}</article></body></html>"
    cards = "".join(
        f"<div class='card'><h3><a href='/a/{n}'>Headline number {n}</a></h3>{prose(1, 12)}</div>"
        for n in range(12)
    )
    listing = f"<html><body><main>{cards}</main></body></html>"
    assert running_text(BeautifulSoup(article, "lxml")) > 3000
    assert running_text(BeautifulSoup(listing, "lxml")) < 200


def test_the_order_of_evidence() -> None:
    # A tag, author, search or event address decides alone, even over a long biography.
    assert judge("/experts/jane-doe", {"article"}, 5000) == ("listing", "author page")
    # Long prose beats pagination in the address (real news sites carry ?page=1).
    assert judge("/news/view.html?idx=1&page=1", set(), 5000)[0] == "article"
    # Little prose is not an article, unless the page declares one and has a paragraph.
    assert judge("/2025/03/piece", set(), 120)[0] == "listing"
    assert judge("/2025/03/piece", {"newsarticle"}, 120)[0] == "article"
    assert judge("/2025/03/piece", {"newsarticle"}, 30)[0] == "listing"
    # In between, the declared type, then the address, then the text decide.
    assert judge("/collections/x", {"collectionpage"}, 800)[0] == "listing"
    assert judge("/analysis?page=4", set(), 800)[0] == "listing"
    assert judge("/", set(), 800) == ("listing", "home page")
    assert judge("/2025/03/piece", set(), 800)[0] == "article"


def test_home_archive_and_legal_pages() -> None:
    # A fetched home-page address decides; a canonical link alone pointing home does not
    # (some sites point every page's canonical link at their home page).
    assert judge("/", set(), 5000, own_path="/") == ("listing", "home page")
    assert judge("/en/", set(), 5000, own_path="/en/")[0] == "listing"
    assert judge("/", {"article"}, 5000, own_path=None)[0] == "article"
    assert judge("/", set(), 800, own_path=None) == ("listing", "home page")
    assert judge("/2011/", set(), 5000)[0] == "listing"
    assert judge("/blog/2015/06/", set(), 5000)[0] == "listing"
    assert judge("/2015/06/a-piece-on-ports/", set(), 800)[0] == "article"
    assert judge("/legal/terms-of-use.html", set(), 5000)[0] == "listing"
    assert judge("/2020/05/privacy-in-the-pandemic", set(), 800)[0] == "article"
    body = prose(8)
    home = f"<html><head><title>Home | Example City</title></head><body>{body}</body></html>"
    assert inspect_page(home, "file:///saved/home.html").kind == "listing"
    terms = f"<html><head><title>Terms of Service</title></head><body>{body}</body></html>"
    assert inspect_page(terms, "file:///saved/terms.html").kind == "listing"
    piece = f"<html><head><title>Home sales fall again</title></head><body>{body}</body></html>"
    assert inspect_page(piece, "file:///saved/piece.html").is_article


def test_text_without_markup() -> None:
    teasers = "\n\n".join(
        f"Headline {n}\n\nBy Author {n}\n\n12 March 2025\n\nOne sentence of summary for item {n}."
        for n in range(6)
    )
    assert text_rules(teasers, "https://t.example/topics/x").kind == "listing"
    assert text_rules(teasers, "https://t.example/latest").kind == "listing"
    assert text_rules("Page not found\n\nSorry.", "https://t.example/a").kind == "error"
    body = "\n\n".join(" ".join(["alliances"] * 60) + "." for _ in range(6))
    assert text_rules(f"A title\n\n{body}", "https://t.example/2025/03/a-piece").is_article


def test_text_at_a_later_page_or_search_results_address_is_a_listing() -> None:
    """Known only by its text, a listing's blurbs read as prose: a second or later page of
    a listing, or a search-results address, decides. A first page, or a page number inside an
    article's own address, does not."""
    blurbs = "\n\n".join(
        f"The harbour board met again to weigh how the tolls of the lower "
        f"river are shared between the towns along both of its banks, item {n}."
        for n in range(12)
    )
    base = "https://t.example/journal/recent"
    assert text_rules(blurbs, f"{base}?page=3").reason == "a later page of a listing (address)"
    assert text_rules(blurbs, f"{base}?topic=ports&pageOn=11").kind == "listing"
    assert text_rules(blurbs, "https://t.example/journal/page/12/").kind == "listing"
    assert text_rules(blurbs, "https://t.example/pubs/search-results?tab=all").kind == "listing"
    assert text_rules(blurbs, f"{base}?page=1").is_article
    assert text_rules(blurbs, "https://t.example/2024/05/page-2-of-the-budget").is_article
    assert text_rules(blurbs, "https://t.example/research/searchlight-on-ports").is_article


def test_text_teasers_cut_short_or_marked_with_arrows_make_a_listing() -> None:
    """A listing known by its text prints the first words of each item, cut short with
    an ellipsis, or a "» Read more" line after it, or a "Posted <date>" line; three such
    lines make it a listing even when each teaser runs past a line of prose."""
    cut = "\n\n".join(
        f"Harbour tolls and the river trade, part {n}\n\nThe council weighed again how the "
        f"tolls on the lower river should be shared between the towns along its banks {n} \u2026"
        for n in range(4)
    )
    arrows = "\n\n".join(
        f"Grain stores in the valley, note {n}\n\nThe valley's farmers argued for a common "
        f"store of grain, kept by the market towns and opened in the lean months {n}.\n\n"
        "\u00bb Read more"
        for n in range(4)
    )
    posted = "\n\n".join(
        f"Ferries of the northern sound, {n}\n\nThe ferries that cross the northern sound "
        f"were sold to a new owner who promised to keep every winter crossing {n}.\n\n"
        f"Posted March {n + 3}rd, 2019"
        for n in range(4)
    )
    for text in (cut, arrows, posted):
        info = text_rules(text, "https://t.example/commentary/harbours")
        assert info.kind == "listing", info.reason
    # An article whose text holds an ellipsis or two is still an article.
    body = "\n\n".join(" ".join(["harbours"] * 50) + " \u2026" for _ in range(2))
    more = "\n\n".join(" ".join(["alliances"] * 60) + "." for _ in range(6))
    article = f"A title\n\n{more}\n\n{body}"
    assert text_rules(article, "https://t.example/2025/03/a-piece").is_article


def test_a_run_of_teasers_is_a_listing_however_long_it_runs() -> None:
    """Teasers one to a line, each cut short or ending in its reading time, make one long
    run of prose lines; when such lines are half the page's prose, it is a listing."""
    cut = "\n".join(
        f"From the Valley Gazette, by a staff writer: the mill on the upper weir reopened "
        f"this spring after the council agreed to share the cost of its repair, part {n}..."
        for n in range(14)
    )
    timed = "\n".join(
        f"Walkers on the coastal path asked the parish to mend the stiles near the old "
        f"lighthouse before the summer season begins, note {n}. [{n % 5 + 2} min read]"
        for n in range(12)
    )
    for text in (cut, timed):
        info = text_rules(text, "https://t.example/2025/03/valley-notes")
        assert info.kind == "listing", info.reason


def test_blurbs_that_do_not_end_as_sentences_make_a_listing() -> None:
    """A section page lists standfirsts: one line each, written as a phrase or a sentence
    without its full stop. Six such lines of prose, nearly all unended, make a listing."""
    blurbs = "\n".join(
        f"The lock keepers of the northern canal weigh a new timetable for the barges that "
        f"carry grain to the coast in the dry months of year {2000 + n}"
        for n in range(8)
    )
    info = text_rules(f"Canals and rivers\n{blurbs}", "https://t.example/canals/")
    assert info.kind == "listing", info.reason


def test_text_listing_shapes_make_a_listing() -> None:
    """Shapes of a listing known by its text: a count of its items, an event's hours
    among its first lines, titles printed twice in a row, prose cut into list items,
    blurbs opening in lower case after a full stop (their subject was a link), bylines
    with their date and comment count, episodes ending in their length."""
    prose = "\n\n".join(" ".join(["alliances"] * 40) + "." for _ in range(4))
    counted = f"Harbour papers\n\n1\u201312 of 88 related items\n\n{prose}"
    hours = (
        f"A morning on canal timetables\n\n9am to 11am\nWednesday, 8th May 2024\n"
        f"The Lock House, Canal Street\n\n{prose}"
    )
    twice = "\n\n".join(
        f"The ferry crossings of the sound, note {n}\n\nThe ferry crossings of the sound, "
        f"note {n}\n\nThe owners promised to keep every winter crossing on the timetable {n}."
        for n in range(3)
    )
    items = "Harbour board\n\n" + "\n\n".join(
        f"  \u2022 The harbour board and the river board lead the work on the channel {n}."
        for n in range(6)
    )
    headless = (
        "Columns\n\nThe tolls on the lower river should be shared between the towns.\n"
        "argues that the towns on the upper river pay more than their share of the tolls.\n"
        "The ferries were sold to a new owner who promised to keep the crossings.\n"
        "thinks the new owner will cut the winter crossings within the year, as before."
    )
    bylines = "Blog posts\n\n" + "\n\n".join(
        f"by The Valley Gazette | Fri, 12/0{n}/2016 - 6:25am | {n} comments\n\n"
        f"The council agreed to share the cost of mending the mill on the upper weir, {n}."
        for n in range(1, 6)
    )
    episodes = "Episodes\n\n" + "\n\n".join(
        f"2{n} Feb 2024 The lock keepers of the northern canal, episode {n} 00:2{n}:17\n\n"
        f"The lock keepers talk about the barges that carry grain to the coast, part {n}."
        for n in range(5)
    )
    for text in (counted, hours, twice, items, headless, bylines, episodes):
        info = text_rules(text, "https://t.example/2025/03/harbours")
        assert info.kind == "listing", (text[:40], info.reason)


def test_an_arguments_points_in_a_list_are_not_a_listing() -> None:
    """A brief's findings or recommendations set out as a bulleted list are long items,
    most ending like sentences; a listing's entries are short or end unlike sentences."""
    points = "Harbour tolls: what the board should do\n\n" + "\n\n".join(
        f"\u2022 The board should share the tolls of the lower river between the towns by "
        f"the tonnage each landed in the year before, so that point {n} of the charter is "
        f"kept and no town pays for another's trade."
        for n in range(6)
    )
    assert text_rules(points, "https://t.example/2025/03/harbour-tolls").is_article
    entries = points.replace("trade.", "trade and the ferries")
    info = text_rules(entries, "https://t.example/2025/03/harbour-tolls")
    assert info.reason == "6 of 6 lines of prose are list items", info.reason


def test_a_header_printed_twice_is_not_a_listing() -> None:
    """A stored copy often prints a page's header twice (its kicker and date line, then
    its title: once as the page's title, once as its heading). Lines printed again in the
    first four lines say nothing of a listing; the same titles printed again further on
    still do."""
    header = (
        "March 3, 2026 | Policy Brief\nThe ferry crossings of the sound after the storms\n"
        "March 3, 2026 | Policy Brief\nThe ferry crossings of the sound after the storms\n"
    )
    body = "\n".join(orchard_body(3).split("\n\n"))
    info = text_rules(header + body, "https://t.example/2026/03/ferry-crossings")
    assert info.is_article, info.reason
    late = "Briefs\n" + "\n".join(
        f"{ORCHARD}\nThe ferry crossings of the sound, note {n}\n"
        f"The ferry crossings of the sound, note {n}"
        for n in range(3)
    )
    assert text_rules(late, "https://t.example/briefs").kind == "listing"


def test_articles_without_markup_are_not_taken_for_those_shapes() -> None:
    """An article that quotes a line again further on, introduces code with a colon, has a
    short list, a closing ellipsis or one line ending in a length of time is an article."""
    sentence = (
        "The harbour board met on Tuesday to discuss the dredging of the outer channel, "
        "which silted up again after the winter storms and now limits the larger ships. "
    )
    quote = "The channel is the town's living, and it must be kept open."
    article = (
        f"Dredging the channel\n\n{quote}\n\n{sentence * 2}\n\n{sentence}\n\n{quote}\n\n"
        f"To ask the board's register for the depths, write this:\n\n"
        f"depths(channel='outer', since=2019, unit='metres', by_month=True)\n\n"
        f"- the outer channel\n- the inner basin\n\n{sentence * 2}\n\n"
        f"The meeting on the dredging of the outer channel lasted 45 minutes\n\n"
        f"{sentence} \u2026"
    )
    info = text_rules(article, "https://t.example/2025/03/dredging")
    assert info.is_article, info.reason


def test_articles_without_markup_keep_their_paragraphs_ends() -> None:
    """An article wrapped at a fixed width (lines ending mid-sentence, the next starting in
    lower case), one in a script with its own full stop, and one whose last line is cut
    short are still articles."""
    sentence = (
        "The harbour board met on Tuesday to discuss the dredging of the outer channel, "
        "which silted up again after the winter storms and now limits the larger ships. "
    )
    paragraph = sentence * 3
    wrapped = "\n\n".join(textwrap.fill(paragraph, 85) for _ in range(5))
    chinese = "\n\n".join(
        "\u6e2f\u52a1\u5c40\u5468\u4e8c\u5f00\u4f1a\u8ba8\u8bba\u5916\u822a\u9053\u7684\u758f\u6d5a\u95ee\u9898"
        * 6
        + "\u3002"
        for _ in range(7)
    )
    cut = "\n\n".join([paragraph] * 6 + [sentence + "and the board then"])
    for text in (wrapped, chinese, cut):
        info = text_rules(f"Dredging the channel\n\n{text}", "https://t.example/2025/03/dredging")
        assert info.is_article, info.reason


def test_addresses_of_archives_tags_and_authors_in_their_other_spellings() -> None:
    """A date archive with a query ("?m=0", as a blogging platform's mobile switch adds),
    a ``/tagged/`` page and a site's ``/by/<name>`` page are listings, in HTML as in text;
    an article whose slug holds "by" or a date is not."""
    assert judge("/2019/04/?m=0", set(), 5000) == ("listing", "date archive")
    assert judge("/orchards/tagged/pruning", set(), 5000) == ("listing", "tag page")
    assert judge("/by/ada-orchard", set(), 5000) == ("listing", "author page")
    assert judge("/by/ada-orchard/?page=1", set(), 5000)[0] == "listing"
    assert judge("/2019/04/pruning-by-hand", set(), 800) == ("article", "running text")
    assert judge("/news/by-the-numbers", set(), 800)[0] == "article"
    assert judge("/letters/by/2019/04/a-reply", set(), 800)[0] == "article"
    text = "A title\n\n" + "\n\n".join(" ".join(["orchards"] * 50) + "." for _ in range(6))
    assert text_rules(text, "https://t.example/2019/04/?m=1").reason == "date archive"
    assert text_rules(text, "https://t.example/by/ada-orchard").reason == "author page"
    assert text_rules(text, "https://t.example/2019/04/pruning-by-hand").is_article


def test_text_at_a_category_program_or_region_address_is_a_listing() -> None:
    """Known only by its text, a category, program or region page that prints its latest
    piece in full reads as an article: its address decides. In HTML the markup tells the
    featured piece from the page, and the address alone does not decide."""
    body = "\n\n".join(
        "The cider presses of the valley run from the first frost until the end of the "
        "year, and the growers share them by a rota agreed every spring."
        for _ in range(12)
    )
    for address in (
        "https://t.example/category/orchards/",
        "https://t.example/categories/12-34/farming.html",
        "https://t.example/programs/rural-economy/",
        "https://t.example/regions/east-anglia",
    ):
        info = text_rules(f"Orchards\n\n{body}", address)
        assert info.reason == "a category, program or region page (address)", address
    assert text_rules(body, "https://t.example/programs/rural-economy/2024/05/presses").is_article
    # a headline's words after "/program/": an article filed under it (as Jamestown files)
    slug = "cider-presses-of-the-valley-run-until-the-new-year"
    assert text_rules(f"Orchards\n\n{body}", f"https://t.example/program/{slug}/").is_article
    assert text_rules(body, "https://t.example/2024/05/categories-of-cider").is_article
    html = f"<html><body><article>{''.join(f'<p>{p}</p>' for p in body.split(chr(10) * 2))}"
    html += "</article></body></html>"
    assert inspect_page(html, "https://t.example/programs/rural-economy/").is_article


def test_an_organisations_own_pages_are_known_by_their_address() -> None:
    """An "about", mission, history, fellowship, FAQ or work-package page is prose about
    its own organisation, which reads like an article from its text: the address decides,
    in HTML as in text. Words that name such a section decide anywhere in the path; those
    that may head a section of articles ("our-work") only as the last segment, and
    "about-<name>" only with a page below it (alone it may be a post's slug)."""
    body = "\n\n".join(
        "The guild of cider makers was founded in the valley a century ago, and its "
        "members still meet each spring to agree the rota for the presses."
        for _ in range(12)
    )
    reason = "an organisation's own page (about, mission, fellowship, FAQ...)"
    for address in (
        "https://t.example/about/",
        "https://t.example/about-us?utm_source=menu",
        "https://t.example/about/grants/apply-for-a-grant/",
        "https://t.example/fellowships/rural-economy-fellowship",
        "https://t.example/wp_super_faq/do-members-pay-a-fee/",
        "https://t.example/work_packages/WP2",
        "https://t.example/about-the-guild/presses/the-rota.aspx",
        "https://t.example/guild/our-mission/",
        "https://t.example/guild/our-process",
        "https://t.example/history-0",
        "https://t.example/index.php/executive-committee",
        "https://t.example/Mission.html",
        "https://t.example/guild/what-we-do/index.html",
    ):
        assert text_rules(f"The guild\n\n{body}", address).reason == reason, address
        assert judge(address.split("t.example", 1)[1], set(), 5000) == ("listing", reason)
    for address in (
        "https://t.example/about-cider-presses/",  # a post's slug
        "https://t.example/our-work/presses/the-rota-agreed-this-spring",
        "https://t.example/2024/05/the-history-of-the-guild",
        "https://t.example/research.php?id=1078",
        "https://t.example/news/jobs-in-the-valley-return",
    ):
        assert text_rules(f"The guild\n\n{body}", address).is_article, address


def test_text_at_a_project_or_initiative_address_or_a_later_offset_is_a_listing() -> None:
    """A project's or an initiative's own page and a listing's later page counted by its
    offset (as one site builder writes it) decide in text, as a program's page does."""
    body = "\n\n".join(
        "The presses of the valley run from the first frost until the end of the year, "
        "and the growers share them by a rota agreed every spring."
        for _ in range(12)
    )
    assert text_rules(body, "https://t.example/projects/shared-presses/").kind == "listing"
    assert text_rules(body, "https://t.example/initiatives/valley-presses").kind == "listing"
    later = text_rules(body, "https://t.example/?offset=1418936056995")
    assert later.reason == "a later page of a listing (address)"
    assert text_rules(body, "https://t.example/?offset=0").is_article
    slug = "how-the-valley-growers-agreed-a-rota-for-the-presses"
    assert text_rules(body, f"https://t.example/projects/{slug}/").is_article


def test_headlines_each_with_a_one_line_standfirst_make_a_listing() -> None:
    """A news section known by its text: headlines (a title's length, no full stop), each
    followed by a one-sentence standfirst and then the next headline."""
    stories = [
        ("Storm floods the lower meadows of the valley overnight", "The river rose a metre."),
        ("Rail line to the coast reopens after a month of repairs", "Trains run hourly again."),
        ("Growers agree a new rota for the cider presses this year", "The vote was unanimous."),
        ("Council delays the vote on the new bridge across the weir", "It meets again in May."),
        ("Ferry operator names a new master for the winter crossings", "She starts next week."),
        ("Market hall roof to be mended before the autumn fair opens", "The cost is shared."),
    ]
    section = "Latest headlines\n\n" + "\n\n".join(
        f"{head}\n\n{standfirst} More on the story as it comes." for head, standfirst in stories
    )
    info = text_rules(section, "https://t.example/news/valley")
    assert info.reason == "6 headlines, each with a one-line standfirst", info.reason


def test_articles_with_subheadings_are_not_headline_lists() -> None:
    """Short subheadings over one paragraph each, or headline-long subheadings over
    several paragraphs, are an article's."""

    def paragraph(n: int) -> str:
        return (
            f"The growers of the valley press their apples in barn number {n} every "
            f"autumn, and its rota is agreed in the spring by a show of {n + 10} hands. "
            "Late fruit waits in the cold store until one of the presses is free again."
        )

    heads = ("The barns", "The rota", "The vote", "The fees", "The fruit", "The cider")
    short_heads = "Pressing the valley's apples\n\n" + "\n\n".join(
        f"{head}\n\n{paragraph(n)}" for n, head in enumerate(heads)
    )
    long_heads = "Pressing the valley's apples\n\n" + "\n\n".join(
        f"What the growers of the valley decided about part {n}\n\n{paragraph(n)}\n\n"
        f"{paragraph(n + 20)}"
        for n in range(6)
    )
    for text in (short_heads, long_heads):
        info = text_rules(text, "https://t.example/2024/10/pressing")
        assert info.is_article, info.reason


def test_lines_of_one_pattern_make_a_listing() -> None:
    """A line printed once per item with its own date, length or number ("Mar 4",
    "31 min, episode 12"): three lines of one pattern but for their figures."""
    notes = "The growers talk about the rota for the presses and the price of the fruit."
    dated = "Orchard talk\n\n" + "\n\n".join(
        f"Pressing day, part {n}\n\n{notes}\n\n{month} {n + 3}"
        for n, month in enumerate(("Mar", "Feb", "Jan", "Dec"))
    )
    timed = "Orchard talk\n\n" + "\n\n".join(
        f"Pressing day, part {n}\n\n3{n} min, episode {20 - n}\n\n{notes}" for n in range(4)
    )
    for text in (dated, timed):
        info = text_rules(text, "https://t.example/orchard-talk")
        assert info.kind == "listing" and "lines of one pattern" in info.reason, info.reason


def test_cues_of_a_teasers_link_make_a_listing() -> None:
    """Each item of a listing ends in its link's cue alone on a line ("Learn more", "See
    details", "More info", "Watch"): three of them make a listing; an article printing
    one such cue under its body stays an article."""
    items = (
        ("Clean rivers week", "Volunteers walk the banks and count what the floods left."),
        ("The eel ladder", "A small ramp lets young eels climb past the old mill weir."),
        ("Meadow open day", "Families can visit the restored meadow and its new ponds."),
    )
    more = (
        " Bring boots and a packed lunch; the trust lends gloves, bags and maps, and the "
        "rangers explain what they are looking for and why, and how the count helps the "
        "valley's councils plan the work of the next year."
    )
    for cue in ("Learn more", "See details \u203a", "More info", "Watch"):
        text = "What we do\n" + "\n".join(f"{t}\n{b}{more}\n{cue}" for t, b in items)
        info = text_rules(text, "https://t.example/what-we-do")
        assert info.kind == "listing" and "teaser lines" in info.reason, (cue, info.reason)
    body = (
        "The trust spent the winter repairing the banks of the lower meadow, where the "
        "floods had cut deep channels into the soft soil and carried away two old willows. "
    ) * 5
    info = text_rules(f"Saving the meadow\n{body}\nLearn more", "https://t.example/meadow")
    assert info.is_article, info.reason


def test_quoted_posts_and_a_chronology_are_not_pattern_listings() -> None:
    """The credit lines under posts an article quotes ("\u2014 Name (@handle) date"), and a
    chronology's dates each heading a paragraph of what happened, are an article's lines,
    not a listing's entries."""
    prose = (
        "The mayor spent the holiday at the harbour again, the third visit in a week, and "
        "her office said the trips were working meetings about the new sea wall."
    )
    quoted = "\n".join(
        f"{prose}\nThe sea wall will be finished before the storms, I promise you all.\n"
        f"\u2014 A. Harbourwatcher (@harbourwatch) January {day}, 2021"
        for day in (2, 5, 9)
    )
    chronology = "How the sea wall was built\n" + "\n".join(
        f"{month} {day}\nThe council {verb}, after a long debate about the cost and the "
        "shape of the wall that the engineers had proposed for the old harbour. Fishermen "
        "asked again for a gap wide enough for their boats, and the engineers agreed."
        for month, day, verb in (
            ("March", 3, "voted the money"),
            ("April", 12, "chose the builders"),
            ("June", 30, "opened the first section"),
        )
    )
    for text in (quoted, chronology):
        info = text_rules(text, "https://t.example/sea-wall")
        assert info.is_article, info.reason
    # The same dates over a listing's short titles are a listing's entries.
    listing = "\n".join(
        f"{month} {day}\nSea wall notes, part {n}"
        for n, (month, day) in enumerate((("March", 3), ("April", 12), ("June", 30)))
    )
    info = text_rules(listing, "https://t.example/sea-wall")
    assert info.kind == "listing" and "one pattern" in info.reason, info.reason


def test_titles_led_by_their_dates_make_a_listing() -> None:
    """A newsletter's back issues, an archive or a press list: each entry one line that
    opens with its full date and goes on with its title, three at least, whatever prose
    introduces them."""
    intro = (
        "The weekly letter of the river trust gathers what happened on the water, who "
        "cleaned which bank, and which meetings are coming, for members and for anyone "
        "who cares about the valley and wants to help keep it clean. "
    ) * 4
    issues = (
        "March 14, 2025 \u2767 Spring floods, a new weir and the heron count\n"
        "Plus: volunteers for the lower meadow and a talk on eels\n"
        "March 7, 2025 \u2767 The mill race reopens to canoes\n"
        "Plus: how the trust spends its grant\n"
        "2025-02-28 | Winter bird survey results and the otter sightings\n"
        "12 February 2025 - Minutes of the annual meeting in the village hall\n"
    )
    for text in (intro + "\nBack issues\n" + issues, issues):
        info = text_rules(text, "https://t.example/letter")
        assert info.kind == "listing" and "led by their dates" in info.reason, info.reason


def test_an_article_with_its_date_or_a_chronology_is_not_a_dated_listing() -> None:
    """An article prints its own date alone or with a byline, and a chronology's dated
    entries are sentences: neither is a listing of dated titles."""
    body = (
        "The trust spent the winter repairing the banks of the lower meadow, where the "
        "floods had cut deep channels into the soft soil and carried away two old willows. "
    ) * 6
    dated_article = (
        "How the lower meadow was saved\nMarch 14, 2025\nBy the editors\n\n" + body + "\n"
        "Updated March 15, 2025\n"
    )
    chronology = body + (
        "\nMarch 3, 2025 \u2013 The first volunteers cleared the fallen willows.\n"
        "March 9, 2025 \u2013 Engineers from the county surveyed the new channels.\n"
        "March 12, 2025 \u2013 The trust voted to rebuild the weir before summer.\n"
    )
    for text in (dated_article, chronology):
        info = text_rules(text, "https://t.example/meadow")
        assert info.is_article, info.reason


def test_an_article_numbering_its_parts_or_printing_times_is_not_a_pattern_listing() -> None:
    """Numbered parts ("Step 2"), times of day without words ("10:15"), or a pattern's
    lines printed one after another (a table) are an article's."""
    paragraph = (
        "Wash the apples in cold water, cut away the bruises and leave them to dry on "
        "a rack overnight before they go to the press in the morning. Keep the "
        "windfalls apart: they make a cloudier juice and spoil a whole barrel."
    )
    steps = "Making cider\n\n" + "\n\n".join(
        f"Step {n}\n\n{paragraph} (batch {n})" for n in range(1, 6)
    )
    times = "The day of the fair\n\n" + "\n\n".join(
        f"1{n}:15\n\n{paragraph} (stall {n})" for n in range(5)
    )
    table = f"Pressing days\n\n{paragraph}\n\nMar 3 2024\nMar 10 2024\nMar 17 2024\n\n{paragraph}"
    for text in (steps, times, table):
        info = text_rules(text, "https://t.example/2024/10/cider")
        assert info.is_article, info.reason


# Invented texts for the signs that a page is about other pages (fifth round).
ORCHARD = (
    "The growers of the valley press their apples in the old barns every autumn, and "
    "the rota for the presses is agreed in the spring by a show of hands at the hall."
)


def orchard_body(paragraphs: int) -> str:
    """An invented article body: ``paragraphs`` different paragraphs."""
    return "\n\n".join(f"{ORCHARD} Barn {n} presses on day {n + 2}." for n in range(paragraphs))


def test_a_title_naming_an_archive_makes_a_listing() -> None:
    for title in ("Category Orchards", "Category: Cider making", "Tag Archives: presses"):
        text = f"{title}\n\n{ORCHARD}\n\n{ORCHARD} The fruit waits in the cold store."
        info = text_rules(text, "https://t.example/orchard-notes")
        assert info.reason.startswith("an archive's title"), (title, info.reason)
    for title in ("Category 5 storms flatten the orchards", "Topics of the spring meeting"):
        info = text_rules(f"{title}\n\n{ORCHARD}\n\n{ORCHARD}", "https://t.example/a")
        assert info.is_article, (title, info.reason)


def test_words_for_its_own_search_and_links_make_a_listing() -> None:
    index = (
        "Orchard documents\n\nUse this field to narrow the documents of the growers' "
        "association by year and by barn.\n\nHover over any link to read the first lines "
        f"of a document.\n\n{ORCHARD}"
    )
    info = text_rules(index, "https://t.example/documents.html")
    assert info.reason.startswith("words for its own search or links"), info.reason
    once = f"Orchard documents\n\n{ORCHARD} Search results for cider rose this year.\n\n{ORCHARD}"
    assert text_rules(once, "https://t.example/2024/05/cider").is_article


def test_people_named_with_their_degrees_or_a_biography_make_a_listing() -> None:
    fellows = (
        "Fellows of the orchard institute\n\nThe institute invites growers and scholars to "
        "study the valley's orchards for a term of two years.\n\n"
        "Ada Pippin,\nPh.D. \u2013 Professor,\nUniversity of the Valley\n\n"
        "Bram Russet,\nPh.D. \u2013 Lecturer,\nCollege of the Coast"
    )
    board = (
        "The advisory board\n\nThe project was led by a board of growers:\n\n"
        "Professor Ada Pippin (Chair)\n\nAda is the keeper of the valley's seed bank and "
        "has chaired the growers' association for ten years.\n\n"
        "Bram Russet\n\nBram has run the coast presses since 1990 and teaches pruning.\n\n"
        "Cora Quince\n\nCora is a cider maker and an authority on old varieties."
    )
    for text in (fellows, board):
        info = text_rules(text, "https://t.example/institute/board")
        assert "people named" in info.reason, info.reason
    # An article's two authors (one byline block) and its authors' notes after the body.
    article = (
        "Pressing the valley's apples\n\nAda Pippin, Ph.D.\nBram Russet, Ph.D.\n\n"
        + orchard_body(6)
        + "\n\nAda Pippin\n\nAda is a grower.\n\nBram Russet\n\nBram is a grower too."
    )
    info = text_rules(article, "https://t.example/2024/05/pressing")
    assert info.is_article, info.reason


def test_an_account_of_press_appearances_makes_a_listing() -> None:
    news = (
        "Ada Pippin wrote an op-ed for the Valley Herald about the rota for the presses.\n\n"
        "Orchards\n\nBram Russet was quoted in the Coast Gazette on the price of fruit, and "
        "Cora Quince was interviewed by Valley Radio about old varieties."
    )
    info = text_rules(news, "https://t.example/institute-in-the-news")
    assert info.reason == "3 appearances in the press", info.reason
    article = f"{orchard_body(4)}\n\nAda Pippin wrote an op-ed for the Valley Herald in May."
    assert text_rules(article, "https://t.example/2024/05/rota").is_article


def test_a_list_heading_before_any_body_makes_a_listing() -> None:
    teasers = (
        "Valley notes\n\nLatest articles\n\nThe rota for the presses\n\n"
        f"{ORCHARD}\n\nThe fair\n\nThe fair opens in the market hall with cider from every barn."
    )
    info = text_rules(teasers, "https://t.example/valley-notes")
    assert info.reason == "a list's heading before any body (Latest articles)", info.reason
    # Related items printed after the article's body are the article's.
    article = f"The rota\n\n{orchard_body(7)}\n\nRecent posts\n\nThe fair"
    assert text_rules(article, "https://t.example/2024/05/rota").is_article
    # An entry of the site's menu printed above the article is not the page's heading.
    menu = "\n".join(f"  \u2022 {item}" for item in ("Latest news", "Orchards", "About us"))
    article = f"{menu}\n\nThe rota\n\n{orchard_body(7)}"
    assert text_rules(article, "https://t.example/news/the-rota").is_article


def test_titles_credited_to_their_source_make_a_listing() -> None:
    digest = "The month in orchard thinking\n\n" + "\n\n".join(
        f"{title} \u2013 {source} (UK)\n\n{ORCHARD} This paper weighs the rota of {title[:9]}."
        for title, source in (
            ("Who presses first: the rota in question", "Institute for Cider Studies"),
            ("Old varieties and the new market", "Valley Growers Council"),
            ("Bridges, barns and the price of fruit", "Coast Policy Forum"),
        )
    )
    info = text_rules(digest, "https://t.example/2023/the-month-in-orchard-thinking")
    assert info.reason == "3 titles credited to their source", info.reason
    # Lines of one item each (a calendar, a table) are not titles over blurbs.
    calendar = f"Pressing calendar\n\n{ORCHARD}\n\n" + "\n".join(
        f"Day {n}: {n} March 2024 \u2013 Lower Barn of the Valley Growers" for n in range(1, 8)
    )
    assert text_rules(calendar, "https://t.example/2024/05/pressing-days").is_article


def test_a_call_for_applications_makes_a_listing() -> None:
    posting = (
        "Press Assistant, Valley Cider Institute\n\nApplication deadline: 1 March 2025\n"
        "Estimated pay: $18.00 per hour\n\nThe Press Assistant keeps the rota of the barns "
        "and helps the growers at the hall through the autumn.\n\nQualifications\n\nSome "
        "experience with fruit presses is preferred. Applicants should send a letter."
    )
    info = text_rules(posting, "https://t.example/2025/02/press-assistant")
    assert info.reason.startswith("a call for applications ("), info.reason
    # A news story about a hiring round speaks of it in a few of those words only.
    story = (
        f"{orchard_body(3)}\n\nThe council said the barns would hire two more hands this "
        "year, and that applications open in May."
    )
    assert text_rules(story, "https://t.example/2025/02/barns-to-hire").is_article


def test_an_organisation_describing_its_own_offers_makes_a_listing() -> None:
    program = (
        "Orchard Studies\n\nThe Valley Cider Institute strives to inform the growers on the "
        "keeping of old varieties. Our program offers workshops on pressing and a series of "
        "lectures at the hall each spring.\n\nThe lectures are open to the public and "
        "free of charge for members of the growers' council."
    )
    info = text_rules(program, "https://t.example/orchard-studies")
    assert info.reason.startswith("the organisation describes its own offers ("), info.reason
    # The same words in a story that reports what was said or done, or in a piece whose
    # writer speaks as "I", are an article's.
    story = (
        f"{program}\n\nAt the first of the lectures the director said the rota was agreed "
        "by a show of hands."
    )
    assert text_rules(story, "https://t.example/2025/03/lectures-begin").is_article
    essay = program.replace("The lectures are", "I think the lectures are")
    assert text_rules(essay, "https://t.example/2025/03/on-lectures").is_article
    told = (
        f"{program}\n\nThe rota was agreed in March and the barns were opened in "
        "September, when the presses had been mended."
    )
    assert text_rules(told, "https://t.example/2025/09/the-barns-opened").is_article
    # An organisation's own page opens with it; a piece that comes to an organisation
    # later on (a body it discusses, its publisher's note) is an article.
    lead = (
        "Cider and the valley\n\nEvery autumn the presses of the valley run from the first "
        "frost until the end of the year, and the growers share them by a rota. The rota "
        "is agreed each spring in the hall, and the barns are let to the highest bidder. "
    ) * 3
    assert len(lead) > 600
    later = f"{lead}\n\n{program.split(chr(10) * 2, 1)[1]}"
    assert text_rules(later, "https://t.example/2025/03/valley-presses").is_article


# -- real pages, read at run time --------------------------------------------------------


def real_articles(data: Path) -> list[tuple[str, str, str, str]]:
    """(set/page id, split, url, html) of the 511 real articles."""
    pages: list[tuple[str, str, str, str]] = []
    aeb = data / "extraction" / "aeb"
    truth = json.loads((aeb / "ground-truth.json").read_text("utf-8"))
    for page_id in sorted(truth):
        html = decode(gzip.decompress((aeb / "html" / f"{page_id}.html.gz").read_bytes()))
        pages.append((f"aeb/{page_id}", split_of(f"aeb/{page_id}"), truth[page_id]["url"], html))
    folder = data / "extraction" / "readability" / "test-pages"
    for page in sorted(p for p in folder.iterdir() if p.is_dir()):
        html = decode(gzip.decompress((page / "source.html.gz").read_bytes()))
        key = f"readability/{page.name}"
        pages.append((key, split_of(key), f"file:///pages/{page.name}.html", html))
    media = data / "dates" / "htmldate-mediacloud"
    truth = json.loads((media / "eval_mediacloud_2020.json").read_text("utf-8"))
    for url, item in sorted(truth.items(), key=lambda kv: kv[1]["file"]):
        path = media / "html" / f"{item['file']}.gz"
        raw = gzip.decompress(path.read_bytes()) if path.exists() else None
        if raw is None:
            continue
        key = "mediacloud/" + item["file"].split(".")[0]
        pages.append((key, split_of(key), url, decode(raw)))
    return pages


def decode(data: bytes) -> str:
    from corpus_search.extract.warc import decode_html

    return decode_html(data)


def test_real_articles_are_kept() -> None:
    data = shared_path()
    pages = real_articles(data)
    assert len(pages) == 511
    not_articles = {f"{e['set']}/{e['page']}" for e in audit() if e["verdict"] == "not-article"}
    kept = {"tuning": [0, 0], "heldout": [0, 0]}
    audited = {"tuning": [0, 0], "heldout": [0, 0]}
    for key, split, url, html in pages:
        is_article = inspect_page(html, url).is_article
        kept[split][0] += is_article
        kept[split][1] += 1
        if key not in not_articles:
            audited[split][0] += is_article
            audited[split][1] += 1
    total = sum(k for k, _ in kept.values()) / len(pages)
    # Measured on this version: 498 of 511 (97.5%); tuning 334 of 341 (97.9%), held-out
    # 164 of 170 (96.5%). Seven of the thirteen misses are pages of the sets that are not
    # articles or hold almost no text (two empty Incapsula stubs, a Google Images result,
    # two home pages, a legal notice, a test page with four characters of text).
    assert total >= 0.97, kept
    assert kept["tuning"][0] / kept["tuning"][1] >= 0.975, kept
    assert kept["heldout"][0] / kept["heldout"][1] >= 0.96, kept
    # With the audited labels (tests/data/articles/audit.json: the 13 pages judged not
    # articles were read, and none of them is an article), 100% on both splits: 334 of
    # 334 tuning, 164 of 164 held-out. Any real article rejected fails here.
    for split, (right, n) in audited.items():
        assert right / n >= 0.99, (split, audited)


def test_real_articles_known_by_their_text_are_kept() -> None:
    """The 511 real articles as a search engine's stored copy holds them (main text without
    markup, first 2,000 characters; ``bench/eval_articles.py``'s "as-text" rows): the text
    judgement keeps them. The labelled text articles are under 100; these are 500 pages of
    many sites, so a text rule that takes an article's shape for a listing's fails here."""
    from bench.eval_articles import article_text_renderings

    kept = {"tuning": [0, 0], "heldout": [0, 0]}
    for page in article_text_renderings(shared_path()):
        kept[page.split][0] += inspect_text(page.text or "", page.url or "").is_article
        kept[page.split][1] += 1
    assert kept["tuning"][1] + kept["heldout"][1] >= 480, kept
    # Measured when this set was added (before the rule on dated titles): tuning 321 of
    # 332 (96.7%), held-out 158 of 164 (96.3%). The misses are articles with bulleted
    # lists, a timeline's dated headings, an article on hiring read as a job call: rules of
    # the text judgement fitted on listings' texts. No rule since may lose one more. Once
    # quoted posts' credit lines and a chronology's dates were told apart from a listing's
    # lines of one pattern: tuning 322 of 332 (97.0%).
    # The learned text model (2026-12-06) keeps every one of them the rules keep.
    assert kept["tuning"][0] >= 322, kept
    assert kept["heldout"][0] >= 158, kept


def audit() -> list[dict[str, str]]:
    entries: list[dict[str, str]] = json.loads(AUDIT.read_text("utf-8"))["entries"]
    return entries


def test_the_audit_file_is_well_formed() -> None:
    entries = audit()
    keys = [(e["set"], e["page"]) for e in entries]
    assert len(keys) == len(set(keys)), "a page audited twice"
    for entry in entries:
        assert set(entry) == {"set", "page", "split", "verdict", "kind", "reason"}, entry
        assert entry["set"] in ("aeb", "readability", "mediacloud"), entry
        assert entry["split"] == split_of(f"{entry['set']}/{entry['page']}"), entry
        assert entry["verdict"] in ("article", "not-article"), entry
        assert entry["kind"] and 10 <= len(entry["reason"]) <= 160, entry


def test_every_audit_entry_names_a_page_of_the_sets() -> None:
    from bench.eval_articles import load_audit

    data = shared_path()
    held = {key for key, *_ in real_articles(data)}
    for entry in audit():
        assert f"{entry['set']}/{entry['page']}" in held, entry
    assert len(load_audit(AUDIT, data)) == len(audit())


def test_real_anti_bot_pages_are_rejected() -> None:
    folder = shared_path("thinktanks", "antibot")
    pages = sorted(folder.glob("*.html"))
    assert len(pages) >= 6
    for path in pages:
        info = inspect_page(path.read_text("utf-8", "replace"), f"file:///pages/{path.name}")
        assert info.kind == "antibot", (path.name, info.reason)


def usable_rows(labels: Path, cache: Path) -> tuple[list[dict[str, str]], list[str]]:
    """The labelled rows whose page is in ``cache`` as labelled (sha256), and the files of
    the others (missing, or another capture than the one labelled)."""
    rows, unusable = [], []
    for row in json.loads(labels.read_text("utf-8"))["pages"]:
        if row["source"] == "shared":
            continue
        path = cache / row["file"]
        if path.exists() and hashlib.sha256(path.read_bytes()).hexdigest() == row["sha256"]:
            rows.append(row)
        else:
            unusable.append(row["file"])
    return rows, unusable


def test_labelled_real_non_articles_are_rejected() -> None:
    if not EVALCACHE.exists():
        pytest.skip(f"labelled non-article pages not found at {EVALCACHE} (kept off the repo)")
    usable, unusable = usable_rows(LABELS, EVALCACHE)
    rows = [r for r in usable if r["source"] == "pages"]
    if len(rows) < 110:
        pytest.skip(
            f"only {len(rows)} labelled text non-article pages in {EVALCACHE} as labelled "
            f"({len(unusable)} missing or another capture): too few to hold the rates"
        )
    rejected = {s: [0, 0] for s in SPLITS if s != "fresh"}  # ("fresh": HTML pages only)
    for row in rows:
        info = inspect_text((EVALCACHE / row["file"]).read_text("utf-8"), row["url"])
        rejected[row["split"]][0] += not info.is_article
        rejected[row["split"]][1] += 1
    # Measured on this version (third round of 2026-12-04, on a machine where 135 of the
    # 285 labelled text pages were usable): tuning 77 of 82 (93.9%), held-out 41 of 53
    # (77.4%; 63 of 82 and 39 of 53 before the rules on listing shapes). On the machine of
    # the second round (122 usable pages, other ones) the rates were 79.2% and 71.1% before
    # them. The held-out pages are harder than the tuning ones: see docs/accuracy.md.
    # Fourth round (the address of a later page or of search results decides): tuning 80
    # of 82 (97.6%), held-out 42 of 53 (79.2%).
    # Fifth round: the held-out split became a tuning one (52 of 53 after the rules on
    # headline lists, lines of one pattern and section addresses); the new split fresh2,
    # collected and labelled before any judgement ran on it, was judged once before (38 of
    # 50) and once after them (39 of 50, 78.0%).
    # Then fresh2 became tuning material too (its 11 misses read; a new split, fresh3, was
    # labelled apart): the signs of a page about other pages (an archive's title, words
    # for its own search, people with their degrees, press appearances, a list's heading,
    # titles credited to their source) took it to 49 of 50 (98.0%).
    # (each split's floor holds where most of it is found again: on a machine whose cache
    # lacks the first rounds' pages, the later splits alone make the 110 pages)
    if rejected["tuning"][1] >= 75:
        assert rejected["tuning"][0] / rejected["tuning"][1] >= 0.95, (rejected, len(unusable))
    if rejected["heldout"][1] >= 48:
        assert rejected["heldout"][0] / rejected["heldout"][1] >= 0.95, (rejected, len(unusable))
    # The sixth round's split fresh3 (65 pages of 83 sites, labelled apart before any
    # judgement ran) was judged once before and once after the fresh2 signs: 42 of 65
    # (64.6%) both times, so those signs did not carry over to unseen pages. Then fresh3
    # became tuning material (its 23 misses read): a call for applications and an
    # organisation describing its own offers took it to 53 of 65 (81.5%).
    if rejected["fresh2"][1] >= 45:
        assert rejected["fresh2"][0] / rejected["fresh2"][1] >= 0.96, (rejected, len(unusable))
    if rejected["fresh3"][1] >= 60:
        assert rejected["fresh3"][0] / rejected["fresh3"][1] >= 0.95, (rejected, len(unusable))
    # The eighth round's split fresh4 (70 pages of 87 sites, labelled apart before any
    # judgement ran) was judged clean twice, before and after the seventh round's signs:
    # 42 of 70 (60.0%) both times. Then (2026-12-05) it became tuning material: a series'
    # own title, an index of years, archive addresses and an event's invitation or dated
    # hours, and a podcast's own page took it to 53 of 70 (75.7%).
    if rejected["fresh4"][1] >= 65:
        assert rejected["fresh4"][0] / rejected["fresh4"][1] >= 0.95, (rejected, len(unusable))
    # fresh5 (26 pages of 26 sites, labelled 2026-12-05 before any judgement ran on them):
    # the clean test of that round, 10 of 26 (38.5%) before it and 11 (42.3%) after.
    # Nobody has tuned on it. The learned text model (2026-12-06, fitted on the tuning
    # pages only, fresh3 and fresh4 among them, never on fresh5, fresh6 or the held-out
    # split), at the threshold that lets no tuning article go in its cross-validation,
    # takes it to 14 of 26 (53.8%), the held-out split to 45 of 46 and the new split
    # fresh6 (32 pages, labelled before any judgement ran on them) from 20 to 21 of 32.
    # The threshold was chosen after fresh6 was read (see docs/accuracy.md): these are
    # no longer clean figures.
    if rejected["fresh5"][1] >= 24:
        assert rejected["fresh5"][0] / rejected["fresh5"][1] >= 0.53, (rejected, len(unusable))
    if rejected["fresh6"][1] >= 30:
        assert rejected["fresh6"][0] / rejected["fresh6"][1] >= 0.65, (rejected, len(unusable))
    # fresh7 (28 pages, labelled after that threshold was fixed and before any judgement
    # ran on them): the model's clean test, judged once: the rules reject 15 of 28
    # (53.6%), the rules and the model 20 (71.4%), and no article of its 15 is lost to the
    # model (the rules lose one). Its floor is that level.
    if rejected["fresh7"][1] >= 26:
        assert rejected["fresh7"][0] / rejected["fresh7"][1] >= 0.71, (rejected, len(unusable))
    # fresh8 (24 pages of "about", history, programme and project kinds, labelled before any
    # judgement ran on them), judged once with the shipped rules and model: 11 of 24
    # (45.8%), the model adding none; a refit with fresh5 to fresh7 among its tuning pages
    # and measures of the text's voice also added none there (and lost one held-out page),
    # so it was not kept. Its floor is that level.
    if rejected["fresh8"][1] >= 22:
        assert rejected["fresh8"][0] / rejected["fresh8"][1] >= 0.45, (rejected, len(unusable))
    # fresh9 (19 pages of the same kinds, labelled the same way after fresh8 was read, the
    # judgement unchanged since), judged once: 8 of 19 by the rules, 9 (47.4%) with the
    # model; its 15 articles all kept. Its floor is that level.
    if rejected["fresh9"][1] >= 17:
        assert rejected["fresh9"][0] / rejected["fresh9"][1] >= 0.47, (rejected, len(unusable))
    # Stop 40 (2026-12-06): fresh5 to fresh9 became tuning material; an organisation's own
    # pages known by their address (about, mission, fellowship, FAQ, work packages...) and
    # a project's or an initiative's page took them to 20 of 26, 27 of 32, 24 of 28, 19 of
    # 24 and 13 of 19, no labelled article lost; an organisation describing itself only in
    # a text's opening then gave one of fresh5 back (19 of 26). Floors at that level.
    for split, floor in (
        ("fresh5", 0.73),
        ("fresh6", 0.84),
        ("fresh7", 0.85),
        ("fresh8", 0.79),
        ("fresh9", 0.68),
    ):
        if rejected[split][1] >= 17:
            assert rejected[split][0] / rejected[split][1] >= floor, (split, rejected)
    # fresh10 (29 pages of about, programme, topic and author kinds, labelled before any
    # judgement ran on them; labels committed alone), the clean test of stop 40's rules,
    # judged once: 14 of 29 before them, 17 (58.6%) after; its 15 articles 14 -> 15 kept.
    # Then opened: a last segment's "/index.html" read as the segment took it to 18 of 29.
    if rejected["fresh10"][1] >= 27:
        assert rejected["fresh10"][0] / rejected["fresh10"][1] >= 0.62, (rejected, len(unusable))
    # fresh11 (33 pages of programme, about, tag and event kinds, labelled at the end of
    # stop 40 before any judgement ran on them), judged once: 18 of 33 by stop 39's
    # judgement, 19 (57.6%) by stop 40's; its 14 articles kept by both. Its floor is that.
    if rejected["fresh11"][1] >= 31:
        assert rejected["fresh11"][0] / rejected["fresh11"][1] >= 0.57, (rejected, len(unusable))
    # fresh12 (34 pages of about, programme, listing and topic kinds, labelled before any
    # judgement ran on them), the clean test of more address words read on fresh10 and
    # fresh11: 18 of 34 with and without them (stop 39's judgement: 17), so they were not
    # kept; its 15 articles all kept (stop 39's: 14). Its floor is that level.
    if rejected["fresh12"][1] >= 32:
        assert rejected["fresh12"][0] / rejected["fresh12"][1] >= 0.52, (rejected, len(unusable))
    # Stop 41: the text model refitted with fresh5 to fresh12 among its tuning pages (and
    # the tagger's opened think-tank texts), its threshold letting 0.2% of the tuning
    # articles go in cross-validation. Its clean test, fresh13 (28 pages) and fresh14 (17;
    # about, programme, search and tag kinds, labelled before any judgement ran on them,
    # committed alone), judged once each way: 15 and 11 rejected before, 20 and 12 (71.4%,
    # 70.6%) after; their 29 articles 24 kept both times. Floors at that level.
    # Stop 42: fresh15 (28 pages) and fresh16 (29; about, programme, listing, tag and
    # topic kinds, labelled before any judgement ran on them, committed alone), the clean
    # test of the text model refitted with fresh13 and fresh14 among its tuning pages: 22
    # and 24 rejected (78.6%, 82.8%) by the shipped model and by the refit alike, so the
    # refit was not kept; at a looser threshold (0.5% of tuning articles let go) 24 and 25,
    # but four articles lost, not kept either. Floors at the shipped model's level. Then
    # fresh17 and fresh18 (22 pages each, labelled the same way), the clean test of a refit
    # with fresh13 to fresh16 among the tuning pages: 18 and 13 rejected (81.8%, 59.1%)
    # by the shipped model and the refit alike; not kept. Floors at that level.
    for split, floor, fewest in (
        ("fresh13", 0.71, 26),
        ("fresh14", 0.7, 15),
        ("fresh15", 0.78, 26),
        ("fresh16", 0.82, 27),
        ("fresh17", 0.81, 20),
        ("fresh18", 0.59, 20),
    ):
        if rejected[split][1] >= fewest:
            assert rejected[split][0] / rejected[split][1] >= floor, (split, rejected)
    if rejected["heldout"][1] >= 40:
        assert rejected["heldout"][0] / rejected["heldout"][1] >= 0.95, (rejected, len(unusable))
    # Real HTML pages (home, legal, archive pages from a public repository's test data),
    # judged once after the first tuning (4 of 13 rejected), then used to tune: 12 of 13.
    fresh = [r for r in usable if r["source"] == "github"]
    if len(fresh) < 13:
        pytest.skip(f"{13 - len(fresh)} of the 13 HTML pages from htmldate missing in {EVALCACHE}")
    right = 0
    for row in fresh:
        raw = (EVALCACHE / row["file"]).read_bytes()
        url = row["url"] or f"file:///pages/{row['file']}"
        right += not inspect_page(decode(raw), url).is_article
    assert right / len(fresh) >= 0.9, right


def test_labelled_real_text_articles_are_kept() -> None:
    if not ARTICLE_CACHE.exists():
        pytest.skip(f"labelled text articles not found at {ARTICLE_CACHE} (kept off the repo)")
    rows, unusable = usable_rows(TEXT_ARTICLES, ARTICLE_CACHE)
    rows = [r for r in rows if r["split"] not in STOP45_SPLITS]  # (pinned on their own below)
    if len(rows) < 60:
        pytest.skip(
            f"only {len(rows)} labelled text articles of the tuned splits in {ARTICLE_CACHE} "
            f"as labelled ({len(unusable)} missing or another capture): too few to hold the rate"
        )
    kept = [
        inspect_text((ARTICLE_CACHE / r["file"]).read_text("utf-8"), r["url"]).is_article
        for r in rows
    ]
    # Measured on this version: 79 of 79 usable (tuning 20 of 20, held-out 11 of 11, fresh2
    # 20 of 20, fresh3 28 of 28; the 16 of the first round were all kept too, on the
    # machine that had them). fresh3 lost one article (a site menu's "Latest news" taken
    # for a list's heading) until menu entries were told apart from headings.
    assert sum(kept) / len(kept) >= 0.95, (sum(kept), len(kept))


# Stop 45's clean splits of the text judgement, labelled on a machine whose cache had lost
# every earlier text (tests/data/articles/*.json, "fresh21" to "fresh24").
STOP45_SPLITS = ("fresh21", "fresh22", "fresh23", "fresh24")


def test_stop45_clean_splits_hold_their_measured_rates() -> None:
    """The text judgement on pages it was never tuned on, as first measured (2026-12-07,
    totals read once before any rule looked at them): non-articles 29, 26, 24 and 25 of 35
    rejected (104 of 140, 74.3%), articles 6 of 7, 10 of 12, 9 of 11 and 6 of 8 kept (31 of
    38). The targets are 95% and 99%; this gate only keeps a later change from losing
    ground here."""
    counts = {"not-article": [0, 0], "article": [0, 0]}
    for labels, cache, label in (
        (LABELS, EVALCACHE, "not-article"),
        (TEXT_ARTICLES, ARTICLE_CACHE, "article"),
    ):
        rows = [r for r in usable_rows(labels, cache)[0] if r["split"] in STOP45_SPLITS]
        for row in rows:
            info = inspect_text((cache / row["file"]).read_text("utf-8"), row["url"])
            counts[label][0] += info.is_article == (label == "article")
            counts[label][1] += 1
    if counts["not-article"][1] < 140 or counts["article"][1] < 38:
        pytest.skip(f"stop 45's clean pages are not all in {EVALCACHE.parent}: {counts}")
    assert counts["not-article"][0] >= 104, counts
    assert counts["article"][0] >= 31, counts


# Stop 46's clean splits, labelled the same way ("fresh25", "fresh26").
STOP46_SPLITS = ("fresh25", "fresh26")


def test_stop46_clean_splits_hold_their_measured_rates() -> None:
    """The shipped text judgement (unchanged since stop 43) on two more splits, read once
    as totals (2026-12-07): non-articles 33 and 27 of 35 rejected (60 of 70, 85.7%),
    articles 11 of 13 and 10 of 10 kept (21 of 23). A gate against losing ground, as
    above; the targets stay 95% and 99%."""
    counts = {"not-article": [0, 0], "article": [0, 0]}
    for labels, cache, label in (
        (LABELS, EVALCACHE, "not-article"),
        (TEXT_ARTICLES, ARTICLE_CACHE, "article"),
    ):
        rows = [r for r in usable_rows(labels, cache)[0] if r["split"] in STOP46_SPLITS]
        for row in rows:
            info = inspect_text((cache / row["file"]).read_text("utf-8"), row["url"])
            counts[label][0] += info.is_article == (label == "article")
            counts[label][1] += 1
    if counts["not-article"][1] < 70 or counts["article"][1] < 23:
        pytest.skip(f"stop 46's clean pages are not all in {EVALCACHE.parent}: {counts}")
    assert counts["not-article"][0] >= 60, counts
    assert counts["article"][0] >= 21, counts


def test_think_tank_texts_are_kept() -> None:
    """The texts labelled for the tagger (each a commentary or analysis of 200 words or
    more, as the stored pages corpus keeps it) are articles known by their text."""
    from bench.eval_articles import HELD_OUT_COMMENTARY, commentary_text_pages

    cache = Path("/work/evalcache/enrichment")
    if not cache.is_dir():
        pytest.skip(f"the tagger's labelled page texts are not at {cache} (kept off the repo)")
    kept = {"tuning": [0, 0], "heldout": [0, 0]}
    for page in commentary_text_pages(cache):
        kept[page.split][0] += inspect_text(page.text or "", page.url or "").is_article
        kept[page.split][1] += 1
    if kept["tuning"][1] < 700 or kept["heldout"][1] < 180:
        pytest.skip(f"too few of the labelled texts in {cache}: {kept}")
    # Measured when the set was added (2026-12-06): tuning 673 of 764 (88.1%), held out
    # (the tagger's clean splits fresh34 to fresh41) 184 of 194 (94.8%), the same with
    # and without the text model. Most pages lost sit at a tag, section, search or later
    # page's address, whose stored text opens with one whole piece; the rest are taken for
    # listings by the text's shape (a title printed twice, people with their degrees).
    # A header printed twice no longer counts: tuning 680 of 764 (89.0%), held out the same.
    # The tagger's twelve newer clean splits (fresh42 to fresh53, 309 pages labelled on
    # 2026-12-06) joined the held-out pages when they were labelled, the judgement
    # unchanged: 289 of them kept (93.5%), the held-out pages 473 of 503 (94.0%); fresh54
    # to fresh57 (95 pages) joined them the same way. fresh58 to fresh61 (101 pages,
    # stop 37) joined them too: 90 of them kept (89.1%; six taken for an organisation
    # describing its own offers), the held-out pages 649 of 699 (92.8%); fresh62 to
    # fresh65 (100 pages) 97 kept (two articles at Jamestown's /program/ addresses lost),
    # the held-out pages 746 of 799 (93.4%). Since a headline's words after "/program/"
    # name an article (a fix seen on those two pages): 99 and 748 of 799 (93.6%). fresh66
    # to fresh69 (102 pages, stop 38) joined them the same way: 97 kept (95.1%), the
    # held-out pages 845 of 901 (93.8%); fresh70 to fresh73 (101 pages): 95 kept (94.1%),
    # the held-out pages 940 of 1,002 (93.8%); fresh74 to fresh77 (105 pages): 94 kept
    # (89.5%), the held-out pages 1,034 of 1,107 (93.4%); fresh78 to fresh81 (96 pages):
    # 93 kept (96.9%), the held-out pages 1,127 of 1,203 (93.7%); fresh82 to fresh101 (475
    # pages, stop 39): 452 kept (95.2%), the held-out pages 1,579 of 1,678 (94.1%).
    # Stop 40: an organisation describing itself counts only in the text's first 600
    # characters (decided on the tuning pages: 680 -> 687 of 764); held out 1,596 (95.1%).
    # Then list items of an argument's length ending like sentences are no listing
    # (decided on the tuning pages: 697 of 764, 91.2%); held out 1,610 (95.9%). fresh102
    # to fresh105 (102 pages) then joined the held-out pages: 96
    # kept (94.1%), the held-out pages 1,706 of 1,780 (95.8%); fresh106 to fresh109 (97
    # pages): 92 kept (94.8%), the held-out pages 1,798 of 1,877 (95.8%). Stop 41:
    # fresh110 to fresh113 (95 pages): 94 kept, the held-out pages 1,892 of 1,972 (95.9%).
    # Then fresh34 to fresh105, opened for the tagger, became the text model's tuning
    # pages, refitted on them: tuning 2,405 of 2,544 (94.5%), held out (fresh106 to
    # fresh113) 186 of 192 (96.9%), as before the refit. fresh114 to fresh117 (99 pages)
    # joined the held-out pages: 95 kept, the held-out pages 281 of 291 (96.6%). Stop 42:
    # fresh118 to fresh121 (98 pages) joined them: 95 kept, the held-out pages 376 of 389
    # (96.7%); fresh122 to fresh125 (98 pages): 95 kept, the held-out pages 471 of 487
    # (96.7%). Stop 43: fresh126 to fresh133 (192 pages) joined them; stop 44, fresh134 to
    # fresh164 (747 pages); stop 45, fresh165 to fresh176 (270 pages); stop 46, fresh177 to
    # fresh186 (218 pages).
    assert len(HELD_OUT_COMMENTARY) == 81
    assert kept["tuning"][0] / kept["tuning"][1] >= 0.91, kept
    assert kept["heldout"][0] / kept["heldout"][1] >= 0.95, kept


def test_the_labels_file_is_well_formed() -> None:
    for row in json.loads(TEXT_ARTICLES.read_text("utf-8"))["pages"]:
        assert row["label"] == "article"
        assert row["split"] in (*TEXT_FRESH_SPLITS, split_of(row["url"])), row["url"]
        assert len(row["sha256"]) == 64 and "text" not in row
    doc = json.loads(LABELS.read_text("utf-8"))
    rows = doc["pages"]
    assert len(rows) >= 100
    for row in rows:
        assert row["label"] == "not-article"
        if row["split"] not in ("fresh", *TEXT_FRESH_SPLITS):
            assert row["split"] == split_of(row["url"] or Path(row["file"]).name)
        assert len(row["sha256"]) == 64 and row["kind"]


@pytest.mark.parametrize(
    "split, fewest",
    [
        ("fresh3", (60, 25)),
        ("fresh4", (65, 28)),
        ("fresh5", (26, 11)),
        ("fresh6", (32, 13)),
        ("fresh7", (28, 15)),
        ("fresh8", (24, 15)),
        ("fresh9", (19, 15)),
        ("fresh10", (29, 15)),
        ("fresh11", (33, 14)),
        ("fresh12", (34, 15)),
        ("fresh13", (28, 14)),
        ("fresh14", (17, 15)),
        ("fresh15", (28, 15)),
        ("fresh16", (29, 13)),
        ("fresh17", (22, 15)),
        ("fresh18", (22, 15)),
        ("fresh19", (26, 15)),
        ("fresh20", (19, 15)),
        ("fresh21", (35, 7)),
        ("fresh22", (35, 12)),
        ("fresh23", (35, 11)),
        ("fresh24", (35, 8)),
        ("fresh25", (35, 13)),
        ("fresh26", (35, 10)),
    ],
)
def test_a_fresh_split_is_read_as_labelled(split: str, fewest: tuple[int, int]) -> None:
    """The sixth and eighth rounds' splits: their rows have the fields of the fifth round's, name their
    cached text by the address's hash, and (where the cache is there) the bench's loaders
    read each page with its split and only when its bytes are the labelled ones. Nothing
    is judged here."""
    from bench.eval_articles import SPLITS, real_nonarticle_pages, text_article_pages

    assert split in SPLITS
    usable = {}
    for path, label, cache in (
        (LABELS, "not-article", EVALCACHE),
        (TEXT_ARTICLES, "article", ARTICLE_CACHE),
    ):
        rows = json.loads(path.read_text("utf-8"))["pages"]
        fields = {frozenset(r) for r in rows if r["split"] == "fresh2"}
        fresh = [r for r in rows if r["split"] == split]
        for row in fresh:
            assert frozenset(row) in fields, row["url"]
            assert (row["label"], row["source"], row["format"]) == (label, "pages", "text")
            assert row["file"] == hashlib.sha256(row["url"].encode()).hexdigest()[:16] + ".txt"
            assert len(row["sha256"]) == 64 and row["kind"]
        assert len({r["url"] for r in fresh}) == len(fresh)
        assert len(fresh) >= fewest[label == "article"], (label, len(fresh))
        found, _ = usable_rows(path, cache) if cache.exists() else ([], [])
        usable[label] = {r["url"] for r in found if r["split"] == split}
        # A cached text of this split that is there but is not the labelled one (another
        # capture) would need labelling again: an error, not a page to leave out.
        differ = [
            r["file"]
            for r in fresh
            if (cache / r["file"]).exists() and r["url"] not in usable[label]
        ]
        assert not differ, (label, differ)
    if not usable["not-article"] or not usable["article"]:
        pytest.skip(
            f"the {split} texts are not in {EVALCACHE.parent} as labelled (kept off the repo)"
        )
    # The loaders read exactly the pages found as labelled, each with its split. On the
    # machine where they were labelled (2026-12-04) that is all 65 and all 28 of fresh3,
    # all 70 and all 30 of fresh4.
    pages = [p for p in real_nonarticle_pages(SHARED, EVALCACHE) if p.split == split]
    texts = [p for p in text_article_pages(ARTICLE_CACHE) if p.split == split]
    assert {p.key for p in pages} == usable["not-article"]
    assert {p.key for p in texts} == usable["article"]
    assert all(p.text and p.label == "not-article" for p in pages)
    assert all(p.text and p.label == "article" for p in texts)


def test_the_bench_runs_as_a_subprocess() -> None:
    data = shared_path()
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "eval_articles.py"),
            "--data",
            str(data),
            "--limit",
            "5",
            "--json",
            "--audit",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    sets = {(row["set"], row["split"]) for row in result["pages"]}
    assert ("synthetic", "-") in sets and ("real-html", "tuning") in sets
    assert {"aeb", "readability", "mediacloud"} <= {s for s, _ in sets}
    assert all(entry["agreement"] >= 0.97 for entry in result["urls"].values())
    assert set(result["urls_heldout"]) == set(result["urls"])
    assert set(result["urls_heldout2"]) == set(result["urls"])
    assert {"tuning", "heldout"} <= set(result["audited"]["articles"])


def test_a_page_address_that_cannot_be_split_is_judged_not_raised() -> None:
    """``urlsplit`` raises on "https://[ccpa-preferences]/"; a page carrying such an
    address as its own (a WARC record's target, a user's file name) is still judged, and
    not as a home page; a file:// page is judged by its path like any other."""
    prose = "<p>" + "The ministers met again to weigh the costs of the plan. " * 40 + "</p>"
    html = (
        f"<html><head><title>A piece</title></head><body><article>{prose}</article></body></html>"
    )
    for url in ("https://[ccpa-preferences]/", "http://[::1", "file:///pages/a-piece.html"):
        info = inspect_page(html, url)
        assert info.is_article, (url, info.reason)


def test_a_judgement_without_links_judges_as_the_full_inspection() -> None:
    """Ingest asks for the judgement alone (``links=False``): the same kind, reason and
    canonical address as the full inspection, on the synthetic pages (with their
    addresses and without, as a saved file has none) and the real ones when present."""
    pages = [((SYNTHETIC / row["file"]).read_text("utf-8"), row["url"]) for row in synthetic()]
    pages += [(html, "") for html, _url in pages]
    data = SHARED / "extraction" / "aeb" / "html"
    if data.is_dir():  # (the real pages only in the dev checkout)
        for path in sorted(data.glob("*.html.gz"))[:20]:
            pages.append((gzip.decompress(path.read_bytes()).decode("utf-8", "replace"), ""))
    for html, url in pages:
        full, alone = inspect_page(html, url), inspect_page(html, url, links=False)
        assert (alone.kind, alone.reason, alone.canonical) == (
            full.kind,
            full.reason,
            full.canonical,
        )
        assert alone.links == [] and alone.next_url is None and alone.feeds == []
    assert any(inspect_page(html, url).links for html, url in pages)  # (links were there)


def test_an_empty_text_is_judged_not_raised() -> None:
    """A stored page whose text is empty or blank (a capture of an empty body) is judged,
    as a page of little running text, instead of stopping the batch."""
    for text in ("", "   \n\n  "):
        info = text_rules(text, "https://t.example/2024/05/the-rota")
        assert not info.is_article and info.reason.startswith("little running text"), info


def test_a_series_title_an_index_of_years_or_an_archive_address_makes_a_listing() -> None:
    """A page titled by what it collects ("Working Papers"), a line of years and nothing
    else (an archive's index), and the addresses of day, label and month archives; an
    article about working papers, or one that names several years in a sentence, stays."""
    intro = (
        "The series carries early versions of the staff's research on orchards and rural "
        "trade, published to invite comment before the final versions appear."
    )
    for title in ("Working Papers", "Working Paper Series", "Policy Briefs", "Research Areas"):
        info = text_rules(f"{title}\n\n{intro}\n\n{ORCHARD}", "https://t.example/x")
        assert info.reason.startswith("a series' or section's own page"), (title, info.reason)
    text = f"Orchard notes\n\n2025, 2024, 2023, 2022, 2021, 2020\n\n{ORCHARD}\n\n{ORCHARD}"
    assert text_rules(text, "https://t.example/x").reason.startswith("an archive's index")
    body = "\n\n".join([ORCHARD] * 8)
    for address in (
        "https://t.example/2014_02_01_archive.html",
        "https://t.example/search/label/cider",
        "https://t.example/2019/04/",
    ):
        assert not text_rules(f"Orchards\n\n{body}", address).is_article, address
    kept = (
        "Why working papers matter to growers",
        "Growers met in 2019, 2020, 2021, 2022 and 2023 to set the rota.",
    )
    for line in kept:
        info = text_rules(f"{line}\n\n{body}", "https://t.example/2019/04/why-papers")
        assert info.is_article, (line, info.reason)


def test_an_event_page_its_invitation_or_its_dated_hours_make_a_listing() -> None:
    """An event's own page reads as prose without markup: its invitation words, or its
    hours with the day before them, give it away; a report of an event past does not."""
    invitation = (
        "Join us for the orchard growers' spring meeting in the old barn. Speakers include "
        "the chair of the cider guild and two growers from the valley. Registration is free "
        "and the venue has step-free access.\n\n" + ORCHARD
    )
    info = text_rules(f"Spring meeting of the growers\n\n{invitation}", "https://t.example/x")
    assert info.reason.startswith("an event's own page"), info.reason
    for hours in ("Sunday 2nd October 14:30 \u2013 15:30", "May 4, 2023 | 9:00 - 11:00"):
        text = f"Spring meeting of the growers\n{hours}\n\n{ORCHARD}\n\n{ORCHARD}"
        assert text_rules(text, "https://t.example/x").reason.startswith("an event's hours")
    report = (
        "The growers met in the old barn last spring. The chair of the cider guild spoke "
        "first and argued that the rota had served the valley well for thirty years.\n\n"
        + "\n\n".join([ORCHARD] * 6)
    )
    assert text_rules(f"What the growers decided\n\n{report}", "https://t.example/y").is_article


def test_a_podcasts_own_page_or_its_episode_list_makes_a_listing() -> None:
    show = (
        "Each episode of Orchard Hour looks at one thing the valley grows. Join host Ana "
        "Ruiz as she talks to growers; subscribe wherever you listen.\n\n" + ORCHARD
    )
    info = text_rules(f"Orchard Hour\n\n{show}", "https://t.example/show")
    assert info.reason.startswith("a podcast's own page"), info.reason
    info = text_rules(f"Episodes\n\n{ORCHARD}\n\n{ORCHARD}", "https://t.example/show/list")
    assert info.reason.startswith("a series' or section's own page"), info.reason
    # an article that mentions a podcast once stays an article
    article = "\n\n".join([ORCHARD] * 6) + "\n\nThe growers also started a podcast."
    assert text_rules(f"The presses of the valley\n\n{article}", "https://t.example/a").is_article
