"""Long documents and reports for people at a terminal: rendered Markdown, coloured problems."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from newtowns_cli.model.errors import Problem
from newtowns_cli.render.terminal.folding_markdown import markdown
from newtowns_cli.render.terminal.richtext import MUTED, data_text, to_string

PATH = "bold cyan"
MESSAGE = "red"


MAX_WIDTH = 1000
"""Documents are laid out at most this wide, as charts are: rich pads every line to the
width, so COLUMNS=999999 would cost seconds per page for lines no one can read."""


def report(source: str, *, width: int, color: bool) -> str:
    """The Markdown ``source`` as rich renders it: headings, tables, lists, links as text."""
    return to_string([markdown(source)], width=min(width, MAX_WIDTH), color=color)


def problems(found: Sequence[Problem], *, width: int, color: bool) -> str:
    """Each problem on its line: the place muted, the path and the message in colour."""
    lines = []
    for problem in found:
        line = Text.assemble(
            data_text(f"{problem.file}:{problem.line}:{problem.column}:", style=MUTED), " "
        )
        if problem.path:
            line.append_text(data_text(problem.path, style=PATH))
            line.append(": ")
        line.append_text(data_text(problem.message, style=MESSAGE))
        lines.append(line)
    return to_string(lines, width=width, color=color, soft_wrap=True)
