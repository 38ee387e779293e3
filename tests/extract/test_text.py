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
