"""Properties over large input spaces (hypothesis): any bytes, any text in any field.

Quick by default; the long run (100 000 examples each) is HYPOTHESIS_PROFILE=long, see
docs/reliability.md. The round trip of generated data sets is in test_export.py.
"""

from __future__ import annotations

import contextlib
import copy
import csv
import datetime
import io
import json
import pathlib
import re
import sqlite3
import tempfile
import tomllib
from typing import Any

import geojson
import pytest
import tomli_w
from hypothesis import Phase, example, find, given, settings
from hypothesis import strategies as st
from strategies import datasets
from typer.main import get_command

from newtowns_cli.cli.typer_app import make_app
from newtowns_cli.exports import datafile as export
from newtowns_cli.exports import sqlite as sqlite_export
from newtowns_cli.model import frozen
from newtowns_cli.model import records as models
from newtowns_cli.model.dates import PartialDate
from newtowns_cli.model.errors import DataInvalidError
from newtowns_cli.questions.lookup import Catalog
from newtowns_cli.questions.summary import BY
from newtowns_cli.reading import store
from newtowns_cli.reading.tomlspan import SpanIndex
from newtowns_cli.reading.validation import validate
from newtowns_cli.render import Format, render
from newtowns_cli.render import tables as records
from newtowns_cli.render.formats import geojson as geo
from newtowns_cli.render.text import controls_visible

from support import MINI, markdown_cells

_INVISIBLE = re.compile("[\u061c\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]")
"""Bidi controls, zero-width characters, line and paragraph separators (render/text.py)."""

TODAY = datetime.date(2026, 11, 28)
BASE = store.load(store.DataFile(str(MINI), str(MINI)), today=TODAY)
any_text = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=40
)
COMMAND = get_command(make_app())


def _invoke(args: list[str]) -> tuple[int, str, str]:
    """Run the command line in-process with its error boundary: exit code, stdout, stderr.

    The click command is built once (typer's CliRunner rebuilds it on every call, which
    would make the long run take hours). Any exception other than SystemExit escapes.
    """
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            COMMAND.main(args=args, prog_name="newtowns", standalone_mode=True)
        except SystemExit as exc:
            return int(exc.code or 0), out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


_SCALARS = st.one_of(
    st.integers(-(2**70), 2**70),
    st.text(max_size=12),
    st.booleans(),
    st.floats(),
    st.dates(),
    st.datetimes(),
    st.times(),
    st.lists(st.integers(-5, 5), max_size=2),
    st.dictionaries(st.sampled_from(["id", "source", "x"]), st.text(max_size=3), max_size=2),
)


def _places(value: Any) -> list[tuple[Any, Any]]:
    """Every (container, key or index) in a parsed TOML document."""
    found: list[tuple[Any, Any]] = []
    items = value.items() if isinstance(value, dict) else enumerate(value)
    for key, item in items:
        found.append((value, key))
        if isinstance(item, dict | list):
            found += _places(item)
    return found


MINI_DOCUMENT = tomllib.loads(MINI.read_text("utf-8"))


@st.composite
def _near_data_files(draw: st.DrawFn) -> bytes:
    """tests/data/mini.toml (every table and field once), with up to three keys dropped,
    values replaced by any TOML value or keys added (a typo of a real key, or any name),
    written by tomli-w: bytes that parse, so the schema, reference and plausibility checks
    see them."""
    document = copy.deepcopy(MINI_DOCUMENT)
    for _ in range(draw(st.integers(0, 3))):
        container, key = draw(st.sampled_from(_places(document)))
        change = draw(st.sampled_from(["drop", "replace", "add"]))
        if change == "drop":
            del container[key]
        elif change == "replace":
            container[key] = draw(_SCALARS)
        elif isinstance(container, dict):
            name = draw(st.sampled_from([key[:-1], key + "s", key.upper()]) | st.text(max_size=8))
            container[name] = draw(_SCALARS)
        else:
            container.append(draw(_SCALARS))
    return tomli_w.dumps(document).encode()


DATA_FILES = st.one_of(st.binary(max_size=600), _near_data_files())
"""Raw bytes (nearly always a syntax or encoding error) and near-valid documents."""


def _stage(raw: bytes) -> str:
    """How far the loader gets with ``raw``: 'syntax', 'schema' (problems) or 'valid'."""
    try:
        document = store.parse(store.decode(raw, "f.toml"), "f.toml")
    except DataInvalidError:
        return "syntax"
    dataset, _ = validate(document, file="f.toml", spans=lambda: SpanIndex(""), today=TODAY)
    return "valid" if dataset is not None else "schema"


@pytest.mark.parametrize("stage", ["syntax", "schema", "valid"])
def test_the_data_files_reach_every_stage_of_the_loader(stage: str) -> None:
    """The property below sees syntax errors, schema problems and valid data sets alike."""
    find(DATA_FILES, lambda raw: _stage(raw) == stage, settings=settings(phases=[Phase.generate]))


_LOCATED = re.compile(r"(\d+):(\d+): \S")


@given(DATA_FILES)
def test_any_data_file_gives_exit_0_or_located_problems_never_a_traceback(raw: bytes) -> None:
    """validate and list on any bytes or any near-valid document: exit 0 with the data,
    or exit 1 with every problem at a line and column of the file; nothing escapes."""
    with tempfile.TemporaryDirectory() as folder:
        path = pathlib.Path(folder) / "data.toml"
        path.write_bytes(raw)
        code, out, err = _invoke(["validate", str(path)])
        listed, rows, listing_err = _invoke(["list", "--data", str(path), "-f", "json"])
    assert code in (0, 1) and listed == code
    if code == 0:
        assert (out, listing_err) == ("", "") and err.startswith(f"{path}: valid (")
        assert len(json.loads(rows)) == len(tomllib.loads(raw.decode("utf-8-sig")).get("town", []))
        return
    problems = out.removesuffix("\n").split("\n")  # not splitlines: U+2028 is no line end
    many = "problem" if len(problems) == 1 else "problems"
    assert out and err == f"{path}: {len(problems)} {many}\n"
    for problem in problems:
        located = _LOCATED.match(problem.removeprefix(f"{path}:"))
        assert problem.startswith(f"{path}:") and located, problem
        line, column = int(located[1]), int(located[2])
        assert 1 <= line <= raw.count(b"\n") + 1 and column >= 1, problem
    assert rows == ""
    assert listing_err == out + (
        f"newtowns: error: {path} has {len(problems)} {many}\n"
        f"newtowns: hint: for the full report, run: newtowns validate {path}\n"
    )


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
        with contextlib.closing(sqlite3.connect(path)) as db:
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
