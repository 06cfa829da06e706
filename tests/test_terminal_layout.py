"""The terminal table for any text at any width: never wider, nothing cut, words kept."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from newtowns_cli.render import Format, render
from newtowns_cli.render.tables import Column, Table
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
