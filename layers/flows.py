"""Inflows and migratory balances over a period (not stock)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from layers.codes import known_codes
from layers.memo import memoized_on_data
from layers.problems import raise_if_errors
from layers.table import Table

FLOWS_FILE = "figures/flows.csv"


@memoized_on_data
def flows(directory: Path) -> pd.DataFrame:
    """People arriving (inflow) or the balance of entries and exits over a period."""
    table = Table(directory, FLOWS_FILE)
    if table.ok:
        value = table.check_schema()["value"]
        table.iso3("iso_a3", known_codes(directory), required=False)
    raise_if_errors(table.problems)
    frame = table.frame.copy()
    frame["value"] = value.astype("int64")
    return frame.reset_index(drop=True)
