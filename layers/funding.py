"""Funding requested, required and received: IOM 2018 plan by outcome and RMRP per year."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from layers.memo import memoized_on_data
from layers.problems import raise_if_errors
from layers.table import Table

FUNDING_FILE = "figures/funding.csv"
COLUMNS = ["plan", "year", "entity", "outcome", "measure", "value", "unit", "source", "note"]
MEASURES = ["requested", "required", "received", "funded_share"]
UNITS = ["USD", "fraction"]
IOM_2018_PLAN = "IOM Regional Action Plan 2018"
OUTCOMES = [
    "Data production and dissemination",
    "Capacity and coordination",
    "Direct assistance and vulnerability",
    "Socio-economic integration",
    "Evaluation",
]
TOTAL = "Total"
REGIONAL_TOTAL = "Regional total"


@memoized_on_data
def funding(directory: Path) -> pd.DataFrame:
    """Every funding figure as published (the seed's ±1 USD rounding kept)."""
    table = Table(directory, FUNDING_FILE, COLUMNS)
    if table.ok:
        table.text("plan", required=True)
        year = table.number("year", integer=True, minimum=2000, maximum=2100)
        table.text("entity", required=True)
        table.choice("measure", MEASURES)
        unit = table.choice("unit", UNITS)
        value = table.number("value")
        for row in table.frame.index[(unit == "fraction") & (value > 1)]:
            table.problem(row, "value", f"expected a fraction between 0 and 1, found {value[row]:g}")
        table.text("source", required=True)
        table.unique(["plan", "year", "entity", "outcome", "measure"])
    raise_if_errors(table.problems)
    frame = table.frame.copy()
    frame["year"] = year.astype("int64")
    frame["value"] = value
    return frame.reset_index(drop=True)


def iom_2018_by_outcome(directory: str | Path | None = None) -> pd.DataFrame:
    """The IOM 2018 plan's request table: one row per office, one column per outcome plus Total."""
    rows = funding(directory)
    plan = rows[(rows["plan"] == IOM_2018_PLAN) & (rows["measure"] == "requested")]
    table = plan.pivot(index="entity", columns="outcome", values="value")
    table = table.reindex(columns=[*OUTCOMES, TOTAL]).astype("int64")
    order = list(dict.fromkeys(plan["entity"]))
    table = table.reindex(order)
    table.columns.name = None
    return table.reset_index()
