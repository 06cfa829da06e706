"""How much a place grew: from its municipal population series and its designation anchor.

Pure and small: figures in, numbers out. The caller chooses the figures (one unit only, the
municipality) and the anchor (select.anchor); this module never mixes units and never
invents a figure.

Dates are partial (``1972``, ``"1976-05"``, ``2022-11-28``). For the yearly rate a date counts
from the first day it can mean (:func:`fractional_year`), which keeps the order of
:class:`PartialDate` (a year-only date sorts before the months and days of its year).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from newtowns_cli.model import frozen
from newtowns_cli.model.dates import PartialDate
from newtowns_cli.model.frozen import Frozen
from newtowns_cli.model.i18n import Phrase

NO_MUNICIPAL_FIGURES = Phrase("no municipal figures")
UNITS = {
    "municipality": Phrase("municipality"),
    "place": Phrase("place"),
    "district": Phrase("district"),
    "predecessor": Phrase("predecessor"),
    "unstated": Phrase("unstated"),
}
"""What a population figure counts, in words (model.constraints.Unit)."""


def unit_words(unit: str) -> str:
    """The unit a figure counts, as a Phrase: English for machines, the run's language for
    people."""
    return UNITS.get(unit, unit)


class Figure(Frozen):
    """A population count on a date; ``label`` names what was counted when it is not the
    place itself (``"Jutphaas + Vreeswijk"``), ``sources`` the ids it comes from."""

    date: PartialDate
    count: int
    sources: tuple[str, ...] = ()
    label: str | None = None


class Growth(Frozen):
    """A place's growth from its municipal series.

    ``era`` is the designation-era figure: the figure nearest the ``anchor`` (the
    designation, or the earliest dated decision, founding or policy), on either side, the
    earlier on a tie, and only within ERA_WINDOW years of it; else None, and ``nearest``
    says how many years from the anchor the nearest figure lies (negative: before it).
    ``absolute``, ``factor``, ``years`` and ``rate`` run from the era figure to the
    latest; the ``*_since_first`` ones from the first figure to the latest. A rate is the
    compound yearly rate, None over less than a year (not annualised).
    """

    first: Figure
    latest: Figure
    anchor: PartialDate | None = None
    era: Figure | None = None
    nearest: float | None = None
    absolute: int | None = None
    factor: float | None = None
    years: float | None = None
    rate: float | None = None
    absolute_since_first: int | None = None
    factor_since_first: float | None = None
    years_since_first: float | None = None
    rate_since_first: float | None = None


class NoFigures(Frozen):
    """The place has no municipal figures; ``reason`` says so in words."""

    reason: str = NO_MUNICIPAL_FIGURES


def fractional_year(date: PartialDate) -> float:
    """The first day ``date`` can mean as a year with a fraction: ``1970`` → 1970.0,
    ``"1970-07"`` → 1970 + 181/365, 2020-12-31 → 2020 + 365/366."""
    import datetime

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


ERA_WINDOW = 10
"""Years within which a figure counts as the designation era's."""


def change(start: Figure, end: Figure) -> tuple[int, float | None, float, float | None]:
    """end − start, end ÷ start, the years between them, and the compound yearly rate.

    The rate is computed in logs, so no span overflows, and only over a year or more: a
    change over a few days annualised would be a meaningless number.
    """
    years = fractional_year(end.date) - fractional_year(start.date)
    factor = end.count / start.count if start.count > 0 else None
    rate = None
    if factor is not None and factor > 0 and years >= 1:
        rate = math.expm1(math.log(factor) / years)
    return end.count - start.count, factor, years, rate


def growth(figures: Iterable[Figure], anchor: PartialDate | None) -> Growth | NoFigures:
    """First, designation-era and latest figure, and the growth since the era and the first."""
    ordered = series(figures)
    if not ordered:
        return NoFigures()
    first, latest = ordered[0], ordered[-1]
    result = Growth(first, latest, anchor)
    if len(ordered) < 2:
        return result
    absolute, factor, years, rate = change(first, latest)
    result = frozen.replace(
        result,
        absolute_since_first=absolute,
        factor_since_first=factor,
        years_since_first=years,
        rate_since_first=rate,
    )
    if anchor is None:
        return result
    at = fractional_year(anchor)
    nearest = min(ordered[:-1], key=lambda f: (abs(fractional_year(f.date) - at), f.date.key()))
    gap = fractional_year(nearest.date) - at
    if abs(gap) > ERA_WINDOW:
        return frozen.replace(result, nearest=gap)
    absolute, factor, years, rate = change(nearest, latest)
    return frozen.replace(
        result,
        era=nearest,
        nearest=gap,
        absolute=absolute,
        factor=factor,
        years=years,
        rate=rate,
    )
