"""HTML extraction on pages written for these tests (structure modelled on what real
think-tank pages do), on the demo site, and on real Brookings pages when present."""

import json
from pathlib import Path

from corpus_search.extract import extract_file
from corpus_search.extract.html import extract_html
from tests.conftest import shared_path

PARAS = [
    "Naval planners in the region have spent a decade preparing for a contingency they hope never comes.",
    "Their main worry is not the first week of a crisis but the third, when stocks of munitions run low.",
    "Industrial capacity, rather than doctrine, may therefore decide how long any blockade can be resisted.",
]


def page(head: str, article_extra: str = "", after: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAS[:2])
    body += '<blockquote class="pull-quote"><p>Their main worry is not the first week of a crisis but the third</p></blockquote>'
    body += f"<h2>Industry decides</h2><p>{PARAS[2]}</p>"
    return f"""<html lang="en-GB"><head><title>Headline here | Example Forum</title>{head}</head>
    <body><nav><a href="/">Home</a> <a href="/about">About us</a></nav>
    <article><h1>Headline here</h1>{article_extra}<div class="body">{body}</div></article>
    <aside class="related-content"><h3>Related</h3><p class="byline">By Somebody Else</p>
    <a href="/x">Another piece entirely about other things</a></aside>
    {after}<footer><p>© 2024 Example Forum. All rights reserved.</p>
    <p>Media enquiries: press@forum.example</p></footer></body></html>"""


def test_json_ld_article_with_roles() -> None:
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Headline here",
        "datePublished": "2024-03-05T10:00:00Z",
        "dateModified": "2024-04-01",
        "author": [{"@type": "Person", "name": "Rosa Lind", "jobTitle": "Senior Fellow"}],
        "publisher": {"@type": "Organization", "name": "Example Forum"},
        "keywords": "Navies, Industry",
    }
    html = page(
        f'<script type="application/ld+json">{json.dumps(ld)}</script>'
        '<link rel="canonical" href="https://forum.example/a/headline">'
    )
    doc = extract_html(html)
    assert doc.title == "Headline here"
    assert [(a.name, a.role) for a in doc.authors] == [("Rosa Lind", "Senior Fellow")]
    assert str(doc.published) == "2024-03-05" and str(doc.updated) == "2024-04-01"
    assert doc.published_from == "json-ld datePublished"
    assert doc.source == "Example Forum"
    assert doc.url == "https://forum.example/a/headline"
    assert doc.tags == ["Navies", "Industry"]
    assert doc.language == "en"
    assert doc.sections == ["Industry decides"]
    for para in PARAS:
        assert doc.body.count(para) == 1
    assert "Somebody Else" not in doc.body and "press@" not in doc.body and "©" not in doc.body


def test_json_ld_graph_without_at_and_creator() -> None:
    ld = {
        "context": "https://schema.org",
        "graph": [
            {"type": "WebPage", "name": "ignored"},
            {
                "type": "Article",
                "headline": "Headline here",
                "datePublished": "2021-11-02",
                "creator": ["Mia Chen", "Omar Haddad"],
            },
        ],
    }
    doc = extract_html(page(f'<script type="application/ld+json">{json.dumps(ld)}</script>'))
    assert [a.name for a in doc.authors] == ["Mia Chen", "Omar Haddad"]
    assert str(doc.published) == "2021-11-02"


def test_meta_tags_when_no_structured_data() -> None:
    head = (
        '<meta property="og:site_name" content="Example Forum">'
        '<meta name="citation_author" content="Ivo Petrov">'
        '<meta name="citation_author" content="Lena Ortiz">'
        '<meta name="citation_publication_date" content="2019/06/30">'
    )
    doc = extract_html(page(head))
    assert [a.name for a in doc.authors] == ["Ivo Petrov", "Lena Ortiz"]
    assert str(doc.published) == "2019-06-30"
    assert doc.published_from == "meta citation_publication_date"
    assert doc.source == "Example Forum"


def test_visible_byline_and_time_only() -> None:
    extra = '<p class="byline">By Ada Brook and Ben Carr</p><time datetime="2018-02-14">14 February 2018</time>'
    doc = extract_html(page("", article_extra=extra))
    assert [a.name for a in doc.authors] == ["Ada Brook", "Ben Carr"]
    assert str(doc.published) == "2018-02-14"
    assert doc.published_from == "<time> element"
    assert doc.source == "Example Forum"  # from the copyright line
    assert "By Ada Brook" not in doc.body


def test_demo_pages_of_every_style(demo_site: list[Path]) -> None:
    from corpus_search.demo.site import load_articles

    expected = {a.title: a for a in load_articles()}
    styles_seen = set()
    for path in demo_site:
        doc = extract_file(path)[0]
        article = expected[doc.title or ""]
        styles_seen.add(article.tank.style)
        assert doc.source == article.tank.name
        assert [a.name for a in doc.authors] == [n for n, _ in article.authors]
        assert str(doc.published) == article.published.isoformat()
        assert doc.body.count(article.pull_quote) == 1, path
        assert "Press enquiries" not in doc.body and "Get our weekly briefing" not in doc.body
        for related in article.related:
            assert related not in doc.body
    assert len(styles_seen) == 6


def _norm(text: str | None) -> str:
    return " ".join((text or "").replace("\u200b", "").casefold().split())


def test_real_brookings_pages_metadata() -> None:
    """Title, authors and date against each page's own metadata (11 real pages)."""
    folder = shared_path("thinktanks", "brookings-full")
    truth = json.loads((folder / "page-metadata.json").read_text())
    right = {"title": 0, "authors": 0, "date": 0}
    for name, record in truth.items():
        ld = record.get("jsonld_NewsArticle") or {}
        doc = extract_html((folder / name).read_text("utf-8", errors="replace"))
        assert len(doc.body.split()) > 100, name
        right["title"] += _norm(doc.title) == _norm(ld.get("headline"))
        creators = ld.get("creator") or []
        right["authors"] += [a.name for a in doc.authors] == creators
        right["date"] += str(doc.published) == (ld.get("datePublished") or "")[:10]
    pages = len(truth)
    assert right["title"] == pages
    assert right["date"] == pages
    assert right["authors"] >= pages - 1, right


def test_trafilatura_moved_internals_fall_back_to_its_public_extract(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The fast path calls two helpers trafilatura does not document; a release that
    moves them must not break extraction: ``extract`` itself gives the same items."""
    import trafilatura.settings

    from corpus_search.extract import html as module

    paragraphs = "".join(
        f"<p>Paragraph {i} on grain exports, port access and the tariff schedule, "
        "written long enough to read as the body of an article.</p>"
        for i in range(12)
    )
    page = (
        "<html><head><title>Grain and ports</title></head><body><nav>Home | About</nav>"
        f"<article><h1>Grain and ports</h1>{paragraphs}</article></body></html>"
    )
    fast = module._trafilatura_items(page, "https://example.org/a")
    monkeypatch.delattr(trafilatura.settings, "Extractor")  # (trafilatura keeps its own)
    slow = module._trafilatura_items(page, "https://example.org/a")
    assert fast and fast == slow


def test_trafilatura_reads_a_page_again_in_full_only_when_the_fast_result_is_short(
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    """Fast mode first; the whole cascade (readability, jusText) only for a page whose
    fast result is under trafilatura's own minimum size, so a short page loses nothing."""
    import trafilatura

    from corpus_search.extract import html as module

    modes: list[bool] = []
    real = trafilatura.bare_extraction

    def recording(html: str, options: object = None, **kwargs: object) -> object:
        modes.append(bool(getattr(options, "fast", None)))
        return real(html, options=options, **kwargs)

    monkeypatch.setattr(trafilatura, "bare_extraction", recording)
    paragraphs = "".join(
        f"<p>Paragraph {i} on grain exports, port access and the tariff schedule, "
        "written long enough to read as the body of an article.</p>"
        for i in range(12)
    )
    long_page = (
        "<html><head><title>Grain and ports</title></head><body><nav>Home | About</nav>"
        f"<article><h1>Grain and ports</h1>{paragraphs}</article></body></html>"
    )
    assert module._trafilatura_xml(long_page, None)
    assert modes == [True]
    modes.clear()
    short_page = (
        "<html><head><title>Note</title></head><body><article><h1>Note</h1>"
        "<p>Ports reopen on Monday.</p></article></body></html>"
    )
    module._trafilatura_xml(short_page, None)
    assert modes == [True, False]


def test_a_date_written_out_in_another_language_is_read_by_the_limited_parser():
    """htmldate hands a written-out date it cannot read itself to dateparser; ours limits
    dateparser to ``DATE_LANGUAGES`` (trying its 200 languages cost 1.3 s a process) and
    must still read a Spanish and an Arabic page's dates."""
    import htmldate.extractors

    from corpus_search.extract import html as extract_html_module

    prose = "".join(f"<p>{p}</p>" for p in PARAS)
    spanish = (
        '<html lang="es"><head><title>Una nota</title></head><body><article><h1>Una nota</h1>'
        f"<div class='meta'><span>jueves 2 de abril de 2020</span></div>{prose}</article></body></html>"
    )
    arabic = (
        '<html lang="ar"><head><title>مقال</title></head><body><article><h1>مقال</h1>'
        f"<div class='meta'><span>الأربعاء، 07 أكتوبر 2020 - 12:09 م</span></div>{prose}</article></body></html>"
    )
    assert str(extract_html(spanish, "https://example.org/nota").published) == "2020-04-02"
    assert str(extract_html(arabic, "https://example.org/maqal").published) == "2020-10-07"
    assert htmldate.extractors.get_external_parser is extract_html_module._date_parser
    parser = extract_html_module._date_parser()
    assert parser.languages == list(extract_html_module.DATE_LANGUAGES)


def test_trafilatura_handed_our_tree_reads_the_page_as_from_its_text() -> None:
    """Where trafilatura would build the tree ``parse_html`` built, it is handed ours
    instead of parsing the page again: the XML is the same as from the text, and our tree
    (which the fallback reader still needs) is left unchanged; a page it would repair or
    read as a fragment is given as text."""
    from lxml import etree

    from corpus_search.extract import html as module

    paragraphs = "".join(
        f"<p>Paragraph {i} on grain exports, port access and the tariff schedule, "
        "written long enough to read as the body of an article.</p>"
        for i in range(12)
    )
    body = f"<body><nav>Home</nav><article><h1>Grain</h1>{paragraphs}</article></body>"
    pages = {
        "<!DOCTYPE html>\n<html><head><title>Grain</title></head>" + body + "</html>": True,
        "<html lang='en'><head><title>Grain</title></head>" + body + "</html>": True,
        # a doctype with a slash, which trafilatura takes out first; a fragment
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "http://www.w3.org/TR/x.dtd">\n'
        "<html><head><title>Grain</title></head>" + body + "</html>": False,
        "<!-- saved -->" + body: False,
        # a page with no newline: trafilatura adds one after its first line
        "<!doctype html><html><head><title>Grain</title></head>" + body + "</html>": False,
    }
    for page, handed in pages.items():
        assert module._parsed_as_trafilatura_would(page) is handed, page[:40]
        root = module.parse_html(page)
        before = etree.tostring(root)
        assert module._trafilatura_xml(page, None, root) == module._trafilatura_xml(page, None)
        assert etree.tostring(root) == before
