"""GitHub-flavoured Markdown pipe tables whose cells parse back to the values."""

from __future__ import annotations

import re

from newtowns_cli.model.i18n import header, say
from newtowns_cli.render.tables import Table
from newtowns_cli.render.text import cell, controls_visible

# Characters with a meaning in inline Markdown or in a table row; a backslash makes any
# ASCII punctuation literal in CommonMark, so escaping these keeps the text exact.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~!#])")
_PLAIN = re.compile(r"[^\\`*_\[\]<>|&~!#\x00-\x1f\x7f-\x9f\u2028\u2029]*")


def escape(text: str) -> str:
    """Text as a single-line Markdown table cell that a CommonMark/GFM parser reads back.

    Control characters (but tab and newline) are first shown escaped (\\x1b); then
    punctuation with a meaning is backslash-escaped, a newline becomes <br>, and
    whitespace at the edges, which a table cell would trim, becomes character references.
    """
    if _PLAIN.fullmatch(text) and not (text[:1].isspace() or text[-1:].isspace()):
        return text  # nothing to escape: most cells
    shown = controls_visible(text, keep="\t\n")
    start = len(shown) - len(shown.lstrip())
    body = shown[start:].rstrip()
    lead, trail = shown[:start], shown[start + len(body) :]
    inner = "<br>".join(_SPECIAL.sub(r"\\\1", part) for part in body.split("\n"))
    return _references(lead) + inner + _references(trail)


def _references(blank: str) -> str:
    return "".join(f"&#{ord(char)};" for char in blank)


_NOT_IN_AUTOLINK = re.compile(r"[\x00-\x20\x7f-\x9f<>\"'`\\]")


def is_web_address(url: str) -> bool:
    """Whether ``url`` is an http(s) address, the only kind linked in a report."""
    return url.lower().startswith(("http://", "https://"))


def autolink(url: str) -> str:
    """``<url>`` as a CommonMark autolink that cannot end early or carry markup or HTML.

    Validation already allows only http(s) addresses without spaces, quotes or angle
    brackets; anything that could end the link or be read as markup is percent-encoded
    anyway, which keeps the address it points to. Any other scheme (``javascript:``, from
    a cache entry validation never saw) is escaped text, not a link.
    """
    if not is_web_address(url):
        return escape(url)
    encoded = _NOT_IN_AUTOLINK.sub(
        lambda m: "".join(f"%{byte:02X}" for byte in m.group().encode()), url
    )
    return f"<{encoded}>"


def escape_block(text: str) -> str:
    """Text escaped as above that also cannot open a list, quote or heading at a line start."""
    escaped = escape(text)
    return re.sub(
        r"^(\d+)([.)])|^([-+=])", lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", escaped
    )


def render(table: Table) -> str:
    lines = ["| " + " | ".join(header(name) for name in table.names) + " |"]
    lines.append("|" + "|".join("---:" if c.numeric else "---" for c in table.columns) + "|")
    for row in table.rows:
        cells = (escape(cell(say(value), joiner=", ")) for value in row)  # type: ignore[arg-type]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
