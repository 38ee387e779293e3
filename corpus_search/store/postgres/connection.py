"""Connecting to the server, and turning the driver's errors into the project's.

Every error leaves this module as a ``CorpusSearchError`` with one line a person can act
on, the address's password masked (``address.mask_secrets``):

- cannot connect, or the server went away: ``IndexUnavailableError``;
- a hot standby asked to write: ``IndexWriteError`` ("this server is read-only (a
  replica): write to the primary");
- no schema: ``IndexNotFoundError`` ("run corpus-search init ADDRESS");
- a role without the right: ``IndexWriteError``;
- anything else the server refuses: ``IndexWriteError`` (writing) or
  ``IndexDamagedError`` (reading), with the server's own first line.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg import errors as pg_errors

from corpus_search.errors import (
    CorpusSearchError,
    IndexDamagedError,
    IndexNotFoundError,
    IndexUnavailableError,
    IndexWriteError,
)
from corpus_search.store.postgres.address import describe, mask_secrets

# The driver logs what it ignores while cleaning up after a lost connection ("error
# ignored terminating <psycopg.Copy>"); the error itself reaches the user once, through
# this module, so its log lines would only be a second, rawer copy on stderr.
logging.getLogger("psycopg").addHandler(logging.NullHandler())
logging.getLogger("psycopg").propagate = False

READ_ONLY = "this server is read-only (a replica): write to the primary"
APPLICATION = "corpus-search"


def connect(address: str, autocommit: bool = True) -> psycopg.Connection[Any]:
    """A connection to ``address`` (passed to libpq as given: PG* variables, the service
    and password files and every libpq option apply)."""
    try:
        conn = psycopg.connect(
            address, autocommit=autocommit, application_name=APPLICATION, prepare_threshold=None
        )
        # JIT compiling pays off on long analytical queries, not on a search: at a
        # million documents it added about 180 ms to a count of a common word's matches
        conn.execute("SET jit = off")
        return conn
    except psycopg.Error as exc:
        raise IndexUnavailableError(
            f"cannot connect to {describe(address)}: {_first_line(exc, address)}",
            "check the address, that the server runs, and your password (~/.pgpass or PGPASSWORD)",
        ) from None
    except (ValueError, TypeError) as exc:  # a malformed address
        raise IndexUnavailableError(
            f"cannot read the address {describe(address)}: {mask_secrets(str(exc), address)}",
            "write postgresql://USER@HOST:PORT/DATABASE",
        ) from None


def _first_line(exc: BaseException, address: str) -> str:
    text = str(exc).strip().splitlines()
    line = text[0] if text else type(exc).__name__
    # libpq prefixes "connection failed: connection to server at ... failed: "
    line = line.split("failed: ")[-1] if "failed: " in line else line
    return mask_secrets(line.strip(), address)


@contextmanager
def translated(address: str, writing: bool = False) -> Iterator[None]:
    """Run a block, turning driver errors into the project's (see the module docstring)."""
    try:
        yield
    except CorpusSearchError:
        raise
    except pg_errors.ReadOnlySqlTransaction:
        raise IndexWriteError(READ_ONLY) from None
    except pg_errors.UndefinedTable:
        raise IndexNotFoundError(
            f"no corpus schema in {describe(address)}",
            f"run 'corpus-search init {describe(address)}'",
        ) from None
    except pg_errors.InsufficientPrivilege as exc:
        raise IndexWriteError(
            f"the server refused: {_first_line(exc, address)}",
            "this role may not do that: ask for the writer role (see 'A corpus for a team')",
        ) from None
    except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
        raise IndexUnavailableError(
            f"lost the server at {describe(address)}: {_first_line(exc, address)}",
            "what was committed is kept: run the command again when the server is back",
        ) from None
    except psycopg.Error as exc:
        error = IndexWriteError if writing else IndexDamagedError
        raise error(f"the server refused: {_first_line(exc, address)}") from None
