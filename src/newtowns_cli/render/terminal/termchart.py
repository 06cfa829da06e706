"""Population series as text charts for a terminal (``growth --chart``), drawn by plotext.

plotext is imported here only, and this module only on that path. Meaning never rests on
colour: with a few places, each line is drawn *with its own letter* and a key names the
letters; with many, each place gets its own small chart (small multiples) titled by name,
on a common year axis. Output is plain text unless ``color`` is asked for, at exactly
``width`` columns.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from newtowns_cli.model.i18n import _
from newtowns_cli.render.lines import Line, linear_ticks, log_ticks, number, segments, year
from newtowns_cli.render.text import display_width, visible

if TYPE_CHECKING:
    from newtowns_cli.questions.municipal import PlaceGrowth

TOGETHER = 4  # at most this many places share one chart
PANEL_HEIGHT = 9
MIN_PANEL_WIDTH = 38
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def growth(rows: Sequence[PlaceGrowth], *, width: int = 80, log: bool = False) -> str:
    """growth --chart: the municipal series of each place. No colour: plotext paints a
    white background, and the letters carry the meaning."""
    from newtowns_cli.render.lines import from_figures

    return render([from_figures(row.town.name, row.figures) for row in rows], width=width, log=log)


def render(
    lines: Sequence[Line], *, width: int = 80, log: bool = False, color: bool = False
) -> str:
    """One chart for up to four places, small multiples for more."""
    if len(lines) <= TOGETHER:
        return together(lines, width=width, log=log, color=color)
    return small_multiples(lines, width=width, log=log, color=color)


def compact(value: float) -> str:
    """A short tick label: 950, 2.5k, 212k, 1.2M."""
    for limit, suffix in ((1e6, "M"), (1e3, "k")):
        if abs(value) >= limit:
            scaled = value / limit
            text = (
                f"{scaled:.1f}" if abs(scaled) < 10 and scaled != int(scaled) else f"{scaled:.0f}"
            )
            return text + suffix
    return f"{value:.0f}" if value == int(value) else f"{value:g}"


def together(
    lines: Sequence[Line],
    *,
    width: int = 80,
    height: int = 20,
    log: bool = False,
    color: bool = False,
) -> str:
    """All lines in one chart, each drawn with its letter; the key below names them."""
    drawable = [_drop_non_positive(line) if log else line for line in lines]
    points = [p for line in drawable for run in segments(line) for p in run]
    if not points:
        return _("no figures to chart") + "\n"
    figure = _figure(width, height)
    for index, line in enumerate(drawable):
        _draw(figure, line, LETTERS[index % len(LETTERS)], log)
    _axes(figure, points, [p[0] for p in points], log, xmost=max(3, width // 12), ymost=6)
    chart = _build(figure, color)
    key = "  ".join(
        f"{LETTERS[i % len(LETTERS)]} {visible(line.label)}" for i, line in enumerate(lines)
    )
    notes = [key, _scale_note(log)]
    return chart + "".join(textwrap.fill(note, width) + "\n" for note in notes)


def small_multiples(
    lines: Sequence[Line],
    *,
    width: int = 80,
    log: bool = False,
    color: bool = False,
    panel_height: int = PANEL_HEIGHT,
) -> str:
    """One small chart per place, side by side as the width allows, on a common year axis,
    titled by name and latest figure (so a single figure still reads as a number)."""
    drawable = [_drop_non_positive(line) if log else line for line in lines]
    years = [p[0] for line in drawable for run in segments(line) for p in run]
    if not years:
        return _("no figures to chart") + "\n"
    columns = max(1, (width + 1) // (MIN_PANEL_WIDTH + 1))
    panel_width = (width - (columns - 1)) // columns
    panels = []
    for line in drawable:
        points = [p for run in segments(line) for p in run]
        latest = f"  {number(points[-1][1])} ({int(points[-1][0])})" if points else ""
        title = _fit(visible(line.label), panel_width - 2 - len(latest)) + latest
        if not points:
            middle = panel_height // 2
            empty = [_centre(title, panel_width)] + [""] * (panel_height - 1)
            empty[middle] = _centre(_("(no figures)"), panel_width)
            panels.append(empty)
            continue
        figure = _figure(panel_width, panel_height)
        figure.title(title)
        _draw(figure, line, "hd", log)
        _axes(figure, points, years, log, xmost=max(2, panel_width // 12), ymost=4)
        panels.append(_build(figure, color).splitlines())
    rows = []
    for start in range(0, len(panels), columns):
        group = panels[start : start + columns]
        for row in range(max(len(panel) for panel in group)):
            cells = [_pad(panel[row] if row < len(panel) else "", panel_width) for panel in group]
            rows.append(" ".join(cells).rstrip())
    note = _("Each chart has its own scale of inhabitants.") + " " + _scale_note(log)
    return "\n".join(rows) + "\n" + textwrap.fill(note, width) + "\n"


def _scale_note(log: bool) -> str:
    if log:
        return _("Log scale: equal steps are equal growth factors.")
    return _("Linear scale from 0.")


def _figure(width: int, height: int) -> Any:
    import plotext  # type: ignore[import-untyped]  # imported on this path only

    plotext.terminal.limit(False, False)  # the size asked for, whatever the terminal's
    figure = plotext.figure
    figure.clear()
    figure.plot_size(width, height)
    return figure


def _draw(figure: Any, line: Line, marker: str, log: bool) -> None:
    """One plotext signal per line, unconnected across gaps (log: log10 of each value)."""
    runs = segments(line)
    xs = [x for run in runs for x, _ in run]
    ys = [math.log10(y) if log else y for run in runs for _, y in run]
    signal = figure.signal(xs, ys, marker=marker)
    signal.lines()
    start = 0
    for run in runs[:-1]:
        start += len(run)
        signal.line(start, False)
    figure.draw(signal)


def _axes(
    figure: Any,
    points: list[tuple[float, float]],
    years: list[float],
    log: bool,
    *,
    xmost: int,
    ymost: int,
) -> None:
    low_year, high_year = min(years), max(years)
    xticks = [t for t in linear_ticks(low_year, high_year, xmost) if low_year <= t <= high_year]
    figure.ruler("x").lim(low_year, high_year)
    figure.ruler("x").ticks(xticks, [year(t) for t in xticks])
    values = [v for _, v in points]
    yticks = log_ticks(min(values), max(values)) if log else linear_ticks(0, max(values), ymost)
    # plotext 6.1 collapses a log-scaled axis given explicit ticks, so a log chart plots
    # log10 of the values on a linear axis, with ticks labelled by the values themselves.
    where = [math.log10(t) for t in yticks] if log else yticks
    figure.ruler("y").lim(where[0], where[-1])
    figure.ruler("y").ticks(where, [compact(t) for t in yticks])


def _build(figure: Any, color: bool) -> str:
    text: str = figure.build().string(colorless=not color)
    figure.clear()
    return "\n".join(line.rstrip() for line in text.rstrip("\n").split("\n")) + "\n"


def _drop_non_positive(line: Line) -> Line:
    """A log axis cannot show 0: such a figure becomes a gap."""
    return Line(line.label, tuple(p if p is None or p[1] > 0 else None for p in line.points))


def _fit(text: str, width: int) -> str:
    return text if display_width(text) <= width else text[: max(1, width - 1)] + "…"


def _centre(text: str, width: int) -> str:
    return " " * max(0, (width - display_width(text)) // 2) + text


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))
