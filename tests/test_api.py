"""The public surface and the house boundaries."""

import ast
from pathlib import Path

import corpus_search
from corpus_search import Document
from corpus_search.dates import PartialDate

PACKAGE = Path(corpus_search.__file__).parent


def test_public_api_is_deliberate() -> None:
    assert set(corpus_search.__all__) == {
        "Corpus",
        "CrawlOptions",
        "CrawlReport",
        "Document",
        "Author",
        "ActorMention",
        "ThemeScore",
        "Query",
        "SearchResult",
        "Hit",
        "Stats",
        "IngestReport",
        "PartialDate",
        "CorpusSearchError",
        "SCHEMA_VERSION",
        "__version__",
    }


def imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_boundaries() -> None:
    """Only store/whoosh/ imports whoosh and only store/postgres/ the PostgreSQL driver;
    only render/ and cli/ import rich; nothing outside crawl/ speaks HTTP; only extract/
    and sites/ parse HTML."""
    rules = {
        "whoosh": {"store/whoosh"},
        "psycopg": {"store/postgres"},
        "psycopg2": {"store/postgres"},
        "psycopg_pool": {"store/postgres"},
        "rich": {"render", "cli"},
        "httpx": {"crawl"},
        "urllib3": {"crawl"},
        "requests": {"crawl"},
        "bs4": {"extract", "sites"},
        "trafilatura": {"extract"},
    }
    for path in PACKAGE.rglob("*.py"):
        where = path.relative_to(PACKAGE).as_posix()
        for module in imports_of(path):
            if module in rules:
                allowed = rules[module]
                assert any(where.startswith(place + "/") for place in allowed), (
                    f"{path} imports {module}"
                )


def test_document_round_trip() -> None:
    data = {
        "id": "x1",
        "url": "https://a.example/1",
        "source": "A",
        "title": "T",
        "authors": [{"name": "N", "role": "R"}],
        "published": "2024-05",
        "body": "Body text.",
        "actors": [{"name": "China", "type": "country", "code": "CHN", "count": 2, "first": 0}],
        "themes": [{"id": "trade", "score": 0.5}],
        "mentioned_years": [1999],
    }
    doc = Document.from_dict(data)
    assert doc.published == PartialDate(2024, 5) and doc.enriched
    again = Document.from_dict(doc.to_dict())
    assert again == doc
