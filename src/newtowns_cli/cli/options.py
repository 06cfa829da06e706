"""Options shared by several commands, declared once."""

from __future__ import annotations

import enum
import functools
import inspect
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer

from newtowns_cli.errors import UsageError
from newtowns_cli.render import Format

ENV_DATA = "NEWTOWNS_DATA"
F = TypeVar("F", bound=Callable[..., None])


class Status(enum.StrEnum):
    GROEIKERN = "groeikern"
    GROEISTAD = "groeistad"


class By(enum.StrEnum):
    PROVINCE = "province"
    REGION = "region"
    GROUP = "group"
    STATUS = "status"
    DECADE = "decade"
    RELIEVES = "relieves"


class ExportFormat(enum.StrEnum):
    TOML = "toml"
    JSON = "json"
    CSV = "csv"
    GEOJSON = "geojson"
    SQLITE = "sqlite"


class Shell(enum.StrEnum):
    BASH = "bash"
    ZSH = "zsh"
    FISH = "fish"


class ReportFormat(enum.StrEnum):
    TEXT = "text"
    JSON = "json"


DataOption = Annotated[
    str | None,
    typer.Option(
        "--data",
        metavar="FILE",
        help=f"Data file to read (default: ${ENV_DATA}, else the bundled data).",
        show_default=False,
    ),
]
FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        help="Output format (default: from the --output extension, else table on a terminal "
        "and tsv in a pipe).",
        show_default=False,
    ),
]
FieldsOption = Annotated[
    str | None,
    typer.Option(
        "--fields",
        metavar="A,B,…",
        autocompletion=lambda ctx, incomplete: complete_fields(ctx, incomplete),
        help="Columns to show, in order; 'all' for every column, 'help' to list them.",
    ),
]
SortOption = Annotated[
    str | None, typer.Option("--sort", metavar="FIELD", help="Sort by this column.")
]
ReverseOption = Annotated[bool, typer.Option("--reverse", help="Reverse the sort order.")]
LimitOption = Annotated[
    int | None, typer.Option("--limit", min=0, metavar="N", help="Show at most N rows.")
]
NoColorOption = Annotated[bool, typer.Option("--no-color", help="Never use colour.")]
OutputOption = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to FILE instead of stdout, atomically; never over the data file.",
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Let --output replace a file.")]

_FILTER_SPECS: tuple[tuple[str, type, dict[str, Any]], ...] = (
    (
        "region",
        str,
        {
            "metavar": "NAME",
            "help": "In this regional cooperation (id, name or alias, e.g. MRA).",
            "autocompletion": lambda ctx, incomplete: complete_group(ctx, incomplete),
        },
    ),
    (
        "group",
        str,
        {
            "metavar": "NAME",
            "help": "Member of this group (id, name or alias).",
            "autocompletion": lambda ctx, incomplete: complete_group(ctx, incomplete),
        },
    ),
    ("province", str, {"metavar": "NAME", "help": "In this province."}),
    ("status", Status, {"case_sensitive": False, "help": "groeikern or groeistad."}),
    ("relieves", str, {"metavar": "CITY", "help": "Took the overflow of this city."}),
    ("designated_from", int, {"metavar": "YEAR", "help": "First designated in or after YEAR."}),
    ("designated_to", int, {"metavar": "YEAR", "help": "First designated in or before YEAR."}),
    ("min_population", int, {"metavar": "N", "help": "Latest population at least N."}),
    ("max_population", int, {"metavar": "N", "help": "Latest population at most N."}),
    (
        "member_as_of",
        str,
        {"metavar": "DATE", "help": "With --group or --region: member on DATE (2022, 2022-11 …)."},
    ),
    ("search", str, {"metavar": "TEXT", "help": "TEXT in id, name, alias or municipality."}),
)
_FILTERS = [
    inspect.Parameter(
        name,
        inspect.Parameter.KEYWORD_ONLY,
        default=None,
        annotation=Annotated[kind | None, typer.Option(**options)],
    )
    for name, kind, options in _FILTER_SPECS
]


def town_filters(command: F) -> F:
    """Give a command the town filters of `list`; it receives them as ``where: TownFilter``."""
    from newtowns_cli.filters import TownFilter

    names = [parameter.name for parameter in _FILTERS]
    own = inspect.signature(command, eval_str=True).parameters.values()

    @functools.wraps(command)
    def wrapper(**kwargs: Any) -> None:
        values = {name: kwargs.pop(name) for name in names}
        values["member_as_of"] = parse_date(values["member_as_of"], "--member-as-of")
        command(where=TownFilter(**values), **kwargs)

    # click calls commands with keyword arguments only, so every parameter can be one.
    kept = [p.replace(kind=p.KEYWORD_ONLY) for p in own if p.name != "where"]
    wrapper.__signature__ = inspect.Signature([*_FILTERS, *kept])  # type: ignore[attr-defined]
    wrapper.__annotations__ = {}
    return wrapper  # type: ignore[return-value]


def parse_date(value: str | None, option: str) -> Any:
    """A PartialDate from an option value; a malformed one is a usage error."""
    if value is None:
        return None
    from newtowns_cli.dates import PartialDate

    try:
        return PartialDate.parse(value)
    except ValueError as exc:
        hint = "write a year, a month or a day: 2022, 2022-11 or 2022-11-28"
        raise UsageError(f"invalid value for {option}: {exc}", hint=hint) from None


def _data_path(ctx: typer.Context) -> Any:
    import os

    from newtowns_cli import store

    given = ctx.params.get("data") if ctx is not None else None
    return store.locate(given, os.environ.get(ENV_DATA)).path


def complete_town(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    from newtowns_cli import complete

    return complete.ids(_data_path(ctx), "town", incomplete)


def complete_group(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    from newtowns_cli import complete

    return complete.ids(_data_path(ctx), "group", incomplete)


def complete_fields(ctx: typer.Context, incomplete: str) -> list[str]:
    """Field names of the command being completed."""
    from newtowns_cli import complete
    from newtowns_cli.render import records

    by_command: dict[str, tuple[records.Column[Any], ...]] = {
        "list": records.TOWN_COLUMNS,
        "groups": records.GROUP_COLUMNS,
        "research": records.RESEARCH_COLUMNS,
        "organisations": records.ORGANISATION_COLUMNS,
        "sources": records.SOURCE_COLUMNS,
        "timeline": records.TIMELINE_COLUMNS,
        "claims": records.CLAIM_COLUMNS,
    }
    name = ctx.command.name if ctx is not None and ctx.command is not None else ""
    columns = by_command.get(name or "", records.TOWN_COLUMNS)
    return complete.fields([column.name for column in columns], incomplete)
