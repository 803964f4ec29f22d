"""Residence permits granted per year and regularisation mechanisms per host country."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from layers.codes import known_codes
from layers.memo import memoized_on_data
from layers.problems import raise_if_errors
from layers.table import Table

PERMITS_FILE = "figures/residence_permits.csv"
MECHANISMS_FILE = "figures/regularisation_mechanisms.csv"
PERMITS_ISSUED = "residence_permits_issued"


@memoized_on_data
def residence_permits(directory: Path) -> pd.DataFrame:
    """Permits, regularisations and refugee recognitions, one measure per row."""
    table = Table(directory, PERMITS_FILE)
    if table.ok:
        value = table.check_schema()["value"]
        table.iso3("iso_a3", known_codes(directory), required=False)
    raise_if_errors(table.problems)
    frame = table.frame.copy()
    frame["value"] = value.astype("int64")
    return frame.reset_index(drop=True)


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
    table = Table(directory, MECHANISMS_FILE)
    if table.ok:
        table.check_schema()
        table.iso3("iso_a3", known_codes(directory))
    raise_if_errors(table.problems)
    frame = table.frame.copy()
    frame["launched_month"] = frame["launched"].str.extract(r"^(\d{4}(?:-\d{2})?)", expand=False).fillna("")
    return frame.reset_index(drop=True)
