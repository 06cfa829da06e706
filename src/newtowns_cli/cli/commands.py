"""The commands as typer sees them, built from the table (table.py).

Each command's signature is built from its function in run.py (names, types, defaults,
docstring) and each parameter's declaration (options.py), turned here into typer's
Option or Argument: the same table compiler.py writes compiled.json from.
"""

from __future__ import annotations

import functools
import inspect
from typing import Annotated, Any

import typer

from newtowns_cli.cli import options, run, table
from newtowns_cli.cli.base import command, metadata


def _declare(command_name: str, runner: run.Runner) -> None:
    """Register the typer command ``command_name`` for ``runner``: its signature and metadata."""
    declared = [
        inspect.Parameter(
            param.name,
            inspect.Parameter.KEYWORD_ONLY,
            default=param.default,
            annotation=Annotated[param.annotation, metadata(param)],
        )
        for param in table.params(command_name)
    ]
    takes_data = any(param.name == "data" for param in declared)

    @functools.wraps(runner.function)
    def invoke(ctx: typer.Context, **values: Any) -> None:
        if takes_data and values.get("data") is None:  # --data before the command
            values["data"] = options.root_data(ctx)
        # Looked up on each call, so a test can stand in for a command.
        run.RUNNERS[runner.name](values)

    context = inspect.Parameter("ctx", inspect.Parameter.KEYWORD_ONLY, annotation=typer.Context)
    invoke.__signature__ = inspect.Signature([context, *declared])  # type: ignore[attr-defined]
    invoke.__annotations__ = {}
    del invoke.__wrapped__
    command(command_name, hidden=command_name in run.ALIASES)(invoke)


for _name, _runner in run.RUNNERS.items():
    _declare(_name, _runner)
