"""search --explain/--facets/did-you-mean, show formats, export citations, trend,
similar and saved searches, through CliRunner against the demo corpus (read-only) or a
copy of it (for commands that write state)."""

import csv
import io
import json
import shutil
import sys
from pathlib import Path

import bibtexparser
import pytest
import rispy
from click.testing import CliRunner

from corpus_search import Corpus
from corpus_search.cli import cli
from tests.conftest import make_doc


def run(*args: str, index: Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--index", str(index), *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def writable_index(demo_index: Path, tmp_path: Path) -> Path:
    """A copy of the demo corpus that a test may change."""
    path = tmp_path / "ix"
    shutil.copytree(demo_index, path, ignore=shutil.ignore_patterns("demo-site"))
    return path


def first_id(index: Path, text: str = "nuclear") -> str:
    return Corpus.open(index).search(text, limit=1).hits[0].id


# -- search ---------------------------------------------------------------------------------


def test_search_explain_table_and_json(demo_index: Path) -> None:
    code, out, _ = run("search", "deter* actor:PRC date:2020..", "--explain", index=demo_index)
    assert code == 0
    assert "how the query was understood" in out
    assert "PRC → China" in out and "2020-01-01" in out and "title ×3" in out
    code, out, _ = run("search", "actor:kremlin", "--explain", "--json", index=demo_index)
    data = json.loads(out)
    assert data["explain"]["resolved"] == [
        {"field": "actor", "value": "kremlin", "matches": ["Russia"]}
    ]
    assert data["explain"]["total"] == data["total"] > 0


def test_search_facets_by_author(demo_index: Path) -> None:
    code, out, _ = run("search", "nuclear", "--facets", "author,source", "--json", index=demo_index)
    assert code == 0
    facets = json.loads(out)["facets"]
    assert set(facets) == {"author", "source"}
    total = Corpus.open(demo_index).search("nuclear").total
    # every matching document has an author in the demo corpus: counts cover the result set
    assert sum(f["count"] for f in facets["source"]) == total
    assert facets["author"][0]["count"] >= facets["author"][-1]["count"]
    code, _, err = run("search", "--facets", "colour", index=demo_index)
    assert code == 2 and "unknown facet 'colour'" in err


def test_search_did_you_mean(demo_index: Path) -> None:
    code, out, err = run("search", "sanctoins", "--actor", "Rusia", index=demo_index)
    assert code == 1 and out == ""
    assert "did you mean sanctions (for sanctoins), Russia (for Rusia)?" in err
    expected = Corpus.open(demo_index).search("sanctions", actors=["Russia"]).total
    assert f"That finds {expected} documents" in err
    code, out, _ = run("search", "nuclaer", "--json", index=demo_index)
    data = json.loads(out)
    assert data["total"] == 0
    assert data["did_you_mean"]["changes"] == [{"typed": "nuclaer", "suggested": "nuclear"}]


def test_search_syntax_error_exit_2(demo_index: Path) -> None:
    code, out, err = run("search", '"nuclear deterrence', index=demo_index)
    assert code == 2 and out == ""
    assert "unbalanced quote" in err and "Traceback" not in err


# -- show -----------------------------------------------------------------------------------


def test_show_formats_and_highlighting(demo_index: Path) -> None:
    doc_id = first_id(demo_index, "deterrence")
    doc = Corpus.open(demo_index).get(doc_id)
    code, out, _ = run(
        "show", doc_id, "--format", "markdown", "--query", "deterrence", index=demo_index
    )
    assert code == 0
    assert out.startswith(f"# {doc.display_title}")
    assert "**deterrence**" in out.lower()
    for section in doc.sections:
        assert f"## {section}" in out
    code, out, _ = run("show", doc_id, "--format", "text", index=demo_index)
    assert out.startswith(doc.display_title) and doc.body.split("\n\n")[-1] in out
    code, out, _ = run("show", doc_id[:8], "--json", "-q", "deter*", index=demo_index)
    data = json.loads(out)
    assert data["id"] == doc_id
    assert data["matched"] and all(w.lower().startswith("deter") for w in data["matched"])
    code, out, _ = run("show", doc_id, "-q", "deterrence", index=demo_index)
    assert code == 0 and doc.display_title in out


# -- export ---------------------------------------------------------------------------------


def test_export_bibtex_ris_markdown(demo_index: Path, tmp_path: Path) -> None:
    expected = [d.id for d in Corpus.open(demo_index).documents("nuclear", actors=["Russia"])]
    assert expected
    target = tmp_path / "out.bib"
    code, out, err = run(
        "export",
        "nuclear",
        "--actor",
        "Russia",
        "--format",
        "bibtex",
        "-o",
        str(target),
        index=demo_index,
    )
    assert code == 0 and out == "" and f"exported {len(expected)} documents" in err
    library = bibtexparser.parse_string(target.read_text("utf-8"))
    assert not library.failed_blocks
    assert [e.fields_dict["corpus-search-id"].value for e in library.entries] == expected
    code, out, _ = run(
        "export", "nuclear", "--actor", "Russia", "--format", "ris", index=demo_index
    )
    assert [r["id"] for r in rispy.loads(out)] == expected
    code, out, _ = run(
        "export", "nuclear", "--actor", "Russia", "--format", "markdown", index=demo_index
    )
    assert out.startswith("# corpus-search: nuclear")
    assert out.count("\n- **") == len(expected)
    code, _, _ = run("export", "qqqzzz", "--format", "bibtex", index=demo_index)
    assert code == 1


# -- trend ----------------------------------------------------------------------------------


def test_trend_json_csv_and_chart(demo_index: Path) -> None:
    corpus = Corpus.open(demo_index)
    years = {str(d.published.year) for d in corpus.documents("nuclear") if d.published}
    code, out, _ = run("trend", "nuclear", "--json", index=demo_index)
    data = json.loads(out)
    assert code == 0 and data["by"] == "year" and data["split"] is None
    assert set(data["periods"]) >= years
    assert data["series"][0]["total"] == corpus.search("nuclear").total
    code, out, _ = run(
        "trend",
        "--actor",
        "Russia",
        "--split",
        "theme",
        "--top",
        "3",
        "--format",
        "csv",
        index=demo_index,
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["series"] for r in rows} and len({r["series"] for r in rows}) == 3
    assert list(rows[0]) == ["period", "series", "count"]
    code, out, _ = run("trend", "nuclear", "--by", "month", index=demo_index)
    assert code == 0 and "documents by month" in out and "█" in out
    code, _, err = run("trend", "--by", "week", index=demo_index)
    assert code == 2 and "week" in err


# -- similar --------------------------------------------------------------------------------


def test_similar(demo_index: Path) -> None:
    doc_id = first_id(demo_index, "nuclear")
    code, out, _ = run("similar", doc_id, "--limit", "3", "--json", index=demo_index)
    data = json.loads(out)
    assert code == 0 and len(data["hits"]) == 3
    assert data["query"]["like"]["id"] == doc_id
    assert doc_id not in {h["id"] for h in data["hits"]}
    code, out, _ = run("similar", doc_id, "--since", "2025", "--json", index=demo_index)
    assert all(h["published"] >= "2025" for h in json.loads(out)["hits"])
    code, _, err = run("similar", "0000000000", index=demo_index)
    assert code == 1 and "no document" in err


# -- saved searches -------------------------------------------------------------------------


def test_saved_search_new_only(writable_index: Path) -> None:
    code, _, err = run("saved", "add", "iran", "sanctions", "--actor", "Iran", index=writable_index)
    assert code == 0 and "saved search 'iran'" in err
    code, _, err = run("saved", "add", "iran", "x", index=writable_index)
    assert code == 2 and "--replace" in err
    code, _, err = run("saved", "add", "broken", '"oops', index=writable_index)
    assert code == 2 and "unbalanced quote" in err
    expected = {d.id for d in Corpus.open(writable_index).documents("sanctions", actors=["Iran"])}
    code, out, _ = run("saved", "run", "iran", "--new", "--format", "jsonl", index=writable_index)
    assert code == 0 and {json.loads(line)["id"] for line in out.splitlines()} == expected
    code, out, _ = run("saved", "run", "iran", "--new", "--json", index=writable_index)
    assert code == 1 and json.loads(out)["documents"] == []  # nothing new since
    Corpus.open(writable_index).add(
        [
            make_doc(
                "fresh1",
                "New sanctions on Iran.",
                title="Fresh",
                actors=[{"name": "Iran", "type": "country", "code": "IRN", "count": 1}],
            )
        ]
    )
    code, out, _ = run("saved", "run", "iran", "--new", "--json", index=writable_index)
    data = json.loads(out)
    assert code == 0 and [d["id"] for d in data["documents"]] == ["fresh1"]
    assert data["previous_run"]
    code, out, _ = run("saved", "run", "iran", "--json", index=writable_index)
    assert json.loads(out)["total"] == len(expected) + 1
    code, out, _ = run("saved", "list", "--json", index=writable_index)
    listed = json.loads(out)["searches"]
    assert [s["name"] for s in listed] == ["iran"]
    assert listed[0]["query"]["actors"] == ["Iran"] and listed[0]["seen"] == len(expected) + 1
    code, out, _ = run("saved", "list", index=writable_index)
    assert "iran" in out and "--actor 'Iran'" in out
    assert run("saved", "remove", "iran", index=writable_index)[0] == 0
    code, _, err = run("saved", "run", "iran", index=writable_index)
    assert code == 2 and "no saved search named 'iran'" in err


# -- tui without textual --------------------------------------------------------------------


def test_tui_without_textual_is_one_clear_line(
    demo_index: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in [m for m in sys.modules if m == "textual" or m.startswith("textual.")]:
        monkeypatch.setitem(sys.modules, name, None)  # as if textual were not installed
    monkeypatch.setitem(sys.modules, "textual", None)
    monkeypatch.delitem(sys.modules, "corpus_search.cli.tui_app", raising=False)
    code, _, err = run("tui", index=demo_index)
    assert code == 2
    assert err.strip().splitlines() == [
        "corpus-search: error: the terminal UI needs textual, which is missing from this "
        "installation (reinstall corpus-search, or: pip install textual)"
    ]


def test_snippets_start_at_a_sentence(demo_index: Path) -> None:
    result = Corpus.open(demo_index).search("deter*", limit=10)
    assert result.hits
    for hit in result.hits:
        doc = Corpus.open(demo_index).get(hit.id)
        assert hit.snippet[:1].isupper() or hit.snippet[:1].isdigit(), hit.snippet
        assert hit.snippet[:40] in " ".join(doc.body.split())
        assert any(w.startswith("deter") for w in hit.matched)
