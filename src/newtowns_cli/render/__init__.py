"""Output formats: each module turns a Table (or a Detail) into text, imported on use."""

from __future__ import annotations

import enum

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:
    from collections.abc import Sequence

    from newtowns_cli.questions.lookup import Catalog
    from newtowns_cli.questions.summary import Row, Summary
    from newtowns_cli.render.detail import Detail
    from newtowns_cli.render.formats.xlsx import Book
    from newtowns_cli.render.tables import Column, Table
    from newtowns_cli.render.terminal.layout import Choice


class Format(enum.StrEnum):
    """Every output format of the listing commands."""

    TABLE = "table"
    TSV = "tsv"
    CSV = "csv"
    JSON = "json"
    JSONL = "jsonl"
    MD = "md"
    XLSX = "xlsx"
    """A workbook: bytes for a file, made by formats.xlsx, never text for render()."""


SUFFIXES: dict[str, Format] = {
    ".tsv": Format.TSV,
    ".tab": Format.TSV,
    ".csv": Format.CSV,
    ".json": Format.JSON,
    ".jsonl": Format.JSONL,
    ".ndjson": Format.JSONL,
    ".md": Format.MD,
    ".markdown": Format.MD,
    ".xlsx": Format.XLSX,
}
"""The extensions a listing's -o FILE knows; .txt and none get what a pipe gets (TSV)."""
PLAIN_SUFFIXES = ("", ".txt")
"""Files named so get what a pipe gets: TSV from a listing, the text of any other."""


def render(
    table: Table,
    fmt: Format,
    *,
    width: int = 80,
    color: bool = False,
    wrap: bool = False,
    caption: str | None = None,
    choice: Choice | None = None,
    delimiter: str | None = None,
) -> str:
    """``table`` as text in ``fmt``; only the chosen format's module is imported.

    The terminal table (rich, imported only here) wraps long text, has a ``caption``, and
    leaves out the columns ``choice`` allows when they do not fit. CSV is separated by
    ``delimiter`` (a comma unless given).
    """
    if fmt is Format.TABLE:
        from newtowns_cli.render.terminal import listing

        return listing.render(
            table, width=width, color=color, wrap=wrap, caption=caption, choice=choice
        )
    if fmt is Format.TSV or fmt is Format.CSV:
        from newtowns_cli.render.formats import delimited

        return delimited.render(table, delimiter="\t" if fmt is Format.TSV else (delimiter or ","))
    if fmt is Format.JSON or fmt is Format.JSONL:
        from newtowns_cli.render.formats import jsonout

        return jsonout.render(table, lines=fmt is Format.JSONL)
    if fmt is Format.MD:
        from newtowns_cli.render.formats import markdown

        return markdown.render(table)
    raise AssertionError(f"{fmt} is not text")  # xlsx: formats.xlsx writes the workbook


def render_listing(
    table: Table,
    fmt: Format,
    *,
    noun: str,
    book: Book | None = None,
    width: int = 80,
    color: bool = False,
    wrap: bool = False,
    caption: str | None = None,
    delimiter: str | None = None,
) -> str | bytes:
    """A listing's ``table`` in ``fmt``: a workbook (bytes, with ``book``'s sheets beside
    the rows), text, or a terminal table captioned ``caption`` (else the count of ``noun``)
    that leaves out the columns that do not fit, least needed first."""
    if fmt is Format.XLSX:
        from newtowns_cli.render.formats import xlsx

        return xlsx.listing(table, book or xlsx.Book(noun))
    if fmt is not Format.TABLE:
        return render(table, fmt, delimiter=delimiter)
    from newtowns_cli.render.terminal import layout

    if noun == "fields":  # --fields help: the columns themselves, every one, no caption
        return render(table, fmt, width=width, color=color, wrap=wrap, caption=caption)
    caption = layout.table_caption(table, noun) if caption is None else caption
    choice = layout.choice(table.names)
    return render(table, fmt, width=width, color=color, wrap=wrap, caption=caption, choice=choice)


def render_detail(
    detail: Detail,
    fmt: Format,
    *,
    width: int = 80,
    color: bool = False,
    delimiter: str | None = None,
) -> str:
    """One thing in full: a layout for people, an object for JSON, its flat table for CSV/TSV."""
    from newtowns_cli.render import detail as views

    if fmt is Format.TABLE:
        from newtowns_cli.render.terminal import sections

        return sections.render(detail, width=width, color=color)
    if fmt is Format.JSON or fmt is Format.JSONL:
        return views.render_json(detail, lines=fmt is Format.JSONL)
    if fmt is Format.MD:
        return views.render_markdown(detail)
    return render(detail.flat, fmt, delimiter=delimiter)


def render_summary(
    catalog: Catalog,
    summary: Summary,
    columns: Sequence[Column[Row]],
    fmt: Format,
    *,
    width: int = 80,
    color: bool = False,
    delimiter: str | None = None,
) -> str:
    """A summary: rows and a total; bars and notes for people, plain numbers for programs."""
    from newtowns_cli.render import tables
    from newtowns_cli.render.formats import markdown
    from newtowns_cli.render.terminal import chart

    rows = tables.build(catalog, [*summary.rows, summary.total], columns)
    if fmt is Format.JSON or fmt is Format.JSONL:
        from newtowns_cli.render.formats import jsonout

        objects = jsonout.objects(rows)
        if fmt is Format.JSONL:
            return "".join(jsonout.dumps(o) + "\n" for o in objects)
        document = {
            "by": summary.by,
            "rows": objects[:-1],
            "total": objects[-1],
            "notes": list(summary.notes),
        }
        return jsonout.dumps(document, indent=2) + "\n"
    if fmt is Format.MD:
        from newtowns_cli.model.i18n import say

        notes = "".join(f"\n{markdown.escape_block(str(say(note)))}\n" for note in summary.notes)
        return markdown.render(rows) + notes
    if fmt is not Format.TABLE:
        return render(rows, fmt, delimiter=delimiter)
    from newtowns_cli.render.terminal.layout import choice

    text = render(rows, fmt, width=width, color=color, choice=choice(rows.names))
    from newtowns_cli.model.i18n import say

    shown = [(str(say(row.key)), float(row.population)) for row in summary.rows]
    bars = chart.labelled_bars(shown, width=width) if len(shown) > 1 else ""
    import textwrap

    notes = "".join(textwrap.fill(str(say(note)), width) + "\n" for note in summary.notes)
    return "\n".join(part for part in (text, bars, notes) if part)
