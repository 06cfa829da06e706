"""Output options checked before anything is read: a binary format needs a file, and
--delimiter is one character that can separate CSV values."""

from __future__ import annotations

from typing import NoReturn

from newtowns_cli.model.errors import UsageError


def needs_file(fmt: str, example: str, what: str) -> NoReturn:
    """A binary format without -o: refused, on a terminal and in a pipe alike."""
    raise UsageError(
        f"--format {fmt} needs --output FILE: {what} is not written to a terminal or a pipe",
        hint=f"add -o {example}",
    )


def check_delimiter(delimiter: str, *, csv: bool) -> None:
    """--delimiter: one character, not a quote or a line break, and for CSV only."""
    if len(delimiter) != 1:
        raise UsageError(
            f"--delimiter takes one character, not {delimiter!r}",
            hint="e.g. --delimiter ';'; for tabs, --format tsv",
        )
    if delimiter in '"\r\n':
        raise UsageError(
            f"--delimiter cannot be {delimiter!r}: a quote or a line break cannot separate values",
            hint="e.g. --delimiter ';'",
        )
    if not csv:
        raise UsageError(
            "--delimiter is for CSV only", hint="add --format csv, or write to -o NAME.csv"
        )


def check_page(*, html: bool, browse: bool, to_terminal: bool) -> None:
    """An HTML page goes to a file, a pipe or a browser, never onto a terminal; --open
    opens HTML only."""
    if browse and not html:
        raise UsageError(
            "--open opens an HTML page, not Markdown",
            hint="leave out --format md, or write to -o NAME.html",
        )
    if html and to_terminal and not browse:
        raise UsageError(
            "--format html writes a page for a browser, not for a terminal",
            hint="write it to a file with -o NAME.html, or open it in your browser with --open",
        )
