"""One-item views as plain text for a pipe: every section, no colour, no frame, nothing cut.

What `show almere | less` gets: the same sections a terminal shows, each table as aligned
columns on lines as long as their values (never wrapped, never cut); machines ask for
--format json instead.
"""

from __future__ import annotations

from newtowns_cli.model.i18n import header, say
from newtowns_cli.render.detail import Detail, field_table, without_empty_columns
from newtowns_cli.render.tables import Table
from newtowns_cli.render.text import cell, display_width, visible

GAP = 2


def table(shown: Table, *, headed: bool = True) -> str:
    """``shown`` as aligned columns, numbers to the right, control characters escaped."""
    cells = [[visible(cell(say(value), joiner=", ")) for value in row] for row in shown.rows]  # type: ignore[arg-type]
    rows = [[header(name) for name in shown.names], *cells] if headed else cells
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(shown.columns))]
    lines = []
    for row in rows:
        padded = [
            " " * (w - display_width(v)) + v if column.numeric else v + " " * (w - display_width(v))
            for v, w, column in zip(row, widths, shown.columns, strict=True)
        ]
        lines.append((" " * GAP).join(padded).rstrip())
    return "".join(line + "\n" for line in lines)


def detail(shown: Detail) -> str:
    """The title, the key facts, then each section under its title."""
    parts = [visible(shown.title) + "\n", table(field_table(shown.fields), headed=False)]
    for section in shown.sections:
        if section.table is None and not section.items:
            continue
        body = visible(section.title) + "\n"
        if section.table is not None:
            body += table(without_empty_columns(section.table))
        body += "".join(f"- {visible(item)}\n" for item in section.items)
        parts.append(body)
    return "\n".join(parts)
