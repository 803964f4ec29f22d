"""data/datapackage.json describes the files that are really there."""

from __future__ import annotations

import json

import pytest
from datadir import SHIPPED_DATA, read_rows

from layers import services

PACKAGE = json.loads((SHIPPED_DATA / "datapackage.json").read_text(encoding="utf-8"))
RESOURCES = {r["name"]: r for r in PACKAGE["resources"]}
CSV_RESOURCES = [r for r in PACKAGE["resources"] if r.get("format") == "csv"]


def test_every_data_file_is_a_resource_and_every_resource_exists():
    described = {r["path"] for r in PACKAGE["resources"]}
    shipped = {
        str(p.relative_to(SHIPPED_DATA))
        for p in SHIPPED_DATA.rglob("*")
        if p.is_file()
        and p.suffix in {".csv", ".geojson", ".json"}
        and p.name != "datapackage.json"
        and "_build" not in p.parts
    }
    assert described == shipped
    for resource in PACKAGE["resources"]:
        assert (SHIPPED_DATA / resource["path"]).is_file(), resource["path"]


@pytest.mark.parametrize("resource", CSV_RESOURCES, ids=lambda r: r["name"])
def test_csv_schema_fields_equal_the_header(resource):
    header = read_rows(SHIPPED_DATA / resource["path"])[0]
    assert [f["name"] for f in resource["schema"]["fields"]] == header


@pytest.mark.parametrize("resource", CSV_RESOURCES, ids=lambda r: r["name"])
def test_primary_keys_name_schema_fields(resource):
    names = {f["name"] for f in resource["schema"]["fields"]}
    assert set(resource["schema"].get("primaryKey", [])) <= names


def enum(resource: str, field: str) -> list[str]:
    fields = {f["name"]: f for f in RESOURCES[resource]["schema"]["fields"]}
    return fields[field]["constraints"]["enum"]


def test_the_service_kinds_offered_in_the_ui_are_the_schema_ones():
    assert enum("services", "kind") == services.KINDS


def stock_documentation() -> str:
    """What the package says about the stock series: the resource and its derived layer."""
    derived = PACKAGE.get("x-derived", {}).get("stock_by_month", {})
    return (RESOURCES["stock"]["description"] + " " + json.dumps(derived)).lower()


def test_stock_resource_documents_the_main_series():
    text = stock_documentation()
    assert "measure == 'stock'" in text  # rule 1: narrower measures out
    assert "interpolat" in text  # rule 4
    assert "extrapolat" in text
    assert "regional totals" in text and "never from summing" in text


def test_stock_resource_documents_month_convention_and_conflict_order():
    text = stock_documentation()
    assert "december" in text
    assert "official" in text and "press" in text and "precise" in text
