"""Population series for charts, and the round ticks their axes share (SVG and terminal)."""

from __future__ import annotations

import math
from collections.abc import Iterable

from newtowns_cli.model.frozen import Frozen
from newtowns_cli.model.i18n import number as written
from newtowns_cli.questions.growth import Figure, fractional_year, series


class Line(Frozen):
    """One series: (year, value) points in order; ``None`` marks a gap."""

    label: str
    points: tuple[tuple[float, float] | None, ...]


def nice_step(span: float, most: int) -> float:
    """The smallest of 1, 2, 2.5, 5 × 10^k that cuts ``span`` into at most ``most`` steps."""
    if span <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(span / most))
    return next(power * m for m in (1.0, 2.0, 2.5, 5.0, 10.0) if span / (power * m) <= most)


def linear_ticks(low: float, high: float, most: int) -> list[float]:
    """Round ticks covering low..high (the first at or below low, the last at or above high)."""
    step = nice_step(high - low, most)
    first, last = math.floor(low / step), math.ceil(high / step)
    return [i * step for i in range(first, max(last, first + 1) + 1)]


def log_ticks(low: float, high: float) -> list[float]:
    """Ticks at 1, 2, 5 × 10^k (only powers of ten beyond three decades), from the last at or
    below ``low`` to the first at or above ``high``."""
    first, last = math.floor(math.log10(low)), math.ceil(math.log10(high))
    last = max(last, first + 1)
    steps = (1, 2, 5) if last - first <= 3 else (1,)
    ticks = [float(m * 10**e) for e in range(first, last) for m in steps] + [10.0**last]
    start = max(i for i, t in enumerate(ticks) if t <= low)
    end = min(i for i, t in enumerate(ticks) if t >= high)
    return ticks[start : max(end, start + 1) + 1]


def number(value: float) -> str:
    """A tick label: 50,000 or 2.5 (no trailing zeros); 50.000 and 2,5 in Dutch."""
    if value == int(value):
        return written(value, ",.0f")
    return written(value, ",.2f").rstrip("0")


def year(value: float) -> str:
    """A year as a tick label: 1972, or 1972.5 for a fractional one."""
    return str(int(value)) if value == int(value) else f"{value:.1f}"


def segments(line: Line) -> list[list[tuple[float, float]]]:
    """The runs of points between gaps (empty runs dropped)."""
    runs: list[list[tuple[float, float]]] = [[]]
    for point in line.points:
        if point is None:
            runs.append([])
        else:
            runs[-1].append(point)
    return [run for run in runs if run]


def from_figures(label: str, figures: Iterable[Figure]) -> Line:
    """A line of figures at their fractional years, in date order, one per date. Where what
    is counted changes (the summed predecessors, then the merged municipality) the line
    breaks: the two are not joined as if they were one series."""
    points: list[tuple[float, float] | None] = []
    previous: Figure | None = None
    for figure in series(figures):
        if previous is not None and previous.label != figure.label:
            points.append(None)
        points.append((fractional_year(figure.date), float(figure.count)))
        previous = figure
    return Line(label, tuple(points))
