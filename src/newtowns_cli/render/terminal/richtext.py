"""rich for people at a terminal: the one way data becomes rich Text, and our own consoles.

Imported only when output is for people (stdout a terminal, or --format table): importing
rich costs tens of milliseconds (benchmarks/README.md). Every piece of data text reaches
rich through ``data_text``, so it is never read as markup and its control characters are
shown escaped (``text.visible``). Consoles are built here with every setting explicit and
rich's view of the environment switched off: rich would otherwise take FORCE_COLOR (any
value, even 0), NO_COLOR, COLUMNS and the width of stdin or stderr into account.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable

from rich.console import Console, RenderableType
from rich.style import Style
from rich.text import Text

from newtowns_cli.model.i18n import say
from newtowns_cli.render.tables import Value
from newtowns_cli.render.text import cell, visible

ISSUE_STYLES = {
    "consistent": "green",
    "not consistent": "bold red",
    "not comparable": "yellow",
}
"""Colour for meaning only: the words are always there."""
MUTED = "dim"
HEADING = "bold"


def data_text(value: Value, *, style: str | Style = "", keep: str = "") -> Text:
    """``value`` (from a data file) as rich Text: never markup, control characters escaped.

    ``keep`` names control characters to keep as they are (a newline in a block of text).
    A Phrase (a note, a verdict) is shown in the run's language.
    """
    return Text(visible(cell(say(value), joiner=", "), keep=keep), style=style)  # type: ignore[arg-type]


def console(*, width: int, color: bool, height: int = 25) -> Console:
    """A console writing to memory at ``width`` columns, colour and bold only if ``color``."""
    return Console(
        file=io.StringIO(),
        width=width,
        height=height,
        color_system="standard" if color else None,
        force_terminal=color,
        force_jupyter=False,
        force_interactive=False,
        no_color=not color,
        highlight=False,
        markup=False,
        emoji=False,
        legacy_windows=False,
        soft_wrap=False,
        _environ={},
    )


def to_string(
    renderables: Iterable[RenderableType],
    *,
    width: int,
    color: bool,
    soft_wrap: bool = False,
    crop: bool = True,
) -> str:
    """The renderables as text, one after another; trailing spaces dropped from each line.

    With ``soft_wrap`` long lines are left for the terminal to wrap; without ``crop`` a
    line a renderable made wider than ``width`` (an address kept whole) stays whole.
    """
    out = console(width=width, color=color)
    for renderable in renderables:
        out.print(renderable, soft_wrap=soft_wrap, crop=crop)
    file = out.file
    assert isinstance(file, io.StringIO)
    return "".join(_rstrip(line) + "\n" for line in file.getvalue().splitlines())


_CODE = re.compile(r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\")


def _rstrip(line: str) -> str:
    """``line`` without trailing spaces, also those padded inside a style (a bold header).

    Peeled from the end, one escape code at a time: linear in the line's length (a regex
    search for the tail is quadratic in a long run of padding before a border, minutes at
    COLUMNS=999999).
    """
    codes: list[str] = []
    while True:
        trimmed = line.rstrip(" ")
        if trimmed.endswith("m"):
            start = trimmed.rfind("\x1b[")
        elif trimmed.endswith("\x1b\\"):
            start = trimmed.rfind("\x1b]8;")
        else:
            break
        if start < 0 or not _CODE.fullmatch(trimmed, start):
            break
        codes.append(trimmed[start:])
        line = trimmed[:start]
    return trimmed + "".join(reversed(codes))
