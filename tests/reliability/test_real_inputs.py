"""Real pages in, nothing lost: regression tests built from the real pages of
../shared/data (read at run time, skipped when absent), as a user meets them.

- a malformed link (``https://[ccpa-preferences]/``) inside a real page's markup stopped
  whole batches: as a file, inside a WARC, and in a crawl of a loopback site;
- pages saved compressed (``.html.gz``) were passed over silently;
- a folder mixing every supported type and an unsupported one: every input counted once;
- one record's internal error is that record's failure, never the batch's;
- worker processes give the same documents as one process, and none outlives a kill.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpus_search import Corpus
from corpus_search.cli import cli
from tests.conftest import shared_path
from tests.crawl.server import LoopbackSite, Reply, serve
from tests.extract.pdfmaker import make_pdf

# warcio's writer (used here only to build fixture WARCs) leaves its spooled payload
# buffers to the garbage collector: those warnings are about the fixture, not the reader.
pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")

BAD_LINK = '<a href="https://[ccpa-preferences]/">Your privacy choices</a>'


def real_page_files(count: int) -> list[Path]:
    folder = shared_path("extraction", "aeb", "html")
    return sorted(folder.glob("*.html.gz"))[:count]


def real_html(number: int = 0) -> bytes:
    return gzip.decompress(real_page_files(number + 1)[number].read_bytes())


def with_bad_link(html: bytes) -> bytes:
    """The page with the malformed link inserted at the start of its body."""
    lower = html.lower()
    at = lower.find(b"<body")
    at = lower.find(b">", at) + 1 if at >= 0 else 0
    return html[:at] + BAD_LINK.encode() + html[at:]


def ingest(index: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--index", str(index), "ingest", *args])
    return result.exit_code, result.stdout, result.stderr


# -- the malformed link ------------------------------------------------------------------------


def test_a_malformed_link_in_a_real_page_as_a_file(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(with_bad_link(real_html(0)))
    code, out, err = ingest(tmp_path / "ix", str(page), "--json", "--all")
    assert code == 0, err
    assert "internal error" not in err and "Traceback" not in err
    assert json.loads(out)["counts"] == {
        "read": 1,
        "added": 1,
        "updated": 0,
        "unchanged": 0,
        "not_articles": 0,
        "unsupported": 0,
        "failed": 0,
    }


def warc_of(pages: list[tuple[str, bytes]], path: Path) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, body in pages:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(body), http_headers=headers
                )
            )
    return path


def test_a_malformed_link_in_a_real_page_inside_a_warc(tmp_path: Path) -> None:
    warc = warc_of(
        [
            ("https://think.example/2024/05/first-real-page", with_bad_link(real_html(0))),
            ("https://think.example/2024/05/second-real-page", real_html(1)),
        ],
        tmp_path / "pages.warc.gz",
    )
    code, out, err = ingest(tmp_path / "ix", str(warc), "--json", "--all")
    counts = json.loads(out)["counts"]
    assert code == 0 and counts["failed"] == 0 and counts["read"] == 2, err
    assert counts["added"] == 2 and "internal error" not in err


def test_a_malformed_link_in_a_real_page_in_a_crawl(tmp_path: Path) -> None:
    """A two-page site with a sitemap on 127.0.0.1: the page with the malformed link is
    fetched and judged like any other, and the crawl finishes."""
    from corpus_search.crawl import CrawlOptions

    site = LoopbackSite()
    paths = ["/2024/05/first-real-page", "/2024/05/second-real-page"]
    site.route(paths[0], Reply(body=with_bad_link(real_html(0))))
    site.route(paths[1], Reply(body=real_html(1)))

    def sitemap(_p: str, _h: dict[str, str]) -> Reply:
        urls = "".join(f"<url><loc>{site.base}{p}</loc></url>" for p in paths)
        body = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        return Reply(body=body.encode(), content_type="application/xml")

    site.route("/sitemap.xml", sitemap)
    with serve(site):
        corpus = Corpus.open(tmp_path / "ix", create=True)
        report = corpus.crawl(CrawlOptions(urls=(site.url("/sitemap.xml"),), delay=0.0))
    assert report.failed == [] and report.found == 2 and report.fetched == 2
    counts = report.counts()
    assert counts["added"] + counts["not_articles"] == 2
    assert "found 2 = " in report.summary()


# -- every input counted once ------------------------------------------------------------------


def mixed_folder(folder: Path) -> Path:
    """Every supported type (plain and gzip-compressed) and one unsupported file."""
    folder.mkdir()
    html = real_html(2)
    (folder / "page.html").write_bytes(html)
    (folder / "saved.html.gz").write_bytes(gzip.compress(real_html(3)))
    (folder / "saved.htm.gz").write_bytes(gzip.compress(real_html(4)))
    text = "Ports and power\n\nThe Kremlin and Beijing talk trade in the Arctic.\n\nMore.\n"
    (folder / "note.txt").write_text(text)
    (folder / "note.txt.gz").write_bytes(gzip.compress(text.replace("Ports", "Harbours").encode()))
    (folder / "memo.md").write_text("# Memo\n\nNATO and the Baltic states met in Riga.\n")
    (folder / "memo.md.gz").write_bytes(gzip.compress(b"# Memo two\n\nTehran and Riyadh talked.\n"))
    record = {"id": "j1", "title": "Line", "body": "Sanctions on Iran were discussed."}
    (folder / "export.jsonl").write_text(json.dumps(record) + "\n")
    (folder / "export.jsonl.gz").write_bytes(
        gzip.compress((json.dumps({**record, "id": "j2"}) + "\n").encode())
    )
    (folder / "report.pdf").write_bytes(
        make_pdf([["Annual report", "By A. Author"] + [f"Line {n} on NATO." for n in range(30)]])
    )
    warc_of([("https://think.example/2024/05/in-a-warc", real_html(5))], folder / "crawl.warc.gz")
    (folder / "slides.docx").write_bytes(b"PK\x03\x04 not read")
    return folder


def test_a_folder_of_every_type_is_counted_input_by_input(tmp_path: Path) -> None:
    folder = mixed_folder(tmp_path / "in")
    code, out, err = ingest(tmp_path / "ix", str(folder), "--json", "--all")
    summary = json.loads(out)
    counts = summary["counts"]
    assert code == 0, err
    assert counts["read"] == 12 and counts["unsupported"] == 1 and counts["failed"] == 0, counts
    assert counts["added"] == 11
    assert sum(v for k, v in counts.items() if k != "read") == counts["read"]
    assert summary["left_out"] == [
        {
            "name": str(folder / "slides.docx"),
            "outcome": "unsupported",
            "reason": "unsupported file type .docx",
            "named": False,
        }
    ]
    assert "1 inputs of unsupported types left out (.docx 1)" in err and ".html.gz" in err
    assert "read 12 = added 11 + updated 0 + unchanged 0" in err
    # once more: everything is unchanged, and still counted
    code, out, err = ingest(tmp_path / "ix", str(folder), "--json", "--all")
    assert json.loads(out)["counts"]["unchanged"] == 11


def test_a_broken_gzip_page_is_a_failure_named_by_file(tmp_path: Path) -> None:
    broken = tmp_path / "cut.html.gz"
    broken.write_bytes(gzip.compress(real_html(0))[:500])
    code, _, err = ingest(tmp_path / "ix", str(broken))
    assert code == 2 and f"failed {broken}: truncated gzip file" in err


def test_a_named_page_judged_not_an_article_is_named_and_all_keeps_it(tmp_path: Path) -> None:
    listing = tmp_path / "topics.html"
    links = "".join(
        f'<li><a href="/2024/05/piece-{n}">Piece number {n}</a></li>' for n in range(40)
    )
    listing.write_text(
        f"<html><head><title>Topics</title></head><body><h1>Topics</h1><ul>{links}</ul></body></html>"
    )
    code, _, err = ingest(tmp_path / "ix", str(listing))
    assert code == 1 and f"not an article: {listing}" in err and "--all keeps it" in err
    assert "not articles 1" in err
    code, _, err = ingest(tmp_path / "ix", str(listing), "--all")
    assert code == 0 and "added 1" in err


# -- one record never stops a batch -------------------------------------------------------------


def test_an_internal_error_in_one_record_fails_that_record_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import corpus_search.extract.html as html_module

    real = html_module.extract_html

    def fragile(html: str, url: str | None = None):  # type: ignore[no-untyped-def]
        if "POISON" in html:
            raise RuntimeError("a bug met on one page")
        return real(html, url=url)

    monkeypatch.setattr(html_module, "extract_html", fragile)
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(3):
        (folder / f"page{number}.html").write_bytes(real_html(number))
    (folder / "poisoned.html").write_bytes(
        real_html(3).replace(b"<body", b"<body data-x='POISON'", 1)
    )
    (folder / "lines.jsonl").write_text('{"id": "a", "body": "Fine text."}\nnot json\n')
    report = Corpus.open(tmp_path / "ix", create=True).ingest([folder], jobs=1, keep_all=True)
    reasons = {Path(f.path).name: f.reason for f in report.failed}
    assert reasons["poisoned.html"] == "internal error: RuntimeError: a bug met on one page"
    assert "not valid JSON" in reasons["lines.jsonl"]
    assert report.added == 4 and report.read == 6


# -- all cores ---------------------------------------------------------------------------------


def test_workers_give_the_same_documents_as_one_process(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for number, path in enumerate(real_page_files(30)):
        (folder / f"{number:02d}.html").write_bytes(gzip.decompress(path.read_bytes()))
    reports, documents = [], []
    for jobs in (1, 2):
        corpus = Corpus.open(tmp_path / f"ix{jobs}", create=True)
        reports.append(corpus.ingest([folder], jobs=jobs))
        documents.append({d.id: d.to_dict() for d in corpus.documents("")})
    one, two = reports
    assert two.jobs == 2 and one.jobs == 1
    assert one.counts() == two.counts() and one.added > 20
    assert documents[0] == documents[1]
    assert [f.path for f in one.not_articles] == [f.path for f in two.not_articles]


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return ""


def worker_processes(pid: int) -> list[int]:
    """The extraction workers of process ``pid``: the children of its forkserver, or its
    own children started by spawn (not the resource tracker, not the forkserver)."""
    workers = []
    for child in children_of(pid):
        command = _cmdline(child)
        if "multiprocessing.forkserver" in command:
            workers += children_of(child)
        elif "spawn_main" in command:
            workers.append(child)
    return workers


def started_workers(process: subprocess.Popen[str]) -> list[int]:
    """The workers of ``process`` (see ``worker_processes``), once two are running
    (within a minute)."""
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline and process.poll() is None:
        workers = worker_processes(process.pid)
        if len(workers) >= 2:
            break
        time.sleep(0.05)
    assert len(workers) >= 2, "the workers never started"
    return workers


@pytest.mark.parametrize("how", ["kill", "ctrl-c"])
def test_no_worker_outlives_an_interrupted_ingest(tmp_path: Path, how: str) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    pages = real_page_files(60)
    for round_ in range(3):  # enough work that the workers are busy when it stops
        for number, path in enumerate(pages):
            (folder / f"{round_}-{number:02d}.html.gz").write_bytes(path.read_bytes())
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "corpus_search",
            "--index",
            str(tmp_path / "ix"),
            "ingest",
            str(folder),
            "--jobs",
            "2",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    workers = started_workers(process)
    helpers = children_of(process.pid)  # the forkserver and the resource tracker
    time.sleep(0.5)
    if how == "kill":
        process.kill()
    else:
        process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    if how == "ctrl-c":
        assert process.returncode == 130 and "Traceback" not in stderr, stderr
    deadline = time.monotonic() + 10
    while any(alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(p) for p in workers), "a worker outlived the ingest"
    while any(alive(p) for p in helpers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(p) for p in helpers), "a forkserver outlived the ingest"
    if os.path.exists(tmp_path / "ix" / "corpus.json"):
        assert Corpus.open(tmp_path / "ix").check().ok


def test_an_internal_error_on_one_crawled_page_fails_that_page_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import corpus_search.extract.html as html_module
    from corpus_search.crawl import CrawlOptions

    real = html_module.extract_html

    def fragile(html: str, url: str | None = None):  # type: ignore[no-untyped-def]
        if "POISON" in html:
            raise RuntimeError("a bug met on one page")
        return real(html, url=url)

    monkeypatch.setattr(html_module, "extract_html", fragile)
    site = LoopbackSite()
    paths = [f"/2024/05/real-page-number-{n}" for n in range(3)]
    for n, path in enumerate(paths):
        body = real_html(n)
        site.route(
            path,
            Reply(body=body.replace(b"<body", b"<body data-x='POISON'", 1) if n == 1 else body),
        )

    def sitemap(_p: str, _h: dict[str, str]) -> Reply:
        urls = "".join(f"<url><loc>{site.base}{p}</loc></url>" for p in paths)
        body = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        return Reply(body=body.encode(), content_type="application/xml")

    site.route("/sitemap.xml", sitemap)
    with serve(site):
        corpus = Corpus.open(tmp_path / "ix", create=True)
        report = corpus.crawl(CrawlOptions(urls=(site.url("/sitemap.xml"),), delay=0.0, jobs=1))
    assert report.failed == [
        (site.url(paths[1]), "internal error: RuntimeError: a bug met on one page")
    ]
    counts = report.counts()
    assert counts["failed"] == 1 and counts["added"] + counts["not_articles"] == 2


def _summary_counts(stderr: str) -> dict[str, int]:
    """The counts of the summary line ``read N = added A + ... + failed F in ...``."""
    line = next(line for line in stderr.splitlines() if line.startswith("read "))
    head, _, tail = line.partition(" = ")
    counts = {"read": int(head.split()[1])}
    for part in tail.split(" in ")[0].split(" + "):
        *name, number = part.split()
        counts[" ".join(name)] = int(number)
    return counts


def test_a_worker_killed_in_the_middle_of_a_batch_loses_no_page(tmp_path: Path) -> None:
    """A worker that dies (the kernel's out-of-memory killer, a crash in a C library)
    takes its pages with it: they are read again in a fresh worker, and the batch ends
    with every page counted as an undisturbed run counts it."""
    folder = tmp_path / "pages"
    folder.mkdir()
    for round_ in range(3):  # enough work that the workers are busy when one dies
        for number, path in enumerate(real_page_files(60)):
            html = gzip.decompress(path.read_bytes())
            marked = html.replace(b"</body>", f"<p>copy {round_}</p></body>".encode(), 1)
            (folder / f"{round_}-{number:02d}.html").write_bytes(marked)

    def run(index: Path) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [
                *(sys.executable, "-m", "corpus_search", "--index", str(index)),
                *("ingest", str(folder), "--jobs", "2"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )

    calm = run(tmp_path / "calm")
    _, calm_err = calm.communicate(timeout=300)
    expected = _summary_counts(calm_err)

    process = run(tmp_path / "ix")
    workers = started_workers(process)
    time.sleep(1.5)  # past start-up: the worker is extracting pages
    assert process.poll() is None, "the ingest finished before a worker could be killed"
    os.kill(workers[0], signal.SIGKILL)
    _, stderr = process.communicate(timeout=300)
    assert "Traceback" not in stderr, stderr
    assert process.returncode == (2 if expected["failed"] else 0), stderr
    assert _summary_counts(stderr) == expected, stderr
    assert expected["read"] == 180
    assert len(Corpus.open(tmp_path / "ix")) == len(Corpus.open(tmp_path / "calm"))
