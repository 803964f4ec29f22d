"""Dated counts at crossings and incidents on boat routes: files read here with csv, layers checked."""

import csv

from datadir import SHIPPED_DATA

from layers.crossings import counts_at, crossing_flows, incidents_on, maritime_incidents
from layers.routes import maritime_routes
from layers.web_layers import entry_points_geojson, maritime_routes_geojson


def rows(name):
    with open(SHIPPED_DATA / name, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_every_published_count_is_loaded_with_its_unit():
    assert len(crossing_flows(SHIPPED_DATA)) == len(rows("points/crossing_flows.csv"))
    assert len(maritime_incidents(SHIPPED_DATA)) == len(rows("points/maritime_incidents.csv"))


def test_pacaraima_popup_data_lists_its_counts_oldest_first():
    expected = [r for r in rows("points/crossing_flows.csv") if r["crossing_id"] == "BR-VE-01"]
    counts = counts_at(SHIPPED_DATA, "BR-VE-01")
    assert len(counts) == len(expected) > 10
    assert {c["unit"] for c in counts} == {r["unit"] for r in expected}
    dated = [c["period_start"] or c["published"] for c in counts]
    assert dated == sorted(dated)
    features = entry_points_geojson(SHIPPED_DATA)["features"]
    pacaraima = next(f for f in features if f["properties"]["side_place"] == "Pacaraima")
    assert pacaraima["properties"]["counts"] == counts


def test_boat_routes_carry_their_incidents_and_a_route_without_source_is_not_drawn():
    drawn = {f["properties"]["route_id"]: f for f in maritime_routes_geojson(SHIPPED_DATA)["features"]}
    unsourced = [r["route_id"] for r in rows("routes/maritime.csv") if r["sources"] in ("", "none found")]
    assert unsourced == ["VE-BES-01"]
    assert "VE-BES-01" not in drawn
    assert "VE-BES-01" in set(maritime_routes(SHIPPED_DATA)["route_id"])  # still in the data and the API
    curacao = [r for r in rows("points/maritime_incidents.csv") if r["route_id"] == "VE-CUW-01"]
    assert len(drawn["VE-CUW-01"]["properties"]["incidents"]) == len(curacao) > 0
    assert incidents_on(SHIPPED_DATA, "VE-CUW-01") == drawn["VE-CUW-01"]["properties"]["incidents"]


def test_no_count_links_an_avoid_listed_page():
    avoid = {r["domain"] for r in rows("avoid_domains.csv") if r["rule"] == "avoid"}
    for name in ("points/crossing_flows.csv", "points/maritime_incidents.csv"):
        for r in rows(name):
            assert not any(domain in r["source_url"] for domain in avoid), r["source_url"]
