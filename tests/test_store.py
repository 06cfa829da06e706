"""Finding and reading data files: every way a file can be unreadable gives one clear error."""

from __future__ import annotations

import datetime
import os
import pathlib

import pytest

from newtowns_cli.model.errors import DataFileError, DataInvalidError
from newtowns_cli.reading import store
from newtowns_cli.reading.files import read_regular

from support import MINI, Runner

TODAY = datetime.date(2026, 11, 28)


def test_option_wins_over_environment_which_wins_over_bundled() -> None:
    """--data > NEWTOWNS_DATA > the bundled file; an empty variable counts as unset."""
    assert store.locate("a.toml", "b.toml").path == pathlib.Path("a.toml")
    assert store.locate(None, "b.toml").path == pathlib.Path("b.toml")
    assert store.locate(None, "").bundled
    assert store.locate(None, None).path == store.BUNDLED


def test_empty_data_option_is_an_error() -> None:
    """An explicit empty --data is a mistake, not a request for the bundled data."""
    with pytest.raises(DataFileError, match="the file name is empty"):
        store.locate("", None)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp / "missing.toml", "no such file"),
        (lambda tmp: tmp, "is a directory, not a data file"),
        (lambda tmp: _fifo(tmp), "is not a regular file"),
        (lambda tmp: _loop(tmp), "cannot read: too many levels of symbolic links"),
    ],
    ids=["missing", "directory", "fifo", "symlink-loop"],
)
def test_unreadable_paths_raise_one_clear_error(
    tmp_path: pathlib.Path, make: object, message: str
) -> None:
    """Missing files, directories, FIFOs and symlink loops are refused without reading."""
    path = make(tmp_path)  # type: ignore[operator]
    with pytest.raises(DataFileError) as info:
        store.read_bytes(store.DataFile(path, str(path)))
    assert info.value.message == f"{path}: {message}"


def _fifo(tmp: pathlib.Path) -> pathlib.Path:
    path = tmp / "fifo.toml"
    os.mkfifo(path)
    return path


def _loop(tmp: pathlib.Path) -> pathlib.Path:
    (tmp / "a.toml").symlink_to(tmp / "b.toml")
    (tmp / "b.toml").symlink_to(tmp / "a.toml")
    return tmp / "a.toml"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path: pathlib.Path) -> None:
    """A file without read permission gives 'permission denied'."""
    path = tmp_path / "secret.toml"
    path.write_text("")
    path.chmod(0)
    with pytest.raises(DataFileError, match="permission denied"):
        store.read_bytes(store.DataFile(path, str(path)))


def test_a_utf8_byte_order_mark_is_accepted() -> None:
    """Editors on Windows may write a BOM; it is skipped, not an error."""
    text = MINI.read_text("utf-8")
    assert store.decode(b"\xef\xbb\xbf" + text.encode(), "x") == text


def test_end_of_document_syntax_errors_point_at_the_last_line() -> None:
    """tomllib's 'at end of document' becomes the last line and column."""
    with pytest.raises(DataInvalidError) as info:
        store.parse("a = 1\nb = [1,\n  2", "f.toml")
    assert [str(p) for p in info.value.problems] == [
        "f.toml:3:4: TOML syntax error: Unclosed array"
    ]


def test_deep_nesting_is_a_located_problem_not_a_crash() -> None:
    """Thousands of nested arrays overflow tomllib's recursion; that is reported, not raised."""
    with pytest.raises(DataInvalidError) as info:
        store.parse("a = " + "[" * 50_000 + "]" * 50_000, "deep.toml")
    assert [p.code for p in info.value.problems] == ["toml-syntax"]


def test_load_returns_the_dataset_of_a_valid_file() -> None:
    """The fixture loads with every table filled."""
    dataset = store.load(store.DataFile(MINI, str(MINI)), today=TODAY)
    assert [town.id for town in dataset.town] == ["aastad", "beedorp"]
    assert [
        len(getattr(dataset, t))
        for t in ("source", "group", "organisation", "research", "event", "claim", "city")
    ] == [3, 2, 1, 1, 1, 2, 1]


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        (
            ["list", "--data", "nope.toml"],
            "newtowns: error: nope.toml: no such file\nnewtowns: hint: give a data file with "
            "--data FILE or NEWTOWNS_DATA, or leave both unset for the bundled data\n",
        ),
        (
            ["validate", "nope.toml"],
            "newtowns: error: nope.toml: no such file\nnewtowns: hint: check the path; "
            "newtowns validate alone checks the data newtowns reads\n",
        ),
    ],
)
def test_missing_file_through_the_cli(run: Runner, args: list[str], stderr: str) -> None:
    """The CLI shows the error on stderr and exits 1; the --data hint only where --data helps
    (not for the file named to validate)."""
    result = run(args)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == stderr


def test_environment_variable_selects_the_data(run: Runner) -> None:
    """NEWTOWNS_DATA is read when --data is not given."""
    result = run(["list", "--fields", "id"], env={"NEWTOWNS_DATA": str(MINI)})
    assert result.stdout == "id\naastad\nbeedorp\n"


def test_a_read_costs_the_file_not_the_limit(tmp_path: pathlib.Path) -> None:
    """The bound is a limit, not a buffer: read() was asked for limit + 1 bytes, which
    CPython allocates up front (a 1 KB file cost 256 MiB; under `ulimit -v` a MemoryError).
    Asked with a limit of a terabyte, a small file comes back whole."""
    small = tmp_path / "small.toml"
    small.write_bytes(b"x" * 1000)
    assert read_regular(small, 1 << 40) == b"x" * 1000
    assert read_regular(small, 999) == b"x" * 1000  # more than the limit: the caller refuses
    assert read_regular(small, 10) == b"x" * 11
    maps = pathlib.Path("/proc/self/maps")  # says it is empty, holds more
    assert len(read_regular(maps, 1 << 40) or b"") > 100
