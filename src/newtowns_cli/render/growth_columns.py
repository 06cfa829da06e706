"""The columns of `growth`: one row per place, each figure with its date and source ids."""

from __future__ import annotations

from collections.abc import Callable

from newtowns_cli.model.i18n import N_, Phrase
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


def _figures(which: str, date: str, count: str, sources: str) -> tuple[Column[PlaceGrowth], ...]:
    return (
        Column(f"{which}_date", date, _figure(which, "date"), date=True),
        Column(f"{which}_count", count, _figure(which, "count"), numeric=True),
        Column(f"{which}_source", sources, _figure(which, "source")),
    )


def _designated(row: PlaceGrowth, _: Catalog) -> Value:
    return None if row.anchor is None else str(row.anchor.date)


def _figure_text(which: str) -> Callable[[PlaceGrowth, Catalog], Value]:
    """A figure with its date, for a narrow terminal: '7,502 (1958)'."""

    def get(row: PlaceGrowth, _: Catalog) -> Value:
        result = row.result
        figure: Figure | None = getattr(result, which) if isinstance(result, Growth) else None
        if figure is None:
            return None
        return Phrase("{count:,} ({year})", count=figure.count, year=figure.date.year)

    return get


def _growth_text(row: PlaceGrowth, _: Catalog) -> Value:
    """The factor and the year it runs from: since the era figure, else since the first."""
    result = row.result
    if not isinstance(result, Growth):
        return None
    if result.era is not None and result.factor is not None:
        return Phrase("×{factor:.2f} from {year}", factor=result.factor, year=result.era.date.year)
    if result.factor_since_first is not None:
        return Phrase(
            "×{factor:.2f} from {year}",
            factor=result.factor_since_first,
            year=result.first.date.year,
        )
    return None


def _spans(row: PlaceGrowth, _: Catalog) -> Value:
    return tuple(
        f"{e.date} {e.kind}" + (f": {', '.join(e.municipalities)}" if e.municipalities else "")
        for e in row.spans
    )


RATE = _metric("rate", 2, 100.0)
DESIGNATED = N_(
    "the designation growth counts from: the earliest official one, else the earliest dated "
    "decision, founding or policy"
)
GROWTH_COLUMNS: tuple[Column[PlaceGrowth], ...] = (
    Column("id", N_("town id"), lambda r, _: r.town.id),
    Column("name", N_("name of the place"), lambda r, _: r.town.name, text=True),
    Column("counted", N_("what the figures count (municipality, summed ones)"),
           lambda r, _: r.labels),
    Column("designated", DESIGNATED, _designated, date=True),
    Column("designated_kind", N_("what that designation was: official, decision, founding or "
           "policy"), lambda r, _: r.anchor.kind if r.anchor else None),
    Column("first_figure", N_("the first figure with its year (for a narrow terminal)"),
           _figure_text("first")),
    Column("era_figure", N_("the era figure with its year (for a narrow terminal)"),
           _figure_text("era")),
    Column("latest_figure", N_("the latest figure with its year (for a narrow terminal)"),
           _figure_text("latest")),
    Column("growth", N_("the factor and the year it runs from: the era, else the first figure"),
           _growth_text),
    *_figures(
        "first",
        N_("date of the first municipal figure"),
        N_("the first municipal figure"),
        N_("source ids of the first municipal figure"),
    ),
    *_figures(
        "era",
        N_(
            "date of the designation-era figure: the municipal figure nearest the designation "
            "(either side, within 10 years)"
        ),
        N_(
            "the designation-era figure: the municipal figure nearest the designation (either "
            "side, within 10 years)"
        ),
        N_(
            "source ids of the designation-era figure: the municipal figure nearest the "
            "designation (either side, within 10 years)"
        ),
    ),
    *_figures(
        "latest",
        N_(
            "date of the last municipal figure compared: the reference figure (with --latest "
            "the newest)"
        ),
        N_(
            "the last municipal figure compared: the reference figure (with --latest the "
            "newest)"
        ),
        N_(
            "source ids of the last municipal figure compared: the reference figure (with "
            "--latest the newest)"
        ),
    ),
    Column("absolute", N_("growth since the era: latest − era"), _metric("absolute", 0),
           numeric=True),
    Column("factor", N_("growth factor since the designation era: latest ÷ era"),
           _metric("factor", 2), numeric=True),
    Column("yearly_pct", N_("compound yearly growth, era to latest, % (none under a year)"), RATE,
           numeric=True),
    Column("absolute_since_first", N_("growth since the first figure: latest − first"),
           _metric("absolute_since_first", 0), numeric=True),
    Column("factor_since_first", N_("growth factor since the first figure: latest ÷ first"),
           _metric("factor_since_first", 2), numeric=True),
    Column("yearly_pct_since_first", N_("compound yearly growth, first to latest, % (none under "
           "a year)"), _metric("rate_since_first", 2, 100.0), numeric=True),
    Column("spans", N_("mergers and boundary changes between the first and the latest figure"),
           _spans),
    Column("figures", N_("number of municipal figures"), lambda r, _: len(r.figures), numeric=True),
    Column("note", N_("what to know to read the row"), lambda r, _: r.note or None, text=True),
)  # fmt: skip
"""Every growth column; the machine formats keep each figure's date and source ids."""

DEFAULT_GROWTH_FIELDS = tuple(
    c.name
    for c in GROWTH_COLUMNS
    if c.name not in ("counted", "figures", "first_figure", "era_figure", "latest_figure", "growth")
)
