"""Map views: where the map goes when a country is selected, and the parts that matter for that."""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

from layers.boundaries import admin0
from layers.country import EMPTY_GROUND, ground_tallies
from layers.memo import memoized_on_data

if TYPE_CHECKING:  # geometry libraries load only where geometry is computed
    from shapely.geometry.base import BaseGeometry

# Parts smaller than this share of a country's largest part (Galápagos, Easter Island, San Andrés)
# are left out of its view: the map should show where people live, not the whole ocean between.
MINOR_PART = 0.05


def main_parts(shape: BaseGeometry) -> BaseGeometry:
    """The polygons of a country that are at least MINOR_PART of its largest one."""
    from shapely.geometry import MultiPolygon

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


@memoized_on_data
def region_bounds(directory: Path) -> list[list[float]]:
    """Leaflet bounds of every host country and Venezuela (main parts): the whole region, Mexico to Chile."""
    countries = admin0(directory)
    shown = countries.index[countries["r4v_host"] | countries["origin"]]
    boxes = [country_bounds(directory)[iso] for iso in shown]
    return [
        [min(box[0][0] for box in boxes), min(box[0][1] for box in boxes)],
        [max(box[1][0] for box in boxes), max(box[1][1] for box in boxes)],
    ]


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
    ground = ground_tallies(directory).get(iso, EMPTY_GROUND)
    return ground["counted"], {code: count for code, _, count in ground["per_admin1"]}


SMALL_AREA = 0.5  # square degrees: Trinidad (~0.4) and smaller islands get an enlarged target
NEIGHBOURS = 2.0  # degrees


@memoized_on_data
def small_places(directory: Path) -> dict:
    """Points on small host islands (Aruba, Curaçao, Trinidad and Tobago) and small neighbours
    within NEIGHBOURS degrees (Bonaire, Grenada): too small to see or click at the region's scale."""
    countries = admin0(directory)
    points = {iso: main_parts(shape).representative_point() for iso, shape in countries.geometry.items()}
    small = [iso for iso, shape in countries.geometry.items() if main_parts(shape).area < SMALL_AREA]
    hosts = [iso for iso in small if countries.at[iso, "r4v_host"]]
    chosen = [iso for iso in small if any(points[iso].distance(points[h]) < NEIGHBOURS for h in hosts)]
    features = [
        {
            "type": "Feature",
            "properties": {"iso_a3": iso, "origin": bool(countries.at[iso, "origin"])},
            "geometry": {"type": "Point", "coordinates": [round(points[iso].x, 3), round(points[iso].y, 3)]},
        }
        for iso in chosen
    ]
    return {"type": "FeatureCollection", "features": features}


def spread(collection: dict, near: float = 0.15, radius_px: int = 16) -> dict:
    """Put points that nearly coincide on a small circle (pixel offsets `dx`, `dy`) around their centre."""
    features = [dict(f, properties=dict(f["properties"])) for f in collection["features"]]
    groups: list[list[dict]] = []
    for feature in features:
        x, y = feature["geometry"]["coordinates"]
        for group in groups:
            if any(
                abs(gx - x) < near and abs(gy - y) < near
                for gx, gy in (g["geometry"]["coordinates"] for g in group)
            ):
                group.append(feature)
                break
        else:
            groups.append([feature])
    for group in groups:
        centre = [round(sum(f["geometry"]["coordinates"][k] for f in group) / len(group), 4) for k in (0, 1)]
        for i, feature in enumerate(group):
            angle = 2 * math.pi * i / len(group)
            offset = radius_px if len(group) > 1 else 0
            if len(group) > 1:  # around the group's centre, so the circle is the same at every zoom
                feature["geometry"] = {"type": "Point", "coordinates": centre}
            feature["properties"]["dx"] = round(offset * math.sin(angle))
            feature["properties"]["dy"] = round(-offset * math.cos(angle))
    return {**collection, "features": features}
