"""TSV and CSV: a header line, then one record per line, quoted where a value needs it."""

from __future__ import annotations

from newtowns_cli.render.tables import Table
from newtowns_cli.render.text import cell


def render(table: Table, *, delimiter: str) -> str:
    """RFC 4180 quoting, so no delimiter, quote, CR or LF in a value can shift a column.

    (Python's csv writer leaves a lone CR unquoted, which splits the row for every reader.)
    """
    lines = [_line(table.names, delimiter)]
    lines += [_line([cell(value, joiner=";") for value in row], delimiter) for row in table.rows]
    return "".join(line + "\n" for line in lines)


def _line(values: list[str] | tuple[str, ...], delimiter: str) -> str:
    return delimiter.join(_field(value, delimiter) for value in values)


def _field(value: str, delimiter: str) -> str:
    if any(char in value for char in (delimiter, '"', "\n", "\r")):
        return '"' + value.replace('"', '""') + '"'
    return value
