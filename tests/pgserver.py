"""A throwaway PostgreSQL server for the tests: initdb into a temporary folder, start it
on a free loopback port, stop and delete it at the end.

``initdb`` refuses to run as root, so as root the server runs as the ``postgres`` user
(``runuser``); as anyone else it runs as that user. ``available()`` says why the server
programs cannot be used, or None; ``tests/conftest.py`` turns that into a skip, or a
failure when ``CORPUS_SEARCH_REQUIRE_POSTGRES=1`` (set by ``.ci/run``).
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

REQUIRE_ENV = "CORPUS_SEARCH_REQUIRE_POSTGRES"


def _bindir() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    try:
        out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    path = Path(out.stdout.strip())
    return path if (path / "pg_ctl").exists() else None


def _program(name: str) -> str:
    bindir = _bindir()
    for folder in ([bindir] if bindir else []) + [Path(p) for p in _pg_config_bindir()]:
        if (folder / name).exists():
            return str(folder / name)
    found = shutil.which(name)
    if not found:
        raise FileNotFoundError(name)
    return found


def _pg_config_bindir() -> list[str]:
    try:
        out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return []
    return [out.stdout.strip()]


def available() -> str | None:
    """None when a server can be started here, else the reason it cannot."""
    try:
        for name in ("initdb", "pg_ctl", "postgres"):
            _program(name)
    except FileNotFoundError as exc:
        return f"PostgreSQL server program {exc.args[0]!r} not found (install PostgreSQL 15)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no 'postgres' user to run initdb as"
        if not shutil.which("runuser"):
            return "running as root and 'runuser' is missing"
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PgServer:
    """One server. ``url(db)`` is its address; ``stop()``/``start()`` for tests of a
    server going away; ``replica()`` makes a hot standby of it with pg_basebackup -R."""

    def __init__(
        self, folder: Path | None = None, port: int | None = None, shared_buffers: str = "128MB"
    ) -> None:
        self.shared_buffers = shared_buffers  # the tests' default; a benchmark may give more
        self.root = folder or Path(tempfile.mkdtemp(prefix="corpus-search-pg-"))
        self.data = self.root / "data"
        self.port = port or free_port()
        self.log = self.root / "server.log"
        self._owner = "postgres" if os.geteuid() == 0 else None
        if self._owner:
            user = pwd.getpwnam(self._owner)
            os.chmod(self.root, 0o755)
            os.chown(self.root, user.pw_uid, user.pw_gid)

    # -- running programs as the server's owner ---------------------------------------

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        command = list(args)
        if self._owner:
            command = ["runuser", "-u", self._owner, "--", *command]
        return subprocess.run(command, capture_output=True, text=True, check=check, timeout=120)

    def init(self) -> PgServer:
        self._run(
            _program("initdb"),
            "-D",
            str(self.data),
            "-A",
            "trust",
            "-U",
            "postgres",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        return self

    def start(self) -> PgServer:
        # fsync=off only: the tests stop servers (even with -m immediate) but never crash
        # the machine, so the OS keeps what was written. full_page_writes and
        # synchronous_commit stay on: without full-page images, replaying the generic WAL
        # records an extension index (RUM) writes corrupted it after an immediate stop, and
        # asynchronous commits would lose the last transactions a test counts on.
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
            f"-c fsync=off -c max_connections=60 -c shared_buffers={self.shared_buffers}"
        )
        result = self._run(
            _program("pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.log),
            "-w",
            "-t",
            "60",
            "start",
            check=False,
        )
        if result.returncode != 0:
            log = self.log.read_text("utf-8", "replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"pg_ctl start failed: {result.stderr}\n{log}")
        return self

    def stop(self, mode: str = "fast") -> None:
        self._run(_program("pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def destroy(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str = "postgres", user: str = "postgres") -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def psql(self, sql: str, database: str = "postgres") -> str:
        result = self._run(
            _program("psql"),
            "-X",
            "-A",
            "-t",
            "-v",
            "ON_ERROR_STOP=1",
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
            "-U",
            "postgres",
            "-d",
            database,
            "-c",
            sql,
        )
        return result.stdout.strip()

    def create_database(self, name: str) -> str:
        """A new empty database; its address."""
        self.psql(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def replica(self) -> PgServer:
        """A hot standby of this server (pg_basebackup -R), started; read-only."""
        standby = PgServer()
        self._run(
            _program("pg_basebackup"),
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
            "-U",
            "postgres",
            "-D",
            str(standby.data),
            "-R",
            "-X",
            "stream",
            "-c",
            "fast",  # a spread checkpoint would wait minutes on an idle server
        )
        return standby.start()
