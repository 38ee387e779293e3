"""Article or not: the page judgement (``sites.pages.inspect_page`` and ``judge``) on the
synthetic non-article pages (always), on the 511 real articles of ../shared/data and its
real anti-bot pages (when ../shared is there) and on the hand-labelled real non-article
pages kept outside the repository in /work/evalcache (when that folder is there).

The floors pinned below are the rates measured by ``bench/eval_articles.py`` on this
version (see docs/_incoming/h13b.md), a little under the figures, so a change that makes
the judgement worse fails here. Splits: a fixed hash puts a third of each set in a
held-out split that was not looked at while the judgement was tuned."""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from corpus_search.sites.pages import inspect_page, inspect_text, judge, running_text
from tests.conftest import ROOT, SHARED, shared_path

SYNTHETIC = ROOT / "tests" / "data" / "nonarticles"
LABELS = ROOT / "tests" / "data" / "articles" / "nonarticles.json"
EVALCACHE = Path("/work/evalcache/nonarticles")


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
    assert inspect_text(teasers, "https://t.example/topics/x").kind == "listing"
    assert inspect_text(teasers, "https://t.example/latest").kind == "listing"
    assert inspect_text("Page not found\n\nSorry.", "https://t.example/a").kind == "error"
    body = "\n\n".join(" ".join(["alliances"] * 60) + "." for _ in range(6))
    assert inspect_text(f"A title\n\n{body}", "https://t.example/2025/03/a-piece").is_article


# -- real pages, read at run time --------------------------------------------------------


def real_articles(data: Path) -> list[tuple[str, str, str]]:
    """(split, url, html) of the 511 real articles."""
    pages: list[tuple[str, str, str]] = []
    aeb = data / "extraction" / "aeb"
    truth = json.loads((aeb / "ground-truth.json").read_text("utf-8"))
    for page_id in sorted(truth):
        html = decode(gzip.decompress((aeb / "html" / f"{page_id}.html.gz").read_bytes()))
        pages.append((split_of(f"aeb/{page_id}"), truth[page_id]["url"], html))
    folder = data / "extraction" / "readability" / "test-pages"
    for page in sorted(p for p in folder.iterdir() if p.is_dir()):
        html = decode(gzip.decompress((page / "source.html.gz").read_bytes()))
        pages.append(
            (split_of(f"readability/{page.name}"), f"file:///pages/{page.name}.html", html)
        )
    media = data / "dates" / "htmldate-mediacloud"
    truth = json.loads((media / "eval_mediacloud_2020.json").read_text("utf-8"))
    for url, item in sorted(truth.items(), key=lambda kv: kv[1]["file"]):
        path = media / "html" / f"{item['file']}.gz"
        raw = gzip.decompress(path.read_bytes()) if path.exists() else None
        if raw is None:
            continue
        key = item["file"].split(".")[0]
        pages.append((split_of(f"mediacloud/{key}"), url, decode(raw)))
    return pages


def decode(data: bytes) -> str:
    from corpus_search.extract.warc import decode_html

    return decode_html(data)


def test_real_articles_are_kept() -> None:
    data = shared_path()
    pages = real_articles(data)
    assert len(pages) == 511
    kept = {"tuning": [0, 0], "heldout": [0, 0]}
    for split, url, html in pages:
        kept[split][0] += inspect_page(html, url).is_article
        kept[split][1] += 1
    total = sum(k for k, _ in kept.values()) / len(pages)
    # Measured on this version: 498 of 511 (97.5%); tuning 334 of 341 (97.9%), held-out
    # 164 of 170 (96.5%). Seven of the thirteen misses are pages of the sets that are not
    # articles or hold almost no text (two empty Incapsula stubs, a Google Images result,
    # two home pages, a legal notice, a test page with four characters of text).
    assert total >= 0.97, kept
    assert kept["tuning"][0] / kept["tuning"][1] >= 0.975, kept
    assert kept["heldout"][0] / kept["heldout"][1] >= 0.96, kept


def test_real_anti_bot_pages_are_rejected() -> None:
    folder = shared_path("thinktanks", "antibot")
    pages = sorted(folder.glob("*.html"))
    assert len(pages) >= 6
    for path in pages:
        info = inspect_page(path.read_text("utf-8", "replace"), f"file:///pages/{path.name}")
        assert info.kind == "antibot", (path.name, info.reason)


def test_labelled_real_non_articles_are_rejected() -> None:
    if not EVALCACHE.exists():
        pytest.skip(f"labelled non-article pages not found at {EVALCACHE} (kept off the repo)")
    labels = json.loads(LABELS.read_text("utf-8"))["pages"]
    unusable = [
        r["file"]
        for r in labels
        if r["source"] != "shared"
        and (
            not (EVALCACHE / r["file"]).exists()
            or hashlib.sha256((EVALCACHE / r["file"]).read_bytes()).hexdigest() != r["sha256"]
        )
    ]
    if unusable:
        pytest.skip(
            f"{len(unusable)} labelled non-article pages missing from {EVALCACHE} or not the "
            "pages labelled (sha256): the rates hold for the whole labelled set only"
        )
    rows = [r for r in labels if r["source"] == "pages"]
    assert len(rows) >= 90
    rejected = {"tuning": [0, 0], "heldout": [0, 0]}
    for row in rows:
        raw = (EVALCACHE / row["file"]).read_bytes()
        assert hashlib.sha256(raw).hexdigest() == row["sha256"], row["file"]
        info = inspect_text(raw.decode("utf-8"), row["url"])
        rejected[row["split"]][0] += not info.is_article
        rejected[row["split"]][1] += 1
    # Measured on this version: tuning 62 of 63 (98.4%), held-out 29 of 33 (87.9%).
    assert rejected["tuning"][0] / rejected["tuning"][1] >= 0.97, rejected
    assert rejected["heldout"][0] / rejected["heldout"][1] >= 0.85, rejected
    # Real HTML pages (home, legal, archive pages from a public repository's test data),
    # judged once after the first tuning (4 of 13 rejected), then used to tune: 12 of 13.
    fresh = [r for r in labels if r["source"] == "github"]
    assert len(fresh) >= 13
    right = 0
    for row in fresh:
        raw = (EVALCACHE / row["file"]).read_bytes()
        assert hashlib.sha256(raw).hexdigest() == row["sha256"], row["file"]
        url = row["url"] or f"file:///pages/{row['file']}"
        right += not inspect_page(decode(raw), url).is_article
    assert right / len(fresh) >= 0.9, right


def test_the_labels_file_is_well_formed() -> None:
    doc = json.loads(LABELS.read_text("utf-8"))
    rows = doc["pages"]
    assert len(rows) >= 100
    for row in rows:
        assert row["label"] == "not-article"
        if row["split"] != "fresh":
            assert row["split"] == split_of(row["url"] or Path(row["file"]).name)
        assert len(row["sha256"]) == 64 and row["kind"]


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
