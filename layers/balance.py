"""Migratory balance (entries minus exits) of Venezuelans: Brazil's cumulative series, period balances.

A balance printed by the source is `published`; entries minus exits computed here from a row that
gives both is `derived` (flagged, never shown as published). Nothing is interpolated or extrapolated.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from layers.codes import known_codes
from layers.memo import memoized_on_data
from layers.problems import raise_if_errors
from layers.table import Table

BALANCE_FILE = "figures/migratory_balance.csv"
COLUMNS = [
    "iso_a3",
    "country",
    "period_start",
    "period_end",
    "entries",
    "exits",
    "balance",
    "measure",
    "qualifier",
    "source_url",
    "source_title",
    "published",
    "note",
]
MEASURES = ["balance", "cumulative_balance", "entries", "exits"]
CUMULATIVE_AREA = "BRA"  # the only country with a cumulative series since January 2017
CUMULATIVE_START = "2017-01-01"


@memoized_on_data
def migratory_balance(directory: Path) -> pd.DataFrame:
    """Entries, exits and balances as published, one row per figure (NaN where not given)."""
    table = Table(directory, BALANCE_FILE, COLUMNS)
    if table.ok:
        table.iso3("iso_a3", known_codes(directory))
        table.partial_date("period_start")
        table.partial_date("period_end", required=False)
        numbers = {
            "entries": table.number("entries", required=False, integer=True),
            "exits": table.number("exits", required=False, integer=True),
            "balance": table.number("balance", required=False, integer=True, minimum=None),  # may be negative
        }
        table.choice("measure", MEASURES)
        table.text("source_title", required=True)
        table.partial_date("published", required=False)
    raise_if_errors(table.problems)
    frame = table.frame.copy()
    for column, values in numbers.items():
        frame[column] = values.astype("Int64")  # whole numbers, empty where not given
    frame["row"] = frame.index
    return frame.reset_index(drop=True)


def _with_balance(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows that have a balance: the published one, else entries minus exits flagged `derived`."""
    both = rows["entries"].notna() & rows["exits"].notna()
    rows = rows[rows["balance"].notna() | both].copy()
    rows["derived"] = rows["balance"].isna()
    rows["balance"] = rows["balance"].fillna(rows["entries"] - rows["exits"])
    return rows


@memoized_on_data
def cumulative_balance(directory: Path) -> pd.DataFrame:
    """Brazil's balance since January 2017 at each checkpoint with an end date, oldest first."""
    rows = migratory_balance(directory)
    cumulative = (rows["measure"] == "cumulative_balance") | rows["qualifier"].str.contains("cumulative")
    rows = rows[(rows["iso_a3"] == CUMULATIVE_AREA) & (rows["period_start"] == CUMULATIVE_START) & cumulative]
    rows = _with_balance(rows[rows["period_end"] != ""])
    return rows.sort_values("period_end").reset_index(drop=True)


@memoized_on_data
def period_balances(directory: Path) -> pd.DataFrame:
    """Balances over stated periods (not cumulative), per country, oldest first."""
    rows = migratory_balance(directory)
    cumulative = (rows["measure"] == "cumulative_balance") | rows["qualifier"].str.contains("cumulative")
    rows = _with_balance(rows[~cumulative & (rows["period_end"] != "")])
    return rows.sort_values(["iso_a3", "period_start", "period_end"]).reset_index(drop=True)
