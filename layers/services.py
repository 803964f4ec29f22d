"""Service points for refugees and migrants (shelters, health, registration...), also from HXL 3W/5W."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from layers.boundaries import admin0
from layers.memo import memoized_on_data
from layers.points import checked_points
from layers.problems import raise_if_errors
from layers.table import Table

if TYPE_CHECKING:  # heavy libraries, imported where used (a warm start needs none)
    import geopandas as gpd
    import pandas as pd


SERVICES_FILE = "points/services.csv"
KINDS = [
    "reception_centre",
    "shelter",
    "health",
    "orientation_point",
    "legal_aid",
    "registration",
    "food",
    "wash",
    "child_protection",
    "support_space",
    "other",
]

# HXL hashtags (lower case, attributes in any order) and the schema column each fills.
HXL_COLUMNS = {
    "#loc+name": "name",
    "#geo+lat": "lat",
    "#geo+lon": "lon",
    "#sector": "kind",
    "#org": "operator",
    "#country+code": "iso_a3",
    "#adm1+code": "admin1",
}
# HXL/HDX sector names (cluster vocabulary) mapped onto our kinds.
HXL_SECTORS = {
    "shelter": "shelter",
    "health": "health",
    "protection": "legal_aid",
    "child protection": "child_protection",
    "food security": "food",
    "food": "food",
    "wash": "wash",
    "water, sanitation and hygiene": "wash",
    "integration": "orientation_point",
    "reception": "reception_centre",
    "registration": "registration",
}


def _normal_tag(tag: str) -> str:
    """`#Geo +Lat` → `#geo+lat`, attributes sorted so their order does not matter."""
    parts = tag.strip().lower().replace(" ", "").split("+")
    return "+".join([parts[0], *sorted(parts[1:])]) if parts[0].startswith("#") else ""


def _column_for(tag: str) -> str | None:
    """Our column for an HXL tag; extra attributes are allowed (`#org+impl` fills `operator`)."""
    parts = set(tag.split("+"))
    for hxl, column in HXL_COLUMNS.items():
        if set(_normal_tag(hxl).split("+")) <= parts:
            return column
    return None


def hxl_header(tag_row: list[str]) -> list[str] | None:
    """Column names for an HXL tag row, or None when the row is not HXL tags."""
    tags = [_normal_tag(cell) for cell in tag_row]
    if not any(tags):
        return None
    names: list[str] = []
    for i, tag in enumerate(tags):
        column = _column_for(tag) if tag else None
        names.append(column if column and column not in names else (tag or f"untagged_{i}"))
    return names


def _fill_hxl_defaults(table: Table) -> None:
    """Give an HXL export the columns our schema has and 3W/5W files lack."""
    frame = table.frame
    missing = [c for c in ("name", "lat", "lon", "kind", "iso_a3") if c not in frame.columns]
    for column in missing:
        tag = next(tag for tag, name in HXL_COLUMNS.items() if name == column)
        table.problem(2, column, f"expected the HXL tag {tag} in the tag row, found it missing")
    if missing:
        return
    iso = frame["iso_a3"].str.upper()
    frame["iso_a3"] = iso
    frame["service_id"] = [f"{code}-HXL-{row}" for code, row in zip(iso, frame.index, strict=True)]
    sector = frame["kind"].str.lower()
    frame["kind"] = sector.map(HXL_SECTORS).fillna("other")
    frame["note"] = sector.where(frame["kind"] == "other", "").map(lambda s: f"sector: {s}" if s else "")
    frame["coord_precision"] = "reported"
    for column in ("place", "coord_source", "observed"):
        frame[column] = ""
    frame["source"] = f"HXL-tagged file {table.file}"


def _read(directory: Path) -> Table:
    """The services table, mapped from HXL when its second row holds HXL hashtags."""
    table = Table(directory, SERVICES_FILE, tag_header=hxl_header)
    if table.ok:
        if "service_id" not in table.frame.columns:
            _fill_hxl_defaults(table)
        for column in table.columns:
            if column not in table.frame.columns:
                table.problem(1, column, "expected this column in the header, found it missing")
    return table


@memoized_on_data
def services(directory: Path) -> gpd.GeoDataFrame:
    """Service points with kind, operator, precision and source; rows without coordinates kept."""
    import geopandas as gpd

    countries = admin0(directory)
    table = _read(directory)
    if table.ok:
        table.check_schema()
        table.iso3("iso_a3", set(countries.index))
        geometry = checked_points(table, countries)
    raise_if_errors(table.problems)
    frame = table.frame[table.columns].drop(columns=["lat", "lon"])
    return gpd.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")


@memoized_on_data
def service_positions(directory: Path) -> pd.DataFrame:
    """Kind, longitude and latitude of each located service, read back without the geometry libraries."""
    import pandas as pd

    points = services(directory)
    points = points[points.geometry.notna()]
    return pd.DataFrame({"kind": points["kind"], "lon": points.geometry.x, "lat": points.geometry.y})


def count_in_box(
    directory: str | Path | None, kinds: list[str], box: tuple[float, float, float, float] | None
) -> pd.Series:
    """Services per kind among `kinds` inside the box (south, west, north, east), edges included;
    everywhere when None."""
    positions = service_positions(directory)
    chosen = positions[positions["kind"].isin(kinds)]
    if box is not None:
        south, west, north, east = box
        inside = chosen["lon"].between(min(west, east), max(west, east)) & chosen["lat"].between(
            min(south, north), max(south, north)
        )
        chosen = chosen[inside]
    return chosen["kind"].value_counts()
