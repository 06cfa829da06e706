"""Helpers shared by the tests: fixture paths and an in-process runner."""

from __future__ import annotations

import pathlib
from collections.abc import Sequence

from typer.testing import CliRunner, Result

from newtowns_cli.cli import app

DATA = pathlib.Path(__file__).parent / "data"
MINI = DATA / "mini.toml"

PINNED_ENV = {
    "COLUMNS": "120",
    "LINES": "50",
    "NO_COLOR": "1",
    "TERM": "dumb",
    "NEWTOWNS_DATA": "",
    "FORCE_COLOR": "",
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
