"""The ISO3 codes a figures file may use: every admin-0 feature, plus countries outside the map."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pycountry

from layers.boundaries import admin0_codes, admin0_table
from layers.memo import memoized_on_data
from layers.problems import raise_if_errors
from layers.table import Table, checked_frame

if TYPE_CHECKING:  # pandas, numpy: imported where used (a warm start needs none)
    import pandas as pd

OUTSIDE_MAP_FILE = "boundaries/outside_map.csv"


@memoized_on_data
def outside_map(directory: Path) -> dict[str, str]:
    """Countries that figures mention but the Americas map does not draw (Canada, Spain...)."""
    table = Table(directory, OUTSIDE_MAP_FILE)
    if table.ok:
        table.check_schema()
        for row, code in table.frame["iso_a3"].items():
            if code and pycountry.countries.get(alpha_3=code) is None:
                table.problem(row, "iso_a3", f'expected an ISO 3166-1 alpha-3 country code, found "{code}"')
    raise_if_errors(table.problems)
    return dict(zip(table.frame["iso_a3"], table.frame["name"], strict=True))


def iso_by_name(directory: str | Path | None = None) -> dict[str, str]:
    """English country name → ISO3 (admin-0), to recognise countries named in a text column."""
    countries = admin0_table(directory)
    return dict(zip(countries["name"], countries.index, strict=True))


def known_codes(directory: str | Path | None = None) -> set[str]:
    """ISO3 codes on the map and outside it."""
    return set(admin0_codes(directory)) | set(outside_map(directory))


def coded_frame(directory: Path, relative_path: str, *, required: bool = True) -> pd.DataFrame:
    """A CSV file checked against its schema, its `iso_a3` codes known to the map or listed outside it."""
    codes = known_codes(directory)

    def known(table: Table) -> None:
        table.iso3("iso_a3", codes, required=required)

    return checked_frame(directory, relative_path, known)
