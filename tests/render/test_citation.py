"""Citations parse back with the libraries reference managers and LaTeX tools use:
BibTeX with bibtexparser (LaTeX decoding on), RIS with rispy."""

import io
from pathlib import Path

import bibtexparser
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors, SplitNameParts

from corpus_search import Corpus, Document
from corpus_search.render.chart import bar
from corpus_search.render.citation import (
    document_markdown,
    mark_words,
    protect_case,
    write_bibtex,
    write_markdown_list,
    write_ris,
)

AWKWARD = Document.from_dict(
    {
        "id": "awk1",
        "url": "https://think.example/a_b?x=1&y={2}",
        "source": "Institute for R&D {Studies}",
        "title": "50% of $ budgets: the #1 NATO_question ~ and \\ why",
        "subtitle": "A standfirst with {braces} and 100% of the symbols: & $ # _ ^",
        "authors": [{"name": "Zoë Okafor-Lindqvist"}, {"name": "Jan de Wit"}],
        "published": "2024-05",
        "body": "Text.",
        "actors": [],
        "themes": [{"id": "defence-industry", "score": 0.5}],
        "tags": ["Europe"],
        "fetched_at": "2025-01-02T03:04:05Z",
    }
)


def parse_bibtex(text: str) -> list[dict]:
    library = bibtexparser.parse_string(
        text, append_middleware=[LatexDecodingMiddleware(), SeparateCoAuthors(), SplitNameParts()]
    )
    assert not library.failed_blocks
    return [
        {"key": e.key, "type": e.entry_type, **{f.key: f.value for f in e.fields}}
        for e in library.entries
    ]


def strip_braces(text: str) -> str:
    return text.replace("{", "").replace("}", "")


def test_bibtex_round_trip_of_special_characters() -> None:
    out = io.StringIO()
    write_bibtex([AWKWARD, AWKWARD], out)
    entries = parse_bibtex(out.getvalue())
    assert len(entries) == 2
    first, second = entries
    assert first["type"] == "misc"
    assert first["key"] != second["key"]  # unique keys within one export
    assert first["key"].startswith("okaforlindqvist2024")
    assert strip_braces(first["title"]) == AWKWARD.title
    assert strip_braces(first["publisher"]) == "Institute for R&D Studies"
    assert [(n.last, n.first) for n in first["author"]] == [
        (["Okafor-Lindqvist"], ["Zoë"]),
        (["Wit"], ["Jan", "de"]),
    ]
    assert first["year"] == "2024" and first["month"] == "may" and first["date"] == "2024-05"
    assert first["urldate"] == "2025-01-02"
    assert "defence-industry" in first["keywords"]


def test_bibtex_of_the_demo_corpus_parses_whole(demo_index: Path) -> None:
    corpus = Corpus.open(demo_index)
    docs = list(corpus.documents(""))
    out = io.StringIO()
    assert write_bibtex(docs, out) == len(docs)
    entries = parse_bibtex(out.getvalue())
    assert len(entries) == len(docs)
    assert len({e["key"] for e in entries}) == len(docs)
    by_id = {e["corpus-search-id"]: e for e in entries}
    for doc in docs:
        entry = by_id[doc.id]
        assert "note" not in entry and "organization" not in entry and "howpublished" not in entry
        assert strip_braces(entry["title"]) == doc.display_title
        assert entry["url"] == doc.url
        assert len(entry.get("author", [])) == len(doc.authors)


def test_ris_round_trip() -> None:
    out = io.StringIO()
    write_ris([AWKWARD], out)
    (record,) = rispy.loads(out.getvalue())
    assert record["type_of_reference"] == "ELEC"
    assert record["title"] == AWKWARD.title
    assert record["authors"] == ["Okafor-Lindqvist, Zoë", "Wit, Jan de"]
    assert record["year"] == "2024"
    assert record["date"] == "2024/05//"
    assert record["publisher"] == AWKWARD.source
    assert record["urls"] == [AWKWARD.url]
    assert record["keywords"] == ["defence-industry", "Europe"]
    assert record["id"] == "awk1"


def test_ris_of_the_demo_corpus(demo_index: Path) -> None:
    docs = list(Corpus.open(demo_index).documents(""))
    out = io.StringIO()
    write_ris(docs, out)
    records = rispy.loads(out.getvalue())
    assert [r["id"] for r in records] == [d.id for d in docs]
    assert [r["title"] for r in records] == [d.display_title for d in docs]


def test_protect_case_and_markdown() -> None:
    assert (
        protect_case("After New START, US–China talks") == "After {New} {START}, {US–China} talks"
    )
    assert protect_case("NATO's choice: a US–EU deal") == "{NATO's} choice: a {US–EU} deal"
    assert protect_case("The Gulf") == "The {Gulf}"
    listing = io.StringIO()
    write_markdown_list([AWKWARD], listing, "reading list")
    text = listing.getvalue()
    assert text.startswith("# reading list\n")
    assert f"]({AWKWARD.url})" in text and "`awk1`" in text
    assert "NATO\\_question" in text  # Markdown specials escaped
    page = document_markdown(AWKWARD, ["Text"])
    assert "**Text**" in page and "- **Source:**" in page


def test_mark_words_whole_words_only() -> None:
    assert (
        mark_words("Iran and Iranian, iran.", ["iran"], "[", "]") == "[Iran] and Iranian, [iran]."
    )


def test_bar_scales_in_eighths() -> None:
    assert bar(0, 10, 8) == ""
    assert bar(10, 10, 8) == "█" * 8
    assert bar(1, 16, 8) == "▌"  # half a cell
    assert len(bar(5, 10, 8)) == 4
