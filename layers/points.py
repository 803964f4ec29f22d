"""Turning lat/lon columns into checked points: range, swapped order, inside the stated country."""

from __future__ import annotations

from typing import TYPE_CHECKING

from layers.table import Table

if TYPE_CHECKING:  # heavy libraries, imported where used (a warm start needs none)
    import geopandas as gpd

    pass


# Town-centroid points on coarse 1:10m borders can fall just across a border (Aguas Verdes).
BORDER_TOLERANCE_DEGREES = 0.1


def checked_points(table: Table, admin0: gpd.GeoDataFrame, country_column: str = "iso_a3") -> gpd.GeoSeries:
    """Point geometries from `lat`/`lon` (checked by the schema first), reporting swapped or misplaced points.

    Vectorised per country (one `dwithin` over all its points), so 100,000 rows take seconds.
    """
    import geopandas as gpd
    import numpy as np
    import pandas as pd
    import shapely

    lat, lon = table.numbers["lat"].to_numpy(), table.numbers["lon"].to_numpy()
    usable = ~np.isnan(lat) & ~np.isnan(lon) & (np.abs(lat) <= 90) & (np.abs(lon) <= 180)
    points = np.full(len(lat), None, dtype=object)
    points[usable] = shapely.points(lon[usable], lat[usable])
    countries = table.frame[country_column].to_numpy()
    rows = table.frame.index.to_numpy()
    for iso in pd.unique(countries[usable]):
        if iso not in admin0.index:
            continue
        shape = admin0.loc[iso, "geometry"]
        shapely.prepare(shape)
        mine = np.flatnonzero(usable & (countries == iso))
        outside = mine[~shapely.dwithin(shape, points[mine].astype(object), BORDER_TOLERANCE_DEGREES)]
        for position in outside:
            y, x = lat[position], lon[position]
            swapped = abs(x) <= 90 and shapely.dwithin(shape, shapely.Point(y, x), BORDER_TOLERANCE_DEGREES)
            if swapped:
                message = f"expected lat then lon, found them swapped ({y:g}, {x:g} is in {iso} only swapped)"
            else:
                message = f"expected a point inside {iso}, found ({y:g}, {x:g}) outside it"
            table.problem(int(rows[position]), "lat+lon", message)
    return gpd.GeoSeries(list(points), index=table.frame.index, crs="EPSG:4326")
