"""Point and line layers as compact documents for the browser (GeoJSON, geobuf), content-hashed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from geobuf import geobuf_pb2
from geobuf.encode import Encoder

from layers.crossings import counts_at, incidents_on
from layers.entry_points import entry_points
from layers.memo import memoized_on_data
from layers.routes import land_routes, maritime_routes
from layers.services import services

if TYPE_CHECKING:  # heavy libraries, imported where used (a warm start needs none)
    import geopandas as gpd

    pass


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


def located(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """The rows that have a geometry."""
    return frame[frame.geometry.notna() & ~frame.geometry.is_empty]


def feature_collection(frame: gpd.GeoDataFrame, properties: list[str]) -> dict:
    """A GeoJSON dict of the rows that have a geometry, with the chosen properties only."""
    return json.loads(located(frame)[[*properties, "geometry"]].to_json(drop_id=True))


def point_geobuf(frame: gpd.GeoDataFrame, properties: list[str], precision: int) -> bytes:
    """Geobuf of the located points with text `properties`, built from the columns: the bytes
    `geobuf.encode` makes of `feature_collection`, without the GeoJSON round trip (4x faster)."""
    import numpy as np

    points = located(frame)
    scale = 10**precision
    xs = np.round(points.geometry.x.to_numpy() * scale).astype(np.int64).tolist()
    ys = np.round(points.geometry.y.to_numpy() * scale).astype(np.int64).tolist()
    pairs = [index for key in range(len(properties)) for index in (key, key)]  # (key, value) indices
    feature, value, geometry = geobuf_pb2.Data.Feature, geobuf_pb2.Data.Value, geobuf_pb2.Data.Geometry
    point = Encoder.geometry_types["Point"]
    features = [
        feature(
            properties=pairs,
            values=[value(string_value=text) for text in row],
            geometry=geometry(type=point, coords=[x, y]),
        )
        for x, y, *row in zip(xs, ys, *(points[name].tolist() for name in properties), strict=True)
    ]
    data = geobuf_pb2.Data(keys=properties, dimensions=2, precision=precision)
    data.feature_collection.features.extend(features)
    return data.SerializeToString()


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
    return point_geobuf(services(directory), SERVICE_PROPERTIES, 5)
