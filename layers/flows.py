"""Inflows and migratory balances over a period (not stock)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from layers.codes import coded_frame
from layers.memo import memoized_on_data

if TYPE_CHECKING:  # pandas, numpy: imported where used (a warm start needs none)
    import pandas as pd

FLOWS_FILE = "figures/flows.csv"


@memoized_on_data
def flows(directory: Path) -> pd.DataFrame:
    """People arriving (inflow) or the balance of entries and exits over a period."""
    return coded_frame(directory, FLOWS_FILE, required=False).reset_index(drop=True)
