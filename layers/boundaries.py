"""Admin-0 and admin-1 boundaries (Natural Earth 10m) as validated GeoDataFrames."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from layers.memo import memoized_on_data
from layers.problems import Problem, raise_if_errors

if TYPE_CHECKING:  # heavy libraries, imported where used (a warm start needs none)
    import geopandas as gpd
    import pandas as pd


ADMIN0_FILE = "boundaries/admin0.geojson"
ADMIN1_FILE = "boundaries/admin1.geojson"
ADMIN0_COLUMNS = [
    "iso_a3",
    "name",
    "name_es",
    "pop_est",
    "pop_year",
    "pop_source",
    "r4v_host",
    "origin",
]
ADMIN1_COLUMNS = ["iso_3166_2", "name", "parent_iso_a3"]
WGS84_NAMES = {"urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:EPSG::4326", "EPSG:4326"}


def _read_geojson(
    directory: Path, relative: str, columns: list[str]
) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """Read a GeoJSON file, checking presence, CRS, columns and geometry validity."""
    import geopandas as gpd
    from shapely import make_valid

    path = directory / relative
    problems: list[Problem] = []
    empty = gpd.GeoDataFrame(columns=columns, geometry=[], crs="EPSG:4326")
    if not path.is_file():
        return empty, [Problem(relative, "expected the file to exist, found nothing")]
    try:
        document = json.loads(path.read_bytes())
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return empty, [Problem(relative, f"expected UTF-8 GeoJSON, found unreadable content ({error})")]
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        return empty, [Problem(relative, "expected a GeoJSON FeatureCollection, found other JSON")]
    crs = document.get("crs")
    properties = crs.get("properties") if isinstance(crs, dict) else None
    declared = properties.get("name") if isinstance(properties, dict) else None
    if declared is not None and declared not in WGS84_NAMES:
        return empty, [
            Problem(relative, f"expected coordinates in EPSG:4326 (WGS84 lon/lat), found CRS {declared}")
        ]
    frame = gpd.read_file(path, engine="pyogrio")
    frame = frame.set_crs("EPSG:4326", allow_override=True)
    for column in columns:
        if column not in frame.columns:
            problems.append(
                Problem(
                    relative,
                    "expected this property on every feature, found it missing",
                    column=column,
                )
            )
    if problems:
        return empty, problems
    for position, geometry in enumerate(frame.geometry):
        feature = position + 1
        if geometry is None or geometry.is_empty:
            problems.append(Problem(relative, "expected a geometry, found none", feature, "geometry"))
        elif not geometry.is_valid:
            frame.loc[frame.index[position], "geometry"] = make_valid(geometry)
            problems.append(
                Problem(
                    relative,
                    "expected a valid polygon, found an invalid one (repaired with make_valid)",
                    feature,
                    "geometry",
                    warning=True,
                )
            )
    return frame, problems


def _features_where(
    frame: gpd.GeoDataFrame, relative: str, column: str, mask: pd.Series, message: str
) -> list[Problem]:
    """A problem for each feature where `mask` holds; `message` may name the {value} found."""
    return [
        Problem(relative, message.format(value=frame[column].iloc[i]), i + 1, column)
        for i in range(len(frame))
        if mask.iloc[i]
    ]


def _keyed_features(
    directory: Path, relative: str, columns: list[str], key: str
) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """A boundary file read and checked; a problem for each feature repeating an earlier one's `key`."""
    frame, problems = _read_geojson(directory, relative, columns)
    if frame.empty:
        raise_if_errors(problems)
    message = f'expected a unique {key}, found "{{value}}" again'
    return frame, problems + _features_where(frame, relative, key, frame[key].duplicated(), message)


@memoized_on_data
def admin0(directory: Path) -> gpd.GeoDataFrame:
    """Countries and territories of the Americas with ISO3, names and population (feature = row)."""
    import pandas as pd

    frame, problems = _keyed_features(directory, ADMIN0_FILE, ADMIN0_COLUMNS, "iso_a3")
    population = pd.to_numeric(frame["pop_est"], errors="coerce")
    message = "expected a population of at least 0, found {value}"
    problems += _features_where(frame, ADMIN0_FILE, "pop_est", ~(population >= 0), message)
    raise_if_errors(problems)
    frame["r4v_host"] = frame["r4v_host"].astype(bool)
    frame["origin"] = frame["origin"].astype(bool)
    frame.index = list(frame["iso_a3"])
    frame.attrs["warnings"] = [p for p in problems if p.warning]
    return frame


@memoized_on_data
def admin0_codes(directory: Path) -> frozenset[str]:
    """The ISO3 codes of `admin0`'s features, read back without the geometry libraries."""
    return frozenset(admin0(directory).index)


@memoized_on_data
def admin0_table(directory: Path) -> pd.DataFrame:
    """`admin0` without its geometry (names, population, flags by ISO3), read back without the
    geometry libraries."""
    import pandas as pd

    return pd.DataFrame(admin0(directory).drop(columns="geometry"))


@memoized_on_data
def admin1(directory: Path) -> gpd.GeoDataFrame:
    """First-level subdivisions (states, departments, provinces) with ISO 3166-2 codes."""
    frame, problems = _keyed_features(directory, ADMIN1_FILE, ADMIN1_COLUMNS, "iso_3166_2")
    known = set(admin0(directory)["iso_a3"])
    message = f'expected a parent ISO3 present in {ADMIN0_FILE}, found "{{value}}"'
    orphans = ~frame["parent_iso_a3"].isin(known)
    problems += _features_where(frame, ADMIN1_FILE, "parent_iso_a3", orphans, message)
    raise_if_errors(problems)
    frame.attrs["warnings"] = [p for p in problems if p.warning]
    return frame
