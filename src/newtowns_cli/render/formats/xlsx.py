"""Workbooks (.xlsx): the rows a listing gives, as cells a spreadsheet reads in any locale.

Numbers are numbers and full dates are dates, so Excel shows them in its reader's own
conventions (1.335.119 and 17,3 in Dutch); a partial date (1976, 1976-05) stays text, as no
cell type holds it. Text is always a text cell, whatever it looks like ("=SUM(A1)", "-2+3",
"0012", "1e5"): never a formula, never a number. One header row, frozen, with a filter;
widths fitted to the content. The same data gives the same bytes: the workbook's date is
the data set's, and XlsxWriter gives every part of the file a fixed time.

XlsxWriter is imported here only, when a workbook is written (tests/test_imports.py).
"""

from __future__ import annotations

import datetime
import io
import math
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from newtowns_cli.model.errors import OutputError
from newtowns_cli.model.frozen import Frozen
from newtowns_cli.model.i18n import Phrase
from newtowns_cli.render import tables
from newtowns_cli.render.tables import Column, Table, Value
from newtowns_cli.render.text import display_width

if TYPE_CHECKING:
    from newtowns_cli.model.dates import PartialDate
    from newtowns_cli.questions.lookup import Catalog

Sheet = tuple[str, Table]
"""A worksheet: its name and its rows."""

EPOCH = datetime.datetime(2000, 1, 1)
"""The date of a workbook not made from a data set (--fields help): a fixed one."""
JOINER = ";"
"""Lists in one cell, joined as CSV and TSV join them."""
SOURCE_FIELDS = "id,title,publisher,published,url"
"""The columns of the sheet of sources the rows cite."""
MIN_WIDTH, MAX_WIDTH = 4, 60
"""Column widths, in characters: fitted to the content, within these bounds."""
MAX_TEXT = 32767
"""The most a cell holds, in UTF-16 code units (Excel's limit; XlsxWriter would cut)."""
MAX_URL, MAX_LINKS = 2079, 65530
"""The longest address Excel links, and the most links a worksheet holds."""
FIRST_DATE = datetime.date(1900, 3, 1)
"""The first day a date cell shows the same in every spreadsheet (Excel's 1900 leap-year
bug lies before it, and nothing before 1900 is a date there): earlier days stay text."""
_FULL_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_LINK = re.compile(r"https?://\S+", re.IGNORECASE)
_NOT_XML = re.compile("[\ufffe\uffff\ud800-\udfff]")
"""What no XML file (so no workbook) can hold; control characters XlsxWriter escapes."""
_MISREAD = re.compile(r"_x[0-9A-Fa-f]{4}(?=_x[0-9A-Fa-f]{4}_|[\x00-\x08\x0b-\x1f])")
"""Text a spreadsheet would read back otherwise: a workbook writes a control character as
_x000D_ and a literal _x000D_ as _x005F_x000D_, but XlsxWriter leaves the second of two
overlapping ones (_x0041_x0042_), or _x0041 before a control character, open to misreading."""
_OPTIONS = {
    "in_memory": True,  # no temporary files elsewhere; every part with the fixed zip time
    "strings_to_numbers": False,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "nan_inf_to_errors": False,
}


class Book(Frozen):
    """What a listing's workbook holds beside its rows.

    The rows' sheet name, the sources the rows cite (a sheet of their own; None for the
    sources themselves), notes (a sheet when there are any) and the workbook's date.
    """

    sheet: str
    created: datetime.datetime = EPOCH
    sources: Table | None = None
    notes: tuple[str, ...] = ()


def book(
    catalog: Catalog,
    sheet: str,
    citing: Table | None,
    notes: Sequence[str] = (),
) -> Book:
    """A Book dated as the data set, with the sources that ``citing``'s rows cite."""
    sources = None if citing is None else source_table(catalog, tables.cited(citing))
    return Book(sheet, created(catalog.dataset.dataset.updated), sources, tuple(notes))


def created(updated: PartialDate) -> datetime.datetime:
    """The workbook's date: the first day of the data set's ``updated`` date."""
    return datetime.datetime.combine(updated.first_day(), datetime.time())


def source_table(catalog: Catalog, ids: Sequence[str]) -> Table:
    """The sources ``ids`` names (id, title, publisher, date, address), in that order."""
    by_id = {source.id: source for source in catalog.dataset.source}
    found = [by_id[id] for id in ids if id in by_id]
    columns = tables.pick(tables.SOURCE_COLUMNS, SOURCE_FIELDS, ())
    return tables.build(catalog, found, columns)


def listing(rows: Table, shown: Book) -> bytes:
    """A listing's workbook: its rows, then the sources they cite, then any notes."""
    sheets: list[Sheet] = [(shown.sheet, rows)]
    if shown.sources is not None:
        sheets.append(("sources", shown.sources))
    if shown.notes:
        note: Column[object] = Column(
            "note", "a note on the figures", lambda n, _: str(n), text=True
        )
        sheets.append(("notes", Table(columns=(note,), rows=tuple((n,) for n in shown.notes))))
    return workbook(sheets, created=shown.created)


def workbook(sheets: Sequence[Sheet], *, created: datetime.datetime) -> bytes:
    """The .xlsx file of ``sheets``, one worksheet each, in that order."""
    import xlsxwriter

    stream = io.BytesIO()
    book = xlsxwriter.Workbook(stream, _OPTIONS)
    book.set_properties({"created": created})
    styles = {
        "header": book.add_format({"bold": True}),
        "date": book.add_format({"num_format": "yyyy-mm-dd"}),
    }
    for name, table in sheets:
        _sheet(book.add_worksheet(name), name, table, styles)
    book.close()
    return stream.getvalue()


def _sheet(sheet: Any, name: str, table: Table, styles: dict[str, Any]) -> None:
    """One worksheet: the header row (bold, frozen, with a filter), then a row per row."""
    widths = [display_width(header) + 3 for header in table.names]  # room for the filter
    for at, header in enumerate(table.names):
        sheet.write_string(0, at, header, styles["header"])
    links = 0
    for number, row in enumerate(table.rows, start=1):
        for at, (value, column) in enumerate(zip(row, table.columns, strict=True)):
            if value is None or value == ():
                continue
            _check(value, name, number, column)
            if column.name == "url" and isinstance(value, str) and _linkable(value):
                links += 1
                if links <= MAX_LINKS:
                    sheet.write_url(number, at, value, None, value)
                    widths[at] = max(widths[at], _width(value))
                    continue
            widths[at] = max(widths[at], _cell(sheet, number, at, value, column, styles))
    for at, width in enumerate(widths):
        sheet.set_column(at, at, min(MAX_WIDTH, max(MIN_WIDTH, width + 1)))
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, len(table.rows), len(table.columns) - 1)


def _cell(
    sheet: Any, row: int, at: int, value: Value, column: Column[object], styles: dict[str, Any]
) -> int:
    """Write one value as its own kind of cell; return the width it shows at."""
    if isinstance(value, bool):
        sheet.write_boolean(row, at, value)
        return 5
    if isinstance(value, int | float) and math.isfinite(value):
        sheet.write_number(row, at, value)
        return len(str(value))
    if isinstance(value, str) and column.date and _FULL_DATE.fullmatch(value):
        day = _day(value)
        if day is not None:
            sheet.write_datetime(row, at, day, styles["date"])
            return len(value)
    text = JOINER.join(value) if isinstance(value, tuple) else str(value)
    sheet.write_string(row, at, text)
    return _width(text)


def _day(value: str) -> datetime.date | None:
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        return None
    return day if day >= FIRST_DATE else None


def _linkable(value: str) -> bool:
    """An http(s) address Excel can link (others are written as text)."""
    return bool(_LINK.fullmatch(value)) and len(value.encode("utf-16-le")) // 2 <= MAX_URL


def _width(text: str) -> int:
    return max((display_width(line) for line in text.splitlines()), default=0)


def _check(value: Value, sheet: str, row: int, column: Column[object]) -> None:
    """A text no cell can hold whole is an error, never a silently changed value."""
    text = JOINER.join(value) if isinstance(value, tuple) else value
    if not isinstance(text, str):
        return
    where = Phrase(
        "sheet {sheet}, row {row}, column {column}", sheet=sheet, row=row + 1, column=column.name
    )
    hint = Phrase("write --format csv or json instead; they hold any text")
    if len(text.encode("utf-16-le")) // 2 > MAX_TEXT:
        raise OutputError(
            Phrase(
                "{where}: {count} characters; a spreadsheet cell holds at most {most:,}",
                where=where,
                count=len(text),
                most=MAX_TEXT,
            ),
            hint=hint,
        )
    found = _NOT_XML.search(text)
    if found:
        character = f"U+{ord(found.group()):04X}"
        raise OutputError(
            Phrase(
                "{where}: holds {character}, which a workbook cannot hold",
                where=where,
                character=character,
            ),
            hint=hint,
        )
    found = _MISREAD.search(text)
    if found:
        raise OutputError(
            Phrase(
                "{where}: holds {text} where a spreadsheet reads an escaped character",
                where=where,
                text=repr(found.group()),
            ),
            hint=hint,
        )
