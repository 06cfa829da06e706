"""An SVG map of the Netherlands: provinces, lakes, places by relieved city, relieved cities.

Pure: a MapGeometry and places in, an SVG string out. Equirectangular projection with x
scaled by cos(52°), which keeps shapes true near the middle of the country. Every place has
a marker whose colour *and* shape follow its group (the city it relieves) and a label, so
colour never carries meaning alone; relieved cities are stars with bold labels. All text is
escaped; control characters are shown as escapes (they are not allowed in XML at all).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from newtowns_cli.model.frozen import Frozen
from newtowns_cli.render.html.geometry import Feature, MapGeometry
from newtowns_cli.render.html.grid import Grid
from newtowns_cli.render.html.svgtext import Box, attr, fmt, text, text_width

COS_52 = math.cos(math.radians(52))
FONT = 11.0
MARKER = 4.5
PAD = 12.0
# Okabe & Ito's colour-blind-safe palette (without its yellow, too pale on a light map).
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
SHAPES = ("circle", "square", "triangle", "diamond", "triangle-down", "pentagon", "cross")
NO_GROUP_COLOUR = "#777777"
LAND, NEIGHBOUR, SEA, LAKE = "#f4f1e8", "#e4e4e4", "#e3eef7", "#a9cbe6"


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


class Place(Frozen):
    """A place to mark; ``group`` is the key it is coloured by (the city it relieves)."""

    name: str
    lat: float
    lon: float
    group: str | None = None


class City(Frozen):
    """A relieved city, drawn as a star in the colour of the group of the same name."""

    name: str
    lat: float
    lon: float


class Projection(Frozen):
    """lon/lat → SVG user units: x = (lon − west)·cos 52°·scale, y = (north − lat)·scale."""

    west: float
    north: float
    scale: float
    pad: float = PAD

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        x = (lon - self.west) * COS_52 * self.scale + self.pad
        return x, (self.north - lat) * self.scale + self.pad

    @classmethod
    def fit(cls, bounds: tuple[float, float, float, float], width: float) -> Projection:
        """The projection that puts ``bounds`` (west, south, east, north) in ``width`` units."""
        west, _, east, north = bounds
        return cls(west, north, (width - 2 * PAD) / ((east - west) * COS_52))


def bounds(features: Iterable[Feature]) -> tuple[float, float, float, float]:
    """West, south, east, north of every ring of ``features``."""
    points = [p for f in features for polygon in f.polygons for ring in polygon for p in ring]
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    return min(lons), min(lats), max(lons), max(lats)


def styles(groups: Sequence[str]) -> dict[str, tuple[str, str]]:
    """Colour and marker shape for each group, in the order given (both cycle)."""
    return {
        group: (COLOURS[i % len(COLOURS)], SHAPES[i % len(SHAPES)])
        for i, group in enumerate(groups)
    }


def render(
    geometry: MapGeometry,
    places: Sequence[Place],
    cities: Sequence[City] = (),
    *,
    title: str = "The New Towns of the Netherlands",
    width: float = 520.0,
    ident: str = "map",
) -> str:
    """The map as one ``<svg>`` element with a title, a text description and a legend."""
    provinces, lakes = geometry.layer("province"), geometry.layer("lake")
    project = Projection.fit(bounds(provinces), width)
    _, south, _, _ = bounds(provinces)
    height = project(project.west, south)[1] + PAD
    groups = sorted({p.group for p in places if p.group is not None})
    style = styles(groups)
    legend, legend_width, legend_height = _legend(
        style, any(p.group is None for p in places), bool(cities), lakes, geometry.source, width
    )
    total_width, total_height = width + legend_width, max(height, legend_height)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {fmt(total_width)} '
        f'{fmt(total_height)}" width="{fmt(total_width)}" height="{fmt(total_height)}" '
        f'role="img" aria-labelledby="{attr(ident)}-title {attr(ident)}-desc" '
        f'font-family="sans-serif" font-size="{fmt(FONT)}">',
        f'<title id="{attr(ident)}-title">{text(title)}</title>',
        f'<desc id="{attr(ident)}-desc">{text(describe(places, cities, lakes))}</desc>',
        f'<svg x="0" y="0" width="{fmt(width)}" height="{fmt(height)}" overflow="hidden">',
        f'<rect width="{fmt(width)}" height="{fmt(height)}" fill="{SEA}"/>',
    ]
    for feature in geometry.features:
        fill, stroke = {
            "neighbour": (NEIGHBOUR, "#b0b0b0"),
            "province": (LAND, "#8c8c8c"),
            "lake": (LAKE, "#5b8db8"),
        }[feature.layer]
        out.append(
            f'<path d="{path(feature, project)}" fill="{fill}" fill-rule="evenodd" '
            f'stroke="{stroke}" stroke-width="0.6" stroke-linejoin="round">'
            f"<title>{text(feature.name)}</title></path>"
        )
    out += _places(places, cities, style, project, width, height)
    out.append("</svg>")
    out += legend
    out.append("</svg>")
    return "\n".join(out) + "\n"


def path(feature: Feature, project: Projection) -> str:
    """SVG path data of every ring of ``feature`` (each ring a closed subpath)."""
    parts = []
    for polygon in feature.polygons:
        for ring in polygon:
            points = [project(lon, lat) for lon, lat in ring[:-1]]
            first, *rest = points
            line = " ".join(f"{fmt(x, 1)} {fmt(y, 1)}" for x, y in rest)
            parts.append(f"M{fmt(first[0], 1)} {fmt(first[1], 1)}L{line}Z")
    return "".join(parts)


def describe(places: Sequence[Place], cities: Sequence[City], lakes: Sequence[Feature]) -> str:
    """The text alternative: everything the map shows, in words."""
    water = ", ".join(lake.name for lake in lakes)
    lines = [f"Map of the Netherlands with its twelve provinces and lakes ({water})."]
    if places:
        marked = "; ".join(
            f"{p.name} (relieves {p.group})" if p.group else f"{p.name} (relieved city not given)"
            for p in sorted(places, key=lambda p: p.name.casefold())
        )
        lines.append(f"{len(places)} places: {marked}.")
    if cities:
        names = ", ".join(sorted((c.name for c in cities), key=str.casefold))
        lines.append(f"Relieved cities, marked with a star: {names}.")
    return " ".join(lines)


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


def _places(
    places: Sequence[Place],
    cities: Sequence[City],
    style: dict[str, tuple[str, str]],
    project: Projection,
    width: float,
    height: float,
) -> list[str]:
    """Markers first (so labels avoid every marker), then labels placed greedily."""
    out: list[str] = []
    taken = Grid()
    marks: list[tuple[str, float, float, bool]] = []
    frame = Box(0, 0, width, height)
    cities = sorted(cities, key=lambda c: (-c.lat, c.name))
    places = sorted(places, key=lambda p: (-p.lat, p.name))
    points = [project(c.lon, c.lat) for c in cities] + [project(p.lon, p.lat) for p in places]
    spots, n = spread(points, frame), len(cities)
    for city, (x, y), spot in zip(cities, points[:n], spots[:n], strict=True):
        colour = style.get(city.name, ("#ffffff", ""))[0]
        out.append(
            f"<g><title>{text(city.name)} (relieved city)</title>{_pin(x, y, spot)}"
            f"{marker('star', *spot)} "
            f'fill="{colour}" stroke="#000000" stroke-width="1.2"/></g>'
        )
        taken.add(Box.around(*spot, MARKER * 1.6))
        marks.append((city.name, *spot, True))
    for place, (x, y), spot in zip(
        places, points[len(cities) :], spots[len(cities) :], strict=True
    ):
        colour, shape = style.get(place.group or "", (NO_GROUP_COLOUR, "circle"))
        about = f"relieves {place.group}" if place.group else "relieved city not given"
        fill = colour if place.group else "#ffffff"
        out.append(
            f"<g><title>{text(place.name)} ({text(about)})</title>{_pin(x, y, spot)}"
            f"{marker(shape, *spot)} "
            f'fill="{fill}" stroke="{colour if place.group else NO_GROUP_COLOUR}" '
            f'stroke-width="1"/></g>'
        )
        taken.add(Box.around(*spot, MARKER * 1.3))
        marks.append((place.name, *spot, False))
    for name, x, y, bold in marks:
        out.append(_label(name, x, y, bold, taken, frame))
    return out


def spread(points: Sequence[tuple[float, float]], frame: Box) -> list[tuple[float, float]]:
    """Where each marker is drawn: at its point, or, where it would cover a marker drawn
    before it, moved just clear of every marker (the nearest free spot, in eight
    directions), with a pin back to its point (Duiven and Westervoort lie 3 km apart).
    Where the map is full (grid.py), a marker stays at its point."""
    placed = Grid()
    spots: list[tuple[float, float]] = []
    r = MARKER * 1.1
    for x, y in points:
        spot = (x, y)
        if not placed.free(x - r, y - r, x + r, y + r):
            for dx, dy in _AROUND:
                sx, sy = x + dx, y + dy
                if (
                    frame.left <= sx - r
                    and frame.top <= sy - r
                    and sx + r <= frame.right
                    and sy + r <= frame.bottom
                    and placed.free(sx - r, sy - r, sx + r, sy + r)
                ):
                    spot = (sx, sy)
                    break
        placed.add(Box.around(*spot, r))
        spots.append(spot)
    return spots


_AROUND = [
    (
        math.cos(math.radians(angle)) * MARKER * distance,
        -math.sin(math.radians(angle)) * MARKER * distance,
    )
    for distance in (2.6, 3.6, 4.8)
    for angle in range(0, 360, 45)
]
"""Where a covered marker may move, nearest first: eight directions at three distances."""


def _pin(x: float, y: float, spot: tuple[float, float]) -> str:
    """A moved marker's line back to its true point, marked by a dot; else nothing."""
    if spot == (x, y):
        return ""
    return (
        f'<line x1="{fmt(x)}" y1="{fmt(y)}" x2="{fmt(spot[0])}" y2="{fmt(spot[1])}" '
        f'stroke="#333333" stroke-width="0.8"/>'
        f'<circle cx="{fmt(x)}" cy="{fmt(y)}" r="1.4" fill="#333333"/>'
    )


# Where a label may go, tried in order: (dx, dy) of the text's anchor point, its anchor.
_NEAR = MARKER + 3
_SPOTS = [
    (_NEAR, FONT * 0.35, "start"),
    (-_NEAR, FONT * 0.35, "end"),
    (0.0, -_NEAR - 1, "middle"),
    (0.0, _NEAR + FONT * 0.8, "middle"),
    (_NEAR, -_NEAR, "start"),
    (_NEAR, _NEAR + FONT * 0.6, "start"),
    (-_NEAR, -_NEAR, "end"),
    (-_NEAR, _NEAR + FONT * 0.6, "end"),
]
_FAR = [(dx * f, dy * f, anchor) for f in (2.2, 3.4) for dx, dy, anchor in _SPOTS]


def _label(name: str, x: float, y: float, bold: bool, taken: Grid, frame: Box) -> str:
    """A label by its marker where it overlaps nothing placed; farther out with a leader line."""
    size = FONT * (1.05 if bold else 1.0)
    span = text_width(name, size, bold=bold)
    weight = ' font-weight="bold"' if bold else ""
    best: tuple[float, float, str, Box] | None = None
    for index, (dx, dy, anchor) in enumerate(_SPOTS + _FAR):
        left = x + dx - (0.0 if anchor == "start" else span if anchor == "end" else span / 2)
        top, bottom = y + dy - size * 0.8, y + dy + size * 0.25
        if (
            frame.left <= left
            and frame.top <= top
            and left + span <= frame.right
            and bottom <= frame.bottom
            and taken.free(left, top, left + span, bottom)
        ):
            best = (x + dx, y + dy, anchor, Box(left, top, left + span, bottom))
            leader = index >= len(_SPOTS)
            break
    else:
        best, leader = (x + _NEAR, y + FONT * 0.35, "start", Box(0, 0, 0, 0)), False
    tx, ty, anchor, box = best
    taken.add(box)
    line = ""
    if leader:
        end_y = min(max(y, box.top), box.bottom)
        end_x = box.left if anchor == "start" else box.right if anchor == "end" else tx
        line = (
            f'<line x1="{fmt(x)}" y1="{fmt(y)}" x2="{fmt(end_x)}" y2="{fmt(end_y)}" '
            f'stroke="#555555" stroke-width="0.6"/>'
        )
    return (
        f'{line}<text x="{fmt(tx)}" y="{fmt(ty)}" text-anchor="{anchor}"{weight} '
        f'font-size="{fmt(size)}" fill="#111111" stroke="#ffffff" stroke-width="2.5" '
        f'paint-order="stroke">{text(name)}</text>'
    )


def _legend(
    style: dict[str, tuple[str, str]],
    ungrouped: bool,
    with_cities: bool,
    lakes: Sequence[Feature],
    source: str,
    left: float,
) -> tuple[list[str], float, float]:
    """The legend to the right of the map: its elements, width and height."""
    rows: list[tuple[str, str]] = []
    for group, (colour, shape) in style.items():
        swatch = f'{marker(shape, 10, 0)} fill="{colour}" stroke="{colour}" stroke-width="1"/>'
        rows.append((swatch, f"relieves {group}"))
    if ungrouped:
        swatch = f'{marker("circle", 10, 0)} fill="#ffffff" stroke="{NO_GROUP_COLOUR}"/>'
        rows.append((swatch, "relieved city not given"))
    if with_cities:
        swatch = f'{marker("star", 10, 0)} fill="#ffffff" stroke="#000000" stroke-width="1.2"/>'
        rows.append((swatch, "relieved city"))
    for lake in lakes:
        swatch = f'<rect x="3" y="-5" width="14" height="10" fill="{LAKE}" stroke="#5b8db8"'
        rows.append((swatch + "/>", lake.name))
    rows.append(
        (f'<rect x="3" y="-5" width="14" height="10" fill="{LAND}" stroke="#8c8c8c"/>', "province")
    )
    line = FONT * 1.8
    credit = "Map: Natural Earth, public domain" if "Natural Earth" in source else ""
    width = max(text_width(label, FONT) for _, label in [*rows, ("", credit)]) + 40
    out = [f'<g transform="translate({fmt(left)} {fmt(PAD)})">']
    out.append(f'<text x="0" y="{fmt(FONT)}" font-weight="bold">Legend</text>')
    for index, (swatch, label) in enumerate(rows):
        y = FONT * 2.6 + index * line
        out.append(
            f'<g transform="translate(0 {fmt(y)})">{swatch}'
            f'<text x="26" y="{fmt(FONT * 0.35)}">{text(label)}</text></g>'
        )
    bottom = FONT * 2.6 + len(rows) * line
    if credit:
        out.append(
            f'<text x="0" y="{fmt(bottom + FONT)}" font-size="9" fill="#555555">{credit}</text>'
        )
        bottom += FONT * 2
    out.append("</g>")
    return out, width, bottom + 2 * PAD
