"""Every broken file under tests/data/invalid/ gives exactly its expected located messages."""

from __future__ import annotations

import json
import pathlib

import pytest

from support import DATA, Runner

INVALID = sorted((DATA / "invalid").glob("*.toml"))


def test_the_corpus_covers_at_least_fifteen_kinds() -> None:
    """The corpus holds one file per failure kind, each with its expectation."""
    assert len(INVALID) >= 15
    assert all(path.with_suffix(".expected").is_file() for path in INVALID)


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_validate_reports_exactly_the_expected_problems(run: Runner, path: pathlib.Path) -> None:
    """validate prints each problem as file:line:col: path: message and exits 1."""
    expected = [
        f"{path}:{line}" for line in path.with_suffix(".expected").read_text("utf-8").splitlines()
    ]
    result = run(["validate", str(path)])
    assert result.stdout.splitlines() == expected
    noun = "problem" if len(expected) == 1 else "problems"
    assert result.stderr == f"{path}: {len(expected)} {noun}\n"
    assert result.exit_code == 1


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_json_report_has_the_same_records(run: Runner, path: pathlib.Path) -> None:
    """--format json gives the same problems as records for CI and editors."""
    text = run(["validate", str(path)]).stdout.splitlines()
    records = json.loads(run(["validate", str(path), "--format", "json"]).stdout)
    assert [
        f"{r['file']}:{r['line']}:{r['column']}: "
        + (f"{r['path']}: " if r["path"] else "")
        + r["message"]
        for r in records
    ] == text
    assert {tuple(r) for r in records} == {("file", "line", "column", "path", "code", "message")}


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_list_on_a_broken_file_reports_and_exits_1(run: Runner, path: pathlib.Path) -> None:
    """A command reading a broken file prints the problems, error and hint on stderr only."""
    lines = path.with_suffix(".expected").read_text("utf-8").splitlines()
    noun = "problem" if len(lines) == 1 else "problems"
    result = run(["list", "--data", str(path)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        *(f"{path}:{line}" for line in lines),
        f"newtowns: error: {path} has {len(lines)} {noun}",
        f"newtowns: hint: run 'newtowns validate {path}' for the full report",
    ]
