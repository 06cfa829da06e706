"""One-item views for people at a terminal, drawn by rich: a title, a grid of key facts,
then each section under its title as a table that wraps, or a list."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table as RichTable
from rich.text import Text

from newtowns_cli.model.i18n import header, number
from newtowns_cli.render.detail import Detail, Section, without_empty_columns
from newtowns_cli.render.terminal import listing
from newtowns_cli.render.terminal.richtext import MUTED, data_text, to_string

TITLE = "bold underline"


def render(shown: Detail, *, width: int, color: bool) -> str:
    """``shown`` in at most ``width`` columns; styles only if ``color``."""
    return to_string([Group(*renderables(shown))], width=width, color=color, crop=False)


def renderables(shown: Detail) -> list[RenderableType]:
    parts: list[RenderableType] = [data_text(shown.title, style=TITLE), Text(""), facts(shown)]
    if shown.chart:
        chart = Text("\n".join(shown.chart), no_wrap=True, overflow="crop")
        parts += [Text(""), data_text(shown.chart_title, style=TITLE), chart]
    for section in shown.sections:
        if section.table is None and not section.items:
            continue
        parts += [Text(""), data_text(section.title, style=TITLE), body(section)]
    return parts


def facts(shown: Detail) -> RenderableType:
    """The key facts: field names on the left, values wrapping on the right."""
    names, values = [], []
    for name, value in shown.fields:
        if value in (None, ()):
            continue
        style = MUTED if name in listing.SOURCE_COLUMNS or name.endswith("_source") else ""
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = number(value)
        names.append(header(name))
        values.append(data_text(value, style=style))
    return listing.Blocks(names, [values])


def body(section: Section) -> RenderableType:
    """A section's table (without its empty columns), or its items as a bulleted list."""
    if section.table is not None:
        return listing.renderable(without_empty_columns(section.table), roomy=True)
    items = RichTable.grid(padding=(0, 1, 0, 0))
    items.add_column(no_wrap=True)
    items.add_column(overflow="fold")
    for item in section.items:
        items.add_row("•", data_text(item))
    return items
