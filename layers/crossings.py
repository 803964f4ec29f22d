"""Dated counts at border crossings and incidents on the boat routes, with units and sources."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from layers.codes import known_codes
from layers.memo import memoized_on_data
from layers.problems import Problem
from layers.table import checked_frame

if TYPE_CHECKING:  # pandas, numpy: imported where used (a warm start needs none)
    import pandas as pd

FLOWS_FILE = "points/crossing_flows.csv"
INCIDENTS_FILE = "points/maritime_incidents.csv"


def _undated(frame: pd.DataFrame, file: str, what: str) -> list[Problem]:
    """Warnings for counts with no period (only their page's publication date)."""
    undated = frame.index[(frame["period_start"] == "") & (frame["period_end"] == "")]
    message = f"{what} without a date (only the page's publication date)"
    return [Problem(file, message, row, "period_start", warning=True) for row in undated]


def _finish(frame: pd.DataFrame, warnings: list[Problem]) -> pd.DataFrame:
    """The frame with its file row kept as `row`, and its warnings in `attrs` (for `validate`)."""
    frame = frame.assign(row=frame.index).reset_index(drop=True)
    frame.attrs["warnings"] = warnings
    return frame


@memoized_on_data
def crossing_flows(directory: Path) -> pd.DataFrame:
    """Dated counts at named crossings (per day, totals, registrations), one row per published count."""
    codes = known_codes(directory)
    frame = checked_frame(directory, FLOWS_FILE, lambda table: table.iso3("iso_a3", codes))
    return _finish(frame, _undated(frame, FLOWS_FILE, "a count"))


@memoized_on_data
def maritime_incidents(directory: Path) -> pd.DataFrame:
    """Departures, shipwrecks, interceptions and deportations on the boat routes, one row per count."""
    frame = checked_frame(directory, INCIDENTS_FILE)
    return _finish(frame, _undated(frame, INCIDENTS_FILE, "an incident"))


def counts_at(directory: str | Path | None, crossing_id: str) -> list[dict]:
    """The dated counts of one crossing, oldest first, as plain records (for popups)."""
    rows = crossing_flows(directory)
    return _records(rows[rows["crossing_id"] == crossing_id])


def incidents_on(directory: str | Path | None, route_id: str) -> list[dict]:
    """The incidents of one boat route, oldest first, as plain records (for popups)."""
    rows = maritime_incidents(directory)
    return _records(rows[rows["route_id"] == route_id], place="route_or_destination")


def _records(rows: pd.DataFrame, place: str = "crossing") -> list[dict]:
    """Period, value, unit, qualifier, place, outlet and page of each row, oldest first."""
    rows = rows.assign(order=rows["period_start"].where(rows["period_start"] != "", rows["published"]))
    columns = ["period_start", "period_end", "published", "value", "unit", "qualifier", place, "source_title"]
    records = rows.sort_values("order")[[*columns, "source_url"]].rename(columns={place: "place"})
    return [{k: (int(v) if k == "value" else v) for k, v in r.items()} for r in records.to_dict("records")]
