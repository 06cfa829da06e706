"""The attacker's second pass on issue 12: cases the other tests did not cover, each
found by running the installed tool, with its documented outcome."""

from __future__ import annotations

import hashlib
import json
import os
import pathlib
import re
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_terminal import on_terminal

from newtowns_cli.render import pages, richtext

from support import MINI

SCRIPT = pathlib.Path(sys.executable).parent / "newtowns"


def test_a_report_on_a_huge_terminal_is_laid_out_at_most_1000_columns_wide() -> None:
    """COLUMNS=999999 on a terminal: the report is the one drawn at 1000 columns.

    It took minutes: rich pads every line to the width, and the trailing padding was
    stripped with a regex search that is quadratic in a run of spaces before a border.
    """
    code, huge = on_terminal("report", "--no-pager", columns=80, COLUMNS="999999")
    assert code == 0
    assert (code, huge) == on_terminal("report", "--no-pager", columns=80, COLUMNS="1000")
    assert max(map(len, huge.splitlines())) <= pages.MAX_WIDTH


_CODES = r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\"
_PIECES = [" ", "a", "m", "\\", ";", "│", "\x1b", "\x1b[", "\x1b]8;", "\x1b[1m", "\x1b[0m"]
_PIECES += ["\x1b]8;id=1;https://x.example\x1b\\", "\x1b]8;;\x1b\\"]


@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_trailing_padding_is_dropped_and_the_styles_closing_it_kept(line: str) -> None:
    """The line ends without spaces; the escape codes among them stay, in order."""
    tail = re.search(rf"(?: |{_CODES})+$", line)
    expected = (
        line if tail is None else line[: tail.start()] + "".join(re.findall(_CODES, tail.group()))
    )
    assert richtext._rstrip(line) == expected


def _run(args: list[str], **streams: Any) -> subprocess.CompletedProcess[bytes]:
    options: dict[str, Any] = {
        "env": {**os.environ, "NEWTOWNS_DATA": ""},
        "stdout": subprocess.PIPE,
        "stderr": subprocess.PIPE,
        **streams,
    }
    return subprocess.run([str(SCRIPT), *args], stdin=subprocess.DEVNULL, check=False, **options)


def _closed_pipe() -> int:
    """The write end of a pipe whose reader is gone: a write to it is EPIPE."""
    read, write = os.pipe()
    os.close(read)
    return write


@pytest.mark.parametrize("args", [["--version"], ["--data", str(MINI), "--version"]])
def test_the_version_to_a_full_disk_is_one_message_and_exit_1(args: list[str]) -> None:
    """`newtowns --version > /dev/full` (the fast path and typer's) wrote a traceback."""
    with pathlib.Path("/dev/full").open("wb") as full:
        result = _run(args, stdout=full)
    message = b"newtowns: error: cannot write to standard output: no space left on device\n"
    assert (result.returncode, result.stderr) == (1, message)


@pytest.mark.parametrize("args", [["--version"], ["--data", str(MINI), "--version"]])
def test_the_version_to_a_closed_pipe_is_quiet(args: list[str]) -> None:
    """`newtowns --version | true`: a closed pipe is no error, as for every command."""
    write = _closed_pipe()
    try:
        result = _run(args, stdout=write)
    finally:
        os.close(write)
    assert (result.returncode, result.stderr) == (0, b"")


def test_the_version_to_a_closed_stdout_is_one_message_and_exit_1() -> None:
    """`newtowns --version >&-` wrote a traceback."""
    result = _run(["--version"], stdout=None, preexec_fn=lambda: os.close(1))
    message = b"newtowns: error: cannot write to standard output: bad file descriptor\n"
    assert (result.returncode, result.stderr) == (1, message)


@pytest.mark.parametrize(
    ("args", "expected"),
    [(["show", "atlantis"], 3), (["list", "--bogus"], 2), (["list", "--limit", "x"], 2)],
)
def test_a_closed_stderr_pipe_keeps_the_exit_code(args: list[str], expected: int) -> None:
    """`newtowns show atlantis 2>&1 | true`: the message is lost, the exit code is not (was 1)."""
    write = _closed_pipe()
    try:
        result = _run(args, stderr=write)
    finally:
        os.close(write)
    assert result.returncode == expected


def test_a_pager_with_an_unclosed_quote_prints_the_report_straight() -> None:
    """PAGER='less "' cannot be split into words: a pager that cannot start (was a traceback)."""
    code, text = on_terminal("report", PAGER='less "', LINES="10")
    assert code == 0
    assert "Traceback" not in text
    assert text == on_terminal("report", "--no-pager", LINES="10")[1]


def _signed(entry: bytes, body: bytes) -> bytes:
    """``body`` under ``entry``'s header with a matching digest, as if the cache wrote it."""
    header = json.loads(entry.split(b"\n", 1)[0])
    header["digest"] = hashlib.blake2b(body, digest_size=32).hexdigest()
    return json.dumps(header).encode() + b"\n" + body


@pytest.mark.parametrize("args", [["show", "aastad"], ["export", "--format", "toml"], ["report"]])
def test_a_lone_surrogate_in_a_signed_entry_is_a_miss(
    tmp_path: pathlib.Path, args: list[str]
) -> None:
    """An entry with a matching digest whose text holds "\\ud800" (valid JSON, a str, but
    no data file can hold it) ended every command that prints that text in a traceback."""
    data = tmp_path / "data.toml"
    data.write_bytes(MINI.read_bytes())
    env = {**os.environ, "NEWTOWNS_DATA": str(data), "NEWTOWNS_CACHE_DIR": str(tmp_path / "c")}
    expected = subprocess.run([str(SCRIPT), *args], env=env, capture_output=True, check=True)
    [entry] = (tmp_path / "c").glob("*.cache")
    original = entry.read_bytes()
    body = original.split(b"\n", 1)[1]
    assert b'"Aastad"' in body
    entry.write_bytes(_signed(original, body.replace(b'"Aastad"', b'"Aa\\ud800stad"')))
    result = subprocess.run([str(SCRIPT), *args], env=env, capture_output=True, check=False)
    assert (result.returncode, result.stderr, result.stdout) == (0, b"", expected.stdout)
    assert b"\\ud800" not in entry.read_bytes()  # replaced by a fresh entry
