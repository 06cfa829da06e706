"""-o FILE: atomic, never over the data file, never over a file without --force."""

from __future__ import annotations

import csv
import json
import os
import pathlib
import subprocess
import sys

import pytest

from support import MINI, Runner


def test_format_follows_the_extension(run: Runner, tmp_path: pathlib.Path) -> None:
    """.json gives JSON, .csv CSV, .md Markdown, unless --format says otherwise."""
    for name, check in (
        ("t.json", lambda text: json.loads(text)[0]["id"] == "aastad"),
        ("t.csv", lambda text: next(csv.reader([text.splitlines()[1]]))[0] == "aastad"),
        ("t.md", lambda text: text.startswith("| id | name |")),
        ("t.unknown", lambda text: text.startswith("id\tname\t")),
    ):
        path = tmp_path / name
        result = run(["list", "--data", str(MINI), "-o", str(path)])
        assert (result.exit_code, result.stdout) == (0, "")
        assert check(path.read_text("utf-8")), name
    run(["list", "--data", str(MINI), "-o", str(tmp_path / "x.json"), "-f", "tsv"])
    assert (tmp_path / "x.json").read_text("utf-8").startswith("id\t")


def test_existing_file_needs_force(run: Runner, tmp_path: pathlib.Path) -> None:
    """Without --force an existing file is kept as it was; with --force it is replaced."""
    path = tmp_path / "out.tsv"
    path.write_text("old\n")
    result = run(["list", "--data", str(MINI), "-o", str(path)])
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"newtowns: error: {path}: file exists\nnewtowns: hint: add --force to replace it\n"
    )
    assert path.read_text() == "old\n"
    assert run(["list", "--data", str(MINI), "-o", str(path), "--force"]).exit_code == 0
    assert path.read_text().startswith("id\t")


def test_never_over_the_data_file(run: Runner, tmp_path: pathlib.Path) -> None:
    """Not even with --force, and not through another name for it."""
    data = tmp_path / "data.toml"
    data.write_bytes(MINI.read_bytes())
    (tmp_path / "link.toml").symlink_to(data)
    for target in (data, tmp_path / "link.toml"):
        result = run(["report", "--data", str(data), "-o", str(target), "--force"])
        assert result.exit_code == 2
        assert "refusing to write over the data file being read" in result.stderr
    assert data.read_bytes() == MINI.read_bytes()


@pytest.mark.parametrize(
    ("target", "message"),
    [
        (lambda tmp: tmp, "not a regular file; refusing to replace it"),
        (lambda tmp: pathlib.Path("/dev/null"), "not a regular file; refusing to replace it"),
        (lambda tmp: tmp / "missing" / "out.tsv", "cannot write: no such file or directory"),
    ],
    ids=["directory", "device", "missing-folder"],
)
def test_unwritable_targets(
    run: Runner, tmp_path: pathlib.Path, target: object, message: str
) -> None:
    """A directory, a device or a missing folder: exit 1, one message, nothing written."""
    path = target(tmp_path)  # type: ignore[operator]
    result = run(["list", "--data", str(MINI), "-o", str(path), "--force"])
    assert result.exit_code == 1
    assert result.stderr == f"newtowns: error: {path}: {message}\n"


def test_no_temporary_file_is_left_and_the_mode_follows_the_umask(
    run: Runner, tmp_path: pathlib.Path
) -> None:
    """After a write the folder holds only the output, readable as a new file should be."""
    old = os.umask(0o022)
    try:
        run(["show", "aastad", "--data", str(MINI), "-o", str(tmp_path / "a.md")])
    finally:
        os.umask(old)
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]
    assert (tmp_path / "a.md").stat().st_mode & 0o777 == 0o644


def test_a_full_disk_on_stdout_is_an_error_not_a_traceback() -> None:
    """newtowns list > /dev/full: exit 1 with one line."""
    script = pathlib.Path(sys.executable).parent / "newtowns"
    with open("/dev/full", "w") as full:  # noqa: PTH123
        result = subprocess.run(
            [str(script), "list", "--fields", "all"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert result.returncode == 1
    assert (
        result.stderr
        == "newtowns: error: cannot write to standard output: no space left on device\n"
    )
