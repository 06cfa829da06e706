"""Boxes placed on a picture, looked up by the cells of a regular grid they touch.

Placing map markers and labels asks, for every candidate spot, whether a box overlaps
any box placed before: against a list that is every box each time, quadratic in the
places (91 M overlap tests for 2 000 towns). Here a question costs the boxes in the few
cells the box touches. A cell that holds ``cap`` boxes is full: a box touching it counts
as overlapping and it takes no more, so a crowded map stops searching instead of slowing
down, and no cell grows without bound. Below that, the answers are exactly the list's.
"""

from __future__ import annotations

import math

from newtowns_cli.render.html.svgtext import Box

CELL = 24.0
"""A cell's side in SVG units: about two markers, a fifth of a long label."""
CAP = 48
"""Boxes a cell holds before it is full."""


class Grid:
    """The boxes placed so far, by cell."""

    def __init__(self, cell: float = CELL, cap: int = CAP) -> None:
        self.cell, self.cap = cell, cap
        self.cells: dict[tuple[int, int], list[Box]] = {}

    def free(self, left: float, top: float, right: float, bottom: float) -> bool:
        """Whether the box with these sides overlaps no box placed and no full cell."""
        size, cells, cap = self.cell, self.cells, self.cap
        columns = range(math.floor(left / size), math.floor(right / size) + 1)
        for row in range(math.floor(top / size), math.floor(bottom / size) + 1):
            for column in columns:
                placed = cells.get((column, row))
                if placed is None:
                    continue
                if len(placed) >= cap:
                    return False
                for other in placed:
                    if (
                        left < other.right
                        and other.left < right
                        and top < other.bottom
                        and other.top < bottom
                    ):
                        return False
        return True

    def overlaps(self, box: Box) -> bool:
        """Whether ``box`` overlaps a box placed before, or touches a full cell."""
        return not self.free(box.left, box.top, box.right, box.bottom)

    def add(self, box: Box) -> None:
        """Place ``box``."""
        size = self.cell
        columns = range(math.floor(box.left / size), math.floor(box.right / size) + 1)
        for row in range(math.floor(box.top / size), math.floor(box.bottom / size) + 1):
            for column in columns:
                placed = self.cells.setdefault((column, row), [])
                if len(placed) < self.cap:
                    placed.append(box)
