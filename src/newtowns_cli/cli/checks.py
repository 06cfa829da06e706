"""Output options checked before anything is read: a binary format needs a file, and
--delimiter is one character that can separate CSV values."""

from __future__ import annotations

from typing import NoReturn

from newtowns_cli.model.errors import UsageError
from newtowns_cli.model.i18n import _


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
