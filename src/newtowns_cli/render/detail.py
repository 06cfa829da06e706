"""One thing in full (a town, a group, a source …): the shape every format renders for `show`."""

from __future__ import annotations

from collections.abc import Mapping

from newtowns_cli.model.frozen import Frozen
from newtowns_cli.render.tables import Column, Table, Value


class Section(Frozen):
    """A titled part of a detail view: a table, or a list of texts."""

    title: str
    table: Table | None = None
    items: tuple[str, ...] = ()


class Detail(Frozen):
    """A detail view.

    ``fields`` and ``sections`` are for people (table, md); ``data`` is the JSON object
    (json, jsonl); ``flat`` is the table a CSV or TSV reader gets.
    """

    title: str
    fields: tuple[tuple[str, Value], ...]
    sections: tuple[Section, ...]
    data: Mapping[str, object]
    flat: Table
    chart: tuple[str, ...] = ()
    """A small chart for a terminal (show TOWN's municipal series); other formats omit it."""
    chart_title: str = ""


def field_table(fields: tuple[tuple[str, Value], ...]) -> Table:
    """The key facts as a two-column table, leaving out empty ones; the fields' names as
    people read them (model/i18n.header)."""
    from newtowns_cli.model.i18n import header

    columns: tuple[Column[object], ...] = (
        Column("field", "", lambda item, _: None),
        Column("value", "", lambda item, _: None, text=True),
    )
    rows = tuple((header(name), value) for name, value in fields if value not in (None, ()))
    return Table(columns=columns, rows=rows)


def render_json(detail: Detail, *, lines: bool) -> str:
    from newtowns_cli.exports.jsontext import dumps

    return dumps(detail.data, indent=None if lines else 2) + "\n"


def render_markdown(detail: Detail) -> str:
    from newtowns_cli.render.formats import markdown

    parts = [f"## {markdown.escape(detail.title)}", markdown.render(field_table(detail.fields))]
    for section in detail.sections:
        parts.append(f"### {markdown.escape(section.title)}")
        if section.table is not None:
            parts.append(markdown.render(section.table))
        if section.items:
            parts.append("".join(f"- {markdown.escape_block(item)}\n" for item in section.items))
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
