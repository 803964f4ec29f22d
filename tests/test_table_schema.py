"""The table schema in datapackage.json is what validation checks: change it there, and only there."""

from __future__ import annotations

import json
import re

import pytest
from datadir import SHIPPED_DATA, broken_copy, row_where, set_cell

from layers.catalog import validate
from layers.funding import funding
from layers.problems import DataError
from layers.stock import stock_figures

STOCK = "figures/stock.csv"
FUNDING = "figures/funding.csv"


def fields(directory, resource: str) -> dict[str, dict]:
    package = json.loads((directory / "datapackage.json").read_text(encoding="utf-8"))
    schema = next(r["schema"] for r in package["resources"] if r["name"] == resource)
    return {field["name"]: field for field in schema["fields"]}


def problems_of(loader, directory) -> list:
    with pytest.raises(DataError) as raised:
        loader(directory)
    return raised.value.problems


def edit_schema(directory, resource: str, field: str, change) -> None:
    path = directory / "datapackage.json"
    package = json.loads(path.read_text(encoding="utf-8"))
    schema = next(r["schema"] for r in package["resources"] if r["name"] == resource)
    change(next(f for f in schema["fields"] if f["name"] == field))
    path.write_text(json.dumps(package), encoding="utf-8")


@pytest.mark.parametrize("field", ["date", "published"])
def test_the_descriptor_date_pattern_rejects_month_13(field):
    pattern = fields(SHIPPED_DATA, "stock")[field]["constraints"]["pattern"]
    assert re.fullmatch(pattern, "2019-12-31")
    assert not re.fullmatch(pattern, "2019-13")
    assert not re.fullmatch(pattern, "2019-02-32")


def test_a_value_outside_the_descriptor_enum_is_reported_and_accepted_once_added(tmp_path):
    data = broken_copy(tmp_path)
    row = row_where(data / STOCK, iso_a3="COL", date="2019-10-31")
    set_cell(data / STOCK, row, "measure", "survey")
    [problem] = problems_of(stock_figures, data)
    assert str(problem).startswith(f"{STOCK}, row {row}, column measure: expected one of stock, census")
    assert problem.message.endswith('found "survey"')
    edit_schema(data, "stock", "measure", lambda f: f["constraints"]["enum"].append("survey"))
    assert "survey" in set(stock_figures(data)["measure"])


def test_a_range_in_the_descriptor_is_checked(tmp_path):
    data = broken_copy(tmp_path)
    edit_schema(data, "funding", "year", lambda f: f["constraints"].update(maximum=2010))
    problems = problems_of(funding, data)
    assert problems and all(p.file == FUNDING and p.column == "year" for p in problems)
    assert "expected a whole number between 2000 and 2010" in problems[0].message


def test_unique_keys_of_the_descriptor_are_checked(tmp_path):
    data = broken_copy(tmp_path)
    lines = (data / STOCK).read_text(encoding="utf-8").splitlines()
    (data / STOCK).write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    [problem] = problems_of(stock_figures, data)
    assert (problem.row, problem.column) == (len(lines) + 1, "iso_a3+scope+date+value+source")
    assert "already used in row 2" in problem.message


def test_a_file_the_descriptor_does_not_describe_is_a_problem(tmp_path):
    data = broken_copy(tmp_path)
    path = data / "datapackage.json"
    package = json.loads(path.read_text(encoding="utf-8"))
    package["resources"] = [r for r in package["resources"] if r["name"] != "funding"]
    path.write_text(json.dumps(package), encoding="utf-8")
    found = [str(p) for p in validate(data)]
    assert f"{FUNDING}: expected a table schema for this file in datapackage.json, found none" in found
