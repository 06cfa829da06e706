"""The rich table for people at a terminal; data text is never read as markup."""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from newtowns_cli.render.records import Table
from newtowns_cli.render.text import cell, visible


def render(table: Table, *, width: int, color: bool) -> str:
    """The table as text for a terminal of ``width`` columns, with ANSI styles only if ``color``."""
    grid = RichTable(header_style="bold" if color else "", box=None, pad_edge=False)
    for column in table.columns:
        grid.add_column(column.name, justify="right" if column.numeric else "left", overflow="fold")
    for row in table.rows:
        grid.add_row(*(Text(visible(cell(value, joiner=", "))) for value in row))
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        markup=False,
        emoji=False,
    )
    console.print(grid)
    return buffer.getvalue()
