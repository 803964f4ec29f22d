"""Land corridors and maritime routes as schematic lines through town points."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from layers.boundaries import admin0
from layers.entry_points import entry_points
from layers.memo import memoized_on_data
from layers.problems import raise_if_errors
from layers.table import Table

if TYPE_CHECKING:  # geometry libraries load only where geometry is computed
    import geopandas as gpd
    from shapely.geometry import LineString

LAND_FILE = "routes/land.csv"
MARITIME_FILE = "routes/maritime.csv"


def split_list(cell: str) -> list[str]:
    """A `;`-separated cell as a list of trimmed, non-empty items."""
    return [item.strip() for item in cell.split(";") if item.strip()]


def _lines(table: Table, required: bool) -> list[LineString | None]:
    """Parse the `waypoints_wkt` column, reporting anything that is not a valid lon/lat LINESTRING."""
    from shapely import wkt
    from shapely.errors import ShapelyError
    from shapely.geometry import LineString

    lines: list[LineString | None] = []
    for row, text in table.frame["waypoints_wkt"].items():
        if not text:
            if required:
                table.problem(row, "waypoints_wkt", "expected a LINESTRING, found an empty cell")
            lines.append(None)
            continue
        try:
            line = wkt.loads(text)
        except (ShapelyError, ValueError):
            line = None
        if not isinstance(line, LineString) or line.is_empty:
            table.problem(
                row,
                "waypoints_wkt",
                f'expected a WKT LINESTRING (lon lat, ...), found "{text[:40]}"',
            )
            lines.append(None)
            continue
        if any(not (-180 <= x <= 180 and -90 <= y <= 90) for x, y in line.coords):
            table.problem(
                row,
                "waypoints_wkt",
                "expected lon lat pairs within -180..180 and -90..90, found a point outside",
            )
            lines.append(None)
            continue
        lines.append(line)
    return lines


def _check_lists(table: Table, column: str, known: set[str], what: str) -> None:
    """Each item of a `;`-separated column must be a known code."""
    for row, cell in table.frame[column].items():
        for item in split_list(cell):
            if item not in known:
                table.problem(row, column, f'expected {what}, found "{item}"')


@memoized_on_data
def land_routes(directory: Path) -> gpd.GeoDataFrame:
    """Main land corridors, with the countries and crossings they use; geometry is schematic."""
    import geopandas as gpd

    table = Table(directory, LAND_FILE)
    if table.ok:
        table.check_schema()
        _check_lists(
            table,
            "countries",
            set(admin0(directory).index),
            "ISO3 codes present in boundaries/admin0.geojson",
        )
        crossing_ids = set(entry_points(directory)["crossing_id"])
        _check_lists(table, "crossings", crossing_ids, "crossing_id values of points/entry_points.csv")
        lines = _lines(table, required=True)
    raise_if_errors(table.problems)
    return gpd.GeoDataFrame(table.frame.drop(columns=["waypoints_wkt"]), geometry=lines, crs="EPSG:4326")


UNSOURCED = ["", "none found"]  # a route with no source is not drawn as if it were known


@memoized_on_data
def maritime_routes(directory: Path) -> gpd.GeoDataFrame:
    """Boat routes from Venezuela's coast to the islands; schematic, some without geometry."""
    import geopandas as gpd

    table = Table(directory, MARITIME_FILE)
    if table.ok:
        table.check_schema()
        lines = _lines(table, required=False)
    raise_if_errors(table.problems)
    frame = table.frame.drop(columns=["waypoints_wkt"]).assign(
        sourced=lambda f: ~f["sources"].isin(UNSOURCED)
    )
    return gpd.GeoDataFrame(frame, geometry=lines, crs="EPSG:4326")
