"""Browser geometry and point layers: islands kept, much smaller, content-hashed."""

from __future__ import annotations

import geobuf
import pytest
from datadir import SHIPPED_DATA, broken_copy, feature_number, load_geojson, save_geojson
from shapely.geometry import shape

from layers.web_geometry import admin0_web
from layers.web_layers import (
    entry_points_geojson,
    land_routes_geojson,
    maritime_routes_geojson,
    services_geobuf,
)

ADMIN0 = "boundaries/admin0.geojson"


@pytest.fixture(scope="module")
def web():
    return admin0_web(SHIPPED_DATA)


def shapes(web) -> dict:
    return {f["id"]: shape(f["geometry"]) for f in web.feature_collection["features"]}


def test_admin0_web_keeps_every_country_and_the_small_islands(web):
    geometries = shapes(web)
    assert len(geometries) == 57
    for iso in ("ABW", "CUW", "BES"):
        assert not geometries[iso].is_empty and geometries[iso].area > 0, iso
    assert geometries["TTO"].geom_type == "MultiPolygon"
    assert len(geometries["TTO"].geoms) == 2  # Trinidad and Tobago
    assert len(geometries["BES"].geoms) == 3  # Bonaire, Sint Eustatius, Saba


def test_admin0_web_properties(web):
    aruba = next(f for f in web.feature_collection["features"] if f["id"] == "ABW")
    assert aruba["properties"]["iso_a3"] == "ABW"
    assert aruba["properties"]["name"] == "Aruba"
    assert aruba["properties"]["r4v_host"] is True


def test_admin0_web_is_much_smaller_than_the_source(web):
    source = (SHIPPED_DATA / ADMIN0).stat().st_size
    assert len(web.body) < source / 4


def test_body_is_stable_for_same_content_and_changes_with_geometry(web, tmp_path):
    same = broken_copy(tmp_path, "same")
    assert admin0_web(same).body == web.body

    moved = broken_copy(tmp_path, "moved")
    path = moved / ADMIN0
    document = load_geojson(path)
    aruba = document["features"][feature_number(document, "ABW") - 1]["geometry"]
    aruba["coordinates"] = [[[x, y + 0.5] for x, y in ring] for ring in aruba["coordinates"]]
    save_geojson(path, document)
    changed = admin0_web(moved)
    assert changed.body != web.body
    assert shapes(changed)["ABW"].centroid.y == pytest.approx(shapes(web)["ABW"].centroid.y + 0.5, abs=0.01)


def test_point_and_line_layers_hold_only_located_rows():
    assert len(entry_points_geojson(SHIPPED_DATA)["features"]) == 17
    assert len(land_routes_geojson(SHIPPED_DATA)["features"]) == 5
    assert len(maritime_routes_geojson(SHIPPED_DATA)["features"]) == 3  # located and sourced: not VE-BES-01
    decoded = geobuf.decode(services_geobuf(SHIPPED_DATA))
    assert len(decoded["features"]) == 53
    first = decoded["features"][0]
    assert {"service_id", "kind", "operator"} <= set(first["properties"])
