"""One faulty copy of the data per validation rule: the problem names file, row and column."""

from __future__ import annotations

from pathlib import Path

import pytest
from datadir import (
    broken_copy,
    cell,
    drop_column,
    feature_number,
    load_geojson,
    read_rows,
    row_where,
    save_geojson,
    set_cell,
)

from layers.boundaries import admin0, admin1
from layers.catalog import DataSnapshot, validate
from layers.codes import outside_map
from layers.entry_points import entry_points
from layers.funding import funding
from layers.problems import DataError, Problem
from layers.profiles import country_profiles
from layers.routes import land_routes, maritime_routes
from layers.services import services
from layers.stock import stock_by_month, stock_figures

ENTRY_POINTS = "points/entry_points.csv"
SERVICES = "points/services.csv"
STOCK = "figures/stock.csv"
ADMIN0 = "boundaries/admin0.geojson"

# A self-intersecting ring (bow-tie) near the Brazilian Island, lon/lat.
BOW_TIE = [[-57.64, -30.19], [-57.60, -30.18], [-57.64, -30.18], [-57.60, -30.19], [-57.64, -30.19]]


@pytest.fixture
def data(tmp_path):
    """A fresh copy of the shipped data, for one test to break."""
    return broken_copy(tmp_path)


def errors_of(loader, directory) -> list[Problem]:
    """The problems a loader raises; fails the test if it loads."""
    with pytest.raises(DataError) as raised:
        loader(directory)
    return raised.value.problems


def only(problems: list[Problem]) -> Problem:
    """The single problem of a list."""
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def bad_cell(data: Path, loader, file: str, column: str, value: str, **where: str) -> tuple[int, Problem]:
    """Put `value` in `column` of the row `where` picks (else the first): the row and its one problem."""
    row = row_where(data / file, **where)
    set_cell(data / file, row, column, value)
    problem = only(errors_of(loader, data))
    assert (problem.file, problem.row, problem.column) == (file, row, column)
    return row, problem


def bad_stock_cell(data: Path, column: str, value: str) -> tuple[int, Problem]:
    """`bad_cell` on Colombia's Oct 2019 stock row."""
    return bad_cell(data, stock_figures, STOCK, column, value, iso_a3="COL", date="2019-10-31")


# --- files and columns -----------------------------------------------------------------------


def test_missing_csv_file(data):
    (data / SERVICES).unlink()
    problem = only(errors_of(services, data))
    assert (problem.file, problem.row, problem.column) == (SERVICES, None, None)
    assert str(problem) == "points/services.csv: expected the file to exist, found nothing"


def test_missing_geojson_file_stops_every_layer_that_needs_countries(data):
    (data / ADMIN0).unlink()
    problem = only(errors_of(admin0, data))
    assert problem.file == ADMIN0
    assert "expected the file to exist" in problem.message
    for loader in (admin1, entry_points, services, stock_figures):
        assert errors_of(loader, data) == [problem]


def test_missing_column(data):
    drop_column(data / ENTRY_POINTS, "lat")
    problem = only(errors_of(entry_points, data))
    assert (problem.file, problem.row, problem.column) == (ENTRY_POINTS, 1, "lat")
    assert str(problem) == (
        "points/entry_points.csv, row 1, column lat: expected this column in the header, found it missing"
    )


def test_missing_column_in_services(data):
    drop_column(data / SERVICES, "kind")
    problem = only(errors_of(services, data))
    assert (problem.file, problem.row, problem.column) == (SERVICES, 1, "kind")
    assert "missing" in problem.message


def test_row_with_too_few_fields(data):
    path = data / STOCK
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[4] = "COL,Colombia,2017\n"  # row 5
    path.write_text("".join(lines), encoding="utf-8")
    problems = errors_of(stock_figures, data)
    assert any(p.row == 5 and "expected 15 fields, found 3" in p.message for p in problems)


# --- cell values -----------------------------------------------------------------------------


def test_unparsable_number_in_lat(data):
    row, problem = bad_cell(data, entry_points, ENTRY_POINTS, "lat", "7,83", side_place="Villa del Rosario")
    assert str(problem) == (
        f'points/entry_points.csv, row {row}, column lat: expected a number between -90 and 90, found "7,83"'
    )


def test_lat_out_of_range(data):
    row, problem = bad_cell(data, services, SERVICES, "lat", "97.5", service_id="BRA-001")
    assert "between -90 and 90" in problem.message and '"97.5"' in problem.message


def test_lat_lon_swapped(data):
    path = data / ENTRY_POINTS
    row = row_where(path, side_place="Villa del Rosario")
    lat, lon = cell(path, row, "lat"), cell(path, row, "lon")
    set_cell(path, row, "lat", lon)
    set_cell(path, row, "lon", lat)
    problem = only(errors_of(entry_points, data))
    assert (problem.file, problem.row) == (ENTRY_POINTS, row)
    assert "lat" in problem.column and "lon" in problem.column
    assert "swapped" in problem.message


def test_point_outside_its_stated_country(data):
    path = data / ENTRY_POINTS
    row = row_where(path, side_place="Villa del Rosario")  # iso_a3 COL
    set_cell(path, row, "lat", "-3.10194")  # Manaus, Brazil
    set_cell(path, row, "lon", "-60.025")
    problem = only(errors_of(entry_points, data))
    assert (problem.file, problem.row) == (ENTRY_POINTS, row)
    assert "COL" in problem.message and "outside" in problem.message
    assert "swapped" not in problem.message


def test_unknown_iso3(data):
    row, problem = bad_cell(data, services, SERVICES, "iso_a3", "XXX", service_id="BRA-001")
    assert '"XXX"' in problem.message and "ISO3" in problem.message


def test_unknown_iso3_in_stock(data):
    bad_stock_cell(data, "iso_a3", "XXX")


def test_unparsable_date(data):
    _, problem = bad_stock_cell(data, "date", "2019-13")
    assert '"2019-13"' in problem.message and "YYYY-MM" in problem.message


def test_negative_count_in_stock(data):
    row, problem = bad_stock_cell(data, "value", "-1630903")
    assert str(problem) == (
        f'figures/stock.csv, row {row}, column value: expected a whole number of at least 0, found "-1630903"'
    )


def test_fractional_count_in_stock(data):
    bad_stock_cell(data, "value", "1630903.5")


def test_infinite_count_in_stock_is_a_problem_not_a_crash(data):
    bad_stock_cell(data, "value", "inf")


def test_value_outside_a_closed_vocabulary(data):
    _, problem = bad_stock_cell(data, "measure", "guess")
    assert '"guess"' in problem.message


def test_funding_fraction_above_one(data):
    bad_cell(data, funding, "figures/funding.csv", "value", "23", unit="fraction")


def test_profile_order_must_start_at_one(data):
    row, _ = bad_cell(data, country_profiles, "countries/profiles.csv", "order", "0")
    assert row == 2


def test_outside_map_code_must_be_three_capitals(data):
    bad_cell(data, outside_map, "boundaries/outside_map.csv", "iso_a3", "can")


def test_land_route_naming_an_unknown_crossing(data):
    path = data / "routes/land.csv"
    set_cell(path, 2, "crossings", cell(path, 2, "crossings") + ";ZZ-ZZ-99")
    problem = only(errors_of(land_routes, data))
    assert (problem.file, problem.row, problem.column) == ("routes/land.csv", 2, "crossings")
    assert '"ZZ-ZZ-99"' in problem.message


def test_maritime_route_with_broken_wkt(data):
    bad_cell(data, maritime_routes, "routes/maritime.csv", "waypoints_wkt", "LINESTRING (-69.5 11.4,")


# --- keys ------------------------------------------------------------------------------------


def test_duplicate_service_id(data):
    path = data / SERVICES
    first = row_where(path, service_id="BRA-001")
    second = row_where(path, service_id="BRA-002")
    set_cell(path, second, "service_id", "BRA-001")
    problem = only(errors_of(services, data))
    assert (problem.file, problem.row, problem.column) == (SERVICES, second, "service_id")
    assert '"BRA-001"' in problem.message and f"row {first}" in problem.message


def test_duplicate_iso_a3_in_admin0(data):
    path = data / ADMIN0
    document = load_geojson(path)
    number = feature_number(document, "BRI")
    document["features"][number - 1]["properties"]["iso_a3"] = "BRA"
    save_geojson(path, document)
    problem = only(errors_of(admin0, data))
    assert (problem.file, problem.row, problem.column) == (ADMIN0, number, "iso_a3")
    assert '"BRA"' in problem.message


# --- geometry --------------------------------------------------------------------------------


def test_invalid_polygon_is_repaired_and_reported_as_a_warning(data):
    path = data / ADMIN0
    document = load_geojson(path)
    number = feature_number(document, "BRI")
    document["features"][number - 1]["geometry"] = {"type": "Polygon", "coordinates": [BOW_TIE]}
    save_geojson(path, document)

    countries = admin0(data)  # not fatal
    assert len(countries) == 57
    repaired = countries.loc["BRI", "geometry"]
    assert repaired.is_valid and not repaired.is_empty
    warning = only(countries.attrs["warnings"])
    assert warning.warning
    assert (warning.file, warning.row, warning.column) == (ADMIN0, number, "geometry")
    assert "make_valid" in warning.message
    assert str(warning).startswith(f"{ADMIN0}, row {number}, column geometry: warning: ")

    found = validate(data)
    assert [p.warning for p in found if p.file == ADMIN0] == [True]
    assert all(p.warning for p in found)
    DataSnapshot.load(data)  # warnings alone do not stop loading


@pytest.mark.parametrize("name", ["urn:ogc:def:crs:EPSG::3857", "EPSG:3857"])
def test_wrong_crs(data, name):
    path = data / ADMIN0
    document = load_geojson(path)
    document["crs"] = {"type": "name", "properties": {"name": name}}
    save_geojson(path, document)
    problem = only(errors_of(admin0, data))
    assert problem.file == ADMIN0
    assert "4326" in problem.message and "3857" in problem.message


def test_declared_wgs84_crs_is_accepted(data):
    path = data / ADMIN0
    document = load_geojson(path)
    document["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}}
    save_geojson(path, document)
    assert len(admin0(data)) == 57


def test_missing_property_in_admin1(data):
    path = data / "boundaries/admin1.geojson"
    document = load_geojson(path)
    for feature in document["features"]:
        del feature["properties"]["parent_iso_a3"]
    save_geojson(path, document)
    problem = only(errors_of(admin1, data))
    assert (problem.file, problem.column) == ("boundaries/admin1.geojson", "parent_iso_a3")


# --- encoding --------------------------------------------------------------------------------


def test_latin1_bytes_in_a_utf8_csv_name_the_row(data):
    path = data / SERVICES
    lines = path.read_bytes().split(b"\n")
    # the first record with an accented letter latin-1 can encode, re-saved as latin-1
    index = next(
        i
        for i, line in enumerate(lines[1:], start=1)
        if b"\xc3\xa7" in line or b"\xc3\xa3" in line or b"\xc3\xa9" in line
    )
    lines[index] = lines[index].decode("utf-8").encode("latin-1", errors="replace")
    path.write_bytes(b"\n".join(lines))
    row = index + 1
    problem = only(errors_of(services, data))
    assert (problem.file, problem.row) == (SERVICES, row)
    assert "UTF-8" in problem.message
    assert str(problem).startswith(f"points/services.csv, row {row}: expected UTF-8")


def test_a_single_latin1_e_acute_byte(data):
    path = data / ENTRY_POINTS
    lines = path.read_bytes().split(b"\n")
    lines[5] = lines[5].replace(b",", b"\xe9,", 1)  # row 6
    path.write_bytes(b"\n".join(lines))
    problem = only(errors_of(entry_points, data))
    assert (problem.file, problem.row) == (ENTRY_POINTS, 6)
    assert "\\xe9" in problem.message


# --- all or nothing, every problem -----------------------------------------------------------


def test_a_bad_file_never_gives_a_partial_layer(data):
    row = row_where(data / ENTRY_POINTS, side_place="Villa del Rosario")
    set_cell(data / ENTRY_POINTS, row, "lat", "7,83")
    result = None
    with pytest.raises(DataError):
        result = entry_points(data)
    assert result is None
    with pytest.raises(DataError) as raised:
        DataSnapshot.load(data)
    assert [p.row for p in raised.value.problems] == [row]


def test_every_problem_of_a_file_is_reported_not_just_the_first(data):
    path = data / STOCK
    first = row_where(path, iso_a3="COL", date="2019-10-31")
    second = row_where(path, iso_a3="COL", date="2019-12-31")
    set_cell(path, first, "date", "2019-13")
    set_cell(path, second, "value", "-5")
    problems = errors_of(stock_figures, data)
    assert {(p.row, p.column) for p in problems} == {(first, "date"), (second, "value")}
    message = str(DataError(problems))
    assert str(problems[0]) in message and str(problems[1]) in message


def test_validate_lists_problems_in_two_files(data):
    entry_row = row_where(data / ENTRY_POINTS, side_place="Villa del Rosario")
    set_cell(data / ENTRY_POINTS, entry_row, "lat", "7,83")
    stock_row = row_where(data / STOCK, iso_a3="COL", date="2019-10-31")
    set_cell(data / STOCK, stock_row, "value", "-1")
    found = [p for p in validate(data) if not p.warning]
    where = {(p.file, p.row, p.column) for p in found}
    assert (ENTRY_POINTS, entry_row, "lat") in where
    assert (STOCK, stock_row, "value") in where
    # each problem once, even though several layers read these files
    assert len(found) == len({str(p) for p in found}) == 2


def test_stock_by_month_refuses_bad_stock(data):
    set_cell(data / STOCK, 2, "date", "15/03/2019")
    with pytest.raises(DataError):
        stock_by_month(data)


def test_unchanged_copy_still_loads(data):
    assert len(read_rows(data / SERVICES)) == 58
    assert [p for p in validate(data) if not p.warning] == []
