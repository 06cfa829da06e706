"""PartialDate: parsing, printing at its own precision, ordering, TOML round trip."""

from __future__ import annotations

import datetime
import tomllib

import pytest
import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from newtowns_cli.model.dates import PartialDate


@pytest.mark.parametrize(
    ("value", "text", "precision"),
    [
        (1972, "1972", "year"),
        ("1972", "1972", "year"),
        ("1976-05", "1976-05", "month"),
        ("2022-11-28", "2022-11-28", "day"),
        (datetime.date(2022, 11, 28), "2022-11-28", "day"),
    ],
)
def test_parse_prints_at_its_own_precision(value: object, text: str, precision: str) -> None:
    """Each accepted form prints back at the precision it was given."""
    date = PartialDate.parse(value)
    assert str(date) == text
    assert date.precision == precision


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (True, "got a boolean"),
        (72, "year 72 is out of range (1000-9999)"),
        ("1976-13", "month 13 is out of range (1-12)"),
        ("2023-02-29", "day 29 is out of range for 2023-02 (1-28)"),
        ("1976-5", "expected YYYY, YYYY-MM or YYYY-MM-DD, got '1976-5'"),
        ("28-11-2022", "expected YYYY, YYYY-MM or YYYY-MM-DD, got '28-11-2022'"),
        (datetime.datetime(2022, 11, 28, 9, 30), "got a date-time"),
        (1972.0, "got float"),
    ],
)
def test_parse_rejects_with_a_reason(value: object, message: str) -> None:
    """Wrong values fail with a message naming what is wrong."""
    with pytest.raises(
        (TypeError, ValueError), match=message.replace("(", r"\(").replace(")", r"\)")
    ):
        PartialDate.parse(value)


def test_year_sorts_before_months_and_days_of_that_year() -> None:
    """A year-only date comes before every month and day in the same year."""
    dates = [PartialDate.parse(v) for v in ["1972-01-01", "1973", "1972-01", "1972", "1971-12-31"]]
    assert [str(d) for d in sorted(dates)] == [
        "1971-12-31",
        "1972",
        "1972-01",
        "1972-01-01",
        "1973",
    ]


def test_bounds_of_partial_dates() -> None:
    """first_day and last_day span what the date can mean."""
    assert PartialDate.parse(1972).first_day() == datetime.date(1972, 1, 1)
    assert PartialDate.parse(1972).last_day() == datetime.date(1972, 12, 31)
    assert PartialDate.parse("2024-02").last_day() == datetime.date(2024, 2, 29)
    assert PartialDate.parse("2022-11-28").last_day() == datetime.date(2022, 11, 28)


def test_immutable() -> None:
    """A PartialDate cannot be changed after creation."""
    with pytest.raises(AttributeError):
        PartialDate(1972).year = 1973  # type: ignore[misc]


partial_dates = st.one_of(
    st.integers(1000, 9999).map(PartialDate),
    st.builds(PartialDate, st.integers(1000, 9999), st.integers(1, 12)),
    st.dates(datetime.date(1000, 1, 1), datetime.date(9999, 12, 31)).map(PartialDate.parse),
)


@given(partial_dates)
def test_text_round_trip(date: PartialDate) -> None:
    """Printing and parsing again gives the same date."""
    assert PartialDate.parse(str(date)) == date


@given(partial_dates)
def test_toml_round_trip(date: PartialDate) -> None:
    """The value written to TOML reads back as the same date."""
    document = tomllib.loads(tomli_w.dumps({"d": date.toml_value()}))
    assert PartialDate.parse(document["d"]) == date


@given(partial_dates, partial_dates)
def test_order_is_by_year_month_day_with_missing_as_zero(a: PartialDate, b: PartialDate) -> None:
    """Comparisons agree with the documented sort key, and equality with hashing."""
    key_a = (a.year, a.month or 0, a.day or 0)
    key_b = (b.year, b.month or 0, b.day or 0)
    assert (a < b) == (key_a < key_b)
    assert (a <= b) == (key_a <= key_b)
    assert (a == b) == (str(a) == str(b))
    if a == b:
        assert hash(a) == hash(b)


def test_every_month_has_the_calendars_number_of_days() -> None:
    """The day check agrees with calendar.monthrange for every month of every year."""
    import calendar

    from newtowns_cli.model.dates import MAX_YEAR, MIN_YEAR

    for year in range(MIN_YEAR, MAX_YEAR + 1):
        for month in range(1, 13):
            last = calendar.monthrange(year, month)[1]
            assert PartialDate(year, month, last).last_day().day == last
            with pytest.raises(ValueError, match="out of range"):
                PartialDate(year, month, last + 1)
