"""Shared fixtures. No test touches ./index or the network: CORPUS_SEARCH_INDEX points
every test at a temporary folder, and corpora are built in tmp_path."""

from __future__ import annotations

import itertools
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from corpus_search import Corpus, Document

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
SEED = SHARED / "seed" / "000_a19f6c9843bf90df.txt"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", help="also run tests marked slow")


# -- fuzzing at two scales ------------------------------------------------------------------
# Property and hostile-input tests run ``default`` examples each in the default run and
# ``slow`` with ``pytest --slow``; every case run is counted per module and the totals
# are printed at the end of the run ("fuzz cases").

SLOW = False
CACHE = ""
FUZZ_COUNTS: dict[str, int] = {}


def pytest_configure(config: pytest.Config) -> None:
    global SLOW, CACHE
    SLOW = bool(config.getoption("--slow"))
    # The built gazetteer (``enrich.cache``) is kept for this run only, shared by every
    # test and every CLI run under it, never in the user's own cache folder.
    CACHE = tempfile.mkdtemp(prefix="corpus-search-cache-")
    os.environ["CORPUS_SEARCH_CACHE"] = CACHE


def pytest_unconfigure(config: pytest.Config) -> None:
    if CACHE:
        shutil.rmtree(CACHE, ignore_errors=True)


def fuzz(default: int, slow: int) -> Any:
    """Hypothesis settings for ``default`` examples (``slow`` under --slow)."""
    from hypothesis import HealthCheck, settings

    return settings(
        max_examples=slow if SLOW else default,
        deadline=None,
        suppress_health_check=[
            HealthCheck.too_slow,
            HealthCheck.function_scoped_fixture,
            HealthCheck.filter_too_much,
            HealthCheck.data_too_large,
        ],
    )


def count_case(module: str, cases: int = 1) -> None:
    """Record ``cases`` fuzz cases run by ``module`` (a test's ``__name__``)."""
    FUZZ_COUNTS[module] = FUZZ_COUNTS.get(module, 0) + cases


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if FUZZ_COUNTS:
        terminalreporter.write_sep("-", "fuzz cases")
        for module, cases in sorted(FUZZ_COUNTS.items()):
            terminalreporter.write_line(f"{module}: {cases}")
        terminalreporter.write_line(f"total: {sum(FUZZ_COUNTS.values())}")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with pytest --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


def shared_path(*parts: str) -> Path:
    """A path under ../shared/data, or skip the test when that folder is absent (as on a
    user's machine: the real pages are third-party material we do not ship)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared evaluation data not found at {path} (only in the dev checkout)")
    return path


@pytest.fixture(autouse=True)
def _isolated_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CORPUS_SEARCH_INDEX", str(tmp_path / "default-index"))
    # a server corpus's local side files (archive, crawl state, alias table)
    monkeypatch.setenv("CORPUS_SEARCH_LOCAL_DIR", str(tmp_path / "server-local"))
    monkeypatch.delenv("CORPUS_SEARCH_DEBUG", raising=False)


def offline_resolver(host: str) -> list[str]:
    """No test asks the network's DNS: names are unknown unless a test brings its own
    resolver (``CrawlOptions.resolver``, ``Scope(resolver=...)``)."""
    return ["127.0.0.1"] if host == "localhost" else []


@pytest.fixture(autouse=True)
def _no_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("corpus_search.crawl.urls.system_resolver", offline_resolver)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[object]:
    """A real PostgreSQL server of our own for the session (tests/pgserver.py); skipped
    where the server programs are missing, a failure when CORPUS_SEARCH_REQUIRE_POSTGRES=1
    (CI sets it, so these tests always run there)."""
    from tests import pgserver

    reason = pgserver.available()
    if reason:
        if os.environ.get(pgserver.REQUIRE_ENV) == "1":
            pytest.fail(f"{pgserver.REQUIRE_ENV}=1 but {reason}")
        pytest.skip(f"no PostgreSQL here: {reason}")
    server = pgserver.PgServer().init().start()
    try:
        yield server
    finally:
        server.destroy()


_databases = itertools.count(1)


@pytest.fixture
def pg_url(pg_server: object) -> str:
    """The address of a new, empty database on the session's server."""
    return pg_server.create_database(f"t{os.getpid()}_{next(_databases)}")  # type: ignore[attr-defined]


STORES = ("folder", "postgres")


@pytest.fixture(params=STORES)
def store_kind(request: pytest.FixtureRequest) -> str:
    """Each store in turn: the behavioural store tests run against both."""
    return str(request.param)


@pytest.fixture
def new_corpus(
    store_kind: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Callable[[str], Corpus]:
    """make(name) -> a new, empty corpus on the store under test: a folder in tmp_path,
    or a new database on the session's PostgreSQL server."""

    def make(name: str = "ix") -> Corpus:
        if store_kind == "folder":
            return Corpus.open(tmp_path / name, create=True)
        server = request.getfixturevalue("pg_server")
        url = server.create_database(f"t{os.getpid()}_{next(_databases)}")
        return Corpus.open(url, create=True)

    return make


@pytest.fixture(scope="session")
def seed_text() -> str:
    return shared_path("seed", SEED.name).read_text("utf-8")


@pytest.fixture(scope="session")
def seed_expected() -> dict:
    return json.loads(shared_path("seed", SEED.name.replace(".txt", ".expected.json")).read_text())


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    from corpus_search.demo.site import build_site

    return build_site(tmp_path_factory.mktemp("demo-site"))


@pytest.fixture(scope="session")
def demo_index(tmp_path_factory: pytest.TempPathFactory, demo_site: list[Path]) -> Path:
    """A real corpus of the 48 demo pages, built once per test session (read-only use)."""
    path = tmp_path_factory.mktemp("demo-index")
    corpus = Corpus.open(path, create=True)
    report = corpus.ingest(demo_site)
    assert report.added == len(demo_site) and not report.failed
    return path


def harbour_gazetteer(folder: Path) -> Path:
    """A user gazetteer file adding one invented organisation, for reindex tests."""
    path = folder / "mine.json"
    record = {"name": "Harbour Board", "country": None, "aliases": ["Harbour Board of Valdoria"]}
    path.write_text(json.dumps({"organizations": [record]}))
    return path


def country_actors(*names: str) -> list[dict]:
    """``actors`` records for make_doc: countries with no code, mentioned once."""
    return [{"name": n, "type": "country", "code": None, "count": 1} for n in names]


def make_doc(doc_id: str, body: str, **fields: object) -> Document:
    """A small, already-enriched document for store tests."""
    data = {"id": doc_id, "body": body, "actors": [], "themes": [], **fields}
    return Document.from_dict(data)
