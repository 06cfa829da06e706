"""How each option is spelled on the command line: our own declarations, declared once.

An ``Opt`` says how a parameter of a command function in run.py is spelled (its option
names, or that it is an argument), its metavar, help, completion and range; the type
and default come from the function itself. table.py joins the two into the one table
that both the typer app (commands.py) and the fast path's compiled.json (compiler.py)
are built from. Nothing here is a typer class.
"""

from __future__ import annotations

from collections.abc import Callable

import typer

from newtowns_cli.cli.params import COMPLETION_KINDS, ENV_DATA
from newtowns_cli.frozen import Frozen

Completer = Callable[[typer.Context, str], list[tuple[str, str]]]


class Opt(Frozen):
    """One option or argument as the command line spells it.

    ``opts``: its spellings (default: ``--name`` from the parameter's name); ``argument``:
    a positional argument instead; ``complete``: what a Tab press completes it to (a kind
    of complete.candidates); ``min``: the smallest integer it takes. Choices are the values
    of the Enum the function's annotation names; integers take ASCII digits only.
    """

    opts: tuple[str, ...] = ()
    metavar: str | None = None
    help: str | None = None
    complete: str | None = None
    case_sensitive: bool = True
    show_default: bool = True
    min: int | None = None
    argument: bool = False

    def __post_init__(self) -> None:
        if self.complete is not None and self.complete not in COMPLETION_KINDS:
            raise ValueError(f"unknown completion kind {self.complete!r}")


def option(
    *opts: str,
    metavar: str | None = None,
    help: str | None = None,
    complete: str | None = None,
    case_sensitive: bool = True,
    show_default: bool = True,
    min: int | None = None,
) -> Opt:
    """An option spelled ``opts`` (none: ``--name``)."""
    return Opt(opts, metavar, help, complete, case_sensitive, show_default, min)


def argument(
    *,
    metavar: str | None = None,
    help: str | None = None,
    complete: str | None = None,
    case_sensitive: bool = True,
) -> Opt:
    """A positional argument."""
    return Opt((), metavar, help, complete, case_sensitive, argument=True)


def _completer(kind: str) -> Completer:
    """The completion function of ``kind`` (see complete.candidates) for typer."""

    def completer(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
        from newtowns_cli import complete

        command = ctx.command.name if ctx is not None and ctx.command is not None else ""
        by = ctx.params.get("by") if ctx is not None else None
        return complete.candidates(
            kind, incomplete, command=command or "", data=_data(ctx), by=by and str(by)
        )

    completer.__name__ = completer.__qualname__ = f"complete_{kind}"
    return completer


def _data(ctx: typer.Context | None) -> str | None:
    """The --data given after the command, else before it (as root_data)."""
    given = ctx.params.get("data") if ctx is not None else None
    if isinstance(given, str):
        return given
    return root_data(ctx)


def root_data(ctx: typer.Context | None) -> str | None:
    """The --data given before the command: `newtowns --data FILE COMMAND`."""
    root = ctx.find_root() if ctx is not None else None
    given = root.params.get("data") if root is not None else None
    return given if isinstance(given, str) else None


COMPLETERS: dict[str, Completer] = {kind: _completer(kind) for kind in COMPLETION_KINDS}
"""The function typer calls on a Tab press for each kind of Opt.complete."""


DATA = option(
    "--data",
    metavar="FILE",
    help=f"Data file to read (default: as given before the command, else ${ENV_DATA}, "
    "else the bundled data).",
    show_default=False,
)
ROOT_DATA = option(
    "--data",
    metavar="FILE",
    help=f"Data file every command reads (default: ${ENV_DATA}, else the bundled data); "
    "a command's own --data wins.",
    show_default=False,
)
FORMAT = option(
    "--format",
    "-f",
    case_sensitive=False,
    help="Output format (default: from the --output extension, else table on a terminal "
    "and tsv in a pipe).",
    show_default=False,
)
FIELDS = option(
    "--fields",
    metavar="A,B,…",
    complete="fields",
    help="Columns to show, in order; 'all' for every column, 'help' to list them.",
)
SORT = option("--sort", metavar="FIELD", complete="sort", help="Sort by this column.")
REVERSE = option("--reverse", help="Reverse the sort order.")
LIMIT = option("--limit", min=0, metavar="N", help="Show at most N rows.")
NO_COLOR = option("--no-color", help="Never use colour.")
OUTPUT = option(
    "--output",
    "-o",
    metavar="FILE",
    help="Write to FILE instead of stdout, atomically; never over the data file.",
)
FORCE = option("--force", help="Let --output replace a file.")

SHARED: dict[str, Opt] = {
    "sort": SORT,
    "reverse": REVERSE,
    "limit": LIMIT,
    "fields": FIELDS,
    "fmt": FORMAT,
    "output": OUTPUT,
    "force": FORCE,
    "data": DATA,
    "no_color": NO_COLOR,
}
"""The options several commands share, by parameter name."""

FILTERS: dict[str, Opt] = {
    "region": option(
        metavar="NAME",
        help="In this regional cooperation (id, name or alias, e.g. MRA).",
        complete="region",
    ),
    "group": option(
        metavar="NAME",
        help="Member of this group (id, name or alias).",
        complete="group",
    ),
    "province": option(
        metavar="NAME",
        help="In this province (name, or code: ZH or NL-ZH).",
        complete="province",
    ),
    "status": option(case_sensitive=False, help="groeikern or groeistad."),
    "relieves": option(metavar="CITY", help="Took the overflow of this city."),
    "designated_from": option(metavar="YEAR", help="First designated in or after YEAR."),
    "designated_to": option(metavar="YEAR", help="First designated in or before YEAR."),
    "min_population": option(min=0, metavar="N", help="Latest population at least N."),
    "max_population": option(min=0, metavar="N", help="Latest population at most N."),
    "member_as_of": option(
        metavar="DATE", help="With --group or --region: member on DATE (2022, 2022-11 …)."
    ),
    "search": option(metavar="TEXT", help="TEXT in id, name, alias or municipality."),
}
"""The town filters (params.FILTERS), in that order."""


def _listing_argument(help: str, complete: str) -> Opt:
    return argument(metavar="ID", help=help, complete=complete)


OWN: dict[str, dict[str, Opt]] = {
    "show": {
        "town": argument(
            metavar="TOWN",
            help="Town id, name, alias or municipality (e.g. Nissewaard).",
            complete="town",
        ),
    },
    "groups": {
        "wanted": _listing_argument("Group id, name or alias: show it with its members.", "group")
    },
    "research": {"wanted": _listing_argument("Research id or title: show it in full.", "research")},
    "organisations": {
        "wanted": _listing_argument(
            "Organisation id, name or alias: show it in full.", "organisation"
        )
    },
    "sources": {
        "wanted": _listing_argument("Source id: show it with every fact that cites it.", "source")
    },
    "timeline": {
        "start": option("--from", metavar="DATE", help="From DATE (a year, month or day)."),
        "end": option("--to", metavar="DATE", help="Up to DATE (a year, month or day)."),
        "town": option(metavar="NAME", help="Only entries about this town.", complete="town"),
        "group": option(metavar="NAME", help="Only entries about this group.", complete="group"),
        "kind": option(
            "--kind",
            metavar="KIND",
            help="Only this kind of entry; repeat for more.",
            complete="kind",
        ),
        "chart": option("--chart", help="Draw the entries on a decade axis instead."),
    },
    "growth": {
        "towns": argument(
            metavar="TOWN",
            help="Only these towns (id, name, alias or municipality), in this order.",
            complete="town",
        ),
        "chart": option("--chart", help="Draw the municipal series on the terminal instead."),
        "log": option("--log", help="With --chart: a log scale (equal steps, equal factors)"),
    },
    "report": {
        "fmt": option(
            "--format",
            "-f",
            case_sensitive=False,
            help="md or html (default: from the --output extension, else md).",
            show_default=False,
        ),
        "no_pager": option(
            "--no-pager", help="On a terminal, print the rendered report without a pager."
        ),
    },
    "summarise": {"by": option(case_sensitive=False, help="Group the towns by this.")},
    "validate": {
        "file": argument(metavar="FILE", help="Data file to check (default: as --data)."),
        "fmt": option("--format", "-f", case_sensitive=False, help="Report format."),
    },
    "export": {
        "fmt": option(
            "--format",
            "-f",
            case_sensitive=False,
            help="toml, json, csv, geojson or sqlite (default: from the --output extension, "
            "else toml).",
            show_default=False,
        ),
    },
    "schema": {
        "generate": option("--generate", help="Generate it from the code instead (slower).")
    },
    "completion": {
        "shell": argument(case_sensitive=False, metavar="SHELL", help="bash, zsh or fish.")
    },
}
"""Each command's own parameters, by command and parameter name (before SHARED)."""
