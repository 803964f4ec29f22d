"""Venezuelans hosted per country over time: published figures, the main series, monthly values.

Main-series rule (also written in data/datapackage.json):
1. Only rows whose `measure` is `stock` enter the main series; narrower measures (census counts,
   registered residents only, refugees only, NGO or OAS estimates) are set aside.
2. A row belongs to the month of its date; a year-only date belongs to December of that year.
3. When several rows fall on the same area and month, the chosen one has the most precise date
   (day, then month, then year), then comes from an official source rather than a press
   re-publication, then was published latest (a revision beats what it revises), then is exact
   rather than qualified (about, rounded...), then comes first in the file.
4. Between two chosen months values are interpolated linearly and flagged `estimated`, naming both
   sources; nothing is extrapolated before the first or after the last published figure.
Rows set aside by rules 1 and 3 stay available as "other published figures".
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from layers.boundaries import admin0
from layers.codes import known_codes
from layers.memo import memoized_on_data
from layers.table import Table, checked_frame

STOCK_FILE = "figures/stock.csv"
SERIES_START = pd.Period("2015-01", freq="M")


@memoized_on_data
def stock_figures(directory: Path) -> pd.DataFrame:
    """Every published stock figure, validated, with `area` (ISO3 or scope) and `month` added."""
    codes = known_codes(directory)

    def countries_named(table: Table) -> None:
        for row in table.frame.index[(table.frame["scope"] == "country") & (table.frame["iso_a3"] == "")]:
            table.problem(row, "iso_a3", "expected an ISO3 code for a country row, found an empty cell")
        table.iso3("iso_a3", codes, required=False)

    frame = checked_frame(directory, STOCK_FILE, countries_named)
    frame["row"] = frame.index
    frame["area"] = frame["iso_a3"].where(frame["scope"] == "country", frame["scope"])
    frame["month"] = frame["date"].map(month_of)
    frame["date_precision"] = frame["date"].str.count("-")
    return frame.reset_index(drop=True)


def month_of(date: str) -> str:
    """The month a partial date belongs to: YYYY → YYYY-12, YYYY-MM[-DD] → YYYY-MM."""
    return f"{date}-12" if len(date) == 4 else date[:7]


def choose_main_rows(figures: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split figures into the main series (one per area and month) and the rows set aside."""
    candidates = figures[figures["measure"] == "stock"].assign(
        official=lambda f: f["source_kind"] == "official",
        exact=lambda f: f["qualifier"] == "",
    )
    ordered = candidates.sort_values(
        ["area", "month", "date_precision", "official", "published", "exact", "row"],
        ascending=[True, True, False, False, False, False, True],
        na_position="last",
    )
    main = ordered.drop_duplicates(["area", "month"], keep="first")
    aside = figures[~figures["row"].isin(main["row"])]
    return main.drop(columns=["official", "exact"]).sort_values(["area", "month"]), aside


def _monthly(area_rows: pd.DataFrame) -> pd.DataFrame:
    """One area's main rows spread over every month from 2015-01 to its last published month."""
    points = area_rows.set_index(pd.PeriodIndex(area_rows["month"], freq="M"))
    span = pd.period_range(points.index.min(), points.index.max(), freq="M")
    on_span = points.reindex(span)
    published = on_span["value"].notna()
    frame = pd.DataFrame(
        {
            "area": area_rows["area"].iloc[0],
            "scope": area_rows["scope"].iloc[0],
            "month": span.strftime("%Y-%m"),
            # months are evenly spaced, so linear in position is linear in time
            "value": on_span["value"].astype(float).interpolate().to_numpy(),
            "estimated": (~published).to_numpy(),
        },
        index=span,
    )
    for label in ("date", "source", "qualifier", "note"):
        frame[label] = on_span[label].fillna("")
    for side, filled in (("before", on_span.ffill()), ("after", on_span.bfill())):
        for label in ("date", "source", "value"):
            frame[f"{label}_{side}"] = filled[label].where(~published)
    return frame[span >= SERIES_START].reset_index(drop=True)


@memoized_on_data
def main_series(directory: Path) -> pd.DataFrame:
    """The published figures chosen for the main series, one per area and month."""
    return choose_main_rows(stock_figures(directory))[0]


@memoized_on_data
def other_figures(directory: Path) -> pd.DataFrame:
    """Published figures set aside by the main-series rule (other sources, narrower measures)."""
    return choose_main_rows(stock_figures(directory))[1]


@memoized_on_data
def stock_by_month(directory: Path) -> pd.DataFrame:
    """Monthly values per area (ISO3 or scope) from 2015-01, estimated between published figures.

    Countries also carry `per_1000` inhabitants, using admin-0 `pop_est` of `pop_year`.
    """
    main = main_series(directory)
    frame = pd.concat([_monthly(rows) for _, rows in main.groupby("area")], ignore_index=True)
    population = admin0(directory)[["pop_est", "pop_year"]]
    frame = frame.join(population, on="area")
    frame["per_1000"] = frame["value"] / frame["pop_est"] * 1000
    return frame


def months(directory: str | Path | None = None) -> list[str]:
    """Every month from 2015-01 to the latest month with a published country figure."""
    series = stock_by_month(directory)
    last = series.loc[series["scope"] == "country", "month"].max()
    return list(pd.period_range(SERIES_START, last, freq="M").strftime("%Y-%m"))
