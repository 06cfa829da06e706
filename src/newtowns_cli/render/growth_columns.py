"""The columns of `growth`: one row per place, each figure with its date and source ids."""

from __future__ import annotations

from collections.abc import Callable

from newtowns_cli.questions.growth import Figure, Growth
from newtowns_cli.questions.lookup import Catalog
from newtowns_cli.questions.municipal import PlaceGrowth
from newtowns_cli.render.tables import Column, Value


def _figure(which: str, part: str) -> Callable[[PlaceGrowth, Catalog], Value]:
    def get(row: PlaceGrowth, _: Catalog) -> Value:
        result = row.result
        figure: Figure | None = getattr(result, which) if isinstance(result, Growth) else None
        if figure is None:
            return None
        if part == "count":
            return figure.count
        if part == "date":
            return str(figure.date)
        return figure.sources

    return get


def _metric(name: str, digits: int, scale: float = 1.0) -> Callable[[PlaceGrowth, Catalog], Value]:
    def get(row: PlaceGrowth, _: Catalog) -> Value:
        result = row.result
        value: float | None = getattr(result, name) if isinstance(result, Growth) else None
        if value is None:
            return None
        return round(value * scale, digits) if digits else int(value)

    return get


def _figures(which: str, what: str) -> tuple[Column[PlaceGrowth], ...]:
    return (
        Column(f"{which}_date", f"date of the {what}", _figure(which, "date")),
        Column(f"{which}_count", f"the {what}", _figure(which, "count"), numeric=True),
        Column(f"{which}_source", f"source ids of the {what}", _figure(which, "source")),
    )


def _designated(row: PlaceGrowth, _: Catalog) -> Value:
    return None if row.designated is None else str(row.designated)


RATE = _metric("rate", 2, 100.0)
ERA = "designation-era figure (the last at or before the designation, else the first after)"
GROWTH_COLUMNS: tuple[Column[PlaceGrowth], ...] = (
    Column("id", "town id", lambda r, _: r.town.id),
    Column("name", "name of the place", lambda r, _: r.town.name, text=True),
    Column("counted", "what the figures count (municipality, summed ones)", lambda r, _: r.labels),
    Column("designated", "earliest official designation", _designated),
    *_figures("first", "first municipal figure"),
    *_figures("era", ERA),
    *_figures("latest", "latest municipal figure"),
    Column("absolute", "growth since the era: latest − era", _metric("absolute", 0), numeric=True),
    Column("factor", "growth factor: latest ÷ era", _metric("factor", 2), numeric=True),
    Column("yearly_pct", "compound yearly growth, era to latest, %", RATE, numeric=True),
    Column("figures", "number of municipal figures", lambda r, _: len(r.figures), numeric=True),
    Column("note", "what to know to read the row", lambda r, _: r.note or None, text=True),
)  # fmt: skip
"""Every growth column; the machine formats keep each figure's date and source ids."""

DEFAULT_GROWTH_FIELDS = tuple(
    c.name for c in GROWTH_COLUMNS if c.name not in ("counted", "figures")
)
