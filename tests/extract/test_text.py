import os
import subprocess
import sys

from corpus_search.extract.text import extract_text


def test_seed_metadata(seed_text: str, seed_expected: dict) -> None:
    doc = extract_text(seed_text)
    assert doc.source == seed_expected["publisher"]["must"]
    assert str(doc.published) == seed_expected["published"]["must"]
    assert doc.published is not None and doc.published.precision == "year"
    assert doc.published_from == "copyright line"
    assert doc.title is None  # the text prints no headline
    assert doc.display_title.startswith("[untitled] Preventing the formation")
    must = seed_expected["authors"]["must"]
    assert [(a.name, a.role) for a in doc.authors] == [(a["name"], a["role"]) for a in must]
    names = {a.name for a in doc.authors}
    for wrong in seed_expected["authors"]["must_not"]:
        assert wrong not in names


def test_seed_sections_and_body(seed_text: str, seed_expected: dict) -> None:
    doc = extract_text(seed_text)
    assert doc.sections == seed_expected["sections"]["must"]
    for quote in seed_expected["pull_quotes"]["must_appear_once"]:
        assert doc.body.count(quote) == 1, quote
    for junk in seed_expected["boilerplate"]["must_not_be_in_body"]:
        assert junk not in doc.body, junk


def test_plain_text_headline_byline_and_copyright() -> None:
    text = (
        "Why Small Navies Matter\n\n"
        "By Ana Kovač and Tom Reid\n\n"
        "Coastal states have learned that a few fast boats can complicate a larger fleet's plans.\n\n"
        "Lessons from the Baltic\n\n"
        "The Baltic offers a compact laboratory for these ideas, with short distances and shallow water.\n\n"
        "Copyright 2023 Harbour Studies Group. All rights reserved.\n"
        "Media contact: press@harbour.example\n"
    )
    doc = extract_text(text)
    assert doc.title == "Why Small Navies Matter"
    assert [a.name for a in doc.authors] == ["Ana Kovač", "Tom Reid"]
    assert doc.source == "Harbour Studies Group"
    assert str(doc.published) == "2023"
    assert doc.sections == ["Lessons from the Baltic"]
    assert "press@" not in doc.body and "Copyright" not in doc.body


def test_markdown_front_matter_and_headings() -> None:
    text = (
        "---\ntitle: Grain corridors\nauthor: Lee Park\ndate: 2024-02-03\nsource: Field Notes\n---\n"
        "# Grain corridors\n\nA standfirst about shipping lanes.\n\n## The route\n\n"
        "Ships leave Odesa under escort of nobody in particular, which is the point.\n"
    )
    doc = extract_text(text, markdown=True)
    assert doc.title == "Grain corridors"
    assert [a.name for a in doc.authors] == ["Lee Park"]
    assert str(doc.published) == "2024-02-03"
    assert doc.source == "Field Notes"
    assert doc.sections == ["The route"]
    assert "Odesa" in doc.body


_OPENING = (
    "On 3 May the coastguard of a small island state stopped two trawlers inside its waters, "
    "and the ministry that sent it had no ship of its own to follow them out to sea. "
)
_PROSE = (
    "The patrol boats were bought second hand a decade ago and their engines are tired. "
    "Each season the crews spend more days in dock than at sea, waiting for parts that "
    "travel halfway round the world before they reach the harbour workshop."
)


def test_a_notice_run_into_the_first_paragraph_keeps_the_article() -> None:
    # Text copied from a PDF puts the copyright line and the opening paragraph on one line.
    text = (
        f"© 2021 Harbour Studies Group. All rights reserved. {_OPENING}{_PROSE}\n\n"
        f"{_PROSE} The second paragraph says so again.\n"
    )
    doc = extract_text(text)
    assert "On 3 May the coastguard" in doc.display_title + (doc.subtitle or "") + doc.body
    assert "rights reserved" not in doc.body and "©" not in doc.body
    assert doc.source == "Harbour Studies Group" and str(doc.published) == "2021"


def test_an_author_heading_above_the_article_does_not_swallow_it() -> None:
    # "Author" over a byline and a biography opens the page; the article follows.
    text = (
        "Author\n\n"
        "• Mara Lind is a visiting fellow at the Harbour Studies Group, where she works on "
        "maritime law, fisheries and the coastguards of small states in the South Pacific "
        "and the Indian Ocean, after ten years as a naval officer.\n\n"
        "View all posts\n\n"
        "Small Navies, Long Coasts\n\n"
        f"{_OPENING}{_PROSE}\n\n{_PROSE} Nobody in the ministry expects that to change.\n"
    )
    doc = extract_text(text)
    everything = " ".join(filter(None, (doc.title, doc.subtitle, doc.body)))
    assert "On 3 May the coastguard" in everything
    assert "Nobody in the ministry" in everything
    assert "visiting fellow" not in everything  # the biography is not the article


def test_about_the_authors_ends_at_the_first_paragraph_of_prose() -> None:
    text = (
        "Written evidence on coastal patrols\n\n"
        "About the Authors\n\n"
        "Dr Mara Lind is a lecturer in maritime law, and Tom Reid is a research fellow in "
        "naval history; both have advised the island states' fisheries agencies on patrol "
        "planning and have written widely on the coastguards of small states.\n\n"
        "Summary\n\n"
        f"{_OPENING}{_PROSE}\n"
    )
    doc = extract_text(text)
    assert "On 3 May the coastguard" in " ".join(filter(None, (doc.subtitle, doc.body)))
    assert "lecturer in maritime law" not in doc.body


def test_a_byline_run_into_the_article_is_the_article() -> None:
    text = (
        f"Small Navies, Long Coasts\n\nBy Mara Lind and Tom Reid. {_OPENING}{_PROSE}\n\n{_PROSE}\n"
    )
    doc = extract_text(text)
    assert "On 3 May the coastguard" in " ".join(filter(None, (doc.subtitle, doc.body)))


def test_an_author_block_at_the_end_still_gives_names_and_roles() -> None:
    text = (
        f"Small Navies, Long Coasts\n\n{_OPENING}\n\n{_PROSE}\n\n"
        "WRITTEN BY\n\nMara Lind\n\nVisiting fellow in maritime law\n\nTom Reid\n\nResearch Fellow, Naval History\n"
    )
    doc = extract_text(text)
    assert [(a.name, a.role) for a in doc.authors] == [
        ("Mara Lind", "Visiting fellow in maritime law"),
        ("Tom Reid", "Research Fellow, Naval History"),
    ]
    assert "Visiting fellow" not in doc.body


def test_prose_that_opens_like_a_biography_still_ends_the_author_block() -> None:
    # "The Coastguard Service is ..." names no post: it is the article, not a biography.
    text = (
        "Authors\n\nMara Lind\n\n"
        "The Coastguard Service is stretched thinner than at any time since it was founded, "
        "and its boats now spend more days in dock than at sea, waiting for parts that come "
        "from halfway round the world.\n\n"
        f"{_PROSE}\n"
    )
    doc = extract_text(text)
    everything = " ".join(filter(None, (doc.title, doc.subtitle, doc.body)))
    assert "stretched thinner than at any time" in everything
    assert [a.name for a in doc.authors] == ["Mara Lind"]


# Two paragraphs, the first ending and the next opening with a heading's words: the
# heading stands inside neither, so it is a heading, not a pull quote.
RUN_ON = """Harbour Budget

A standfirst: the town's harbour plan is late and costs more than it did.

The council met on Monday and spoke at length about the harbour works.

Budget vote was delayed again by the treasury, the clerk said on Friday.

Clerk said on Friday that the works would start in the spring of next year.

Harbour Works Budget Vote

The mayor's office gave no date for a second reading of the plan at all.

Nobody on the council asked about the cost of the dredging this time round.
"""


def test_a_heading_is_not_matched_across_two_paragraphs() -> None:
    doc = extract_text(RUN_ON)
    assert "Harbour Works Budget Vote" in doc.sections


def test_the_same_text_is_read_the_same_in_every_process() -> None:
    # (the paragraphs' keys were once joined from a set: the order, and so the result,
    # changed with the process's hash seed)
    code = (
        "import sys; from corpus_search.extract.text import extract_text; "
        "print(extract_text(sys.stdin.read()).body)"
    )
    bodies = {
        subprocess.run(
            [sys.executable, "-c", code],
            input=RUN_ON,
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
        ).stdout
        for seed in range(1, 7)
    }
    assert len(bodies) == 1
