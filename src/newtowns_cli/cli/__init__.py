"""The command-line layer: the only place that imports typer."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    import typer

__all__ = ["app", "main"]


def main() -> NoReturn:
    """Console-script entry point; `newtowns --version` answers before typer is imported."""
    if sys.argv[1:] == ["--version"]:
        from newtowns_cli import __version__

        sys.stdout.write(f"newtowns {__version__}\n")
        sys.exit(0)
    from newtowns_cli.cli.base import main as run

    run()


def __getattr__(name: str) -> Any:
    # `from newtowns_cli.cli import app` loads the app with every command registered.
    if name == "app":
        from newtowns_cli.cli.base import make_app

        return make_app()
    raise AttributeError(name)


if TYPE_CHECKING:
    app: typer.Typer
