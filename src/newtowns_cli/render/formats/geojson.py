"""GeoJSON (RFC 7946): one Point feature per town with a location, properties as in `list`."""

from __future__ import annotations

from collections.abc import Sequence

from newtowns_cli.model.records import Town
from newtowns_cli.questions.lookup import Catalog
from newtowns_cli.render import tables
from newtowns_cli.render.formats import jsonout


def render(catalog: Catalog, towns: Sequence[Town]) -> tuple[str, list[str]]:
    """The FeatureCollection, and the names of the towns left out for want of a location."""
    located = [town for town in towns if town.location]
    properties = jsonout.objects(tables.build(catalog, located, tables.TOWN_COLUMNS))
    features = [
        {
            "type": "Feature",
            "id": town.id,
            "geometry": {
                "type": "Point",
                "coordinates": [town.location[0].lon, town.location[0].lat],
            },
            "properties": props,
        }
        for town, props in zip(located, properties, strict=True)
    ]
    collection = {"type": "FeatureCollection", "features": features}
    skipped = [town.name for town in towns if not town.location]
    return jsonout.dumps(collection, indent=2) + "\n", skipped
