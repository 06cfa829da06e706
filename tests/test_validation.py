"""The validation boundary: messages, key suggestions and value descriptions."""

from __future__ import annotations

import datetime
import json
import pathlib

import pytest

from newtowns_cli.reading.validation import allowed_keys, describe, render_path

from support import Runner, write_data


def test_render_path() -> None:
    """Paths print as table[index].key, quoting keys that are not bare."""
    assert render_path(("town", 3, "population", "count")) == "town[3].population.count"
    assert render_path(("town", 0, "odd key")) == 'town[0]."odd key"'
    assert render_path(()) == ""


def test_allowed_keys_follow_the_schema() -> None:
    """The keys suggested for a table are those of its record type."""
    assert allowed_keys(("town", 0, "location", 2)) == ["lat", "lon", "source", "note"]
    assert allowed_keys(("group", 1, "founded")) == ["date", "source", "note"]
    assert "town" in allowed_keys(())
    assert allowed_keys(("town", 0, "name")) == []


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (True, "boolean true"),
        (5, "integer 5"),
        (10**40, "a very large integer"),
        (1.5, "float 1.5"),
        ("a\x1bb", "string 'a\\x1bb'"),
        ("x" * 50, "string '" + "x" * 40 + "…'"),
        (datetime.date(2024, 1, 1), "date 2024-01-01"),
        (datetime.time(10, 0), "time 10:00:00"),
        ({}, "a table"),
        ([], "an array"),
    ],
)
def test_describe_names_the_toml_type(value: object, text: str) -> None:
    """Messages say what was found in TOML terms, escaped and shortened."""
    assert describe(value) == text


def test_an_area_of_minus_zero_is_read_as_zero(tmp_path: pathlib.Path) -> None:
    """-0.0 km² is a valid zero, and every output shows it without a sign."""
    town = {
        "id": "nul", "name": "Nul", "municipality": "Nul", "cbs_code": "GM0001",
        "province": "Flevoland", "status": "groeikern", "sources": ["s"],
        "area": [{"total": -0.0, "land": -0.0, "water": 0.0, "source": "s"}],
    }  # fmt: skip
    data = str(write_data(tmp_path / "nul.toml", [town]))
    run = Runner()
    listed = run(["list", "--data", data, "-f", "json", "--fields", "id,area_km2"]).stdout
    assert json.loads(listed) == [{"id": "nul", "area_km2": 0.0}]
    for args in (["show", "nul"], ["show", "nul", "-f", "json"], ["export", "-f", "toml"]):
        result = run([*args, "--data", data])
        assert result.exit_code == 0
        assert "-0" not in result.stdout


def test_the_date_check_reads_every_field_that_can_hold_a_date() -> None:
    """The future-date walk looks only at the fields that can hold a date or a record,
    read from the annotations' names: none is left out that typing resolves to one."""
    import typing

    from newtowns_cli.model import records
    from newtowns_cli.model.dates import PartialDate
    from newtowns_cli.reading.checks import _dated_fields

    def holds(kind: object) -> bool:
        if kind is PartialDate or (isinstance(kind, type) and issubclass(kind, records.Record)):
            return True
        if typing.get_origin(kind) is typing.Literal:
            return False
        return any(holds(arg) for arg in typing.get_args(kind))

    kinds = [
        kind
        for kind in vars(records).values()
        if isinstance(kind, type)
        and issubclass(kind, records.Record)
        and kind is not records.Record
    ]
    assert len(kinds) > 20
    for kind in kinds:
        hints = typing.get_type_hints(kind, include_extras=True)
        expected = tuple(name for name in records.field_names(kind) if holds(hints[name]))
        assert _dated_fields(kind) == expected, kind
