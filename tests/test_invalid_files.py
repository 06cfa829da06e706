"""Every broken file under tests/data/invalid/ gives exactly its expected located messages."""

from __future__ import annotations

import json
import os
import pathlib
import shlex
import subprocess
import sys

import pytest

from support import DATA, Runner

SCRIPT = pathlib.Path(sys.executable).parent / "newtowns"

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
        f"newtowns: hint: for the full report, run: newtowns validate {path}",
    ]


@pytest.mark.parametrize("name", ["it's $HOME/my data.toml", "-bad.toml"])
def test_the_hint_names_a_command_a_shell_can_run(tmp_path: pathlib.Path, name: str) -> None:
    """A file name with a space, a quote or a dollar sign is quoted for the shell in the
    hint, and one starting with '-' is written ./-bad.toml (not read as an option), so the
    command it names can be pasted as it is and runs on that file."""
    broken = tmp_path / name
    broken.parent.mkdir(exist_ok=True)
    broken.write_bytes(INVALID[0].read_bytes())
    env = {**os.environ, "NEWTOWNS_DATA": name}
    result = subprocess.run(
        [str(SCRIPT), "list"], capture_output=True, text=True, check=False, cwd=tmp_path, env=env
    )
    assert result.returncode == 1
    command = result.stderr.splitlines()[-1].split("run: ", 1)[1]
    assert command.startswith("newtowns validate ")
    command = shlex.quote(str(SCRIPT)) + command.removeprefix("newtowns")
    rerun = subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, check=False, cwd=tmp_path
    )
    assert rerun.returncode == 1
    assert rerun.stderr.splitlines()[0].split(":")[0] in (name, f"./{name}")
