"""The newtowns command: options, the one error boundary, format and stream choice. Nothing else."""

from __future__ import annotations

import datetime
import enum
import json
import os
import shutil
import sys
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from newtowns_cli import __version__, store
from newtowns_cli.errors import DataInvalidError, ExitCode, NewtownsError
from newtowns_cli.render import Format, render
from newtowns_cli.render.text import visible

ENV_DATA = "NEWTOWNS_DATA"


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
    help="Query the sourced data set about the Dutch New Towns (groeikernen).",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

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
        "--fields", metavar="A,B,…", help="Columns to show, in order; 'all' for every column."
    ),
]
NoColorOption = Annotated[bool, typer.Option("--no-color", help="Never use colour.")]


class ReportFormat(enum.StrEnum):
    TEXT = "text"
    JSON = "json"


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
        str | None,
        typer.Option(help="Only towns in this regional cooperation (id, name or alias, e.g. MRA)."),
    ] = None,
    fields: FieldsOption = None,
    fmt: FormatOption = None,
    data: DataOption = None,
    no_color: NoColorOption = False,
) -> None:
    """List the New Towns, one row per town.

    Example: newtowns list --region MRA --format json
    """
    from newtowns_cli.query import Catalog, select_towns
    from newtowns_cli.render.records import DEFAULT_TOWN_FIELDS, TOWN_COLUMNS, pick, town_table

    columns = pick(TOWN_COLUMNS, fields, DEFAULT_TOWN_FIELDS)
    catalog = Catalog.of(_load(data))
    towns = select_towns(catalog, region=region)
    _emit_table(town_table(catalog, towns, columns), fmt, no_color=no_color, noun="towns")


@app.command()
def validate(
    file: Annotated[
        str | None,
        typer.Argument(metavar="[FILE]", help="Data file to check (default: as --data)."),
    ] = None,
    fmt: Annotated[
        ReportFormat, typer.Option("--format", "-f", case_sensitive=False, help="Report format.")
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
        records = [
            {
                "file": p.file,
                "line": p.line,
                "column": p.column,
                "path": p.path,
                "code": p.code,
                "message": p.message,
            }
            for p in problems
        ]
        _write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    else:
        _write("".join(visible(str(problem)) + "\n" for problem in problems))
    if dataset is None:
        noun = "problem" if len(problems) == 1 else "problems"
        _note(f"{target.label}: {len(problems)} {noun}", always=True)
        raise typer.Exit(int(ExitCode.DATA))
    counts = ", ".join(f"{len(getattr(dataset, t))} {t}s" for t in ("town", "group", "source"))
    _note(f"{target.label}: valid ({counts})", always=True)


def _load(data: str | None) -> Any:
    return store.load(store.locate(data, os.environ.get(ENV_DATA)), today=datetime.date.today())


def _emit_table(table: Any, fmt: Format | None, *, no_color: bool, noun: str) -> None:
    chosen = fmt or (Format.TABLE if sys.stdout.isatty() else Format.TSV)
    if not table.rows:
        _note(f"no {noun} match")
        if chosen is Format.TABLE:
            return
    _write(render(table, chosen, width=_width(), color=_color(no_color)))


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
