"""Workbooks (-o FILE.xlsx, --format xlsx), read back with openpyxl: the JSON's values, as
numbers, dates and text cells, and a sheet of the sources cited."""

from __future__ import annotations

import datetime
import io
import json
import math
import pathlib
import re
import zipfile
from typing import Any
from xml.etree import ElementTree

import openpyxl
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from newtowns_cli.model.errors import OutputError
from newtowns_cli.render.formats import xlsx
from newtowns_cli.render.tables import Column, Table

from support import MINI, Runner, write_data

LISTINGS = [
    "list",
    "groups",
    "research",
    "organisations",
    "sources",
    "timeline",
    "claims",
    "growth",
]
HOSTILE = ["-2+3", "=SUM(A1)", "0012", "1e5", "+31 6", "@x", "TRUE", "2024-01-01", "_x0041_"]
"""Text that a spreadsheet would read as a formula, a number, a boolean, a date or an escape."""
VALID = [text for text in HOSTILE if not text.startswith(("=", "+", "@"))] + ["-1", "1,5"]
"""Those a data file may hold (validate refuses text that begins as a formula)."""


def _book(path: pathlib.Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(path)


def _rows(sheet: Worksheet) -> tuple[list[str], list[tuple[Cell, ...]]]:
    header, *rows = sheet.iter_rows()
    return [str(cell.value) for cell in header], [tuple(row) for row in rows]


def _equal(cell: Cell, value: Any) -> bool:
    """Whether ``cell`` holds the JSON ``value``: a number as a number, a full date as a
    date, a list as its ;-joined text, anything else (an empty text too) as a text cell;
    none and an empty list as no cell."""
    if value is None or value == []:
        return cell.value is None
    if isinstance(value, list):
        return cell.data_type == "s" and cell.value == ";".join(value)
    if isinstance(value, bool):
        return cell.data_type == "b" and cell.value is value
    if isinstance(value, int | float):
        number = cell.value
        return (
            cell.data_type == "n"
            and isinstance(number, int | float)
            and (math.isclose(number, value, rel_tol=1e-15))
        )
    if isinstance(cell.value, datetime.datetime):
        day = datetime.date.fromisoformat(value)
        return cell.number_format == "yyyy-mm-dd" and cell.value == datetime.datetime.combine(
            day, datetime.time()
        )
    return cell.data_type == "s" and cell.value == value


def _texts(data: bytes, sheet: str = "sheet1") -> list[str]:
    """Column A's text cells below the header as a spreadsheet reads them: each _xHHHH_ is
    the character HHHH (ECMA-376 ST_Xstring), read from the file itself, since openpyxl
    decodes only some of them."""
    space = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        strings = ElementTree.fromstring(archive.read("xl/sharedStrings.xml"))
        cells = ElementTree.fromstring(archive.read(f"xl/worksheets/{sheet}.xml"))
    shared = ["".join(t.text or "" for t in si.iter(f"{{{space['m']}}}t")) for si in strings]
    found = []
    for cell in cells.iterfind(".//m:c", space):
        if cell.get("r", "").startswith("A") and cell.get("r") != "A1":
            assert cell.get("t") == "s", "a text cell"
            found.append(shared[int(cell.findtext("m:v", "", space))])
    return [re.sub("_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), t) for t in found]


def _compare(sheet: Worksheet, objects: list[dict[str, Any]]) -> None:
    names, rows = _rows(sheet)
    assert len(rows) == len(objects)
    for row, obj in zip(rows, objects, strict=True):
        assert names == list(obj)
        for cell, name in zip(row, names, strict=True):
            assert _equal(cell, obj[name]), (name, cell.value, cell.data_type, obj[name])


def _json(run: Runner, args: list[str]) -> Any:
    result = run([*args, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def _write(run: Runner, args: list[str], path: pathlib.Path) -> openpyxl.Workbook:
    result = run([*args, "-o", str(path)])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    return _book(path)


def test_list_opens_with_numbers_dates_and_a_sources_sheet(
    run: Runner, tmp_path: pathlib.Path
) -> None:
    """`list -o towns.xlsx`: population a number, a full date a date, every value the JSON's."""
    book = _write(run, ["list"], tmp_path / "towns.xlsx")
    assert book.sheetnames == ["towns", "sources"]
    sheet = book["towns"]
    _compare(sheet, _json(run, ["list"]))
    names, rows = _rows(sheet)
    population = [row[names.index("population")] for row in rows]
    assert population and all(c.data_type == "n" and isinstance(c.value, int) for c in population)
    as_of = [row[names.index("population_as_of")] for row in rows]
    assert all(isinstance(c.value, datetime.datetime) and c.is_date for c in as_of)
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:H{len(rows) + 1}"


@pytest.mark.parametrize("command", LISTINGS)
def test_every_listing_has_the_jsons_rows_in_its_order(
    run: Runner, tmp_path: pathlib.Path, command: str
) -> None:
    """Every column of every listing: the same rows, in the same order, as --format json."""
    args = [command, "--fields", "all"]
    book = _write(run, args, tmp_path / f"{command}.xlsx")
    _compare(book.worksheets[0], _json(run, args))
    assert ("sources" in book.sheetnames) is True
    assert len(book.sheetnames) == (1 if command == "sources" else 2)


def test_summarise_has_the_rows_then_the_total_and_the_notes(
    run: Runner, tmp_path: pathlib.Path
) -> None:
    args = ["summarise", "--by", "province", "--fields", "all"]
    book = _write(run, args, tmp_path / "s.xlsx")
    document = _json(run, args)
    _compare(book["summary"], [*document["rows"], document["total"]])
    assert book.sheetnames[:2] == ["summary", "sources"]
    if document["notes"]:
        assert [row[0].value for row in _rows(book["notes"])[1]] == document["notes"]


def test_a_partial_date_is_text_and_a_full_date_a_date(run: Runner, tmp_path: pathlib.Path) -> None:
    """1976 and 2023-12 cannot be a date cell; 2024-01-01 is one, shown as 2024-01-01."""
    book = _write(
        run, ["sources", "--data", str(MINI), "--fields", "id,published"], tmp_path / "s.xlsx"
    )
    published = {row[0].value: row[1] for row in _rows(book["sources"])[1]}
    assert published["stats-2024"].value == datetime.datetime(2024, 1, 1)
    assert published["stats-2024"].number_format == "yyyy-mm-dd"
    assert published["wiki-a"].value is None
    assert (published["news-b"].value, published["news-b"].data_type) == ("2023-12", "s")


def test_the_sources_sheet_names_every_source_the_rows_cite_with_links(
    run: Runner, tmp_path: pathlib.Path
) -> None:
    """id, title, publisher, date, address (a link): each source cited once, in order."""
    book = _write(run, ["list", "--fields", "id"], tmp_path / "t.xlsx")
    rows = _json(run, ["list", "--fields", "sources,population_source"])
    # Row by row, in the order of the columns: population_source comes before sources.
    cited = [s for r in rows for s in [r["population_source"], *r["sources"]] if s]
    cited = list(dict.fromkeys(cited))
    sources = {s["id"]: s for s in _json(run, ["sources", "--fields", "all"])}
    names, cells = _rows(book["sources"])
    assert names == ["id", "title", "publisher", "published", "url"]
    assert [row[0].value for row in cells] == cited
    expected = [{k: sources[row[0].value][k] for k in names} for row in cells]
    _compare(book["sources"], expected)
    links = 0
    for row in cells:
        url = sources[row[0].value]["url"]
        if url and url.startswith(("http://", "https://")):
            assert row[4].hyperlink is not None and row[4].hyperlink.target == url
            links += 1
        else:
            assert row[4].hyperlink is None
    assert links > 100


def test_export_has_a_sheet_per_table(run: Runner, tmp_path: pathlib.Path) -> None:
    """export -o nt.xlsx: the towns as `list --fields all`, and every other table."""
    book = _write(run, ["export"], tmp_path / "nt.xlsx")
    tables = ["towns", "groups", "organisations", "research", "events", "claims", "cities"]
    assert book.sheetnames == [*tables, "sources", "dataset"]
    document = json.loads(run(["export", "--format", "json"]).stdout)
    singular = {"towns": "town", "groups": "group", "organisations": "organisation",
                "research": "research", "events": "event", "claims": "claim", "cities": "city",
                "sources": "source"}  # fmt: skip
    for sheet, table in singular.items():
        assert book[sheet].max_row == 1 + len(document.get(table, [])), sheet
    _compare(book["towns"], _json(run, ["list", "--fields", "all"]))
    _compare(book["sources"], _json(run, ["sources", "--fields", "all"]))
    meta = document["dataset"]
    names, (row,) = _rows(book["dataset"])
    assert row[names.index("title")].value == meta["title"]["en"]  # a sheet holds the English
    assert row[names.index("updated")].value == datetime.datetime.fromisoformat(meta["updated"])
    claims = _rows(book["claims"])
    assert all(r[claims[0].index("value")].data_type == "n" for r in claims[1])


def test_a_filtered_export_keeps_the_shape(run: Runner, tmp_path: pathlib.Path) -> None:
    """Every sheet even when a table is empty; only what the towns need."""
    book = _write(run, ["export", "--data", str(MINI), "--search", "aastad"], tmp_path / "a.xlsx")
    assert len(book.sheetnames) == 9
    assert [row[0].value for row in _rows(book["towns"])[1]] == ["aastad"]


def test_the_same_data_gives_the_same_bytes(run: Runner, tmp_path: pathlib.Path) -> None:
    """The workbook's date is the data set's `updated`, not the clock."""
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    _write(run, ["list", "--data", str(MINI)], first)
    book = _write(run, ["list", "--data", str(MINI)], second)
    assert first.read_bytes() == second.read_bytes()
    assert book.properties.created == datetime.datetime(2024, 11, 13)


def test_widths_fit_the_content_within_bounds(run: Runner, tmp_path: pathlib.Path) -> None:
    book = _write(run, ["sources", "--fields", "id,title,note"], tmp_path / "s.xlsx")
    sheet = book["sources"]
    widths = {key: sheet.column_dimensions[key].width for key in "ABC"}
    assert all(xlsx.MIN_WIDTH <= width <= xlsx.MAX_WIDTH + 1 for width in widths.values())
    longest_id = max(len(str(row[0].value)) for row in _rows(sheet)[1])
    assert longest_id < widths["A"] < longest_id + 4
    assert widths["B"] > xlsx.MAX_WIDTH  # the longest titles are longer: bounded


@pytest.mark.parametrize("name", VALID)
def test_text_that_looks_like_a_formula_or_a_number_stays_text(
    run: Runner, tmp_path: pathlib.Path, name: str
) -> None:
    """A town named -2+3 (validate allows it) is a text cell: never a formula, never a number."""
    data = write_data(
        tmp_path / "d.toml",
        [{"id": "x", "name": name, "municipality": name, "cbs_code": "GM0001",
          "province": "Utrecht", "status": "groeikern", "sources": ["s"]}],
    )  # fmt: skip
    book = _write(run, ["list", "--data", str(data), "--fields", "name"], tmp_path / "x.xlsx")
    (cell,) = _rows(book["towns"])[1][0]
    assert (cell.value, cell.data_type) == (name, "s")


def _one_column(values: list[str], *, date: bool = False) -> Table:
    column: Column[object] = Column("c", "", lambda v, _: None, date=date)
    return Table(columns=(column,), rows=tuple((v,) for v in values))


_TEXT = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\ufffe\uffff"))
_ESCAPES = st.lists(
    st.sampled_from(["_x", "_x0041", "_x005F", "_", "x0041_", "\r", "\x01", "a"]), max_size=6
).map("".join)
"""Text made of the pieces of a spreadsheet's escapes (_x000D_ is a carriage return)."""


@given(st.lists(_TEXT | st.sampled_from(HOSTILE) | _ESCAPES, min_size=1, max_size=5))
@example(HOSTILE)
@example(["\r", "a\r\nb", "\x1b[31m", " lead", "trail ", "\t", "_x000D_", "\x7f\x9f"])
@example(["_x005F_x0041_", "_x0041_x0042_", "_x0041\r", "\r_x0041_", "_x0041__x0042_"])
def test_any_text_reads_back_as_the_same_text_cell(values: list[str]) -> None:
    """Whatever a text holds, it comes back equal, as a text cell (never a formula, never a
    number); or, where a spreadsheet would misread it, it is refused, never changed."""
    try:
        data = xlsx.workbook([("t", _one_column(values))], created=xlsx.EPOCH)
    except OutputError as error:
        assert "where a spreadsheet reads an escaped character" in error.message
        assert any(xlsx._MISREAD.search(value) for value in values)
        return
    book = openpyxl.load_workbook(io.BytesIO(data))
    cells = [row[0] for row in book["t"].iter_rows(min_row=2, max_row=len(values) + 1)]
    assert [cell.data_type for cell in cells] == ["s"] * len(values)
    assert _texts(data) == values


def test_only_a_full_date_from_1900_03_01_in_a_date_column_is_a_date() -> None:
    values = ["2024-01-01", "1976-05", "1976", "1899-12-31", "2024-02-30", "1900-03-01"]
    data = xlsx.workbook([("t", _one_column(values, date=True))], created=xlsx.EPOCH)
    cells = [r[0] for r in openpyxl.load_workbook(io.BytesIO(data))["t"].iter_rows(min_row=2)]
    shown = [(c.value, c.data_type) for c in cells]
    assert shown == [
        (datetime.datetime(2024, 1, 1), "d"),
        ("1976-05", "s"),
        ("1976", "s"),
        ("1899-12-31", "s"),
        ("2024-02-30", "s"),
        (datetime.datetime(1900, 3, 1), "d"),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a" * 32768, "32768 characters; a spreadsheet cell holds at most 32,767"),
        ("a\uffffb", "holds U+FFFF, which a workbook cannot hold"),
    ],
)
def test_text_no_cell_can_hold_is_an_error_and_leaves_no_file(
    run: Runner, tmp_path: pathlib.Path, text: str, message: str
) -> None:
    """Never a silently cut or changed value: exit 1, one message, no file, no temporary."""
    data = write_data(
        tmp_path / "d.toml",
        [{"id": "x", "name": "X", "municipality": "X", "cbs_code": "GM0001",
          "province": "Utrecht", "status": "groeikern", "sources": ["s"], "aliases": [text]}],
    )  # fmt: skip
    target = tmp_path / "out" / "x.xlsx"
    target.parent.mkdir()
    result = run(["list", "--data", str(data), "--fields", "id,aliases", "-o", str(target)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"newtowns: error: sheet towns, row 2, column aliases: {message}\n"
        "newtowns: hint: write --format csv or json instead; they hold any text\n"
    )
    assert list(target.parent.iterdir()) == []


@pytest.mark.parametrize(
    "args",
    [
        ["list", "--format", "xlsx"],
        ["list", "--format", "xlsx", "-o", "-"],
        ["groups", "-f", "xlsx"],
        ["export", "--format", "xlsx"],
    ],
)
def test_a_workbook_is_never_written_to_a_pipe(run: Runner, args: list[str]) -> None:
    """Binary data to a pipe is almost never wanted: exit 2 before the data is read."""
    result = run([*args, "--data", "/nonexistent.toml"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "newtowns: error: --format xlsx needs --output FILE: a workbook is not written to a "
        "terminal or a pipe\nnewtowns: hint: add -o NAME.xlsx\n"
    )


def test_an_existing_workbook_needs_force(run: Runner, tmp_path: pathlib.Path) -> None:
    target = tmp_path / "t.xlsx"
    target.write_bytes(b"old")
    result = run(["list", "--data", str(MINI), "-o", str(target)])
    assert result.exit_code == 2 and target.read_bytes() == b"old"
    assert run(["list", "--data", str(MINI), "-o", str(target), "--force"]).exit_code == 0
    assert _book(target).sheetnames == ["towns", "sources"]


def test_only_an_http_address_in_a_url_column_is_a_link() -> None:
    """write_url for http(s) only: any other text in a url column (or elsewhere) is text."""
    url: Column[object] = Column("url", "", lambda v, _: None)
    other: Column[object] = Column("note", "", lambda v, _: None)
    rows = (("https://example.org/a b", "https://example.org/"),
            ("HTTP://EXAMPLE.ORG/", None), ("ftp://example.org/", None),
            ("javascript:alert(1)", None), ("https://" + "x" * 2080, None))  # fmt: skip
    data = xlsx.workbook([("t", Table(columns=(url, other), rows=rows))], created=xlsx.EPOCH)
    sheet = openpyxl.load_workbook(io.BytesIO(data))["t"]
    cells = list(sheet.iter_rows(min_row=2))
    assert [row[0].value for row in cells] == [row[0] for row in rows]
    assert [row[0].hyperlink is not None for row in cells] == [False, True, False, False, False]
    assert cells[1][0].hyperlink.target == "HTTP://EXAMPLE.ORG/"
    assert cells[0][1].hyperlink is None
