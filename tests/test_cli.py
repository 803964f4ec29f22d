"""`corredores validate`: exit 0 on the shipped data, 1 with file and row on a broken copy."""

from __future__ import annotations

import os
import subprocess
import sys

from datadir import (
    SHIPPED_DATA,
    TESTS_DIR,
    broken_copy,
    load_geojson,
    row_where,
    save_geojson,
    set_cell,
)

from dashboard.cli import main

ROOT = TESTS_DIR.parent


def run_validate(*args: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "CORREDORES_DATA_DIR"}
    return subprocess.run(
        [sys.executable, "-m", "dashboard.cli", "validate", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_validate_shipped_data_exits_0():
    result = run_validate()
    assert result.returncode == 0, result.stdout + result.stderr
    assert all(": warning: " in line for line in result.stdout.splitlines())
    assert "all files valid" in result.stderr
    assert str(SHIPPED_DATA.resolve()) in result.stderr


def test_validate_broken_copy_exits_1_and_names_file_and_row(tmp_path):
    directory = broken_copy(tmp_path)
    path = directory / "points/entry_points.csv"
    row = row_where(path, side_place="Villa del Rosario")
    set_cell(path, row, "lat", "7,83")
    stock_row = row_where(directory / "figures/stock.csv", iso_a3="COL", date="2019-10-31")
    set_cell(directory / "figures/stock.csv", stock_row, "date", "2019-13")
    result = run_validate(str(directory))
    assert result.returncode == 1
    assert f"points/entry_points.csv, row {row}, column lat" in result.stdout
    assert f"figures/stock.csv, row {stock_row}, column date" in result.stdout
    assert "2 problem(s)" in result.stderr


def test_validate_with_warnings_only_exits_0(tmp_path, capsys):
    directory = broken_copy(tmp_path)
    path = directory / "boundaries/admin0.geojson"
    document = load_geojson(path)
    bri = next(f for f in document["features"] if f["properties"]["iso_a3"] == "BRI")
    bow_tie = [[-57.64, -30.19], [-57.60, -30.18], [-57.64, -30.18], [-57.60, -30.19], [-57.64, -30.19]]
    bri["geometry"] = {"type": "Polygon", "coordinates": [bow_tie]}
    save_geojson(path, document)
    assert main(["validate", str(directory)]) == 0
    out = capsys.readouterr().out
    assert "boundaries/admin0.geojson" in out and "warning:" in out


def test_validate_missing_file_exits_1(tmp_path, capsys):
    directory = broken_copy(tmp_path)
    (directory / "routes/land.csv").unlink()
    assert main(["validate", str(directory)]) == 1
    assert "routes/land.csv: expected the file to exist" in capsys.readouterr().out
