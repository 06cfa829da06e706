"""The data set as tables, one per table of the data file: what `export -o FILE.xlsx` writes.

Towns, groups, organisations, research and sources have the columns of their listings with
every field (`list --fields all` …); events, claims, the relieved cities and the data set's
own entry have theirs here. Lists of facts (a town's history, its population series, a
group's memberships) are not cells: `--format sqlite` has every field, a table per list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from newtowns_cli.model.dates import PartialDate
from newtowns_cli.model.records import City, Dataset, Town
from newtowns_cli.questions.lookup import Catalog
from newtowns_cli.render import tables
from newtowns_cli.render.tables import Column, Table, Value


def _field(name: str) -> Callable[[object, Catalog], Value]:
    """The record's field ``name`` as a cell: a date as text at its precision."""

    def get(record: object, _: Catalog) -> Value:
        value = getattr(record, name)
        if isinstance(value, PartialDate):
            return str(value)
        if isinstance(value, tuple):
            return tuple(str(item) for item in value)
        if value is None or isinstance(value, str | int | float):
            return value
        return str(value)

    return get


def _columns(*spec: tuple[str, str, str]) -> tuple[Column[object], ...]:
    """Columns from (name, kind, description): kind is "" or any of date, number, text."""
    return tuple(
        Column(
            name,
            description,
            _field(name),
            numeric="number" in kind,
            text="text" in kind,
            date="date" in kind,
        )
        for name, kind, description in spec
    )


EVENT_COLUMNS = _columns(
    ("id", "", "stable identifier"),
    ("date", "date", "date, at its own precision"),
    ("until", "date", "last day, for an event of several days"),
    ("title", "text", "what happened"),
    ("kind", "", "kind of event"),
    ("place", "", "where"),
    ("towns", "", "town ids concerned"),
    ("groups", "", "group ids concerned"),
    ("organisations", "", "organisation ids concerned"),
    ("sources", "", "source ids"),
    ("note", "text", "note"),
)
CLAIM_COLUMNS = _columns(
    ("id", "", "stable identifier"),
    ("statement", "text", "the published words"),
    ("value", "number", "the published figure"),
    ("relation", "", "exactly, about, more than or almost"),
    ("measure", "", "what is counted"),
    ("scope", "text", "what the figure is about"),
    ("source", "", "source id of the claim"),
    ("as_of", "date", "date the claim refers to"),
    ("group", "", "the group whose towns it counts"),
    ("covers", "", "which set of towns it counts"),
    ("towns", "", "the towns it names"),
    ("designated_from", "number", "counts the towns designated from this year"),
    ("designated_to", "number", "counts the towns designated up to this year"),
    ("note", "text", "note"),
)
DATASET_COLUMNS = _columns(
    ("title", "text", "title of the data set"),
    ("description", "text", "what it holds"),
    ("version", "", "version"),
    ("updated", "date", "date of the last change"),
    ("licence", "", "licence"),
    ("homepage", "", "web address"),
)


def _first_location(part: str) -> Callable[[object, Catalog], Value]:
    def get(city: object, _: Catalog) -> Value:
        places = city.location if isinstance(city, City) else ()
        value: float | None = getattr(places[0], part) if places else None
        return value

    return get


CITY_COLUMNS: tuple[Column[object], ...] = (
    *_columns(("id", "", "stable identifier"), ("name", "", "name")),
    *_columns(("province", "", "province"), ("aliases", "", "other names")),
    Column("lat", "latitude (WGS 84)", _first_location("lat"), numeric=True),
    Column("lon", "longitude (WGS 84)", _first_location("lon"), numeric=True),
    *_columns(("sources", "", "source ids"), ("note", "text", "note")),
)


def sheets(catalog: Catalog, dataset: Dataset, towns: Sequence[Town]) -> list[tuple[str, Table]]:
    """A table per table of ``dataset`` (``towns`` in the order selected), then the data
    set's own entry: its title, version, date and licence."""
    build = tables.build
    return [
        ("towns", build(catalog, towns, tables.TOWN_COLUMNS)),
        ("groups", build(catalog, dataset.group, tables.GROUP_COLUMNS)),
        ("organisations", build(catalog, dataset.organisation, tables.ORGANISATION_COLUMNS)),
        ("research", build(catalog, dataset.research, tables.RESEARCH_COLUMNS)),
        ("events", build(catalog, dataset.event, EVENT_COLUMNS)),
        ("claims", build(catalog, dataset.claim, CLAIM_COLUMNS)),
        ("cities", build(catalog, dataset.city, CITY_COLUMNS)),
        ("sources", build(catalog, dataset.source, tables.SOURCE_COLUMNS)),
        ("dataset", build(catalog, [dataset.dataset], DATASET_COLUMNS)),
    ]
