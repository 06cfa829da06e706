"""The terminal table for any text at any width: never wider, nothing cut, words kept."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st
from rich import box
from rich.cells import cell_len
from rich.table import Table as RichTable
from rich.text import Text

from newtowns_cli.render import Format, render
from newtowns_cli.render.tables import Column, Table
from newtowns_cli.render.terminal import listing
from newtowns_cli.render.terminal.richtext import HEADING, to_string
from newtowns_cli.render.text import visible

words = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Zs", "Cc", "Mn", "Me", "Cf")), min_size=1, max_size=12)  # fmt: skip
phrases = st.lists(words, min_size=1, max_size=6).map(" ".join)
COLUMNS: tuple[Column[object], ...] = (
    Column("name", "", lambda item, _: None),
    Column("municipality", "", lambda item, _: None),
    Column("note", "", lambda item, _: None, text=True),
    Column("population", "", lambda item, _: None, numeric=True),
)


@given(
    st.lists(st.tuples(phrases, phrases, phrases, st.integers(0, 10**9)), min_size=1, max_size=6),
    st.integers(40, 200),
)
def test_no_line_is_wider_and_no_word_is_cut(
    rows: list[tuple[str, str, str, int]], width: int
) -> None:
    """Table or row blocks: every line fits; every word, and every grouped number, whole."""
    shown = render(Table(COLUMNS, tuple(rows)), Format.TABLE, width=width)
    assert max(cell_len(line) for line in shown.splitlines()) <= width
    tokens = shown.split()
    for name, municipality, note, population in rows:
        for word in f"{name} {municipality} {note}".split():
            assert visible(word) in tokens
        assert f"{population:,}" in tokens
    given_ellipses = sum(value.count("…") for row in rows for value in row[:3])
    assert shown.count("…") == given_ellipses


def _rich_table(table: Table, texts: list[list[Text]], widths: list[int], header: bool) -> object:
    """The rich Table the terminal listing drew before: the reference for Columns."""
    shown = RichTable(
        box=box.SIMPLE_HEAD if header else None, show_header=header, show_edge=False,
        pad_edge=False, padding=(0, 1), collapse_padding=True, header_style=HEADING,
    )  # fmt: skip
    for column, width in zip(table.columns, widths, strict=True):
        justify = "right" if column.numeric else "left"
        shown.add_column(column.name, justify=justify, overflow="fold", width=width)
    for row in texts:
        shown.add_row(*row)
    return shown


cells = st.one_of(st.none(), phrases, st.integers(0, 10**9), st.sampled_from(["consistent", "not comparable", "https://example.org/a/b/c"]))  # fmt: skip
LAYOUT: tuple[Column[object], ...] = (
    *COLUMNS,
    Column("sources", "", lambda item, _: None),
    Column("verdict", "", lambda item, _: None),
    Column("url", "", lambda item, _: None),
)


@given(
    st.lists(st.tuples(*(cells for _ in LAYOUT)), max_size=5),
    st.lists(st.integers(0, 25), min_size=len(LAYOUT), max_size=len(LAYOUT)),
    st.booleans(),
    st.booleans(),
)
def test_the_rows_are_drawn_as_the_rich_table_drew_them(
    rows: list[tuple[object, ...]], extra: list[int], header: bool, color: bool
) -> None:
    """Columns writes each line as segments, 4–5× faster than rich's Table for 4 000 towns,
    and gives the same text and styles: wrapped, folded, justified, muted, coloured, linked
    (a link's id is random in both, so it is left out of the comparison)."""
    table = Table(LAYOUT, tuple(rows))
    texts = [[listing.text(c, v) for c, v in zip(LAYOUT, row, strict=True)] for row in rows]
    widths = [max(len(c.name) if header else 1, n) for c, n in zip(LAYOUT, extra, strict=True)]
    ours = to_string([listing.Columns(table, texts, widths, header=header)], width=300, color=color, crop=False)  # fmt: skip
    rich = to_string([_rich_table(table, texts, widths, header)], width=300, color=color, crop=False)  # fmt: skip
    link_id = re.compile(r"id=\d+;")
    assert link_id.sub("", ours) == link_id.sub("", rich)
