"""Crawl state in ``<index>/crawl/state.sqlite``: what was fetched, when, with which ETag
and Last-Modified, what it became (a document, a duplicate, not an article) and failures.

Rows are keyed by ``url_key`` (normalised, no trailing slash). The crawler writes a batch
of pages to the index first and records them here after the index commit, in one SQLite
transaction, so a killed crawl loses at most the batch in flight and a re-run never
skips a page that is not in the index.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

STATE_DIR = "crawl"
SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (
    key TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    outcome TEXT NOT NULL,         -- indexed | duplicate | not-article | failed
    http_status INTEGER,
    etag TEXT,
    last_modified TEXT,
    fetched_at TEXT,
    content_hash TEXT,
    doc_id TEXT,
    reason TEXT
);
CREATE INDEX IF NOT EXISTS pages_hash ON pages (content_hash);
"""
DONE = ("indexed", "duplicate", "not-article")


@dataclass
class PageState:
    key: str
    url: str
    outcome: str
    http_status: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: str | None = None
    content_hash: str | None = None
    doc_id: str | None = None
    reason: str | None = None


class CrawlState:
    def __init__(self, index: Path) -> None:
        folder = index / STATE_DIR
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / "state.sqlite"
        self._db = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(SCHEMA)
        self._db.commit()

    def close(self) -> None:
        self._db.close()

    def get(self, key: str) -> PageState | None:
        row = self._db.execute(
            "SELECT key, url, outcome, http_status, etag, last_modified, fetched_at, "
            "content_hash, doc_id, reason FROM pages WHERE key = ?",
            (key,),
        ).fetchone()
        return PageState(*row) if row else None

    def url_for_hash(self, content_hash: str) -> str | None:
        row = self._db.execute(
            "SELECT url FROM pages WHERE content_hash = ? AND outcome = 'indexed' LIMIT 1",
            (content_hash,),
        ).fetchone()
        return row[0] if row else None

    def is_done(self, key: str, lastmod: date | None = None) -> bool:
        """Fetched before and nothing says it changed since (a sitemap/feed date later
        than our fetch does)."""
        state = self.get(key)
        if state is None or state.outcome not in DONE:
            return False
        if lastmod is not None and state.fetched_at:
            return lastmod.isoformat() <= state.fetched_at[: len(lastmod.isoformat())]
        return True

    def save(self, rows: Iterable[PageState]) -> None:
        """Record pages in one transaction."""
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        r.key,
                        r.url,
                        r.outcome,
                        r.http_status,
                        r.etag,
                        r.last_modified,
                        r.fetched_at,
                        r.content_hash,
                        r.doc_id,
                        r.reason,
                    )
                    for r in rows
                ],
            )

    def counts(self) -> dict[str, int]:
        return dict(
            self._db.execute("SELECT outcome, count(*) FROM pages GROUP BY outcome").fetchall()
        )

    def failures(self) -> list[tuple[str, str]]:
        return self._db.execute(
            "SELECT url, reason FROM pages WHERE outcome = 'failed' ORDER BY url"
        ).fetchall()
