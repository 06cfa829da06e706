"""How much a place grew: from its municipal population series and its designation year.

Pure and small: figures in, numbers out. The caller chooses the figures (one unit only, the
municipality) and the designation year (the earliest official one); this module never mixes
units and never invents a figure.

Dates are partial (``1972``, ``"1976-05"``, ``2022-11-28``). For the yearly rate a date counts
from the first day it can mean (:func:`fractional_year`), which keeps the order of
:class:`PartialDate` (a year-only date sorts before the months and days of its year).
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable, Sequence

from newtowns_cli.model.dates import PartialDate
from newtowns_cli.model.frozen import Frozen

NO_MUNICIPAL_FIGURES = "no municipal figures"


class Figure(Frozen):
    """A population count on a date; ``label`` names what was counted when it is not the
    place itself (``"Jutphaas + Vreeswijk"``), ``sources`` the ids it comes from."""

    date: PartialDate
    count: int
    sources: tuple[str, ...] = ()
    label: str | None = None


class Growth(Frozen):
    """A place's growth. Without a designation year only first and latest are known.

    ``era`` is the designation-era figure: the last figure at or before the designation
    year, else the first after it. ``absolute`` is latest − era, ``factor`` latest ÷ era,
    ``rate`` the compound yearly rate between the two over ``years`` (fractional years);
    ``rate`` is None when the two are less than a year apart (a rate over days, raised to
    a yearly one, says nothing and can exceed any float).
    """

    first: Figure
    latest: Figure
    designation_year: int | None = None
    era: Figure | None = None
    absolute: int | None = None
    factor: float | None = None
    years: float | None = None
    rate: float | None = None


class NoFigures(Frozen):
    """The place has no municipal figures; ``reason`` says so in words."""

    reason: str = NO_MUNICIPAL_FIGURES


def fractional_year(date: PartialDate) -> float:
    """The first day ``date`` can mean as a year with a fraction: ``1970`` → 1970.0,
    ``"1970-07"`` → 1970 + 181/365, 2020-12-31 → 2020 + 365/366."""
    first = date.first_day()
    days = datetime.date(first.year, 12, 31).timetuple().tm_yday
    return first.year + (first.timetuple().tm_yday - 1) / days


def series(figures: Iterable[Figure]) -> tuple[Figure, ...]:
    """The figures in date order, one per date: the first given for a date wins (the data's
    rule: where sources disagree, the first entry is the one used in computations)."""
    seen: dict[PartialDate, Figure] = {}
    for figure in figures:
        seen.setdefault(figure.date, figure)
    return tuple(sorted(seen.values(), key=lambda figure: figure.date.key()))


def summed(parts: Sequence[Iterable[Figure]], label: str) -> tuple[Figure, ...]:
    """The sum of several municipalities' series on the dates they all have, labelled.

    For a place formed by a merger (Nieuwegein: Jutphaas + Vreeswijk, 1971): a date on
    which one of the parts has no figure gives no sum (a sum of some parts would be wrong).
    """
    if not parts:
        return ()
    ordered = [series(part) for part in parts]
    common = set.intersection(*({f.date for f in part} for part in ordered))
    by_date = [{f.date: f for f in part} for part in ordered]
    return tuple(
        Figure(
            date,
            sum(part[date].count for part in by_date),
            tuple(dict.fromkeys(s for part in by_date for s in part[date].sources)),
            label,
        )
        for date in sorted(common, key=PartialDate.key)
    )


def growth(figures: Iterable[Figure], designation_year: int | None) -> Growth | NoFigures:
    """First, designation-era and latest figure, and the growth between the last two."""
    ordered = series(figures)
    if not ordered:
        return NoFigures()
    first, latest = ordered[0], ordered[-1]
    if designation_year is None:
        return Growth(first, latest)
    before = [f for f in ordered if f.date.year <= designation_year]
    era = before[-1] if before else ordered[0]
    years = fractional_year(latest.date) - fractional_year(era.date)
    factor = latest.count / era.count if era.count > 0 else None
    rate = _yearly(factor, years) if factor is not None and years >= 1 else None
    return Growth(
        first,
        latest,
        designation_year,
        era,
        absolute=latest.count - era.count,
        factor=factor,
        years=years,
        rate=rate,
    )


def _yearly(factor: float, years: float) -> float:
    """factor^(1/years) − 1, in logs: finite for any factor of two counts over a year or more."""
    return math.expm1(math.log(factor) / years) if factor > 0 else -1.0
