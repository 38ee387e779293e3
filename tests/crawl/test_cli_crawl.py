"""``crawl``, ``sites``, ``ingest FILE.warc.gz`` and ``reindex --from-archive`` through
the CLI, against the demo site served on loopback."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from corpus_search.cli import cli
from corpus_search.demo.site import build_site, serve_site


def run(*args: str, index: Path | None = None) -> tuple[int, str, str]:
    argv = (["--index", str(index)] if index else []) + list(args)
    result = CliRunner().invoke(cli, argv, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("site")
    build_site(root)
    with serve_site(root) as url:
        yield url


def test_sites_lists_profiles_with_what_is_known() -> None:
    code, out, _ = run("sites", "--json")
    assert code == 0
    data = json.loads(out)
    names = {row["name"] for row in data["sites"]}
    assert {"rusi", "csis", "carnegie", "chathamhouse", "brookings", "ecfr"} <= names
    assert len(names) >= 10
    rusi = next(r for r in data["sites"] if r["name"] == "rusi")
    assert rusi["evidence"] == "inferred" and "inferred" in rusi["verified"]
    code, out, _ = run("sites", "brookings")
    assert code == 0 and "sitemap_index.xml" in out and "wp-json" in out
    code, _, err = run("sites", "nosuchtank")
    assert code == 2 and "no site profile named 'nosuchtank'" in err


def test_user_profiles_extend_the_packaged_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = tmp_path / "mine.json"
    mine.write_text(
        json.dumps(
            {
                "name": "mytank",
                "title": "My Tank",
                "hosts": ["my.example"],
                "discovery": [{"kind": "feed", "url": "https://my.example/feed/"}],
                "articles": ["^/notes/"],
                "verified": "my own",
            }
        )
    )
    monkeypatch.setenv("CORPUS_SEARCH_SITES", str(mine))
    _code, out, _ = run("sites", "--json")
    assert "mytank" in {row["name"] for row in json.loads(out)["sites"]}


def test_crawl_json_summary_then_rerun(base: str, tmp_path: Path) -> None:
    index = tmp_path / "ix"
    code, out, err = run("crawl", "--url", base + "/", "--delay", "0", "--json", index=index)
    assert code == 0, err
    summary = json.loads(out)
    assert summary["schema_version"] == 1 and summary["added"] == 48 and summary["failed"] == []
    assert "found 48 = added 48 + updated 0" in err and "fetched 48" in err
    code, out, err = run("crawl", "--url", base + "/", "--delay", "0", "--json", index=index)
    assert code == 0 and json.loads(out)["skipped"] == 48 and "unchanged 48" in err


def test_dry_run_lists_urls_on_stdout(base: str, tmp_path: Path) -> None:
    code, out, err = run(
        "crawl", "--url", base + "/kestrel/", "--dry-run", "--delay", "0", index=tmp_path / "ix"
    )
    assert code == 0, err
    lines = out.split()
    assert len(lines) == 8 and all("/kestrel/perspectives/" in u for u in lines)


def test_crawl_errors_are_one_line_with_a_hint(base: str, tmp_path: Path) -> None:
    code, _, err = run("crawl", "nosuchtank", index=tmp_path / "ix")
    assert code == 2 and "corpus-search sites" in err and "Traceback" not in err
    code, _, err = run("crawl", index=tmp_path / "ix")
    assert code == 2 and "--url" in err
    code, _, err = run("crawl", "--url", "file:///etc/passwd", index=tmp_path / "ix")
    assert code == 2 and "only http:// and https://" in err
    code, _, err = run("crawl", "--url", base + "/", "--since", "last week", index=tmp_path / "ix")
    assert code == 2 and "--since" in err
    code, _, err = run(
        "crawl", "--url", base + "/nothing-here-at-all/", "--delay", "0", index=tmp_path / "ix"
    )
    assert code == 2 and "404" in err


def test_ingest_warc_and_reindex_from_archive(base: str, tmp_path: Path) -> None:
    crawled = tmp_path / "crawled"
    run("crawl", "--url", base + "/aldgate/", "--delay", "0", index=crawled)
    warcs = sorted((crawled / "archive").glob("*.warc.gz"))
    assert len(warcs) == 1
    code, _, err = run("ingest", str(warcs[0]), index=tmp_path / "other")
    assert code == 0 and "added 8" in err
    code, _, err = run("reindex", "--from-archive", index=crawled)
    assert code == 0 and "from the archive" in err and "unchanged 8" in err
    code, _, err = run("reindex", "--from-archive", index=tmp_path / "other")
    assert code == 2 and "no WARC archive" in err
