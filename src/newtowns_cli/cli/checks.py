"""Output options checked before anything is read: a binary format needs a file, and
--delimiter is one character that can separate CSV values."""

from __future__ import annotations

from newtowns_cli.model.errors import UsageError, usage
from newtowns_cli.model.i18n import _

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:
    from typing import NoReturn


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
