"""PartialDate: a date known to the year, the month or the day, as sources give them."""

from __future__ import annotations

import re

from newtowns_cli.model.i18n import Phrase

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:
    import datetime
    from typing import Any

_PATTERN = r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?"  # ASCII digits; compiled on first use
PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
MIN_YEAR = 1000
MAX_YEAR = 9999
_SHARED_AT_MOST = 4096


class PartialDate:
    """A year (``1972``), a month (``"1976-05"``) or a day (``2022-11-28``).

    Ordering is by (year, month, day) with a missing part counting as 0, so a
    year-only date sorts before every month or day of the same year.
    """

    __slots__ = ("day", "month", "year")

    year: int
    month: int | None
    day: int | None

    def __init__(self, year: int, month: int | None = None, day: int | None = None) -> None:
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise ValueError(
                Phrase(
                    "year {year} is out of range ({low}-{high})",
                    year=year,
                    low=MIN_YEAR,
                    high=MAX_YEAR,
                )
            )
        if day is not None and month is None:
            raise ValueError(Phrase("a day needs a month"))
        if month is not None and not 1 <= month <= 12:
            raise ValueError(Phrase("month {month} is out of range (1-12)", month=month))
        if day is not None and month is not None:
            last = _days_in(year, month)
            if not 1 <= day <= last:
                shown = f"{year:04d}-{month:02d}"
                raise ValueError(
                    Phrase(
                        "day {day} is out of range for {month} (1-{last})",
                        day=day,
                        month=shown,
                        last=last,
                    )
                )
        object.__setattr__(self, "year", year)
        object.__setattr__(self, "month", month)
        object.__setattr__(self, "day", day)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("PartialDate is immutable")

    def __reduce__(self) -> tuple[type[PartialDate], tuple[int, int | None, int | None]]:
        return (PartialDate, (self.year, self.month, self.day))

    @classmethod
    def parse(cls, value: object) -> PartialDate:
        """Accept an int year, a ``YYYY``/``YYYY-MM``/``YYYY-MM-DD`` string or a date."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, bool):
            raise TypeError("expected a year, 'YYYY-MM' or a date, got a boolean")
        if isinstance(value, int):
            return cls(value)
        if not isinstance(value, str):
            import datetime  # a date as TOML gives it; the cache's dates are text

            if isinstance(value, datetime.datetime):
                raise TypeError("expected a date without a time (YYYY-MM-DD), got a date-time")
            if isinstance(value, datetime.date):
                return cls(value.year, value.month, value.day)
        if isinstance(value, str):
            match = re.fullmatch(_PATTERN, value)
            if match is None:
                if value.isascii():
                    reason = Phrase(
                        "expected YYYY, YYYY-MM or YYYY-MM-DD, got {value}", value=_short(value)
                    )
                else:
                    reason = Phrase(
                        "expected YYYY, YYYY-MM or YYYY-MM-DD in ASCII digits (0-9), got {value}",
                        value=_short(value),
                    )
                raise ValueError(reason)
            year, month, day = match.groups()
            return cls(int(year), _opt_int(month), _opt_int(day))
        raise TypeError(f"expected a year, 'YYYY-MM' or a date, got {type(value).__name__}")

    @property
    def precision(self) -> str:
        """'year', 'month' or 'day'."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def first_day(self) -> datetime.date:
        """The earliest calendar day this date can mean."""
        import datetime  # not on every start-up: a listing from the cache needs none

        return datetime.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> datetime.date:
        """The latest calendar day this date can mean."""
        import datetime

        month = self.month or 12
        return datetime.date(self.year, month, self.day or _days_in(self.year, month))

    def toml_value(self) -> int | str | datetime.date:
        """The value as written in a data file: int year, 'YYYY-MM' string or date."""
        if self.day is not None:
            return self.first_day()
        return str(self) if self.month is not None else self.year

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def __repr__(self) -> str:
        return f"PartialDate({str(self)!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return (self.year, self.month, self.day) == (other.year, other.month, other.day)

    def __hash__(self) -> int:
        return hash((self.year, self.month, self.day))

    def __lt__(self, other: PartialDate) -> bool:
        return self.key() < other.key()

    def __le__(self, other: PartialDate) -> bool:
        return self.key() <= other.key()

    def __gt__(self, other: PartialDate) -> bool:
        return self.key() > other.key()

    def __ge__(self, other: PartialDate) -> bool:
        return self.key() >= other.key()

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        # Imported here: pydantic is only needed when a data file is validated.
        import datetime

        from pydantic_core import PydanticCustomError, core_schema

        # A data file writes the same dates again and again (a census day, a year): each
        # is made once and shared, as dates are immutable (160 000 dates of 40 000 towns
        # cost 9 MB and a quarter of a second, where a few dozen are different). Shared
        # are dates as written (no bool, no date-time), each type equal only among its own.
        shareable = (int, str, datetime.date)
        shared: dict[object, PartialDate] = {}

        def validate(value: object) -> PartialDate:
            plain = type(value) in shareable
            if plain and value in shared:
                return shared[value]
            try:
                date = cls.parse(value)
            except (TypeError, ValueError) as exc:
                raise PydanticCustomError(
                    "partial_date", "{reason}", {"reason": str(exc)}
                ) from None
            if plain and len(shared) < _SHARED_AT_MOST:
                shared[value] = date
            return date

        return core_schema.no_info_plain_validator_function(
            validate,
            serialization=core_schema.plain_serializer_function_ser_schema(str),
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict[str, Any]:
        return {
            "description": "A year (1972), a month ('1976-05') or a day (2022-11-28).",
            "anyOf": [
                {"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR},
                {"type": "string", "pattern": PATTERN},
                {"type": "string", "format": "date"},
            ],
        }


def _opt_int(text: str | None) -> int | None:
    return None if text is None else int(text)


def _short(value: str, limit: int = 40) -> str:
    return repr(value if len(value) <= limit else value[:limit] + "…")


def _days_in(year: int, month: int) -> int:
    """Days in the month, proleptic Gregorian (calendar.monthrange without its import)."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31
