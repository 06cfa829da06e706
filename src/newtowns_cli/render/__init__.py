"""Output formats: each module turns a Table into text. Only table.py imports rich."""

from __future__ import annotations

import enum

from newtowns_cli.render.records import Table


class Format(enum.StrEnum):
    """Every output format of the listing commands."""

    TABLE = "table"
    TSV = "tsv"
    CSV = "csv"
    JSON = "json"
    JSONL = "jsonl"
    MD = "md"


def render(table: Table, fmt: Format, *, width: int = 80, color: bool = False) -> str:
    """``table`` as text in ``fmt``; rich is imported only for the table format."""
    if fmt is Format.TABLE:
        from newtowns_cli.render import terminal

        return terminal.render(table, width=width, color=color)
    if fmt is Format.TSV or fmt is Format.CSV:
        from newtowns_cli.render import delimited

        return delimited.render(table, delimiter="\t" if fmt is Format.TSV else ",")
    if fmt is Format.JSON or fmt is Format.JSONL:
        from newtowns_cli.render import jsonout

        return jsonout.render(table, lines=fmt is Format.JSONL)
    if fmt is Format.MD:
        from newtowns_cli.render import markdown

        return markdown.render(table)
    raise AssertionError(f"unhandled format {fmt}")
