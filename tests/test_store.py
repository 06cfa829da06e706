"""Finding and reading data files: every way a file can be unreadable gives one clear error."""

from __future__ import annotations

import datetime
import os
import pathlib
import tempfile
from collections.abc import Callable

import pytest

from newtowns_cli.model.errors import DataFileError, DataInvalidError
from newtowns_cli.reading import store
from newtowns_cli.reading.files import read_regular

from support import MINI, Runner

TODAY = datetime.date(2026, 11, 28)


def test_option_wins_over_environment_which_wins_over_bundled() -> None:
    """--data > NEWTOWNS_DATA > the bundled file; an empty variable counts as unset."""
    assert store.locate("a.toml", "b.toml").path == "a.toml"
    assert store.locate(None, "b.toml").path == "b.toml"
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
        store.read_bytes(store.DataFile(str(path), str(path)))
    assert info.value.message == f"{path}: {message}"


def _fifo(tmp: pathlib.Path) -> pathlib.Path:
    path = tmp / "fifo.toml"
    os.mkfifo(path)
    return path


def _loop(tmp: pathlib.Path) -> pathlib.Path:
    (tmp / "a.toml").symlink_to(tmp / "b.toml")
    (tmp / "b.toml").symlink_to(tmp / "a.toml")
    return tmp / "a.toml"


NOBODY = 65534


def _without_root(call: Callable[[], str]) -> str:
    """What ``call`` returns in a forked child that runs as nobody when we are root (as CI
    is: root reads any file whatever its mode). The child never returns into pytest."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            os.close(read)
            if os.geteuid() == 0:
                os.setgroups([])
                os.setgid(NOBODY)
                os.setuid(NOBODY)
            answer, code = call(), 0
        except BaseException as exc:  # reported to the parent, which fails the test
            answer = repr(exc)
        finally:
            os.write(write, answer.encode())
            os._exit(code)
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        answer = pipe.read().decode()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, answer
    return answer


def test_unreadable_file() -> None:
    """A file without read permission gives 'permission denied'; its readable twin in the
    same folder reads, so the mode is what refuses it."""
    with tempfile.TemporaryDirectory() as name:
        folder = pathlib.Path(name)
        folder.chmod(0o755)
        readable, secret = folder / "readable.toml", folder / "secret.toml"
        for path in (readable, secret):
            path.write_text("a = 1\n")
        readable.chmod(0o644)
        secret.chmod(0)

        def attempt() -> str:
            answers = []
            for path in (readable, secret):
                try:
                    answers.append(repr(store.read_bytes(store.DataFile(str(path), str(path)))))
                except DataFileError as exc:
                    answers.append(exc.message)
            return "\n".join(answers)

        attempt()  # first as we are: whatever it imports is loaded before root is dropped
        assert _without_root(attempt).split("\n") == [
            "b'a = 1\\n'",
            f"{secret}: cannot read: permission denied",
        ]


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
    dataset = store.load(store.DataFile(str(MINI), str(MINI)), today=TODAY)
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
