"""Migratory balance (entries minus exits) of Venezuelans: Brazil's cumulative series, period balances.

A balance printed by the source is `published`; entries minus exits computed here from a row that
gives both is `derived` (flagged, never shown as published). Nothing is interpolated or extrapolated.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from layers.codes import known_codes
from layers.memo import memoized_on_data
from layers.table import checked_frame

if TYPE_CHECKING:  # pandas, numpy: imported where used (a warm start needs none)
    import pandas as pd

BALANCE_FILE = "figures/migratory_balance.csv"
COUNTS = ["entries", "exits", "balance"]
CUMULATIVE_AREA = "BRA"  # the only country with a cumulative series since January 2017
CUMULATIVE_START = "2017-01-01"


@memoized_on_data
def migratory_balance(directory: Path) -> pd.DataFrame:
    """Entries, exits and balances as published, one row per figure (empty where not given)."""
    codes = known_codes(directory)
    frame = checked_frame(directory, BALANCE_FILE, lambda table: table.iso3("iso_a3", codes))
    frame = frame.astype({column: "Int64" for column in COUNTS})  # whole numbers, empty where not given
    return frame.assign(row=frame.index).reset_index(drop=True)


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
