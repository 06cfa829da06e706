"""Where output goes: the format, colour and width, stdout or an atomic file, notes on stderr;
and the output options checked before anything is read or written."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence

from newtowns_cli.cli.spec import ENV_DATA
from newtowns_cli.cli.streams import interrupted
from newtowns_cli.model.errors import (
    DataInvalidError,
    NewtownsError,
    OutputError,
    Problem,
    UsageError,
    usage,
)
from newtowns_cli.model.frozen import Frozen
from newtowns_cli.model.i18n import N_, _, say
from newtowns_cli.reading import store
from newtowns_cli.render import PLAIN_SUFFIXES, SUFFIXES, Format
from newtowns_cli.render.listings import no_match
from newtowns_cli.render.text import terminal_safe, visible

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:
    from typing import NoReturn, TypeVar

    from newtowns_cli.questions.lookup import Catalog
    from newtowns_cli.render.detail import Detail
    from newtowns_cli.render.formats.xlsx import Book
    from newtowns_cli.render.tables import Column, Table

    T = TypeVar("T")
    F = TypeVar("F")

STDOUT = "-"
"""-o - is stdout, as if -o were not given."""


def format_of(
    path: str, known: Mapping[str, F], *, plain: str, flag: str | None = "--format"
) -> F | None:
    """The format ``path``'s extension names, one of ``known``; None for .txt and none.

    None means what a pipe gets (``plain``, for the message). Any other extension is a
    usage error naming the known ones: it is raised before anything is read or written.
    """
    import pathlib  # only with -o FILE: a listing to stdout imports no pathlib

    check_path(path)
    suffix = pathlib.PurePath(path).suffix.lower()
    if suffix in PLAIN_SUFFIXES:
        return None
    if suffix in known:
        return known[suffix]
    hint = _("known: {suffixes}; .txt or none for {plain}").format(
        suffixes=" ".join(known), plain=plain
    )
    if flag:
        hint += _("; or name the format with {option}").format(option=flag)
    message = _("-o {path}: unknown extension '{suffix}'").format(path=path, suffix=suffix)
    raise UsageError(message, hint=hint)


def check_path(path: str) -> None:
    """An empty -o, or one naming a folder (a trailing slash), is a usage error."""
    if not path:
        raise UsageError(_("-o: the file name is empty"), hint=_("name a file, or - for stdout"))
    if path.endswith(("/", os.sep)):
        raise usage(_("-o {path}: names a folder, not a file"), _("add a file name"), path=path)


def needs_file(fmt: str, example: str, what: str) -> NoReturn:
    """A binary format without -o: refused, on a terminal and in a pipe alike."""
    message = _(
        "--format {format} needs --output FILE: {what} is not written to a terminal or a pipe"
    )
    raise usage(message, _("add -o {example}"), format=fmt, what=_(what), example=example)


def check_delimiter(delimiter: str, *, csv: bool) -> None:
    """--delimiter: one character, not a quote or a line break, and for CSV only."""
    if len(delimiter) != 1:
        message = _("--delimiter takes one character, not {value}")
        raise usage(
            message, _("e.g. --delimiter ';'; for tabs, --format tsv"), value=repr(delimiter)
        )
    if delimiter in '"\r\n':
        message = _("--delimiter cannot be {value}: a quote or a line break cannot separate values")
        raise usage(message, _("e.g. --delimiter ';'"), value=repr(delimiter))
    if not csv:
        raise UsageError(
            _("--delimiter is for CSV only"), hint=_("add --format csv, or write to -o NAME.csv")
        )


class Out(Frozen):
    """How a command's output is to be written, from its --format, --output and friends."""

    fmt: Format | None = None
    no_color: bool = False
    path: str | None = None
    force: bool = False
    data: str | None = None
    listing: bool = True
    """A listing or view, whose -o extension names its format; else text of one format
    (an export, a chart, a schema), never a terminal table."""
    delimiter: str | None = None
    """--delimiter: CSV's separator instead of the comma."""

    def __post_init__(self) -> None:
        # Settled before anything is read or written: a wrong extension writes nothing.
        if self.path == STDOUT:
            object.__setattr__(self, "path", None)
        if self.path is not None:
            check_path(self.path)
        if self.fmt is None and self.path is not None and self.listing:
            # .txt and none leave fmt unset: the file gets exactly what a pipe gets.
            object.__setattr__(self, "fmt", format_of(self.path, SUFFIXES, plain="tsv"))
        if self.fmt is Format.XLSX and self.path is None:
            needs_file("xlsx", "NAME.xlsx", N_("a workbook"))
        if self.delimiter is not None:
            check_delimiter(self.delimiter, csv=self.format is Format.CSV)

    @property
    def format(self) -> Format:
        """--format; else the --output file's extension; else table on a terminal, TSV in a pipe."""
        if self.fmt is not None:
            return self.fmt
        return Format.TABLE if self.listing and self.to_terminal else Format.TSV

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
    from newtowns_cli.questions.lookup import Catalog

    return Catalog.of(store.load(data_file(data), cache=cache_folder()))


def cache_folder() -> str | None:
    """Where validated data is cached (None: no cache); see cache.folder_for."""
    from newtowns_cli.reading.cache import folder_for

    return folder_for(os.environ)


def table(
    rows: Table,
    out: Out,
    *,
    noun: str,
    wrap: bool = False,
    caption: str | None = None,
    book: Book | None = None,
) -> None:
    """Rows in the chosen format; an empty result is a note on a terminal, not an error.

    The terminal table has a caption: ``caption``, else the row count; a workbook has
    ``book``'s sheets beside the rows.
    """
    from newtowns_cli.render import render_listing

    chosen = out.format
    if not rows.rows:
        note(no_match(noun))
        if chosen is Format.TABLE and out.path is None:
            return
    if chosen is Format.TABLE:
        width, color = out.width, out.color  # a pipe asks no terminal its size
        shown = render_listing(
            rows, chosen, noun=noun, width=width, color=color, wrap=wrap, caption=caption
        )
    else:
        shown = render_listing(rows, chosen, noun=noun, book=book, delimiter=out.delimiter)
    deliver(shown, out)


def listing(
    catalog: Catalog,
    items: Sequence[T],
    chosen: Sequence[Column[T]],
    out: Out,
    noun: str,
    *,
    sheet: str | None = None,
    every: Sequence[Column[T]] | None = None,
    caption: str | None = None,
    wrap: bool = False,
) -> None:
    """``items`` in the ``chosen`` columns (see ``table``). A workbook's sheet is named
    ``sheet`` (else ``noun``), beside one of the sources the ``every`` columns cite."""
    from newtowns_cli.render import tables

    citing = (lambda: tables.build(catalog, items, every)) if every else None
    shown = tables.build(catalog, items, chosen)
    workbook = book(catalog, out, sheet or noun, citing)
    table(shown, out, noun=noun, wrap=wrap, caption=caption, book=workbook)


def book(
    catalog: Catalog,
    out: Out,
    sheet: str,
    citing: Callable[[], Table] | None = None,
    notes: Sequence[str] = (),
) -> Book | None:
    """For a workbook only: the rows' sheet name, the sources ``citing``'s rows cite (none
    for the sources themselves), ``notes`` and the data set's date."""
    if out.format is not Format.XLSX:
        return None
    from newtowns_cli.render.formats import xlsx

    return xlsx.book(catalog, sheet, citing() if citing else None, notes)


def detail(shown: Detail, out: Out, book: Book | None = None) -> None:
    """One item: rich sections on a terminal; the same sections as plain text in a pipe;
    its flat table (what CSV gets) in a workbook."""
    from newtowns_cli.render import render_detail

    chosen = out.format
    if chosen is Format.XLSX:
        table(shown.flat, out, noun="rows", book=book)
        return
    if not out.to_terminal and (chosen is Format.TABLE or (out.fmt is None and out.path is None)):
        from newtowns_cli.render.formats import plain

        deliver(plain.detail(shown), out)
        return
    deliver(
        render_detail(shown, chosen, width=out.width, color=out.color, delimiter=out.delimiter), out
    )


def document(source: str, out: Out, *, pager: bool) -> None:
    """Markdown: rendered on a terminal, and paged if longer than the screen; else the source."""
    if not out.to_terminal:
        deliver(source, out)
        return
    import shutil

    from newtowns_cli.render.terminal.pages import report

    shown = report(source, width=out.width, color=out.color)
    if pager and shown.count("\n") >= shutil.get_terminal_size().lines:
        from newtowns_cli.render.terminal.pager import page

        if page(shown, os.environ):
            return
    write(shown)


def problems(found: Sequence[Problem]) -> None:
    """validate's report: on a terminal with colour allowed, places muted, paths in colour."""
    if Out().color:
        from newtowns_cli.render.terminal.pages import problems as coloured

        write(coloured(found, width=Out().width, color=True))
    else:
        write("".join(visible(str(problem)) + "\n" for problem in found))


def deliver(text: str | bytes | Iterable[str], out: Out) -> None:
    """To the --output file (atomically, never over the data file), else to stdout.

    Bytes (a workbook) only ever go to a file: Out refuses them a terminal or a pipe.
    A page in pieces (the HTML dossier) is written piece by piece as it is made.
    """
    if out.path is not None:
        import pathlib

        from newtowns_cli.reading.atomic import write_atomic

        path = pathlib.Path(out.path)
        write_atomic(path, text, force=out.force, protect=[data_file(out.data).path])
        note(_("wrote {path}").format(path=path))
        return
    assert not isinstance(text, bytes), "a workbook without --output"
    screen = out.format is not Format.TABLE and sys.stdout.isatty()
    for piece in [text] if isinstance(text, str) else text:
        write(terminal_safe(piece) if screen else piece)


def write(text: str) -> None:
    """Data on stdout; a closed pipe is not an error, a full disk is."""
    interrupted()  # nothing more after Ctrl-C, even one whose exception a finalizer lost
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
    return OutputError(_("cannot write to standard output: {reason}").format(reason=reason))


def note(message: str, *, always: bool = False) -> None:
    """A message for people on stderr; unless ``always``, only when stderr is a terminal."""
    if always or sys.stderr.isatty():
        sys.stderr.write(visible(message) + "\n")


def report(exc: NewtownsError) -> None:
    """Every located problem, then the error, then a hint: one line each, on stderr."""
    lines = [str(problem) for problem in exc.problems] if isinstance(exc, DataInvalidError) else []
    lines.append(_("newtowns: error: ") + str(say(exc.message)))
    if exc.hint:
        lines.append(_("newtowns: hint: ") + str(say(exc.hint)))
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
