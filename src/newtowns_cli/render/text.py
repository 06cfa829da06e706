"""Turning values into cell text, and making untrusted text safe to show on a terminal."""

from __future__ import annotations

import re

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:
    from newtowns_cli.render.tables import Value

# Invisible characters that change how a terminal shows the text around them (spoofing):
# the bidi controls (U+061C, U+200E/F, U+202A–202E, U+2066–2069), zero-width characters
# (U+200B–200D, U+2060, U+FEFF) and the line and paragraph separators (U+2028/9).
_INVISIBLE = "\u061c\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff"
_CONTROL = r"[\x00-\x1f\x7f-\x9f]"
_HIDDEN = f"[\\x00-\\x1f\\x7f-\\x9f{_INVISIBLE}]"
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_UNSAFE_ON_TERMINAL = f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{_INVISIBLE}]"
"""Patterns, compiled by re on first use (and cached there): not on every start-up."""


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str, *, keep: str = "") -> str:
    """Text safe to show to people: control characters (ESC, CR, NUL, C1 …), bidi
    controls, zero-width characters and U+2028/U+2029 shown as escapes (``\\x1b``,
    ``\\u202e``), except the characters in ``keep``.

    The one escaping function for people's text, terminal tables and rich views alike.
    """

    if text.isprintable():  # no control, bidi or zero-width character is printable
        return text
    return re.sub(_HIDDEN, lambda match: _shown(match.group(), keep), text)


def controls_visible(text: str, *, keep: str = "") -> str:
    """Only the control characters shown as escapes: for data formats read back by
    machines (Markdown), where every other character must stay exactly as it is."""

    if text.isprintable():
        return text
    return re.sub(_CONTROL, lambda match: _shown(match.group(), keep), text)


def _shown(char: str, keep: str) -> str:
    return char if char in keep else _NAMED.get(char) or _escape(char)


def display_width(text: str) -> int:
    """Terminal cells ``text`` takes: wide East Asian characters 2, combining marks 0."""
    if text.isascii():
        return len(text)
    import unicodedata  # for a terminal's cells only

    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
        for char in text
    )


def terminal_safe(text: str) -> str:
    """Machine-format text for a terminal: layout (newline, tab) kept; other controls,
    bidi controls, zero-width characters and U+2028/U+2029 escaped as visible() does."""
    if text.isprintable():
        return text
    return re.sub(_UNSAFE_ON_TERMINAL, lambda m: _escape(m.group()), text)


def cell(value: Value, *, joiner: str) -> str:
    """A value as plain cell text: empty for none, lists joined, numbers in shortest form."""
    if value is None:
        return ""
    if isinstance(value, tuple):
        return joiner.join(value)
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)
