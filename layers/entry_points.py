"""Border crossings used by refugees and migrants, one row per side of a crossing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from layers.boundaries import admin0
from layers.memo import memoized_on_data
from layers.points import checked_points
from layers.problems import raise_if_errors
from layers.table import Table

if TYPE_CHECKING:  # geometry libraries load only where geometry is computed
    import geopandas as gpd

ENTRY_POINTS_FILE = "points/entry_points.csv"


@memoized_on_data
def entry_points(directory: Path) -> gpd.GeoDataFrame:
    """Crossing sides as points; a side without coordinates keeps an empty geometry."""
    import geopandas as gpd

    countries = admin0(directory)
    table = Table(directory, ENTRY_POINTS_FILE)
    if table.ok:
        table.check_schema()
        table.iso3("iso_a3", set(countries.index))
        geometry = checked_points(table, countries)
    raise_if_errors(table.problems)
    return gpd.GeoDataFrame(table.frame.drop(columns=["lat", "lon"]), geometry=geometry, crs="EPSG:4326")
