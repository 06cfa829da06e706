"""The data set as a SQLite database: a table per entity, link tables, keys that hold."""

from __future__ import annotations

import errno
import os
import pathlib
import sqlite3
from collections.abc import Iterable

from newtowns_cli.dates import PartialDate
from newtowns_cli.models import Dataset
from newtowns_cli.query import Catalog

SCHEMA = """
CREATE TABLE sources (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, publisher TEXT NOT NULL, kind TEXT NOT NULL,
    language TEXT NOT NULL, published TEXT, url TEXT, note TEXT
);
CREATE TABLE towns (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, municipality TEXT NOT NULL, cbs_code TEXT NOT NULL,
    province TEXT NOT NULL, status TEXT NOT NULL, population INTEGER, population_as_of TEXT,
    population_unit TEXT, population_source TEXT REFERENCES sources(id),
    area_km2 REAL, lat REAL, lon REAL, note TEXT
);
CREATE TABLE town_aliases (
    town TEXT NOT NULL REFERENCES towns(id), alias TEXT NOT NULL, PRIMARY KEY (town, alias)
);
CREATE TABLE designations (
    town TEXT NOT NULL REFERENCES towns(id), seq INTEGER NOT NULL, date TEXT, policy TEXT,
    quote TEXT, note TEXT, source TEXT NOT NULL REFERENCES sources(id), PRIMARY KEY (town, seq)
);
CREATE TABLE reliefs (
    town TEXT NOT NULL REFERENCES towns(id), seq INTEGER NOT NULL, city TEXT NOT NULL,
    quote TEXT, note TEXT, source TEXT NOT NULL REFERENCES sources(id), PRIMARY KEY (town, seq)
);
CREATE TABLE populations (
    town TEXT NOT NULL REFERENCES towns(id), seq INTEGER NOT NULL, latest INTEGER NOT NULL,
    count INTEGER NOT NULL, as_of TEXT NOT NULL, unit TEXT NOT NULL, qualifier TEXT,
    quote TEXT, note TEXT, source TEXT NOT NULL REFERENCES sources(id),
    original TEXT REFERENCES sources(id), PRIMARY KEY (town, seq)
);
CREATE TABLE areas (
    town TEXT NOT NULL REFERENCES towns(id), seq INTEGER NOT NULL, total REAL, land REAL,
    water REAL, unit TEXT NOT NULL, note TEXT, source TEXT NOT NULL REFERENCES sources(id),
    PRIMARY KEY (town, seq)
);
CREATE TABLE locations (
    town TEXT NOT NULL REFERENCES towns(id), seq INTEGER NOT NULL, lat REAL NOT NULL,
    lon REAL NOT NULL, note TEXT, source TEXT NOT NULL REFERENCES sources(id),
    PRIMARY KEY (town, seq)
);
CREATE TABLE history (
    town TEXT NOT NULL REFERENCES towns(id), seq INTEGER NOT NULL, date TEXT NOT NULL,
    kind TEXT NOT NULL, what TEXT NOT NULL, note TEXT,
    source TEXT NOT NULL REFERENCES sources(id), PRIMARY KEY (town, seq)
);
CREATE TABLE groups (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, founded TEXT,
    founded_source TEXT REFERENCES sources(id), url TEXT, description TEXT, note TEXT
);
CREATE TABLE group_aliases (
    group_id TEXT NOT NULL REFERENCES groups(id), alias TEXT NOT NULL,
    PRIMARY KEY (group_id, alias)
);
CREATE TABLE group_themes (
    group_id TEXT NOT NULL REFERENCES groups(id), theme TEXT NOT NULL,
    PRIMARY KEY (group_id, theme)
);
CREATE TABLE memberships (
    group_id TEXT NOT NULL REFERENCES groups(id), seq INTEGER NOT NULL,
    town TEXT NOT NULL REFERENCES towns(id), since TEXT, until TEXT, as_of TEXT, note TEXT,
    source TEXT NOT NULL REFERENCES sources(id), PRIMARY KEY (group_id, seq)
);
CREATE TABLE organisations (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, city TEXT, url TEXT,
    founded TEXT, founded_source TEXT REFERENCES sources(id), description TEXT, note TEXT
);
CREATE TABLE organisation_aliases (
    organisation TEXT NOT NULL REFERENCES organisations(id), alias TEXT NOT NULL,
    PRIMARY KEY (organisation, alias)
);
CREATE TABLE group_partners (
    group_id TEXT NOT NULL REFERENCES groups(id),
    organisation TEXT NOT NULL REFERENCES organisations(id), PRIMARY KEY (group_id, organisation)
);
CREATE TABLE research (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, published TEXT,
    published_source TEXT REFERENCES sources(id), presented TEXT,
    presented_source TEXT REFERENCES sources(id), presented_place TEXT, presented_to TEXT,
    note TEXT
);
CREATE TABLE research_roles (
    research TEXT NOT NULL REFERENCES research(id), role TEXT NOT NULL,
    organisation TEXT REFERENCES organisations(id), group_id TEXT REFERENCES groups(id),
    CHECK ((organisation IS NULL) != (group_id IS NULL))
);
CREATE TABLE research_towns (
    research TEXT NOT NULL REFERENCES research(id), town TEXT NOT NULL REFERENCES towns(id),
    PRIMARY KEY (research, town)
);
CREATE TABLE research_texts (
    research TEXT NOT NULL REFERENCES research(id), kind TEXT NOT NULL, seq INTEGER NOT NULL,
    text TEXT NOT NULL, PRIMARY KEY (research, kind, seq)
);
CREATE TABLE events (
    id TEXT PRIMARY KEY, date TEXT NOT NULL, until TEXT, title TEXT NOT NULL,
    kind TEXT NOT NULL, place TEXT, note TEXT
);
CREATE TABLE event_links (
    event TEXT NOT NULL REFERENCES events(id), town TEXT REFERENCES towns(id),
    group_id TEXT REFERENCES groups(id), organisation TEXT REFERENCES organisations(id),
    CHECK ((town IS NOT NULL) + (group_id IS NOT NULL) + (organisation IS NOT NULL) = 1)
);
CREATE TABLE claims (
    id TEXT PRIMARY KEY, statement TEXT NOT NULL, value INTEGER NOT NULL,
    relation TEXT NOT NULL, measure TEXT NOT NULL, scope TEXT NOT NULL, as_of TEXT,
    group_id TEXT REFERENCES groups(id), source TEXT NOT NULL REFERENCES sources(id), note TEXT
);
CREATE TABLE citations (
    source TEXT NOT NULL REFERENCES sources(id), entity_table TEXT NOT NULL,
    entity_id TEXT NOT NULL, field TEXT NOT NULL, fact TEXT NOT NULL
);
CREATE INDEX citations_by_source ON citations(source);
CREATE INDEX citations_by_entity ON citations(entity_table, entity_id);
"""
"""Every table of the database, with its keys."""


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
    for table, rows in (
        ("sources", _sources(dataset)),
        ("towns", _towns(dataset)),
        ("town_aliases", ((t.id, a) for t in dataset.town for a in dict.fromkeys(t.aliases))),
        ("designations", _designations(dataset)),
        ("reliefs", _reliefs(dataset)),
        ("populations", _populations(dataset)),
        ("areas", _areas(dataset)),
        ("locations", _locations(dataset)),
        ("history", _history(dataset)),
        ("groups", _groups(dataset)),
        ("group_aliases", ((g.id, a) for g in dataset.group for a in dict.fromkeys(g.aliases))),
        ("group_themes", ((g.id, t) for g in dataset.group for t in dict.fromkeys(g.themes))),
        ("memberships", _memberships(dataset)),
        ("organisations", _organisations(dataset)),
        (
            "organisation_aliases",
            ((o.id, a) for o in dataset.organisation for a in dict.fromkeys(o.aliases)),
        ),
        ("group_partners", ((g.id, p) for g in dataset.group for p in dict.fromkeys(g.partners))),
        ("research", _research(dataset)),
        ("research_roles", _research_roles(dataset, groups)),
        ("research_towns", ((r.id, t) for r in dataset.research for t in dict.fromkeys(r.towns))),
        ("research_texts", _research_texts(dataset)),
        (
            "events",
            (
                (e.id, str(e.date), _d(e.until), e.title, e.kind, e.place, e.note)
                for e in dataset.event
            ),
        ),
        ("event_links", _event_links(dataset)),
        ("claims", _claims(dataset)),
        ("citations", _citations(dataset)),
    ):
        _insert(connection, table, rows)


def _sources(dataset: Dataset) -> Iterable[Row]:
    for s in dataset.source:
        yield (s.id, s.title, s.publisher, s.kind, s.language, _d(s.published), s.url, s.note)


def _towns(dataset: Dataset) -> Iterable[Row]:
    for t in dataset.town:
        p = t.population
        where = t.location[0] if t.location else None
        yield (
            t.id, t.name, t.municipality, t.cbs_code, t.province, t.status,
            p.count if p else None, _d(p.as_of) if p else None, p.unit if p else None,
            p.source if p else None, t.area[0].total if t.area else None,
            where.lat if where else None, where.lon if where else None, t.note,
        )  # fmt: skip


def _designations(dataset: Dataset) -> Iterable[Row]:
    for t in dataset.town:
        for n, d in enumerate(t.designation):
            yield (t.id, n, _d(d.date), d.policy, d.quote, d.note, d.source)


def _reliefs(dataset: Dataset) -> Iterable[Row]:
    for t in dataset.town:
        for n, r in enumerate(t.relieves):
            yield (t.id, n, r.city, r.quote, r.note, r.source)


def _populations(dataset: Dataset) -> Iterable[Row]:
    for t in dataset.town:
        figures = [(1, t.population)] if t.population else []
        figures += [(0, figure) for figure in t.population_history]
        for n, (latest, f) in enumerate(figures):
            yield (
                t.id, n, latest, f.count, str(f.as_of), f.unit, f.qualifier, f.quote,
                f.note, f.source, f.original,
            )  # fmt: skip


def _areas(dataset: Dataset) -> Iterable[Row]:
    for t in dataset.town:
        for n, a in enumerate(t.area):
            yield (t.id, n, a.total, a.land, a.water, a.unit, a.note, a.source)


def _locations(dataset: Dataset) -> Iterable[Row]:
    for t in dataset.town:
        for n, where in enumerate(t.location):
            yield (t.id, n, where.lat, where.lon, where.note, where.source)


def _history(dataset: Dataset) -> Iterable[Row]:
    for t in dataset.town:
        for n, h in enumerate(t.history):
            yield (t.id, n, str(h.date), h.kind, h.what, h.note, h.source)


def _groups(dataset: Dataset) -> Iterable[Row]:
    for g in dataset.group:
        f = g.founded
        founded = (_d(f.date), f.source) if f else (None, None)
        yield (g.id, g.name, g.kind, *founded, g.url, g.description, g.note)


def _memberships(dataset: Dataset) -> Iterable[Row]:
    for g in dataset.group:
        for n, m in enumerate(g.members):
            yield (g.id, n, m.town, _d(m.since), _d(m.until), _d(m.as_of), m.note, m.source)


def _organisations(dataset: Dataset) -> Iterable[Row]:
    for o in dataset.organisation:
        f = o.founded
        founded = (_d(f.date), f.source) if f else (None, None)
        yield (o.id, o.name, o.kind, o.city, o.url, *founded, o.description, o.note)


def _research(dataset: Dataset) -> Iterable[Row]:
    for r in dataset.research:
        pub, pre = r.published, r.presented
        published = (_d(pub.date), pub.source) if pub else (None, None)
        presented = (_d(pre.date), pre.source, pre.place, pre.to) if pre else (None,) * 4
        yield (r.id, r.title, *published, *presented, r.note)


def _research_roles(dataset: Dataset, groups: set[str]) -> Iterable[Row]:
    for r in dataset.research:
        roles = [("commissioned", c) for c in r.commissioned_by]
        roles += [("performed", p) for p in r.performed_by]
        for role, ref in roles:
            yield (r.id, role, None if ref in groups else ref, ref if ref in groups else None)


def _research_texts(dataset: Dataset) -> Iterable[Row]:
    for r in dataset.research:
        for kind, items in (("author", r.authors), ("theme", r.themes), ("finding", r.findings)):
            for n, text in enumerate(items):
                yield (r.id, kind, n, text)


def _event_links(dataset: Dataset) -> Iterable[Row]:
    for e in dataset.event:
        yield from ((e.id, town, None, None) for town in e.towns)
        yield from ((e.id, None, group, None) for group in e.groups)
        yield from ((e.id, None, None, organisation) for organisation in e.organisations)


def _claims(dataset: Dataset) -> Iterable[Row]:
    for c in dataset.claim:
        yield (
            c.id, c.statement, c.value, c.relation, c.measure, c.scope, _d(c.as_of),
            c.group, c.source, c.note,
        )  # fmt: skip


def _citations(dataset: Dataset) -> Iterable[Row]:
    for source, found in Catalog.of(dataset).citations.items():
        for c in found:
            yield (source, c.table, c.entry, c.path, c.fact)
