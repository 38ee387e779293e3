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
GATED_FROM = 10  # pages from this one on wait for the test to open the gate (Ctrl-C)
KILL_GATED_FROM = 30  # for the kill: past one commit of 20 pages, short of the last


def gated(reply: Reply, gate: threading.Event, most: float = 30.0) -> Route:
    """``reply`` once ``gate`` is set, or after ``most`` seconds."""

    def answer(_path: str, _headers: dict[str, str]) -> Reply:
        gate.wait(most)
        return reply

    return answer


def article_site(
    gate: threading.Event | None = None, gated_from: int = GATED_FROM, most: float = 30.0
) -> LoopbackSite:
    """A sitemap of PAGES articles. With ``gate``, pages from ``gated_from`` on are answered
    only once it is set (or each after ``most`` seconds), so a slow test cannot watch the
    whole crawl finish before it interrupts it."""
    site = LoopbackSite()
    paths = [f"/analysis/2025/{n:02d}/a-commentary-numbered-{n}" for n in range(PAGES)]
    for n, path in enumerate(paths):
        reply = Reply(body=article_html(f"Commentary {n}").encode(), delay=0.03)
        site.route(
            path, gated(reply, gate, most) if gate is not None and n >= gated_from else reply
        )
    urls = "".join(f"<url><loc>{{base}}{p}</loc></url>" for p in paths)

    def sitemap(_p: str, _h: dict[str, str]) -> Reply:
        body = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        return Reply(body=body.replace("{base}", site.base).encode(), content_type="text/xml")

    site.route("/sitemap.xml", sitemap)
    return site


def start_crawl(index: Path, site: LoopbackSite) -> subprocess.Popen[str]:
    env = {**os.environ, "CORPUS_SEARCH_INDEX": str(index)}
    # A shell starts a background job with Ctrl-C ignored, and a child inherits that: the
    # crawl would never see the test's SIGINT. A handler is reset to the default at exec.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        return _popen(env, site)
    finally:
        signal.signal(signal.SIGINT, previous)


def _popen(env: dict[str, str], site: LoopbackSite) -> subprocess.Popen[str]:
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
    # For the kill, the gated pages come one a second: the crawl goes on (the workers
    # answer as pages arrive; a pool slow to start under load answers at the next one) and
    # still cannot end before the test has seen a commit and killed it.
    kill = how == "kill"
    site = article_site(gate, KILL_GATED_FROM, most=1.0) if kill else article_site(gate)
    with serve(site):
        process = start_crawl(index, site)
        try:
            if how == "kill":
                # A batch is committed at its 20th page; the gated pages hold the crawl
                # short of its end while this test polls (under load it used to see the
                # whole crawl finish before it could kill it).
                wait_until(lambda: len(indexed_keys(index)) >= 20)
                process.kill()
                gate.set()
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
