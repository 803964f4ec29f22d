"""Country sheets: key challenges and government response, short phrases in three languages."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from layers.codes import coded_frame
from layers.memo import memoized_on_data

if TYPE_CHECKING:  # pandas, numpy: imported where used (a warm start needs none)
    import pandas as pd

PROFILES_FILE = "countries/profiles.csv"


@memoized_on_data
def country_profiles(directory: Path) -> pd.DataFrame:
    """Challenge and response phrases per country, ordered."""
    frame = coded_frame(directory, PROFILES_FILE)
    return frame.sort_values(["iso_a3", "kind", "order"]).reset_index(drop=True)
