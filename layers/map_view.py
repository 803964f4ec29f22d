"""Map views: where the map goes when a country is selected, and the parts that matter for that."""

from __future__ import annotations

from pathlib import Path

from shapely.geometry import MultiPolygon
from shapely.geometry.base import BaseGeometry

from layers.boundaries import admin0
from layers.country_panel import on_the_ground
from layers.memo import memoized_on_data

# Parts smaller than this share of a country's largest part (Galápagos, Easter Island, San Andrés)
# are left out of its view: the map should show where people live, not the whole ocean between.
MINOR_PART = 0.05


def main_parts(shape: BaseGeometry) -> BaseGeometry:
    """The polygons of a country that are at least MINOR_PART of its largest one."""
    if not isinstance(shape, MultiPolygon):
        return shape
    largest = max(part.area for part in shape.geoms)
    return MultiPolygon([part for part in shape.geoms if part.area >= MINOR_PART * largest])


@memoized_on_data
def country_bounds(directory: Path) -> dict[str, list[list[float]]]:
    """Leaflet bounds [[south, west], [north, east]] of every country's main parts."""
    countries = admin0(directory)
    return {
        iso: [[round(south, 2), round(west, 2)], [round(north, 2), round(east, 2)]]
        for iso, shape in zip(countries.index, countries.geometry, strict=True)
        for west, south, east, north in [main_parts(shape).bounds]
    }


def count_breaks(counts: list[int], classes: int = 4) -> list[int]:
    """Lower bounds of up to `classes` equal-width classes of positive counts (0 is its own class).

    [0, 2, 9, 4] → [1, 4, 7]: classes 1–3, 4–6, 7–9.
    """
    largest = max(counts, default=0)
    if largest < 1:
        return []
    step = -(-largest // classes)  # ceiling division
    return [1 + i * step for i in range(classes) if 1 + i * step <= largest]


def admin1_counts(directory: Path, iso: str) -> tuple[str, dict[str, int]]:
    """What the country panel counts per state or department (services, else entry points), by code."""
    ground = on_the_ground(directory, iso)
    per_unit = ground["per_admin1"]
    return ground["counted"], dict(zip(per_unit["iso_3166_2"], per_unit["count"].astype(int), strict=True))
