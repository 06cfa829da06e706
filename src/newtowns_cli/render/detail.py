"""One thing in full (a town, a group, a source …): the shape every format renders for `show`."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from newtowns_cli.render.records import Column, Table, Value
from newtowns_cli.render.text import visible


@dataclasses.dataclass(frozen=True, slots=True)
class Section:
    """A titled part of a detail view: a table, or a list of texts."""

    title: str
    table: Table | None = None
    items: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True, slots=True)
class Detail:
    """A detail view.

    ``fields`` and ``sections`` are for people (table, md); ``data`` is the JSON object
    (json, jsonl); ``flat`` is the table a CSV or TSV reader gets.
    """

    title: str
    fields: tuple[tuple[str, Value], ...]
    sections: tuple[Section, ...]
    data: Mapping[str, object]
    flat: Table


def field_table(fields: tuple[tuple[str, Value], ...]) -> Table:
    """The key facts as a two-column table, leaving out empty ones."""
    columns: tuple[Column[object], ...] = (
        Column("field", "", lambda item, _: None),
        Column("value", "", lambda item, _: None, text=True),
    )
    rows = tuple((name, value) for name, value in fields if value not in (None, ()))
    return Table(columns=columns, rows=rows)


def render_json(detail: Detail, *, lines: bool) -> str:
    from newtowns_cli.render.jsonout import dumps

    return dumps(detail.data, indent=None if lines else 2) + "\n"


def render_markdown(detail: Detail) -> str:
    from newtowns_cli.render import markdown

    parts = [f"## {markdown.escape(detail.title)}", markdown.render(field_table(detail.fields))]
    for section in detail.sections:
        parts.append(f"### {markdown.escape(section.title)}")
        if section.table is not None:
            parts.append(markdown.render(section.table))
        if section.items:
            parts.append("".join(f"- {markdown.escape_block(item)}\n" for item in section.items))
    return "\n".join(part.rstrip("\n") + "\n" for part in parts)


def render_terminal(detail: Detail, *, width: int, color: bool) -> str:
    """For people: the title, the key facts, then each section; long text wraps."""
    from newtowns_cli.render import terminal

    bold = ("\x1b[1m", "\x1b[0m") if color else ("", "")
    parts = [f"{bold[0]}{visible(detail.title)}{bold[1]}"]
    fields = field_table(detail.fields)
    parts.append(terminal.render(fields, width=width, color=False, header=False, wrap=True))
    for section in detail.sections:
        if section.table is None and not section.items:
            continue
        parts.append(f"{bold[0]}{visible(section.title)}{bold[1]}")
        if section.table is not None:
            table = without_empty_columns(section.table)
            parts.append(terminal.render(table, width=width, color=color, wrap=True))
        parts.extend(f"- {visible(item)}\n" for item in section.items)
    return "\n".join(part.rstrip("\n") + "\n" for part in parts)


def without_empty_columns(table: Table) -> Table:
    """The table without the columns empty in every row: for people, not for data."""
    keep = [
        i for i in range(len(table.columns)) if any(row[i] not in (None, ()) for row in table.rows)
    ]
    return Table(
        columns=tuple(table.columns[i] for i in keep),
        rows=tuple(tuple(row[i] for i in keep) for row in table.rows),
    )
