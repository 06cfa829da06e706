"""Markers and the legend of the map (render/html/svgmap.py): a shape per group, drawn
with its own colour *and* shape, and the legend's rows in words."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from newtowns_cli.model import i18n
from newtowns_cli.render.html.geometry import Feature
from newtowns_cli.render.html.grid import Grid
from newtowns_cli.render.html.svgtext import Box, fmt, text, text_width

FONT = 11.0
MARKER = 4.5
PAD = 12.0
NO_GROUP_COLOUR = "#777777"
LAND, LAKE = "#f4f1e8", "#a9cbe6"
ProvinceName = tuple[str, float, float, Callable[[float, float], bool]]
"""A province's name, x and y of its centroid, and whether a point lies inside it."""


def _regular(count: int, radii: tuple[float, ...]) -> tuple[tuple[float, float], ...]:
    """Corners of a regular polygon or star, the first at the top, radii alternating."""
    return tuple(
        (math.sin(math.pi * 2 * i / count) * r, -math.cos(math.pi * 2 * i / count) * r)
        for i, r in zip(range(count), radii * count, strict=False)
    )


# Marker outlines in units of the marker size, centred on 0, 0 (y downwards).
_CORNERS = {
    "triangle": ((0.0, -1.2), (1.1, 0.8), (-1.1, 0.8)),
    "triangle-down": ((0.0, 1.2), (1.1, -0.8), (-1.1, -0.8)),
    "diamond": ((0.0, -1.3), (1.1, 0.0), (0.0, 1.3), (-1.1, 0.0)),
    "pentagon": _regular(5, (1.1,)),
    # A plus sign, clockwise from the top of its right arm.
    "cross": tuple(
        (x * a, y * b)
        for a, b in ((1, 1), (1, -1), (-1, -1), (-1, 1))
        for x, y in (((0.4, 1.1), (0.4, 0.4), (1.1, 0.4))[:: 1 if a * b > 0 else -1])
    ),
    "star": _regular(10, (1.6, 0.7)),
}


def marker(shape: str, x: float, y: float, size: float = MARKER) -> str:
    """An SVG element for ``shape`` centred on x, y (without fill or stroke)."""
    if shape == "circle":
        return f'<circle cx="{fmt(x)}" cy="{fmt(y)}" r="{fmt(size)}"'
    if shape == "square":
        s = size * 0.9
        return f'<rect x="{fmt(x - s)}" y="{fmt(y - s)}" width="{fmt(2 * s)}" height="{fmt(2 * s)}"'
    corners = _CORNERS[shape]
    points = " ".join(f"{fmt(x + dx * size)},{fmt(y + dy * size)}" for dx, dy in corners)
    return f'<polygon points="{points}"'


def rows(
    style: dict[str, tuple[str, str]],
    *,
    ungrouped: bool,
    with_cities: bool,
    moved: bool,
) -> list[tuple[str, str]]:
    """The legend's rows, swatch and words: only what the map shows."""
    rows: list[tuple[str, str]] = []
    for group, (colour, shape) in style.items():
        swatch = f'{marker(shape, 10, 0)} fill="{colour}" stroke="{colour}" stroke-width="1"/>'
        rows.append((swatch, about(group)))
    if ungrouped:
        swatch = f'{marker("circle", 10, 0)} fill="#ffffff" stroke="{NO_GROUP_COLOUR}"/>'
        rows.append((swatch, about(None)))
    if with_cities:
        swatch = f'{marker("star", 10, 0)} fill="#ffffff" stroke="#000000" stroke-width="1.2"/>'
        rows.append((swatch, i18n._("relieved city")))
    if moved:
        swatch = (
            '<line x1="3" y1="4" x2="13" y2="-2" stroke="#333333" stroke-width="0.8"/>'
            '<circle cx="3" cy="4" r="1.4" fill="#333333"/>'
            f'{marker("circle", 15, -3, 3.5)} fill="#ffffff" stroke="#333333"/>'
        )
        rows.append((swatch, i18n._("marker moved aside; the dot is the place")))
    rows.append(
        (
            f'<rect x="3" y="-5" width="14" height="10" fill="{LAKE}" stroke="#5b8db8"/>',
            i18n._("lake"),
        )
    )
    rows.append(
        (
            f'<rect x="3" y="-5" width="14" height="10" fill="{LAND}" stroke="#8c8c8c"/>',
            i18n._("province"),
        )
    )
    return rows


def legend(
    rows: Sequence[tuple[str, str]], source: str, left: float
) -> tuple[list[str], float, float]:
    """The legend at ``left`` (right of the map, or 0 on its own): elements, width, height."""
    line = FONT * 1.8
    credit = i18n._("Map: Natural Earth, public domain") if "Natural Earth" in source else ""
    width = max(text_width(label, FONT) for _, label in [*rows, ("", credit)]) + 40
    out = [f'<g transform="translate({fmt(left)} {fmt(PAD)})">']
    heading = text(i18n._("Legend"))
    out.append(f'<text x="0" y="{fmt(FONT)}" font-weight="bold">{heading}</text>')
    for index, (swatch, label) in enumerate(rows):
        y = FONT * 2.6 + index * line
        out.append(
            f'<g transform="translate(0 {fmt(y)})">{swatch}'
            f'<text x="26" y="{fmt(FONT * 0.35)}">{text(label)}</text></g>'
        )
    bottom = FONT * 2.6 + len(rows) * line
    if credit:
        out.append(
            f'<text x="0" y="{fmt(bottom + FONT)}" font-size="{fmt(FONT)}" fill="#555555">'
            f"{credit}</text>"
        )
        bottom += FONT * 2
    out.append("</g>")
    return out, width, bottom + 2 * PAD


def province_label(
    name: str, x: float, y: float, taken: Grid, inside: Callable[[float, float], bool]
) -> str:
    """A province's name in grey italics at its centroid, or nudged a little, inside the
    province, where a marker or a label is there already; left out (empty) where a small
    map has no room for it, rather than written over a town's label."""
    span = text_width(name, FONT)
    for dx, dy in _NUDGES:
        box = Box(x + dx - span / 2, y + dy - FONT * 0.8, x + dx + span / 2, y + dy + FONT * 0.25)
        if inside(x + dx, y + dy) and taken.free(box.left, box.top, box.right, box.bottom):
            x, y = x + dx, y + dy
            break
    else:
        return ""
    taken.add(box)
    return (
        f'<text x="{fmt(x)}" y="{fmt(y)}" text-anchor="middle" font-style="italic" '
        f'fill="#666666">{text(name)}</text>'
    )


_NUDGES = [(0.0, 0.0)] + [
    (dx * FONT, dy * FONT)
    for step in (1.2, 2.4, 3.6)
    for dx, dy in ((0, step), (0, -step), (step * 2, 0), (-step * 2, 0))
]
"""Where a province's name may go, nearest first: offsets from its centroid."""


def province_names(
    provinces: Sequence[Feature],
    project: Callable[[float, float], tuple[float, float]],
    invert: Callable[[float, float], tuple[float, float]],
) -> list[ProvinceName]:
    """Each province's name, where it goes (the centroid of its largest polygon, computed
    from the outline in data/map/, nothing typed in) and a test that a point (SVG units)
    lies inside the province, so a name nudged aside stays in its own province."""

    def within(feature: Feature) -> Callable[[float, float], bool]:
        return lambda x, y: feature.contains(*invert(x, y))

    return [(f.name, *project(*f.centroid()), within(f)) for f in provinces]


def about(group: str | None) -> str:
    """What a place's marker says: the city it relieves, or that none is given."""
    if not group:
        return i18n._("relieved city not given")
    return i18n._("relieves {city}").format(city=group)
