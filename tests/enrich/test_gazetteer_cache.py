"""The built gazetteer kept on disk (``corpus_search.cache``): read back, it tags exactly as a
gazetteer built from the data files; a damaged file, an unwritable folder or caching
turned off cost time, never a result; an edited file is never served stale."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from corpus_search import cache
from corpus_search.demo.site import load_articles

# Run in a new process: what it prints is every demo article's tags, one JSON line each.
TAG_ALL = """
import json, sys
from corpus_search.demo.site import load_articles
from corpus_search.enrich.actors import Gazetteer
gazetteer = Gazetteer.load(sys.argv[1:])
for article in load_articles():
    text = article.title + "\\n" + "\\n".join(body for _kind, body in article.blocks)
    tags = gazetteer.tag(text, publisher=article.tank.name)
    print(json.dumps([[m.name, m.type, m.count, m.known] for m in tags]))
"""


def _tags(cache_env: str, *extra: Path) -> list[str]:
    env = {**os.environ, cache.ENV: cache_env}
    done = subprocess.run(
        [sys.executable, "-c", TAG_ALL, *map(str, extra)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.splitlines()


def _stored(folder: Path) -> list[Path]:
    return sorted(folder.glob("gazetteer*.pickle"))


def test_read_back_it_tags_as_the_data_files_do(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    built = _tags("off")
    assert len(built) == len(load_articles()) and any(json.loads(line) for line in built)
    assert not folder.exists()
    first = _tags(str(folder))  # builds and stores
    (stored,) = _stored(folder)
    written = stored.stat().st_mtime_ns
    second = _tags(str(folder))  # reads back
    assert stored.stat().st_mtime_ns == written  # read, not built again
    assert first == built and second == built
    assert (folder.stat().st_mode & 0o077) == 0  # a pickle is code: the owner's folder only


def test_a_damaged_file_is_built_again(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    built = _tags(str(folder))
    (stored,) = _stored(folder)
    stored.write_bytes(stored.read_bytes()[:1000])  # cut short
    assert _tags(str(folder)) == built
    (again,) = _stored(folder)
    assert again.stat().st_size > 1000


def test_a_folder_that_cannot_be_written_costs_only_time(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    assert _tags(str(blocked)) == _tags("off")
    assert blocked.read_text() == "not a folder"


def test_an_edited_extra_file_is_not_served_stale(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    extra = tmp_path / "mine.json"
    name = "Corvina Shipping Consortium"
    extra.write_text(json.dumps({"organizations": [{"name": "Nobody", "aliases": ["Nobody"]}]}))
    assert not any(name in line for line in _tags(str(folder), extra))
    extra.write_text(json.dumps({"organizations": [{"name": name, "aliases": ["Baltic"]}]}))
    os.utime(extra, ns=(extra.stat().st_atime_ns, extra.stat().st_mtime_ns + 10**9))
    assert any(name in line for line in _tags(str(folder), extra))


def test_only_the_newest_files_are_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENV, str(tmp_path))
    for number in range(cache.KEEP + 2):
        assert cache.write("label", f"key{number}", {"n": number})
        os.utime(tmp_path / f"label-key{number}.pickle", ns=(number * 10**9, number * 10**9))
    assert cache.write("label", "last", {"n": "last"})
    kept = sorted(p.name for p in tmp_path.glob("label-*.pickle"))
    assert len(kept) == cache.KEEP and "label-last.pickle" in kept
    assert "label-key0.pickle" not in kept
    assert not list(tmp_path.glob(".*.part"))
    assert cache.read("label", "last") == {"n": "last"}
    assert cache.read("label", "key0") is None


@pytest.mark.parametrize("value", ["off", "0", "", "none"])
def test_caching_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(cache.ENV, value)
    assert cache.folder() is None
    assert not cache.write("label", "key", 1) and cache.read("label", "key") is None


def test_the_default_folder_is_the_users_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(cache.ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "/somewhere/cache")
    assert cache.folder() == Path("/somewhere/cache/corpus-search")


def test_a_missing_file_gives_no_key(tmp_path: Path) -> None:
    present = tmp_path / "a.json"
    present.write_text("{}")
    assert cache.key("x", [present]) is not None
    assert cache.key("x", [present]) != cache.key("y", [present])
    assert cache.key("x", [present, tmp_path / "missing.json"]) is None


LANGUAGES = """
import json
from corpus_search.demo.site import load_articles
from corpus_search.extract.language import _identifier
texts = [" ".join(body for _kind, body in a.blocks)[:3000] for a in load_articles()]
texts += ["Une phrase assez longue pour que le modèle puisse dire sa langue sans hésiter.",
          "Ein Satz, der lang genug ist, damit das Modell seine Sprache erkennen kann."]
print(json.dumps([list(_identifier().classify(t)) for t in texts]))
"""


def test_the_language_model_read_back_classifies_as_the_packaged_one(tmp_path: Path) -> None:
    def run(cache_env: str) -> list[list[object]]:
        env = {**os.environ, cache.ENV: cache_env}
        done = subprocess.run(
            [sys.executable, "-c", LANGUAGES], env=env, capture_output=True, text=True, check=True
        )
        return json.loads(done.stdout)

    packaged = run("off")
    assert [code for code, _p in packaged[-2:]] == ["fr", "de"]
    folder = tmp_path / "cache"
    assert run(str(folder)) == packaged  # unpacked, then stored
    (stored,) = folder.glob("language-*.pickle")
    written = stored.stat().st_mtime_ns
    assert run(str(folder)) == packaged  # read back
    assert stored.stat().st_mtime_ns == written
