"""What the SVG renderers share: escaping, number formatting, text width and label boxes."""

from __future__ import annotations

import functools
import re
import unicodedata
from xml.sax.saxutils import escape

from newtowns_cli.model.frozen import Frozen
from newtowns_cli.render.text import visible

_ATTRIBUTE = {'"': "&quot;", "'": "&apos;"}
# Besides the controls, XML 1.0 has no place for surrogates, and an HTML page none for the
# noncharacters (U+FDD0–U+FDEF and the last two of every plane: html5lib's
# "invalid-codepoint"; the SVG is inside the page).
_NOT_TEXT = re.compile(
    "[\ud800-\udfff\ufdd0-\ufdef"
    + "".join(chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF) for plane in range(17))
    + "]"
)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def safe(value: str, *, keep: str = "") -> str:
    """Text an SVG or HTML page can hold and people can read: control characters, bidi
    and zero-width characters (render/text.py ``visible``), surrogates and noncharacters
    shown as escapes (``\\x00``, ``\\ufffe``), except the characters in ``keep``."""
    if value.isprintable():  # the common case: every character shown above is not printable
        return value
    return _NOT_TEXT.sub(_escaped, visible(value, keep=keep))


def text(value: str) -> str:
    """Character data: ``& < >`` escaped; characters XML cannot hold shown as escapes."""
    return escape(safe(value))


def attr(value: str) -> str:
    """An attribute value to put between double quotes."""
    return escape(safe(value), _ATTRIBUTE)


@functools.lru_cache(maxsize=1 << 16)
def fmt(value: float, digits: int = 2) -> str:
    """A number as short as it can be written: ``12``, ``12.5``, ``-0.25`` (never ``-0``).

    Kept for the last 65 536 asked: the charts of a page ask the same ones again (nine
    in ten of a dossier's 300 000 numbers are repeats: the same axes, ticks and sizes)."""
    rounded = round(value, digits)
    if rounded == 0:
        return "0"
    return f"{rounded:.{digits}f}".rstrip("0").rstrip(".")


def text_width(value: str, size: float, *, bold: bool = False) -> float:
    """An estimate of the width of ``value`` in a sans-serif font of ``size`` units.

    Average advance widths of Helvetica/Arial/DejaVu Sans: narrow letters count less, wide
    ones more; wide East Asian characters a full em. Good enough to keep labels apart.
    """
    total = 0.0
    for char in safe(value):
        if unicodedata.combining(char):
            continue
        if unicodedata.east_asian_width(char) in "WF":
            total += 1.0
        elif char in "iljtfI.,:;'|!() ":
            total += 0.3
        elif char in "mwMW@":
            total += 0.85
        elif char.isupper() or char.isdigit():
            total += 0.65
        else:
            total += 0.55
    return total * size * (1.08 if bold else 1.0)


class Box(Frozen):
    """An axis-aligned rectangle in SVG user units (y grows downwards)."""

    left: float
    top: float
    right: float
    bottom: float

    @classmethod
    def around(cls, x: float, y: float, radius: float) -> Box:
        return cls(x - radius, y - radius, x + radius, y + radius)

    def overlaps(self, other: Box) -> bool:
        return (
            self.left < other.right
            and other.left < self.right
            and self.top < other.bottom
            and other.top < self.bottom
        )

    def holds(self, other: Box) -> bool:
        return (
            self.left <= other.left
            and self.top <= other.top
            and other.right <= self.right
            and other.bottom <= self.bottom
        )
