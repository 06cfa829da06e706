"""The commands as typer sees them: run.py's functions with options.py's spelling.

Each command's signature is built from its function in run.py (names, types, defaults,
docstring) and the typer metadata of each parameter, shared (options.SHARED,
options.FILTERS) or its own (OWN below). A parameter without metadata is an error when
the app is built, so the two cannot drift apart.
"""

from __future__ import annotations

import functools
import inspect
from typing import Annotated, Any

import typer

from newtowns_cli.cli import options, run
from newtowns_cli.cli.base import command
from newtowns_cli.cli.options import COMPLETERS, complete_group, complete_town
from newtowns_cli.cli.params import FILTERS


def _listing_argument(help: str, autocompletion: Any = None) -> Any:
    return typer.Argument(metavar="[ID]", help=help, autocompletion=autocompletion)


OWN: dict[str, dict[str, Any]] = {
    "show": {
        "town": typer.Argument(
            metavar="TOWN",
            help="Town id, name, alias or municipality (e.g. Nissewaard).",
            autocompletion=complete_town,
        ),
    },
    "groups": {
        "wanted": _listing_argument(
            "Group id, name or alias: show it with its members.", complete_group
        )
    },
    "research": {
        "wanted": _listing_argument(
            "Research id or title: show it in full.", COMPLETERS["research"]
        )
    },
    "organisations": {
        "wanted": _listing_argument(
            "Organisation id, name or alias: show it in full.", COMPLETERS["organisation"]
        )
    },
    "sources": {
        "wanted": _listing_argument(
            "Source id: show it with every fact that cites it.", COMPLETERS["source"]
        )
    },
    "timeline": {
        "start": typer.Option("--from", metavar="DATE", help="From DATE (a year, month or day)."),
        "end": typer.Option("--to", metavar="DATE", help="Up to DATE (a year, month or day)."),
        "town": typer.Option(
            metavar="NAME", help="Only entries about this town.", autocompletion=complete_town
        ),
        "group": typer.Option(
            metavar="NAME", help="Only entries about this group.", autocompletion=complete_group
        ),
        "kind": typer.Option(
            "--kind",
            metavar="KIND",
            help="Only this kind of entry; repeat for more.",
            autocompletion=COMPLETERS["kind"],
        ),
        "chart": typer.Option("--chart", help="Draw the entries on a decade axis instead."),
    },
    "growth": {
        "towns": typer.Argument(
            metavar="[TOWN]...",
            help="Only these towns (id, name, alias or municipality), in this order.",
            autocompletion=complete_town,
            show_default=False,
        ),
        "chart": typer.Option("--chart", help="Draw the municipal series on the terminal instead."),
        "log": typer.Option("--log", help="With --chart: a log scale (equal steps, equal factors)"),
    },
    "report": {
        "fmt": typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="md or html (default: from the --output extension, else md).",
            show_default=False,
        ),
        "no_pager": typer.Option(
            "--no-pager", help="On a terminal, print the rendered report without a pager."
        ),
    },
    "summarise": {"by": typer.Option(case_sensitive=False, help="Group the towns by this.")},
    "validate": {
        "file": typer.Argument(metavar="[FILE]", help="Data file to check (default: as --data)."),
        "fmt": typer.Option("--format", "-f", case_sensitive=False, help="Report format."),
    },
    "export": {
        "fmt": typer.Option(
            "--format",
            "-f",
            case_sensitive=False,
            help="toml, json, csv, geojson or sqlite (default: from the --output extension, "
            "else toml).",
            show_default=False,
        ),
    },
    "schema": {
        "generate": typer.Option("--generate", help="Generate it from the code instead (slower).")
    },
    "completion": {
        "shell": typer.Argument(case_sensitive=False, metavar="SHELL", help="bash, zsh or fish.")
    },
}
"""Each command's own parameters, by command and parameter name."""


def _declare(command_name: str, runner: run.Runner) -> None:
    """Register the typer command ``command_name`` for ``runner``: its signature and metadata."""
    own = OWN.get(runner.name, {})
    signature = inspect.signature(runner.function, eval_str=True)
    declared = [
        inspect.Parameter(
            name,
            inspect.Parameter.KEYWORD_ONLY,
            default=None,
            annotation=Annotated[kind | None, options.FILTERS[name]],
        )
        for name, kind in (FILTERS if runner.filters else ())
    ]
    for name, parameter in signature.parameters.items():
        if name == "where" and runner.filters:
            continue
        metadata = own.get(name, options.SHARED.get(name))
        if metadata is None:
            raise TypeError(f"{runner.name}: no command-line metadata for {name!r}")
        declared.append(
            parameter.replace(
                kind=inspect.Parameter.KEYWORD_ONLY,
                annotation=Annotated[parameter.annotation, metadata],
            )
        )

    takes_data = "data" in signature.parameters

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
