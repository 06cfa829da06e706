"""The table for people at a terminal, drawn by rich: headers whole, long text wrapped.

Every header keeps its full name (it is what --fields takes); a cell too long for its
column wraps at spaces, and folds a word longer than the column, so nothing is cut. Numbers
are right-aligned and grouped (machine formats keep them raw). When even the headers do
not fit side by side (many --fields on a narrow terminal), each row is shown as a block
of field / value lines instead, so still nothing is cut.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from rich.console import (
    Console,
    ConsoleOptions,
    Group,
    RenderableType,
    RenderResult,
)
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from newtowns_cli.model import i18n
from newtowns_cli.model.frozen import Frozen
from newtowns_cli.render.tables import Column, Table, Value
from newtowns_cli.render.terminal.layout import Choice
from newtowns_cli.render.terminal.richtext import HEADING, ISSUE_STYLES, MUTED, data_text, to_string
from newtowns_cli.render.text import display_width

if TYPE_CHECKING:
    from rich.align import AlignMethod

GAP = 2
_LINK = re.compile(r"https?://[!-~]+")
SHORT = 16
"""A column (not free text) whose values all fit in this many cells never wraps."""
FOLD_FLOOR = 16
TEXT_FLOOR = 30
FOLDS = frozenset({"url"})
"""Columns of addresses, which may fold when there is no room. Identifiers (ids, sources,
groups, towns …) never fold: a column of them is as wide as its longest id, and a list of
them wraps only between its items; when that does not fit the row becomes a block."""
PHRASES: frozenset[str] = frozenset()
"""Short values of a few words that may wrap between them; a verdict ("not comparable")
is read at a glance, so it stays whole on one line."""
SOURCE_COLUMNS = frozenset({"source", "sources", "population_source", "original"})


def render(
    table: Table,
    *,
    width: int,
    color: bool,
    header: bool = True,
    wrap: bool = True,
    caption: str | None = None,
    choice: Choice | None = None,
) -> str:
    """The table in at most ``width`` columns; bold header and colours only if ``color``.

    ``choice`` (the terminal's default columns) keeps its essential columns and adds the
    others, in order of priority, while they fit.
    """
    del wrap  # every terminal table wraps now; kept for the callers' signature
    shown = renderable(table, caption=caption, header=header, choice=choice)
    return to_string([shown], width=width, color=color, crop=False)


def renderable(
    table: Table,
    *,
    caption: str | None = None,
    header: bool = True,
    choice: Choice | None = None,
    roomy: bool = False,
) -> RenderableType:
    """The rich renderable of ``table``: a table, or row blocks if it has to be (see above).

    With ``roomy``, free text keeps 30 cells (or its whole length) beside the other
    columns, else the rows become blocks, where it has a line of its own.
    """
    texts = [[text(column, value) for column, value in zip(table.columns, row, strict=True)]
             for row in table.rows]  # fmt: skip
    return _Fitting(table, texts, caption=caption, header=header, choice=choice, roomy=roomy)


def text(column: Column[object], value: Value) -> Text:
    """One cell: numbers grouped, verdicts coloured, source ids muted."""
    if column.numeric and isinstance(value, int | float) and not isinstance(value, bool):
        return data_text(i18n.number(value))
    style: str | Style = MUTED if column.name in SOURCE_COLUMNS else ""
    if column.name == "verdict" and isinstance(value, str):
        style = ISSUE_STYLES.get(value, "")
    if column.name == "url" and isinstance(value, str) and _LINK.fullmatch(value):
        style = Style(link=value)  # a folded address stays clickable where links work
    return data_text(value, style=style)


class _Fitting:
    """Decides at render time, knowing the width, between the table and row blocks."""

    def __init__(
        self,
        table: Table,
        texts: list[list[Text]],
        *,
        caption: str | None,
        header: bool,
        choice: Choice | None,
        roomy: bool = False,
    ) -> None:
        self.table, self.texts, self.caption = table, texts, caption
        self.header, self.choice, self.roomy = header, choice, roomy

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        sizes = {
            column.name: measure(column, [row[i] for row in self.texts], header=self.header)
            for i, column in enumerate(self.table.columns)
        }
        names = list(self.table.names)
        if self.choice is not None:
            priority, essential = self.choice
            keep = list(priority[:essential])
            if fit([sizes[name] for name in keep], width=width) is None:
                keep = list(priority)  # blocks, which have room for every column
            for name in priority[len(keep) :]:
                trial = [sizes[n] for n in names if n in keep or n == name]
                folds = [kept for kept in keep if kept != "id"]
                if fit(trial, width=width, folds=folds, roomy=True):
                    keep.append(name)
            names = [name for name in names if name in keep]
        table, texts = _only(self.table, self.texts, names)
        widths = fit([sizes[name] for name in names], width=width, roomy=self.roomy)
        if widths is None:
            yield blocks(table, texts, caption=self.caption)
            return
        yield Columns(table, texts, widths, header=self.header)
        if self.caption:  # as wide as the terminal, not the table
            yield data_text(self.caption)


def _only(
    table: Table, texts: list[list[Text]], names: list[str]
) -> tuple[Table, list[list[Text]]]:
    """The columns of ``table`` named in ``names``, in the table's order."""
    at = [i for i, name in enumerate(table.names) if name in names]
    rows = tuple(tuple(row[i] for i in at) for row in table.rows)
    return Table(tuple(table.columns[i] for i in at), rows), [[row[i] for i in at] for row in texts]


class Size(Frozen):
    """What fitting needs to know of a column: its name, kind and the widths of its text."""

    name: str
    text: bool
    head: int
    longest: int
    word: int


def measure(column: Column[object], cells: list[Text], *, header: bool) -> Size:
    """The header's width, the longest value's, and the longest word's where values wrap."""
    plains = [cell.plain for cell in cells]
    longest = max((display_width(plain) for plain in plains), default=0)
    wraps = not column.numeric and (column.text or longest > SHORT or column.name in PHRASES)
    word = max((display_width(w) for p in plains for w in p.split()), default=0) if wraps else 0
    head = display_width(i18n.header(column.name)) if header else 1
    return Size(column.name, column.text, head, longest, word if wraps else longest)


def fit(
    sizes: Sequence[Size],
    *,
    width: int,
    folds: Sequence[str] | None = None,
    roomy: bool = False,
) -> list[int] | None:
    """Column widths within ``width``, or None when even the narrowest do not fit.

    A column starts at its natural width; while the table is too wide, the column with
    the most room above its floor gives a cell. The floor is the header and the longest
    word, so no word is split; failing that, identifiers longer than 16 cells may fold
    (only those named in ``folds``, if given), the longest first, and addresses into lines
    of half the width at least; beside an address an id never folds (the rows become
    blocks instead, where an address has a line of its own). Numbers, dates and other
    short values keep their width.
    With ``roomy`` (choosing which columns to show), free text also keeps 30 cells.
    """
    natural, whole, folded = [], [], []
    addresses = any(size.name == "url" for size in sizes)
    for size in sizes:
        word = max(size.word, min(size.longest, TEXT_FLOOR)) if size.text and roomy else size.word
        natural.append(max(size.head, size.longest))
        whole.append(max(size.head, word))
        least = max(FOLD_FLOOR, width // 2) if size.name == "url" else FOLD_FLOOR
        folds_here = size.name in FOLDS and not (size.name == "id" and addresses)
        folded.append(max(size.head, min(word, least) if folds_here else word))
    available = width - GAP * (len(sizes) - 1)
    floors = list(whole)
    order = sorted(range(len(sizes)), key=lambda i: (sizes[i].name == "id", -whole[i]))
    for i in order:  # fold the widest identifiers first, an id column last, until it fits
        if sum(floors) <= available:
            break
        if folds is None or sizes[i].name in folds:
            floors[i] = folded[i]
    if sum(floors) > available:
        return None
    widths = list(natural)
    excess = sum(widths) - available
    while excess > 0:
        slack = [w - f for w, f in zip(widths, floors, strict=True)]
        most = max(slack)
        widest = slack.index(most)
        second = max((v for i, v in enumerate(slack) if i != widest), default=0)
        step = min(excess, max(1, most - second))
        widths[widest] -= step
        excess -= step
    return widths


class Columns:
    """The rows in columns of the given widths, as a rich Table with a simple head, no edge
    and collapsed padding draws them, line for line and style for style (tests/
    test_terminal_layout.py holds them side by side), but written as segments: the Table
    lays out every cell through its generic machinery, 2.9 s for 4 000 towns at a terminal.

    A header in bold over a rule, each cell's text wrapped (folded where a word is longer
    than its column) and justified in its column, one space after a column and one between.
    """

    def __init__(
        self, table: Table, texts: list[list[Text]], widths: list[int], *, header: bool
    ) -> None:
        self.table, self.texts, self.widths, self.header = table, texts, widths, header

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths, end, plain = self.widths, Segment.line(), Style()
        justify: list[AlignMethod] = [
            "right" if column.numeric else "left" for column in self.table.columns
        ]
        last = len(widths) - 1
        if self.header:
            bold = console.get_style(HEADING)
            heads = [Text(i18n.header(column.name), style=bold) for column in self.table.columns]
            yield from self._row(console, heads, justify, (Segment(" ", bold), Segment(" ")))
            yield Segment("─" * (sum(widths) + 2 * last), plain)
            yield end
        # Without a header the Table has no box, so no column of its own between columns.
        after = (Segment(" ", plain), Segment(" ", plain)) if self.header else (Segment(" "),)
        for row in self.texts:
            yield from self._row(console, row, justify, after)

    def _row(
        self,
        console: Console,
        cells: list[Text],
        justify: list[AlignMethod],
        after: tuple[Segment, ...],
    ) -> Iterable[Segment]:
        widths, last = self.widths, len(self.widths) - 1
        lines: list[list[Text | Segment]] = []
        for text, width, how in zip(cells, widths, justify, strict=True):
            plain = text.plain
            size = len(plain) if plain.isascii() else text.cell_len  # printable ASCII: 1 each
            if size <= width and not text.spans and "\n" not in plain:
                # One line in one style: the segment Text.align and render would give.
                pad = " " * (width - size)
                style = console.get_style(text.style) if text.style else None
                lines.append([Segment(plain + pad if how == "left" else pad + plain, style)])
            else:
                lines.append(list(text.wrap(console, width, justify=how, overflow="fold")))
        for depth in range(max(len(pieces) for pieces in lines)):
            for number, (pieces, width) in enumerate(zip(lines, widths, strict=True)):
                if depth < len(pieces):
                    piece = pieces[depth]
                    if isinstance(piece, Segment):
                        yield piece
                    else:
                        yield from _segments(piece, console)
                    if number < last:
                        yield from after
                else:
                    yield Segment(" " * (width + (1 if number < last else 0)), Style())
                    if number < last:
                        yield from after[1:]
            yield Segment.line()


def blocks(table: Table, texts: list[list[Text]], *, caption: str | None) -> RenderableType:
    """Each row as lines of field and value (empty ones left out), apart by a blank line."""
    shown: RenderableType = Blocks([i18n.header(name) for name in table.names], texts)
    return Group(shown, Text(""), data_text(caption)) if caption else shown


def _segments(value: Text, console: Console) -> Iterable[Segment]:
    """``value`` as segments with its own style too (Text.render applies only its spans)."""
    segments = value.render(console)
    if not value.style:
        return segments
    return Segment.apply_style(segments, console.get_style(value.style))


class Blocks:
    """Rows as blocks of 'field  value' lines (a value wraps under itself), a blank line apart.

    Written as lines of rich Text rather than as a rich grid, which costs a cell's
    layout for every line: 4 000 rows of 19 fields took 14 s that way.
    """

    def __init__(self, names: Sequence[str], rows: list[list[Text]]) -> None:
        self.names, self.rows = names, rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        key = max((display_width(name) for name in self.names), default=0) + GAP
        room = max(1, options.max_width - key)
        bold, end = console.get_style(HEADING), Segment.line()
        labels = [
            (Segment(name, bold), Segment(" " * (key - display_width(name)))) for name in self.names
        ]
        indent = Segment(" " * key)
        for number, row in enumerate(self.rows):
            if number:
                yield end
            for label, value in zip(labels, row, strict=True):
                if not value.plain:
                    continue
                if value.cell_len <= room:
                    yield from label
                    yield from _segments(value, console)
                    yield end
                    continue
                if _LINK.fullmatch(value.plain):
                    # An address stays whole, on a line of its own, even wider than the screen.
                    yield label[0]
                    yield end
                    yield from _segments(value, console)
                    yield end
                    continue
                for depth, piece in enumerate(value.wrap(console, room, overflow="fold")):
                    yield from label if depth == 0 else (indent,)
                    yield from _segments(piece, console)
                    yield end
