"""Hostile input, environments and interrupted writes: no traceback, no hang, no lost data.

The committed corpus is tests/data/hostile/: each NAME.toml has NAME.expected with the exit
code of `newtowns validate NAME.toml` on its first line, then every line it prints on
stdout (`out:`) and stderr (`err:`), the file name left out.
"""

from __future__ import annotations

import os
import pathlib
import resource
import runpy
import signal
import subprocess
import sys
import time

import pytest

from support import DATA, MINI, Runner, default_signals

HOSTILE = sorted((DATA / "hostile").glob("*.toml"))
SCRIPT = pathlib.Path(sys.executable).parent / "newtowns"


def _env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("NEWTOWNS_DATA", "COLUMNS", "NO_COLOR", "FORCE_COLOR")
    }
    return {**env, **extra}


def _cli(*args: str, **extra: object) -> subprocess.CompletedProcess[str]:
    env = _env(**{k: v for k, v in extra.items() if isinstance(v, str)})
    raw = subprocess.run(
        [str(SCRIPT), *args], capture_output=True, env=env, timeout=300, check=False,
        stdin=extra.get("stdin", subprocess.DEVNULL),  # type: ignore[arg-type]
    )  # fmt: skip
    # Streams may be latin-1 or ASCII here (PYTHONIOENCODING): decode without failing.
    return subprocess.CompletedProcess(
        raw.args,
        raw.returncode,
        raw.stdout.decode("utf-8", "replace"),
        raw.stderr.decode("utf-8", "replace"),
    )


def test_the_corpus_is_there() -> None:
    """At least 18 committed hostile files, each with its expectation."""
    assert len(HOSTILE) >= 18
    assert all(path.with_suffix(".expected").is_file() for path in HOSTILE)


@pytest.mark.parametrize("path", HOSTILE, ids=[p.stem for p in HOSTILE])
def test_hostile_file_gives_its_expected_outcome(run: Runner, path: pathlib.Path) -> None:
    """validate gives exactly the recorded exit code and lines; never a traceback."""
    code, *lines = path.with_suffix(".expected").read_text("utf-8").splitlines()
    result = run(["validate", str(path)])
    got = [f"out: {line}" for line in result.stdout.splitlines()] + [
        f"err: {line}" for line in result.stderr.splitlines()
    ]
    assert [f"exit {result.exit_code}", *(line.replace(str(path), "FILE") for line in got)] == [
        code,
        *lines,
    ]


@pytest.mark.parametrize("path", HOSTILE, ids=[p.stem for p in HOSTILE])
@pytest.mark.parametrize("command", ["list", "show aa", "timeline", "summary", "export", "report"])
def test_every_command_on_every_hostile_file(
    run: Runner, tmp_path: pathlib.Path, path: pathlib.Path, command: str
) -> None:
    """Any other command on a hostile file: the problems validate prints, then one error
    line and its hint on stderr, nothing on stdout, exit 1; a file validate accepts gives
    what the same file gives without its odd part (the #:schema line), exit 0."""
    code, *lines = path.with_suffix(".expected").read_text("utf-8").splitlines()
    result = run([*command.split(), "--data", str(path)])
    if code == "exit 0":
        first, rest = path.read_text("utf-8").split("\n", 1)
        assert first.startswith("#:schema ")
        plain = tmp_path / "plain.toml"
        plain.write_text(rest, encoding="utf-8")
        expected = run([*command.split(), "--data", str(plain)])
        assert (result.exit_code, result.stderr) == (0, "")
        assert result.stdout == expected.stdout.replace(str(plain), str(path)) != ""
        return
    problems = [line.removeprefix("out: ") for line in lines if line.startswith("out: ")]
    many = "problem" if len(problems) == 1 else "problems"
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.replace(str(path), "FILE").splitlines() == [
        *problems,
        f"newtowns: error: FILE has {len(problems)} {many}",
        "newtowns: hint: for the full report, run: newtowns validate FILE",
    ]


def _generated(tmp_path: pathlib.Path, kind: str) -> pathlib.Path:
    path = tmp_path / f"{kind}.toml"
    base = MINI.read_text("utf-8")
    if kind == "directory":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "symlink-loop":
        path.symlink_to(tmp_path / "other.toml")
        (tmp_path / "other.toml").symlink_to(path)
    elif kind == "deep-nesting":
        path.write_text("a = " + "[" * 100_000 + "]" * 100_000)
    elif kind == "deep-inline-tables":
        path.write_text("a = " + "{ b = " * 5_000 + "1" + " }" * 5_000)
    elif kind == "long-names":
        path.write_text(base.replace('name = "Aastad"', 'name = "' + "Aa" * 5_000 + '"'))
    elif kind == "50-megabytes":
        path.write_text(
            base.replace('note = "The first town."', 'note = "' + "x" * 50_000_000 + '"')
        )
    return path


@pytest.mark.parametrize(
    ("kind", "code", "message"),
    [
        ("directory", 1, "is a directory, not a data file"),
        ("fifo", 1, "is not a regular file"),
        ("symlink-loop", 1, "cannot read: too many levels of symbolic links"),
        ("deep-nesting", 1, "TOML syntax error: values nested too deeply"),
        ("deep-inline-tables", 1, "TOML syntax error: values nested too deeply"),
        ("long-names", 0, ""),
        pytest.param("50-megabytes", 0, "", marks=pytest.mark.slow),
    ],
)
def test_generated_hostile_files(
    tmp_path: pathlib.Path, kind: str, code: int, message: str
) -> None:
    """Special files are refused without reading (a FIFO would hang); big ones just work."""
    path = _generated(tmp_path, kind)
    result = _cli("validate", str(path))
    assert result.returncode == code
    assert message in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


def _data_file(towns: int) -> str:
    """benchmarks/generate.py's data file of ``towns`` towns (sys.path left as it was)."""
    generate = runpy.run_path(str(pathlib.Path(__file__).parents[1] / "benchmarks" / "generate.py"))
    text: str = generate["data_file"](towns)
    return text


MEMORY_LIMIT = 2 * 1024**3
"""Address space for 100 000 towns: about 1.4 GB resident when validated (1 GB is too
little), so a cost that grew faster than the data would cross it."""


@pytest.mark.slow
def test_a_hundred_thousand_towns_within_a_memory_limit(tmp_path: pathlib.Path) -> None:
    """100 000 towns (a 73 MB file) validate and list under RLIMIT_AS of 2 GiB: every id
    once, nothing on stderr. Time is for benchmarks/, not asserted here."""
    path = tmp_path / "huge.toml"
    path.write_text(_data_file(100_000), encoding="utf-8")

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    result = subprocess.run(
        [str(SCRIPT), "list", "--data", str(path), "--format", "tsv", "--fields", "id"],
        capture_output=True,
        text=True,
        env=_env(NEWTOWNS_CACHE_DIR=str(tmp_path / "cache")),
        preexec_fn=limit,
        timeout=1800,  # a guard against a hang, not a claim about speed
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
    ids = result.stdout.splitlines()
    assert ids[0] == "id"
    assert sorted(ids[1:]) == sorted(f"town-{n}" for n in range(100_000))


@pytest.mark.parametrize(
    "env",
    [
        {"NO_COLOR": "1"},
        {"TERM": "dumb"},
        {"FORCE_COLOR": "0"},
        {"FORCE_COLOR": "1"},
        {"COLUMNS": "1"},
        {"COLUMNS": "abc"},
        {"COLUMNS": "-5"},
        {"LANG": "C", "LC_ALL": "C"},
        {"PYTHONIOENCODING": "latin-1"},
        {"PYTHONIOENCODING": "ascii"},
    ],
    ids=lambda env: ",".join(f"{k}={v}" for k, v in env.items()),
)
@pytest.mark.parametrize(
    "args", [("list", "-f", "table"), ("show", "beedorp", "-f", "md"), ("timeline", "--chart")]
)
def test_odd_environments(env: dict[str, str], args: tuple[str, ...]) -> None:
    """Odd variables and non-UTF-8 streams: output, exit 0, no traceback."""
    result = (
        _cli(*args, "--data", str(MINI), **env) if args[0] != "timeline" else _cli(*args, **env)
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout and "Traceback" not in result.stderr


def test_a_non_utf8_stream_gets_visible_escapes() -> None:
    """On an ASCII stdout, 'Béédorp' is written as B\\xe9\\xe9dorp, not lost or crashed."""
    result = subprocess.run(
        [str(SCRIPT), "list", "--data", str(MINI), "--fields", "name"],
        capture_output=True,
        env=_env(PYTHONIOENCODING="ascii"),
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout == b"name\nAastad\nB\\xe9\\xe9dorp\n"


def test_closed_stdout_and_stdin() -> None:
    """`newtowns list >&- <&-`: one error line, exit 1."""
    result = subprocess.run(
        f"{SCRIPT} list >&- <&-",
        shell=True,
        capture_output=True,
        text=True,
        env=_env(),
        check=False,
    )
    assert result.returncode == 1
    assert (
        result.stderr == "newtowns: error: cannot write to standard output: bad file descriptor\n"
    )


@pytest.fixture(scope="module")
def big_data(tmp_path_factory: pytest.TempPathFactory) -> tuple[pathlib.Path, pathlib.Path]:
    """2 000 towns, validated once into a cache of their own, so that an export of them
    spends its time writing, not validating again."""
    folder = tmp_path_factory.mktemp("big")
    data, cache = folder / "big.toml", folder / "cache"
    data.write_text(_data_file(2_000), encoding="utf-8")
    warm = _cli("list", "--data", str(data), "--fields", "id", NEWTOWNS_CACHE_DIR=str(cache))
    assert warm.returncode == 0 and any(cache.iterdir()), warm.stderr
    return data, cache


@pytest.mark.parametrize(
    "sig", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP], ids=["SIGINT", "SIGTERM", "SIGHUP"]
)
def test_an_interrupted_write_leaves_the_old_file_and_no_partial_file(
    tmp_path: pathlib.Path, big_data: tuple[pathlib.Path, pathlib.Path], sig: int
) -> None:
    """Killing an export mid-write keeps the old output intact and removes the temporary file.

    The signal is sent once the temporary file exists, so it falls during the write (an
    SQLite export fills its file row by row). SIGHUP (the terminal closed) used to end the
    run at once and leave `.towns.db.….tmp` behind; it now ends it like Ctrl-C."""
    data, cache = big_data
    out = tmp_path / "out"
    out.mkdir()
    target = out / "towns.db"
    target.write_text("old\n")
    args = ["export", "--data", str(data), "-f", "sqlite", "-o", str(target), "--force"]
    process = subprocess.Popen(
        [str(SCRIPT), *args],
        stderr=subprocess.PIPE,
        env=_env(NEWTOWNS_CACHE_DIR=str(cache)),
        preexec_fn=default_signals,
    )
    while not any(path.suffix == ".tmp" for path in out.iterdir()):
        assert process.poll() is None, "finished before its temporary file was seen"
        time.sleep(0.002)
    process.send_signal(sig)
    _, stderr = process.communicate(timeout=60)
    assert (process.returncode, stderr) == (130, b"")  # no traceback, no message
    assert target.read_text() == "old\n"
    assert [p.name for p in out.iterdir()] == ["towns.db"]


def test_output_into_a_folder_that_cannot_be_written(run: Runner) -> None:
    """-o into /proc (not writable, even for root): one error line, exit 1."""
    result = run(["list", "--data", str(MINI), "-o", "/proc/newtowns-test.tsv"])
    assert result.exit_code == 1
    assert result.stderr.startswith("newtowns: error: /proc/newtowns-test.tsv: cannot write: ")


@pytest.mark.parametrize("columns", ["40", "60", "100"])
@pytest.mark.parametrize("args", ["--help", "list --help"])
def test_help_to_a_closed_stdout_is_one_error_line(args: str, columns: str) -> None:
    """`newtowns --help >&-` at any width: help is data on stdout; a closed stdout is exit 1,
    no traceback."""
    result = subprocess.run(
        f"{SCRIPT} {args} >&- <&-",
        shell=True,
        capture_output=True,
        text=True,
        env={**_env(), "COLUMNS": columns},
        check=False,
    )
    assert (result.returncode, result.stderr) == (
        1,
        "newtowns: error: cannot write to standard output: bad file descriptor\n",
    )
