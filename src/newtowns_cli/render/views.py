"""Detail views of one town, group, research, organisation or source, built from a Catalog."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from newtowns_cli.model import frozen
from newtowns_cli.model.dates import PartialDate
from newtowns_cli.model.i18n import Bilingual, Phrase, _
from newtowns_cli.model.records import (
    Area,
    Designation,
    Gap,
    Group,
    Location,
    Mention,
    Organisation,
    Population,
    Record,
    Relief,
    Research,
    Source,
    StatusView,
    Town,
)
from newtowns_cli.questions.comparable import relation_words
from newtowns_cli.questions.growth import unit_words
from newtowns_cli.questions.lookup import Catalog, Citation, sources_cited_by
from newtowns_cli.questions.select import anchor, confirmed_span
from newtowns_cli.questions.timeline import Entry, entries
from newtowns_cli.render import curation, provenance, tables
from newtowns_cli.render.detail import Detail, Section
from newtowns_cli.render.tables import Column, Table, Value

T = TypeVar("T")


class _Curated(Protocol):
    @property
    def curation(self) -> str | None: ...


_Noted = TypeVar("_Noted", bound=_Curated)


def plain(value: object) -> object:
    """A value as JSON-ready data: dates as text, tuples as lists, records as objects, a
    text in two languages as ``{"en": …, "nl": …}``."""
    if isinstance(value, Bilingual):
        return value.as_data()
    if isinstance(value, PartialDate):
        return str(value)
    if isinstance(value, Record):
        return plain_record(value)
    if isinstance(value, tuple):
        return [plain(item) for item in value]
    return value


def plain_record(record: Record) -> dict[str, object]:
    """A record as a JSON object with every field, empty ones as null."""
    return {name: plain(getattr(record, name)) for name in frozen.fields(record)}


def _table(
    catalog: Catalog,
    items: Sequence[T],
    spec: Sequence[tuple[str, Callable[[T], Value]]],
    numeric: Sequence[str] = (),
) -> Table:
    columns = [
        _column(name, get, numeric=name in numeric, text=name in _TEXT) for name, get in spec
    ]
    return tables.build(catalog, items, columns)


def _column(name: str, get: Callable[[T], Value], *, numeric: bool, text: bool) -> Column[T]:
    return Column(name, name, lambda item, _: get(item), numeric=numeric, text=text)


_TEXT = frozenset({"quote", "note", "policy", "fact", "name", "looked", "curation"})


def _d(value: PartialDate | None) -> str | None:
    return None if value is None else str(value)


def _fields(
    catalog: Catalog, item: T, columns: Sequence[Column[T]]
) -> tuple[tuple[str, Value], ...]:
    return tuple((column.name, column.get(item, catalog)) for column in columns)


def _sources_section(catalog: Catalog, cited: Sequence[str], *, notes: bool = False) -> Section:
    by_id = {source.id: source for source in catalog.dataset.source}
    known = [by_id[source] for source in dict.fromkeys(cited) if source in by_id]
    names = "id,title,publisher,published,url" + (",curation" if notes else "")
    columns = tables.pick(tables.SOURCE_COLUMNS, names, ())
    return Section(_("Sources"), tables.build(catalog, known, columns))


def _source_objects(catalog: Catalog, cited: Sequence[str]) -> list[object]:
    by_id = {source.id: source for source in catalog.dataset.source}
    return [plain_record(by_id[source]) for source in dict.fromkeys(cited) if source in by_id]


def _timeline_section(catalog: Catalog, found: Sequence[Entry]) -> Section:
    columns = tables.pick(tables.TIMELINE_COLUMNS, None, tables.DEFAULT_TIMELINE_FIELDS)
    return Section(_("Timeline"), tables.build(catalog, found, columns))


def town(catalog: Catalog, item: Town, *, notes: bool = False) -> Detail:
    """Every fact about a town with its source, its groups, research and timeline entries.

    Curation notes (where one looked, what was not re-read) only with ``notes``; without,
    the gaps are one line of decades.
    """
    figures = sorted(
        (item.population, *item.population_history) if item.population else item.population_history,
        key=lambda p: p.as_of,
    )
    memberships = catalog.memberships.get(item.id, ())
    studies = [r for r in catalog.dataset.research if item.id in r.towns]
    found = [e for e in entries(catalog.dataset) if item.id in e.towns]
    cited = [
        *sources_cited_by(item),
        *(m.source for _, m in memberships),
        *(s for e in found for s in e.sources),
    ]
    gaps = _("Population: decades with no municipal figure (not interpolated)")
    sections = (
        Section(_("Designation"), _table(catalog, item.designation, _notes(_DESIGNATION, notes))),
        Section(_("Relieves (overloop)"), _table(catalog, item.relieves, _notes(_RELIEF, notes))),
        Section(
            _("Other sources' status"),
            _table(catalog, item.status_views, _notes(_STATUS_VIEW, notes)),
        ),
        Section(
            _("Population"),
            _table(catalog, figures, _notes(_POPULATION, notes), numeric=("count",)),
        ),
        Section(gaps, _table(catalog, item.population_gaps, _GAP))
        if notes
        else Section(gaps, items=(curation.gap_decades(item),) if item.population_gaps else ()),
        Section(
            _("Area (km²)"), _table(catalog, item.area, _AREA, numeric=("total", "land", "water"))
        ),
        Section(_("Location"), _table(catalog, item.location, _LOCATION, numeric=("lat", "lon"))),
        Section(_("Groups"), _table(catalog, memberships, _GROUP_MEMBERSHIP)),
        Section(
            _("Research"),
            tables.build(
                catalog,
                studies,
                tables.pick(tables.RESEARCH_COLUMNS, None, tables.DEFAULT_RESEARCH_FIELDS),
            ),
        ),
        _timeline_section(catalog, found),
        _sources_section(catalog, cited, notes=notes),
    )
    found_anchor = anchor(item)
    data = {
        **plain_record(item),
        "designated": None if found_anchor is None else str(found_anchor.date),
        "designated_kind": None if found_anchor is None else found_anchor.kind,
        "groups": [
            {"group": g.id, "name": g.name, "kind": g.kind, **plain_record(m)}
            for g, m in memberships
        ],
        "research": [r.id for r in studies],
        "timeline": [plain_entry(e) for e in found],
        "cited_sources": _source_objects(catalog, cited),
    }
    flat = tables.build(catalog, [item], tables.TOWN_COLUMNS)
    title = (
        item.name
        if item.name == item.municipality
        else _("{name} (municipality {municipality})").format(
            name=item.name, municipality=item.municipality
        )
    )
    as_cited = provenance.with_ids(catalog, item.population) if item.population else None
    fields = tuple(
        (name, as_cited if name == "population_source" else value)
        for name, value in _fields(catalog, item, tables.TOWN_COLUMNS)
        if name != "population_origin"  # named first in population_source
    )
    fields = (*fields, ("note", item.note))
    return Detail(title, fields, tuple(s for s in sections if _filled(s)), data, flat)


def group(catalog: Catalog, item: Group) -> Detail:
    """A group with its members, their dates and sources, its partners and timeline."""
    found = [e for e in entries(catalog.dataset) if item.id in e.groups]
    members = tables.build(catalog, item.members, tables.MEMBER_COLUMNS)
    organisations = {o.id: o for o in catalog.dataset.organisation}
    partners = [organisations[p] for p in item.partners if p in organisations]
    cited = [*sources_cited_by(item), *(s for e in found for s in e.sources)]
    sections = (
        Section(_("Members"), members),
        Section(
            _("Named beside the group, not as members"), _table(catalog, item.mentions, _MENTION)
        ),
        Section(
            _("Partners"),
            tables.build(
                catalog,
                partners,
                tables.pick(tables.ORGANISATION_COLUMNS, None, tables.DEFAULT_ORGANISATION_FIELDS),
            ),
        ),
        _timeline_section(catalog, found),
        _sources_section(catalog, cited),
    )
    founded = item.founded
    fields = (
        *_fields(catalog, item, tables.GROUP_COLUMNS),
        ("founded_source", founded.source if founded else None),
        ("description", item.description),
        ("note", item.note),
    )
    data = {
        **plain_record(item),
        # The period each membership is confirmed for (see select.standing_on)
        "members": [{**plain_record(m), "confirmed": confirmed_span(m)} for m in item.members],
        "timeline": [plain_entry(e) for e in found],
        "cited_sources": _source_objects(catalog, cited),
    }
    return Detail(item.name, fields, tuple(s for s in sections if _filled(s)), data, members)


def research(catalog: Catalog, item: Research) -> Detail:
    """A study: who commissioned and performed it, when it appeared, its findings and sources."""
    cited = sources_cited_by(item)
    presented = item.presented
    fields = (
        *_fields(catalog, item, tables.RESEARCH_COLUMNS),
        ("presented_to", presented.to if presented else None),
        ("presented_at", presented.place if presented else None),
        ("note", item.note),
    )
    sections = (Section(_("Findings"), items=item.findings), _sources_section(catalog, cited))
    data = {**plain_record(item), "cited_sources": _source_objects(catalog, cited)}
    flat = tables.build(catalog, [item], tables.RESEARCH_COLUMNS)
    return Detail(item.title, fields, tuple(s for s in sections if _filled(s)), data, flat)


def organisation(catalog: Catalog, item: Organisation) -> Detail:
    """An organisation, the groups it is a partner of, its research and events."""
    groups = [g for g in catalog.dataset.group if item.id in g.partners]
    studies = [
        r for r in catalog.dataset.research if item.id in (*r.commissioned_by, *r.performed_by)
    ]
    found = [e for e in entries(catalog.dataset) if item.id in e.organisations]
    cited = [*sources_cited_by(item), *(s for e in found for s in e.sources)]
    sections = (
        Section(
            _("Partner of"),
            tables.build(
                catalog,
                groups,
                tables.pick(tables.GROUP_COLUMNS, None, tables.DEFAULT_GROUP_FIELDS),
            ),
        ),
        Section(
            _("Research"),
            tables.build(
                catalog,
                studies,
                tables.pick(tables.RESEARCH_COLUMNS, None, tables.DEFAULT_RESEARCH_FIELDS),
            ),
        ),
        _timeline_section(catalog, found),
        _sources_section(catalog, cited),
    )
    fields = (
        *_fields(catalog, item, tables.ORGANISATION_COLUMNS),
        ("description", item.description),
        ("note", item.note),
    )
    data = {
        **plain_record(item),
        "timeline": [plain_entry(e) for e in found],
        "cited_sources": _source_objects(catalog, cited),
    }
    flat = tables.build(catalog, [item], tables.ORGANISATION_COLUMNS)
    return Detail(item.name, fields, tuple(s for s in sections if _filled(s)), data, flat)


def source(catalog: Catalog, item: Source) -> Detail:
    """A source and every fact in the data that cites it."""
    cited_by = catalog.citations.get(item.id, ())
    table = _table(catalog, cited_by, _CITATION)  # for CSV and TSV, with the data paths
    facts = _table(catalog, cited_by, _CITATION[-1:])  # for people: the facts in words
    data = {**plain_record(item), "cited_by": [frozen.asdict(c) for c in cited_by]}
    for_people = [c for c in tables.SOURCE_COLUMNS if c.name != "curation"]
    return Detail(
        item.title,
        _fields(catalog, item, for_people),
        (Section(_("Cited by"), facts),),
        data,
        table,
    )


def plain_entry(entry: Entry) -> dict[str, object]:
    return {
        "date": str(entry.date),
        "kind": entry.kind,
        "what": entry.what,
        "towns": list(entry.towns),
        "groups": list(entry.groups),
        "organisations": list(entry.organisations),
        "sources": list(entry.sources),
    }


def _notes(
    spec: Sequence[tuple[str, Callable[[_Noted], Value]]], notes: bool
) -> Sequence[tuple[str, Callable[[_Noted], Value]]]:
    """The columns, and the curation column where curation notes are asked for."""
    return (*spec, ("curation", lambda r: r.curation)) if notes else spec


def _filled(section: Section) -> bool:
    return bool(section.items) or (section.table is not None and bool(section.table.rows))


_DESIGNATION: tuple[tuple[str, Callable[[Designation], Value]], ...] = (
    ("date", lambda d: _d(d.date)),
    ("kind", lambda d: d.kind),
    ("policy", lambda d: d.policy),
    ("quote", lambda d: d.quote),
    ("note", lambda d: d.note),
    ("source", lambda d: d.source),
)
_RELIEF: tuple[tuple[str, Callable[[Relief], Value]], ...] = (
    ("city", lambda r: r.city),
    ("quote", lambda r: r.quote),
    ("note", lambda r: r.note),
    ("source", lambda r: r.source),
)
_POPULATION: tuple[tuple[str, Callable[[Population], Value]], ...] = (
    ("as_of", lambda p: str(p.as_of)),
    ("count", lambda p: p.count),
    ("unit", lambda p: unit_words(p.unit)),
    ("unit_name", lambda p: p.unit_name),
    ("qualifier", lambda p: relation_words(p.qualifier) if p.qualifier else None),
    ("source", provenance.source_ids),
    ("quote", lambda p: p.quote),
    ("note", lambda p: p.note),
)
_STATUS_VIEW: tuple[tuple[str, Callable[[StatusView], Value]], ...] = (
    ("status", lambda v: v.status),
    ("quote", lambda v: v.quote),
    ("note", lambda v: v.note),
    ("source", lambda v: v.source),
)
_GAP: tuple[tuple[str, Callable[[Gap], Value]], ...] = (
    ("decade", lambda g: Phrase("{decade}s", decade=g.decade)),
    ("looked", lambda g: g.looked),
    ("note", lambda g: g.note),
)
_MENTION: tuple[tuple[str, Callable[[Mention], Value]], ...] = (
    ("town", lambda m: m.town),
    ("date", lambda m: _d(m.date)),
    ("quote", lambda m: m.quote),
    ("note", lambda m: m.note),
    ("source", lambda m: m.source),
)
_AREA: tuple[tuple[str, Callable[[Area], Value]], ...] = (
    ("total", lambda a: a.total),
    ("land", lambda a: a.land),
    ("water", lambda a: a.water),
    ("unit", lambda a: unit_words(a.unit) if a.unit else None),
    ("source", lambda a: a.source),
    ("note", lambda a: a.note),
)
_LOCATION: tuple[tuple[str, Callable[[Location], Value]], ...] = (
    ("lat", lambda loc: loc.lat),
    ("lon", lambda loc: loc.lon),
    ("source", lambda loc: loc.source),
    ("note", lambda loc: loc.note),
)
_GROUP_MEMBERSHIP: tuple[tuple[str, Callable[[tuple[Group, object]], Value]], ...] = (
    ("group", lambda pair: pair[0].id),
    ("name", lambda pair: pair[0].name),
    ("kind", lambda pair: pair[0].kind),
    ("since", lambda pair: _d(getattr(pair[1], "since", None))),
    ("until", lambda pair: _d(getattr(pair[1], "until", None))),
    ("as_of", lambda pair: _d(getattr(pair[1], "as_of", None))),
    ("source", lambda pair: getattr(pair[1], "source", None)),
)
_CITATION: tuple[tuple[str, Callable[[Citation], Value]], ...] = (
    ("table", lambda c: c.table),
    ("entry", lambda c: c.entry),
    ("field", lambda c: c.path),
    ("fact", lambda c: c.fact),
)
