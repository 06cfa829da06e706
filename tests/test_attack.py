"""The attacker's second pass on issue 12: cases the other tests did not cover, each
found by running the installed tool, with its documented outcome."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from test_terminal import on_terminal

from newtowns_cli.render import pages, richtext


def test_a_report_on_a_huge_terminal_is_laid_out_at_most_1000_columns_wide() -> None:
    """COLUMNS=999999 on a terminal: the report is the one drawn at 1000 columns.

    It took minutes: rich pads every line to the width, and the trailing padding was
    stripped with a regex search that is quadratic in a run of spaces before a border.
    """
    code, huge = on_terminal("report", "--no-pager", columns=80, COLUMNS="999999")
    assert code == 0
    assert (code, huge) == on_terminal("report", "--no-pager", columns=80, COLUMNS="1000")
    assert max(map(len, huge.splitlines())) <= pages.MAX_WIDTH


_CODES = r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\"
_PIECES = [" ", "a", "m", "\\", ";", "│", "\x1b", "\x1b[", "\x1b]8;", "\x1b[1m", "\x1b[0m"]
_PIECES += ["\x1b]8;id=1;https://x.example\x1b\\", "\x1b]8;;\x1b\\"]


@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_trailing_padding_is_dropped_and_the_styles_closing_it_kept(line: str) -> None:
    """The line ends without spaces; the escape codes among them stay, in order."""
    tail = re.search(rf"(?: |{_CODES})+$", line)
    expected = (
        line if tail is None else line[: tail.start()] + "".join(re.findall(_CODES, tail.group()))
    )
    assert richtext._rstrip(line) == expected
