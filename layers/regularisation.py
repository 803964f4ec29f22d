"""Residence permits granted per year and regularisation mechanisms per host country."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from layers.codes import coded_frame
from layers.memo import memoized_on_data

PERMITS_FILE = "figures/residence_permits.csv"
MECHANISMS_FILE = "figures/regularisation_mechanisms.csv"
PERMITS_ISSUED = "residence_permits_issued"


@memoized_on_data
def residence_permits(directory: Path) -> pd.DataFrame:
    """Permits, regularisations and refugee recognitions, one measure per row."""
    return coded_frame(directory, PERMITS_FILE, required=False).reset_index(drop=True)


def permits_by_year(directory: str | Path | None = None) -> pd.DataFrame:
    """Residence permits issued: one row per country, one column per year; missing = not available."""
    permits = residence_permits(directory)
    issued = permits[permits["measure"] == PERMITS_ISSUED]
    table = issued.pivot(index=["iso_a3", "country"], columns="date", values="value")
    table.columns.name = None
    return table.reset_index()


@memoized_on_data
def regularisation_mechanisms(directory: Path) -> pd.DataFrame:
    """Regularisation and protection mechanisms, one row per mechanism or phase."""
    frame = coded_frame(directory, MECHANISMS_FILE)
    frame["launched_month"] = frame["launched"].str.extract(r"^(\d{4}(?:-\d{2})?)", expand=False).fillna("")
    return frame.reset_index(drop=True)
