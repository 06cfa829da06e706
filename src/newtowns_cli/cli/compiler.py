"""Write cli/compiled.json: the command line from our own table, for the fast path.

    python -m newtowns_cli.cli.compiler > src/newtowns_cli/cli/compiled.json

typer's import alone costs several times Python's own start-up, so the common command
lines are parsed without it (fast.py) from this description: every parameter's
spelling, type and choices from the table both the typer app and this file are built
from (table.py, declared in options.py), and every help page exactly as typer prints it
at the full width of 78 columns, captured by running typer. The typer version it was
captured with is recorded: under any other typer the fast path steps aside.
tests/test_fast.py fails when the checked-in file is not what this prints.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import typer
import typer.main

from newtowns_cli.cli import table
from newtowns_cli.cli.base import make_app

WIDE = {"COLUMNS": "200"}
"""Any width of 80 columns or more gives click's widest help (78 columns)."""

REGENERATE = "python -m newtowns_cli.cli.compiler > src/newtowns_cli/cli/compiled.json"


def _help(args: list[str]) -> str:
    """What typer prints for ``newtowns ARGS``, on a wide terminal (its own process)."""
    import os
    import subprocess

    typer_only = "from newtowns_cli.cli.base import main; main()"
    result = subprocess.run(
        [sys.executable, "-c", typer_only, *args],
        env={**os.environ, **WIDE, "PYTHONIOENCODING": "utf-8"},  # whatever the shell has
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    if result.returncode != 0 or result.stderr:
        raise SystemExit(f"newtowns {' '.join(args)}: exit {result.returncode} {result.stderr}")
    return result.stdout


def compiled() -> dict[str, Any]:
    """The description fast.py reads."""
    group = typer.main.get_command(make_app())
    context = group.make_context("newtowns", ["list"], resilient_parsing=True)
    commands: dict[str, Any] = {}
    for name in group.list_commands(context):  # type: ignore[attr-defined]
        click_command = group.commands[name]  # type: ignore[attr-defined]
        commands[name] = {
            "hidden": bool(click_command.hidden),
            "short_help": click_command.get_short_help_str(),
            "params": [param.compiled() for param in table.params(name)],
            "help": _help([name, "--help"]),
        }
    help_option = group.get_help_option(context)
    return {
        "typer": typer.__version__,
        "width": 78,
        "help_options": list(context.help_option_names),
        "help_option_help": help_option.help if help_option is not None else None,
        "help": _help(["--help"]),
        "root_params": [param.compiled() for param in table.ROOT],
        "commands": commands,
    }


def main() -> None:
    sys.stdout.write(json.dumps(compiled(), ensure_ascii=False, indent=1) + "\n")


if __name__ == "__main__":
    main()
