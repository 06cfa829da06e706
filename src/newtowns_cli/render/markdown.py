"""GitHub-flavoured Markdown pipe tables whose cells parse back to the values."""

from __future__ import annotations

import re

from newtowns_cli.render.records import Table
from newtowns_cli.render.text import cell, visible

# Characters with a meaning in inline Markdown or in a table row; a backslash makes any
# ASCII punctuation literal in CommonMark, so escaping these keeps the text exact.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~!#])")


def escape(text: str) -> str:
    """Text as a single-line Markdown table cell that renders as the text itself."""
    return "<br>".join(_SPECIAL.sub(r"\\\1", visible(part)) for part in text.split("\n"))


def escape_block(text: str) -> str:
    """Text escaped as above that also cannot open a list, quote or heading at a line start."""
    escaped = escape(text)
    return re.sub(
        r"^(\d+)([.)])|^([-+=])", lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", escaped
    )


def render(table: Table) -> str:
    lines = ["| " + " | ".join(table.names) + " |"]
    lines.append("|" + "|".join("---:" if c.numeric else "---" for c in table.columns) + "|")
    for row in table.rows:
        lines.append("| " + " | ".join(escape(cell(value, joiner=", ")) for value in row) + " |")
    return "\n".join(lines) + "\n"
