"""Partial dates: "2025", "2025-05" or "2025-05-08", and the day range each covers.

Publication dates often carry only a year or a month. A ``PartialDate`` keeps the
precision, and ``DateRange`` filters use containment: a document is inside a range
when the whole period its date covers is inside it (a document dated "2025" is
inside ``--since 2025`` and ``--until 2025``, but not inside ``--since 2025-05``,
since it may have appeared in January).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from corpus_search.errors import InvalidFilterError

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day (``2025``, ``2025-05``,
    ``2025-05-08``); its precision is kept, never guessed."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise InvalidFilterError otherwise."""
        match = _PARTIAL.match(text.strip())
        if not match:
            raise InvalidFilterError(
                f"not a date: {text!r}", "use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025-05"
            )
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        try:
            date(year, month or 1, day or 1)
        except ValueError:
            raise InvalidFilterError(
                f"not a date: {text!r}", "use YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025-05"
            ) from None
        return cls(year, month, day)

    @classmethod
    def from_date(cls, value: date) -> PartialDate:
        return cls(value.year, value.month, value.day)

    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        if self.day:
            return self.first_day()
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    def __str__(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


def day_number(value: date) -> int:
    """A sortable integer for a day: 2025-05-08 -> 20250508."""
    return value.year * 10000 + value.month * 100 + value.day


def period_range(seen: list[str], by: str) -> list[str]:
    """Every period ("YYYY" when ``by`` is "year", else "YYYY-MM") from the first to the
    last of ``seen``, so that a trend's gaps show as zeros."""
    if not seen:
        return []
    first, last = min(seen), max(seen)
    if by == "year":
        return [f"{y:04d}" for y in range(int(first), int(last) + 1)]
    out = []
    year, month = int(first[:4]), int(first[5:])
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def parse_optional(text: str | None) -> PartialDate | None:
    return PartialDate.parse(text) if text else None
