"""Dates a text mentions: the years it discusses and the full dates it names.

``mentioned_years`` lets a researcher find pieces that discuss 1979 even when they were
written in 2025. A four-digit number counts as a year when it lies in 1800..2100 and is
not a quantity ("1500 troops", "$2000", "2000 km", "2,000").
"""

from __future__ import annotations

import re
from contextlib import suppress
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = (
    r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_MDY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b")
_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(\d{{4}})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
# A year not after a digit, a separator or a currency sign, nor inside a word: the test
# on the character before comes after the four digits (the same test, as a look-behind
# over them), so that the pattern opens with a plain "1" or "2" and a search skips the
# rest of the text at C speed.
_YEAR = re.compile(r"(1[89]\d\d|20\d\d|2100)(?<![\w,.$£€]\d{4})\b(?![,.]\d)(?!\s*(?:%|per\s?cent))")
# Where a month's name may start (a first screen for the dates above, which open with
# a word boundary and so make a search try every position), and what follows the month
# in a day-month-year date.
_MONTH_AT = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
_MONTH_YEAR = re.compile(rf"{_MONTH},?\s+\d{{4}}\b")
_ISO_AT = re.compile(r"-\d\d-")
_QUANTITY_AFTER = re.compile(
    r"\s*(?:troops|soldiers|people|km|kilomet(?:re|er)s?|miles|tonnes|tons|dollars|euros|"
    r"barrels|missiles|units|men|casualties|billion|million|metres|meters|aircraft|tanks)\b",
    re.IGNORECASE,
)


def mentioned_years(text: str) -> list[int]:
    years = set()
    for match in _YEAR.finditer(text):
        if _QUANTITY_AFTER.match(text, match.end()):
            continue
        years.add(int(match.group(1)))
    return sorted(years)


def mentioned_dates(text: str) -> list[str]:
    """Full dates named in the text, as ISO strings, sorted and unique."""
    found: set[date] = set()
    # A month-day-year date starts where a month's name does, and no such date holds
    # another month's start: matching at each start finds what a search would.
    months = [m.start() for m in _MONTH_AT.finditer(text)]
    for start in months:
        match = _MDY.match(text, start)
        if match is not None:
            _add(found, match.group(3), match.group(1), match.group(2))
    # A day-month-year date has a month name after a space and a year after the month.
    if any(text[k - 1 : k].isspace() and _MONTH_YEAR.match(text, k) for k in months):
        for match in _DMY.finditer(text):
            _add(found, match.group(3), match.group(2), match.group(1))
    for match in _ISO.finditer(text) if _ISO_AT.search(text) else ():
        with suppress(ValueError):
            found.add(date(int(match.group(1)), int(match.group(2)), int(match.group(3))))
    return [d.isoformat() for d in sorted(found)]


def parse_text_date(text: str) -> date | None:
    """The first full date in a short string such as "Jan 16, 2025 4 min read"."""
    dates: list[tuple[int, date]] = []
    for pattern, order in ((_MDY, (3, 1, 2)), (_DMY, (3, 2, 1))):
        for match in pattern.finditer(text):
            found: set[date] = set()
            _add(found, *(match.group(k) for k in order))
            dates.extend((match.start(), d) for d in found)
    iso = _ISO.search(text)
    if iso:
        with suppress(ValueError):
            dates.append((iso.start(), date(*(int(g) for g in iso.groups()))))
    return min(dates)[1] if dates else None


def _add(found: set[date], year: str, month: str, day: str) -> None:
    number = MONTHS.get(month.lower().rstrip("."))
    if not number:
        return
    with suppress(ValueError):
        found.add(date(int(year), number, int(day)))
