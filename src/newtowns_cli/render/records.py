"""The columns of every tabular output, defined once; every format renders a Table."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from newtowns_cli.errors import UsageError
from newtowns_cli.models import Town
from newtowns_cli.query import Catalog

Value = str | int | float | tuple[str, ...] | None
"""A cell: text, a number, a list of texts, or empty."""


@dataclasses.dataclass(frozen=True, slots=True)
class Column:
    name: str
    description: str
    get: Callable[[Town, Catalog], Value]
    numeric: bool = False


@dataclasses.dataclass(frozen=True, slots=True)
class Table:
    """Rows of values under named columns: the one shape every tabular format consumes."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[Value, ...], ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)


def _designated(town: Town, _: Catalog) -> Value:
    dated = [designation.date for designation in town.designation if designation.date is not None]
    return str(dated[0]) if dated else None


def _population_field(name: str) -> Callable[[Town, Catalog], Value]:
    def get(town: Town, _: Catalog) -> Value:
        if town.population is None:
            return None
        value = getattr(town.population, name)
        return value if isinstance(value, int) else str(value)

    return get


def _first(attribute: str, field: str) -> Callable[[Town, Catalog], Value]:
    def get(town: Town, _: Catalog) -> Value:
        entries = getattr(town, attribute)
        value: float | None = getattr(entries[0], field) if entries else None
        return value

    return get


def _sources(town: Town, _: Catalog) -> Value:
    cited = list(town.sources)
    figures = (town.population, *town.population_history, *town.area, *town.location)
    for item in (*figures, *town.designation, *town.relieves, *town.history):
        if item is not None:
            cited.append(item.source)
    return tuple(dict.fromkeys(cited))


TOWN_COLUMNS: tuple[Column, ...] = (
    Column("id", "stable identifier", lambda town, _: town.id),
    Column("name", "name of the New Town (the place)", lambda town, _: town.name),
    Column(
        "municipality", "municipality the town belongs to today", lambda town, _: town.municipality
    ),
    Column("province", "province", lambda town, _: town.province),
    Column("cbs_code", "CBS code of the municipality (GMxxxx)", lambda town, _: town.cbs_code),
    Column("status", "groeikern or groeistad", lambda town, _: town.status),
    Column("designated", "first sourced designation date", _designated),
    Column(
        "relieves",
        "cities whose overflow it took",
        lambda town, _: tuple(dict.fromkeys(r.city for r in town.relieves)),
    ),
    Column("population", "latest population", _population_field("count"), numeric=True),
    Column("population_as_of", "date of the population figure", _population_field("as_of")),
    Column(
        "population_unit", "what the figure counts (municipality, place)", _population_field("unit")
    ),
    Column("population_source", "source id of the population figure", _population_field("source")),
    Column("area_km2", "total area in km²", _first("area", "total"), numeric=True),
    Column("lat", "latitude (WGS 84)", _first("location", "lat"), numeric=True),
    Column("lon", "longitude (WGS 84)", _first("location", "lon"), numeric=True),
    Column(
        "regions",
        "regional cooperations it belongs to",
        lambda town, cat: cat.current_groups(town, regions=True),
    ),
    Column(
        "groups",
        "alliances, networks and programmes it belongs to",
        lambda town, cat: cat.current_groups(town, regions=False),
    ),
    Column("aliases", "other names", lambda town, _: town.aliases),
    Column("sources", "every source id cited for the town", _sources),
)
DEFAULT_TOWN_FIELDS = (
    "id",
    "name",
    "municipality",
    "province",
    "status",
    "population",
    "population_as_of",
    "regions",
)


def pick(
    columns: Sequence[Column], fields: str | None, default: Sequence[str]
) -> tuple[Column, ...]:
    """The columns named in ``fields`` (comma-separated, or 'all'), in that order."""
    by_name = {column.name: column for column in columns}
    if fields is None:
        names = list(default)
    elif fields.strip() == "all":
        names = list(by_name)
    else:
        names = [name.strip() for name in fields.split(",") if name.strip()]
    unknown = [name for name in names if name not in by_name]
    if unknown or not names:
        problem = f"unknown field: {', '.join(unknown)}" if unknown else "no field given"
        raise UsageError(
            f"{problem} (--fields)", hint="valid fields: " + ", ".join(by_name) + ", or all"
        )
    return tuple(by_name[name] for name in names)


def town_table(catalog: Catalog, towns: Sequence[Town], columns: Sequence[Column]) -> Table:
    return Table(
        columns=tuple(columns),
        rows=tuple(tuple(column.get(town, catalog) for column in columns) for town in towns),
    )
