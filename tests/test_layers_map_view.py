"""Map-view rules in layers/map_view.py: country views, count classes, spreading near points."""

from __future__ import annotations

from layers.map_view import count_breaks, country_bounds, small_places, spread
from tests.datadir import SHIPPED_DATA


def test_a_country_view_leaves_out_far_small_islands():
    (south, west), (north, east) = country_bounds(SHIPPED_DATA)["CHL"]
    assert west > -80  # Easter Island (-109.4) is not part of Chile's view
    assert south < -54 and north > -18  # Cape Horn to the Peruvian border
    (_, west), _ = country_bounds(SHIPPED_DATA)["ECU"]
    assert west > -82  # nor the Galápagos (-91) part of Ecuador's


def test_count_classes_cover_one_to_the_largest_count():
    assert count_breaks([0, 2, 9, 4]) == [1, 4, 7]
    assert count_breaks([3]) == [1, 2, 3]
    assert count_breaks([0, 0]) == []


def test_points_that_nearly_coincide_are_spread_on_a_circle_around_their_centre():
    def point(x, y):
        return {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [x, y]}}

    spreadout = spread({"type": "FeatureCollection", "features": [point(0, 0), point(0.05, 0), point(5, 5)]})
    a, b, far = spreadout["features"]
    assert a["geometry"]["coordinates"] == b["geometry"]["coordinates"] == [0.025, 0.0]
    assert (a["properties"]["dx"], a["properties"]["dy"]) != (b["properties"]["dx"], b["properties"]["dy"])
    assert (far["properties"]["dx"], far["properties"]["dy"]) == (0, 0)
    assert far["geometry"]["coordinates"] == [5, 5]


def test_small_places_are_the_abc_islands_and_trinidad_and_tobago():
    chosen = {f["properties"]["iso_a3"] for f in small_places(SHIPPED_DATA)["features"]}
    assert {"ABW", "CUW", "BES", "TTO"} <= chosen
    assert not chosen & {"COL", "VEN", "BRA", "DOM"}
