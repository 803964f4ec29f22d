"""Country sheets: key challenges and government response, short phrases in three languages."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from layers.codes import coded_frame
from layers.memo import memoized_on_data

PROFILES_FILE = "countries/profiles.csv"


@memoized_on_data
def country_profiles(directory: Path) -> pd.DataFrame:
    """Challenge and response phrases per country, ordered."""
    frame = coded_frame(directory, PROFILES_FILE)
    return frame.sort_values(["iso_a3", "kind", "order"]).reset_index(drop=True)
