import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus_search.dates import PartialDate
from corpus_search.errors import InvalidFilterError


@given(st.dates(min_value=dt.date(1000, 1, 1)), st.sampled_from(["year", "month", "day"]))
def test_partial_date_round_trip(day: dt.date, precision: str) -> None:
    value = PartialDate(
        day.year,
        day.month if precision != "year" else None,
        day.day if precision == "day" else None,
    )
    assert PartialDate.parse(str(value)) == value
    assert value.first_day() <= day <= value.last_day() or precision == "day"


def test_ranges() -> None:
    assert PartialDate.parse("2024-02").last_day() == dt.date(2024, 2, 29)
    assert PartialDate.parse("2025").first_day() == dt.date(2025, 1, 1)


@pytest.mark.parametrize("bad", ["", "25", "2025-13", "2025-02-30", "May 2025", "2025/05"])
def test_bad_dates(bad: str) -> None:
    with pytest.raises(InvalidFilterError):
        PartialDate.parse(bad)
