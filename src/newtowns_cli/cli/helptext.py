"""Help pages, drawn from the table in spec.py at the terminal's width: ours on every path.

Text is wrapped at spaces only, so a code (NL-ZH), an option or a path is never split, and
nothing is cut: a summary too long for its column continues on the next line.
"""

from __future__ import annotations

import os
import sys

from newtowns_cli.cli.spec import COMMANDS, FILTERS, OPTIONS, OUTPUT, ROOT, Command, Param
from newtowns_cli.model.i18n import N_, _

NARROWEST, WIDEST = 40, 100
"""Pages are drawn at the terminal's width within these bounds (wider lines read badly)."""
HELP = N_("Show this help and exit.")
HEADINGS = (N_("Arguments"), N_("Filters"), N_("Output"), N_("Options"), N_("Commands"))
"""The sections of a help page (spec.py's names), marked for the catalogue: each is shown
translated as its heading."""


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
    words = [_("Usage:"), "newtowns", typed]
    if any(p.option for p in command.params):
        words.append(_("[OPTIONS]"))
    words += [p.label() for p in command.arguments]
    lines = [*wrap(" ".join(words), width, "    ", first=""), ""]
    lines += wrap(_(command.summary), width, "  ")
    if command.text:
        lines += ["", *wrap(_(command.text), width, "  ")]
    others = [n for n in (command.name, *command.aliases) if n != typed]
    if others:
        also = _("Also spelled: {names}.").format(names=", ".join(others))
        lines += ["", *wrap(also, width, "  ")]
    if command.example:
        lines += ["", "  " + _("Example:"), "    " + command.example]
    sections = {"Arguments": [(p.shown, _(p.help) + _choices(p)) for p in command.arguments]}
    for section in (FILTERS, OUTPUT, OPTIONS):
        shown = [p for p in command.params if p.option and p.section == section]
        sections[section] = [(p.label(), _(p.help) + _choices(p)) for p in shown]
    sections[OPTIONS].append(("-h, --help", _(HELP)))
    return "\n".join(lines + _sections(sections, width)) + "\n"


def _choices(param: Param) -> str:
    """What a choice takes, unless its help says it already."""
    if param.kind != "choice" or all(choice in param.help for choice in param.choices):
        return ""
    return " " + _("One of: {choices}.").format(choices=", ".join(param.choices))


def _root(width: int) -> str:
    usage = _("Usage: newtowns [OPTIONS] COMMAND [ARGS]...")
    lines = [*wrap(usage, width, "    ", first=""), ""]
    lines += [*wrap(_(ROOT.summary), width, "  "), "", *wrap(_(ROOT.text), width, "  ")]
    options = [(p.label(), _(p.help) + _choices(p)) for p in ROOT.params]
    options.append(("-h, --help", _(HELP)))
    lines += _sections(
        {OPTIONS: options, "Commands": [(c.name, _(c.summary)) for c in COMMANDS]}, width
    )
    closing = _("'newtowns COMMAND --help' or 'newtowns help COMMAND' shows a command's options.")
    lines += ["", *wrap(closing, width)]
    return "\n".join(lines) + "\n"


def _sections(sections: dict[str, list[tuple[str, str]]], width: int) -> list[str]:
    """Each section that has rows: its heading, then two columns aligned across sections."""
    labels = [len(label) for rows in sections.values() for label, _ in rows]
    left = min(max(labels), max(12, width // 3))
    lines: list[str] = []
    for heading, rows in sections.items():
        if rows:
            lines += ["", _(heading) + ":", *_rows(rows, width, left)]
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
