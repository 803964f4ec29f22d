"""Problem messages read `FILE, row N, column C: expected ..., found ...`."""

from __future__ import annotations

import pytest

from layers.problems import DataError, Problem, raise_if_errors


def test_full_location():
    problem = Problem("points/entry_points.csv", 'expected a number, found "7,83"', 12, "lat")
    assert str(problem) == ('points/entry_points.csv, row 12, column lat: expected a number, found "7,83"')


def test_file_only_and_row_only():
    assert str(Problem("a.csv", "expected x, found y")) == "a.csv: expected x, found y"
    assert str(Problem("a.csv", "expected x, found y", 3)) == "a.csv, row 3: expected x, found y"


def test_warning_is_marked():
    problem = Problem("b.geojson", "expected v, found w", 2, "geometry", warning=True)
    assert str(problem) == "b.geojson, row 2, column geometry: warning: expected v, found w"


def test_warnings_alone_do_not_raise_and_errors_carry_all():
    warning = Problem("a.csv", "expected x, found y", warning=True)
    raise_if_errors([warning])
    first = Problem("a.csv", "expected 1, found 2", 2)
    second = Problem("b.csv", "expected 3, found 4", 5)
    with pytest.raises(DataError) as raised:
        raise_if_errors([first, warning, second])
    assert raised.value.problems == [first, second]
    assert str(raised.value) == f"{first}\n{second}"
