"""SVG line charts of population series: several places in one chart, or one mini chart.

Pure: lines in, an SVG string out. Years on the x axis, a linear (from 0) or log y axis with
ticks at round numbers, a marker at every figure (so a reader sees which points are data and
which are the straight line between them), and each line labelled by name at its end instead
of by colour alone. A ``None`` in a line's points is a gap: the line breaks there and nothing
is drawn across it. Every chart has a ``<title>`` and a ``<desc>`` that says in words what it
shows.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator, Sequence

from newtowns_cli.model import i18n
from newtowns_cli.model.frozen import Frozen
from newtowns_cli.render.html.svgtext import attr, fmt, text, text_width
from newtowns_cli.render.lines import Line, linear_ticks, log_ticks, number, segments, year

UNITS = (i18n.N_("inhabitants"),)
"""What a chart counts, for the catalogue (its text alternative names it)."""
FONT = 11.0
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")


class Scale(Frozen):
    """A value axis from ``low`` to ``high`` onto pixels ``start`` → ``end`` (linear or log)."""

    low: float
    high: float
    start: float
    end: float
    log: bool = False

    def __call__(self, value: float) -> float:
        if self.log:
            where = (math.log10(value) - math.log10(self.low)) / (
                math.log10(self.high) - math.log10(self.low)
            )
        else:
            where = (value - self.low) / (self.high - self.low)
        return self.start + where * (self.end - self.start)


def render(
    lines: Sequence[Line],
    *,
    title: str,
    log: bool = False,
    width: float = 640.0,
    height: float = 360.0,
    ident: str = "chart",
    unit: str = "inhabitants",
) -> str:
    """Every line in one chart, labelled at its end."""
    label_width = max((text_width(line.label, FONT) for line in lines), default=0) + 14
    return _chart(lines, title, log, width, height, ident, unit, label_width, compact=False)


def mini(
    line: Line,
    *,
    title: str,
    log: bool = False,
    width: float = 260.0,
    height: float = 110.0,
    ident: str = "mini",
    unit: str = "inhabitants",
) -> str:
    """One line as a small chart: first and last year, lowest and highest value."""
    return _chart([line], title, log, width, height, ident, unit, FONT * 1.5, compact=True)


def panels(
    lines: Sequence[Line],
    *,
    log: bool = True,
    width: float = 170.0,
    height: float = 112.0,
    ident: str = "multiple",
    unit: str = "inhabitants",
) -> Iterator[str]:
    """One small chart per line, every one on the same scales (the same years and values
    across, the same ticks), so heights and slopes compare from panel to panel; each is
    titled with its line's name, so no series needs a colour or a key to be told apart.
    Each is drawn when it is asked for: a page of thousands of places writes each as it
    goes instead of holding them all."""
    drawn = [_drawable(line, log) for line in lines]
    points = [p for line in drawn for p in line.points if p is not None]
    if not points:
        return iter(())
    years, values = [p[0] for p in points], [p[1] for p in points]
    # Whole decades around every figure: round years to read, the same in every panel.
    xticks = [math.floor(min(years) / 10) * 10.0, math.ceil(max(years) / 10) * 10.0]
    if log:
        every = log_ticks(min(values), max(values))
        low, high = every[0], every[-1]
        # A small panel has room for a few labels: from the top down, each at least four
        # times smaller than the one above it, so no two labels touch.
        yticks: list[float] = []
        for tick in reversed(every):
            if not yticks or yticks[-1] / tick >= 4:
                yticks.append(tick)
        yticks.reverse()
    else:
        yticks = linear_ticks(0, max(values), 3)
        low, high = yticks[0], yticks[-1]
    domain = (xticks, yticks, low, high)
    return (
        _chart([line], line.label, log, width, height, f"{ident}-{index + 1}", unit,
               FONT * 1.6, compact=True, domain=domain)
        for index, line in enumerate(lines)
    )  # fmt: skip


def _drawable(line: Line, log: bool) -> Line:
    """The line as drawn: on a log scale a figure of 0 or less is a gap."""
    if not log or all(p is None or p[1] > 0 for p in line.points):
        return line
    return Line(
        line.label, tuple(p if p is None or not log or p[1] > 0 else None for p in line.points)
    )


def describe(lines: Sequence[Line], log: bool, unit: str) -> str:
    """The text alternative: scale, span, and each line's first and last figure in words."""
    points = [p for line in lines for p in line.points if p is not None]
    if not points:
        return i18n._("A chart with no figures.")
    years = [p[0] for p in points]
    said = (
        i18n._("Line chart of {unit} by year (log scale), {first}–{last}.")
        if log
        else i18n._("Line chart of {unit} by year (linear scale), {first}–{last}.")
    )
    parts = [said.format(unit=i18n._(unit), first=year(min(years)), last=year(max(years)))]
    for line in lines:
        own = [p for p in line.points if p is not None]
        if not own:
            parts.append(i18n._("{label}: no figures.").format(label=line.label))
            continue
        (y0, v0), (y1, v1) = own[0], own[-1]
        gaps = sum(
            1 for i, p in enumerate(line.points) if p is None and 0 < i < len(line.points) - 1
        )
        gap = ", " + i18n.ngettext("{n} gap", "{n} gaps", gaps).format(n=gaps) if gaps else ""
        counted = i18n.ngettext("{n} figure", "{n} figures", len(own)).format(n=len(own))
        parts.append(
            i18n._("{label}: {first} in {first_year} to {last} in {last_year} ({counted}).").format(
                label=line.label,
                first=number(v0),
                first_year=int(y0),
                last=number(v1),
                last_year=int(y1),
                counted=counted + gap,
            )
        )
    return " ".join(parts)


def _chart(
    lines: Sequence[Line],
    title: str,
    log: bool,
    width: float,
    height: float,
    ident: str,
    unit: str,
    right: float,
    *,
    compact: bool,
    domain: tuple[list[float], list[float], float, float] | None = None,
) -> str:
    drawn = [_drawable(line, log) for line in lines]
    points = [p for line in drawn for p in line.points if p is not None]
    name, titled = attr(ident), text(title)
    head = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {fmt(width)} {fmt(height)}" '
        f'width="{fmt(width)}" height="{fmt(height)}" role="img" '
        f'aria-labelledby="{name}-title {name}-desc" font-family="sans-serif" '
        f'font-size="{fmt(FONT)}">',
        f'<title id="{name}-title">{titled}</title>',
        f'<desc id="{name}-desc">{text(describe(lines, log, unit))}</desc>',
        f'<text x="{fmt(width / 2)}" y="{fmt(FONT * 1.3)}" text-anchor="middle" '
        f'font-weight="bold">{titled}</text>',
    ]
    if not points:
        body = _label(width / 2, height / 2, "no figures", "middle")
        return "\n".join([*head, body, "</svg>"]) + "\n"
    if domain is not None:  # shared with other charts (multiples): their scales and axes
        xticks, yticks, low, high = domain
        shared = (tuple(xticks), tuple(yticks), low, high, log, width, height, unit, right)
        xs, ys, axes = _shared_frame(*shared, compact, i18n.language())
    else:
        years, values = [p[0] for p in points], [p[1] for p in points]
        if compact:
            xticks = sorted({min(years), max(years)})
            yticks = sorted({min(values), max(values)})
            low, high = (min(values), max(values)) if log else (0.0, max(values))
            if low == high:
                low, high = (low / 2, high * 2) if log else (0.0, high or 1.0)
        else:
            xticks = linear_ticks(min(years), max(years), max(3, int(width // 90)))
            xticks = [t for t in xticks if min(years) <= t <= max(years)] or [min(years)]
            yticks = log_ticks(min(values), max(values)) if log else linear_ticks(0, max(values), 6)
            low, high = yticks[0], yticks[-1]
        xs, ys = _scales(
            min(years), max(years), yticks, low, high, log, width, height, right, compact
        )
        axes = _axes(xs, ys, tuple(xticks), tuple(yticks), log, unit, compact, i18n.language())
    out = [*head, axes]
    for index, line in enumerate(drawn):
        out.append(_line(line, COLOURS[index % len(COLOURS)], xs, ys))
    if not compact:
        out += _end_labels(drawn, xs, ys)
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _scales(
    x_low: float,
    x_high: float,
    yticks: Sequence[float],
    low: float,
    high: float,
    log: bool,
    width: float,
    height: float,
    right: float,
    compact: bool,
) -> tuple[Scale, Scale]:
    """The chart's years (``x_low`` to ``x_high``) and values (``low`` to ``high``) onto
    the plot, left of it room for the widest value label."""
    left = max(text_width(number(t), FONT) for t in yticks) + 10
    bottom = height - FONT * (2.0 if compact else 3.2)
    if x_low == x_high:
        x_low, x_high = x_low - 1, x_high + 1
    return Scale(x_low, x_high, left, width - right), Scale(low, high, bottom, FONT * 2.4, log=log)


@functools.lru_cache(maxsize=16)
def _shared_frame(
    xticks: tuple[float, ...],
    yticks: tuple[float, ...],
    low: float,
    high: float,
    log: bool,
    width: float,
    height: float,
    unit: str,
    right: float,
    compact: bool,
    language: str,
) -> tuple[Scale, Scale, str]:
    """The scales and axes every panel of a set of small multiples shares: made once."""
    x_low, x_high = min(xticks[0], xticks[-1]), max(xticks[0], xticks[-1])
    xs, ys = _scales(x_low, x_high, yticks, low, high, log, width, height, right, compact)
    return xs, ys, _axes(xs, ys, xticks, yticks, log, unit, compact, language)


def _axes(
    xs: Scale,
    ys: Scale,
    xticks: tuple[float, ...],
    yticks: tuple[float, ...],
    log: bool,
    unit: str,
    compact: bool,
    language: str,
) -> str:
    """The axes, their ticks and labels (``language``: a key of ``_shared_frame``)."""
    base, side = ys.start, xs.start
    parts = [
        '<g fill="#333333" stroke-width="0.6">',
        _segment(side, base, xs.end, base, "#333333"),
        _segment(side, base, side, ys.end, "#333333"),
    ]
    for tick in xticks:
        x = xs(tick)
        parts.append(_segment(x, base, x, base + 4, "#333333"))
        parts.append(_label(x, base + 4 + FONT, year(tick), "middle"))
    for tick in yticks:
        y = ys(tick)
        parts.append(_segment(side, y, xs.end, y, "#dddddd"))
        parts.append(_label(side - 4, y + FONT * 0.35, number(tick), "end"))
    if not compact:
        parts.append(_label((side + xs.end) / 2, base + 8 + FONT * 2, "year", "middle"))
        scale = " (log scale)" if log else ""
        parts.append(_label(side, ys.end - FONT * 0.6, unit + scale, "start"))
    parts.append("</g>")
    return "".join(parts)


def _segment(x1: float, y1: float, x2: float, y2: float, stroke: str) -> str:
    return f'<line x1="{fmt(x1)}" y1="{fmt(y1)}" x2="{fmt(x2)}" y2="{fmt(y2)}" stroke="{stroke}"/>'


def _label(x: float, y: float, content: str, anchor: str) -> str:
    return f'<text x="{fmt(x)}" y="{fmt(y)}" text-anchor="{anchor}">{text(content)}</text>'


def _line(line: Line, colour: str, xs: Scale, ys: Scale) -> str:
    """The line as one path, a new subpath after each gap, and a titled dot per figure."""
    # Each point's place written once, for the path and for its dot.
    runs = [[(fmt(xs(x), 1), fmt(ys(v), 1), x, v) for x, v in run] for run in segments(line)]
    d = "".join("M" + "L".join(f"{x} {y}" for x, y, *_ in run) for run in runs if len(run) > 1)
    label = text(line.label)
    out = [f"<g><title>{label}</title>"]
    if d:
        width = 'stroke-width="1.8" stroke-linejoin="round"'
        out.append(f'<path d="{d}" fill="none" stroke="{colour}" {width}/>')
    for run in runs:
        for cx, cy, x, v in run:
            out.append(
                f'<circle cx="{cx}" cy="{cy}" r="2.2" fill="{colour}">'
                f"<title>{label}, {int(x)}: {number(v)}</title></circle>"
            )
    out.append("</g>")
    return "".join(out)


def _end_labels(lines: Sequence[Line], xs: Scale, ys: Scale) -> list[str]:
    """Each line's name right of the plot at the height of its last figure, pushed apart so
    no two overlap, with a thin leader line from the figure to its name."""
    ends = []
    for index, line in enumerate(lines):
        own = [p for p in line.points if p is not None]
        if own:
            x, v = own[-1]
            ends.append((ys(v), xs(x), index, line.label))
    ends.sort()
    gap = FONT + 1
    placed: list[float] = []
    for y, *_ in ends:
        placed.append(max(y, placed[-1] + gap) if placed else y)
    overflow = (placed[-1] - ys.start) if placed else 0
    if overflow > 0:  # pushed below the axis: shift up, keeping the spacing
        placed = [p - overflow for p in placed]
        for i in range(len(placed) - 2, -1, -1):
            placed[i] = min(placed[i], placed[i + 1] - gap)
    out = []
    for (y, x, index, label), at in zip(ends, placed, strict=True):
        colour = COLOURS[index % len(COLOURS)]
        out.append(
            f'<line x1="{fmt(x, 1)}" y1="{fmt(y, 1)}" x2="{fmt(xs.end + 5, 1)}" y2="{fmt(at, 1)}" '
            f'stroke="{colour}" stroke-width="0.6" stroke-dasharray="2 2"/>'
            f'<text x="{fmt(xs.end + 7)}" y="{fmt(at + FONT * 0.35)}" fill="#111111">'
            f"{text(label)}</text>"
        )
    return out
