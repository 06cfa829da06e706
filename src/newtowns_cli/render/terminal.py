"""The table for people at a terminal: columns sized to fit, data never read as markup.

The layout is written here rather than by rich: we size every column ourselves, and
importing rich.console costs tens of milliseconds on every run (benchmarks/README.md).
"""

from __future__ import annotations

import textwrap

from newtowns_cli.render.records import Table
from newtowns_cli.render.text import cell, visible
from newtowns_cli.render.text import display_width as cell_len

GAP = 2
MIN_COLUMN = 6
TEXT_FLOOR = 24
BOLD, RESET = "\x1b[1m", "\x1b[0m"


def render(
    table: Table, *, width: int, color: bool, header: bool = True, wrap: bool = False
) -> str:
    """The table in ``width`` columns, the header in bold only if ``color``.

    When the table is wider than the terminal, a header wider than its values gives way
    first, then the widest column loses a character at a time, down to 6; cut cells and
    headers end in '…'. Machine formats never cut. With ``wrap`` (detail views) free-text
    columns wrap instead of being cut.
    """
    cells = [[visible(cell(value, joiner=", ")) for value in row] for row in table.rows]
    headers = [cell_len(column.name) if header else 0 for column in table.columns]
    values = [max((cell_len(row[i]) for row in cells), default=0) for i in range(len(headers))]
    natural = [max(pair) for pair in zip(headers, values, strict=True)]
    available = width - GAP * (len(headers) - 1)
    wraps = [wrap and column.text for column in table.columns]
    floors = [
        min(natural[i], TEXT_FLOOR if wraps[i] else max(values[i], MIN_COLUMN))
        for i in range(len(natural))
    ]
    widths = fit(natural, floors=floors, available=available)
    widths = fit(widths, floors=[MIN_COLUMN] * len(widths), available=available)
    right = [column.numeric for column in table.columns]
    lines = []
    if header:
        names = [_cut(column.name, w) for column, w in zip(table.columns, widths, strict=True)]
        line = _join(names, widths, right)
        lines.append(f"{BOLD}{line}{RESET}" if color else line)
    for row in cells:
        pieces = [
            _fold(text, w) if folds else [_cut(text, w)]
            for text, w, folds in zip(row, widths, wraps, strict=True)
        ]
        for depth in range(max(len(piece) for piece in pieces)):
            parts = [piece[depth] if depth < len(piece) else "" for piece in pieces]
            lines.append(_join(parts, widths, right))
    return "".join(line.rstrip() + "\n" for line in lines)


def _join(parts: list[str], widths: list[int], right: list[bool]) -> str:
    padded = [
        " " * (w - cell_len(p)) + p if r else p + " " * (w - cell_len(p))
        for p, w, r in zip(parts, widths, right, strict=True)
    ]
    return (" " * GAP).join(padded)


def _cut(text: str, width: int) -> str:
    """``text`` in at most ``width`` display cells, ending in '…' when cut."""
    if cell_len(text) <= width:
        return text
    kept, used = [], 0
    for char in text:
        size = cell_len(char)
        if used + size > width - 1:
            break
        kept.append(char)
        used += size
    return "".join(kept) + "…"


def _fold(text: str, width: int) -> list[str]:
    """``text`` wrapped at spaces into lines of ``width`` cells; long words are split."""
    lines = textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False)
    return [_cut(line, width) for line in lines] or [""]


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
