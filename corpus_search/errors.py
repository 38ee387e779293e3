"""The one exception hierarchy of corpus-search.

Every error a person can act on is a ``CorpusSearchError`` carrying a message and,
where one helps, a hint. The CLI maps the whole tree to exit code 2 in one place
(``corpus_search.cli``); library users catch ``CorpusSearchError``.

    CorpusSearchError
     ├── IndexNotFoundError      no corpus at the given directory
     ├── IndexVersionError       the corpus was written by another schema version
     ├── IndexDamagedError       the corpus files cannot be read (see `repair`)
     ├── IndexLockedError        another process is writing to the corpus
     ├── IndexWriteError         the corpus cannot be written (disk full, permissions,
     │                           a read-only server)
     ├── IndexUnavailableError   the corpus's server cannot be reached or stopped answering
     ├── QuerySyntaxError        a query that cannot be parsed
     ├── InvalidFilterError      a filter value that cannot be understood (a date, a sort key)
     ├── InputError              a file or record that cannot be read or parsed
     └── DocumentNotFoundError   no document with the given id
"""

from __future__ import annotations


class CorpusSearchError(Exception):
    """Base class: ``message`` says what went wrong, ``hint`` what to do about it,
    ``exit_code`` what the CLI exits with (2, grep's "error")."""

    exit_code = 2

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class IndexNotFoundError(CorpusSearchError):
    pass


class IndexVersionError(CorpusSearchError):
    pass


class IndexDamagedError(CorpusSearchError):
    pass


class IndexLockedError(CorpusSearchError):
    pass


class IndexWriteError(CorpusSearchError):
    pass


class IndexUnavailableError(CorpusSearchError):
    pass


class QuerySyntaxError(CorpusSearchError):
    pass


class InvalidFilterError(CorpusSearchError):
    pass


class InputError(CorpusSearchError):
    pass


class DocumentNotFoundError(CorpusSearchError):
    exit_code = 1  # like grep: nothing found, not a failure
