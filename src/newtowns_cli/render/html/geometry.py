"""The bundled map geometry of the Netherlands (data/map/netherlands.geojson), read with json.

Natural Earth 1:10m, public domain; data/map/README.md says where it came from and how it
was made. Each feature is one layer's polygon or multipolygon as lon/lat rings.
"""

from __future__ import annotations

import itertools
import json
import pathlib
from collections.abc import Sequence
from typing import Any, Literal

from newtowns_cli.model.errors import DataFileError
from newtowns_cli.model.frozen import Frozen
from newtowns_cli.reading.bundled import FOLDER

BUNDLED = pathlib.Path(FOLDER) / "map" / "netherlands.geojson"
LAYERS = ("neighbour", "province", "lake")

Layer = Literal["neighbour", "province", "lake"]
Point = tuple[float, float]
Ring = tuple[Point, ...]
Polygon = tuple[Ring, ...]


class Feature(Frozen):
    """One area of the map: its layer, id, name and polygons (outer ring, then holes)."""

    layer: Layer
    id: str
    name: str
    polygons: tuple[Polygon, ...]

    def centroid(self) -> Point:
        """lon, lat of the centroid of the outer ring of its largest polygon (the shoelace
        formula): where a name for the whole area goes. An equirectangular projection is
        affine, so the projected centroid is the centroid of the projected ring."""
        ring = max((polygon[0] for polygon in self.polygons), key=lambda r: abs(_area(r)))
        area = _area(ring)
        pairs = list(itertools.pairwise(ring))
        cx = sum((x0 + x1) * (x0 * y1 - x1 * y0) for (x0, y0), (x1, y1) in pairs) / (6 * area)
        cy = sum((y0 + y1) * (x0 * y1 - x1 * y0) for (x0, y0), (x1, y1) in pairs) / (6 * area)
        return cx, cy

    def contains(self, lon: float, lat: float) -> bool:
        """Whether the point lies inside (even-odd over every ring, as the SVG fills it)."""
        inside = False
        for ring in (ring for polygon in self.polygons for ring in polygon):
            for (x1, y1), (x2, y2) in itertools.pairwise(ring):
                if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
                    inside = not inside
        return inside


class MapGeometry(Frozen):
    """Every feature of the map in drawing order, and the source to credit."""

    features: tuple[Feature, ...]
    source: str

    def layer(self, name: Layer) -> tuple[Feature, ...]:
        return tuple(feature for feature in self.features if feature.layer == name)

    def at(self, lon: float, lat: float) -> Feature | None:
        """The province or lake at a point, None outside the Netherlands (or at sea)."""
        return next(
            (f for f in self.features if f.layer != "neighbour" and f.contains(lon, lat)), None
        )


def load(path: pathlib.Path = BUNDLED) -> MapGeometry:
    """Read and check a map file; anything unreadable or malformed raises DataFileError."""
    label = str(path)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataFileError(f"{label}: no such file", "reinstall newtowns") from None
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise DataFileError(f"{label}: cannot read the map: {exc}", "reinstall newtowns") from None
    try:
        return parse(document)
    except (KeyError, TypeError, ValueError) as exc:
        raise DataFileError(f"{label}: not a map file: {exc}", "reinstall newtowns") from None


def parse(document: Any) -> MapGeometry:
    """A MapGeometry from a parsed GeoJSON FeatureCollection of (Multi)Polygons."""
    if document.get("type") != "FeatureCollection":
        raise ValueError("expected a GeoJSON FeatureCollection")
    features = []
    for index, item in enumerate(document["features"]):
        properties = item["properties"]
        layer = properties["layer"]
        if layer not in LAYERS:
            raise ValueError(f"feature {index}: unknown layer {layer!r}")
        geometry = item["geometry"]
        polygons: tuple[Polygon, ...]
        if geometry["type"] == "Polygon":
            polygons = (_polygon(geometry["coordinates"]),)
        elif geometry["type"] == "MultiPolygon":
            polygons = tuple(_polygon(rings) for rings in geometry["coordinates"])
        else:
            raise ValueError(f"feature {index}: expected a Polygon or MultiPolygon")
        features.append(Feature(layer, str(properties["id"]), str(properties["name"]), polygons))
    return MapGeometry(tuple(features), str(document.get("source", "")))


def _polygon(rings: Sequence[Sequence[Sequence[float]]]) -> Polygon:
    polygon = tuple(tuple((float(x), float(y)) for x, y in ring) for ring in rings)
    if not polygon or any(len(ring) < 4 for ring in polygon):
        raise ValueError("a polygon ring needs at least four positions")
    return polygon


def _area(ring: Ring) -> float:
    """The signed area of a closed ring (the shoelace formula)."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(ring)) / 2
