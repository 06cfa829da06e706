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

from newtowns_cli.model import i18n
from newtowns_cli.model.frozen import Frozen
from newtowns_cli.render.html.geometry import Feature, MapGeometry
from newtowns_cli.render.html.grid import Grid
from newtowns_cli.render.html.placing import spread
from newtowns_cli.render.html.svgmarks import (
    FONT,
    LAKE,
    LAND,
    MARKER,
    NO_GROUP_COLOUR,
    PAD,
    ProvinceName,
    about,
    marker,
    province_label,
    province_names,
)
from newtowns_cli.render.html.svgmarks import legend as _legend
from newtowns_cli.render.html.svgmarks import rows as _rows
from newtowns_cli.render.html.svgtext import Box, attr, fmt, text, text_width

COS_52 = math.cos(math.radians(52))
# Okabe & Ito's colour-blind-safe palette (without its yellow, too pale on a light map).
COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000")
SHAPES = ("circle", "square", "triangle", "diamond", "triangle-down", "pentagon", "cross")
NEIGHBOUR, SEA = "#e4e4e4", "#e3eef7"


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

    def invert(self, x: float, y: float) -> tuple[float, float]:
        """SVG user units → lon, lat."""
        return (x - self.pad) / (COS_52 * self.scale) + self.west, self.north - (
            y - self.pad
        ) / self.scale

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
    title: str | None = None,
    width: float = 520.0,
    ident: str = "map",
    legend: bool = True,
) -> str:
    """The map as one ``<svg>`` element with a title, a text description and, unless
    ``legend`` is False (then ``key`` draws it as a picture of its own), a legend."""
    provinces, lakes = geometry.layer("province"), geometry.layer("lake")
    title = i18n._("The New Towns of the Netherlands") if title is None else title
    project = Projection.fit(bounds(provinces), width)
    _, south, _, _ = bounds(provinces)
    height = project(project.west, south)[1] + PAD
    style = styles(sorted({p.group for p in places if p.group is not None}))
    rows: list[str] = []
    legend_width, legend_height = 0.0, 0.0
    if legend:
        rows, legend_width, legend_height = _legend(
            _key_rows(style, places, cities, _moved(places, cities, project, width, height)),
            geometry.source,
            width,
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
    names = province_names(provinces, project, project.invert)
    out += _places(places, cities, style, project, width, height, names)
    out.append("</svg>")
    out += rows
    out.append("</svg>")
    return "\n".join(out) + "\n"


def key(
    geometry: MapGeometry,
    places: Sequence[Place],
    cities: Sequence[City] = (),
    *,
    width: float = 520.0,
    ident: str = "map-key",
) -> str:
    """The legend of ``render(..., legend=False)`` with the same arguments, as its own
    picture, so a page can set it beside the map or, on a narrow screen, under it."""
    provinces = geometry.layer("province")
    project = Projection.fit(bounds(provinces), width)
    _, south, _, _ = bounds(provinces)
    height = project(project.west, south)[1] + PAD
    style = styles(sorted({p.group for p in places if p.group is not None}))
    moved = _moved(places, cities, project, width, height)
    rows, key_width, key_height = _legend(
        _key_rows(style, places, cities, moved), geometry.source, 0
    )
    heading = i18n._("Legend of the map")
    return "\n".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {fmt(key_width)} '
        f'{fmt(key_height)}" width="{fmt(key_width)}" height="{fmt(key_height)}" '
        f'role="img" aria-labelledby="{attr(ident)}-title {attr(ident)}-desc" '
        f'font-family="sans-serif" font-size="{fmt(FONT)}">',
        f'<title id="{attr(ident)}-title">{text(heading)}</title>',
        f'<desc id="{attr(ident)}-desc">{text(_key_words(style, places, cities, moved))}</desc>',
        *rows,
        "</svg>",
    ]) + "\n"  # fmt: skip


def _key_words(
    style: dict[str, tuple[str, str]],
    places: Sequence[Place],
    cities: Sequence[City],
    moved: bool,
) -> str:
    rows = [label for _, label in _key_rows(style, places, cities, moved)]
    return i18n._("Legend: {rows}.").format(rows="; ".join(rows))


def _key_rows(
    style: dict[str, tuple[str, str]],
    places: Sequence[Place],
    cities: Sequence[City],
    moved: bool,
) -> list[tuple[str, str]]:
    ungrouped = any(p.group is None for p in places)
    return _rows(style, ungrouped=ungrouped, with_cities=bool(cities), moved=moved)


def _moved(
    places: Sequence[Place],
    cities: Sequence[City],
    project: Projection,
    width: float,
    height: float,
) -> bool:
    """Whether a marker is drawn away from its point (with a pin back to it)."""
    points = [project(c.lon, c.lat) for c in sorted(cities, key=lambda c: (-c.lat, c.name))]
    points += [project(p.lon, p.lat) for p in sorted(places, key=lambda p: (-p.lat, p.name))]
    return spread(points, Box(0, 0, width, height)) != points


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
    said = i18n._("Map of the Netherlands with its twelve provinces and lakes ({lakes}).")
    lines = [said.format(lakes=water)]
    if places:
        ordered = sorted(places, key=lambda p: p.name.casefold())
        marked = "; ".join(f"{p.name} ({about(p.group)})" for p in ordered)
        lines.append(i18n._("{n} places: {marked}.").format(n=len(places), marked=marked))
    if cities:
        names = ", ".join(sorted((c.name for c in cities), key=str.casefold))
        lines.append(i18n._("Relieved cities, marked with a star: {names}.").format(names=names))
    return " ".join(lines)


def _places(
    places: Sequence[Place],
    cities: Sequence[City],
    style: dict[str, tuple[str, str]],
    project: Projection,
    width: float,
    height: float,
    names: Sequence[ProvinceName] = (),
) -> list[str]:
    """Markers first (so labels avoid every marker and the provinces' names), then labels
    placed greedily."""
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
        relieved = i18n._("relieved city")
        out.append(
            f"<g><title>{text(city.name)} ({text(relieved)})</title>{_pin(x, y, spot)}"
            f"{marker('star', *spot)} "
            f'fill="{colour}" stroke="#000000" stroke-width="1.2"/></g>'
        )
        taken.add(Box.around(*spot, MARKER * 1.6))
        marks.append((city.name, *spot, True))
    for place, (x, y), spot in zip(
        places, points[len(cities) :], spots[len(cities) :], strict=True
    ):
        colour, shape = style.get(place.group or "", (NO_GROUP_COLOUR, "circle"))
        fill = colour if place.group else "#ffffff"
        out.append(
            f"<g><title>{text(place.name)} ({text(about(place.group))})</title>{_pin(x, y, spot)}"
            f"{marker(shape, *spot)} "
            f'fill="{fill}" stroke="{colour if place.group else NO_GROUP_COLOUR}" '
            f'stroke-width="1"/></g>'
        )
        taken.add(Box.around(*spot, MARKER * 1.3))
        marks.append((place.name, *spot, False))
    written = Grid()  # the labels alone: one that fits nowhere is not written over them
    for name, x, y, bold in marks:
        label = _label(name, x, y, bold, taken, frame, written)
        if label:
            out.append(label)
    # The towns' labels first (by their markers); the provinces' names then where there
    # is room, drawn under everything else.
    named = (province_label(name, x, y, taken, inside) for name, x, y, inside in names)
    out[:0] = [label for label in named if label]
    return out


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


def _label(
    name: str, x: float, y: float, bold: bool, taken: Grid, frame: Box, written: Grid
) -> str:
    """A label by its marker where it overlaps nothing placed; farther out with a leader line;
    where it fits nowhere, right of its marker unless its letters would cover a label's
    (``written``), else left out (its marker's title and the map's text alternative still
    name the place): a crowded map of thousands of towns shows the labels there is room
    for, not a smear of them."""
    size = FONT * (1.05 if bold else 1.0)
    span = text_width(name, size, bold=bold)
    weight = ' font-weight="bold"' if bold else ""
    for index, (dx, dy, anchor) in enumerate(_SPOTS + _FAR):
        left = x + dx - (0.0 if anchor == "start" else span if anchor == "end" else span / 2)
        top, bottom = y + dy - size * 0.8, y + dy + size * 0.25
        if (
            frame.left <= left
            and frame.top <= top
            and left + span <= frame.right
            and bottom <= frame.bottom
            and taken.free(left, top, left + span, bottom)
            and written.free(left, y + dy - size * 0.7, left + span, y + dy)
        ):
            tx, ty, box = x + dx, y + dy, Box(left, top, left + span, bottom)
            leader = index >= len(_SPOTS)
            taken.add(box)
            break
    else:
        tx, ty, anchor, leader = x + _NEAR, y + FONT * 0.35, "start", False
        box = Box(tx, ty - size * 0.8, tx + span, ty + size * 0.25)
        if written.overlaps(Box(box.left, ty - size * 0.7, box.right, ty)):
            return ""
    # Of each label its letters' core, x-height to baseline: a label that only touches
    # another's box (room for ascenders and descenders) is still written.
    written.add(Box(box.left, ty - size * 0.7, box.right, ty))
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
