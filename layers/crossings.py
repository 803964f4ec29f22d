"""Dated counts at border crossings and incidents on the boat routes, with units and sources."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from layers.codes import known_codes
from layers.memo import memoized_on_data
from layers.problems import Problem, raise_if_errors
from layers.table import Table

FLOWS_FILE = "points/crossing_flows.csv"
INCIDENTS_FILE = "points/maritime_incidents.csv"
FLOW_COLUMNS = [
    "crossing",
    "iso_a3",
    "period_start",
    "period_end",
    "value",
    "unit",
    "qualifier",
    "source_url",
    "source_title",
    "published",
    "note",
    "crossing_id",
]
INCIDENT_COLUMNS = [
    "route_or_destination",
    "period_start",
    "period_end",
    "value",
    "unit",
    "qualifier",
    "source_url",
    "source_title",
    "published",
    "note",
    "route_id",
]
FLOW_UNITS = [
    "entries_per_day",
    "exits_per_day",
    "crossings_per_day",
    "attendances_per_day",
    "entries_total",
    "exits_total",
    "people_total",
]
INCIDENT_UNITS = [
    "people_aboard",
    "survivors",
    "missing",
    "dead",
    "bodies_recovered",
    "lost_at_sea",
    "shipwrecks",
    "people_intercepted",
    "people_detained",
    "people_deported",
    "people_turned_back",
]


def _dated(table: Table, what: str) -> list[Problem]:
    """Check the period columns; warn about a count with no date but its page's publication date."""
    for column in ("period_start", "period_end", "published"):
        table.partial_date(column, required=False)
    frame = table.frame
    undated = frame.index[(frame["period_start"] == "") & (frame["period_end"] == "")]
    return [
        Problem(
            table.file, f"{what} without a date (only the page's publication date)", row, "period_start", True
        )
        for row in undated
    ]


def _finish(table: Table, value: pd.Series, warnings: list[Problem]) -> pd.DataFrame:
    """The validated frame with integer values, the file row, and its warnings in `attrs`."""
    frame = table.frame.copy()
    frame["value"] = value.astype("int64")
    frame["row"] = frame.index
    frame = frame.reset_index(drop=True)
    frame.attrs["warnings"] = warnings
    return frame


@memoized_on_data
def crossing_flows(directory: Path) -> pd.DataFrame:
    """Dated counts at named crossings (per day, totals, registrations), one row per published count."""
    table = Table(directory, FLOWS_FILE, FLOW_COLUMNS)
    warnings: list[Problem] = []
    if table.ok:
        table.text("crossing", required=True)
        table.iso3("iso_a3", known_codes(directory))
        value = table.number("value", integer=True)
        table.choice("unit", FLOW_UNITS)
        table.text("source_title", required=True)
        warnings = _dated(table, "a count")
    raise_if_errors(table.problems)
    return _finish(table, value, warnings)


@memoized_on_data
def maritime_incidents(directory: Path) -> pd.DataFrame:
    """Departures, shipwrecks, interceptions and deportations on the boat routes, one row per count."""
    table = Table(directory, INCIDENTS_FILE, INCIDENT_COLUMNS)
    warnings: list[Problem] = []
    if table.ok:
        table.text("route_or_destination", required=True)
        value = table.number("value", integer=True)
        table.choice("unit", INCIDENT_UNITS)
        table.text("source_title", required=True)
        warnings = _dated(table, "an incident")
    raise_if_errors(table.problems)
    return _finish(table, value, warnings)


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
