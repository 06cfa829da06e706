"""The installed script on a real pseudo-terminal: colour, width and format rules; Ctrl-C."""

from __future__ import annotations

import fcntl
import os
import pathlib
import pty
import re
import signal
import struct
import subprocess
import sys
import termios
import time

import pytest

from support import MINI, default_signals, write_data

SCRIPT = pathlib.Path(sys.executable).parent / "newtowns"


def _env(**extra: str) -> dict[str, str]:
    drop = ("NEWTOWNS_DATA", "NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES", "TERM")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    return {**env, "TERM": "xterm-256color", **extra}


def on_terminal(*args: str, columns: int = 100, **env: str) -> tuple[int, str]:
    """Run the script with stdin, stdout and stderr on a pseudo-terminal of ``columns``."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    process = subprocess.Popen(
        [str(SCRIPT), *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=_env(**env),
        close_fds=True,
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    code = process.wait(timeout=60)
    return code, b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


def test_a_terminal_gets_a_table_with_a_bold_header() -> None:
    """No --format on a terminal: the rich table, header in bold."""
    code, text = on_terminal("list", "--data", str(MINI))
    assert code == 0
    assert "\x1b[1m" in text
    assert "Aastad" in text and "\t" not in text


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (("--no-color",), {}),
        ((), {"NO_COLOR": "1"}),
        ((), {"TERM": "dumb"}),
    ],
    ids=["--no-color", "NO_COLOR", "TERM=dumb"],
)
def test_colour_is_off_when_asked(args: tuple[str, ...], env: dict[str, str]) -> None:
    """--no-color, NO_COLOR and TERM=dumb each remove every escape code, bold included."""
    code, text = on_terminal("list", "--data", str(MINI), *args, **env)
    assert code == 0
    assert "\x1b" not in text
    assert text.splitlines()[0].split() == [
        "name",
        "municipality",
        "province",
        "status",
        "designated",
        "population",
        "population_as_of",
        "regions",
    ]
    assert text.splitlines()[2].split() == [
        "Aastad", "Aagemeente", "Flevoland", "groeikern", "1972", "1,000", "2024-01-01", "reg"
    ]  # fmt: skip


def test_force_color_zero_does_not_confuse_us() -> None:
    """FORCE_COLOR=0 makes rich think of a terminal; we decide ourselves (still a terminal here)."""
    code, text = on_terminal("list", "--data", str(MINI), FORCE_COLOR="0")
    assert code == 0 and "\x1b[1m" in text


@pytest.mark.parametrize("columns", [70, 80, 120])
def test_the_table_fits_the_terminal_width(columns: int) -> None:
    """The terminal's own width bounds every line of the table."""
    code, text = on_terminal("list", "--no-color", columns=columns)
    assert code == 0
    assert max(len(line) for line in text.splitlines()) <= columns


def test_columns_variable_overrides_the_terminal_size() -> None:
    """COLUMNS wins over the terminal's size, as for other tools."""
    code, text = on_terminal("list", "--no-color", columns=60, COLUMNS="140")
    assert code == 0
    assert max(len(line) for line in text.splitlines()) > 100


@pytest.mark.parametrize("fmt", ["tsv", "csv", "json", "md"])
def test_machine_formats_on_a_terminal_are_not_cut_or_coloured(fmt: str) -> None:
    """On a terminal, --format tsv/csv/json/md gives the same text as in a pipe."""
    code, text = on_terminal("list", "--fields", "all", "-f", fmt, columns=20)
    piped = subprocess.run(
        [str(SCRIPT), "list", "--fields", "all", "-f", fmt],
        env=_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    assert code == 0
    assert text == piped.stdout


def test_control_characters_in_tsv_are_escaped_on_a_terminal(tmp_path: pathlib.Path) -> None:
    """An ESC in a name is shown as \\x1b on a terminal, even in TSV; a pipe gets the raw data."""
    path = write_data(
        tmp_path / "evil.toml",
        [
            {
                "id": "t",
                "name": "evil \x1b[2J",
                "municipality": "m",
                "cbs_code": "GM0001",
                "province": "Utrecht",
                "status": "groeikern",
                "sources": ["s"],
            }
        ],
    )
    code, text = on_terminal("list", "--data", str(path), "--fields", "name", "-f", "tsv")
    assert code == 0
    assert text == "name\nevil \\x1b[2J\n"
    piped = subprocess.run(
        [str(SCRIPT), "list", "--data", str(path), "--fields", "name", "-f", "tsv"],
        env=_env(),
        capture_output=True,
        check=True,
    )
    assert piped.stdout == b"name\nevil \x1b[2J\n"


def test_empty_result_note_goes_to_a_terminal_stderr_only() -> None:
    """On a terminal an empty result says so (on stderr); the data stays empty."""
    code, text = on_terminal("list", "--relieves", "Nergenshuizen")
    assert (code, text) == (0, "no towns match\n")


def test_ctrl_c_exits_130_without_a_traceback(tmp_path: pathlib.Path) -> None:
    """SIGINT while loading a large file: exit 130, nothing but a quiet exit."""
    text = MINI.read_text("utf-8")
    block = text[text.index('[[town]]\nid = "beedorp"') : text.index("[[group]]")]
    many = "".join(
        block.replace('"beedorp"', f'"town-{n}"').replace('"Béédorp"', f'"Béédorp {n}"')
        for n in range(30000)
    )
    big = tmp_path / "big.toml"
    big.write_text(text.replace("[[group]]", many + "[[group]]", 1), encoding="utf-8")
    process = subprocess.Popen(
        [str(SCRIPT), "list", "--data", str(big)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
        preexec_fn=default_signals,
    )
    time.sleep(1.5)
    assert process.poll() is None, "finished before the signal; make the file larger"
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    assert stdout == b""
    assert b"Traceback" not in stderr


SWALLOWED = """
import signal, sys
from newtowns_cli.cli import boundary, emit
from newtowns_cli.cli.streams import prepare

def command():
    try:  # as a finalizer does: Python prints "Exception ignored" and goes on
        signal.raise_signal(signal.SIGINT)
    except KeyboardInterrupt:
        pass
    emit.write("data\\n")

prepare()
sys.exit(boundary(command))
"""


def test_ctrl_c_whose_exception_a_finalizer_lost_still_ends_the_run() -> None:
    """A KeyboardInterrupt that lands in a __del__ or a collected generator is lost; the run
    still ends as interrupted: exit 130 and nothing more on stdout."""
    result = subprocess.run(
        [sys.executable, "-c", SWALLOWED],
        capture_output=True,
        env=_env(),
        preexec_fn=default_signals,
        check=False,
    )
    assert (result.returncode, result.stdout, result.stderr) == (130, b"", b"")


@pytest.mark.parametrize("columns", [80, 120])
@pytest.mark.parametrize("env", [{}, {"NO_COLOR": "1"}], ids=["colour", "NO_COLOR"])
def test_charts_on_a_terminal(columns: int, env: dict[str, str]) -> None:
    """The timeline chart and the summary bars fit the terminal and need no colour to read."""
    code, chart = on_terminal("timeline", "--chart", columns=columns, **env)
    assert code == 0
    assert max(len(line) for line in chart.splitlines()) <= columns
    assert "\x1b" not in chart and "●" in chart and "┼" in chart
    code, summary = on_terminal("summary", "--by", "province", columns=columns, **env)
    assert code == 0
    lines = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in summary.splitlines()]
    assert max(len(line) for line in lines) <= columns
    bars = [line for line in lines if "█" in line]
    table = subprocess.run(
        [sys.executable, "-m", "newtowns_cli", "summary", "--by", "province", "-f", "tsv"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    largest = [row.split("\t")[0] for row in table.splitlines()[1:3]]
    assert [line.split()[0] for line in bars][:2] == largest
    assert ("\x1b[1m" in summary) is (not env)


@pytest.mark.parametrize(
    "args",
    [("list", "--format", "xlsx"), ("timeline", "-f", "xlsx", "-o", "-"), ("export", "-f", "xlsx")],
)
def test_a_workbook_is_refused_a_terminal_with_the_way_to_write_one(args: tuple[str, ...]) -> None:
    """No -o: exit 2 and the hint, no bytes of a workbook on the screen."""
    code, text = on_terminal(*args, "--data", str(MINI))
    assert code == 2
    assert text == (
        "newtowns: error: --format xlsx needs --output FILE: a workbook is not written to a "
        "terminal or a pipe\nnewtowns: hint: add -o NAME.xlsx\n"
    )
