"""Long runs of bare numbers (integers, floats) or booleans in an array, cut short before
the file is parsed.

No field of a data file holds an array of numbers or booleans: every such item is a
mistake, one problem each. The parser spends about 2 µs on each, so a 20 MB file of
``aliases = [1, 1, 1, …]`` took 18 s before validation refused it at its first
1 000 problems. Here a run of more than ``RUN`` such items is cut to its first ``KEPT``
before parsing: what validation reports of the file stays the same (it stops long before
the cut, and ``KEPT`` keeps the array as large to the bounded collector as the whole
run). Positions are not taken from the text cut short: problems are located in the
file's own text, and a syntax error is found by parsing the whole file.

A run is found by a regular expression, which cannot tell an array from a string or a
comment holding the same text. So the parser decides: the first item cut is replaced by
a number the file does not hold, and the cut is kept only if that number comes back as
an item of an array, once; anything else (a run in a string or a comment, a syntax
error) and the file is parsed whole, as it always was.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from newtowns_cli.reading.bounded import CHUNK

RUN = 50_000
"""Items in a run before it is cut: parsing fewer costs under a tenth of a second."""
KEPT = CHUNK
"""Items of a run kept: as many as the bounded collector (bounded.py) sees of any array."""
_DIGITS = r"[0-9](?:_?[0-9])*+"
_ITEM = (  # what TOML reads as a number (an integer within 64 bits, a float) or a boolean
    rf"(?>[+-]?+(?:(?:0|[1-9](?:_?[0-9]){{0,17}}+)(?:\.{_DIGITS})?+(?:[eE][+-]?+{_DIGITS})?+"
    r"|inf|nan)|true|false)"
)
_GAP = r"[ \t]*+(?:\r?\n[ \t]*+)*+"  # TOML's whitespace and newlines; a comment ends a run
_RUNS = re.compile(rf",{_GAP}(?:{_ITEM}{_GAP},{_GAP}){{{RUN},}}+")
_ONE = re.compile(rf"{_ITEM}{_GAP},{_GAP}")


def parse(text: str, loads: Callable[[str], dict[str, Any]]) -> dict[str, Any] | None:
    """The document of ``text`` parsed by ``loads`` with its long runs cut short, or None
    when there is none to cut, or the cut cannot be shown to lie in arrays."""
    commas = text.count(",")
    if commas < RUN or commas * 16 < len(text):
        return None  # no run, or runs too small a part of the file to be worth a search
    parts: list[str] = []
    marks: list[int] = []
    done = 0
    for run in _RUNS.finditer(text):
        items = _ONE.finditer(text, run.start() + 1, run.end())
        for _ in range(KEPT):
            next(items)
        mark = _unused_number(text, marks)
        parts += [text[done : next(items).start()], str(mark), ","]
        marks.append(mark)
        done = run.end()
    if not marks:
        return None
    parts.append(text[done:])
    try:
        document = loads("".join(parts))
    except (ValueError, RecursionError):  # a syntax error: the whole file is parsed instead
        return None
    return document if _took_out(document, marks) else None


def _unused_number(text: str, taken: list[int]) -> int:
    number = 7_301_946_285_113_450_000
    while str(number) in text or number in taken:
        number += 1
    return number


def _took_out(document: dict[str, Any], marks: list[int]) -> bool:
    """Whether each mark is in the document once, as an item of an array: then it is taken
    out (what is left is the document of the file cut short), and True."""
    wanted = set(marks)
    found: list[tuple[list[Any], int]] = []
    stack: list[Any] = [document]
    while stack:
        node = stack.pop()
        values = node.values() if isinstance(node, dict) else node
        for number, value in enumerate(values):
            if type(value) is int and value in wanted:
                if not isinstance(node, list):
                    return False
                found.append((node, number))
            elif isinstance(value, dict | list):
                stack.append(value)
    if sorted(node[number] for node, number in found) != sorted(marks):
        return False
    for node, number in sorted(found, key=lambda place: -place[1]):
        del node[number]
    return True
