"""Help pages, drawn from the table in spec.py at the terminal's width: ours on every path.

Text is wrapped at spaces only, so a code (NL-ZH), an option or a path is never split, and
nothing is cut: a summary too long for its column continues on the next line.
"""

from __future__ import annotations

import os
import sys

from newtowns_cli.cli.spec import COMMANDS, FILTERS, OPTIONS, OUTPUT, ROOT, Command, Param

NARROWEST, WIDEST = 40, 100
"""Pages are drawn at the terminal's width within these bounds (wider lines read badly)."""
HELP = "Show this help and exit."


def columns() -> int:
    """The width to draw at: $COLUMNS, else the terminal's, else 80, within the bounds."""
    value = os.environ.get("COLUMNS", "")
    if value.isascii() and value.isdigit() and 0 < len(value.lstrip("0")) <= 6:
        width = int(value)
    else:
        try:
            width = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            width = 80
    return min(max(width or 80, NARROWEST), WIDEST)


def wrap(text: str, width: int, indent: str = "", first: str | None = None) -> list[str]:
    """``text`` in lines of at most ``width`` (a longer word has a line of its own)."""
    lines: list[str] = []
    line = indent if first is None else first
    empty = len(line)
    for word in text.split():
        if len(line) > empty and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = indent
            empty = len(line)
        line = (line + " " + word) if len(line) > empty else line + word
    lines.append(line)
    return lines


def page(command: Command | None, *, name: str = "", width: int | None = None) -> str:
    """The help of ``command`` (None: the root's), as typed as ``name``."""
    width = columns() if width is None else width
    if command is None:
        return _root(width)
    typed = name or command.name
    words = ["Usage: newtowns", typed]
    if any(p.option for p in command.params):
        words.append("[OPTIONS]")
    words += [p.label() for p in command.arguments]
    lines = [*wrap(" ".join(words), width, "    ", first=""), ""]
    lines += wrap(command.summary, width, "  ")
    if command.text:
        lines += ["", *wrap(command.text, width, "  ")]
    others = [n for n in (command.name, *command.aliases) if n != typed]
    if others:
        lines += ["", *wrap("Also spelled: " + ", ".join(others) + ".", width, "  ")]
    if command.example:
        lines += ["", "  Example:", "    " + command.example]
    sections = {"Arguments": [(p.metavar, p.help + _choices(p)) for p in command.arguments]}
    for section in (FILTERS, OUTPUT, OPTIONS):
        shown = [p for p in command.params if p.option and p.section == section]
        sections[section] = [(p.label(), p.help + _choices(p)) for p in shown]
    sections[OPTIONS].append(("-h, --help", HELP))
    return "\n".join(lines + _sections(sections, width)) + "\n"


def _choices(param: Param) -> str:
    """What a choice takes, unless its help says it already."""
    if param.kind != "choice" or all(choice in param.help for choice in param.choices):
        return ""
    return " One of: " + ", ".join(param.choices) + "."


def _root(width: int) -> str:
    lines = [*wrap("Usage: newtowns [OPTIONS] COMMAND [ARGS]...", width, "    ", first=""), ""]
    lines += [*wrap(ROOT.summary, width, "  "), "", *wrap(ROOT.text, width, "  ")]
    options = [(p.label(), p.help) for p in ROOT.params] + [("-h, --help", HELP)]
    lines += _sections(
        {"Options": options, "Commands": [(c.name, c.summary) for c in COMMANDS]}, width
    )
    closing = "'newtowns COMMAND --help' or 'newtowns help COMMAND' shows a command's options."
    lines += ["", *wrap(closing, width)]
    return "\n".join(lines) + "\n"


def _sections(sections: dict[str, list[tuple[str, str]]], width: int) -> list[str]:
    """Each section that has rows: its heading, then two columns aligned across sections."""
    labels = [len(label) for rows in sections.values() for label, _ in rows]
    left = min(max(labels), max(12, width // 3))
    lines: list[str] = []
    for heading, rows in sections.items():
        if rows:
            lines += ["", f"{heading}:", *_rows(rows, width, left)]
    return lines


def _rows(rows: list[tuple[str, str]], width: int, left: int) -> list[str]:
    """Two columns: a label, and its text wrapped beside it (below it when narrow)."""
    start = 2 + left + 2
    lines: list[str] = []
    for label, text in rows:
        if width - start < 24:  # too narrow for two columns: the text below, indented
            lines += ["  " + label, *wrap(text, width, "      ")]
        elif len(label) > left:
            lines += ["  " + label, *wrap(text, width, " " * start)]
        else:
            lines += wrap(text, width, " " * start, first=f"  {label:<{left}}  ")
    return lines
