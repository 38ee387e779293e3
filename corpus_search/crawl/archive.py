"""Everything fetched, kept as WARC (warcio) under ``<index>/archive/``.

Each crawl writes one new file, ``crawl-<UTC time>-<pid>.warc.gz``, starting with a
``warcinfo`` record, then a ``request`` and a ``response`` record per fetch. Records are
compressed one by one and the file is flushed after each, so a crawl that is killed
leaves a readable archive up to its last complete record. Bodies are stored decoded (the
``Content-Encoding`` header is dropped), so any WARC reader gets the page itself.
"""

from __future__ import annotations

import os
import threading
from datetime import datetime, timezone
from io import BytesIO
from pathlib import Path
from typing import IO, Any

from corpus_search.crawl.fetch import Response

ARCHIVE_DIR = "archive"


class WarcArchive:
    def __init__(self, folder: Path, software: str = "corpus-search") -> None:
        self.folder = folder
        self.software = software
        self.path: Path | None = None
        self._handle: IO[bytes] | None = None
        self._writer: Any = None
        self.records = 0
        self._lock = threading.Lock()  # robots.txt answers arrive from worker threads

    def _open(self) -> None:
        from warcio.warcwriter import WARCWriter

        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
        self.path = self.folder / f"crawl-{stamp}-{os.getpid()}.warc.gz"
        self._handle = self.path.open("ab")
        self._writer = WARCWriter(self._handle, gzip=True)
        info = self._writer.create_warcinfo_record(
            self.path.name, {"software": self.software, "format": "WARC File Format 1.1"}
        )
        self._writer.write_record(info)
        self._handle.flush()

    def write(self, response: Response) -> None:
        """Archive one fetched response (and the request that got it)."""
        with self._lock:
            self._write(response)

    def _write(self, response: Response) -> None:
        from warcio.statusandheaders import StatusAndHeaders

        if self._writer is None:
            self._open()
        date = response.fetched_at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        reason = "OK" if response.status == 200 else ""
        headers = [(k.title(), v) for k, v in response.headers.items()]
        http = StatusAndHeaders(f"{response.status} {reason}".strip(), headers, protocol="HTTP/1.1")
        record = self._writer.create_warc_record(
            response.url,
            "response",
            payload=BytesIO(response.body),
            length=len(response.body),  # known: warcio then needs no temporary buffer
            http_headers=http,
            warc_headers_dict={"WARC-Date": date},
        )
        request = self._writer.create_warc_record(
            response.url,
            "request",
            payload=BytesIO(b""),
            length=0,
            http_headers=StatusAndHeaders(
                f"GET {_path(response.url)} HTTP/1.1",
                [("Host", response.url.split("/")[2])],
                is_http_request=True,
            ),
            warc_headers_dict={"WARC-Date": date},
        )
        self._writer.write_request_response_pair(request, record)
        assert self._handle is not None
        self._handle.flush()
        self.records += 1

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None
            self._writer = None


def _path(url: str) -> str:
    rest = url.split("/", 3)
    return "/" + rest[3] if len(rest) > 3 else "/"


def archive_files(index: Path) -> list[Path]:
    """The WARC files of a corpus, oldest first."""
    folder = index / ARCHIVE_DIR
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.name.endswith((".warc", ".warc.gz")))
