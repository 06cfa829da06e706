"""The table for people at a terminal: rich renders it, we size it; data is never markup."""

from __future__ import annotations

import io

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from newtowns_cli.render.records import Table
from newtowns_cli.render.text import cell, visible

GAP = 2
MIN_COLUMN = 6
TEXT_FLOOR = 24


def render(
    table: Table, *, width: int, color: bool, header: bool = True, wrap: bool = False
) -> str:
    """The table in ``width`` columns, ANSI styles only if ``color``; cells never wrap.

    When the table is wider than the terminal, a header wider than its values gives way
    first, then the widest column loses a character at a time, down to 6; cut cells and
    headers end in '…'.
    Machine formats never cut. With ``wrap`` (detail views) free-text columns wrap
    instead of being cut.
    """
    cells = [[visible(cell(value, joiner=", ")) for value in row] for row in table.rows]
    headers = [cell_len(column.name) if header else 0 for column in table.columns]
    natural = [max([headers[i], *(cell_len(row[i]) for row in cells)]) for i in range(len(headers))]
    available = width - GAP * (len(headers) - 1)
    # First a header wider than its values gives way, then the widest values are cut
    # (or, in a detail view, free text wraps, keeping 24 columns while it can). Nothing
    # goes below 6.
    wraps = [wrap and column.text for column in table.columns]
    values = [max((cell_len(row[i]) for row in cells), default=0) for i in range(len(natural))]
    floors = [
        min(natural[i], TEXT_FLOOR if wraps[i] else max(values[i], MIN_COLUMN))
        for i in range(len(natural))
    ]
    widths = fit(natural, floors=floors, available=available)
    widths = fit(widths, floors=[MIN_COLUMN] * len(widths), available=available)
    grid = RichTable(
        header_style="bold" if color else "",
        show_header=header,
        box=None,
        pad_edge=False,
        padding=(0, GAP // 2),
    )
    for column, column_width, folds in zip(table.columns, widths, wraps, strict=True):
        grid.add_column(
            column.name,
            justify="right" if column.numeric else "left",
            width=column_width,
            no_wrap=not folds,
            overflow="fold" if folds else "ellipsis",
        )
    for row in cells:
        grid.add_row(*(Text(text) for text in row))
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=max(width, sum(widths) + GAP * (len(widths) - 1)),
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        markup=False,
        emoji=False,
    )
    console.print(grid)
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def fit(natural: list[int], *, floors: list[int], available: int) -> list[int]:
    """Shrink the widest column one step at a time until the total fits or all are at floor."""
    widths = list(natural)
    while sum(widths) > available:
        candidates = [i for i, w in enumerate(widths) if w > min(floors[i], natural[i])]
        if not candidates:
            break
        widest = max(candidates, key=lambda i: widths[i])
        widths[widest] -= 1
    return widths
