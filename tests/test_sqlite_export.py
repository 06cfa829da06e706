"""export --format sqlite holds every field of every record, and keeps units apart."""

from __future__ import annotations

import contextlib
import datetime
import json
import pathlib
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from typing import Any, ClassVar

import pytest
from hypothesis import given
from sqlite_reader import Reader
from strategies import TODAY, datasets

from newtowns_cli.exports import sqlite as sqlite_export
from newtowns_cli.model import frozen
from newtowns_cli.model import records as models
from newtowns_cli.model.records import Record
from newtowns_cli.reading import atomic as output
from newtowns_cli.reading import store

from support import MINI, Runner

# Where each field of each record type lands: "table.column" (a column, or the key column
# of the child table a list becomes). Every record type of models.py must be here with every
# one of its fields; test_every_field_of_every_record_is_mapped fails otherwise.
WHERE: dict[type[Record], dict[str, tuple[str, ...]]] = {
    models.Dataset: {
        "dataset": ("dataset.title",),
        "source": ("sources.id",),
        "town": ("towns.id",),
        "group": ("groups.id",),
        "organisation": ("organisations.id",),
        "research": ("research.id",),
        "event": ("events.id",),
        "claim": ("claims.id",),
        "city": ("cities.id",),
    },
    models.DatasetMeta: {
        "title": ("dataset.title",),
        "description": ("dataset.description",),
        "version": ("dataset.version",),
        "updated": ("dataset.updated",),
        "licence": ("dataset.licence",),
        "homepage": ("dataset.homepage",),
    },
    models.Source: {
        name: (f"sources.{name}",)
        for name in (
            *("id", "title", "publisher", "kind", "language", "published", "url"),
            *("note", "curation"),
        )
    },
    models.Population: {
        "count": ("populations.count", "towns.population"),
        "as_of": ("populations.as_of", "towns.population_as_of"),
        "source": ("populations.source", "towns.population_source"),
        "unit": ("populations.unit", "towns.population_unit"),
        "unit_name": ("populations.unit_name", "towns.population_unit_name"),
        "qualifier": ("populations.qualifier",),
        "original": ("populations.original",),
        "quote": ("populations.quote",),
        "note": ("populations.note",),
        "curation": ("populations.curation",),
    },
    models.Gap: {
        "decade": ("population_gaps.decade",),
        "looked": ("population_gaps.looked",),
        "note": ("population_gaps.note",),
    },
    models.StatusView: {
        name: (f"status_views.{name}",)
        for name in ("status", "source", "quote", "note", "curation")
    },
    models.Area: {
        "total": ("areas.total", "towns.area_km2"),
        "unit": ("areas.unit", "towns.area_unit"),
        "land": ("areas.land",),
        "water": ("areas.water",),
        "source": ("areas.source",),
        "note": ("areas.note",),
    },
    models.Location: {
        "lat": ("locations.lat", "city_locations.lat", "towns.lat", "cities.lat"),
        "lon": ("locations.lon", "city_locations.lon", "towns.lon", "cities.lon"),
        "source": ("locations.source", "city_locations.source"),
        "note": ("locations.note", "city_locations.note"),
    },
    models.Designation: {
        name: (f"designations.{name}",)
        for name in ("source", "date", "policy", "quote", "note", "kind", "curation")
    },
    models.Relief: {
        "city": ("reliefs.city", "reliefs.city_id"),
        "source": ("reliefs.source",),
        "quote": ("reliefs.quote",),
        "note": ("reliefs.note",),
        "curation": ("reliefs.curation",),
    },
    models.HistoryEntry: {
        **{name: (f"history.{name}",) for name in ("date", "kind", "what", "source", "note")},
        "municipalities": ("history_municipalities.municipality",),
    },
    models.Town: {
        **{
            name: (f"towns.{name}",)
            for name in ("id", "name", "municipality", "cbs_code", "province", "status", "note")
        },
        "sources": ("town_sources.source",),
        "aliases": ("town_aliases.alias",),
        "relieves": ("reliefs.town",),
        "designation": ("designations.town",),
        "population": ("populations.latest",),
        "population_history": ("populations.latest",),
        "area": ("areas.town",),
        "location": ("locations.town",),
        "history": ("history.town",),
        "status_views": ("status_views.town",),
        "population_gaps": ("population_gaps.town",),
    },
    models.Dated: {
        "date": ("groups.founded", "organisations.founded", "research.published"),
        "source": (
            "groups.founded_source",
            "organisations.founded_source",
            "research.published_source",
        ),
        "note": ("groups.founded_note", "organisations.founded_note", "research.published_note"),
    },
    models.Attestation: {
        name: (f"attestations.{name}",) for name in ("date", "source", "quote", "note")
    },
    models.Membership: {
        **{
            name: (f"memberships.{name}",)
            for name in ("town", "source", "since", "until", "as_of", "note")
        },
        "attested": ("attestations.membership",),
    },
    models.Mention: {
        name: (f"mentions.{name}",) for name in ("town", "source", "date", "quote", "note")
    },
    models.Group: {
        **{name: (f"groups.{name}",) for name in ("id", "name", "kind", "url", "description")},
        "note": ("groups.note",),
        "sources": ("group_sources.source",),
        "aliases": ("group_aliases.alias",),
        "founded": ("groups.founded",),
        "themes": ("group_themes.theme",),
        "partners": ("group_partners.organisation",),
        "members": ("memberships.group_id",),
        "mentions": ("mentions.group_id",),
    },
    models.Organisation: {
        **{
            name: (f"organisations.{name}",)
            for name in ("id", "name", "kind", "city", "url", "description", "note")
        },
        "sources": ("organisation_sources.source",),
        "aliases": ("organisation_aliases.alias",),
        "founded": ("organisations.founded",),
    },
    models.Presentation: {
        "date": ("research.presented",),
        "source": ("research.presented_source",),
        "place": ("research.presented_place",),
        "to": ("research.presented_to",),
    },
    models.Research: {
        "id": ("research.id",),
        "title": ("research.title",),
        "note": ("research.note",),
        "sources": ("research_sources.source",),
        "commissioned_by": ("research_roles.organisation", "research_roles.group_id"),
        "performed_by": ("research_roles.organisation", "research_roles.group_id"),
        "authors": ("research_texts.text",),
        "themes": ("research_texts.text",),
        "findings": ("research_texts.text",),
        "published": ("research.published",),
        "presented": ("research.presented",),
        "towns": ("research_towns.town",),
    },
    models.Event: {
        **{
            name: (f"events.{name}",)
            for name in ("id", "date", "title", "kind", "until", "place", "note")
        },
        "sources": ("event_sources.source",),
        "towns": ("event_links.town",),
        "groups": ("event_links.group_id",),
        "organisations": ("event_links.organisation",),
    },
    models.Claim: {
        **{
            name: (f"claims.{name}",)
            for name in [
                "id",
                "statement",
                "value",
                "relation",
                "measure",
                "scope",
                "source",
                "as_of",
                "note",
                "covers",
                "designated_from",
                "designated_to",
            ]
        },
        "group": ("claims.group_id",),
        "towns": ("claim_towns.town",),
    },
    models.City: {
        **{name: (f"cities.{name}",) for name in ("id", "name", "province", "note")},
        "sources": ("city_sources.source",),
        "aliases": ("city_aliases.alias",),
        "location": ("city_locations.city",),
    },
}

NOT_STORED: dict[type[Record], dict[str, str]] = {}
"""Fields deliberately left out of the database, with the reason: none."""

STORED_ONCE = {
    models.Town: ("aliases",),
    models.Group: ("aliases", "themes", "partners"),
    models.Organisation: ("aliases",),
    models.Research: ("towns",),
    models.City: ("aliases",),
}
"""Lists keyed by their items (e.g. ``town_aliases`` by (town, alias)): a repeated item,
which says nothing new, is stored once; the order is kept in ``seq``."""


def _record_types() -> set[type[Record]]:
    return {
        value
        for value in vars(models).values()
        if isinstance(value, type) and issubclass(value, Record) and value is not Record
    }


def _export(
    dataset: models.Dataset, folder: pathlib.Path
) -> contextlib.closing[sqlite3.Connection]:
    """The data set written as SQLite, opened for a ``with`` block that closes it."""
    path = folder / "nt.db"
    sqlite_export.write(dataset, path)
    db = sqlite3.connect(path)
    db.row_factory = sqlite3.Row
    return contextlib.closing(db)


def _columns(db: sqlite3.Connection) -> set[str]:
    names = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {f"{t}.{row[1]}" for t in names for row in db.execute(f"PRAGMA table_info({t})")}


def test_every_field_of_every_record_is_mapped(tmp_path: pathlib.Path) -> None:
    """Each record type of models.py, each of its fields, lands in a column that exists."""
    assert set(WHERE) == _record_types()
    for kind, where in WHERE.items():
        stored = set(where) | set(NOT_STORED.get(kind, {}))
        assert stored == set(frozen.fields(kind)), kind.__name__
    mapped = {column for where in WHERE.values() for found in where.values() for column in found}
    dataset = store.load(store.DataFile(str(MINI), str(MINI)), today=TODAY)
    with _export(dataset, tmp_path) as db:
        assert mapped - _columns(db) == set()


def _once(value: Any) -> Any:
    """The data as stored: the STORED_ONCE lists without repeated items."""
    if isinstance(value, tuple):
        return tuple(_once(item) for item in value)
    if not isinstance(value, Record):
        return value
    changes = {
        name: _once(getattr(value, name))
        for name in frozen.fields(value)
        if isinstance(getattr(value, name), (Record, tuple))
    }
    for name in STORED_ONCE.get(type(value), ()):
        changes[name] = tuple(dict.fromkeys(getattr(value, name)))
    return frozen.replace(value, **changes)


def _summary_columns(db: sqlite3.Connection, dataset: models.Dataset) -> None:
    """The convenience columns (a town's latest figure, first area and location) agree."""
    for town in dataset.town:
        p, a = town.population, town.area[0] if town.area else None
        where = town.location[0] if town.location else None
        row = db.execute(
            "SELECT population, population_as_of, population_unit, population_unit_name,"
            " population_source, area_km2, area_unit, lat, lon FROM towns WHERE id = ?",
            (town.id,),
        ).fetchone()
        assert tuple(row) == (
            p and p.count, p and str(p.as_of), p and p.unit, p and p.unit_name, p and p.source,
            a and a.total, a and a.unit, where and where.lat, where and where.lon,
        )  # fmt: skip
    for city in dataset.city:
        where = city.location[0] if city.location else None
        row = db.execute("SELECT lat, lon FROM cities WHERE id = ?", (city.id,)).fetchone()
        assert tuple(row) == (where and where.lat, where and where.lon)
    names = {name: c.id for c in reversed(dataset.city) for name in (c.name, *c.aliases)}
    found = db.execute("SELECT city, city_id FROM reliefs ORDER BY rowid").fetchall()
    assert [tuple(r) for r in found] == [
        (r.city, names.get(r.city)) for t in dataset.town for r in t.relieves
    ]


def _read_back(dataset: models.Dataset) -> models.Dataset:
    with tempfile.TemporaryDirectory() as folder, _export(dataset, pathlib.Path(folder)) as db:
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert tuple(db.execute("PRAGMA integrity_check").fetchone()) == ("ok",)
        _summary_columns(db, dataset)
        return Reader(db).dataset()


def test_mini_reads_back_equal() -> None:
    """tests/data/mini.toml (every field used once) comes back from the database unchanged."""
    dataset = store.load(store.DataFile(str(MINI), str(MINI)), today=TODAY)
    assert _read_back(dataset) == dataset


def test_the_bundled_data_reads_back_equal() -> None:
    """The shipped data set comes back from the database unchanged."""
    dataset = store.load(store.locate(None, None), today=datetime.date.today())
    assert _read_back(dataset) == _once(dataset)


@pytest.mark.slow  # 60 generated data sets: 2-10 s on this machine
@given(datasets())
def test_any_valid_data_set_reads_back_equal(dataset: models.Dataset) -> None:
    """For generated data sets: the database holds every value (repeated aliases once)."""
    assert _read_back(dataset) == _once(dataset)


# -- the bundled data against `newtowns export -f json` ------------------------------------

Doc = dict[str, Any]


def _each(doc: Doc, table: str, *fields: str) -> Iterator[Any]:
    """Every item of the lists ``fields`` of every entry of ``table``."""
    for entry in doc.get(table, []):
        for field in fields:
            yield from entry.get(field, [])


def _n(table: str, *fields: str, unique: bool = False) -> Callable[[Doc], int]:
    if not fields:
        return lambda doc: len(doc.get(table, []))
    if unique:
        return lambda doc: sum(
            len(set(entry.get(field, []))) for entry in doc.get(table, []) for field in fields
        )
    return lambda doc: sum(1 for _ in _each(doc, table, *fields))


def _cited(value: Any) -> Iterator[str]:
    """Every source id cited anywhere in a JSON value ("source", "original", "sources")."""
    if isinstance(value, list):
        for item in value:
            yield from _cited(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key in ("source", "original") and isinstance(item, str):
                yield item
            elif key == "sources":
                yield from item
            else:
                yield from _cited(item)


def _populations(doc: Doc) -> list[Doc]:
    return [
        p for t in doc["town"] for p in ([t["population"]] if "population" in t else [])
    ] + list(_each(doc, "town", "population_history"))


COUNTS: dict[str, Callable[[Doc], int]] = {
    "dataset": lambda doc: 1,
    "sources": _n("source"),
    "cities": _n("city"),
    "city_aliases": _n("city", "aliases", unique=True),
    "city_locations": _n("city", "location"),
    "city_sources": _n("city", "sources"),
    "towns": _n("town"),
    "town_aliases": _n("town", "aliases", unique=True),
    "town_sources": _n("town", "sources"),
    "designations": _n("town", "designation"),
    "reliefs": _n("town", "relieves"),
    "populations": lambda doc: len(_populations(doc)),
    "population_gaps": _n("town", "population_gaps"),
    "areas": _n("town", "area"),
    "locations": _n("town", "location"),
    "history": _n("town", "history"),
    "history_municipalities": lambda doc: sum(
        len(h.get("municipalities", [])) for h in _each(doc, "town", "history")
    ),
    "status_views": _n("town", "status_views"),
    "groups": _n("group"),
    "group_aliases": _n("group", "aliases", unique=True),
    "group_sources": _n("group", "sources"),
    "group_themes": _n("group", "themes", unique=True),
    "memberships": _n("group", "members"),
    "attestations": lambda doc: sum(len(m.get("attested", [])) for m in _each(doc, "group", "members")),
    "mentions": _n("group", "mentions"),
    "organisations": _n("organisation"),
    "organisation_aliases": _n("organisation", "aliases", unique=True),
    "organisation_sources": _n("organisation", "sources"),
    "group_partners": _n("group", "partners", unique=True),
    "research": _n("research"),
    "research_sources": _n("research", "sources"),
    "research_roles": _n("research", "commissioned_by", "performed_by"),
    "research_towns": _n("research", "towns", unique=True),
    "research_texts": _n("research", "authors", "themes", "findings"),
    "events": _n("event"),
    "event_sources": _n("event", "sources"),
    "event_links": _n("event", "towns", "groups", "organisations"),
    "claims": _n("claim"),
    "claim_towns": _n("claim", "towns"),
    "citations": lambda doc: sum(1 for t, e in doc.items() if t not in ("dataset", "source") for _ in _cited(e)),
    "translations": lambda doc: _bilingual(doc),
    # the views
    "municipal_populations": lambda doc: sum(
        p.get("unit", "municipality") == "municipality" for p in _populations(doc)
    ),
    "other_unit_populations": lambda doc: sum(
        p.get("unit", "municipality") != "municipality" for p in _populations(doc)
    ),
    "municipal_areas": lambda doc: sum(
        a.get("unit", "municipality") == "municipality" for a in _each(doc, "town", "area")
    ),
    "designated": lambda doc: sum(
        any(
            d.get("kind") in ("official", "decision", "founding", "policy") and "date" in d
            for d in t.get("designation", [])
        )
        for t in doc["town"]
    ),
}  # fmt: skip
"""For every table and view: its number of rows, counted in the JSON export."""


def _english(value: object) -> object:
    """A text of the JSON export as the SQLite tables hold it: the English of two."""
    return value["en"] if isinstance(value, dict) and set(value) == {"en", "nl"} else value


def _bilingual(value: object) -> int:
    """The texts in two languages ({"en": …, "nl": …}) anywhere in a JSON export."""
    if isinstance(value, dict):
        own = set(value) == {"en", "nl"}
        return own + sum(_bilingual(item) for item in value.values())
    if isinstance(value, list):
        return sum(_bilingual(item) for item in value)
    return 0


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[sqlite3.Connection, Doc]]:
    """The bundled data exported through the CLI as SQLite, and as JSON."""
    runner = Runner()
    path = tmp_path_factory.mktemp("db") / "nt.db"
    assert runner(["export", "-f", "sqlite", "-o", str(path)]).exit_code == 0
    doc = json.loads(runner(["export", "-f", "json"]).stdout)
    db = sqlite3.connect(path)
    db.row_factory = sqlite3.Row
    yield db, doc
    db.close()


def test_every_table_holds_as_many_rows_as_the_json_export(
    bundled: tuple[sqlite3.Connection, Doc],
) -> None:
    """Rows per table and view equal the counts in `export -f json`; keys and pages check."""
    db, doc = bundled
    names = {
        r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
    }
    assert names == set(COUNTS)
    counted = {name: db.execute(f"SELECT count(*) FROM {name}").fetchone()[0] for name in COUNTS}
    assert counted == {name: count(doc) for name, count in COUNTS.items()}
    assert counted["towns"] > 0 and counted["population_gaps"] > 0 and counted["cities"] > 0
    db.execute("PRAGMA foreign_keys = ON")
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert tuple(db.execute("PRAGMA integrity_check").fetchone()) == ("ok",)


def test_values_equal_the_json_export(bundled: tuple[sqlite3.Connection, Doc]) -> None:
    """Designation kinds, gaps, units, status views, cities' coordinates, claims' sets."""
    db, doc = bundled

    def column(sql: str, *args: object) -> list[Any]:
        return [tuple(row) for row in db.execute(sql, args)]

    for town in doc["town"]:
        i = town["id"]
        designations = town.get("designation", [])
        assert column("SELECT date, kind FROM designations WHERE town = ? ORDER BY seq", i) == [
            (d.get("date"), d.get("kind")) for d in designations
        ]
        assert column(
            "SELECT decade, looked FROM population_gaps WHERE town = ? ORDER BY seq", i
        ) == [(g["decade"], g["looked"]) for g in town.get("population_gaps", [])]
        assert column(
            "SELECT count, as_of, unit, unit_name FROM populations WHERE town = ? ORDER BY seq", i
        ) == [
            (p["count"], p["as_of"], p.get("unit", "municipality"), p.get("unit_name"))
            for p in ([town["population"]] if "population" in town else [])
            + town.get("population_history", [])
        ]
        assert column("SELECT status, source FROM status_views WHERE town = ? ORDER BY seq", i) == [
            (v["status"], v["source"]) for v in town.get("status_views", [])
        ]
    for city in doc["city"]:
        assert column(
            "SELECT lat, lon FROM city_locations WHERE city = ? ORDER BY seq", city["id"]
        ) == [(w["lat"], w["lon"]) for w in city.get("location", [])]
    for claim in doc["claim"]:
        assert column(
            "SELECT covers, designated_from, designated_to FROM claims WHERE id = ?", claim["id"]
        ) == [
            (
                claim.get("covers", "unnamed"),
                claim.get("designated_from"),
                claim.get("designated_to"),
            )
        ]
    attested = [
        (g["id"], m["town"], a["date"])
        for g in doc["group"]
        for m in g.get("members", [])
        for a in m.get("attested", [])
    ]
    assert (
        column(
            "SELECT a.group_id, m.town, a.date FROM attestations a JOIN memberships m"
            " ON m.group_id = a.group_id AND m.seq = a.membership ORDER BY a.rowid"
        )
        == attested
    )
    [meta] = column("SELECT title, version, updated, licence FROM dataset")
    expected = (doc["dataset"][k] for k in ("title", "version", "updated", "licence"))
    assert meta == tuple(_english(value) for value in expected)
    dutch = column(
        "SELECT text FROM translations WHERE entity_table = 'dataset' AND field = 'title'"
    )
    assert dutch == [(doc["dataset"]["title"]["nl"],)]


# -- units kept apart -----------------------------------------------------------------------


def test_the_views_add_what_summary_adds(
    run: Runner, bundled: tuple[sqlite3.Connection, Doc]
) -> None:
    """municipal_populations totals as `summary` does; other units are its 'apart' figure."""
    db, _ = bundled
    total = json.loads(run(["summary", "--format", "json"]).stdout)["total"]

    def one(sql: str) -> Any:
        return db.execute(sql).fetchone()[0]

    assert (
        one("SELECT sum(count) FROM municipal_populations WHERE latest = 1") == total["population"]
    )
    assert (
        one("SELECT sum(count) FROM other_unit_populations WHERE latest = 1")
        == total["apart_population"]
    )
    assert one("SELECT count(*) FROM populations WHERE latest = 1 AND unit != 'municipality'") > 0
    assert one("SELECT sum(population) FROM towns") != total["population"]  # why the views exist
    designated = json.loads(run(["list", "--format", "json", "--fields", "id,designated"]).stdout)
    assert [tuple(r) for r in db.execute("SELECT town, date FROM designated ORDER BY town")] == [
        (row["id"], row["designated"]) for row in sorted(designated, key=lambda r: r["id"]) if row["designated"]
    ]  # fmt: skip


def test_views_select_by_unit(tmp_path: pathlib.Path) -> None:
    """Only municipal figures in municipal_*; every other unit in other_unit_populations."""
    dataset = store.load(store.DataFile(str(MINI), str(MINI)), today=TODAY)
    with _export(dataset, tmp_path) as db:
        units = {
            view: {row[0] for row in db.execute(f"SELECT p.unit FROM {view} v JOIN {table} p USING (town, seq)")}
            for view, table in (
                ("municipal_populations", "populations"),
                ("other_unit_populations", "populations"),
                ("municipal_areas", "areas"),
            )
        }  # fmt: skip
    assert units == {
        "municipal_populations": {"municipality"},
        "other_unit_populations": {"place"},
        "municipal_areas": {"municipality"},
    }


# -- writing stays atomic ---------------------------------------------------------------------


class _Interrupting(tuple[models.Town, ...]):
    """Towns that interrupt their third reading: the database is then half filled."""

    read = 0
    folder = pathlib.Path()
    seen: ClassVar[list[str]] = []

    def __iter__(self) -> Iterator[models.Town]:
        cls = type(self)
        cls.read += 1
        if cls.read == 3:
            cls.seen = sorted(p.name for p in cls.folder.iterdir())
            raise KeyboardInterrupt
        return super().__iter__()


@pytest.mark.parametrize("force", [False, True], ids=["new", "replace"])
def test_an_interrupted_fill_leaves_no_file(tmp_path: pathlib.Path, force: bool) -> None:
    """Ctrl-C half-way through filling: no database, no temporary or journal file; the old one kept."""
    dataset = store.load(store.DataFile(str(MINI), str(MINI)), today=TODAY)
    _Interrupting.read, _Interrupting.folder = 0, tmp_path
    broken = frozen.replace(dataset, town=_Interrupting(dataset.town))
    target = tmp_path / "nt.db"
    if force:
        target.write_bytes(b"old")
    with pytest.raises(KeyboardInterrupt):
        output.write_with(target, lambda tmp: sqlite_export.write(broken, tmp), force=force)
    assert _Interrupting.read == 3
    [temporary] = [name for name in _Interrupting.seen if name != "nt.db"]
    assert temporary.startswith(".nt.db.") and temporary.endswith(".tmp")  # it was being filled
    assert [p.name for p in tmp_path.iterdir()] == (["nt.db"] if force else [])
    if force:
        assert target.read_bytes() == b"old"


def test_a_failed_fill_leaves_no_file(tmp_path: pathlib.Path) -> None:
    """A row the keys refuse (a member that is no town) fails the write: nothing is left."""
    dataset = store.load(store.DataFile(str(MINI), str(MINI)), today=TODAY)
    group = dataset.group[0]
    member = frozen.replace(group.members[0], town="atlantis")
    broken = frozen.replace(dataset, group=(frozen.replace(group, members=(member,)),))
    target = tmp_path / "nt.db"
    with pytest.raises(sqlite3.IntegrityError):
        output.write_with(target, lambda tmp: sqlite_export.write(broken, tmp))
    assert list(tmp_path.iterdir()) == []
