"""Helpers shared by the tests: fixture paths and an in-process runner."""

from __future__ import annotations

import pathlib
import signal
from collections.abc import Sequence
from typing import Any

import tomli_w
from typer.testing import CliRunner, Result

from newtowns_cli.cli import app

DATA = pathlib.Path(__file__).parent / "data"
MINI = DATA / "mini.toml"
ONE_TOWN = """[dataset]
title = "T"
description = "D"
version = "1"
updated = 2024-01-01
licence = "CC0-1.0"

[[source]]
id = "s"
title = "S"
publisher = "P"
kind = "news"
language = "nl"

[[town]]
id = "t"
name = "T"
municipality = "T"
cbs_code = "GM0001"
province = "Utrecht"
status = "groeikern"
sources = ["s"]
"""
"""A valid data file of one source and one town, its last lines the town's: a test adds
the town's fields after it."""

PINNED_ENV = {
    "COLUMNS": "120",
    "LINES": "50",
    "NO_COLOR": "1",
    "TERM": "dumb",
    "NEWTOWNS_DATA": "",
    "FORCE_COLOR": "",
    # The language: English unless a test says otherwise, whatever the machine's locale.
    "NEWTOWNS_LANG": "",
    "LANGUAGE": "",
    "LC_ALL": "",
    "LC_MESSAGES": "",
    "LANG": "",
}


class Runner:
    """Invoke the app in-process with a pinned environment; stdout and stderr apart."""

    def __init__(self) -> None:
        self._runner = CliRunner()

    def __call__(self, args: Sequence[str], env: dict[str, str] | None = None) -> Result:
        result = self._runner.invoke(app, list(args), env={**PINNED_ENV, **(env or {})})
        # An exception other than SystemExit escaped the error boundary: that is a bug.
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return result


def markdown_cells(markdown: str) -> list[list[str]]:
    """The text of every table cell, as a CommonMark + GFM-tables parser reads it.

    A <br> counts as a newline; any other markup inside a cell fails the test.
    """
    from markdown_it import MarkdownIt

    rows: list[list[str]] = []
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and rows:
            text = ""
            for child in token.children or []:
                assert child.type in ("text", "html_inline"), f"markup {child.type} in a cell"
                text += "\n" if child.content == "<br>" else child.content
            rows[-1].append(text)
    return rows


def write_data(path: pathlib.Path, towns: list[dict[str, Any]]) -> pathlib.Path:
    """A minimal valid data file at ``path``: ``towns`` and the one source "s" they cite."""
    document = {
        "dataset": {
            "title": "x",
            "description": "x",
            "version": "1",
            "updated": 2024,
            "licence": "x",
        },
        "source": [{"id": "s", "title": "s", "publisher": "p", "kind": "news", "language": "nl"}],
        "town": towns,
    }
    path.write_text(tomli_w.dumps(document), encoding="utf-8")
    return path


def default_signals() -> None:
    """For a child that is sent SIGINT or SIGHUP: both back to their defaults (Python then
    turns SIGINT into KeyboardInterrupt). A test run started in the background by a shell
    without job control, or under nohup, would hand them on ignored."""
    for sig in (signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, signal.SIG_DFL)
