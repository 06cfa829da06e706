"""The columns of every tabular output, defined once; every format renders a Table."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from newtowns_cli.model.dates import PartialDate
from newtowns_cli.model.errors import UsageError, did_you_mean
from newtowns_cli.model.frozen import Frozen, Generic, TypeVar
from newtowns_cli.model.i18n import N_, Phrase, _
from newtowns_cli.model.records import Group, Membership, Organisation, Research, Source, Town
from newtowns_cli.questions.lookup import Catalog, normalize
from newtowns_cli.questions.select import anchor, designated

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:  # the claims, summary and timeline modules load only where used
    from newtowns_cli.questions.timeline import Entry

T = TypeVar("T")
Value = str | int | float | tuple[str, ...] | None
"""A cell: text, a number, a list of texts, or empty."""


class Column(Frozen, Generic[T]):
    name: str
    description: str
    """What it holds, in English (--fields help shows it in the run's language); scripts
    extract every Column's second argument for the catalogue."""
    get: Callable[[T, Catalog], Value]
    numeric: bool = False
    text: bool = False
    """Free text (a quote, a note, a title): a detail view may wrap it; ids and dates never."""
    date: bool = False
    """A date as precise as given (1972, 1976-05, 2022-11-28); a workbook's full ones are dates."""


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
        hint = did_you_mean(close[0] if close else None)
        hint += _("valid fields: {fields}, or all").format(fields=", ".join(by_name))
        raise UsageError(
            _("unknown field for --fields: {fields}").format(fields=unknowns)
            if unknown
            else _("no field given for --fields"),
            hint=hint,
        )
    return tuple(by_name[name] for name in names)


def field_help(columns: Sequence[Column[T]]) -> Table:
    """The columns themselves as a table: name and description (for --fields help).

    The description is a Phrase: English in every machine format, the run's language for
    people."""
    meta: tuple[Column[Column[T]], ...] = (
        Column("field", N_("column name"), lambda c, _: c.name),
        Column("description", N_("what it holds"), lambda c, _: c.description),
    )
    rows = tuple((c.name, Phrase(c.description)) for c in columns)
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
        if attribute == "unit":  # a Phrase: the data's word as data, in words for people
            from newtowns_cli.questions.growth import unit_words  # only for this column

            return unit_words(value)
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
    Column("id", N_("stable identifier"), lambda t, _: t.id),
    Column("name", N_("name of the New Town (the place)"), lambda t, _: t.name),
    Column("municipality", N_("municipality it belongs to today"), lambda t, _: t.municipality),
    Column("province", N_("province"), lambda t, _: t.province),
    Column("cbs_code", N_("CBS code of the municipality (GMxxxx)"), lambda t, _: t.cbs_code),
    Column("status", N_("groeikern or groeistad"), lambda t, _: t.status),
    Column(
        "designated",
        N_(
            "the designation: the earliest official one, else the earliest dated decision, "
            "founding or policy (designated_kind says which)"
        ),
        lambda t, _: _date(designated(t)),
        date=True,
    ),
    Column(
        "relieves",
        N_("cities whose overflow it took"),
        lambda t, _: _ids([r.city for r in t.relieves]),
    ),
    Column("population", N_("reference population figure"), _population("count"), numeric=True),
    Column(
        "population_as_of", N_("date of the population figure"), _population("as_of"), date=True
    ),
    Column(
        "population_unit", N_("what the figure counts: municipality or place"), _population("unit")
    ),
    Column("population_source", N_("source id of the population figure"), _population("source")),
    Column("area_km2", N_("total area in km²"), _first("area", "total"), numeric=True),
    Column("lat", N_("latitude (WGS 84)"), _first("location", "lat"), numeric=True),
    Column("lon", N_("longitude (WGS 84)"), _first("location", "lon"), numeric=True),
    Column(
        "regions",
        N_("regional cooperations it belongs to"),
        lambda t, c: c.current_groups(t, regions=True),
    ),
    Column(
        "groups",
        N_("alliances, networks and programmes it belongs to"),
        lambda t, c: c.current_groups(t, regions=False),
    ),
    Column("aliases", N_("other names"), lambda t, _: t.aliases),
    Column("sources", N_("every source id cited for the town"), lambda t, _: town_sources(t)),
    # Added later: machine columns are only ever added, never renamed.
    Column(
        "population_unit_name",
        N_("the unit the latest figure counts, where not the municipality today"),
        _population("unit_name"),
    ),
    Column(
        "status_views",
        N_("status as other sources give it (status:source)"),
        lambda t, _: tuple(f"{v.status}:{v.source}" for v in t.status_views),
    ),
    Column(
        "population_gaps",
        N_("decades with no municipal figure in any source found"),
        lambda t, _: tuple(Phrase("{decade}s", decade=g.decade) for g in t.population_gaps),
    ),
    Column(
        "designated_kind",
        N_("what the designation was: official, decision, founding or policy"),
        lambda t, _: _anchor_kind(t),
    ),
    Column(
        "population_origin",
        N_("source id of the statistics the population figure's source names (CBS), if any"),
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
    Column("id", N_("stable identifier"), lambda g, _: g.id),
    Column("name", N_("name"), lambda g, _: g.name),
    Column("kind", N_("alliance, network, region or programme"), lambda g, _: g.kind),
    Column(
        "founded",
        N_("founding date"),
        lambda g, _: _date(g.founded.date if g.founded else None),
        date=True,
    ),
    Column(
        "members",
        N_("town ids of the current members"),
        lambda g, _: _ids([m.town for m in g.members if m.until is None]),
    ),
    Column(
        "member_count",
        N_("number of current members"),
        lambda g, _: len({m.town for m in g.members if m.until is None}),
        numeric=True,
    ),
    Column("aliases", N_("other names"), lambda g, _: g.aliases),
    Column("partners", N_("partner organisation ids"), lambda g, _: g.partners),
    Column("themes", N_("themes"), lambda g, _: g.themes),
    Column("url", N_("web address"), lambda g, _: g.url),
    Column("sources", N_("source ids"), lambda g, _: g.sources),
)
DEFAULT_GROUP_FIELDS = ("id", "name", "kind", "founded", "member_count", "members")

MEMBER_COLUMNS: tuple[Column[Membership], ...] = (
    Column("town", N_("town id"), lambda m, _: m.town),
    Column(
        "name", N_("town name"), lambda m, c: c.towns[m.town].name if m.town in c.towns else None
    ),
    Column("since", N_("joined on"), lambda m, _: _date(m.since), date=True),
    Column("until", N_("left on"), lambda m, _: _date(m.until), date=True),
    Column(
        "as_of",
        N_("named as member on (when no joining date is known)"),
        lambda m, _: _date(m.as_of),
        date=True,
    ),
    Column("source", N_("source id"), lambda m, _: m.source),
    Column("note", N_("note"), lambda m, _: m.note, text=True),
    Column(
        "attested",
        N_("further dates a source names it as member"),
        lambda m, _: tuple(str(a.date) for a in m.attested),
    ),
)
DEFAULT_MEMBER_FIELDS = tuple(c.name for c in MEMBER_COLUMNS)

# -- organisations, research, sources ------------------------------------------------------

ORGANISATION_COLUMNS: tuple[Column[Organisation], ...] = (
    Column("id", N_("stable identifier"), lambda o, _: o.id),
    Column("name", N_("name"), lambda o, _: o.name),
    Column("kind", N_("kind of organisation"), lambda o, _: o.kind),
    Column("city", N_("city"), lambda o, _: o.city),
    Column(
        "founded",
        N_("founding date"),
        lambda o, _: _date(o.founded.date if o.founded else None),
        date=True,
    ),
    Column("url", N_("web address"), lambda o, _: o.url),
    Column("aliases", N_("other names"), lambda o, _: o.aliases),
    Column("sources", N_("source ids"), lambda o, _: o.sources),
)
DEFAULT_ORGANISATION_FIELDS = ("id", "name", "kind", "city", "url")

RESEARCH_COLUMNS: tuple[Column[Research], ...] = (
    Column("id", N_("stable identifier"), lambda r, _: r.id),
    Column("title", N_("title as the source spells it"), lambda r, _: r.title, text=True),
    Column(
        "published",
        N_("publication date"),
        lambda r, _: _date(r.published.date if r.published else None),
        date=True,
    ),
    Column(
        "presented",
        N_("presentation date"),
        lambda r, _: _date(r.presented.date if r.presented else None),
        date=True,
    ),
    Column(
        "commissioned_by",
        N_("commissioning organisation or group ids"),
        lambda r, _: r.commissioned_by,
    ),
    Column("performed_by", N_("research organisation ids"), lambda r, _: r.performed_by),
    Column("authors", N_("authors"), lambda r, _: r.authors),
    Column("towns", N_("town ids the study covers"), lambda r, _: r.towns),
    Column("themes", N_("themes"), lambda r, _: r.themes),
    Column("sources", N_("source ids"), lambda r, _: r.sources),
)
DEFAULT_RESEARCH_FIELDS = ("id", "title", "published", "presented", "performed_by")

_CURATED = N_("for maintainers: where one looked, what was not read or re-read")
SOURCE_COLUMNS: tuple[Column[Source], ...] = (
    Column("id", N_("stable identifier"), lambda s, _: s.id),
    Column("title", N_("title"), lambda s, _: s.title, text=True),
    Column("publisher", N_("publisher"), lambda s, _: s.publisher),
    Column("kind", N_("kind of document"), lambda s, _: s.kind),
    Column("language", N_("language code"), lambda s, _: s.language),
    Column("published", N_("publication date"), lambda s, _: _date(s.published), date=True),
    Column("url", N_("canonical address"), lambda s, _: s.url),
    Column("note", N_("note"), lambda s, _: s.note, text=True),
    Column("curation", _CURATED, lambda s, _: s.curation, text=True),
)
DEFAULT_SOURCE_FIELDS = ("id", "publisher", "published", "title", "url")

TIMELINE_COLUMNS: tuple[Column[Entry], ...] = (
    Column("date", N_("date, at its own precision"), lambda e, _: str(e.date), date=True),
    Column("kind", N_("kind of entry"), lambda e, _: e.kind),
    Column("what", N_("what happened"), lambda e, _: e.what, text=True),
    Column("towns", N_("town ids concerned"), lambda e, _: e.towns),
    Column("groups", N_("group ids concerned"), lambda e, _: e.groups),
    Column("organisations", N_("organisation ids concerned"), lambda e, _: e.organisations),
    Column("sources", N_("source ids"), lambda e, _: e.sources),
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
