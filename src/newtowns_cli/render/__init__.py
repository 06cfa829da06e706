"""Output formats: each module turns a Table into text. Only table.py imports rich."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from newtowns_cli.render.records import Table

if TYPE_CHECKING:
    from newtowns_cli.render.detail import Detail


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


def render_detail(detail: Detail, fmt: Format, *, width: int = 80, color: bool = False) -> str:
    """One thing in full: a layout for people, an object for JSON, its flat table for CSV/TSV."""
    from newtowns_cli.render import detail as views

    if fmt is Format.TABLE:
        return views.render_terminal(detail, width=width, color=color)
    if fmt is Format.JSON or fmt is Format.JSONL:
        return views.render_json(detail, lines=fmt is Format.JSONL)
    if fmt is Format.MD:
        return views.render_markdown(detail)
    return render(detail.flat, fmt)
