"""The columns of every tabular output, defined once; every format renders a Table."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Generic, TypeVar

from newtowns_cli.model.dates import PartialDate
from newtowns_cli.model.errors import UsageError
from newtowns_cli.model.frozen import Frozen
from newtowns_cli.model.records import Group, Membership, Organisation, Research, Source, Town
from newtowns_cli.questions.lookup import Catalog, normalize
from newtowns_cli.questions.select import anchor, designated

if TYPE_CHECKING:  # the claims, summary and timeline modules load only where used
    from newtowns_cli.questions.timeline import Entry

T = TypeVar("T")
Value = str | int | float | tuple[str, ...] | None
"""A cell: text, a number, a list of texts, or empty."""


class Column(Frozen, Generic[T]):
    name: str
    description: str
    get: Callable[[T, Catalog], Value]
    numeric: bool = False
    text: bool = False
    """Free text (a quote, a note, a title): a detail view may wrap it; ids and dates never."""
    date: bool = False
    """A date at the precision the source gives (1972, 1976-05, 2022-11-28): a workbook
    writes a full date as a date."""


class Table(Frozen):
    """Rows of values under named columns: the one shape every tabular format consumes."""

    columns: tuple[Column[object], ...]
    rows: tuple[tuple[Value, ...], ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)


def build(catalog: Catalog, items: Sequence[T], columns: Sequence[Column[T]]) -> Table:
    """A Table of ``items`` under ``columns``."""
    rows = tuple(tuple(column.get(item, catalog) for column in columns) for item in items)
    return Table(columns=tuple(columns), rows=rows)  # type: ignore[arg-type]


def pick(
    columns: Sequence[Column[T]], fields: str | None, default: Sequence[str]
) -> tuple[Column[T], ...]:
    """The columns named in ``fields`` (comma-separated, or 'all'), in that order, once each."""
    by_name = {column.name: column for column in columns}
    if fields is None:
        names = list(default)
    elif fields.strip() == "all":
        names = list(by_name)
    else:
        # A field named twice is shown once, where first named: JSON cannot hold it twice.
        names = list(dict.fromkeys(name.strip() for name in fields.split(",") if name.strip()))
    unknown = [name for name in names if name not in by_name]
    if unknown or not names:
        import difflib

        lowered = {name.lower(): name for name in by_name}  # "ID" suggests id
        found = difflib.get_close_matches(unknown[0].lower(), list(lowered), n=1) if unknown else []
        close = [lowered[match] for match in found]
        unknowns = ", ".join(unknown)
        hint = (f"did you mean {close[0]}? " if close else "") + "valid fields: "
        raise UsageError(
            f"unknown field for --fields: {unknowns}" if unknown else "no field given for --fields",
            hint=hint + ", ".join(by_name) + ", or all",
        )
    return tuple(by_name[name] for name in names)


def field_help(columns: Sequence[Column[T]]) -> Table:
    """The columns themselves as a table: name and description (for --fields help)."""
    meta: tuple[Column[Column[T]], ...] = (
        Column("field", "column name", lambda c, _: c.name),
        Column("description", "what it holds", lambda c, _: c.description),
    )
    rows = tuple((c.name, c.description) for c in columns)
    return Table(columns=meta, rows=rows)  # type: ignore[arg-type]


def cites(name: str) -> bool:
    """Whether the column ``name`` holds source ids: source, sources, population_source …"""
    return name in ("source", "sources", "original") or name.endswith("_source")


def cited(table: Table) -> tuple[str, ...]:
    """The source ids in ``table``'s citing columns, each once, in order of first citation."""
    at = [i for i, name in enumerate(table.names) if cites(name)]
    found: list[str] = []
    for row in table.rows:
        for i in at:
            value = row[i]
            if isinstance(value, str):
                found.append(value)
            elif isinstance(value, tuple):
                found += value
    return tuple(dict.fromkeys(found))


def _date(value: PartialDate | None) -> Value:
    return None if value is None else str(value)


def _ids(values: Sequence[str]) -> Value:
    return tuple(dict.fromkeys(values))


# -- towns ---------------------------------------------------------------------------------


def _population(attribute: str) -> Callable[[Town, Catalog], Value]:
    def get(town: Town, _: Catalog) -> Value:
        if town.population is None:
            return None
        value = getattr(town.population, attribute)
        if value is None:
            return None
        return value if isinstance(value, int) else str(value)

    return get


def _first(attribute: str, field: str) -> Callable[[Town, Catalog], Value]:
    def get(town: Town, _: Catalog) -> Value:
        entries = getattr(town, attribute)
        value: float | None = getattr(entries[0], field) if entries else None
        return value

    return get


def town_sources(town: Town) -> tuple[str, ...]:
    """Every source id a town cites, in the order of its fields: sources_cited_by, but fast.

    Written out field by field because it runs for every row of `--fields all`.
    """
    cited = list(town.sources)
    cited += [item.source for item in town.relieves]
    cited += [item.source for item in town.designation]
    for figure in (town.population, *town.population_history):
        if figure is not None:
            cited.append(figure.source)
            if figure.original is not None:
                cited.append(figure.original)
    for part in (town.area, town.location, town.history, town.status_views):
        cited += [item.source for item in part]
    return tuple(dict.fromkeys(cited))


def _anchor_kind(town: Town) -> Value:
    found = anchor(town)
    return None if found is None else found.kind


TOWN_COLUMNS: tuple[Column[Town], ...] = (
    Column("id", "stable identifier", lambda t, _: t.id),
    Column("name", "name of the New Town (the place)", lambda t, _: t.name),
    Column("municipality", "municipality it belongs to today", lambda t, _: t.municipality),
    Column("province", "province", lambda t, _: t.province),
    Column("cbs_code", "CBS code of the municipality (GMxxxx)", lambda t, _: t.cbs_code),
    Column("status", "groeikern or groeistad", lambda t, _: t.status),
    Column(
        "designated",
        "the designation: the earliest official one, else the earliest dated decision, "
        "founding or policy (designated_kind says which)",
        lambda t, _: _date(designated(t)),
        date=True,
    ),
    Column(
        "relieves", "cities whose overflow it took", lambda t, _: _ids([r.city for r in t.relieves])
    ),
    Column("population", "reference population figure", _population("count"), numeric=True),
    Column("population_as_of", "date of the population figure", _population("as_of"), date=True),
    Column("population_unit", "what the figure counts: municipality or place", _population("unit")),
    Column("population_source", "source id of the population figure", _population("source")),
    Column("area_km2", "total area in km²", _first("area", "total"), numeric=True),
    Column("lat", "latitude (WGS 84)", _first("location", "lat"), numeric=True),
    Column("lon", "longitude (WGS 84)", _first("location", "lon"), numeric=True),
    Column(
        "regions",
        "regional cooperations it belongs to",
        lambda t, c: c.current_groups(t, regions=True),
    ),
    Column(
        "groups",
        "alliances, networks and programmes it belongs to",
        lambda t, c: c.current_groups(t, regions=False),
    ),
    Column("aliases", "other names", lambda t, _: t.aliases),
    Column("sources", "every source id cited for the town", lambda t, _: town_sources(t)),
    # Added later: machine columns are only ever added, never renamed.
    Column(
        "population_unit_name",
        "the unit the latest figure counts, where not the municipality today",
        _population("unit_name"),
    ),
    Column(
        "status_views",
        "status as other sources give it (status:source)",
        lambda t, _: tuple(f"{v.status}:{v.source}" for v in t.status_views),
    ),
    Column(
        "population_gaps",
        "decades with no municipal figure in any source found",
        lambda t, _: tuple(f"{g.decade}s" for g in t.population_gaps),
    ),
    Column(
        "designated_kind",
        "what the designation was: official, decision, founding or policy",
        lambda t, _: _anchor_kind(t),
    ),
    Column(
        "population_origin",
        "source id of the statistics the population figure's source names (CBS), if any",
        _population("original"),
    ),
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

# -- groups and their members --------------------------------------------------------------

GROUP_COLUMNS: tuple[Column[Group], ...] = (
    Column("id", "stable identifier", lambda g, _: g.id),
    Column("name", "name", lambda g, _: g.name),
    Column("kind", "alliance, network, region or programme", lambda g, _: g.kind),
    Column(
        "founded",
        "founding date",
        lambda g, _: _date(g.founded.date if g.founded else None),
        date=True,
    ),
    Column(
        "members",
        "town ids of the current members",
        lambda g, _: _ids([m.town for m in g.members if m.until is None]),
    ),
    Column(
        "member_count",
        "number of current members",
        lambda g, _: len({m.town for m in g.members if m.until is None}),
        numeric=True,
    ),
    Column("aliases", "other names", lambda g, _: g.aliases),
    Column("partners", "partner organisation ids", lambda g, _: g.partners),
    Column("themes", "themes", lambda g, _: g.themes),
    Column("url", "web address", lambda g, _: g.url),
    Column("sources", "source ids", lambda g, _: g.sources),
)
DEFAULT_GROUP_FIELDS = ("id", "name", "kind", "founded", "member_count", "members")

MEMBER_COLUMNS: tuple[Column[Membership], ...] = (
    Column("town", "town id", lambda m, _: m.town),
    Column("name", "town name", lambda m, c: c.towns[m.town].name if m.town in c.towns else None),
    Column("since", "joined on", lambda m, _: _date(m.since), date=True),
    Column("until", "left on", lambda m, _: _date(m.until), date=True),
    Column(
        "as_of",
        "named as member on (when no joining date is known)",
        lambda m, _: _date(m.as_of),
        date=True,
    ),
    Column("source", "source id", lambda m, _: m.source),
    Column("note", "note", lambda m, _: m.note, text=True),
    Column(
        "attested",
        "further dates a source names it as member",
        lambda m, _: tuple(str(a.date) for a in m.attested),
    ),
)
DEFAULT_MEMBER_FIELDS = tuple(c.name for c in MEMBER_COLUMNS)

# -- organisations, research, sources ------------------------------------------------------

ORGANISATION_COLUMNS: tuple[Column[Organisation], ...] = (
    Column("id", "stable identifier", lambda o, _: o.id),
    Column("name", "name", lambda o, _: o.name),
    Column("kind", "kind of organisation", lambda o, _: o.kind),
    Column("city", "city", lambda o, _: o.city),
    Column(
        "founded",
        "founding date",
        lambda o, _: _date(o.founded.date if o.founded else None),
        date=True,
    ),
    Column("url", "web address", lambda o, _: o.url),
    Column("aliases", "other names", lambda o, _: o.aliases),
    Column("sources", "source ids", lambda o, _: o.sources),
)
DEFAULT_ORGANISATION_FIELDS = ("id", "name", "kind", "city", "url")

RESEARCH_COLUMNS: tuple[Column[Research], ...] = (
    Column("id", "stable identifier", lambda r, _: r.id),
    Column("title", "title as the source spells it", lambda r, _: r.title, text=True),
    Column(
        "published",
        "publication date",
        lambda r, _: _date(r.published.date if r.published else None),
        date=True,
    ),
    Column(
        "presented",
        "presentation date",
        lambda r, _: _date(r.presented.date if r.presented else None),
        date=True,
    ),
    Column(
        "commissioned_by", "commissioning organisation or group ids", lambda r, _: r.commissioned_by
    ),
    Column("performed_by", "research organisation ids", lambda r, _: r.performed_by),
    Column("authors", "authors", lambda r, _: r.authors),
    Column("towns", "town ids the study covers", lambda r, _: r.towns),
    Column("themes", "themes", lambda r, _: r.themes),
    Column("sources", "source ids", lambda r, _: r.sources),
)
DEFAULT_RESEARCH_FIELDS = ("id", "title", "published", "presented", "performed_by")

SOURCE_COLUMNS: tuple[Column[Source], ...] = (
    Column("id", "stable identifier", lambda s, _: s.id),
    Column("title", "title", lambda s, _: s.title, text=True),
    Column("publisher", "publisher", lambda s, _: s.publisher),
    Column("kind", "kind of document", lambda s, _: s.kind),
    Column("language", "language code", lambda s, _: s.language),
    Column("published", "publication date", lambda s, _: _date(s.published), date=True),
    Column("url", "canonical address", lambda s, _: s.url),
    Column("note", "note", lambda s, _: s.note, text=True),
    Column(
        "curation",
        "for maintainers: where one looked, what was not read or re-read",
        lambda s, _: s.curation,
        text=True,
    ),
)
DEFAULT_SOURCE_FIELDS = ("id", "publisher", "published", "title", "url")

TIMELINE_COLUMNS: tuple[Column[Entry], ...] = (
    Column("date", "date, at its own precision", lambda e, _: str(e.date), date=True),
    Column("kind", "kind of entry", lambda e, _: e.kind),
    Column("what", "what happened", lambda e, _: e.what, text=True),
    Column("towns", "town ids concerned", lambda e, _: e.towns),
    Column("groups", "group ids concerned", lambda e, _: e.groups),
    Column("organisations", "organisation ids concerned", lambda e, _: e.organisations),
    Column("sources", "source ids", lambda e, _: e.sources),
)
DEFAULT_TIMELINE_FIELDS = ("date", "kind", "what", "sources")


def sort_items(
    catalog: Catalog, items: Sequence[T], column: Column[T], *, reverse: bool
) -> list[T]:
    """``items`` by the value of ``column``: text ignoring case and accents, empty values last."""
    valued = [(column.get(item, catalog), item) for item in items]
    present = [(value, item) for value, item in valued if value not in (None, ())]
    present.sort(key=lambda pair: _sort_key(pair[0]), reverse=reverse)
    return [item for _, item in present] + [item for value, item in valued if value in (None, ())]


def _sort_key(value: Value) -> tuple[int, object]:
    if isinstance(value, str):
        return (0, normalize(value))
    if isinstance(value, tuple):
        return (2, tuple(normalize(part) for part in value))
    return (1, value)
