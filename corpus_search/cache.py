"""What every process that tags would otherwise build again: kept on disk between runs.

Two things: the built gazetteer (some 32,000 actors from 10 MB of JSON, with the tables
the tagger walks; about 0.9 s to build, 0.35 s to read back) and the language model
(py3langid's, unpacked from its xz file: about 0.5 s, 0.05 s read back). Every process
that extracts or tags pays them once: each ingest, crawl and reindex, each of their
workers, each ``actors`` command.

A file's name carries a key made from everything the object is built from: this
package's version, Python's, and the size and modification time of every file it is
made of (the tagger's code and data files and each extra gazetteer file; the model's
file). An edited file or an upgrade builds afresh; a file that cannot be read back
(damaged, cut short) is removed and rebuilt; a folder that cannot be written costs only
the time it would save.

The folder is ``$XDG_CACHE_HOME/corpus-search`` (``~/.cache/corpus-search``), created
readable by its owner only: a pickle is code, so the folder must not be one that others
can write. ``CORPUS_SEARCH_CACHE`` names another folder, or ``off`` for none.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ENV = "CORPUS_SEARCH_CACHE"
KEEP = 3  # files kept per label (a few versions, or a gazetteer with different user files)
_FORMAT = 1  # raised when what is stored changes shape
_OFF = {"", "0", "off", "no", "false", "none"}


def folder() -> Path | None:
    """Where cached objects live, or None when caching is off."""
    value = os.environ.get(ENV)
    if value is not None:
        return None if value.strip().lower() in _OFF else Path(value).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "corpus-search"


def key(label: str, files: Iterable[Path]) -> str | None:
    """A key for an object built from ``files``, or None when one of them cannot be
    read (then nothing is cached: the build reports what is wrong)."""
    from corpus_search import __version__

    digest = hashlib.sha256(f"{label}|{_FORMAT}|{__version__}|{sys.version}".encode())
    for path in files:
        try:
            stat = path.stat()
        except OSError:
            return None
        digest.update(f"|{path}|{stat.st_size}|{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:32]


def tagger_files() -> list[Path]:
    """The files of ``corpus_search.enrich`` (its code and its data), in a stable order."""
    here = Path(__file__).resolve().parent / "enrich"
    return sorted(here.glob("*.py")) + sorted(p for p in (here / "data").iterdir() if p.is_file())


def _path(where: Path, label: str, key: str) -> Path:
    return where / f"{label}-{key}.pickle"


def read(label: str, key: str | None) -> Any | None:
    """The object stored under ``label`` and ``key``, or None."""
    where = folder()
    if where is None or key is None:
        return None
    path = _path(where, label, key)
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        return pickle.loads(data)
    except Exception:  # damaged or cut short: built again and stored afresh
        with contextlib.suppress(OSError):
            path.unlink()
        return None


def write(label: str, key: str | None, value: Any) -> bool:
    """Store ``value`` (atomically: a reader never sees half a file) and keep the
    ``KEEP`` newest files of ``label``; False when it could not be stored."""
    where = folder()
    if where is None or key is None:
        return False
    temporary = None
    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        handle, temporary = tempfile.mkstemp(dir=where, prefix=f".{label}-", suffix=".part")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, _path(where, label, key))
        temporary = None
        mine = [p for p in where.glob(f"{label}-*.pickle") if p.stem.rsplit("-", 1)[0] == label]
        stored = sorted(mine, key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in stored[KEEP:]:
            old.unlink()
        return True
    except Exception:  # a full disk, a read-only home, a file removed meanwhile
        return False
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
