"""Simplified boundaries for the browser, prepared once and served as a static file by URL."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from layers.boundaries import admin0, admin1
from layers.memo import memoized_on_data

if TYPE_CHECKING:  # heavy libraries, imported where used (a warm start needs none)
    import geopandas as gpd

    pass


# coverage_simplify keeps shared borders identical on both sides and never drops a polygon,
# so the small Caribbean islands (Aruba, Curaçao, Bonaire) survive this tolerance.
TOLERANCE_DEGREES = 0.03
DECIMALS = 4
ADMIN0_PROPERTIES = ["iso_a3", "name", "name_es", "r4v_host", "origin"]
ADMIN1_PROPERTIES = ["iso_3166_2", "name", "parent_iso_a3"]


@dataclass(frozen=True)
class WebGeometry:
    """A GeoJSON document for the browser."""

    name: str
    body: bytes

    @property
    def feature_collection(self) -> dict:
        """The document as a Python dict."""
        return json.loads(self.body)


def simplify(frame: gpd.GeoDataFrame, properties: list[str]) -> bytes:
    """Compact GeoJSON of a coverage, simplified topologically and rounded to 4 decimals."""
    import numpy as np
    import shapely

    simplified = shapely.coverage_simplify(frame.geometry.values, TOLERANCE_DEGREES)
    rounded = shapely.transform(simplified, lambda coords: np.round(coords, DECIMALS))
    features = [
        {
            "type": "Feature",
            "id": str(row[properties[0]]),
            "properties": row,
            "geometry": shapely.geometry.mapping(shape),
        }
        for row, shape in zip(frame[properties].to_dict("records"), rounded, strict=True)
    ]
    document = {"type": "FeatureCollection", "features": features}
    return json.dumps(document, separators=(",", ":"), ensure_ascii=False).encode()


@memoized_on_data
def admin0_web(directory: Path) -> WebGeometry:
    """Simplified countries with their ISO3 code and names."""
    return WebGeometry("admin0", simplify(admin0(directory), ADMIN0_PROPERTIES))


@memoized_on_data
def admin1_web(directory: Path) -> WebGeometry:
    """Simplified subdivisions with ISO 3166-2 code, name and parent ISO3."""
    return WebGeometry("admin1", simplify(admin1(directory), ADMIN1_PROPERTIES))
