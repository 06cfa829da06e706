"""A town's municipal population series as growth Figures, and its growth (``growth``).

Pure: a Town in, Figures and a Growth out. Only figures counted for a municipality are
used: the town's municipality (labelled by ``unit_name`` where the source names a
municipality of another name, e.g. Spijkenisse before Nissewaard) and, where the data
has them, its predecessor municipalities summed on the dates they all have and labelled
"A + B" (Nieuwegein: Jutphaas + Vreeswijk). Place, district and unstated figures are
never mixed in.
"""

from __future__ import annotations

from collections.abc import Sequence

from newtowns_cli.model.dates import PartialDate
from newtowns_cli.model.frozen import Frozen
from newtowns_cli.model.records import Population, Town
from newtowns_cli.questions import growth as metrics
from newtowns_cli.questions.growth import Figure, Growth, NoFigures
from newtowns_cli.questions.select import designated


class PlaceGrowth(Frozen):
    """One town's municipal series, its designation date and its growth."""

    town: Town
    figures: tuple[Figure, ...]
    designated: PartialDate | None
    result: Growth | NoFigures
    other_units: int = 0
    """How many of its figures count another unit (a place, a district, unstated)."""

    @property
    def labels(self) -> tuple[str, ...]:
        """What the series counts, in date order: the municipality, or another name."""
        return tuple(dict.fromkeys(f.label or self.town.municipality for f in self.figures))

    @property
    def note(self) -> str:
        """In words, what a reader must know to read the row."""
        notes = []
        if isinstance(self.result, NoFigures):
            notes.append(self.result.reason)
            if self.other_units:
                notes.append("only other units (see show)")
            return "; ".join(notes)
        summed = [label for label in self.labels if " + " in label]
        if summed:
            notes.append(f"before the merger: {', '.join(summed)} summed")
        if self.designated is None:
            notes.append("no official designation date")
        elif self.result.era is not None and self.result.era.date.year > self.designated.year:
            notes.append(f"era: the first figure after {self.designated}")
        if len(self.figures) == 1:
            notes.append("one municipal figure only")
        elif self.result.years is not None and 0 < self.result.years < 1:
            notes.append("less than a year from era to latest: no yearly rate")
        return "; ".join(notes)


def _all(town: Town) -> Sequence[Population]:
    if town.population is None:
        return town.population_history
    return (town.population, *town.population_history)


def _figure(population: Population, label: str | None) -> Figure:
    return Figure(population.as_of, population.count, (population.source,), label)


def figures(town: Town) -> tuple[Figure, ...]:
    """The town's municipal figures (and summed predecessors), in date order, one per date."""
    given = _all(town)
    municipal = [
        _figure(p, p.unit_name if p.unit_name not in (None, town.municipality) else None)
        for p in given
        if p.unit == "municipality"
    ]
    parts: dict[str, list[Figure]] = {}
    for p in given:
        if p.unit == "predecessor":
            name = p.unit_name or "predecessor"
            parts.setdefault(name, []).append(_figure(p, name))
    predecessors: tuple[Figure, ...] = ()
    if parts:
        predecessors = metrics.summed(list(parts.values()), " + ".join(parts))
    return metrics.series([*municipal, *predecessors])


def of(town: Town) -> PlaceGrowth:
    """The town's growth from its municipal series and its earliest official designation."""
    series = figures(town)
    when = designated(town)
    others = sum(p.unit not in ("municipality", "predecessor") for p in _all(town))
    result = metrics.growth(series, when.year if when is not None else None)
    return PlaceGrowth(town, series, when, result, others)
