"""Article or not, measured: the page judgement against hand labels, and the site
profiles' article URL patterns against labelled real URLs.

    python bench/eval_articles.py               # tables on stdout
    python bench/eval_articles.py --json        # the figures as JSON
    python bench/eval_articles.py --failures    # also list every page judged wrongly
    python bench/eval_articles.py --limit 10    # the first 10 articles of each set

Sets (each split into "tuning" and "heldout" by a hash of the page's key, so the
held-out third was never looked at while the judgement was tuned):

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
- synthetic non-articles: ``tests/data/nonarticles/*.html`` (original pages, always there).

URL patterns: ``tests/data/sites/urls.json`` lists real URLs of the profiled think tanks,
each labelled article or not by hand; the table gives each profile's agreement.

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
SYNTHETIC = ROOT / "tests" / "data" / "nonarticles"
URLS = ROOT / "tests" / "data" / "sites" / "urls.json"


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
    is left out and named in ``unusable``."""
    labels = json.loads(LABELS.read_text("utf-8"))["pages"]
    for row in labels:
        path = data / row["file"] if row["source"] == "shared" else cache / row["file"]
        if not path.exists():
            if unusable is not None and cache.exists():
                unusable.append(f"{path}: missing")
            continue
        raw = path.read_bytes()
        if hashlib.sha256(raw).hexdigest() != row["sha256"]:
            if unusable is not None:
                unusable.append(f"{path}: differs from the labelled page (sha256)")
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


def text_article_pages(cache: Path, unusable: list[str] | None = None) -> Iterator[Page]:
    """The labelled real articles known by their text, found as labelled (sha256)."""
    for row in json.loads(TEXT_ARTICLES.read_text("utf-8"))["pages"]:
        path = cache / row["file"]
        raw = path.read_bytes() if path.exists() else None
        if raw is None or hashlib.sha256(raw).hexdigest() != row["sha256"]:
            if unusable is not None and cache.exists():
                unusable.append(f"{path}: {'missing' if raw is None else 'differs (sha256)'}")
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


def evaluate(pages: Iterator[Page]) -> dict[tuple[str, str], Tally]:
    tallies: dict[tuple[str, str], Tally] = {}
    for page in pages:
        tally = tallies.setdefault((page.set, page.split), Tally(page.set, page.split, page.label))
        is_article, reason = judged(page)
        tally.total += 1
        if is_article == (page.label == "article"):
            tally.right += 1
        else:
            tally.misses.append(
                {"key": page.key, "url": page.url or "", "reason": reason, "kind": page.kind}
            )
    return tallies


def url_agreement() -> dict[str, dict[str, Any]]:
    from corpus_search.sites import load_profiles

    profiles = load_profiles()
    rows = json.loads(URLS.read_text("utf-8"))["urls"]
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--article-cache", type=Path, default=DEFAULT_ARTICLE_CACHE)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--failures", action="store_true")
    parser.add_argument("--limit", type=int, help="only the first N articles of each set")
    args = parser.parse_args(argv)

    skipped: list[str] = []
    tallies: dict[tuple[str, str], Tally] = {}
    if args.data.exists():
        tallies |= evaluate(article_pages(args.data, args.limit))
        unusable: list[str] = []
        tallies |= evaluate(real_nonarticle_pages(args.data, args.cache, unusable))
        if not args.cache.exists():
            skipped.append(f"real text non-articles: {args.cache} absent")
        elif unusable:
            skipped.append(
                f"real non-articles: {len(unusable)} labelled pages missing from {args.cache} "
                "or not as labelled (left out of the tables)"
            )
        missing: list[str] = []
        tallies |= evaluate(text_article_pages(args.article_cache, missing))
        if not args.article_cache.exists():
            skipped.append(f"real text articles: {args.article_cache} absent")
        elif missing:
            skipped.append(
                f"real text articles: {len(missing)} labelled pages missing from "
                f"{args.article_cache} or not as labelled (left out of the tables)"
            )
    else:
        skipped.append(f"real pages: {args.data} absent")
    tallies |= evaluate(synthetic_pages())
    urls = url_agreement()

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
                    "skipped": skipped,
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
        subtotal = [t for t in tallies.values() if t.label == label]
        for split in ("tuning", "heldout"):
            part = [t for t in subtotal if t.split == split]
            if part:
                n, r = sum(t.total for t in part), sum(t.right for t in part)
                print(f"{'  all ' + label:<22}{split:<13}{n:>6}{'':>16}  {r / n:6.1%} right")
    print()
    print(f"{'profile':<16}{'urls':>5}{'articles':>9}{'agree':>7}  agreement")
    for name, e in sorted(urls.items()):
        print(f"{name:<16}{e['total']:>5}{e['articles']:>9}{e['agree']:>7}  {e['agreement']:6.1%}")
    for line in skipped:
        print(f"skipped: {line}")
    if args.failures:
        print()
        for t in tallies.values():
            for miss in t.misses:
                print(
                    f"{t.set}/{t.split}: {miss['key'][:40]} {miss['url'][:90]} | {miss['reason']}"
                )
        for name, e in sorted(urls.items()):
            for miss in e["misses"]:
                print(f"url {name}: {miss['label']}: {miss['url']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
