"""The read-only data API and the on-screen downloads, over HTTP against the real server."""

import csv
import io
import json
import urllib.error
import urllib.request

import pytest

from layers.api_tables import RESOURCES, month_span, safe_cell


def get(server, path):
    try:
        with urllib.request.urlopen(server.url + path, timeout=60) as response:
            return response.status, response.headers, response.read().decode("utf-8-sig")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def rows_of(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_chile_residence_permits_2015_to_2017(server):
    status, headers, body = get(server, "/api/residence_permits.csv?country=CHL")
    assert status == 200
    assert headers["Content-Type"].startswith("text/csv")
    rows = rows_of(body)
    issued = {r["date"]: r["value"] for r in rows if r["measure"] == "residence_permits_issued"}
    assert issued == {"2015": "9730", "2016": "26625", "2017": "84425"}
    assert {r["iso_a3"] for r in rows} == {"CHL"}


@pytest.mark.parametrize("name", list(RESOURCES))
def test_every_resource_answers_in_csv_and_json(server, name):
    status, _, body = get(server, f"/api/{name}.json")
    assert status == 200
    document = json.loads(body)
    assert document["resource"] == name
    assert document["license"]
    assert isinstance(document["sources"], list)
    assert len(document["rows"]) == document["count"] > 0
    status, _, body = get(server, f"/api/{name}.csv")
    assert status == 200
    assert len(rows_of(body)) == document["count"]


def test_country_list_and_month_range_filter_the_monthly_series(server):
    status, _, body = get(server, "/api/stock_by_month.json?country=COL,PER&from=2019-01&to=2019-06")
    assert status == 200
    rows = json.loads(body)["rows"]
    assert {r["area"] for r in rows} == {"COL", "PER"}
    assert sorted({r["month"] for r in rows}) == [f"2019-0{m}" for m in range(1, 7)]


def test_a_year_bound_keeps_year_only_rows_and_months_within_it(server):
    _, _, body = get(server, "/api/residence_permits.json?country=CHL&from=2016&to=2016")
    assert [r["value"] for r in json.loads(body)["rows"]] == [26625]


def test_land_routes_filter_on_any_country_they_cross(server):
    _, _, body = get(server, "/api/land_routes.json?country=ECU")
    routes = json.loads(body)["rows"]
    assert routes and all("ECU" in r["countries"].split(";") for r in routes)


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("country=CHLX", "country"),
        ("country=XYZ", "country"),
        ("from=2019-13", "from"),
        ("to=19", "to"),
        ("from=2020&to=2019", "from"),
        ("colour=red", "colour"),
    ],
)
def test_bad_parameters_get_a_400_naming_them(server, query, parameter):
    status, headers, body = get(server, f"/api/stock.json?{query}")
    assert status == 400
    assert headers["Content-Type"].startswith("application/json")
    error = json.loads(body)
    assert error["parameter"] == parameter
    assert error["error"].startswith(parameter + ":")


def test_a_filter_the_resource_cannot_apply_is_a_400(server):
    status, _, body = get(server, "/api/maritime_routes.csv?country=ABW")
    assert status == 400
    assert "no country column" in json.loads(body)["error"]


def test_unknown_resource_is_a_404(server):
    status, _, body = get(server, "/api/refugees.csv")
    assert status == 404
    assert "residence_permits" in json.loads(body)["error"]


def test_safe_cell_neutralises_formulas_but_keeps_numbers():
    assert safe_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert safe_cell("+1 555") == "'+1 555"
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("-2+3") == "'-2+3"
    assert safe_cell("\tx") == "'\tx"
    assert safe_cell("-69.56591") == "-69.56591"
    assert safe_cell(-3) == -3
    assert safe_cell("Cúcuta") == "Cúcuta"


def test_month_span_of_partial_and_annotated_dates():
    assert month_span("2016") == ("2016-01", "2016-12")
    assert month_span("2019-03-08 (opened)") == ("2019-03", "2019-03")
    assert month_span("") is None


def test_map_csv_has_the_months_values_dates_and_sources(server):
    status, headers, body = get(server, "/export/map.csv?date=2019-10&metric=absolute&lang=en")
    assert status == 200
    assert "attachment" in headers["Content-Disposition"]
    rows = {r["iso_a3"]: r for r in rows_of(body)}
    colombia = rows["COL"]
    assert colombia["country"] == "Colombia"
    assert colombia["value"] == "1630903"  # Migración Colombia, 31 Oct 2019
    assert colombia["estimated"] == "false"
    assert colombia["reference_date"] == "2019-10-31"
    assert colombia["source"]
    estimated = [r for r in rows.values() if r["estimated"] == "true"]
    assert estimated and all(r["date_before"] and r["date_after"] and r["source_before"] for r in estimated)


def test_per_1000_map_csv_puts_the_rate_in_value(server):
    _, _, body = get(server, "/export/map.csv?date=2021-08&metric=per_1000&lang=es")
    colombia = next(r for r in rows_of(body) if r["iso_a3"] == "COL")
    assert colombia["value"] == colombia["per_1000"]
    assert colombia["country"] == "Colombia"


def test_countries_geojson_carries_the_months_values(server):
    status, _, body = get(server, "/export/admin0.geojson?date=2019-10&metric=absolute")
    assert status == 200
    features = {f["properties"]["iso_a3"]: f for f in json.loads(body)["features"]}
    assert features["COL"]["properties"]["value"] == 1630903
    assert features["COL"]["geometry"]["type"] in ("Polygon", "MultiPolygon")
    assert features["VEN"]["properties"]["value"] is None


@pytest.mark.parametrize("layer", ["entry_points", "land_routes", "maritime_routes", "services"])
def test_layer_geojson(server, layer):
    status, _, body = get(server, f"/export/{layer}.geojson")
    assert status == 200
    assert json.loads(body)["features"]


def test_methods_page_escapes_and_translates(server):
    status, headers, body = get(server, "/methods?lang=pt")
    assert status == 200
    assert headers["Content-Type"].startswith("text/html")
    assert "Metodologia e fontes" in body
    assert "Por que os totais regionais não são a soma dos países" in body
    for name in RESOURCES:
        assert f'id="{name}"' in body
    assert "<script" not in body
