"""newtowns export: TOML and JSON subsets, GeoJSON and SQLite, checked with real readers."""

from __future__ import annotations

import contextlib
import datetime
import json
import pathlib
import sqlite3
import tomllib

import geojson
import pytest
from hypothesis import given
from strategies import TODAY, datasets

from newtowns_cli.exports import datafile as export
from newtowns_cli.model import records as models
from newtowns_cli.reading import store

from support import DATA, MINI, Runner

TOWNS = DATA / "towns.toml"


def _load(path: pathlib.Path) -> models.Dataset:
    return store.load(store.DataFile(str(path), str(path)), today=TODAY)


def _load_text(text: str, tmp_path: pathlib.Path, name: str = "e.toml") -> models.Dataset:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    # Today, not a fixed date: the shipped data may have been updated since TODAY.
    dataset, problems = store.inspect(
        store.DataFile(str(path), str(path)), today=datetime.date.today()
    )
    assert [str(p) for p in problems] == []
    assert dataset is not None
    return dataset


@pytest.mark.parametrize("source", [MINI, TOWNS], ids=["mini", "towns"])
def test_toml_export_of_everything_loads_back_equal(
    run: Runner, tmp_path: pathlib.Path, source: pathlib.Path
) -> None:
    """export → validate → load gives the same data set."""
    text = run(["export", "--data", str(source)]).stdout
    assert _load_text(text, tmp_path) == _load(source)


def test_the_shipped_data_round_trips(run: Runner, tmp_path: pathlib.Path) -> None:
    """The bundled data, exported as TOML, is a valid data file equal to the original."""
    original = store.load(store.locate(None, None), today=datetime.date.today())
    assert _load_text(run(["export", "-f", "toml"]).stdout, tmp_path) == original


@pytest.mark.slow  # 60 generated data sets: 2-10 s on this machine
@given(datasets())
def test_any_valid_data_set_round_trips(tmp_path: pathlib.Path, dataset: models.Dataset) -> None:
    """For generated data sets: they validate clean, and export then load gives them back."""
    assert _load_text(export.to_toml(dataset), tmp_path) == dataset
    assert json.loads(export.to_json(dataset)) == json.loads(
        json.dumps(export.document(dataset, toml=False))
    )


def test_subset_takes_exactly_what_the_towns_reference(run: Runner, tmp_path: pathlib.Path) -> None:
    """--region reg: Aastad, its groups (members cut), the study, event, claim, organisation and sources."""
    subset = _load_text(run(["export", "--data", str(MINI), "--region", "reg"]).stdout, tmp_path)
    assert [t.id for t in subset.town] == ["aastad"]
    assert [(g.id, [m.town for m in g.members]) for g in subset.group] == [
        ("net", ["aastad"]),
        ("reg", ["aastad"]),
    ]
    assert [r.towns for r in subset.research] == [("aastad",)]
    assert [(e.id, e.towns) for e in subset.event] == [("congress", ("aastad",))]
    assert [o.id for o in subset.organisation] == ["ministry"]
    assert [c.id for c in subset.claim] == ["inhabitants"]
    assert [s.id for s in subset.source] == ["wiki-a", "stats-2024", "news-b"]


def test_subset_leaves_out_a_claim_about_towns_left_out(
    run: Runner, tmp_path: pathlib.Path
) -> None:
    """A group's claim naming a town outside the selection goes: TOML and SQLite stand alone."""
    text = MINI.read_text("utf-8").replace(
        'note = "A claim."\n', 'note = "A claim."\ntowns = ["aastad", "beedorp"]\n'
    )
    data = tmp_path / "claim.toml"
    data.write_text(text, encoding="utf-8")
    assert _load(data).claim[0].towns == ("aastad", "beedorp")
    whole = _load_text(run(["export", "--data", str(data), "--group", "net"]).stdout, tmp_path)
    assert [c.id for c in whole.claim] == ["inhabitants"]
    one = _load_text(run(["export", "--data", str(data), "--region", "reg"]).stdout, tmp_path)
    assert ([t.id for t in one.town], one.claim) == (["aastad"], ())
    path = tmp_path / "reg.db"
    result = run(["export", "--data", str(data), "--region", "reg", "-o", str(path)])
    assert result.exit_code == 0
    with contextlib.closing(sqlite3.connect(path)) as db:
        assert db.execute("SELECT count(*) FROM claims").fetchone() == (0,)


def test_subset_of_the_shipped_data_validates(run: Runner, tmp_path: pathlib.Path) -> None:
    """Every regional subset of the real data is a valid data file of its own."""
    for region in ("mra", "mrdh", "regio-u16", "west-friesland"):
        subset = _load_text(run(["export", "--region", region]).stdout, tmp_path, f"{region}.toml")
        assert subset.town


def test_json_export_is_the_same_document(run: Runner) -> None:
    """--format json: the data file's structure, dates as text."""
    document = json.loads(run(["export", "--data", str(MINI), "-f", "json"]).stdout)
    raw = tomllib.loads(MINI.read_text("utf-8"))
    assert [t["id"] for t in document["town"]] == [t["id"] for t in raw["town"]]
    assert document["town"][0]["designation"][1]["date"] == "1973-04"
    assert document["dataset"]["updated"] == "2024-11-13"


def test_csv_export_has_every_town_field(run: Runner) -> None:
    """--format csv: the towns with every column."""
    header = run(["export", "--data", str(MINI), "-f", "csv"]).stdout.splitlines()[0]
    assert header.startswith("id,name,municipality,province,cbs_code,status,designated,relieves,")


def test_geojson_reads_back_with_a_geojson_parser(run: Runner) -> None:
    """A valid FeatureCollection, [lon, lat] per town, the flat record as properties."""
    result = run(["export", "-f", "geojson"])
    collection = geojson.loads(result.stdout)
    assert collection.is_valid
    assert collection["type"] == "FeatureCollection"
    by_id = {feature["id"]: feature for feature in collection["features"]}
    assert len(by_id) == 16
    assert by_id["almere"]["geometry"]["coordinates"] == [5.217, 52.367]
    assert by_id["almere"]["properties"]["population"] == 226786
    assert all(3.3 < f["geometry"]["coordinates"][0] < 7.3 for f in collection["features"])
    assert result.stderr == ""


def test_geojson_reports_towns_without_a_location(run: Runner) -> None:
    """Towns without a location are named on stderr and left out."""
    result = run(["export", "--data", str(TOWNS), "-f", "geojson"])
    assert geojson.loads(result.stdout)["features"] == []
    assert result.stderr == "left out, no location: Alpha, Bèta, Delta, Epsilon, Gamma, Zeta\n"


def test_sqlite_database_has_sound_keys(run: Runner, tmp_path: pathlib.Path) -> None:
    """Tables per entity, link tables, foreign keys that check, and joins that answer questions."""
    path = tmp_path / "nt.db"
    result = run(["export", "-o", str(path)])
    assert result.exit_code == 0 and path.is_file()
    with contextlib.closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA foreign_keys = ON")
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM towns").fetchone() == (16,)
        members = db.execute(
            "SELECT t.name FROM memberships m JOIN towns t ON t.id = m.town "
            "WHERE m.group_id = 'new-towns-alliantie' AND m.since = '2022-11-28' ORDER BY t.name"
        ).fetchall()
        assert [name for (name,) in members] == [
            "Almere",
            "Capelle aan den IJssel",
            "Nieuwegein",
            "Spijkenisse",
            "Zoetermeer",
        ]
        cited = db.execute("SELECT count(DISTINCT source) FROM citations").fetchone()
        assert cited == db.execute("SELECT count(*) FROM sources").fetchone()
        with pytest.raises(sqlite3.IntegrityError):
            db.execute(
                "INSERT INTO memberships VALUES ('mra', 99, 'atlantis', NULL, NULL, NULL, NULL, 'mra-2023-12-04')"
            )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nt.db"]


def test_sqlite_needs_an_output_and_force_to_replace(run: Runner, tmp_path: pathlib.Path) -> None:
    """No -o: usage error; an existing file is kept unless --force."""
    assert run(["export", "-f", "sqlite"]).exit_code == 2
    path = tmp_path / "nt.sqlite"
    path.write_bytes(b"keep")
    result = run(["export", "-o", str(path)])
    assert result.exit_code == 2 and path.read_bytes() == b"keep"
    assert run(["export", "-o", str(path), "--force"]).exit_code == 0
    assert path.read_bytes().startswith(b"SQLite format 3\x00")
