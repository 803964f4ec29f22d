"""Funding requested, required and received: IOM 2018 plan by outcome and RMRP per year."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from layers.memo import memoized_on_data
from layers.table import Table, checked_frame

if TYPE_CHECKING:  # pandas, numpy: imported where used (a warm start needs none)
    import pandas as pd

FUNDING_FILE = "figures/funding.csv"
IOM_2018_PLAN = "IOM Regional Action Plan 2018"
OUTCOMES = [
    "Data production and dissemination",
    "Capacity and coordination",
    "Direct assistance and vulnerability",
    "Socio-economic integration",
    "Evaluation",
]
TOTAL = "Total"


@memoized_on_data
def funding(directory: Path) -> pd.DataFrame:
    """Every funding figure as published (the seed's ±1 USD rounding kept)."""
    return checked_frame(directory, FUNDING_FILE, _fractions_at_most_one).reset_index(drop=True)


def _fractions_at_most_one(table: Table) -> None:
    """Funded shares (unit `fraction`) lie between 0 and 1."""
    value = table.numbers["value"]
    for row in table.frame.index[(table.frame["unit"] == "fraction") & (value > 1)]:
        table.problem(row, "value", f"expected a fraction between 0 and 1, found {value[row]:g}")


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
