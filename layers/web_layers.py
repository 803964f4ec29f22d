"""Point and line layers as compact documents for the browser (GeoJSON, geobuf), content-hashed."""

from __future__ import annotations

import json
from pathlib import Path

import geobuf
import geopandas as gpd

from layers.crossings import counts_at, incidents_on
from layers.entry_points import entry_points
from layers.memo import memoized_on_data
from layers.routes import land_routes, maritime_routes
from layers.services import services

ENTRY_POINT_PROPERTIES = [
    "crossing_id",
    "crossing",
    "side_place",
    "iso_a3",
    "coord_precision",
    "description",
    "description_es",
    "description_pt",
    "other_reference",
    "coord_source",
    "note",
]
LAND_PROPERTIES = [
    "route_id",
    "name",
    "name_es",
    "countries",
    "crossings",
    "waypoints",
    "geometry_quality",
    "source",
    "note",
]
MARITIME_PROPERTIES = [
    "route_id",
    "origin_area",
    "origin_point",
    "destination",
    "destination_point",
    "geometry_quality",
    "sources",
    "accuracy_note",
]
SERVICE_PROPERTIES = [
    "service_id",
    "name",
    "kind",
    "operator",
    "iso_a3",
    "place",
    "coord_precision",
    "source",
    "observed",
]


def feature_collection(frame: gpd.GeoDataFrame, properties: list[str]) -> dict:
    """A GeoJSON dict of the rows that have a geometry, with the chosen properties only."""
    located = frame[frame.geometry.notna() & ~frame.geometry.is_empty]
    return json.loads(located[[*properties, "geometry"]].to_json(drop_id=True))


@memoized_on_data
def entry_points_geojson(directory: Path) -> dict:
    """Crossing sides with coordinates, each with the dated counts published for its crossing."""
    points = entry_points(directory)
    points = points.assign(counts=[counts_at(directory, c) for c in points["crossing_id"]])
    return feature_collection(points, [*ENTRY_POINT_PROPERTIES, "counts"])


@memoized_on_data
def land_routes_geojson(directory: Path) -> dict:
    """Land corridors as lines."""
    return feature_collection(land_routes(directory), LAND_PROPERTIES)


@memoized_on_data
def maritime_routes_geojson(directory: Path) -> dict:
    """Maritime routes that have a geometry and a source, each with its published incidents."""
    routes = maritime_routes(directory)
    routes = routes[routes["sourced"]]
    routes = routes.assign(incidents=[incidents_on(directory, r) for r in routes["route_id"]])
    return feature_collection(routes, [*MARITIME_PROPERTIES, "incidents"])


@memoized_on_data
def services_geobuf(directory: Path) -> bytes:
    """Service points as geobuf: about a third of the GeoJSON size, decoded in the browser."""
    return geobuf.encode(feature_collection(services(directory), SERVICE_PROPERTIES), 5)
