"""The typer app, its one error boundary and the console-script entry point."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Collection
from typing import Annotated, Any, NoReturn, TypeVar

import typer
from typer.core import TyperGroup

from newtowns_cli import __version__
from newtowns_cli.cli import options, table
from newtowns_cli.cli.emit import report, silence_stdout
from newtowns_cli.cli.params import COMPLETE_VAR
from newtowns_cli.errors import ExitCode, NewtownsError


class _Boundary(TyperGroup):
    """Turns every expected error into one clear stderr message and its exit code."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except NewtownsError as exc:
            report(exc)
            raise typer.Exit(int(exc.exit_code)) from None
        except KeyboardInterrupt:
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
        except BrokenPipeError:
            silence_stdout()
            raise typer.Exit(int(ExitCode.OK)) from None


def metadata(param: table.Param) -> Any:
    """typer's Option or Argument for ``param``, through typer's public keywords only."""
    declared = param.declared
    given: dict[str, Any] = {"metavar": declared.metavar, "help": declared.help}
    if declared.complete is not None:
        given["autocompletion"] = options.COMPLETERS[declared.complete]
    if param.enum is not None:
        given["case_sensitive"] = declared.case_sensitive
    if declared.min is not None:
        given["min"] = declared.min
    if not declared.show_default:
        given["show_default"] = False
    if not param.option:
        return typer.Argument(**given)
    return typer.Option(*param.opts, **given)


ROOT_DATA = metadata(table.ROOT[0])

F = TypeVar("F", bound=Callable[..., None])

COMMANDS: dict[str, Callable[..., None]] = {}
"""Every command, in the order of the help, by name; filled by commands.py."""
HIDDEN: set[str] = set()
"""Commands left out of the help and of completion: another name of a command."""


def command(name: str, *, hidden: bool = False) -> Callable[[F], F]:
    """Register a command function under ``name``."""

    def register(function: F) -> F:
        COMMANDS[name] = function
        if hidden:
            HIDDEN.add(name)
        return function

    return register


def make_app(names: Collection[str] | None = None) -> typer.Typer:
    """The app with every command, or only ``names``.

    typer turns every registered command into click objects on each run; building only
    the one invoked saves that work (see benchmarks/README.md).
    """
    from newtowns_cli.cli import commands  # noqa: F401 - fills COMMANDS

    application = typer.Typer(
        cls=_Boundary,
        name="newtowns",
        no_args_is_help=True,
        add_completion=False,
        # Plain click help and errors: rich's panels cost start-up and draw boxes.
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    application.callback()(_root)
    for name, function in COMMANDS.items():
        if names is None or name in names:
            application.command(name, hidden=name in HIDDEN)(function)
    return application


def _version(value: bool) -> None:
    if value:
        from newtowns_cli.cli import answer

        raise typer.Exit(answer(f"newtowns {__version__}\n"))


def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
    data: Annotated[str | None, ROOT_DATA] = None,
) -> None:
    """Query the sourced data set about the Dutch New Towns (groeikernen).

    Data goes to stdout, messages to stderr. Exit codes: 0 success, 1 invalid data,
    2 usage error, 3 not found, 130 interrupted.
    """


def main() -> NoReturn:
    """Console-script entry point."""
    code: int | str | None
    if os.environ.get(COMPLETE_VAR):
        # A Tab press: typer only registers its shells when it adds its own
        # --install-completion option, which this app leaves out.
        from typer._completion_classes import completion_init

        completion_init()
        # bash sets both for a Tab press; without them (set by hand) typer's bash
        # completion raised KeyError. No words: no candidates.
        os.environ.setdefault("COMP_WORDS", "")
        os.environ.setdefault("COMP_CWORD", "0")
    from newtowns_cli.cli import commands  # noqa: F401 - fills COMMANDS

    wanted = sys.argv[1] if len(sys.argv) > 1 and not os.environ.get(COMPLETE_VAR) else ""
    app = make_app([wanted] if wanted in COMMANDS else None)
    try:
        app(prog_name="newtowns")
        code = 0
    except SystemExit as exc:
        code = exc.code
    except KeyboardInterrupt:
        code = int(ExitCode.INTERRUPTED)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
    sys.exit(code)
