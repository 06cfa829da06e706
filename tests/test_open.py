"""HTML is for a browser: refused on a terminal, opened with --open, piped as it is."""

from __future__ import annotations

import os
import pathlib
import stat
import subprocess
import sys

import pytest
from test_terminal import on_terminal

from support import DATA, Runner

SCRIPT = pathlib.Path(sys.executable).parent / "newtowns"
GROWTH = DATA / "growth.toml"


@pytest.mark.parametrize(
    "args",
    [("--format", "html"), ("-f", "html", "-o", "-")],
    ids=["--format html", "-o -"],
)
def test_html_on_a_terminal_is_a_usage_error_with_the_way_out(args: tuple[str, ...]) -> None:
    """Nothing of the page reaches the screen: exit 2, and the hint names -o and --open."""
    code, shown = on_terminal("report", *args, "--data", str(GROWTH), columns=80)
    assert code == 2
    assert "<" not in shown
    assert shown.splitlines() == [
        "newtowns: error: --format html writes a page for a browser, not for a terminal",
        "newtowns: hint: write it to a file with -o NAME.html, or open it in your browser "
        "with --open",
    ]


def test_in_a_pipe_the_page_goes_to_stdout() -> None:
    result = Runner()(["report", "--format", "html", "--data", str(GROWTH)])
    assert result.exit_code == 0 and result.stdout.startswith("<!DOCTYPE html>")


def _recording_browser(tmp_path: pathlib.Path) -> tuple[pathlib.Path, pathlib.Path]:
    """A 'browser' that writes the arguments it was started with to a file."""
    record = tmp_path / "opened.txt"
    browser = tmp_path / "browser.sh"
    browser.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > {record}\n', encoding="utf-8")
    browser.chmod(0o755)
    return browser, record


def _env(**extra: str) -> dict[str, str]:
    keep = {k: v for k, v in os.environ.items() if k not in ("NEWTOWNS_DATA", "DISPLAY")}
    return {**keep, "WAYLAND_DISPLAY": "", **extra}


def test_open_writes_a_private_file_and_hands_it_to_the_browser(tmp_path: pathlib.Path) -> None:
    """--open: a private temporary file, its address to $BROWSER, its path on stdout."""
    browser, record = _recording_browser(tmp_path)
    extra: list[str] = []
    result = subprocess.run(
        [str(SCRIPT), "report", "--open", *extra, "--data", str(GROWTH)],
        env=_env(BROWSER=str(browser), TMPDIR=str(tmp_path)),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    path = pathlib.Path(result.stdout.strip())
    assert result.stdout == f"{path}\n"
    assert path.parent == tmp_path and path.suffix == ".html"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert record.read_text("utf-8") == path.as_uri() + "\n"
    expected = Runner()(["report", *extra, "--format", "html", "--data", str(GROWTH)]).stdout
    assert path.read_text("utf-8") == expected


def test_open_with_an_output_file_opens_that_file(tmp_path: pathlib.Path) -> None:
    browser, record = _recording_browser(tmp_path)
    target = tmp_path / "page.html"
    result = subprocess.run(
        [str(SCRIPT), "report", "--open", "-o", str(target), "--data", str(GROWTH)],
        env=_env(BROWSER=str(browser)),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{target}\n"
    assert record.read_text("utf-8") == target.as_uri() + "\n"
    assert target.read_text("utf-8").startswith("<!DOCTYPE html>")


def test_open_when_no_browser_starts_says_so_and_keeps_the_file(tmp_path: pathlib.Path) -> None:
    failing = tmp_path / "fails.sh"
    failing.write_text("#!/bin/sh\nexit 3\n", encoding="utf-8")
    failing.chmod(0o755)
    result = subprocess.run(
        [str(SCRIPT), "report", "--open", "--data", str(GROWTH)],
        env=_env(BROWSER=str(failing), TMPDIR=str(tmp_path)),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    path = pathlib.Path(result.stdout.strip())
    assert result.returncode == 0 and path.is_file()
    assert result.stderr == f"newtowns: note: no browser could be started: open {path}\n"


@pytest.mark.parametrize(
    "args",
    [("--format", "md"), ("-o", "{tmp}/report.md")],
    ids=["--format md", "-o .md"],
)
def test_open_is_for_html_only(tmp_path: pathlib.Path, args: tuple[str, ...]) -> None:
    args = tuple(a.replace("{tmp}", str(tmp_path)) for a in args)
    result = Runner()(["report", "--open", *args])
    assert result.exit_code == 2
    assert result.stderr == (
        "newtowns: error: --open opens an HTML page, not Markdown\n"
        "newtowns: hint: leave out --format md, or write to -o NAME.html\n"
    )
    assert not (tmp_path / "report.md").exists()
