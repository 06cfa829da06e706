"""Where the map's markers are drawn: at their points, or moved clear of each other."""

from __future__ import annotations

import math
from collections.abc import Sequence

from newtowns_cli.render.html.grid import Grid
from newtowns_cli.render.html.svgmarks import MARKER
from newtowns_cli.render.html.svgtext import Box


def spread(points: Sequence[tuple[float, float]], frame: Box) -> list[tuple[float, float]]:
    """Where each marker is drawn: at its point, or, where it would cover a marker drawn
    before it, moved just clear of every marker (the nearest free spot, in eight
    directions), with a pin back to its point (Duiven and Westervoort lie 3 km apart).
    Where the map is full (grid.py), a marker stays at its point.

    The map and its key (``render`` and ``key``) ask for the same markers: the last
    answer is kept, so a page places its thousands of markers once, not twice."""
    asked = (tuple(points), frame)
    if asked in _LAST:
        return list(_LAST[asked])
    spots = _spread(points, frame)
    _LAST.clear()
    _LAST[asked] = tuple(spots)
    return spots


_Points = tuple[tuple[float, float], ...]
_LAST: dict[tuple[_Points, Box], _Points] = {}
"""The last question ``spread`` answered, with its answer."""


def _spread(points: Sequence[tuple[float, float]], frame: Box) -> list[tuple[float, float]]:
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
