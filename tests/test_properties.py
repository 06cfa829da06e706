"""Properties over large input spaces (hypothesis): any bytes, any text in any field.

Quick by default; the long run (100 000 examples each) is HYPOTHESIS_PROFILE=long, see
docs/reliability.md. The round trip of generated data sets is in test_export.py.
"""

from __future__ import annotations

import contextlib
import csv
import datetime
import io
import json
import pathlib
import re
import sqlite3
import tempfile
import tomllib

import geojson
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from strategies import datasets
from typer.main import get_command

from newtowns_cli.cli.typer_app import make_app
from newtowns_cli.exports import datafile as export
from newtowns_cli.exports import sqlite as sqlite_export
from newtowns_cli.model import frozen
from newtowns_cli.model import records as models
from newtowns_cli.model.dates import PartialDate
from newtowns_cli.questions.lookup import Catalog
from newtowns_cli.questions.summary import BY
from newtowns_cli.reading import store
from newtowns_cli.render import Format, render
from newtowns_cli.render import tables as records
from newtowns_cli.render.formats import geojson as geo
from newtowns_cli.render.text import controls_visible

from support import MINI, markdown_cells

_INVISIBLE = re.compile("[\u061c\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]")
"""Bidi controls, zero-width characters, line and paragraph separators (render/text.py)."""

TODAY = datetime.date(2026, 11, 28)
BASE = store.load(store.DataFile(MINI, str(MINI)), today=TODAY)
any_text = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=40
)
COMMAND = get_command(make_app())


def _invoke(args: list[str]) -> tuple[int, str]:
    """Run the command line in-process with its error boundary; stderr text and exit code.

    The click command is built once (typer's CliRunner rebuilds it on every call, which
    would make the long run take hours). Any exception other than SystemExit escapes.
    """
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        try:
            COMMAND.main(args=args, prog_name="newtowns", standalone_mode=True)
        except SystemExit as exc:
            return int(exc.code or 0), err.getvalue()
    return 0, err.getvalue()


@given(st.binary(max_size=600))
def test_any_bytes_as_a_data_file_exit_0_or_1_never_a_traceback(raw: bytes) -> None:
    """validate and list on any byte string: exit 0 or 1 with a message, nothing escapes."""
    with tempfile.TemporaryDirectory() as folder:
        path = pathlib.Path(folder) / "data.toml"
        path.write_bytes(raw)
        for args in (["validate", str(path)], ["list", "--data", str(path), "-f", "json"]):
            code, stderr = _invoke(args)
            assert code in (0, 1)
            if code == 1:
                assert stderr.strip()


@given(name=any_text, municipality=any_text, alias=any_text, note=any_text)
def test_any_text_in_any_field_comes_back_from_every_format(
    name: str, municipality: str, alias: str, note: str
) -> None:
    """Every reader gets the value back; no control character reaches a terminal table."""
    town = frozen.replace(
        BASE.town[0], name=name, municipality=municipality, aliases=(alias,), note=note
    )
    dataset = frozen.replace(BASE, town=(town, *BASE.town[1:]))
    catalog = Catalog.of(dataset)
    columns = records.pick(records.TOWN_COLUMNS, "id,name,municipality,aliases", ())
    table = records.build(catalog, [town], columns)
    expected = ["aastad", name, municipality]

    assert [
        json.loads(render(table, Format.JSON))[0][k] for k in ("id", "name", "municipality")
    ] == expected
    assert json.loads(render(table, Format.JSONL))["aliases"] == [alias]
    for fmt, delimiter in ((Format.CSV, ","), (Format.TSV, "\t")):
        rows = list(csv.reader(io.StringIO(render(table, fmt), newline=""), delimiter=delimiter))
        assert rows[1][:3] == expected
    shown = [controls_visible(value, keep="\t\n") for value in expected]
    assert markdown_cells(render(table, Format.MD))[1][:3] == shown
    terminal = render(table, Format.TABLE, width=200)
    assert not any((ord(c) < 32 and c != "\n") or 0x7F <= ord(c) <= 0x9F for c in terminal)
    assert not _INVISIBLE.search(terminal)

    reloaded = tomllib.loads(export.to_toml(dataset))
    assert (reloaded["town"][0]["name"], reloaded["town"][0]["note"]) == (name, note)
    assert (
        geojson.loads(geo.render(catalog, [town])[0])["features"][0]["properties"]["name"] == name
    )
    with tempfile.TemporaryDirectory() as folder:
        path = pathlib.Path(folder) / "t.db"
        sqlite_export.write(dataset, path)
        with sqlite3.connect(path) as db:
            row = db.execute(
                "SELECT name, municipality, note FROM towns WHERE id = 'aastad'"
            ).fetchone()
        assert row == (name, municipality, note)


_FORMATS = ("tsv", "csv", "json", "jsonl", "md", "table")


def _lines(dataset: models.Dataset, folder: pathlib.Path) -> list[list[str]]:
    """Every command, in every format, on a data set: one command line each."""
    towns = [town.id for town in dataset.town[:1]]
    lines = [["list", "-f", fmt, "--fields", "all"] for fmt in _FORMATS]
    lines += [["growth", "-f", fmt, "--fields", "all"] for fmt in _FORMATS]
    lines += [["timeline", "-f", fmt] for fmt in _FORMATS]
    lines += [["claims", "-f", fmt, "--fields", "all"] for fmt in _FORMATS]
    lines += [["summarise", "-f", fmt, "--fields", "all"] for fmt in _FORMATS]
    lines += [["summarise", "--by", by, "-f", "json"] for by in BY]
    lines += [[name, "-f", "json"] for name in ("groups", "sources", "research", "organisations")]
    lines += [["show", *towns, "-f", fmt] for fmt in ("json", "md", "table", "tsv") if towns]
    lines += [["growth", "--chart"], ["timeline", "--chart"], ["list"]]
    lines += [["report"], ["report", "--format", "html"], ["validate", "-f", "json"]]
    lines += [["export", "-f", fmt] for fmt in ("toml", "json", "csv", "geojson")]
    lines += [["export", "-f", "sqlite", "-o", str(folder / "t.db")]]
    lines += [["filter", "-o", str(folder / "subset.toml")]]
    return lines


def _refuse(constant: str) -> None:
    raise AssertionError(f"{constant} is not JSON")


def _town(number: int, **fields: object) -> models.Town:
    return models.Town(
        id=f"t{number}", name=f"T{number}", municipality=f"M{number}", cbs_code="GM0001",
        province="Flevoland", status="groeikern", sources=("s",), **fields,  # type: ignore[arg-type]
    )  # fmt: skip


def _data_set(*towns: models.Town) -> models.Dataset:
    meta = models.DatasetMeta(
        title="t", description="d", version="1", updated=PartialDate(2024), licence="CC0-1.0"
    )
    source = models.Source(id="s", title="s", publisher="p", kind="news", language="nl")
    return models.Dataset(dataset=meta, source=(source,), town=towns)


def _figure(count: int, day: str) -> models.Population:
    return models.Population(count=count, as_of=PartialDate.parse(day), source="s")


ONE_DAY_APART = _data_set(
    _town(
        0,
        designation=(models.Designation(source="s", date=PartialDate(2023), kind="official"),),
        population=_figure(8000, "2024-01-02"),
        population_history=(_figure(1000, "2024-01-01"),),
    )
)
PAST_THE_LARGEST_FLOAT = _data_set(
    *(
        _town(n, population=_figure(8000, "2024"), area=(models.Area(source="s", total=1.7e308),))
        for n in range(2)
    )
)


@settings(max_examples=30)
@given(dataset=datasets())
@example(dataset=ONE_DAY_APART)
@example(dataset=PAST_THE_LARGEST_FLOAT)
@pytest.mark.slow
def test_every_command_and_format_answers_any_valid_file(dataset: models.Dataset) -> None:
    """A file that validates crashes no command: every computed number is finite or absent
    (figures a day apart once ended growth and the dossier in an OverflowError; areas near
    the largest float made summary's JSON say Infinity)."""
    with tempfile.TemporaryDirectory() as folder:
        path = pathlib.Path(folder) / "data.toml"
        path.write_text(export.to_toml(dataset), encoding="utf-8")
        for line in _lines(dataset, pathlib.Path(folder)):
            out = io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
                try:
                    COMMAND.main(args=[*line, "--data", str(path)], prog_name="newtowns")
                except SystemExit as exc:
                    assert exc.code in (0, None), line
            if "json" in line or "jsonl" in line or "geojson" in line:
                for text in out.getvalue().splitlines() if "jsonl" in line else [out.getvalue()]:
                    json.loads(text, parse_constant=_refuse)
