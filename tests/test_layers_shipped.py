"""The shipped data package loads through every layer with the sizes PROVENANCE.md documents."""

from __future__ import annotations

import json

import pytest
from datadir import SHIPPED_DATA, read_rows
from shapely.geometry import LineString, Point, shape

from layers.boundaries import admin0, admin1
from layers.catalog import DataSnapshot, validate
from layers.codes import known_codes, outside_map
from layers.entry_points import entry_points
from layers.flows import flows
from layers.funding import funding
from layers.profiles import country_profiles
from layers.regularisation import regularisation_mechanisms, residence_permits
from layers.routes import land_routes, maritime_routes
from layers.services import services
from layers.stock import stock_figures

# The 17 R4V response countries, as listed in data/PROVENANCE.md (section 1, `r4v_host`).
R4V_HOSTS = {
    "ARG",
    "ABW",
    "BOL",
    "BRA",
    "CHL",
    "COL",
    "CRI",
    "CUW",
    "DOM",
    "ECU",
    "GUY",
    "MEX",
    "PAN",
    "PRY",
    "PER",
    "TTO",
    "URY",
}


@pytest.fixture(scope="module")
def data():
    """The shipped data directory."""
    return SHIPPED_DATA


def located(frame) -> int:
    """How many rows carry a non-empty geometry."""
    return int((frame.geometry.notna() & ~frame.geometry.is_empty).sum())


def test_shipped_data_has_no_error_and_every_warning_is_explained(data):
    found = validate(data)
    assert [str(p) for p in found if not p.warning] == []
    explained = (data / "PROVENANCE.md").read_text(encoding="utf-8")
    for problem in found:  # dates given as text; else PROVENANCE.md lists it as "| file | row | ..."
        assert "found only text" in problem.message or f"| {problem.file} | {problem.row} |" in explained, (
            str(problem)
        )


def test_snapshot_loads_and_its_vintage_is_the_latest_published_month(data):
    rows = read_rows(data / "figures/stock.csv")
    header = rows[0]
    dates = [r[header.index("date")] for r in rows[1:] if r[header.index("measure")] == "stock"]
    latest = max(d + "-12" if len(d) == 4 else d[:7] for d in dates)
    snapshot = DataSnapshot.load(data)
    assert snapshot.directory == data.resolve()
    assert snapshot.vintage == latest


def test_admin0_has_57_features_with_the_small_caribbean_islands(data):
    countries = admin0(data)
    assert len(countries) == 57
    assert {"ABW", "CUW", "BES", "TTO", "VEN", "COL"} <= set(countries.index)
    assert countries.crs.to_epsg() == 4326
    assert countries.index.is_unique


def test_admin0_flags_the_17_r4v_hosts_and_venezuela_as_origin(data):
    countries = admin0(data)
    assert set(countries.index[countries["r4v_host"]]) == R4V_HOSTS
    assert list(countries.index[countries["origin"]]) == ["VEN"]


def test_admin0_trinidad_and_tobago_has_both_islands(data):
    tto = admin0(data).loc["TTO", "geometry"]
    assert tto.geom_type == "MultiPolygon"
    assert len(tto.geoms) == 2


def test_admin0_population_matches_the_geojson_file(data):
    document = json.loads((data / "boundaries/admin0.geojson").read_bytes())
    by_iso = {f["properties"]["iso_a3"]: f["properties"]["pop_est"] for f in document["features"]}
    countries = admin0(data)
    for iso in ("COL", "PER", "ABW", "BES"):
        assert countries.loc[iso, "pop_est"] == by_iso[iso]
    # BES figure cited in PROVENANCE.md (CBS, 1 Jan 2024)
    assert by_iso["BES"] == 30_397


def test_admin1_has_563_subdivisions_all_inside_known_countries(data):
    subdivisions = admin1(data)
    assert len(subdivisions) == 563
    assert subdivisions["iso_3166_2"].is_unique
    assert set(subdivisions["parent_iso_a3"]) <= set(admin0(data).index)
    assert all(g.is_valid and not g.is_empty for g in subdivisions.geometry)


def test_outside_map_countries_are_known_codes(data):
    assert set(outside_map(data)) == {"CAN", "ESP"}
    assert {"CAN", "ESP", "VEN"} <= known_codes(data)


def test_entry_points_19_sides_17_located_colchane_pisiga_without_coordinates(data):
    points = entry_points(data)
    assert len(points) == 19
    assert located(points) == 17
    missing = points[points.geometry.isna() | points.geometry.is_empty]
    assert set(missing["side_place"]) == {"Colchane", "Pisiga"}
    assert "lat" not in points.columns and "lon" not in points.columns


def test_entry_point_geometry_is_lon_lat_from_the_csv(data):
    points = entry_points(data)
    villa = points[points["side_place"] == "Villa del Rosario"].geometry.iloc[0]
    # points/entry_points.csv row 2: lat 7.83389, lon -72.47417
    assert villa.equals(Point(-72.47417, 7.83389))


def test_services_57_rows_53_located(data):
    points = services(data)
    assert len(points) == 57
    assert located(points) == 53
    assert points["service_id"].is_unique


def test_land_routes_5_lines(data):
    routes = land_routes(data)
    assert len(routes) == 5
    assert all(isinstance(g, LineString) for g in routes.geometry)
    andean = routes[routes["route_id"] == "LAND-ANDEAN"].geometry.iloc[0]
    assert andean.coords[0] == pytest.approx((-72.50782, 7.89391))


def test_maritime_routes_5_rows_4_geometries(data):
    routes = maritime_routes(data)
    assert len(routes) == 5
    assert located(routes) == 4
    aruba = routes[routes["route_id"] == "VE-ABW-01"].geometry.iloc[0]
    # starts at La Vela de Coro, ends at Oranjestad, and the end lies on Aruba
    assert aruba.coords[0] == pytest.approx((-69.56591, 11.46209))
    assert admin0(data).loc["ABW", "geometry"].distance(Point(aruba.coords[-1])) < 0.05


@pytest.mark.parametrize(
    ("loader", "rows"),
    [
        (stock_figures, 235),
        (residence_permits, 43),
        (regularisation_mechanisms, 35),
        (funding, 119),
        (flows, 7),
        (country_profiles, 86),
    ],
)
def test_figure_tables_have_the_documented_row_counts(data, loader, rows):
    assert len(loader(data)) == rows


def test_stock_values_are_integers_and_rows_keep_their_file_row(data):
    figures = stock_figures(data)
    assert figures["value"].dtype == "int64"
    # figures/stock.csv row 128: COL 2019-10-31 1,630,903
    row = figures[figures["row"] == 128].iloc[0]
    assert (row["iso_a3"], row["date"], row["value"], row["month"]) == (
        "COL",
        "2019-10-31",
        1_630_903,
        "2019-10",
    )


def test_flows_seed_inflows_2017_2018(data):
    # Andean network proposal (seed 000): Colombia 1.3 M, Ecuador 220 k, Peru 635 k, Chile 100 k
    table = flows(data)
    inflow = table[(table["measure"] == "inflow") & (table["iso_a3"] != "")]
    values = dict(zip(inflow["iso_a3"], inflow["value"], strict=True))
    assert values == {"COL": 1_300_000, "ECU": 220_000, "PER": 635_000, "CHL": 100_000}


def test_country_profiles_are_ordered_per_country_and_kind(data):
    profiles = country_profiles(data)
    for _, group in profiles.groupby(["iso_a3", "kind"]):
        assert list(group["order"]) == sorted(group["order"])
    assert set(profiles["kind"]) == {"challenge", "government_response"}


def test_shapes_are_shapely_geometries(data):
    first = json.loads((data / "boundaries/admin0.geojson").read_bytes())["features"][0]
    assert shape(first["geometry"]).equals(admin0(data).loc["ABW", "geometry"])
