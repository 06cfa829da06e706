"""JSON (one array) and JSON Lines (one object a line), keys in column order."""

from __future__ import annotations

from newtowns_cli.exports.jsontext import dumps as dumps  # for the JSON formats
from newtowns_cli.render.tables import Table


def objects(table: Table) -> list[dict[str, object]]:
    """One JSON object per row, keys in column order (tuples become JSON arrays as they are)."""
    names = table.names
    return [dict(zip(names, row, strict=True)) for row in table.rows]


def render(table: Table, *, lines: bool) -> str:
    """JSON Lines, or one array with an object per line.

    One compact object per line keeps json.dumps on its C encoder (indent= would make it
    pure Python, several times slower on large outputs) and stays easy to read and grep.
    """
    rows = [dumps(obj) for obj in objects(table)]
    if lines:
        return "".join(row + "\n" for row in rows)
    if not rows:
        return "[]\n"
    return "[\n" + ",\n".join(rows) + "\n]\n"
