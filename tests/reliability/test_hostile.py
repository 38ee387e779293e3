"""Untrusted input: hostile documents never drive the terminal, and parsers given random
or mutated input end in a result or a typed error, never a traceback or a hang."""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus_search import Corpus, CorpusSearchError
from corpus_search.cli import cli
from corpus_search.document import Document
from corpus_search.extract.html import extract_html
from corpus_search.extract.text import extract_text

HOSTILE = [
    "\x1b[31mred\x1b[0m",  # colour
    "\x1b]8;;https://evil.example\x07click\x1b]8;;\x07",  # OSC 8 hyperlink
    "\x1b]0;new window title\x07",  # OSC window title
    "\x9b31m",  # 8-bit CSI
    "\u202eevil\u202c",  # bidi override
    "\x07\x08\x7f",  # bell, backspace, delete
]
MARKUP = "[bold red]not markup[/bold red] [link=https://evil.example]x[/link]"


def hostile_corpus(tmp_path: Path) -> Path:
    index = tmp_path / "ix"
    poison = " ".join(HOSTILE)
    record = {
        "url": "https://evil.example/\x1b[2Jpage",
        "title": f"Sanctions {poison} {MARKUP}",
        "authors": [{"name": f"Eve {HOSTILE[0]}", "role": HOSTILE[1]}],
        "source": f"Evil {HOSTILE[4]} Institute",
        "tags": [HOSTILE[2], MARKUP],
        # the snippet is the sentence with "sanctions": markup and poison inside it
        "body": f"Sanctions on Iran {poison} {MARKUP}.\n\nMore sanctions text. {poison}",
    }
    feed = tmp_path / "evil.jsonl"
    feed.write_text(json.dumps(record) + "\n")
    html = tmp_path / "evil.html"
    html.write_text(
        f"<html><head><title>Sanctions {poison}</title></head><body><article>"
        f"<h1>Sanctions {poison} {MARKUP}</h1><p>Sanctions on Iran are back {poison}. "
        "This paragraph is long enough to be article text for the extractor to keep.</p>"
        f"<p>{MARKUP} and more words about sanctions and Iran and the economy.</p>"
        "</article></body></html>"
    )
    corpus = Corpus.open(index, create=True)
    report = corpus.ingest([feed, html])
    assert report.added == 2, report.failed
    return index


def assert_clean(output: str) -> None:
    for bad in ("\x1b", "\x9b", "\u202e", "\x07", "\x08", "\x7f"):
        assert bad not in output, repr(bad)


@pytest.mark.parametrize(
    "args",
    [
        ["search", "sanctions"],
        ["search", "sanctions", "--facets"],
        ["search", "sanctions", "--json"],
        ["search", "sanctions", "--format", "csv"],
        ["export"],
        ["stats"],
    ],
)
def test_no_escape_reaches_the_terminal(tmp_path: Path, args: list[str]) -> None:
    index = hostile_corpus(tmp_path)
    result = CliRunner().invoke(cli, ["--index", str(index), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert_clean(result.stdout + result.stderr)
    if args[-1] == "sanctions":  # tables print markup-like text literally
        # (the table may wrap the cell between "not" and "markup")
        assert "[bold red]not" in result.stdout and "markup[/bold red]" in result.stdout


def test_show_prints_markup_literally(tmp_path: Path) -> None:
    index = hostile_corpus(tmp_path)
    ids = [d.id for d in Corpus.open(index).documents("")]
    for doc_id in ids:
        result = CliRunner().invoke(cli, ["--index", str(index), "show", doc_id])
        assert result.exit_code == 0
        assert_clean(result.stdout)
        assert "[bold red]not markup[/bold red]" in result.stdout


# -- parsers under random input ---------------------------------------------------------

FUZZ = settings(max_examples=150, deadline=5000, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    corpus = Corpus.open(tmp_path_factory.mktemp("fuzz") / "ix", create=True)
    corpus.add([Document(id="x", title="Talks", body="Russia and China held talks in 2024.")])
    return corpus


@FUZZ
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80))
def test_any_query_is_a_result_or_a_typed_error(small_corpus: Corpus, text: str) -> None:
    with contextlib.suppress(CorpusSearchError):
        small_corpus.search(text, limit=3)


QUERY_PIECES = st.sampled_from(
    [
        '"',
        "(",
        ")",
        "AND",
        "OR",
        "NOT",
        "actor:",
        "date:",
        "..",
        "*",
        "~",
        "^",
        ":",
        "'",
        "key:",
        "theme:",
        "2024",
        "russia",
        "source:",
        "[",
        "]",
        "{",
        "}",
        "-",
        "+",
        "\\",
    ]
)


@FUZZ
@given(st.lists(QUERY_PIECES, max_size=12))
def test_query_syntax_soup(small_corpus: Corpus, pieces: list[str]) -> None:
    with contextlib.suppress(CorpusSearchError):
        small_corpus.search(" ".join(pieces), limit=3)


@FUZZ
@given(st.text(max_size=400))
def test_any_text_extracts(text: str) -> None:
    doc = extract_text(text)
    assert "\x1b" not in doc.body


HTML_BITS = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<article>",
        "<script type='application/ld+json'>",
        "</script>",
        '{"@type": "NewsArticle", "author": ',
        "[",
        "]",
        "null",
        '"By A B"',
        "<h1>",
        "</h1>",
        "<meta name='author' content='",
        "'>",
        "<time datetime='2024-13-45'>",
        "&amp;",
        "&#0;",
        "<![CDATA[",
        "<!--",
        "-->",
        "Sanctions on Iran are back again this year.",
        "\x00",
        "\x1b[31m",
    ]
)


@FUZZ
@given(st.lists(HTML_BITS, max_size=40))
def test_mutated_html_extracts_or_fails_cleanly(bits: list[str]) -> None:
    doc = extract_html("".join(bits))
    assert "\x1b" not in (doc.title or "") + doc.body


@FUZZ
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda children: (
            st.lists(children, max_size=4)
            | st.dictionaries(st.text(max_size=8), children, max_size=4)
        ),
        max_leaves=12,
    )
)
def test_any_jsonl_record_is_a_document_or_an_input_error(value: object) -> None:
    for record in (
        value,
        {"body": "text", "published": value},
        {"body": "text", "authors": value},
        {"body": "text", "actors": value, "themes": []},
    ):
        with contextlib.suppress(CorpusSearchError):
            Document.from_dict(record)  # type: ignore[arg-type]


# -- files ---------------------------------------------------------------------------------


def test_awkward_files_each_get_a_clear_message(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(
        "Ports\n\nThe Kremlin and Beijing talk trade.\n\nMore text here.\n"
    )
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (folder / "latin1.txt").write_bytes(
        "Caf\xe9 diplomacy\n\nThe Élysée spoke to Moscow.\n\nAgain.\n".encode("latin-1")
    )
    (folder / "empty.html").write_text("")
    locked = folder / "locked.txt"
    locked.write_text("secret")
    locked.chmod(0)
    os.symlink(folder, folder / "loop")  # a symlink loop: not followed
    big = folder / "huge.html"
    with big.open("wb") as handle:
        handle.seek(60 * 1024 * 1024)
        handle.write(b"\n")
    try:
        result = CliRunner().invoke(cli, ["--index", str(tmp_path / "ix"), "ingest", str(folder)])
    finally:
        locked.chmod(0o600)
    err = result.stderr
    assert result.exit_code == 2 and "Traceback" not in err
    assert "binary" in err and "too large" in err and "no article text" in err
    if os.geteuid() == 0:  # root reads anything: the permission case is real only for users
        assert "added 3" in err  # good.txt, latin1.txt and the "locked" one
    else:
        assert "permission denied" in err and "added 2" in err


def test_documents_built_in_code_are_cleaned_too(tmp_path: Path) -> None:
    corpus = Corpus.open(tmp_path / "api", create=True)
    corpus.add([Document(id="evil", title=f"Title {HOSTILE[1]}", body=f"Body {HOSTILE[0]} text.")])
    stored = corpus.get("evil")
    assert_clean((stored.title or "") + stored.body)
    assert stored.title == "Title click" and stored.body == "Body red text."


def test_the_terminal_renderer_cleans_again() -> None:
    """Second line of defence: even a Document that skipped every entry check renders
    without escapes (and without interpreting markup)."""
    import io

    from rich.console import Console

    from corpus_search.render.terminal import document_view

    raw = Document(id="raw", title=f"T {HOSTILE[0]} {MARKUP}", body=f"B {HOSTILE[2]} {HOSTILE[4]}")
    out = io.StringIO()
    document_view(raw, Console(file=out, force_terminal=True, width=100))
    text = out.getvalue()
    for bad in ("\x1b]", "\u202e", "\x07", "[31m"):
        assert bad not in text, repr(bad)
    assert "[bold red]not markup[/bold red]" in text


WARC_SETTINGS = settings(
    max_examples=40, deadline=5000, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


# warcio's writer (used here only to build the fixture WARC) leaves its spooled payload
# buffers to the garbage collector; those warnings are about the fixture, not the reader.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@WARC_SETTINGS
@given(
    payload=st.binary(max_size=2000)
    | st.lists(HTML_BITS, max_size=30).map(lambda b: "".join(b).encode()),
    content_type=st.sampled_from(
        [
            "text/html",
            "text/html; charset=latin-1",
            "application/pdf",
            "text/plain",
            "application/octet-stream",
            "",
            "text/html; charset=bogus",
        ]
    ),
    status=st.sampled_from(["200 OK", "404 Not Found", "301 Moved", "500 Oops"]),
    cut=st.integers(min_value=0, max_value=4000),
)
def test_random_and_truncated_warc_records(
    tmp_path_factory: pytest.TempPathFactory,
    payload: bytes,
    content_type: str,
    status: str,
    cut: int,
) -> None:
    """A WARC with a random response record, whole or cut short: ingest reports documents
    or reasons, never crashes."""
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from corpus_search.extract import extract_file

    folder = tmp_path_factory.mktemp("warc")
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            "https://think.example/a", "response", payload=io.BytesIO(payload), http_headers=headers
        )
    )
    data = buffer.getvalue()
    path = folder / "fuzz.warc.gz"
    path.write_bytes(data[: max(cut, 1)] if cut < len(data) else data)
    try:
        results = extract_file(path)
    except CorpusSearchError:
        return
    for item in results:
        assert isinstance(item, (Document, CorpusSearchError))
        if isinstance(item, Document):
            assert "\x1b" not in item.body
