"""Text charts for a terminal: the timeline on a decade axis, and horizontal bars.

Plain characters only, so they read the same with and without colour.
"""

from __future__ import annotations

import textwrap
from collections import Counter
from collections.abc import Sequence

from newtowns_cli.model.i18n import _, number
from newtowns_cli.questions.timeline import Entry
from newtowns_cli.render.curation import decade as decade_words
from newtowns_cli.render.text import visible

MAX_HEIGHT = 8
MAX_WIDTH = 1000
"""Charts are drawn at most this wide, whatever COLUMNS says (COLUMNS=10**20 included)."""
_EIGHTHS = " ▏▎▍▌▋▊▉"


def timeline(entries: Sequence[Entry], *, width: int) -> str:
    """Every entry as a dot at its year on a decade axis; stacks taller than 8 show '+'."""
    if not entries:
        return ""
    years = [entry.date.year for entry in entries]
    low = min(years) // 10 * 10
    high = max(years) // 10 * 10 + 10
    span = high - low
    width = min(width, MAX_WIDTH)
    columns = max(20, width - 1)

    def column(year: int) -> int:
        return min(columns - 1, (year - low) * (columns - 1) // span)

    stacks = Counter(column(year) for year in years)
    height = min(MAX_HEIGHT, max(stacks.values()))
    lines = []
    for level in range(height, 0, -1):
        row = [" "] * columns
        for at, count in stacks.items():
            if count >= level:
                row[at] = "+" if level == height and count > height else "●"
        lines.append("".join(row).rstrip())
    axis = ["─"] * columns
    labels = [" "] * (columns + 4)
    free = 0
    for decade in range(low, high + 1, 10):
        at = column(decade) if decade < high else columns - 1
        axis[at] = "┼"
        start = min(at, columns - 4)  # the last label ends at the axis' end
        if start >= free:
            labels[start : start + 4] = str(decade)
            free = start + 6
    lines += ["".join(axis), "".join(labels).rstrip()]
    per_decade = Counter(year // 10 * 10 for year in years)
    counts = "  ".join(f"{decade_words(d)}: {count}" for d, count in sorted(per_decade.items()))
    legend = _("● one dated fact ({count} from {first} to {last}); ").format(
        count=len(entries), first=min(years), last=max(years)
    )
    if max(stacks.values()) > height:
        legend += _("+ a stack of more than {height}, cut at the top; ").format(height=height)
    legend += counts
    lines += ["", textwrap.fill(legend, width)]
    return "\n".join(lines) + "\n"


def bar(value: float, largest: float, width: int) -> str:
    """A horizontal bar of ``value`` scaled so ``largest`` fills ``width`` cells (1/8 steps)."""
    if largest <= 0 or value <= 0:
        return ""
    eighths = round(value / largest * min(width, MAX_WIDTH) * 8)
    full, part = divmod(max(eighths, 1), 8)
    return "█" * full + (_EIGHTHS[part] if part else "")


def labelled_bars(rows: Sequence[tuple[str, float]], *, width: int) -> str:
    """One labelled bar per row, with the value after it."""
    if not rows:
        return ""
    width = min(width, MAX_WIDTH)
    label_width = max(len(visible(label)) for label, _ in rows)
    value_width = max(len(number(value, ",.0f")) for _, value in rows)
    room = max(10, width - label_width - value_width - 3)
    largest = max(value for _, value in rows)
    lines = []
    for label, value in rows:
        drawn = bar(value, largest, room)
        shown = number(value, ",.0f")
        lines.append(f"{visible(label):<{label_width}}  {drawn:<{room}} {shown:>{value_width}}\n")
    return "".join(lines)
