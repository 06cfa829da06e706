"""newtowns list: rows, the region filter, formats and fields, through the CLI."""

from __future__ import annotations

import csv
import io
import json

import pytest

from support import MINI, Runner

HEADER = "id\tname\tmunicipality\tprovince\tstatus\tpopulation\tpopulation_as_of\tregions"


def test_pipe_default_is_tsv_with_a_header(run: Runner) -> None:
    """Without --format and without a terminal, list prints TSV, one town per line."""
    result = run(["list", "--data", str(MINI)])
    assert result.exit_code == 0
    assert result.stdout == (
        f"{HEADER}\n"
        "aastad\tAastad\tAagemeente\tFlevoland\tgroeikern\t1000\t2024-01-01\treg\n"
        "beedorp\tBéédorp\tBeegemeente\tZuid-Holland\tgroeistad\t2000\t2024-01-01\t\n"
    )
    assert result.stderr == ""


@pytest.mark.parametrize("value", ["reg", "REG", "Regio Aa", "regio  aa", "RA", "ra", "Régio Aa"])
def test_region_matches_id_name_or_alias_ignoring_case_and_accents(run: Runner, value: str) -> None:
    """--region matches a region group by id, name or alias, case- and accent-insensitively."""
    result = run(["list", "--data", str(MINI), "--region", value, "--fields", "id"])
    assert (result.exit_code, result.stdout) == (0, "id\naastad\n")


def test_region_excludes_memberships_that_ended(run: Runner) -> None:
    """Béédorp left Regio Aa in 2010, so it is not listed."""
    result = run(
        ["list", "--data", str(MINI), "--region", "reg", "--fields", "id,regions", "-f", "json"]
    )
    assert json.loads(result.stdout) == [{"id": "aastad", "regions": ["reg"]}]


def test_unknown_region_is_a_usage_error_listing_the_valid_ones(run: Runner) -> None:
    """An unknown region exits 2 with the valid values; stdout stays empty."""
    result = run(["list", "--data", str(MINI), "--region", "atlantis"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == (
        "newtowns: error: unknown value for --region: 'atlantis'\n"
        "newtowns: hint: valid values: reg (Regio Aa)\n"
    )


def test_a_group_that_is_not_a_region_is_not_a_region(run: Runner) -> None:
    """--region only takes regional cooperations, not networks."""
    result = run(["list", "--data", str(MINI), "--region", "net"])
    assert result.exit_code == 2


def test_region_close_match_is_suggested(run: Runner) -> None:
    """A near miss gets a 'did you mean'."""
    result = run(["list", "--data", str(MINI), "--region", "regio b"])
    assert "did you mean reg (Regio Aa)?" in result.stderr


def test_json_has_typed_values_and_lists(run: Runner) -> None:
    """JSON keeps numbers as numbers, absent values as null and lists as arrays."""
    result = run(
        [
            "list",
            "--data",
            str(MINI),
            "-f",
            "json",
            "--fields",
            "id,population,designated,regions,area_km2,lat",
        ]
    )
    assert json.loads(result.stdout) == [
        {
            "id": "aastad",
            "population": 1000,
            "designated": "1972",
            "regions": ["reg"],
            "area_km2": 12.5,
            "lat": 52.5,
        },
        {
            "id": "beedorp",
            "population": 2000,
            "designated": None,
            "regions": [],
            "area_km2": None,
            "lat": 51.9,
        },
    ]


def test_jsonl_is_one_object_per_line(run: Runner) -> None:
    """JSON Lines: one compact object a line."""
    result = run(["list", "--data", str(MINI), "-f", "jsonl", "--fields", "id,name"])
    assert (
        result.stdout
        == '{"id": "aastad", "name": "Aastad"}\n{"id": "beedorp", "name": "Béédorp"}\n'
    )


def test_csv_parses_back_to_the_values(run: Runner) -> None:
    """CSV joins lists with ';' and reads back with the csv module."""
    result = run(["list", "--data", str(MINI), "-f", "csv", "--fields", "id,name,sources"])
    assert list(csv.reader(io.StringIO(result.stdout))) == [
        ["id", "name", "sources"],
        ["aastad", "Aastad", "wiki-a;news-b;stats-2024"],
        ["beedorp", "Béédorp", "news-b"],
    ]


def test_markdown_table(run: Runner) -> None:
    """md gives a GitHub pipe table with numbers right-aligned."""
    result = run(["list", "--data", str(MINI), "-f", "md", "--fields", "id,name,population"])
    assert result.stdout == (
        "| id | name | population |\n"
        "|---|---|---:|\n"
        "| aastad | Aastad | 1000 |\n"
        "| beedorp | Béédorp | 2000 |\n"
    )


def test_table_format_in_a_pipe_is_plain_rich_text(run: Runner) -> None:
    """The rich table, asked for in a pipe: no escapes, grouped numbers, a caption."""
    result = run(["list", "--data", str(MINI), "-f", "table", "--fields", "id,name,population"])
    assert result.stdout.splitlines() == [
        "id       name     population",
        "────────────────────────────",
        "aastad   Aastad        1,000",
        "beedorp  Béédorp       2,000",
        "2 towns; population as of 2024-01-01; figures from CBS, Regional News; each figure's origin and source: --fields",
        "name,population_origin,population_source.",
    ]


VALID_TOWN_FIELDS = (
    "valid fields: id, name, municipality, province, cbs_code, status, designated, relieves, "
    "population, population_as_of, population_unit, population_source, area_km2, lat, lon, "
    "regions, groups, aliases, sources, population_unit_name, status_views, population_gaps, "
    "designated_kind, population_origin, or all"
)


@pytest.mark.parametrize(
    ("fields", "message", "hint"),
    [
        ("id,nope", "unknown field for --fields: nope", VALID_TOWN_FIELDS),
        ("nope", "unknown field for --fields: nope", VALID_TOWN_FIELDS),
        ("id,,nope", "unknown field for --fields: nope", VALID_TOWN_FIELDS),
        ("nme", "unknown field for --fields: nme", f"did you mean name? {VALID_TOWN_FIELDS}"),
        (
            "id,populaton,xx",
            "unknown field for --fields: populaton, xx",
            f"did you mean population? {VALID_TOWN_FIELDS}",
        ),
        ("", "no field given for --fields", VALID_TOWN_FIELDS),
        (",", "no field given for --fields", VALID_TOWN_FIELDS),
        ("  ", "no field given for --fields", VALID_TOWN_FIELDS),
    ],
)
def test_unknown_or_empty_fields_are_a_usage_error(
    run: Runner, fields: str, message: str, hint: str
) -> None:
    """--fields with an unknown name exits 2, suggests the closest and lists the valid ones.

    An empty value is an error too, not the field help: a script's empty variable must not
    print help as data.
    """
    result = run(["list", "--data", str(MINI), "--fields", fields])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"newtowns: error: {message}\nnewtowns: hint: {hint}\n"


@pytest.mark.parametrize("fmt", ["tsv", "csv", "md", "json", "jsonl"])
def test_a_field_named_twice_is_shown_once_in_every_format(run: Runner, fmt: str) -> None:
    """`--fields id,name,id`: every format shows id once, where first named (JSON cannot
    hold a key twice, so the tables repeating it disagreed with JSON)."""
    twice = run(["list", "--data", str(MINI), "--fields", "id,name,id", "-f", fmt])
    once = run(["list", "--data", str(MINI), "--fields", "id,name", "-f", fmt])
    assert (twice.exit_code, twice.stdout) == (0, once.stdout)


def test_a_field_in_capitals_suggests_the_field() -> None:
    """Field names are lower case; `--fields ID` suggests id rather than nothing."""
    result = Runner()(["list", "--data", str(MINI), "--fields", "ID,name"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1].startswith("newtowns: hint: did you mean id? ")


def test_fields_all_gives_every_column(run: Runner) -> None:
    """--fields all lists every column in definition order."""
    result = run(["list", "--data", str(MINI), "--fields", "all"])
    assert result.stdout.splitlines()[0].split("\t") == [
        "id",
        "name",
        "municipality",
        "province",
        "cbs_code",
        "status",
        "designated",
        "relieves",
        "population",
        "population_as_of",
        "population_unit",
        "population_source",
        "area_km2",
        "lat",
        "lon",
        "regions",
        "groups",
        "aliases",
        "sources",
        "population_unit_name",
        "status_views",
        "population_gaps",
        "designated_kind",
        "population_origin",
    ]


def test_unknown_format_is_a_usage_error(run: Runner) -> None:
    """An unknown --format exits 2 (typer's own usage error)."""
    result = run(["list", "--format", "xml"])
    assert result.exit_code == 2
    assert result.stdout == ""


def test_mra_on_the_shipped_data(run: Runner) -> None:
    """The question from the README: which towns are in the MRA."""
    result = run(["list", "--region", "MRA", "--fields", "id,municipality"])
    assert result.stdout == (
        "id\tmunicipality\n"
        "almere\tAlmere\n"
        "haarlemmermeer\tHaarlemmermeer\n"
        "huizen\tHuizen\n"
        "lelystad\tLelystad\n"
        "purmerend\tPurmerend\n"
    )


def test_terminal_table_wraps_long_text_and_never_cuts() -> None:
    """A cell too long for the width wraps at spaces: every word whole, no '…', no wider line."""
    from newtowns_cli.render import Format, render
    from newtowns_cli.render.tables import Column, Table

    columns = (
        Column("name", "", lambda item, _: None),
        Column("population", "", lambda item, _: None, numeric=True),
    )
    name = "Gemeente met een bijzonder lange naam aan de rivier"
    text = render(Table(columns, ((name, 1234567),)), Format.TABLE, width=30)
    lines = text.splitlines()
    assert lines[0].split() == ["name", "population"]
    assert max(len(line) for line in lines) <= 30
    assert "…" not in text and "1,234,567" in text
    assert (
        " ".join(word for line in lines[2:] for word in line.split() if word != "1,234,567") == name
    )


@pytest.mark.parametrize("width", [62, 80, 120])
def test_no_table_line_is_wider_than_the_terminal(run: Runner, width: int) -> None:
    """The table stays inside the terminal with the essentials, headers whole; narrower than
    the essentials, each town becomes a block of field and value lines."""
    result = run(["list", "-f", "table"], env={"COLUMNS": str(width)})
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= width
    if width < 80:
        assert lines[:3] == [
            "name              Alkmaar",
            "municipality      Alkmaar",
            "province          Noord-Holland",
        ]
        assert "population        112,311" in lines and "regions           regio-alkmaar" in lines
        return
    essentials = {"name", "municipality", "province", "population", "population_as_of"}
    assert essentials <= set(lines[0].split())
    assert "id" not in lines[0].split()


@pytest.mark.parametrize("fields", ["help", "?", " help "])
def test_fields_help_lists_the_fields_and_exits_0(run: Runner, fields: str) -> None:
    """--fields help (or ?) lists every field with its description on stdout."""
    result = run(["list", "--fields", fields])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "field\tdescription"
    assert lines[1] == "id\tstable identifier"
    assert len(lines) == 1 + 24
