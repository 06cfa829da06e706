"""Crash reproducers, each with its documented exit code and no traceback."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import pytest

from newtowns_cli.cli import complete
from newtowns_cli.render.terminal import chart

from support import DATA, MINI

SCRIPT = pathlib.Path(sys.executable).parent / "newtowns"
HUGE_INTEGER = DATA / "invalid" / "huge-integer.toml"


def _with_closed(args: list[str], *close: int) -> int:
    """The exit code of ``newtowns ARGS`` with the descriptors ``close`` closed."""

    def closing() -> None:
        for descriptor in close:
            os.close(descriptor)

    return subprocess.run(
        [str(SCRIPT), *args],
        env={**os.environ, "NEWTOWNS_DATA": ""},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        preexec_fn=closing,  # the only way to start with a descriptor closed
        check=False,
    ).returncode


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["show", "atlantis"], 3),
        (["list", "--bogus"], 2),
        (["list", "--limit", "x"], 2),
        (["list", "--format", "json"], 0),
        (["list", "--data", str(HUGE_INTEGER)], 1),
        (["validate", str(HUGE_INTEGER)], 1),
    ],
)
def test_a_closed_stderr_keeps_the_exit_code(args: list[str], expected: int) -> None:
    """`2>&-`: the message is lost, the documented exit code is not."""
    assert _with_closed(args, 2) == expected


def test_closed_stdout_and_stderr_is_still_a_write_error() -> None:
    """With both closed, data that cannot be written is exit 1, quietly."""
    assert _with_closed(["list", "--format", "json"], 1, 2) == 1


@pytest.mark.parametrize("command", [["list"], ["validate"], ["show", "aa"], ["timeline"]])
def test_an_integer_of_5000_digits_in_the_data_is_a_located_problem(command: list[str]) -> None:
    """Python's int() limit (4 300 digits) is one located message, exit 1, no traceback."""
    args = [*command, str(HUGE_INTEGER)] if command == ["validate"] else [*command]
    if command != ["validate"]:
        args += ["--data", str(HUGE_INTEGER)]
    result = subprocess.run(
        [str(SCRIPT), *args], capture_output=True, text=True, check=False, env={**os.environ}
    )
    located = f"{HUGE_INTEGER}:23:24: integer with too many digits"
    assert result.returncode == 1
    assert located in (result.stdout if command == ["validate"] else result.stderr)
    assert "Traceback" not in result.stderr


def test_a_tab_press_on_a_file_with_a_huge_integer_has_no_candidates() -> None:
    """Completion parses the TOML too: the int() limit gives no candidates, not a crash."""
    assert complete.ids(HUGE_INTEGER, "town", "") == []
    assert complete.ids(MINI, "town", "") != []


@pytest.mark.parametrize("columns", ["99999999999999999999", "100000000"])
def test_a_huge_terminal_width_draws_a_bounded_chart(columns: str) -> None:
    """COLUMNS=10**20 no longer overflows; COLUMNS=10**8 no longer writes a gigabyte."""
    result = subprocess.run(
        [str(SCRIPT), "timeline", "--chart"],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": columns, "NEWTOWNS_DATA": ""},
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
    widths = [len(line) for line in result.stdout.splitlines()]
    assert max(widths) == chart.MAX_WIDTH - 1
    assert result.stdout == _chart_at(str(chart.MAX_WIDTH))


def _chart_at(columns: str) -> str:
    return subprocess.run(
        [str(SCRIPT), "timeline", "--chart"],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": columns, "NEWTOWNS_DATA": ""},
        check=True,
    ).stdout


def test_bars_are_bounded_too() -> None:
    """A bar scaled to a huge width is drawn at the chart's maximum width."""
    assert chart.bar(1.0, 1.0, 10**20) == "█" * chart.MAX_WIDTH
    lines = chart.labelled_bars([("a", 2.0), ("b", 1.0)], width=10**20).splitlines()
    assert max(len(line) for line in lines) <= chart.MAX_WIDTH


ZSH_TAB = {"_NEWTOWNS_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "newtowns show spi"}


@pytest.mark.parametrize("name", ["COLUMNS", "TERMINAL_WIDTH", "LINES"])
@pytest.mark.parametrize(
    ("args", "env", "code"),
    [
        ([], ZSH_TAB, 0),
        (["--help"], {}, 0),
        (["list", "--bogus"], {}, 2),
        (["timeline", "--chart"], {}, 0),
        (["list", "-f", "table"], {}, 0),
    ],
    ids=["zsh-tab", "help", "usage-error", "chart", "table"],
)
def test_a_terminal_size_of_5000_digits_reads_as_a_very_large_one(
    name: str, args: list[str], env: dict[str, str], code: int
) -> None:
    """int() refuses 5 000 digits (rich, typer, the fast path): such a size reads as 999999."""

    def answer(size: str) -> tuple[int, str, str]:
        result = subprocess.run(
            [str(SCRIPT), *args],
            capture_output=True,
            text=True,
            env={**os.environ, "NEWTOWNS_DATA": "", **env, name: size},
            check=False,
        )
        return result.returncode, result.stdout, result.stderr

    huge = answer("9" * 5000)
    assert huge[0] == code
    assert "Traceback" not in huge[2]
    assert huge == answer("999999")
