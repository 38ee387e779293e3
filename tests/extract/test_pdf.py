"""PDF reports: real PDF files written by tests/extract/pdfmaker.py, read by pypdf."""

from pathlib import Path

import pytest

from corpus_search.errors import InputError
from corpus_search.extract import extract_file
from corpus_search.extract.pdf import extract_pdf
from tests.extract.pdfmaker import make_pdf

RUNNING = "Example Forum | Policy brief"
FIRST = [
    "Deterrence at sea after the treaty",
    "By Rosa Lind and Omar Haddad",
    "March 2024",
    "Naval planners in the region have spent a decade preparing for a",
    "contingency they hope never comes, and the plans show it in every line of",
    "the budget they have asked for.",
    "Their worry is not the first week of a crisis but the third, when stocks of muni-",
    "tions run low.",
    RUNNING,
    "1",
]
SECOND = [
    "Industrial capacity, rather than doctrine, may decide how long any blockade of",
    "the strait can be resisted by the smaller navies.",
    RUNNING,
    "2",
]
THIRD = ["The brief closes with three recommendations for the alliance.", RUNNING, "3"]


def test_title_authors_and_date_from_the_first_page() -> None:
    doc = extract_pdf(make_pdf([FIRST, SECOND, THIRD]))
    assert doc.title == "Deterrence at sea after the treaty"
    assert [a.name for a in doc.authors] == ["Rosa Lind", "Omar Haddad"]
    assert str(doc.published) == "2024-03"
    assert doc.language == "en"
    paragraphs = doc.body.split("\n\n")
    assert paragraphs[0].startswith("Naval planners") and paragraphs[0].endswith("asked for.")
    assert "stocks of munitions run low." in doc.body  # hyphenated line end joined
    assert "blockade of the strait" in doc.body  # a paragraph running over a page break
    for gone in (RUNNING, "Rosa Lind", "March 2024", "treaty"):
        assert gone not in doc.body


def test_a_notice_run_into_a_paragraph_keeps_the_paragraph() -> None:
    # A report's inside cover: the copyright notice, then the summary in one paragraph.
    page = [
        "Copyright 2022 Example Forum. All rights reserved. Naval planners in the region have",
        "spent a decade preparing for a contingency they hope never comes, and the plans",
        "show it in every line of the budget they have asked for, year after year, with",
        "little to show for it in ships, crews, spare parts or the stocks of munitions.",
        RUNNING,
        "1",
    ]
    doc = extract_pdf(make_pdf([FIRST[:3], page, SECOND]))
    assert "Naval planners in the region have spent a decade" in doc.body
    assert "All rights reserved" not in doc.body and "Copyright" not in doc.body


def test_metadata_wins_over_the_first_page_and_placeholders_do_not() -> None:
    info = {
        "Title": "Deterrence at sea: a policy brief",
        "Author": "Mia Chen; Omar Haddad",
        "CreationDate": "D:20230412101500Z",
        "ModDate": "D:20230501090000Z",
    }
    doc = extract_pdf(make_pdf([FIRST[3:], SECOND], info))
    assert doc.title == "Deterrence at sea: a policy brief"
    assert [a.name for a in doc.authors] == ["Mia Chen", "Omar Haddad"]
    assert str(doc.published) == "2023-04-12" and str(doc.updated) == "2023-05-01"

    placeholder = {"Title": "Microsoft Word - brief_final_v3.docx", "Author": "admin"}
    doc = extract_pdf(make_pdf([FIRST, SECOND], placeholder))
    assert doc.title == "Deterrence at sea after the treaty"
    assert [a.name for a in doc.authors] == ["Rosa Lind", "Omar Haddad"]


def test_ingest_reads_pdf_files(tmp_path: Path) -> None:
    path = tmp_path / "brief.pdf"
    path.write_bytes(make_pdf([FIRST, SECOND, THIRD]))
    [doc] = list(extract_file(path))
    assert not isinstance(doc, InputError)
    assert doc.id and doc.url == path.resolve().as_uri()
    assert doc.title == "Deterrence at sea after the treaty"


def test_a_broken_or_empty_pdf_is_an_input_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(make_pdf([FIRST])[:200])
    with pytest.raises(InputError, match=r"broken\.pdf"):
        list(extract_file(broken))
    empty = tmp_path / "scan.pdf"
    empty.write_bytes(make_pdf([[]]))
    with pytest.raises(InputError, match="no text"):
        list(extract_file(empty))
