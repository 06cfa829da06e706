"""How each option is spelled on the command line: typer's metadata, declared once.

The types and defaults come from the command functions in run.py; commands.py joins
the two into the signatures typer reads.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import typer
from typer._click import types as click_types  # typer's vendored click

from newtowns_cli.cli.params import COMPLETION_KINDS, ENV_DATA

Completer = Callable[[typer.Context, str], list[tuple[str, str]]]


def _ascii_int(value: str | int) -> int:
    """int() for ASCII digits only: Python's int() also reads '٣' and '３' as 3."""
    if isinstance(value, str) and not value.isascii():
        raise ValueError(value)
    return int(value)


class AsciiInt(click_types.IntParamType):
    """click's integer, refusing non-ASCII digits with click's own message (exit 2)."""

    _number_class = staticmethod(_ascii_int)  # type: ignore[assignment]


class AsciiIntRange(click_types.IntRange):
    """click's integer range, refusing non-ASCII digits like AsciiInt."""

    _number_class = staticmethod(_ascii_int)  # type: ignore[assignment]


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
COMPLETIONS = {completer: kind for kind, completer in COMPLETERS.items()}
"""What the fast path completes for each function (compiler.py writes it down)."""
complete_town = COMPLETERS["town"]
complete_group = COMPLETERS["group"]


DATA = typer.Option(
    "--data",
    metavar="FILE",
    help=f"Data file to read (default: as given before the command, else ${ENV_DATA}, "
    "else the bundled data).",
    show_default=False,
)
ROOT_DATA = typer.Option(
    "--data",
    metavar="FILE",
    help=f"Data file every command reads (default: ${ENV_DATA}, else the bundled data); "
    "a command's own --data wins.",
    show_default=False,
)
FORMAT = typer.Option(
    "--format",
    "-f",
    case_sensitive=False,
    help="Output format (default: from the --output extension, else table on a terminal "
    "and tsv in a pipe).",
    show_default=False,
)
FIELDS = typer.Option(
    "--fields",
    metavar="A,B,…",
    autocompletion=COMPLETERS["fields"],
    help="Columns to show, in order; 'all' for every column, 'help' to list them.",
)
SORT = typer.Option(
    "--sort", metavar="FIELD", autocompletion=COMPLETERS["sort"], help="Sort by this column."
)
REVERSE = typer.Option("--reverse", help="Reverse the sort order.")
LIMIT = typer.Option(
    "--limit", click_type=AsciiIntRange(min=0), metavar="N", help="Show at most N rows."
)
NO_COLOR = typer.Option("--no-color", help="Never use colour.")
OUTPUT = typer.Option(
    "--output",
    "-o",
    metavar="FILE",
    help="Write to FILE instead of stdout, atomically; never over the data file.",
)
FORCE = typer.Option("--force", help="Let --output replace a file.")

SHARED: dict[str, Any] = {
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

FILTERS: dict[str, Any] = {
    "region": typer.Option(
        metavar="NAME",
        help="In this regional cooperation (id, name or alias, e.g. MRA).",
        autocompletion=COMPLETERS["region"],
    ),
    "group": typer.Option(
        metavar="NAME",
        help="Member of this group (id, name or alias).",
        autocompletion=complete_group,
    ),
    "province": typer.Option(
        metavar="NAME",
        help="In this province (name, or code: ZH or NL-ZH).",
        autocompletion=COMPLETERS["province"],
    ),
    "status": typer.Option(case_sensitive=False, help="groeikern or groeistad."),
    "relieves": typer.Option(metavar="CITY", help="Took the overflow of this city."),
    "designated_from": typer.Option(
        click_type=AsciiInt(), metavar="YEAR", help="First designated in or after YEAR."
    ),
    "designated_to": typer.Option(
        click_type=AsciiInt(), metavar="YEAR", help="First designated in or before YEAR."
    ),
    "min_population": typer.Option(
        click_type=AsciiInt(), metavar="N", help="Latest population at least N."
    ),
    "max_population": typer.Option(
        click_type=AsciiInt(), metavar="N", help="Latest population at most N."
    ),
    "member_as_of": typer.Option(
        metavar="DATE", help="With --group or --region: member on DATE (2022, 2022-11 …)."
    ),
    "search": typer.Option(metavar="TEXT", help="TEXT in id, name, alias or municipality."),
}
"""The town filters (params.FILTERS), in that order."""
