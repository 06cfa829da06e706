"""A small chart of one population series in block characters, for `show` on a terminal.

Pure and light (no chart library): a line in, a few text lines out. The x axis is the
years from the first figure to the last; between two figures of one run the column heights
follow the straight line between them (as a line chart draws it), and where the series
breaks (a gap, or a change of what is counted) the columns stay blank. The y axis runs
from 0 to the highest figure, labelled at both ends; the first and last year stand below.
"""

from __future__ import annotations

import itertools

from newtowns_cli.model import frozen
from newtowns_cli.model.i18n import _, ngettext, number
from newtowns_cli.render.lines import Line, segments

TYPE_CHECKING = False  # mypy reads this as typing.TYPE_CHECKING; typing is not imported
if TYPE_CHECKING:
    from newtowns_cli.model.records import Town
    from newtowns_cli.render.detail import Detail

BLOCKS = " ▁▂▃▄▅▆▇█"
HEIGHT = 3
MOST = 60


def with_chart(shown: Detail, town: Town, width: int) -> Detail:
    """The town's view with a small chart of its municipal series (a terminal's only)."""
    from newtowns_cli.questions import municipal
    from newtowns_cli.render import lines

    figures = municipal.figures(town)
    chart = render(lines.from_figures(town.name, figures), width=width)
    if not chart:
        return shown
    counted = _(" then ").join(dict.fromkeys(f.label or town.municipality for f in figures))
    title = ngettext(
        "Municipal population ({n} figure: {counted})",
        "Municipal population ({n} figures: {counted})",
        len(figures),
    ).format(n=len(figures), counted=counted)
    chart = (*chart, _("Straight between figures; blank where the series breaks."))
    return frozen.replace(shown, chart=chart, chart_title=title)


def render(line: Line, *, width: int = 80, height: int = HEIGHT) -> tuple[str, ...]:
    """The chart as lines of at most ``width`` columns; empty without figures."""
    runs = segments(line)
    points = [p for run in runs for p in run]
    if not points:
        return ()
    low, high = min(p[0] for p in points), max(p[0] for p in points)
    top = max(p[1] for p in points)
    gutter = max(len(number(top, ",.0f")), 1)
    columns = max(8, min(MOST, width - gutter - 2)) if high > low else 1
    step = (high - low) / (columns - 1) if high > low else 0.0
    levels = [_level(_at(runs, low + step * i, step / 2), top, height) for i in range(columns)]
    rows = []
    for row in range(height - 1, -1, -1):
        label = number(top, ",.0f") if row == height - 1 else ("0" if row == 0 else "")
        cells = "".join(
            " " if level is None else BLOCKS[max(0, min(8, level - row * 8))] for level in levels
        )
        rows.append(f"{label:>{gutter}} ┤{cells}".rstrip())
    first, last = f"{low:.0f}", f"{high:.0f}"
    axis = first + " " * max(1, columns - len(first) - len(last)) + last if high > low else first
    rows.append(" " * (gutter + 2) + axis)
    return tuple(rows)


def _level(value: float | None, top: float, height: int) -> int | None:
    """Eighths of a row: at least one for any figure above 0, so it is never lost."""
    if value is None:
        return None
    if top <= 0 or value <= 0:
        return 0
    return max(1, round(value / top * height * 8))


def _at(runs: list[list[tuple[float, float]]], x: float, near: float) -> float | None:
    """The value at year ``x``: on the line between two figures of a run, a single figure
    within ``near`` of it, else None."""
    for run in runs:
        if len(run) == 1 or run[0][0] == run[-1][0]:
            if abs(run[0][0] - x) <= near + 1e-9:
                return run[0][1]
            continue
        if run[0][0] - 1e-9 <= x <= run[-1][0] + 1e-9:
            for (x1, y1), (x2, y2) in itertools.pairwise(run):
                if x1 <= x <= x2 + 1e-9:
                    return y1 if x2 == x1 else y1 + (y2 - y1) * (x - x1) / (x2 - x1)
    return None
