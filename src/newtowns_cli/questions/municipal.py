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
from newtowns_cli.model.i18n import Phrase, joined
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
        """In words, what a reader must know to read the row: English (a Phrase) in machine
        formats, the run's language for people."""
        result = self.result
        if isinstance(result, NoFigures):
            if self.other_units:
                return joined("", [result.reason, Phrase("; only other units (see show)")])
            return result.reason
        notes: list[str] = []
        summed = [label for label in self.labels if " + " in label]
        if summed:
            notes.append(Phrase("before the merger: {names} summed", names=tuple(summed)))
        if self.anchor is None:
            notes.append(Phrase("no dated designation"))
        elif self.anchor.kind != "official":
            notes.append(
                Phrase("from {anchor} (no official designation)", anchor=self.anchor.words())
            )
        if self.anchor is not None and result.era is None and result.nearest is not None:
            years = round(abs(result.nearest))
            if result.nearest > 0:
                notes.append(
                    Phrase(
                        "no era figure within 10 years (the nearest: {years} years after)",
                        years=years,
                    )
                )
            else:
                notes.append(
                    Phrase(
                        "no era figure within 10 years (the nearest: {years} years before)",
                        years=years,
                    )
                )
        for entry in self.spans:
            notes.append(_span(entry))
        if self.end_unit is not None:
            notes.append(
                Phrase(
                    "reference figure counts the {unit}; ends at the latest municipal one",
                    unit=metrics.unit_words(self.end_unit),
                )
            )
        short = [y for y in (result.years, result.years_since_first) if y is not None and y < 1]
        if short:
            notes.append(Phrase("less than a year apart: no yearly rate"))
        if len(self.figures) == 1:
            notes.append(Phrase("one municipal figure only"))
        return joined("; ", notes)


def _span(entry: HistoryEntry) -> Phrase:
    """'spans the 1978 merger (A, B)', 'spans the 2003 boundary change'."""
    year = entry.date.year
    names = f" ({', '.join(entry.municipalities)})" if entry.municipalities else ""
    if entry.kind == "boundary":
        return Phrase("spans the {year} boundary change{names}", year=year, names=names)
    if entry.kind == "merger":
        return Phrase("spans the {year} merger{names}", year=year, names=names)
    return Phrase("spans the {year} {kind}{names}", year=year, kind=entry.kind, names=names)


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
