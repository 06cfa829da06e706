"""The command-line layer: the only place that imports typer."""

from newtowns_cli.cli import commands as _commands  # noqa: F401 - registers the commands
from newtowns_cli.cli.app import app, main

__all__ = ["app", "main"]
