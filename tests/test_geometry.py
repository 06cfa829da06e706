"""The bundled map geometry: read with json from the installed package, layers and points."""

from __future__ import annotations

import json
import pathlib

import pytest

from newtowns_cli.model.errors import DataFileError
from newtowns_cli.render.html import geometry

PROVINCES = [
    "Drenthe",
    "Flevoland",
    "Fryslân",
    "Gelderland",
    "Groningen",
    "Limburg",
    "Noord-Brabant",
    "Noord-Holland",
    "Overijssel",
    "Utrecht",
    "Zeeland",
    "Zuid-Holland",
]


@pytest.fixture(scope="module")
def bundled() -> geometry.MapGeometry:
    return geometry.load()


def test_the_wheel_ships_the_map_next_to_the_data_file() -> None:
    """The map lies beside newtowns.toml, in the wheel as in the checkout."""
    assert geometry.BUNDLED.is_file()
    assert geometry.BUNDLED.parent.parent == geometry.BUNDLED.parents[1]
    assert (geometry.BUNDLED.parents[1] / "newtowns.toml").is_file()
    assert 40_000 < geometry.BUNDLED.stat().st_size < 70_000


def test_layers_and_names(bundled: geometry.MapGeometry) -> None:
    """Twelve provinces by their Dutch names, two lakes, Belgium and Germany, in that order."""
    assert sorted(f.name for f in bundled.layer("province")) == PROVINCES
    assert [f.id for f in bundled.layer("lake")] == ["lauwersmeer", "ijsselmeer"]
    assert [f.name for f in bundled.layer("neighbour")] == ["Germany", "Belgium"]
    assert [f.layer for f in bundled.features] == ["neighbour"] * 2 + ["province"] * 12 + [
        "lake"
    ] * 2
    assert "Natural Earth" in bundled.source
    assert "public domain" in bundled.source


def test_coordinates_are_rounded_and_inside_the_frame(bundled: geometry.MapGeometry) -> None:
    """4 decimals, within 2.5–7.8 °E and 50.3–54 °N; every ring closed."""
    for feature in bundled.features:
        for polygon in feature.polygons:
            for ring in polygon:
                assert ring[0] == ring[-1]
                for lon, lat in ring:
                    assert 2.5 <= lon <= 7.8
                    assert 50.3 <= lat <= 54.0
                    assert round(lon, 4) == lon
                    assert round(lat, 4) == lat


@pytest.mark.parametrize(
    ("lon", "lat", "name"),
    [
        (5.4714, 52.5185, "Flevoland"),  # Lelystad
        (5.2647, 52.3508, "Flevoland"),  # Almere
        (4.4811, 52.0575, "Zuid-Holland"),  # Zoetermeer
        (5.1214, 52.0907, "Utrecht"),  # Utrecht
        (5.6553, 51.4794, "Noord-Brabant"),  # Helmond
        (4.9597, 52.5022, "Noord-Holland"),  # Purmerend
        (5.30, 52.80, "IJsselmeer en Markermeer"),  # open water north of the Houtribdijk
        (5.25, 52.50, "IJsselmeer en Markermeer"),  # Markermeer
        (5.70, 52.395, "IJsselmeer en Markermeer"),  # Veluwemeer, a Randmeer
    ],
)
def test_known_points_fall_in_their_province_or_lake(
    bundled: geometry.MapGeometry, lon: float, lat: float, name: str
) -> None:
    """The provinces have the lakes cut out: open water belongs to the lake, not Flevoland."""
    found = bundled.at(lon, lat)
    assert found is not None
    assert found.name == name


def test_points_outside_the_netherlands(bundled: geometry.MapGeometry) -> None:
    """The North Sea and Brussels are no province; Brussels lies in Belgium."""
    assert bundled.at(3.5, 53.0) is None
    assert bundled.at(4.3517, 50.8503) is None
    (belgium,) = [f for f in bundled.layer("neighbour") if f.id == "BE"]
    assert belgium.contains(4.3517, 50.8503)


def test_a_missing_or_malformed_map_is_a_data_file_error(tmp_path: pathlib.Path) -> None:
    """Never a traceback: a typed error with a hint."""
    with pytest.raises(DataFileError, match="no such file"):
        geometry.load(tmp_path / "absent.geojson")
    bad = tmp_path / "bad.geojson"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(DataFileError, match="cannot read the map"):
        geometry.load(bad)
    bad.write_text(json.dumps({"type": "FeatureCollection", "features": [{}]}), encoding="utf-8")
    with pytest.raises(DataFileError, match="not a map file"):
        geometry.load(bad)
    point = {
        "type": "FeatureCollection",
        "features": [
            {
                "properties": {"layer": "lake", "id": "x", "name": "x"},
                "geometry": {"type": "Point", "coordinates": [5, 52]},
            }
        ],
    }
    bad.write_text(json.dumps(point), encoding="utf-8")
    with pytest.raises(DataFileError, match="expected a Polygon or MultiPolygon"):
        geometry.load(bad)
