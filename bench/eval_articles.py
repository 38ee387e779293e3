"""Article or not, measured: the page judgement against hand labels, and the site
profiles' article URL patterns against labelled real URLs.

    python bench/eval_articles.py               # tables on stdout
    python bench/eval_articles.py --json        # the figures as JSON
    python bench/eval_articles.py --failures    # also list every page judged wrongly
    python bench/eval_articles.py --limit 10    # the first 10 articles of each set
    python bench/eval_articles.py --audit       # also the figures with the audited labels

Sets (each split into "tuning" and "heldout" by a hash of the page's key, so the
held-out third was never looked at while the judgement was tuned; labelled pages added
later as a set of their own carry its split instead, "fresh" for the HTML pages of
htmldate's test data, "fresh2" for the fifth round's text pages, "fresh3" for the
sixth round's, "fresh4" for the eighth round's, "fresh5" for the eighth text round's
clean test, "fresh6" for the ninth's, "fresh7" for the tenth's (the shipped text
model's clean tests), "fresh8" for the eleventh's, "fresh9" for the twelfth's,
"fresh10" for stop 40's (the address of an organisation's own pages), "fresh11" for
the judgement at the end of stop 40, "fresh12" for the second part of its address
rules, and so on to "fresh21" and "fresh22", stop 45's measure of the judgement as
shipped, "fresh23" and "fresh24", the clean test of a change that stop tried, and
"fresh25" and "fresh26", stop 46's clean measure of the judgement as shipped, each
reported on its own rows):

- articles: every page of ``../shared/data/extraction/aeb`` (181),
  ``extraction/readability`` (130) and ``dates/htmldate-mediacloud`` (200), all real
  articles, judged by ``inspect_page`` with the page's own address when the set gives one
  (as a crawl or a WARC does) and a ``file://`` address otherwise (as a saved file);
- real non-articles: the hand-labelled pages of ``tests/data/articles/nonarticles.json``:
  anti-bot pages from ``../shared/data/thinktanks/antibot`` (HTML, ``inspect_page``) and
  listing, tag, topic, author, search, event, home and error pages from the search tool's
  stored pages corpus, kept outside the repository in ``/work/evalcache/nonarticles``
  (text without markup, ``inspect_text``);
- real text articles: the hand-labelled commentaries, op-eds and blog posts of
  ``tests/data/articles/text_articles.json``, known by the stored pages corpus's text of
  them (kept in ``/work/evalcache/articles``, ``inspect_text``): whether the text judgement
  keeps articles as well as it rejects listings;
- synthetic non-articles: ``tests/data/nonarticles/*.html`` (original pages, always there);
- articles as text (``as-text``): the article sets' pages as a search engine's stored copy
  holds a page, their main text without markup (trafilatura's extraction) cut to its first
  2,000 characters, judged by ``inspect_text``; pages the audit finds are not articles and
  pages with less than 200 characters of main text are left out. The labelled text
  articles are few (under 100); these are 500+ real articles of many sites, so a rule of
  the text judgement that takes an article's shape for a listing's shows here. Reported
  on rows of their own, outside the "all article" lines (those are the HTML judgement's).
- think-tank texts (``commentary``): the texts labelled for the tagger
  (``tests/data/enrichment/real_labels_fresh*.json``, kept in
  ``/work/evalcache/enrichment``), each a commentary or analysis of 200 words or more as
  the stored pages corpus keeps it, judged by ``inspect_text``. Held out: the tagger's
  newest clean splits (``HELD_OUT_COMMENTARY``), which the text model is never fitted on.
  Rows of their own, outside the "all article" lines.

``--audit [FILE]`` adds the figures with the labels as corrected page by page (default
``tests/data/articles/audit.json``): each page of the article sets that the judgement
rejects was read by hand, and an entry with the verdict "not-article" says the set holds
a page that is not an article (an anti-bot stub, a search result, a home page, a
library's unit-test page); such pages are then counted apart, as non-articles of the
article sets, and left out of the articles' rates. An entry with the verdict "article"
is a real miss (nothing is corrected). An entry naming a page the sets do not hold, or
with another split than the page's, is an error: the audit was made on other data.

URL patterns: ``tests/data/sites/urls.json`` lists real URLs of the profiled think tanks,
each labelled article or not by hand; the table gives each profile's agreement. The
patterns were rewritten from that set's misses, so a second table gives the agreement on
``tests/data/sites/urls_heldout.json``: other real URLs of the same sites, gathered by
fixed queries and labelled before the patterns were run on them. That set's first run
led to pattern fixes too, so a third block gives the agreement on
``tests/data/sites/urls_heldout2.json``: a second held-out set, gathered and labelled the
same way and never used to write or tune the patterns (reported as skipped when absent).

Third-party pages are read at run time and never copied into the project; a set whose
folder is absent is reported as skipped.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.eval_extraction import aeb_cases, mediacloud_cases, readability_cases  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data"
DEFAULT_CACHE = Path("/work/evalcache/nonarticles")
LABELS = ROOT / "tests" / "data" / "articles" / "nonarticles.json"
TEXT_ARTICLES = ROOT / "tests" / "data" / "articles" / "text_articles.json"
DEFAULT_ARTICLE_CACHE = Path("/work/evalcache/articles")
DEFAULT_COMMENTARY_CACHE = Path("/work/evalcache/enrichment")
ENRICHMENT_LABELS = ROOT / "tests" / "data" / "enrichment"
COMMENTARY = "commentary"
# The tagger's newest clean splits: never fitted on by the text model either. (Until stop
# 41, fresh34 to fresh105 were held out too; they were opened for the tagger, and the text
# model is now fitted on them. fresh118 to fresh125 joined them at stop 42, fresh126 to
# fresh133 at stop 43, fresh134 to fresh164 at stop 44, fresh165 to fresh176 at stop 45,
# fresh177 to fresh186 at stop 46.)
HELD_OUT_COMMENTARY = frozenset(f"fresh{n}" for n in range(106, 187))
SYNTHETIC = ROOT / "tests" / "data" / "nonarticles"
AS_TEXT = "as-text"
AS_TEXT_CHARS = 2000  # about what the stored pages corpus keeps of a page's text
AS_TEXT_MIN = 200  # characters of main text below which a page is left out
DEFAULT_AUDIT = ROOT / "tests" / "data" / "articles" / "audit.json"
ARTICLE_SETS = ("aeb", "readability", "mediacloud", "text-articles")
URLS = ROOT / "tests" / "data" / "sites" / "urls.json"
HELDOUT_URLS = ROOT / "tests" / "data" / "sites" / "urls_heldout.json"
HELDOUT2_URLS = ROOT / "tests" / "data" / "sites" / "urls_heldout2.json"


def split_of(key: str) -> str:
    """The held-out third: a fixed hash of the page's key, never chosen by hand."""
    return "heldout" if int(hashlib.sha256(key.encode()).hexdigest(), 16) % 3 == 0 else "tuning"


@dataclass
class Page:
    set: str
    key: str
    label: str  # "article" or "not-article"
    split: str
    html: str | None = None
    text: str | None = None
    url: str | None = None
    kind: str = ""


@dataclass
class Tally:
    set: str
    split: str
    label: str
    total: int = 0
    right: int = 0
    misses: list[dict[str, str]] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.right / self.total if self.total else 0.0


def article_pages(data: Path, limit: int | None = None) -> Iterator[Page]:
    for name, cases in (
        ("aeb", aeb_cases),
        ("readability", readability_cases),
        ("mediacloud", mediacloud_cases),
    ):
        for number, case in enumerate(cases(data)):
            if limit is not None and number >= limit:
                break
            yield Page(
                name,
                case.id,
                "article",
                split_of(f"{name}/{case.id}"),
                html=case.html,
                url=case.url or f"file:///pages/{case.id}.html",
            )


def real_nonarticle_pages(
    data: Path, cache: Path, unusable: list[str] | None = None
) -> Iterator[Page]:
    """The labelled real non-article pages found with the content they were labelled
    on; each page missing, or whose bytes differ from the labelled ones (its sha256),
    is left out and named in ``unusable`` ("<split>: <path>: <why>"). Rows of earlier
    rounds whose text was never found again on this machine are expected there (the
    labels file's "about" says which rounds; their hash is kept, their text is not
    invented)."""
    labels = json.loads(LABELS.read_text("utf-8"))["pages"]
    for row in labels:
        path = data / row["file"] if row["source"] == "shared" else cache / row["file"]
        if not path.exists():
            if unusable is not None and cache.exists():
                unusable.append(f"{row['split']}: {path}: missing")
            continue
        raw = path.read_bytes()
        if hashlib.sha256(raw).hexdigest() != row["sha256"]:
            if unusable is not None:
                unusable.append(f"{row['split']}: {path}: differs from the labelled page (sha256)")
            continue
        text = raw.decode("utf-8", "replace")
        url = row["url"] or f"file:///pages/{Path(row['file']).name}"
        is_html = row["format"] == "html"
        yield Page(
            "real-" + ("html" if is_html else "text"),
            row["url"] or row["file"],
            row["label"],
            row["split"],
            html=text if is_html else None,
            text=None if is_html else text,
            url=url,
            kind=row["kind"],
        )


def unusable_counts(unusable: list[str]) -> str:
    """The unusable pages counted by split and reason ("tuning missing 107, ...")."""
    counts: dict[str, int] = {}
    for entry in unusable:
        split, _, why = entry.split(": ", 2)
        key = f"{split} {'missing' if why == 'missing' else 'differs'}"
        counts[key] = counts.get(key, 0) + 1
    return ", ".join(f"{key} {n}" for key, n in sorted(counts.items()))


def text_article_pages(cache: Path, unusable: list[str] | None = None) -> Iterator[Page]:
    """The labelled real articles known by their text, found as labelled (sha256)."""
    for row in json.loads(TEXT_ARTICLES.read_text("utf-8"))["pages"]:
        path = cache / row["file"]
        raw = path.read_bytes() if path.exists() else None
        if raw is None or hashlib.sha256(raw).hexdigest() != row["sha256"]:
            if unusable is not None and cache.exists():
                why = "missing" if raw is None else "differs (sha256)"
                unusable.append(f"{row['split']}: {path}: {why}")
            continue
        yield Page(
            "text-articles",
            row["url"],
            "article",
            row["split"],
            text=raw.decode("utf-8", "replace"),
            url=row["url"],
            kind=row["kind"],
        )


def commentary_text_pages(cache: Path) -> Iterator[Page]:
    """The think-tank texts labelled for the tagger (``tests/data/enrichment/
    real_labels_fresh*.json``), found in ``cache`` as labelled: each was taken as a
    commentary or analysis text of 200 words or more, so each is an article known by its
    stored text. Split "heldout" for the tagger's newest clean splits
    (``HELD_OUT_COMMENTARY``), "tuning" otherwise. A few are tag or section pages whose
    stored text opens with one whole piece (their label files say so); they count as
    articles here."""
    for path in sorted(ENRICHMENT_LABELS.glob("real_labels_fresh*.json")):
        for row in json.loads(path.read_text("utf-8"))["documents"]:
            if "file" not in row or "sha256" not in row:
                continue
            file = cache / row["file"]
            raw = file.read_bytes() if file.is_file() else None
            if raw is None or hashlib.sha256(raw).hexdigest() != row["sha256"]:
                continue
            split = row.get("split") or path.stem.removeprefix("real_labels_")
            yield Page(
                COMMENTARY,
                row["url"],
                "article",
                "heldout" if split in HELD_OUT_COMMENTARY else "tuning",
                text=raw.decode("utf-8", "replace"),
                url=row["url"],
            )


def article_text_renderings(
    data: Path, limit: int | None = None, audit: Path = DEFAULT_AUDIT
) -> Iterator[Page]:
    """The real articles of the HTML sets known by their text only: trafilatura's main text
    of each page (no markup), its first ``AS_TEXT_CHARS`` characters, with the page's own
    address. Pages the audit finds are not articles, and pages with less than
    ``AS_TEXT_MIN`` characters of main text, are left out."""
    import trafilatura

    entries = json.loads(audit.read_text("utf-8"))["entries"] if audit.exists() else []
    not_articles = {(e["set"], e["page"]) for e in entries if e["verdict"] == "not-article"}
    for page in article_pages(data, limit):
        if (page.set, page.key) in not_articles:
            continue
        text = trafilatura.extract(page.html or "") or ""
        if len(text) < AS_TEXT_MIN:
            continue
        yield Page(
            AS_TEXT,
            f"{page.set}/{page.key}",
            "article",
            page.split,
            text=text[:AS_TEXT_CHARS],
            url=page.url,
        )


def synthetic_pages() -> Iterator[Page]:
    for row in json.loads((SYNTHETIC / "pages.json").read_text("utf-8")):
        html = (SYNTHETIC / row["file"]).read_text("utf-8")
        yield Page("synthetic", row["file"], "not-article", "-", html=html, url=row["url"])


def judged(page: Page) -> tuple[bool, str]:
    from corpus_search.sites.pages import inspect_page, inspect_text

    url = page.url or ""
    info = (
        inspect_page(page.html, url)
        if page.html is not None
        else inspect_text(page.text or "", url)
    )
    return info.is_article, info.reason


@dataclass
class Verdict:
    page: Page
    is_article: bool
    reason: str


def verdicts(pages: Iterator[Page]) -> list[Verdict]:
    return [Verdict(page, *judged(page)) for page in pages]


def tally(
    results: list[Verdict], audit: dict[tuple[str, str], dict[str, str]] | None = None
) -> dict[tuple[str, str], Tally]:
    """The rates by set and split; with ``audit``, a page of the article sets that the
    audit finds is not an article goes to a set of its own (``<set>-not``), labelled
    not-article."""
    tallies: dict[tuple[str, str], Tally] = {}
    for result in results:
        page, label, name = result.page, result.page.label, result.page.set
        entry = (audit or {}).get((page.set, page.key))
        if entry and entry["verdict"] == "not-article":
            label, name = "not-article", f"{page.set}-not"
        tally = tallies.setdefault((name, page.split), Tally(name, page.split, label))
        tally.total += 1
        if result.is_article == (label == "article"):
            tally.right += 1
        else:
            tally.misses.append(
                {
                    "key": page.key,
                    "url": page.url or "",
                    "reason": result.reason,
                    "kind": page.kind,
                }
            )
    return tallies


def evaluate(pages: Iterator[Page]) -> dict[tuple[str, str], Tally]:
    return tally(verdicts(pages))


def load_audit(path: Path, data: Path | None = None) -> dict[tuple[str, str], dict[str, str]]:
    """The audit's entries by (set, page id). With ``data``, each entry is checked
    against the sets: the page must be there, in the split the entry names."""
    entries: dict[tuple[str, str], dict[str, str]] = {}
    for entry in json.loads(path.read_text("utf-8"))["entries"]:
        key = (entry["set"], entry["page"])
        if key in entries:
            raise ValueError(f"{path}: {key} is audited twice")
        if entry["verdict"] not in ("article", "not-article"):
            raise ValueError(f"{path}: {key}: unknown verdict {entry['verdict']!r}")
        if entry["split"] != split_of(f"{entry['set']}/{entry['page']}"):
            raise ValueError(f"{path}: {key}: split {entry['split']!r} is not the page's")
        entries[key] = entry
    if data is not None:
        held = {(page.set, page.key) for page in article_pages(data)}
        missing = sorted(set(entries) - held)
        if missing:
            raise ValueError(f"{path}: pages not in the sets of {data}: {missing}")
    return entries


SPLITS = (
    "tuning",
    "heldout",
    "fresh",
    "fresh2",
    "fresh3",
    "fresh4",
    "fresh5",
    "fresh6",
    "fresh7",
    "fresh8",
    "fresh9",
    "fresh10",
    "fresh11",
    "fresh12",
    "fresh13",
    "fresh14",
    "fresh15",
    "fresh16",
    "fresh17",
    "fresh18",
    "fresh19",
    "fresh20",
    "fresh21",
    "fresh22",
    "fresh23",
    "fresh24",
    "fresh25",
    "fresh26",
)


def summary(tallies: dict[tuple[str, str], Tally], sets: tuple[str, ...]) -> dict[str, Any]:
    """Pages and pages judged right by split, over the tallies of ``sets`` (tuning and
    held-out always, a fresh split when the sets hold one)."""
    out: dict[str, Any] = {}
    held = {t.split for t in tallies.values() if t.set in sets}
    for split in (s for s in SPLITS if s in ("tuning", "heldout") or s in held):
        part = [t for t in tallies.values() if t.set in sets and t.split == split]
        n, r = sum(t.total for t in part), sum(t.right for t in part)
        out[split] = {"total": n, "right": r, "rate": round(r / n, 4) if n else 0.0}
    return out


def url_agreement(path: Path = URLS) -> dict[str, dict[str, Any]]:
    """Each profile's agreement with the hand labels of the URL set at ``path``."""
    from corpus_search.sites import load_profiles

    profiles = load_profiles()
    rows = json.loads(path.read_text("utf-8"))["urls"]
    out: dict[str, dict[str, Any]] = {}
    for row in rows:
        entry = out.setdefault(row["site"], {"total": 0, "agree": 0, "articles": 0, "misses": []})
        said = profiles[row["site"]].is_article_url(row["url"])
        entry["total"] += 1
        entry["articles"] += row["label"] == "article"
        if said == (row["label"] == "article"):
            entry["agree"] += 1
        else:
            entry["misses"].append({"url": row["url"], "label": row["label"]})
    for entry in out.values():
        entry["agreement"] = entry["agree"] / entry["total"] if entry["total"] else 0.0
    return out


def url_table(tables: dict[str, dict[str, dict[str, Any]]]) -> str:
    """The per-profile agreement on each URL set, side by side: the original set (the
    patterns were fitted to it), then the held-out sets, one column block each, keyed by
    the block's heading."""
    cols = f"{'urls':>5}{'articles':>9}{'agree':>7}{'rate':>7}"
    head = f"{'':<16}" + "  ".join(f"{heading:^28}" for heading in tables)
    lines = [head, f"{'profile':<16}" + "  ".join(cols for _ in tables)]
    empty = {"total": 0, "articles": 0, "agree": 0, "agreement": 0.0}
    names = sorted({name for table in tables.values() for name in table})
    for name in names:
        cells = []
        for table in tables.values():
            e = table.get(name, empty)
            rate = f"{e['agreement']:7.1%}" if e["total"] else f"{'-':>7}"
            cells.append(f"{e['total']:>5}{e['articles']:>9}{e['agree']:>7}{rate}")
        lines.append(f"{name:<16}" + "  ".join(cells))
    for heading, table in tables.items():
        n = sum(e["total"] for e in table.values())
        r = sum(e["agree"] for e in table.values())
        lines.append(
            f"all {heading}: {r} of {n} agree ({r / n:.1%})" if n else f"all {heading}: none"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--article-cache", type=Path, default=DEFAULT_ARTICLE_CACHE)
    parser.add_argument("--commentary-cache", type=Path, default=DEFAULT_COMMENTARY_CACHE)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--failures", action="store_true")
    parser.add_argument("--limit", type=int, help="only the first N articles of each set")
    parser.add_argument(
        "--audit",
        type=Path,
        nargs="?",
        const=DEFAULT_AUDIT,
        help=f"also the figures with the audited labels (default {DEFAULT_AUDIT.name})",
    )
    args = parser.parse_args(argv)

    skipped: list[str] = []
    tallies: dict[tuple[str, str], Tally] = {}
    audited: dict[tuple[str, str], Tally] = {}
    if args.data.exists():
        results = verdicts(article_pages(args.data, args.limit))
        tallies |= tally(results)
        if args.audit:
            audit = load_audit(args.audit, None if args.limit else args.data)
            audited = tally(results, audit)
        unusable: list[str] = []
        tallies |= evaluate(real_nonarticle_pages(args.data, args.cache, unusable))
        if not args.cache.exists():
            skipped.append(f"real text non-articles: {args.cache} absent")
        elif unusable:
            skipped.append(
                f"real non-articles: {len(unusable)} labelled pages missing from {args.cache} "
                f"or not as labelled (left out of the tables): {unusable_counts(unusable)}"
            )
        missing: list[str] = []
        tallies |= evaluate(text_article_pages(args.article_cache, missing))
        if not args.article_cache.exists():
            skipped.append(f"real text articles: {args.article_cache} absent")
        elif missing:
            skipped.append(
                f"real text articles: {len(missing)} labelled pages missing from "
                f"{args.article_cache} or not as labelled (left out of the tables): "
                f"{unusable_counts(missing)}"
            )
        tallies |= evaluate(article_text_renderings(args.data, args.limit))
        tallies |= evaluate(commentary_text_pages(args.commentary_cache))
        if not args.commentary_cache.exists():
            skipped.append(f"think-tank texts ({COMMENTARY}): {args.commentary_cache} absent")
    else:
        skipped.append(f"real pages: {args.data} absent")
    tallies |= evaluate(synthetic_pages())
    if audited:
        audited |= {key: t for key, t in tallies.items() if t.set == "text-articles"}
    urls = url_agreement()
    heldout_urls = url_agreement(HELDOUT_URLS)
    heldout2_urls: dict[str, dict[str, Any]] = {}
    if HELDOUT2_URLS.exists():
        heldout2_urls = url_agreement(HELDOUT2_URLS)
    else:
        skipped.append(f"second held-out URL set: {HELDOUT2_URLS} absent")

    if args.json:
        print(
            json.dumps(
                {
                    "pages": [
                        {
                            "set": t.set,
                            "split": t.split,
                            "label": t.label,
                            "total": t.total,
                            "right": t.right,
                            "rate": round(t.rate, 4),
                            **({"misses": t.misses} if args.failures else {}),
                        }
                        for t in tallies.values()
                    ],
                    "urls": {
                        k: {**v, "misses": v["misses"] if args.failures else len(v["misses"])}
                        for k, v in sorted(urls.items())
                    },
                    "urls_heldout": {
                        k: {**v, "misses": v["misses"] if args.failures else len(v["misses"])}
                        for k, v in sorted(heldout_urls.items())
                    },
                    "urls_heldout2": {
                        k: {**v, "misses": v["misses"] if args.failures else len(v["misses"])}
                        for k, v in sorted(heldout2_urls.items())
                    },
                    "skipped": skipped,
                    **(
                        {
                            "audited": {
                                "articles": summary(audited, ARTICLE_SETS),
                                "not_articles_in_article_sets": summary(
                                    audited, tuple(f"{n}-not" for n in ARTICLE_SETS[:3])
                                ),
                            }
                        }
                        if audited
                        else {}
                    ),
                },
                indent=1,
            )
        )
        return 0
    print(f"{'set':<14}{'split':<9}{'label':<13}{'pages':>6}{'kept':>6}{'rejected':>10}  rate")
    for label in ("article", "not-article"):
        for t in sorted(
            (t for t in tallies.values() if t.label == label), key=lambda t: (t.set, t.split)
        ):
            kept = t.right if label == "article" else t.total - t.right
            word = "kept" if label == "article" else "rejected"
            print(
                f"{t.set:<14}{t.split:<9}{label:<13}{t.total:>6}{kept:>6}{t.total - kept:>10}"
                f"  {t.rate:6.1%} {word}"
            )
        subtotal = [
            t for t in tallies.values() if t.label == label and t.set not in (AS_TEXT, COMMENTARY)
        ]
        for split in SPLITS:
            part = [t for t in subtotal if t.split == split]
            if part:
                n, r = sum(t.total for t in part), sum(t.right for t in part)
                print(f"{'  all ' + label:<22}{split:<13}{n:>6}{'':>16}  {r / n:6.1%} right")
    print()
    url_tables = {"urls.json (fitted)": urls, "urls_heldout.json": heldout_urls}
    if heldout2_urls:
        url_tables["urls_heldout2.json"] = heldout2_urls
    print(url_table(url_tables))
    if audited:
        print()
        print(f"with the audited labels ({args.audit}):")
        for t in sorted(audited.values(), key=lambda t: (t.label, t.set, t.split)):
            if t.set.endswith("-not") or t.set in ARTICLE_SETS[:3]:
                word = "kept" if t.label == "article" else "rejected"
                print(
                    f"{t.set:<16}{t.split:<9}{t.label:<13}{t.total:>6}{t.right:>6} {word}"
                    f"  {t.rate:6.1%}"
                )
        for split, row in summary(audited, ARTICLE_SETS).items():
            print(
                f"  all articles, audited, {split}: {row['right']} of "
                f"{row['total']} kept ({row['rate']:.1%})"
            )
    for line in skipped:
        print(f"skipped: {line}")
    if args.failures:
        print()
        for t in tallies.values():
            for miss in t.misses:
                print(
                    f"{t.set}/{t.split}: {miss['key'][:40]} {miss['url'][:90]} | {miss['reason']}"
                )
        for split, table in (
            ("tuning", urls),
            ("heldout", heldout_urls),
            ("heldout2", heldout2_urls),
        ):
            for name, e in sorted(table.items()):
                for miss in e["misses"]:
                    print(f"url {split} {name}: {miss['label']}: {miss['url']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
