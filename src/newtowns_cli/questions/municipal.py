"""A town's municipal population series as growth Figures, and its growth (``of``).

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
from newtowns_cli.model.records import HistoryEntry, Population, Town
from newtowns_cli.questions import growth as metrics
from newtowns_cli.questions.growth import Figure, Growth, NoFigures
from newtowns_cli.questions.select import Anchor, anchor


class PlaceGrowth(Frozen):
    """One town's municipal series, its designation anchor, its growth and what it spans.

    ``figures`` is the whole series (for charts); the growth ends at the town's reference
    figure (the one every other view shows) unless ``latest`` asked for the newest figure,
    or the reference figure counts another unit (``end_unit``).
    """

    town: Town
    figures: tuple[Figure, ...]
    anchor: Anchor | None
    result: Growth | NoFigures
    other_units: int = 0
    """How many of its figures count another unit (a place, a district, unstated)."""
    spans: tuple[HistoryEntry, ...] = ()
    """Mergers and boundary changes between the first figure and the last one compared."""
    end_unit: str | None = None
    """The unit of the reference figure when it is not the municipality (growth then ends
    at the latest municipal figure)."""

    @property
    def designated(self) -> PartialDate | None:
        return None if self.anchor is None else self.anchor.date

    @property
    def labels(self) -> tuple[str, ...]:
        """What the series counts, in date order: the municipality, or another name."""
        return tuple(dict.fromkeys(f.label or self.town.municipality for f in self.figures))

    @property
    def note(self) -> str:
        """In words, what a reader must know to read the row."""
        result = self.result
        if isinstance(result, NoFigures):
            other = "; only other units (see show)" if self.other_units else ""
            return result.reason + other
        notes = []
        summed = [label for label in self.labels if " + " in label]
        if summed:
            notes.append(f"before the merger: {', '.join(summed)} summed")
        if self.anchor is None:
            notes.append("no dated designation")
        elif self.anchor.kind != "official":
            notes.append(f"from {self.anchor.words()} (no official designation)")
        if self.anchor is not None and result.era is None and result.nearest is not None:
            side = "after" if result.nearest > 0 else "before"
            years = round(abs(result.nearest))
            notes.append(f"no era figure within 10 years (the nearest: {years} years {side})")
        for entry in self.spans:
            names = f" ({', '.join(entry.municipalities)})" if entry.municipalities else ""
            what = "boundary change" if entry.kind == "boundary" else entry.kind
            notes.append(f"spans the {entry.date.year} {what}{names}")
        if self.end_unit is not None:
            notes.append(
                f"reference figure counts the {self.end_unit}; ends at the latest municipal one"
            )
        short = [y for y in (result.years, result.years_since_first) if y is not None and y < 1]
        if short:
            notes.append("less than a year apart: no yearly rate")
        if len(self.figures) == 1:
            notes.append("one municipal figure only")
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


def of(town: Town, *, latest: bool = False) -> PlaceGrowth:
    """The town's growth from its municipal series and its designation anchor.

    It ends at the town's reference figure, the one every view shows, unless ``latest``
    asks for the newest municipal figure.
    """
    series = figures(town)
    used = series
    reference = town.population
    end_unit = None
    if reference is not None and reference.unit != "municipality":
        end_unit = reference.unit
    elif reference is not None and not latest:
        last = reference.as_of.key()
        used = tuple(f for f in series if f.date.key() <= last)
    found = anchor(town)
    others = sum(p.unit not in ("municipality", "predecessor") for p in _all(town))
    result = metrics.growth(used, None if found is None else found.date)
    spans: tuple[HistoryEntry, ...] = ()
    if not isinstance(result, NoFigures):
        start, end = result.first.date.first_day(), result.latest.date.first_day()
        spans = tuple(
            entry
            for entry in town.history
            if entry.kind in ("merger", "boundary") and start < entry.date.first_day() <= end
        )
    return PlaceGrowth(town, series, found, result, others, spans, end_unit)
