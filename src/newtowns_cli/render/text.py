"""Turning values into cell text, and making untrusted text safe to show on a terminal."""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newtowns_cli.render.records import Value

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_UNSAFE_ON_TERMINAL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str, *, keep: str = "") -> str:
    """Control characters (ESC, CR, NUL, C1 …) shown as escapes, except those in ``keep``."""

    def shown(match: re.Match[str]) -> str:
        char = match.group()
        return char if char in keep else _NAMED.get(char, f"\\x{ord(char):02x}")

    return _CONTROL.sub(shown, text)


def display_width(text: str) -> int:
    """Terminal cells ``text`` takes: wide East Asian characters 2, combining marks 0."""
    if text.isascii():
        return len(text)
    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
        for char in text
    )


def terminal_safe(text: str) -> str:
    """Machine-format text for a terminal: layout (newline, tab) kept, other controls escaped."""
    return _UNSAFE_ON_TERMINAL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def cell(value: Value, *, joiner: str) -> str:
    """A value as plain cell text: empty for none, lists joined, numbers in shortest form."""
    if value is None:
        return ""
    if isinstance(value, tuple):
        return joiner.join(value)
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)
