"""Server addresses: recognising them, masking their passwords, and the local folder a
server corpus keeps its side files in. Nothing here imports the driver.

An address is a libpq connection URI (``postgresql://`` or ``postgres://``); it goes to
libpq as given, so the ``PG*`` environment variables, the service file
(``?service=NAME``), the password file (``~/.pgpass``) and every libpq option
(``sslmode``, ``sslrootcert``, ``connect_timeout``, ``target_session_attrs``, ...) work
as they do for ``psql``.

The side folder holds what is not shared through the server: the crawl's raw
``archive/`` and ``crawl/`` state (kept where the crawler runs, since only that machine
needs them to re-extract) and the compiled alias table (a cache of the gazetteer, rebuilt
on any machine). It is ``$CORPUS_SEARCH_LOCAL_DIR`` when set, else
``$XDG_DATA_HOME/corpus-search/servers/HOST-PORT-DATABASE`` (``~/.local/share/...``).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

SCHEMES = ("postgresql://", "postgres://")
LOCAL_DIR_ENV = "CORPUS_SEARCH_LOCAL_DIR"

# user:password@ in the authority, and password=... in a query string or a key=value
# conninfo
_URI_PASSWORD = re.compile(r"(?P<head>://[^/@:?#]*):(?P<secret>[^@/?#]*)@")
_PARAM_PASSWORD = re.compile(
    r"(?P<head>(?:^|[?&\s])password\s*=\s*)(?P<secret>'(?:[^'\\]|\\.)*'|[^&\s]*)", re.I
)
MASK = "****"


def is_server_address(address: object) -> bool:
    return isinstance(address, str) and address.strip().lower().startswith(SCHEMES)


def mask(text: str) -> str:
    """``text`` with any password in it replaced by ``****``."""
    text = _URI_PASSWORD.sub(lambda m: f"{m.group('head')}:{MASK}@", text)
    return _PARAM_PASSWORD.sub(lambda m: f"{m.group('head')}{MASK}", text)


def mask_secrets(text: str, address: str) -> str:
    """``text`` (a server's or the driver's message) with the address's password masked
    wherever it appears, and any address in it masked."""
    secret = password_of(address)
    if secret:
        text = text.replace(secret, MASK)
    return mask(text)


def password_of(address: str) -> str | None:
    try:
        parts = urlsplit(address)
    except ValueError:
        return None
    secret = unquote(parts.password) if parts.password else None
    if secret is None:
        found = re.search(r"(?:^|[?&])password=([^&]*)", parts.query)
        secret = unquote(found.group(1)) if found else None
    return secret or None


def describe(address: str) -> str:
    """The address as shown to a person: its password masked."""
    return mask(address)


def local_dir(address: str) -> Path:
    """The local folder for a server corpus's side files (see the module docstring)."""
    chosen = os.environ.get(LOCAL_DIR_ENV)
    if chosen:
        return Path(chosen).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "corpus-search" / "servers" / _folder_name(address)


def _folder_name(address: str) -> str:
    try:
        parts = urlsplit(address)
        host = parts.hostname or os.environ.get("PGHOST") or "local"
        port = parts.port or int(os.environ.get("PGPORT") or 5432)
        database = unquote(parts.path.lstrip("/")) or os.environ.get("PGDATABASE") or "default"
    except ValueError:
        host, port, database = "server", 5432, "default"
    name = f"{host}-{port}-{database}"
    return re.sub(r"[^\w.-]+", "_", name)[:120]
