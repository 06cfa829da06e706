"""The numbers at a glance: towns, population, area and density, grouped as asked."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence

from newtowns_cli.model import frozen
from newtowns_cli.model.frozen import Frozen
from newtowns_cli.model.i18n import Phrase
from newtowns_cli.model.records import Town
from newtowns_cli.questions.growth import unit_words
from newtowns_cli.questions.lookup import Catalog, normalize
from newtowns_cli.questions.select import designated

BY: tuple[str, ...] = ("province", "status", "region", "group", "decade", "relieves")
"""The ways towns can be grouped; without one, all towns form a single group."""
NONE = Phrase("(none)")
"""The group of the towns without a value; a Phrase, shown in the run's language."""


class Row(Frozen):
    """One group of towns and its figures; population and area count each town once.

    ``population`` adds municipal figures only; ``apart_population`` is the sum of the
    latest figures that count a place or district instead (the towns in ``apart``)."""

    key: str
    towns: tuple[str, ...]
    population: int
    with_population: int
    as_of: tuple[str, ...]
    units: tuple[str, ...]
    area_km2: float | None
    density: float | None
    share: float | None
    # Latest figures that count a place or district: shown apart, never added.
    apart_population: int = 0
    apart: tuple[str, ...] = ()

    @property
    def mean_population(self) -> int | None:
        return round(self.population / self.with_population) if self.with_population else None


class Summary(Frozen):
    by: str | None
    rows: tuple[Row, ...]
    total: Row
    notes: tuple[str, ...]


def summarize(catalog: Catalog, towns: Sequence[Town], by: str | None = None) -> Summary:
    """Group ``towns`` by ``by`` (see BY) and add up each group and the whole.

    Groups come by population, largest first (decades in order); '(none)' comes last.
    """
    keys = _keys(catalog, by)
    groups: dict[str, list[Town]] = {}
    for town in towns:
        for key in keys(town):
            groups.setdefault(key, []).append(town)
    total = _row(Phrase("total"), towns, None)
    rows = [_row(key, members, total.population) for key, members in groups.items()]
    if by == "decade":
        rows.sort(key=lambda row: (row.key == NONE, row.key))
    else:
        rows.sort(key=lambda row: (row.key == NONE, -row.population, normalize(row.key)))
    if by is None:
        rows = []  # the total is the only group
    total = frozen.replace(total, share=100.0 if total.population else None)
    return Summary(by, tuple(rows), total, _notes(towns, by))


def _keys(catalog: Catalog, by: str | None) -> Callable[[Town], tuple[str, ...]]:
    if by is None:
        return lambda town: ("all",)
    if by == "province":
        return lambda town: (town.province,)
    if by == "status":
        return lambda town: (town.status,)
    if by in ("region", "group"):
        regions = by == "region"
        return lambda town: catalog.current_groups(town, regions=regions) or (NONE,)
    if by == "decade":

        def decade(town: Town) -> tuple[str, ...]:
            date = designated(town)
            return (f"{date.year // 10 * 10}s",) if date else (NONE,)

        return decade
    if by == "relieves":
        return lambda town: tuple(dict.fromkeys(r.city for r in town.relieves)) or (NONE,)
    raise ValueError(f"unknown grouping {by!r}")


def _municipal(town: Town) -> bool:
    return town.population is not None and town.population.unit == "municipality"


def _row(key: str, towns: Sequence[Town], grand_total: int | None) -> Row:
    # Only municipal figures add up; a place's figure is shown apart.
    counted = [town for town in towns if _municipal(town)]
    apart = [t for t in towns if t.population is not None and not _municipal(t)]
    population = sum(town.population.count for town in counted if town.population)
    with_area = [(town, town.area[0].total) for town in counted if town.area and town.area[0].total]
    area = _finite(sum(total for _, total in with_area if total is not None)) if with_area else None
    area_population = sum(t.population.count for t, _ in with_area if t.population)
    return Row(
        key=key,
        towns=tuple(town.id for town in towns),
        population=population,
        with_population=len(counted),
        as_of=tuple(sorted({str(t.population.as_of) for t in counted if t.population})),
        units=tuple(sorted({t.population.unit for t in counted if t.population})),
        area_km2=round(area, 2) if area is not None else None,
        density=_finite(round(area_population / area, 1)) if area else None,
        share=round(100 * population / grand_total, 1) if grand_total else None,
        apart_population=sum(t.population.count for t in apart if t.population),
        apart=tuple(t.id for t in apart),
    )


def _finite(value: float) -> float | None:
    """``value``, or None where it is past the largest float (areas near 1.7e308 added up,
    a population over a tiny area): a number that cannot be written is absent."""
    return value if math.isfinite(value) else None


def _notes(towns: Sequence[Town], by: str | None) -> tuple[str, ...]:
    """What a reader must know to use the totals: dates, units and missing figures."""
    notes: list[str] = []
    dates = Counter(t.population.as_of for t in towns if _municipal(t) and t.population)
    if len(dates) > 1:
        listed = tuple(
            Phrase("{date} (1 town)", date=date)
            if count == 1
            else Phrase("{date} ({count} towns)", date=date, count=count)
            for date, count in sorted(dates.items(), key=lambda pair: str(pair[0]))
        )
        notes.append(Phrase("Population figures refer to different dates: {dates}.", dates=listed))
    elif dates:
        notes.append(Phrase("Population figures refer to {date}.", date=next(iter(dates))))
    places = tuple(
        Phrase(
            "{name} ({count:n}, {unit} {unit_name}, {date})",
            name=t.name,
            count=t.population.count,
            unit=unit_words(t.population.unit),
            unit_name=t.population.unit_name or t.name,
            date=t.population.as_of,
        )
        for t in towns
        if t.population and not _municipal(t)
    )
    if places:
        notes.append(
            Phrase(
                "Not added, the latest figure counts a place or district, not the "
                "municipality: {places}.",
                places=places,
            )
        )
    missing = tuple(t.name for t in towns if t.population is None)
    if missing:
        notes.append(Phrase("No population figure: {towns}.", towns=missing))
    undated = tuple(t.name for t in towns if designated(t) is None)
    if by == "decade" and undated:
        notes.append(
            Phrase("No dated designation, so under {none}: {towns}.", none=NONE, towns=undated)
        )
    if by == "region":
        notes.append(
            Phrase("A town in more than one region counts in each; the total counts it once.")
        )
    elif by == "group":
        notes.append(
            Phrase("A town in more than one group counts in each; the total counts it once.")
        )
    elif by == "relieves":
        notes.append(
            Phrase("A town in more than one relieves counts in each; the total counts it once.")
        )
    return tuple(notes)
