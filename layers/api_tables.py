"""Every resource of the data package as a flat table, filtered by country and date, for the data API.

Geometry is not sent as tables: points become `lon`/`lat` columns, lines a `geometry_wkt` column,
and boundaries lose their shapes (they are downloadable as GeoJSON elsewhere).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from layers.balance import migratory_balance
from layers.boundaries import admin0, admin1
from layers.codes import OUTSIDE_MAP_FILE, iso_by_name, known_codes, outside_map
from layers.crossings import crossing_flows, maritime_incidents
from layers.entry_points import entry_points
from layers.flows import flows
from layers.funding import funding
from layers.package import package
from layers.profiles import country_profiles
from layers.regularisation import regularisation_mechanisms, residence_permits
from layers.routes import land_routes, maritime_routes, split_list
from layers.services import services
from layers.stock import r4v_figures, stock_by_month, stock_figures
from layers.table import Table

if TYPE_CHECKING:  # pandas, numpy: imported where used (a warm start needs none)
    import pandas as pd

LEADING_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?")
FILTER_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2]))?$")
ISO3 = re.compile(r"^[A-Z]{3}$")
NUMBER = re.compile(r"^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class FilterError(ValueError):
    """A query parameter the API cannot use; `parameter` names it for the 400 message."""

    def __init__(self, parameter: str, message: str):
        self.parameter = parameter
        super().__init__(f"{parameter}: {message}")


@dataclass(frozen=True)
class ResourceSpec:
    """How one resource becomes a table: its rows, the column naming countries, the date columns."""

    rows: Callable[[Path], pd.DataFrame]
    country: str | None = None  # column holding ISO3 codes (";"-lists allowed)
    dates: tuple[str, ...] = ()  # one partial-date column, or (start, end) of a period


def _outside_map_rows(directory: Path) -> pd.DataFrame:
    outside_map(directory)  # validates the file first
    return Table(directory, OUTSIDE_MAP_FILE).frame


def _without_geometry(frame) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(frame.drop(columns="geometry"))


def _with_lon_lat(frame) -> pd.DataFrame:
    table = _without_geometry(frame)
    located = frame.geometry.notna() & ~frame.geometry.is_empty
    table["lon"] = frame.geometry.x.where(located).round(5)
    table["lat"] = frame.geometry.y.where(located).round(5)
    return table


def _with_wkt(frame) -> pd.DataFrame:
    table = _without_geometry(frame)
    table["geometry_wkt"] = [None if g is None or g.is_empty else g.wkt for g in frame.geometry]
    return table


def _stock_rows(directory: Path) -> pd.DataFrame:
    return stock_figures(directory).drop(columns=["row", "date_precision", "key", "file", "set_aside"])


def _r4v_rows(directory: Path) -> pd.DataFrame:
    return r4v_figures(directory).drop(columns=["row", "date_precision", "key", "file"])


def _stock_by_month_rows(directory: Path) -> pd.DataFrame:
    frame = stock_by_month(directory).copy()
    frame["pop_est"] = frame["pop_est"].astype("Int64")
    frame["pop_year"] = frame["pop_year"].astype("Int64")
    frame["value"] = frame["value"].round().astype("Int64")
    for side in ("before", "after"):
        frame[f"value_{side}"] = frame[f"value_{side}"].round().astype("Int64")
    frame["per_1000"] = frame["per_1000"].round(3)
    return frame


def _funding_rows(directory: Path) -> pd.DataFrame:
    """Funding rows with `iso_a3` added where the entity is a country (offices and totals stay empty)."""
    frame = funding(directory).copy()
    codes = iso_by_name(directory)
    frame.insert(0, "iso_a3", frame["entity"].map(codes).fillna(""))
    return frame


RESOURCES: dict[str, ResourceSpec] = {
    "admin0": ResourceSpec(lambda d: _without_geometry(admin0(d)), "iso_a3"),
    "admin1": ResourceSpec(lambda d: _without_geometry(admin1(d)), "parent_iso_a3"),
    "outside_map": ResourceSpec(_outside_map_rows, "iso_a3"),
    "entry_points": ResourceSpec(lambda d: _with_lon_lat(entry_points(d)), "iso_a3"),
    "services": ResourceSpec(lambda d: _with_lon_lat(services(d)), "iso_a3", ("observed",)),
    "maritime_routes": ResourceSpec(lambda d: _with_wkt(maritime_routes(d))),
    "land_routes": ResourceSpec(lambda d: _with_wkt(land_routes(d)), "countries"),
    "crossing_flows": ResourceSpec(
        lambda d: crossing_flows(d).drop(columns="row"), "iso_a3", ("period_start", "period_end")
    ),
    "maritime_incidents": ResourceSpec(
        lambda d: maritime_incidents(d).drop(columns="row"), None, ("period_start", "period_end")
    ),
    "stock": ResourceSpec(_stock_rows, "iso_a3", ("date",)),
    "r4v_snapshots": ResourceSpec(_r4v_rows, "iso_a3", ("date",)),
    "residence_permits": ResourceSpec(residence_permits, "iso_a3", ("date",)),
    "regularisation_mechanisms": ResourceSpec(regularisation_mechanisms, "iso_a3", ("launched",)),
    "funding": ResourceSpec(_funding_rows, "iso_a3", ("year",)),
    "flows": ResourceSpec(flows, "iso_a3", ("period_start", "period_end")),
    "migratory_balance": ResourceSpec(
        lambda d: migratory_balance(d).drop(columns="row"), "iso_a3", ("period_start", "period_end")
    ),
    "country_profiles": ResourceSpec(country_profiles, "iso_a3"),
    "stock_by_month": ResourceSpec(_stock_by_month_rows, "area", ("month",)),
}


def month_span(value: object) -> tuple[str, str] | None:
    """First and last month a (partial, possibly annotated) date covers: "2016" → 2016-01..2016-12."""
    match = LEADING_DATE.match(str(value).strip()) if value is not None else None
    if not match:
        return None
    year, month = match.group(1), match.group(2)
    return (f"{year}-{month}", f"{year}-{month}") if month else (f"{year}-01", f"{year}-12")


def parse_countries(value: str | None, directory: str | Path | None) -> list[str] | None:
    """ISO3 codes of a `country` parameter ("COL,PER"); raise `FilterError` naming a bad code."""
    if value is None or not value.strip():
        return None
    codes = [code.strip().upper() for code in value.split(",") if code.strip()]
    known = known_codes(directory)
    for code in codes:
        if not ISO3.match(code):
            raise FilterError("country", f'expected ISO3 codes such as COL or COL,PER, got "{code[:20]}"')
        if code not in known:
            raise FilterError("country", f'unknown ISO3 code "{code}"')
    return codes


def parse_month_bound(parameter: str, value: str | None) -> str | None:
    """A `from` (first month) or `to` (last month) bound from YYYY or YYYY-MM."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    if not FILTER_DATE.match(value):
        raise FilterError(parameter, f'expected YYYY or YYYY-MM, got "{value[:20]}"')
    if len(value) == 7:
        return value
    return f"{value}-01" if parameter == "from" else f"{value}-12"


def resource_table(
    directory: str | Path | None,
    name: str,
    countries: list[str] | None = None,
    start: str | None = None,
    end: str | None = None,
) -> pd.DataFrame:
    """Rows of resource `name`, keeping those of `countries` and overlapping months `start`..`end`.

    Raises `KeyError` for an unknown resource and `FilterError` when a filter does not apply.
    """
    spec = RESOURCES[name]
    frame = spec.rows(directory).reset_index(drop=True)
    if countries:
        if spec.country is None:
            raise FilterError("country", f"{name} has no country column to filter on")
        wanted = set(countries)
        cells = frame[spec.country].fillna("").astype(str)
        keep = cells.map(lambda cell: bool(wanted & set(split_list(cell))))
        frame = frame[keep]
    if start or end:
        if not spec.dates:
            raise FilterError("from" if start else "to", f"{name} has no date column to filter on")
        first = frame[spec.dates[0]].map(month_span)
        last = frame[spec.dates[-1]].map(month_span)
        lower, upper = start or "0000-00", end or "9999-99"
        keep = [
            a is not None and b is not None and b[1] >= lower and a[0] <= upper
            for a, b in zip(first, last, strict=True)
        ]
        frame = frame[keep]
    return frame.reset_index(drop=True)


def resource_credit(directory: str | Path | None, name: str) -> dict:
    """Licences, sources and description of a resource (derived ones credit the stock table)."""
    descriptor = package(directory)
    resources = {r["name"]: r for r in descriptor.get("resources", [])}
    if name in resources:
        resource = resources[name]
        description = resource.get("description", "")
    else:
        resource = resources.get("stock", {})
        derived = descriptor.get("x-derived", {}).get(name, {})
        method = derived.get("method", "")
        description = " ".join(method) if isinstance(method, list) else method
    return {
        "licenses": [
            {key: value for key, value in lic.items() if key in ("name", "title", "path")}
            for lic in resource.get("licenses", [])
        ],
        "sources": [
            {key: value for key, value in source.items() if key in ("title", "path")}
            for source in resource.get("sources", [])
        ],
        "description": description,
    }


def safe_cell(value: object) -> object:
    """A cell a spreadsheet will not run: text starting with = + - @ tab or CR gets a leading '.

    Numbers, and text that is exactly a number such as "-69.5", are left alone.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not NUMBER.match(value):
        return "'" + value
    return value


def records(frame: pd.DataFrame) -> list[dict]:
    """Rows as JSON-ready dicts: missing values become None, numpy scalars Python ones."""
    clean = frame.astype(object).where(frame.notna(), None)
    rows = clean.to_dict("records")
    for row in rows:
        for key, value in row.items():
            if hasattr(value, "item"):
                row[key] = value.item()
    return rows
