"""Country sheets: key challenges and government response, short phrases in three languages."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from layers.codes import known_codes
from layers.memo import memoized_on_data
from layers.problems import raise_if_errors
from layers.table import Table

PROFILES_FILE = "countries/profiles.csv"


@memoized_on_data
def country_profiles(directory: Path) -> pd.DataFrame:
    """Challenge and response phrases per country, ordered."""
    table = Table(directory, PROFILES_FILE)
    if table.ok:
        order = table.check_schema()["order"]
        table.iso3("iso_a3", known_codes(directory))
    raise_if_errors(table.problems)
    frame = table.frame.copy()
    frame["order"] = order.astype("int64")
    return frame.sort_values(["iso_a3", "kind", "order"]).reset_index(drop=True)
