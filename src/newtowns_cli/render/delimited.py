"""TSV and CSV: a header line, then one record per line, quoted where a value needs it."""

from __future__ import annotations

import csv
import io

from newtowns_cli.render.records import Table
from newtowns_cli.render.text import cell


def render(table: Table, *, delimiter: str) -> str:
    """RFC 4180 quoting: a tab, comma, quote or newline in a value never shifts a column."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(table.names)
    for row in table.rows:
        writer.writerow([cell(value, joiner=";") for value in row])
    return buffer.getvalue()
