"""rich's Markdown with tables sized as our terminal tables: cells wrap, words stay whole.

rich's own Markdown tables share the width out evenly and cut cells with '…'. A table
whose columns cannot stand side by side without splitting a word (the report's towns
table at 80 columns) is shown as the listings show theirs then: each row a block of
'heading  value' lines.
"""

from __future__ import annotations

import re
from typing import ClassVar

from rich import box
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.markdown import Markdown, MarkdownElement, TableElement
from rich.table import Table
from rich.text import Text

from newtowns_cli.render.terminal.listing import Blocks, Size, fit
from newtowns_cli.render.text import display_width, visible


class FoldingTable(TableElement):
    """A Markdown table as rich draws it, with widths that keep every word whole if they can."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        table = Table(
            box=box.SIMPLE,
            pad_edge=False,
            style="markdown.table.border",
            show_edge=True,
            collapse_padding=True,
        )
        headings = [] if self.header is None or self.header.row is None else self.header.row.cells
        rows = (
            []
            if self.body is None
            else [[cell.content for cell in r.cells] for r in self.body.rows]
        )
        sizes = [_size(cell.content, [row[i] for row in rows]) for i, cell in enumerate(headings)]
        widths = fit(sizes, width=options.max_width - 4)  # the frame's edges and padding
        if widths is None:
            yield Blocks([cell.content.plain for cell in headings], rows)
            yield Text("")
            return
        for column, width in zip(headings, widths, strict=True):
            heading = column.content.copy()
            heading.stylize("markdown.table.header")
            table.add_column(heading, overflow="fold", width=width)
        for row in rows:
            table.add_row(*row)
        yield table


def _size(heading: Text, cells: list[Text]) -> Size:
    plains = [cell.plain for cell in cells]
    longest = max((display_width(plain) for plain in plains), default=0)
    word = max((display_width(w) for p in plains for w in p.split()), default=0)
    head = max((display_width(w) for w in heading.plain.split()), default=1)
    return Size(heading.plain, True, head, max(longest, display_width(heading.plain)), word)


class FoldingMarkdown(Markdown):
    elements: ClassVar[dict[str, type[MarkdownElement]]] = {
        **Markdown.elements,
        "table_open": FoldingTable,
    }


def markdown(source: str) -> RenderableType:
    """Markdown we wrote (data in it escaped) for rich to render.

    Links to the document's own anchors ("[3](#source-3)") show as "[3]", addresses once;
    table cells wrap instead of being cut.
    """
    text = re.sub(r"\[([^\]\n]+)\]\(#[^)\s]*\)", r"\\[\1\\]", visible(source, keep="\t\n"))
    # An autolink (<https://…>) as its address once: rich shows a link as "text (address)",
    # which for an autolink is the address twice. Escaped, so no character of it is markup.
    text = _AUTOLINK.sub(lambda m: _PUNCTUATION.sub(r"\\\g<0>", m.group(1)), text)
    return FoldingMarkdown(text, hyperlinks=False)


_AUTOLINK = re.compile(r"(?<!\\)<(https?://[^<>\s]+)>")  # text escaped as \< is no link
_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")  # ASCII punctuation, which CommonMark escapes
