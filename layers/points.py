"""Turning lat/lon columns into checked points: range, swapped order, inside the stated country."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd
from shapely.geometry import Point

from layers.table import Table

# Town-centroid points on coarse 1:10m borders can fall just across a border (Aguas Verdes).
BORDER_TOLERANCE_DEGREES = 0.1


def checked_points(
    table: Table, admin0: gpd.GeoDataFrame, country_column: str = "iso_a3", required: bool = True
) -> gpd.GeoSeries:
    """Point geometries from `lat`/`lon`, reporting out-of-range, swapped or misplaced points."""
    lat = table.number("lat", required=required, minimum=-90, maximum=90)
    lon = table.number("lon", required=required, minimum=-180, maximum=180)
    geometries: list[Point | None] = []
    for row in table.frame.index:
        y, x = lat[row], lon[row]
        if pd.isna(x) or pd.isna(y) or not (-90 <= y <= 90 and -180 <= x <= 180):
            geometries.append(None)
            continue
        point = Point(x, y)
        geometries.append(point)
        iso = table.frame.at[row, country_column]
        if iso not in admin0.index:
            continue
        country = admin0.loc[iso, "geometry"]
        if country.distance(point) <= BORDER_TOLERANCE_DEGREES:
            continue
        if -90 <= x <= 90 and country.distance(Point(y, x)) <= BORDER_TOLERANCE_DEGREES:
            table.problem(
                row,
                "lat+lon",
                f"expected lat then lon, found them swapped ({y:g}, {x:g} lies in {iso} only when swapped)",
            )
        else:
            table.problem(row, "lat+lon", f"expected a point inside {iso}, found ({y:g}, {x:g}) outside it")
    return gpd.GeoSeries(geometries, index=table.frame.index, crs="EPSG:4326")
