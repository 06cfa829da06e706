"""The newtowns command: options, the one error boundary, format and stream choice. Nothing else."""

from __future__ import annotations

import dataclasses
import datetime
import enum
import json
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Annotated, Any, Generic, NoReturn, TypeVar

import typer
from typer.core import TyperGroup

from newtowns_cli import __version__, store
from newtowns_cli.errors import DataInvalidError, ExitCode, NewtownsError, UsageError
from newtowns_cli.render import Format
from newtowns_cli.render.text import terminal_safe, visible

if TYPE_CHECKING:
    from newtowns_cli.query import Catalog
    from newtowns_cli.render.detail import Detail
    from newtowns_cli.render.records import Column, Table

ENV_DATA = "NEWTOWNS_DATA"
T = TypeVar("T")


class _Boundary(TyperGroup):
    """Turns every expected error into one clear stderr message and its exit code."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except NewtownsError as exc:
            _report(exc)
            raise typer.Exit(int(exc.exit_code)) from None
        except KeyboardInterrupt:
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None
        except BrokenPipeError:
            _silence_stdout()
            raise typer.Exit(int(ExitCode.OK)) from None


app = typer.Typer(
    cls=_Boundary,
    name="newtowns",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Status(enum.StrEnum):
    GROEIKERN = "groeikern"
    GROEISTAD = "groeistad"


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
        help="Output format (default: table on a terminal, tsv in a pipe).",
        show_default=False,
    ),
]
FieldsOption = Annotated[
    str | None,
    typer.Option(
        "--fields",
        metavar="A,B,…",
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


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"newtowns {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Query the sourced data set about the Dutch New Towns (groeikernen).

    Data goes to stdout, messages to stderr. Exit codes: 0 success, 1 invalid data,
    2 usage error, 3 not found, 130 interrupted.
    """


@app.command("list")
def list_towns(
    region: Annotated[
        str | None, typer.Option(help="In this regional cooperation (id, name or alias, e.g. MRA).")
    ] = None,
    group: Annotated[
        str | None, typer.Option(help="Member of this group (id, name or alias).")
    ] = None,
    province: Annotated[str | None, typer.Option(help="In this province.")] = None,
    status: Annotated[
        Status | None, typer.Option(case_sensitive=False, help="groeikern or groeistad.")
    ] = None,
    relieves: Annotated[
        str | None, typer.Option(metavar="CITY", help="Took the overflow of this city.")
    ] = None,
    designated_from: Annotated[
        int | None, typer.Option(metavar="YEAR", help="First designated in or after YEAR.")
    ] = None,
    designated_to: Annotated[
        int | None, typer.Option(metavar="YEAR", help="First designated in or before YEAR.")
    ] = None,
    min_population: Annotated[
        int | None, typer.Option(metavar="N", help="Latest population at least N.")
    ] = None,
    max_population: Annotated[
        int | None, typer.Option(metavar="N", help="Latest population at most N.")
    ] = None,
    member_as_of: Annotated[
        str | None,
        typer.Option(
            metavar="DATE",
            help="With --group/--region: member on DATE (YYYY, YYYY-MM or YYYY-MM-DD).",
        ),
    ] = None,
    search: Annotated[
        str | None, typer.Option(metavar="TEXT", help="TEXT in id, name, alias or municipality.")
    ] = None,
    sort: SortOption = None,
    reverse: ReverseOption = False,
    limit: LimitOption = None,
    fields: FieldsOption = None,
    fmt: FormatOption = None,
    data: DataOption = None,
    no_color: NoColorOption = False,
) -> None:
    """List the New Towns, one row per town; filters combine (AND).

    Example: newtowns list --region MRA --sort population --reverse --format json
    """
    from newtowns_cli import query
    from newtowns_cli.render import records

    columns = _columns(records.TOWN_COLUMNS, fields, records.DEFAULT_TOWN_FIELDS, fmt, no_color)
    catalog = _catalog(data)
    where = query.TownFilter(
        region=region, group=group, province=province, status=status, relieves=relieves,
        designated_from=designated_from, designated_to=designated_to,
        min_population=min_population, max_population=max_population,
        member_as_of=_date_option(member_as_of, "--member-as-of"), search=search,
    )  # fmt: skip
    towns = _order(
        catalog, query.select_towns(catalog, where), records.TOWN_COLUMNS, sort, reverse, limit
    )
    _emit_table(records.build(catalog, towns, columns), fmt, no_color, noun="towns")


@app.command()
def show(
    town: Annotated[
        str,
        typer.Argument(
            metavar="TOWN", help="Town id, name, alias or municipality (e.g. Nissewaard)."
        ),
    ],
    fmt: FormatOption = None,
    data: DataOption = None,
    no_color: NoColorOption = False,
) -> None:
    """Show every fact about one town, with the source behind each figure.

    Example: newtowns show nissewaard --format md
    """
    from newtowns_cli import query
    from newtowns_cli.render import views

    catalog = _catalog(data)
    _emit_detail(views.town(catalog, query.find_town(catalog, town)), fmt, no_color)


@app.command()
def groups(
    group: Annotated[
        str | None,
        typer.Argument(metavar="[ID]", help="Group id, name or alias: show it with its members."),
    ] = None,
    sort: SortOption = None,
    reverse: ReverseOption = False,
    limit: LimitOption = None,
    fields: FieldsOption = None,
    fmt: FormatOption = None,
    data: DataOption = None,
    no_color: NoColorOption = False,
) -> None:
    """List the alliances, networks, programmes and regions, or show one with its members.

    Example: newtowns groups "New Towns Alliantie"
    """
    from newtowns_cli import query
    from newtowns_cli.render import records, views

    _listing(
        Listing(
            records.GROUP_COLUMNS,
            records.DEFAULT_GROUP_FIELDS,
            lambda c: c.dataset.group,
            lambda c, v: views.group(c, query.find_group(c, v)),
            "groups",
        ),
        group,
        sort,
        reverse,
        limit,
        fields,
        fmt,
        data,
        no_color,
    )


@app.command()
def research(
    study: Annotated[
        str | None, typer.Argument(metavar="[ID]", help="Research id or title: show it in full.")
    ] = None,
    sort: SortOption = None,
    reverse: ReverseOption = False,
    limit: LimitOption = None,
    fields: FieldsOption = None,
    fmt: FormatOption = None,
    data: DataOption = None,
    no_color: NoColorOption = False,
) -> None:
    """List the research about the New Towns, or show one study with its findings.

    Example: newtowns research zorgen-voor-new-towns
    """
    from newtowns_cli import query
    from newtowns_cli.render import records, views

    _listing(
        Listing(
            records.RESEARCH_COLUMNS,
            records.DEFAULT_RESEARCH_FIELDS,
            lambda c: c.dataset.research,
            lambda c, v: views.research(c, query.find_research(c, v)),
            "studies",
        ),
        study,
        sort,
        reverse,
        limit,
        fields,
        fmt,
        data,
        no_color,
    )


@app.command()
def organisations(
    organisation: Annotated[
        str | None,
        typer.Argument(metavar="[ID]", help="Organisation id, name or alias: show it in full."),
    ] = None,
    sort: SortOption = None,
    reverse: ReverseOption = False,
    limit: LimitOption = None,
    fields: FieldsOption = None,
    fmt: FormatOption = None,
    data: DataOption = None,
    no_color: NoColorOption = False,
) -> None:
    """List the ministries, institutes and bureaus involved, or show one in full.

    Example: newtowns organisations platform31
    """
    from newtowns_cli import query
    from newtowns_cli.render import records, views

    _listing(
        Listing(
            records.ORGANISATION_COLUMNS,
            records.DEFAULT_ORGANISATION_FIELDS,
            lambda c: c.dataset.organisation,
            lambda c, v: views.organisation(c, query.find_organisation(c, v)),
            "organisations",
        ),
        organisation,
        sort,
        reverse,
        limit,
        fields,
        fmt,
        data,
        no_color,
    )


@app.command()
def sources(
    source: Annotated[
        str | None,
        typer.Argument(metavar="[ID]", help="Source id: show it with every fact that cites it."),
    ] = None,
    sort: SortOption = None,
    reverse: ReverseOption = False,
    limit: LimitOption = None,
    fields: FieldsOption = None,
    fmt: FormatOption = None,
    data: DataOption = None,
    no_color: NoColorOption = False,
) -> None:
    """List the sources, or show one with every fact that cites it.

    Example: newtowns sources mra-2023-12-04
    """
    from newtowns_cli import query
    from newtowns_cli.render import records, views

    _listing(
        Listing(
            records.SOURCE_COLUMNS,
            records.DEFAULT_SOURCE_FIELDS,
            lambda c: c.dataset.source,
            lambda c, v: views.source(c, query.find_source(c, v)),
            "sources",
        ),
        source,
        sort,
        reverse,
        limit,
        fields,
        fmt,
        data,
        no_color,
    )


@app.command()
def validate(
    file: Annotated[
        str | None,
        typer.Argument(metavar="[FILE]", help="Data file to check (default: as --data)."),
    ] = None,
    fmt: Annotated[
        ReportFormat,
        typer.Option("--format", "-f", case_sensitive=False, help="Report format."),
    ] = ReportFormat.TEXT,
    data: DataOption = None,
) -> None:
    """Check a data file and report every problem as file:line:col: path: message.

    Exit 0 when the file is valid, 1 when it has problems.
    Example: newtowns validate data/newtowns.toml --format json
    """
    target = store.locate(file if file is not None else data, os.environ.get(ENV_DATA))
    dataset, problems = store.inspect(target, today=datetime.date.today())
    if fmt is ReportFormat.JSON:
        keys = ("file", "line", "column", "path", "code", "message")
        report = [{key: getattr(problem, key) for key in keys} for problem in problems]
        _write(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    else:
        _write("".join(visible(str(problem)) + "\n" for problem in problems))
    if dataset is None:
        noun = "problem" if len(problems) == 1 else "problems"
        _note(f"{target.label}: {len(problems)} {noun}", always=True)
        raise typer.Exit(int(ExitCode.DATA))
    counts = ", ".join(f"{len(getattr(dataset, t))} {t}s" for t in ("town", "group", "source"))
    _note(f"{target.label}: valid ({counts})", always=True)


# -- shared steps ----------------------------------------------------------------------------


def _catalog(data: str | None) -> Catalog:
    from newtowns_cli.query import Catalog

    target = store.locate(data, os.environ.get(ENV_DATA))
    return Catalog.of(store.load(target, today=datetime.date.today()))


def _date_option(value: str | None, option: str) -> Any:
    if value is None:
        return None
    from newtowns_cli.dates import PartialDate

    try:
        return PartialDate.parse(value)
    except ValueError as exc:
        hint = "write a year, a month or a day: 2022, 2022-11 or 2022-11-28"
        raise UsageError(f"invalid value for {option}: {exc}", hint=hint) from None


def _columns(
    columns: Sequence[Column[T]],
    fields: str | None,
    default: Sequence[str],
    fmt: Format | None,
    no_color: bool,
) -> tuple[Column[T], ...]:
    """The columns --fields asks for; 'help', '?' or an empty value lists them and exits 0."""
    from newtowns_cli.render import records

    if fields is not None and fields.strip(" ,") in ("", "help", "?"):
        _emit_table(records.field_help(columns), fmt, no_color, noun="fields")
        raise typer.Exit(0)
    return records.pick(columns, fields, default)


def _order(
    catalog: Catalog,
    items: list[T],
    columns: Sequence[Column[T]],
    sort: str | None,
    reverse: bool,
    limit: int | None,
) -> list[T]:
    from newtowns_cli.render import records

    if sort is not None:
        items = records.sort_items(
            catalog, items, records.pick(columns, sort, ())[0], reverse=reverse
        )
    elif reverse:
        items = items[::-1]
    return items if limit is None else items[:limit]


@dataclasses.dataclass(frozen=True)
class Listing(Generic[T]):
    """What a listing command lists: its columns, its items, and how to show one in full."""

    columns: Sequence[Column[T]]
    default: Sequence[str]
    items: Callable[[Catalog], Sequence[T]]
    detail: Callable[[Catalog, str], Detail]
    noun: str


def _listing(
    listing: Listing[T],
    wanted: str | None,
    sort: str | None,
    reverse: bool,
    limit: int | None,
    fields: str | None,
    fmt: Format | None,
    data: str | None,
    no_color: bool,
) -> None:
    """A listing command: every item as rows, or with an argument one item in full."""
    from newtowns_cli.render import records

    chosen = _columns(listing.columns, fields, listing.default, fmt, no_color)
    catalog = _catalog(data)
    if wanted is not None:
        _emit_detail(listing.detail(catalog, wanted), fmt, no_color)
        return
    rows = _order(catalog, list(listing.items(catalog)), listing.columns, sort, reverse, limit)
    _emit_table(records.build(catalog, rows, chosen), fmt, no_color, noun=listing.noun)


def _emit_table(table: Table, fmt: Format | None, no_color: bool, *, noun: str) -> None:
    from newtowns_cli.render import render

    chosen = _format(fmt)
    if not table.rows:
        _note(f"no {noun} match")
        if chosen is Format.TABLE:
            return
    _write_data(render(table, chosen, width=_width(), color=_color(no_color)), chosen)


def _emit_detail(detail: Detail, fmt: Format | None, no_color: bool) -> None:
    from newtowns_cli.render import render_detail

    chosen = _format(fmt)
    _write_data(render_detail(detail, chosen, width=_width(), color=_color(no_color)), chosen)


def _format(fmt: Format | None) -> Format:
    """--format if given; else a table on a terminal and TSV in a pipe (we decide, not rich)."""
    return fmt or (Format.TABLE if sys.stdout.isatty() else Format.TSV)


def _color(no_color: bool) -> bool:
    """Colour only on a terminal, and never with --no-color, NO_COLOR or TERM=dumb."""
    return (
        not no_color
        and sys.stdout.isatty()
        and not os.environ.get("NO_COLOR")
        and os.environ.get("TERM") != "dumb"
    )


def _width() -> int:
    return max(40, shutil.get_terminal_size().columns)


def _write_data(text: str, fmt: Format) -> None:
    """Data on stdout; on a terminal, control characters in machine formats are shown escaped."""
    if fmt is not Format.TABLE and sys.stdout.isatty():
        text = terminal_safe(text)
    _write(text)


def _write(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def _note(message: str, *, always: bool = False) -> None:
    """A message for people on stderr; unless ``always``, only when stderr is a terminal."""
    if always or sys.stderr.isatty():
        sys.stderr.write(visible(message) + "\n")


def _report(exc: NewtownsError) -> None:
    lines = [str(problem) for problem in exc.problems] if isinstance(exc, DataInvalidError) else []
    lines.append(f"newtowns: error: {exc.message}")
    if exc.hint:
        lines.append(f"newtowns: hint: {exc.hint}")
    sys.stderr.write("".join(visible(line) + "\n" for line in lines))


def _silence_stdout() -> None:
    """After a closed pipe, point stdout at /dev/null so the final flush cannot fail."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    finally:
        os.close(devnull)


def main() -> NoReturn:
    """Console-script entry point."""
    code: int | str | None
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
        _silence_stdout()
    sys.exit(code)
