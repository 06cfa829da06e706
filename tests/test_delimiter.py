"""CSV with another delimiter (--delimiter, -d, as csvkit's): for a spreadsheet's import."""

from __future__ import annotations

import csv
import io
import json
import pathlib
from typing import Any

import pytest

from support import MINI, Runner


def _json(run: Runner, args: list[str]) -> Any:
    result = run([*args, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_csv_with_a_semicolon_quotes_values_that_hold_one(run: Runner) -> None:
    """--delimiter ';': semicolons between values; a list (joined by ;) is quoted."""
    fields = ["--fields", "id,name,sources"]
    result = run(["list", "--data", str(MINI), "--format", "csv", "--delimiter", ";", *fields])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:2] == [
        "id;name;sources",
        'aastad;Aastad;"wiki-a;news-b;stats-2024"',
    ]
    back = list(csv.reader(io.StringIO(result.stdout, newline=""), delimiter=";"))
    rows = _json(run, ["list", "--data", str(MINI), *fields])
    assert back[1:] == [[r["id"], r["name"], ";".join(r["sources"])] for r in rows]


@pytest.mark.parametrize(
    "args",
    [
        ["list", "-o", "{tmp}/t.csv", "-d", "|"],
        ["groups", "-f", "csv", "-d", "|"],
        ["summarise", "-f", "csv", "-d", "|"],
        ["export", "-f", "csv", "-d", "|"],
        ["show", "aastad", "-f", "csv", "-d", "|"],
    ],
)
def test_every_csv_takes_the_delimiter(
    run: Runner, tmp_path: pathlib.Path, args: list[str]
) -> None:
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = run([*args, "--data", str(MINI)])
    assert result.exit_code == 0, result.stderr
    text = result.stdout or (tmp_path / "t.csv").read_text("utf-8")
    header = text.splitlines()[0]
    assert "|" in header and "," not in header


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["list", "-d", ";"], "--delimiter is for CSV only"),
        (["list", "-f", "json", "-d", ";"], "--delimiter is for CSV only"),
        (["list", "-f", "tsv", "--delimiter", ";"], "--delimiter is for CSV only"),
        (["export", "-d", ";"], "--delimiter is for CSV only"),
        (["list", "-f", "csv", "-d", ""], "--delimiter takes one character, not ''"),
        (["list", "-f", "csv", "-d", ";;"], "--delimiter takes one character, not ';;'"),
        (["list", "-f", "csv", "-d", '"'], "--delimiter cannot be '\"': a quote or a line break"),
        (["list", "-f", "csv", "-d", "\n"], "--delimiter cannot be '\\n': a quote or a line break"),
        (["export", "-f", "csv", "-d", "\r"], "--delimiter cannot be '\\r': a quote or a line"),
    ],
)
def test_a_wrong_delimiter_is_a_usage_error(run: Runner, args: list[str], message: str) -> None:
    result = run([*args, "--data", "/nonexistent.toml"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.startswith(f"newtowns: error: {message}")


def test_csv_stays_comma_separated_by_default(run: Runner) -> None:
    result = run(["list", "--data", str(MINI), "--format", "csv", "--fields", "id,aliases"])
    assert result.stdout.splitlines()[0] == "id,aliases"
