"""Where output goes: the format, colour and width, stdout or an atomic file, notes on stderr."""

from __future__ import annotations

import dataclasses
import datetime
import os
import pathlib
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeVar

from newtowns_cli import store
from newtowns_cli.cli.params import ENV_DATA
from newtowns_cli.errors import DataInvalidError, NewtownsError, OutputError
from newtowns_cli.render import Format
from newtowns_cli.render.text import terminal_safe, visible

if TYPE_CHECKING:
    from newtowns_cli.query import Catalog
    from newtowns_cli.render.detail import Detail
    from newtowns_cli.render.records import Column, Table

T = TypeVar("T")
SUFFIXES = {
    ".tsv": Format.TSV,
    ".tab": Format.TSV,
    ".csv": Format.CSV,
    ".json": Format.JSON,
    ".jsonl": Format.JSONL,
    ".ndjson": Format.JSONL,
    ".md": Format.MD,
    ".markdown": Format.MD,
    ".txt": Format.TABLE,
}


@dataclasses.dataclass(frozen=True)
class Out:
    """How a command's output is to be written, from its --format, --output and friends."""

    fmt: Format | None = None
    no_color: bool = False
    path: str | None = None
    force: bool = False
    data: str | None = None

    @property
    def format(self) -> Format:
        """--format; else the --output file's extension; else table on a terminal, TSV in a pipe."""
        if self.fmt is not None:
            return self.fmt
        if self.path is not None:
            return SUFFIXES.get(pathlib.Path(self.path).suffix.lower(), Format.TSV)
        return Format.TABLE if sys.stdout.isatty() else Format.TSV

    @property
    def to_terminal(self) -> bool:
        return self.path is None and sys.stdout.isatty()

    @property
    def color(self) -> bool:
        """Colour only on a terminal, and never with --no-color, NO_COLOR or TERM=dumb."""
        return (
            self.to_terminal
            and not self.no_color
            and not os.environ.get("NO_COLOR")
            and os.environ.get("TERM") != "dumb"
        )

    @property
    def width(self) -> int:
        import shutil  # only the terminal table needs it

        return max(40, shutil.get_terminal_size().columns)


def data_file(data: str | None) -> store.DataFile:
    return store.locate(data, os.environ.get(ENV_DATA))


def catalog(data: str | None) -> Catalog:
    from newtowns_cli.query import Catalog

    target = data_file(data)
    return Catalog.of(store.load(target, today=datetime.date.today(), cache=cache_folder()))


def cache_folder() -> pathlib.Path | None:
    """Where validated data is cached (None: no cache); see cache.folder_for."""
    from newtowns_cli.cache import folder_for

    return folder_for(os.environ)


def columns(
    available: Sequence[Column[T]], fields: str | None, default: Sequence[str], out: Out
) -> tuple[Column[T], ...]:
    """The columns --fields asks for; 'help', '?' or an empty value lists them and exits 0."""
    from newtowns_cli.render import records

    if fields is not None and fields.strip(" ,") in ("", "help", "?"):
        table(records.field_help(available), out, noun="fields")
        raise SystemExit(0)
    return records.pick(available, fields, default)


def table(rows: Table, out: Out, *, noun: str, wrap: bool = False) -> None:
    """Rows in the chosen format; an empty result is a note on a terminal, not an error."""
    from newtowns_cli.render import render

    chosen = out.format
    if not rows.rows:
        note(f"no {noun} match")
        if chosen is Format.TABLE and out.path is None:
            return
    width = out.width if chosen is Format.TABLE else 80  # only the table has a width
    deliver(render(rows, chosen, width=width, color=out.color, wrap=wrap), out)


def detail(shown: Detail, out: Out) -> None:
    from newtowns_cli.render import render_detail

    deliver(render_detail(shown, out.format, width=out.width, color=out.color), out)


def deliver(text: str, out: Out) -> None:
    """To the --output file (atomically, never over the data file), else to stdout."""
    if out.path is not None:
        from newtowns_cli.output import write_atomic

        path = pathlib.Path(out.path)
        write_atomic(path, text, force=out.force, protect=[data_file(out.data).path])
        note(f"wrote {path}")
        return
    if out.format is not Format.TABLE and sys.stdout.isatty():
        text = terminal_safe(text)
    write(text)


def write(text: str) -> None:
    """Data on stdout; a closed pipe is not an error, a full disk is."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise stdout_error(exc) from None


def stdout_error(exc: OSError) -> OutputError:
    """A failed write to stdout (a full disk, a closed descriptor) as one clear error."""
    reason = (exc.strerror or str(exc)).lower()
    return OutputError(f"cannot write to standard output: {reason}")


def note(message: str, *, always: bool = False) -> None:
    """A message for people on stderr; unless ``always``, only when stderr is a terminal."""
    if always or sys.stderr.isatty():
        sys.stderr.write(visible(message) + "\n")


def report(exc: NewtownsError) -> None:
    """Every located problem, then the error, then a hint: one line each, on stderr."""
    lines = [str(problem) for problem in exc.problems] if isinstance(exc, DataInvalidError) else []
    lines.append(f"newtowns: error: {exc.message}")
    if exc.hint:
        lines.append(f"newtowns: hint: {exc.hint}")
    sys.stderr.write("".join(visible(line) + "\n" for line in lines))


def silence_stdout() -> None:
    """After a closed pipe, point stdout at /dev/null so the final flush cannot fail."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    finally:
        os.close(devnull)
