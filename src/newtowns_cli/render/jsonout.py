"""JSON (one array) and JSON Lines (one object a line), keys in column order."""

from __future__ import annotations

import json

from newtowns_cli.render.records import Table, Value


def _plain(value: Value) -> object:
    return list(value) if isinstance(value, tuple) else value


def objects(table: Table) -> list[dict[str, object]]:
    """One JSON object per row, keys in column order."""
    return [
        {name: _plain(value) for name, value in zip(table.names, row, strict=True)}
        for row in table.rows
    ]


def render(table: Table, *, lines: bool) -> str:
    objects_ = objects(table)
    if lines:
        return "".join(json.dumps(obj, ensure_ascii=False) + "\n" for obj in objects_)
    return json.dumps(objects_, ensure_ascii=False, indent=2) + "\n"
