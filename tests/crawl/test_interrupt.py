"""A crawl killed (SIGKILL) or interrupted (Ctrl-C) and then re-run loses nothing already
committed and does not fetch it again. The crawler runs as a real subprocess."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from corpus_search import Corpus
from corpus_search.crawl import CrawlOptions
from tests.crawl.server import LoopbackSite, Reply, Route, article_html, serve

PAGES = 40
GATED_FROM = 10  # pages from this one on wait for the test to open the gate


def gated(reply: Reply, gate: threading.Event) -> Route:
    def answer(_path: str, _headers: dict[str, str]) -> Reply:
        gate.wait(30)
        return reply

    return answer


def article_site(gate: threading.Event | None = None) -> LoopbackSite:
    """A sitemap of PAGES articles. With ``gate``, pages from GATED_FROM on are answered
    only once it is set, so a slow test cannot watch the whole crawl finish before it
    interrupts it."""
    site = LoopbackSite()
    paths = [f"/analysis/2025/{n:02d}/a-commentary-numbered-{n}" for n in range(PAGES)]
    for n, path in enumerate(paths):
        reply = Reply(body=article_html(f"Commentary {n}").encode(), delay=0.03)
        site.route(path, gated(reply, gate) if gate is not None and n >= GATED_FROM else reply)
    urls = "".join(f"<url><loc>{{base}}{p}</loc></url>" for p in paths)

    def sitemap(_p: str, _h: dict[str, str]) -> Reply:
        body = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        return Reply(body=body.replace("{base}", site.base).encode(), content_type="text/xml")

    site.route("/sitemap.xml", sitemap)
    return site


def start_crawl(index: Path, site: LoopbackSite) -> subprocess.Popen[str]:
    env = {**os.environ, "CORPUS_SEARCH_INDEX": str(index)}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "corpus_search",
            "crawl",
            "--url",
            site.url("/sitemap.xml"),
            "--delay",
            "0.02",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def indexed_keys(index: Path) -> set[str]:
    path = index / "crawl" / "state.sqlite"
    if not path.exists():
        return set()
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as db:
            rows = db.execute("SELECT url FROM pages WHERE outcome = 'indexed'").fetchall()
    except sqlite3.OperationalError:
        return set()
    return {row[0] for row in rows}


def wait_until(condition, timeout: float = 30.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.02)


def page_requests(site: LoopbackSite) -> list[str]:
    return [p for p in site.paths() if p.startswith("/analysis/")]


@pytest.mark.parametrize("how", ["kill", "ctrl-c"])
def test_interrupted_crawl_resumes_without_refetching(tmp_path: Path, how: str) -> None:
    index = tmp_path / "ix"
    gate = threading.Event()
    site = article_site(gate)
    with serve(site):
        process = start_crawl(index, site)
        try:
            if how == "kill":
                gate.set()
                wait_until(lambda: len(indexed_keys(index)) >= 20)  # a batch committed
                process.kill()
            else:
                wait_until(lambda: len(page_requests(site)) >= 8)
                process.send_signal(signal.SIGINT)
                time.sleep(0.2)  # let the signal land before the gated pages are answered
                gate.set()
            _, stderr = process.communicate(timeout=30)
        finally:
            if process.poll() is None:
                process.kill()
                process.communicate()
        if how == "ctrl-c":
            assert process.returncode == 130, stderr
            assert "interrupted" in stderr
        committed = indexed_keys(index)
        assert 0 < len(committed) < PAGES, (how, stderr)
        corpus = Corpus.open(index)
        assert len(corpus) == len(committed)  # the index holds what state says, no more
        before = len(site.log)
        report = corpus.crawl(CrawlOptions(urls=(site.url("/sitemap.xml"),), delay=0.0))
        refetched = [
            site.base + p for p in page_requests(site)[len(page_requests(site)) - report.fetched :]
        ]
        again = [p for p in site.paths()[before:] if p.startswith("/analysis/")]
    assert not {site.base + p for p in again} & committed, "a committed page was fetched again"
    assert report.skipped == len(committed) and report.fetched == PAGES - len(committed)
    assert len(Corpus.open(index)) == PAGES
    assert len(refetched) == report.fetched
