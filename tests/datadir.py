"""Helpers for layer tests: the shipped data directory, faulty copies of it, CSV cell edits.

Layer loaders are memoized on (directory, file mtimes), so every faulty copy is a fresh
directory: `broken_copy(tmp_path)` copies the whole shipped `data/` (about 7 MB, a few ms).
Rows are numbered as in a spreadsheet: the header is row 1, the first record row 2.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

TESTS_DIR = Path(__file__).resolve().parent
FIXTURES = TESTS_DIR / "data"
SHIPPED_DATA = TESTS_DIR.parent / "data"


def broken_copy(tmp_path: Path, name: str = "data") -> Path:
    """A fresh copy of the shipped data directory, ready to be damaged by one test."""
    target = tmp_path / name
    shutil.copytree(SHIPPED_DATA, target)
    return target


def read_rows(path: Path) -> list[list[str]]:
    """Every record of a CSV file, header included, as lists of strings."""
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def write_rows(path: Path, rows: list[list[str]]) -> None:
    """Write records back as UTF-8 CSV with LF line ends (as the shipped files are)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def cell(path: Path, row: int, column: str) -> str:
    """The value at spreadsheet row `row` (header = 1) and column `column`."""
    rows = read_rows(path)
    return rows[row - 1][rows[0].index(column)]


def set_cell(path: Path, row: int, column: str, value: str) -> None:
    """Overwrite one cell, addressed like a spreadsheet (header = row 1)."""
    rows = read_rows(path)
    rows[row - 1][rows[0].index(column)] = value
    write_rows(path, rows)


def drop_column(path: Path, column: str) -> None:
    """Remove a column from the header and every record."""
    rows = read_rows(path)
    position = rows[0].index(column)
    write_rows(path, [r[:position] + r[position + 1 :] for r in rows])


def append_row(path: Path, values: dict[str, str]) -> int:
    """Append a record (missing columns empty); return its spreadsheet row number."""
    rows = read_rows(path)
    rows.append([values.get(name, "") for name in rows[0]])
    write_rows(path, rows)
    return len(rows)


def row_where(path: Path, **match: str) -> int:
    """Spreadsheet row number of the first record whose cells equal `match`."""
    rows = read_rows(path)
    header = rows[0]
    for number, record in enumerate(rows[1:], start=2):
        if all(record[header.index(k)] == v for k, v in match.items()):
            return number
    raise LookupError(f"no row with {match} in {path}")


def load_geojson(path: Path) -> dict:
    """A GeoJSON file as a dict."""
    return json.loads(path.read_bytes())


def save_geojson(path: Path, document: dict) -> None:
    """Write a GeoJSON dict back (UTF-8)."""
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")


def feature_number(document: dict, iso_a3: str) -> int:
    """1-based position of the feature with this `iso_a3` in a FeatureCollection."""
    for number, feature in enumerate(document["features"], start=1):
        if feature["properties"].get("iso_a3") == iso_a3:
            return number
    raise LookupError(iso_a3)
