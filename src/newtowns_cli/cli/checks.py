"""Output options checked before anything is read: a binary format needs a file, and
--delimiter is one character that can separate CSV values."""

from __future__ import annotations

from newtowns_cli.model.errors import UsageError
from newtowns_cli.model.i18n import _

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:
    from typing import NoReturn


def needs_file(fmt: str, example: str, what: str) -> NoReturn:
    """A binary format without -o: refused, on a terminal and in a pipe alike."""
    raise UsageError(
        _(
            "--format {format} needs --output FILE: {what} is not written to a terminal or a pipe"
        ).format(format=fmt, what=_(what)),
        hint=_("add -o {example}").format(example=example),
    )


def check_delimiter(delimiter: str, *, csv: bool) -> None:
    """--delimiter: one character, not a quote or a line break, and for CSV only."""
    if len(delimiter) != 1:
        raise UsageError(
            _("--delimiter takes one character, not {value}").format(value=repr(delimiter)),
            hint=_("e.g. --delimiter ';'; for tabs, --format tsv"),
        )
    if delimiter in '"\r\n':
        raise UsageError(
            _(
                "--delimiter cannot be {value}: a quote or a line break cannot separate values"
            ).format(value=repr(delimiter)),
            hint=_("e.g. --delimiter ';'"),
        )
    if not csv:
        raise UsageError(
            _("--delimiter is for CSV only"), hint=_("add --format csv, or write to -o NAME.csv")
        )


def check_page(*, html: bool, browse: bool, to_terminal: bool) -> None:
    """An HTML page goes to a file, a pipe or a browser, never onto a terminal; --open
    opens HTML only."""
    if browse and not html:
        raise UsageError(
            _("--open opens an HTML page, not Markdown"),
            hint=_("leave out --format md, or write to -o NAME.html"),
        )
    if html and to_terminal and not browse:
        raise UsageError(
            _("--format html writes a page for a browser, not for a terminal"),
            hint=_("write it to a file with -o NAME.html, or open it in your browser with --open"),
        )
