"""The crawler's politeness and limits, measured on loopback sites (no network).

    python bench/crawl_politeness.py            # a Markdown report on stdout
    python bench/crawl_politeness.py --json     # the figures as JSON

Run from the repository root. It serves, on 127.0.0.1, the hostile site of
``tests/crawl/test_hostile.py`` (robots.txt disallowing /private/, slow and dripping
responses, a redirect loop, a redirect chain, a 50 MB body declared and one streamed, a
50 MB gzip bomb, wrong content types, 429 with Retry-After, 503, 404, non-UTF-8 and
broken pages, Cloudflare challenges, an endless calendar) and the bundled demo site, and
measures what the crawler did from the servers' own request logs: requests to the
disallowed folder, the smallest gap between two requests to the host against the delay,
the peak memory (tracemalloc) of fetching each oversized body with a 1 MB and the
default 20 MB limit, how the calendar and the loop ended, every failure with its reason,
and a crawl killed after its first committed batch, then re-run.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import itertools

from corpus_search import Corpus
from corpus_search.crawl import CrawlOptions
from corpus_search.crawl.fetch import Fetcher, FetchError, FetchLimits
from corpus_search.crawl.urls import Scope
from corpus_search.demo.site import build_site, serve_site
from tests.crawl.server import serve
from tests.crawl.test_hostile import DELAY, PATHS, hostile_site, options
from tests.crawl.test_interrupt import PAGES, article_site, indexed_keys, start_crawl

MB = 1024 * 1024


def hostile(work: Path) -> dict[str, Any]:
    site = hostile_site()
    with serve(site):
        started = time.monotonic()
        report = Corpus.open(work / "hostile", create=True).crawl(options(site))
        took = time.monotonic() - started
    busy = [e.at for e in site.log if e.path == PATHS["busy"]]
    arrivals = sorted(e.at for e in site.log)
    gaps = [b - a for a, b in itertools.pairwise(arrivals)]
    return {
        "pages_in_sitemap": report.found,
        "requests": len(site.log),
        "requests_to_disallowed_folder": sum(p.startswith("/private/") for p in site.paths()),
        "delay_s": DELAY,
        "min_gap_between_requests_s": round(min(gaps), 4),
        "retry_after_1s_waited_s": round(busy[1] - busy[0], 2) if len(busy) == 2 else None,
        "indexed": report.added,
        "not_articles": report.not_articles,
        "failed": len(report.failed),
        "failures": {url.split("/", 3)[3]: reason for url, reason in report.failed},
        "seconds": round(took, 2),
    }


def calendar(work: Path) -> dict[str, Any]:
    site = hostile_site()
    with serve(site):
        report = Corpus.open(work / "calendar", create=True).crawl(
            options(
                site, urls=(site.url("/calendar/2026/11/"),), max_listing_pages=50, dry_run=True
            )
        )
    return {
        "calendar_pages_requested": sum(p.startswith("/calendar/") for p in site.paths()),
        "why_it_stopped": report.notes,
    }


def memory() -> dict[str, Any]:
    site = hostile_site()
    out: dict[str, Any] = {}
    with serve(site):
        for limit in (1 * MB, 20 * MB):
            for name in ("huge", "chunked", "bomb"):
                limits = FetchLimits(delay=0.0, max_bytes=limit, total_timeout=30)
                with Fetcher(limits, Scope.for_urls([site.base])) as fetcher:
                    fetcher.robots(site.base)
                    tracemalloc.start()
                    try:
                        fetcher.fetch(site.url(PATHS[name]))
                        reason = "fetched"
                    except FetchError as exc:
                        reason = exc.reason
                    _, peak = tracemalloc.get_traced_memory()
                    tracemalloc.stop()
                out[f"{name} (limit {limit // MB} MB)"] = {
                    "peak_MB": round(peak / MB, 2),
                    "outcome": reason,
                }
    return out


def demo(work: Path) -> dict[str, Any]:
    root = work / "demo-site"
    build_site(root)
    corpus = Corpus.open(work / "demo", create=True)
    with serve_site(root) as base:
        first = corpus.crawl(CrawlOptions(urls=(base + "/",), delay=0.0))
        again = corpus.crawl(CrawlOptions(urls=(base + "/",), delay=0.0))
        polite = Corpus.open(work / "demo-polite", create=True).crawl(
            CrawlOptions(urls=(base + "/meridian/",), delay=0.2)
        )
    return {
        "first_run": {
            "added": first.added,
            "requests": first.requests,
            "seconds": round(first.seconds, 2),
        },
        "second_run": {
            "skipped": again.skipped,
            "requests": again.requests,
            "seconds": round(again.seconds, 2),
        },
        "one_tank_at_0.2s_delay": {
            "added": polite.added,
            "requests": polite.requests,
            "seconds": round(polite.seconds, 2),
        },
    }


def interrupted(work: Path) -> dict[str, Any]:
    index = work / "killed"
    site = article_site()
    with serve(site):
        process = start_crawl(index, site)
        deadline = time.monotonic() + 60
        while len(indexed_keys(index)) < 20 and time.monotonic() < deadline:
            time.sleep(0.02)
        os.kill(process.pid, signal.SIGKILL)
        process.communicate()
        committed = indexed_keys(index)
        in_index = len(Corpus.open(index))
        before = len(site.log)
        report = Corpus.open(index).crawl(CrawlOptions(urls=(site.url("/sitemap.xml"),), delay=0.0))
        again = {site.base + p for p in site.paths()[before:] if p.startswith("/analysis/")}
    return {
        "pages": PAGES,
        "committed_before_kill": len(committed),
        "documents_in_index_after_kill": in_index,
        "rerun_fetched": report.fetched,
        "rerun_skipped": report.skipped,
        "committed_pages_fetched_again": len(again & committed),
        "documents_after_rerun": len(Corpus.open(index)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        figures = {
            "hostile": hostile(work),
            "calendar": calendar(work),
            "memory": memory(),
            "demo": demo(work),
            "interrupted": interrupted(work),
        }
    if args.json:
        print(json.dumps(figures, indent=2, ensure_ascii=False))
        return
    h = figures["hostile"]
    print(f"## Hostile site (loopback, {h['pages_in_sitemap']} URLs in its sitemap)\n")
    print(
        f"- requests: {h['requests']}; to the robots.txt-disallowed folder: {h['requests_to_disallowed_folder']}"
    )
    print(
        f"- smallest gap between two requests: {h['min_gap_between_requests_s']} s (delay {h['delay_s']} s)"
    )
    print(f"- 429 with Retry-After: 1, retried after {h['retry_after_1s_waited_s']} s")
    print(
        f"- indexed {h['indexed']}, not articles {h['not_articles']}, failed {h['failed']}, in {h['seconds']} s\n"
    )
    print("| page | reason recorded |\n|---|---|")
    for path, reason in sorted(h["failures"].items()):
        print(f"| /{path} | {reason} |")
    c = figures["calendar"]
    print(
        f"\n## Endless calendar\n\n- month pages requested: {c['calendar_pages_requested']}; {'; '.join(c['why_it_stopped'])}"
    )
    print("\n## Memory of oversized bodies (tracemalloc peak during the fetch)\n")
    print("| body | peak MB | outcome |\n|---|---|---|")
    for name, row in figures["memory"].items():
        print(f"| {name} | {row['peak_MB']} | {row['outcome']} |")
    d = figures["demo"]
    print("\n## Demo site (48 article pages)\n")
    for name, row in d.items():
        print(f"- {name}: " + ", ".join(f"{k} {v}" for k, v in row.items()))
    i = figures["interrupted"]
    print(
        f"\n## Killed (SIGKILL) after the first committed batch, then re-run ({i['pages']} pages)\n"
    )
    print(", ".join(f"{k.replace('_', ' ')} {v}" for k, v in i.items() if k != "pages"))


if __name__ == "__main__":
    main()
