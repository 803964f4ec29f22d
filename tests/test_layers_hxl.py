"""An HXL-tagged 3W/5W file placed as points/services.csv is mapped onto the services schema."""

from __future__ import annotations

import shutil

import pytest
from datadir import FIXTURES, broken_copy, set_cell, write_rows
from shapely.geometry import Point

from layers.problems import DataError
from layers.services import services

SERVICES = "points/services.csv"


@pytest.fixture
def hxl_data(tmp_path):
    directory = broken_copy(tmp_path)
    shutil.copyfile(FIXTURES / "services_hxl.csv", directory / SERVICES)
    return directory


def test_hxl_rows_load_with_kind_operator_country_and_point(hxl_data):
    points = services(hxl_data)
    assert len(points) == 4
    by_name = points.set_index("name")
    cucuta = by_name.loc["Albergue de paso Cúcuta"]
    assert cucuta["kind"] == "shelter"
    assert cucuta["operator"] == "Diócesis de Cúcuta"
    assert cucuta["iso_a3"] == "COL"
    assert cucuta["admin1"] == "CO-NSA"
    assert cucuta["geometry"].equals(Point(-72.50782, 7.89391))
    assert by_name.loc["Punto de salud Lima", "kind"] == "health"
    assert by_name.loc["Punto de salud Lima", "operator"] == "Ministerio de Salud"
    assert by_name.loc["Orientación legal Boa Vista", "kind"] == "legal_aid"


def test_hxl_unknown_sector_becomes_other_and_keeps_the_sector(hxl_data):
    school = services(hxl_data).set_index("name").loc["Escuela puente Cali"]
    assert school["kind"] == "other"
    assert "education" in school["note"].lower()


def test_hxl_rows_get_unique_ids_and_a_source(hxl_data):
    points = services(hxl_data)
    assert points["service_id"].is_unique
    assert all(points["service_id"] != "")
    assert all(points["source"] != "")


def test_hxl_tags_match_regardless_of_case_and_attribute_order(hxl_data):
    path = hxl_data / SERVICES
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = "#LOC+name,#geo +lat,#Geo+Lon,#sector,#org,#country+code,#adm1+code"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert services(hxl_data).iloc[0]["geometry"].equals(Point(-72.50782, 7.89391))


def test_hxl_problem_rows_count_the_tag_row(hxl_data):
    set_cell(hxl_data / SERVICES, 3, "Latitude", "7,89")  # first data row is row 3
    with pytest.raises(DataError) as raised:
        services(hxl_data)
    [problem] = raised.value.problems
    assert (problem.file, problem.row, problem.column) == (SERVICES, 3, "lat")


def test_hxl_point_in_the_wrong_country_is_reported(hxl_data):
    set_cell(hxl_data / SERVICES, 4, "Country", "ECU")  # Lima is not in Ecuador
    with pytest.raises(DataError) as raised:
        services(hxl_data)
    [problem] = raised.value.problems
    assert (problem.row, problem.column) == (4, "lat+lon")


def test_hxl_file_without_country_tag_is_a_problem_not_a_crash(tmp_path):
    directory = broken_copy(tmp_path)
    write_rows(
        directory / SERVICES,
        [
            ["Facility", "Latitude", "Longitude", "Sector", "Organisation"],
            ["#loc+name", "#geo+lat", "#geo+lon", "#sector", "#org"],
            ["Albergue", "7.89391", "-72.50782", "Shelter", "X"],
        ],
    )
    with pytest.raises(DataError) as raised:
        services(directory)
    assert any(p.column == "iso_a3" for p in raised.value.problems)


def test_services_counted_inside_a_box_only():
    from datadir import SHIPPED_DATA

    from layers.services import count_in_box, services

    everywhere = count_in_box(SHIPPED_DATA, ["shelter", "health"], None)
    frame = services(SHIPPED_DATA)
    located = frame[frame.geometry.notna()]
    assert everywhere.sum() == located["kind"].isin(["shelter", "health"]).sum() > 0
    colombia = count_in_box(SHIPPED_DATA, ["shelter", "health"], (-4.3, -79.1, 12.5, -66.8))
    inside = located[located["kind"].isin(["shelter", "health"])]
    inside = inside[inside.geometry.y.between(-4.3, 12.5) & inside.geometry.x.between(-79.1, -66.8)]
    assert colombia.sum() == len(inside) < everywhere.sum()
