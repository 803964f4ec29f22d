"""The ISO3 codes a figures file may use: every admin-0 feature, plus countries outside the map."""

from __future__ import annotations

from pathlib import Path

import pycountry

from layers.boundaries import admin0
from layers.memo import memoized_on_data
from layers.problems import raise_if_errors
from layers.table import Table

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


def known_codes(directory: str | Path | None = None) -> set[str]:
    """ISO3 codes on the map and outside it."""
    return set(admin0(directory).index) | set(outside_map(directory))
