"""The data set as a SQLite database: every field of every record, keys that hold.

A table per entity, a child table per list keyed by (parent, seq), link tables, every
figure with its unit, and views that keep municipal figures apart (sqlite_schema.py).
"""

from __future__ import annotations

import errno
import os
import pathlib
import sqlite3
from collections.abc import Iterable
from typing import Protocol

from newtowns_cli.exports.sqlite_schema import TABLES, VIEWS
from newtowns_cli.model.dates import PartialDate
from newtowns_cli.model.i18n import Bilingual
from newtowns_cli.model.records import City, Dataset, Dated, Town
from newtowns_cli.questions.lookup import Catalog
from newtowns_cli.questions.texts import prose

SCHEMA = TABLES + VIEWS
"""Every table and view of the database, with its keys."""


_DISK = frozenset(
    {sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY}
)
"""SQLite's codes for a disk that is full, failing, read-only or gone."""


def write(dataset: Dataset, path: pathlib.Path) -> None:
    """Create the database at ``path`` (which must not exist) and check its foreign keys.

    A full or failing disk is an OSError, like any other failed write (not a traceback).
    """
    try:
        _create(dataset, path)
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorcode", 0) & 0xFF not in _DISK:
            raise
        raise OSError(errno.EIO, str(exc)) from None


def _create(dataset: Dataset, path: pathlib.Path) -> None:
    connection = sqlite3.connect(path)
    try:
        # A new temporary file, renamed into place only when complete: no journal or
        # per-statement sync is needed; the file is synced once at the end.
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("PRAGMA foreign_keys = ON")
        connection.executescript(SCHEMA)
        with connection:
            _fill(connection, dataset)
        broken = connection.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise AssertionError(f"foreign key check failed: {broken[:3]}")
    finally:
        connection.close()
    with path.open("rb+") as stream:
        os.fsync(stream.fileno())


Row = tuple[object, ...]


def _d(value: PartialDate | None) -> str | None:
    return None if value is None else str(value)


def _insert(connection: sqlite3.Connection, table: str, rows: Iterable[Row]) -> None:
    rows = list(rows)
    if rows:
        marks = ", ".join("?" * len(rows[0]))
        connection.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)


def _fill(connection: sqlite3.Connection, dataset: Dataset) -> None:
    groups = {g.id for g in dataset.group}
    m = dataset.dataset
    for table, rows in (
        ("dataset", [(m.title, m.description, m.version, str(m.updated), m.licence, m.homepage)]),
        ("sources", _sources(dataset)),
        ("cities", _cities(dataset)),
        ("city_aliases", _unique(dataset.city, "aliases")),
        ("city_locations", _places(dataset.city)),
        ("city_sources", _listed(dataset.city, "sources")),
        ("towns", _towns(dataset)),
        ("town_aliases", _unique(dataset.town, "aliases")),
        ("town_sources", _listed(dataset.town, "sources")),
        ("designations", _designations(dataset)),
        ("reliefs", _reliefs(dataset)),
        ("populations", _populations(dataset)),
        ("population_gaps", _gaps(dataset)),
        ("areas", _areas(dataset)),
        ("locations", _places(dataset.town)),
        ("history", _history(dataset)),
        ("history_municipalities", _history_municipalities(dataset)),
        ("status_views", _status_views(dataset)),
        ("groups", _groups(dataset)),
        ("group_aliases", _unique(dataset.group, "aliases")),
        ("group_sources", _listed(dataset.group, "sources")),
        ("group_themes", _unique(dataset.group, "themes")),
        ("memberships", _memberships(dataset)),
        ("attestations", _attestations(dataset)),
        ("mentions", _mentions(dataset)),
        ("organisations", _organisations(dataset)),
        ("organisation_aliases", _unique(dataset.organisation, "aliases")),
        ("organisation_sources", _listed(dataset.organisation, "sources")),
        ("group_partners", _unique(dataset.group, "partners")),
        ("research", _research(dataset)),
        ("research_sources", _listed(dataset.research, "sources")),
        ("research_roles", _research_roles(dataset, groups)),
        ("research_towns", _unique(dataset.research, "towns")),
        ("research_texts", _research_texts(dataset)),
        (
            "events",
            (
                (e.id, str(e.date), _d(e.until), e.title, e.kind, e.place, e.note)
                for e in dataset.event
            ),
        ),
        ("event_sources", _listed(dataset.event, "sources")),
        ("event_links", _event_links(dataset)),
        ("claims", _claims(dataset)),
        ("claim_towns", _listed(dataset.claim, "towns")),
        ("citations", _citations(dataset)),
        ("translations", _translations(dataset)),
    ):
        _insert(connection, table, rows)


class _Entry(Protocol):
    @property
    def id(self) -> str: ...


def _listed(entries: Iterable[_Entry], field: str) -> Iterable[Row]:
    """(entry, seq, item) for each item of a list of ids: the order and every item kept."""
    for entry in entries:
        for n, item in enumerate(getattr(entry, field)):
            yield (entry.id, n, item)


def _unique(entries: Iterable[_Entry], field: str) -> Iterable[Row]:
    """(entry, item, seq) for a list keyed by its items: a repeated item is stored once."""
    for entry in entries:
        for n, item in enumerate(dict.fromkeys(getattr(entry, field))):
            yield (entry.id, item, n)


def _places(entries: Iterable[Town | City]) -> Iterable[Row]:
    for entry in entries:
        for n, where in enumerate(entry.location):
            yield (entry.id, n, where.lat, where.lon, where.note, where.source)


def _sources(dataset: Dataset) -> Iterable[Row]:
    for s in dataset.source:
        yield (
            s.id, s.title, s.publisher, s.kind, s.language, _d(s.published), s.url, s.note,
            s.curation,
        )  # fmt: skip


def _cities(dataset: Dataset) -> Iterable[Row]:
    for c in dataset.city:
        where = c.location[0] if c.location else None
        lat, lon = (where.lat, where.lon) if where else (None, None)
        yield (c.id, c.name, c.province, lat, lon, c.note)


def _towns(dataset: Dataset) -> Iterable[Row]:
    for t in dataset.town:
        p = t.population
        where = t.location[0] if t.location else None
        area = t.area[0] if t.area else None
        yield (
            t.id, t.name, t.municipality, t.cbs_code, t.province, t.status,
            p.count if p else None, _d(p.as_of) if p else None, p.unit if p else None,
            p.source if p else None, area.total if area else None,
            where.lat if where else None, where.lon if where else None, t.note,
            p.unit_name if p else None, area.unit if area else None,
        )  # fmt: skip


def _designations(dataset: Dataset) -> Iterable[Row]:
    for t in dataset.town:
        for n, d in enumerate(t.designation):
            yield (t.id, n, _d(d.date), d.policy, d.quote, d.note, d.source, d.kind, d.curation)


def _reliefs(dataset: Dataset) -> Iterable[Row]:
    # The city a relief names, by name or alias, as validate matches it.
    cities: dict[str, str] = {}
    for c in dataset.city:
        for name in (c.name, *c.aliases):
            cities.setdefault(name, c.id)
    for t in dataset.town:
        for n, r in enumerate(t.relieves):
            yield (t.id, n, r.city, r.quote, r.note, r.source, cities.get(r.city), r.curation)


def _populations(dataset: Dataset) -> Iterable[Row]:
    for t in dataset.town:
        figures = [(1, t.population)] if t.population else []
        figures += [(0, figure) for figure in t.population_history]
        for n, (latest, f) in enumerate(figures):
            yield (
                t.id, n, latest, f.count, str(f.as_of), f.unit, f.qualifier, f.quote,
                f.note, f.source, f.original, f.unit_name, f.curation,
            )  # fmt: skip


def _gaps(dataset: Dataset) -> Iterable[Row]:
    for t in dataset.town:
        for n, g in enumerate(t.population_gaps):
            yield (t.id, n, g.decade, g.looked, g.note)


def _areas(dataset: Dataset) -> Iterable[Row]:
    for t in dataset.town:
        for n, a in enumerate(t.area):
            yield (t.id, n, a.total, a.land, a.water, a.unit, a.note, a.source)


def _history(dataset: Dataset) -> Iterable[Row]:
    for t in dataset.town:
        for n, h in enumerate(t.history):
            yield (t.id, n, str(h.date), h.kind, h.what, h.note, h.source)


def _history_municipalities(dataset: Dataset) -> Iterable[Row]:
    for t in dataset.town:
        for n, h in enumerate(t.history):
            for m, name in enumerate(h.municipalities):
                yield (t.id, n, m, name)


def _status_views(dataset: Dataset) -> Iterable[Row]:
    for t in dataset.town:
        for n, v in enumerate(t.status_views):
            yield (t.id, n, v.status, v.quote, v.note, v.source, v.curation)


def _founded(f: Dated | None) -> tuple[str | None, str | None, str | None]:
    return (_d(f.date), f.source, f.note) if f else (None, None, None)


def _groups(dataset: Dataset) -> Iterable[Row]:
    for g in dataset.group:
        date, source, note = _founded(g.founded)
        yield (g.id, g.name, g.kind, date, source, g.url, g.description, g.note, note)


def _memberships(dataset: Dataset) -> Iterable[Row]:
    for g in dataset.group:
        for n, m in enumerate(g.members):
            yield (g.id, n, m.town, _d(m.since), _d(m.until), _d(m.as_of), m.note, m.source)


def _attestations(dataset: Dataset) -> Iterable[Row]:
    for g in dataset.group:
        for n, m in enumerate(g.members):
            for k, a in enumerate(m.attested):
                yield (g.id, n, k, str(a.date), a.quote, a.note, a.source)


def _mentions(dataset: Dataset) -> Iterable[Row]:
    for g in dataset.group:
        for n, m in enumerate(g.mentions):
            yield (g.id, n, m.town, _d(m.date), m.quote, m.note, m.source)


def _organisations(dataset: Dataset) -> Iterable[Row]:
    for o in dataset.organisation:
        date, source, note = _founded(o.founded)
        yield (o.id, o.name, o.kind, o.city, o.url, date, source, o.description, o.note, note)


def _research(dataset: Dataset) -> Iterable[Row]:
    for r in dataset.research:
        date, source, note = _founded(r.published)
        pre = r.presented
        presented = (_d(pre.date), pre.source, pre.place, pre.to) if pre else (None,) * 4
        yield (r.id, r.title, date, source, *presented, r.note, note)


def _research_roles(dataset: Dataset, groups: set[str]) -> Iterable[Row]:
    for r in dataset.research:
        for role, refs in (("commissioned", r.commissioned_by), ("performed", r.performed_by)):
            for n, ref in enumerate(refs):
                group = ref if ref in groups else None
                yield (r.id, role, None if group else ref, group, n)


def _research_texts(dataset: Dataset) -> Iterable[Row]:
    for r in dataset.research:
        for kind, items in (("author", r.authors), ("theme", r.themes), ("finding", r.findings)):
            for n, text in enumerate(items):
                yield (r.id, kind, n, text)


def _event_links(dataset: Dataset) -> Iterable[Row]:
    for e in dataset.event:
        yield from ((e.id, town, None, None, n) for n, town in enumerate(e.towns))
        yield from ((e.id, None, group, None, n) for n, group in enumerate(e.groups))
        yield from ((e.id, None, None, org, n) for n, org in enumerate(e.organisations))


def _claims(dataset: Dataset) -> Iterable[Row]:
    for c in dataset.claim:
        yield (
            c.id, c.statement, c.value, c.relation, c.measure, c.scope, _d(c.as_of),
            c.group, c.source, c.note, c.covers, c.designated_from, c.designated_to,
        )  # fmt: skip


def _citations(dataset: Dataset) -> Iterable[Row]:
    for source, found in Catalog.of(dataset).citations.items():
        for c in found:
            yield (source, c.table, c.entry, c.path, c.fact)


def _translations(dataset: Dataset) -> Iterable[Row]:
    """The Dutch of every free text that has it; the English is in the entity's own row."""
    for text in prose(dataset):
        if isinstance(text.text, Bilingual):
            yield (text.table, text.entry, text.path, "nl", text.text.nl)
