"""JSON (one array) and JSON Lines (one object a line), keys in column order."""

from __future__ import annotations

import json

from newtowns_cli.render.records import Table

# Characters that some readers take for line breaks (str.splitlines, JavaScript): written
# as JSON escapes, so one JSON Lines record is always one line.
_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def dumps(value: object, *, indent: int | None = None) -> str:
    """json.dumps keeping non-ASCII text readable, but line-break look-alikes escaped."""
    return json.dumps(value, ensure_ascii=False, indent=indent).translate(_BREAKS)


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
