"""Venezuelans hosted per country over time: published figures, the main series, monthly values.

Main-series rule (the same text is in data/datapackage.json, resource `stock`):
1. One measure per line: only figures of the R4V total measure (`measure` = `stock`; every R4V
   snapshot) enter; census counts, registered-only, refugees-only, NGO or OAS estimates never do.
2. A year-only date never enters: it has no month. Rows with a `set_aside` reason never do.
3. R4V first: the R4V snapshot figures (figures/r4v_snapshots.csv) at each country's reference
   month. Where one country and month has several, an exact figure beats a rounded one, then the
   later snapshot (a revision) wins.
4. Official national figures (`publisher_kind` = `national`) fill the months R4V does not cover:
   before a country's first R4V figure, after its last, and inside gaps of more than 12 months
   between two R4V reference months (re-publications count: R4V did publish then).
5. Other figures (press, NGO, academic, press copies of R4V figures) enter only where no figure of
   rules 3-4 lies within 12 months.
6. In rules 4-5, several rows of one month: the most precise date, then the latest publication,
   then exact over qualified, then first in the file.
7. A figure equal to an earlier chosen figure of the same area is a re-publication: the earlier
   date keeps it and the later row is set aside (R4V rows are compared with earlier R4V rows).
8. Between two chosen months values are interpolated linearly and flagged `estimated`, naming both
   figures; nothing is extrapolated before the first or after the last published figure.
Everything set aside stays available as "other published figures".
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from layers.boundaries import admin0_table
from layers.codes import known_codes
from layers.memo import memoized_on_data
from layers.problems import DataError, Problem
from layers.table import Table, checked_frame

if TYPE_CHECKING:  # pandas, numpy: imported where used (a warm start needs none)
    import pandas as pd

STOCK_FILE = "figures/stock.csv"
R4V_FILE = "figures/r4v_snapshots.csv"
R4V_QUALIFIERS = {"exact": "", "rounded": "rounded", "approximately": "approximate", "at least": "at least"}
R4V_AGGREGATES = {"LAC": "lac", "WLD": "world"}
SERIES_START = "2015-01"
LATEST = "latest"  # the view of each area at its latest main-series figure, after the last month
WITHIN = 12  # months: "a year" in rules 4 and 5
PRECEDENCE = (["date_precision", "published", "exact", "row"], [False, False, False, True])  # rule 6


def _with_keys(frame: pd.DataFrame, file: str) -> pd.DataFrame:
    """Add `row` (file row), `file`, `key`, `area`, `month` and `date_precision`."""
    frame["row"] = frame.index
    frame["file"] = file
    frame["key"] = file + ":" + frame["row"].astype(str)
    frame["area"] = frame["iso_a3"].where(frame["scope"] == "country", frame["scope"])
    frame["month"] = frame["date"].map(month_of)
    frame["date_precision"] = frame["date"].str.count("-")
    return frame.reset_index(drop=True)


@memoized_on_data
def stock_figures(directory: Path) -> pd.DataFrame:
    """Every published stock figure of figures/stock.csv, validated, with `area` and `month` added."""
    codes = known_codes(directory)

    def countries_named(table: Table) -> None:
        for row in table.frame.index[(table.frame["scope"] == "country") & (table.frame["iso_a3"] == "")]:
            table.problem(row, "iso_a3", "expected an ISO3 code for a country row, found an empty cell")
        table.iso3("iso_a3", codes, required=False)

    return _with_keys(checked_frame(directory, STOCK_FILE, countries_named), STOCK_FILE)


@memoized_on_data
def r4v_figures(directory: Path) -> pd.DataFrame:
    """The R4V snapshot figures, validated, in the columns of `stock_figures`."""
    import pandas as pd

    codes = known_codes(directory) | set(R4V_AGGREGATES)
    rows = checked_frame(directory, R4V_FILE, lambda table: table.iso3("iso_a3", codes))
    aggregate = rows["iso_a3"].map(R4V_AGGREGATES)
    frame = pd.DataFrame(
        {
            "iso_a3": rows["iso_a3"].where(aggregate.isna(), ""),
            "country": rows["country"],
            "date": rows["reference_date"],
            "value": rows["value"],
            "source": rows["source_url"] + " (" + rows["source_title"] + ")",
            "scope": aggregate.fillna("country"),
            "qualifier": rows["qualifier"].map(R4V_QUALIFIERS),
            "note": rows["note"],
            "measure": "stock",
            "published": rows["published"],
            "publisher": rows["publisher"],
            "publisher_kind": "r4v",
            "outlet": rows["source_title"].str.split(":").str[0],
            "url": rows["source_url"],
            "set_aside": rows["set_aside"],
            "snapshot": rows["snapshot"],
        }
    )
    return _with_keys(frame, R4V_FILE)


@memoized_on_data
def published_figures(directory: Path) -> pd.DataFrame:
    """Every published figure: the R4V snapshots, then the rows of figures/stock.csv."""
    import pandas as pd

    return pd.concat([r4v_figures(directory), stock_figures(directory)], ignore_index=True)


def month_of(date: str) -> str:
    """The month a partial date belongs to: YYYY → YYYY-12, YYYY-MM[-DD] → YYYY-MM."""
    return f"{date}-12" if len(date) == 4 else date[:7]


def _ordinal(months: pd.Series) -> pd.Series:
    """Months YYYY-MM as consecutive integers."""
    return months.str[:4].astype(int) * 12 + months.str[5:7].astype(int)


def _one_per_month(rows: pd.DataFrame, order: list[str], ascending: list[bool]) -> pd.DataFrame:
    """The first row of each area and month in the given order."""
    ordered = rows.assign(exact=rows["qualifier"] == "").sort_values(
        ["area", "month", *order], ascending=[True, True, *ascending], na_position="last", kind="stable"
    )
    return ordered.drop_duplicates(["area", "month"]).drop(columns="exact")


def _not_republished(rows: pd.DataFrame, earlier: pd.DataFrame) -> pd.DataFrame:
    """Rows whose value no earlier figure of the same area (in `earlier` or `rows`) already gave."""
    import pandas as pd

    both = pd.concat([earlier.assign(new=False), rows.assign(new=True)]).sort_values(
        ["area", "month", "new"], kind="stable"
    )
    first = both.drop_duplicates(["area", "value"])
    return first[first["new"]].drop(columns="new")


def _months_near(rows: pd.DataFrame, chosen: pd.DataFrame, gap_only: bool) -> pd.Series:
    """Whether each row's month is covered by `chosen` of its area.

    `gap_only`: covered when between two chosen months at most 12 months apart (rule 4);
    otherwise when a chosen month lies within 12 months (rule 5).
    """
    import pandas as pd

    ordinals = _ordinal(chosen["month"]) if len(chosen) else pd.Series(dtype=int)
    by_area = {area: sorted(months) for area, months in ordinals.groupby(chosen["area"])}
    covered = []
    for area, month in zip(rows["area"], _ordinal(rows["month"]), strict=True):
        known = by_area.get(area, [])
        before = [m for m in known if m <= month]
        after = [m for m in known if m >= month]
        if gap_only:
            covered.append(bool(before and after and after[0] - before[-1] <= WITHIN))
        else:
            covered.append(any(abs(m - month) <= WITHIN for m in known))
    return pd.Series(covered, index=rows.index, dtype=bool)


def choose_main_rows(figures: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split figures into the main series (one per area and month) and the rows set aside."""
    import pandas as pd

    usable = figures[
        (figures["measure"] == "stock") & (figures["date_precision"] > 0) & (figures["set_aside"] == "")
    ]
    r4v = usable[usable["file"] == R4V_FILE]
    chosen = _one_per_month(r4v, ["exact", "snapshot", "row"], [False, False, True])
    chosen = _not_republished(chosen, chosen.iloc[0:0])
    national = usable[(usable["file"] == STOCK_FILE) & (usable["publisher_kind"] == "national")]
    national = national[~_months_near(national, r4v, gap_only=True)]
    national = _not_republished(_one_per_month(national, *PRECEDENCE), chosen)
    chosen = pd.concat([chosen, national])
    other = usable[(usable["file"] == STOCK_FILE) & (usable["publisher_kind"] != "national")]
    other = _not_republished(
        _one_per_month(other[~_months_near(other, chosen, gap_only=False)], *PRECEDENCE), chosen
    )
    main = pd.concat([chosen, other]).sort_values(["area", "month"])
    aside = figures[~figures["key"].isin(main["key"])]
    return main, aside


def _monthly(area_rows: pd.DataFrame) -> pd.DataFrame:
    """One area's main rows spread over every month from 2015-01 to its last published month."""
    import pandas as pd

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
    for label in ("date", "source", "qualifier", "note", "publisher", "url"):
        frame[label] = on_span[label].fillna("")
    for side, filled in (("before", on_span.ffill()), ("after", on_span.bfill())):
        for label in ("date", "source", "value", "publisher", "url"):
            frame[f"{label}_{side}"] = filled[label].where(~published)
    return frame[span >= pd.Period(SERIES_START, freq="M")].reset_index(drop=True)


@memoized_on_data
def main_series(directory: Path) -> pd.DataFrame:
    """The published figures chosen for the main series, one per area and month."""
    return choose_main_rows(published_figures(directory))[0]


@memoized_on_data
def other_figures(directory: Path) -> pd.DataFrame:
    """Published figures set aside by the main-series rule (other sources, narrower measures)."""
    return choose_main_rows(published_figures(directory))[1]


@memoized_on_data
def stock_by_month(directory: Path) -> pd.DataFrame:
    """Monthly values per area (ISO3 or scope) from 2015-01, estimated between published figures.

    Countries also carry `per_1000` inhabitants, using admin-0 `pop_est` of `pop_year`.
    """
    import pandas as pd

    main = main_series(directory)
    if main.empty:
        message = "expected at least one figure in the main series, found none (is every row set aside?)"
        raise DataError([Problem(STOCK_FILE, message, column="set_aside")])
    frame = pd.concat([_monthly(rows) for _, rows in main.groupby("area")], ignore_index=True)
    population = admin0_table(directory)[["pop_est", "pop_year"]]
    frame = frame.join(population, on="area")
    frame["per_1000"] = frame["value"] / frame["pop_est"] * 1000
    return frame


def months(directory: str | Path | None = None) -> list[str]:
    """Every month from 2015-01 to the latest month with a published country figure."""
    import pandas as pd

    series = stock_by_month(directory)
    last = series.loc[series["scope"] == "country", "month"].max()
    return list(pd.period_range(SERIES_START, last, freq="M").strftime("%Y-%m"))


@memoized_on_data
def latest_rows(directory: Path) -> pd.DataFrame:
    """Each area's latest main-series figure: its last monthly row (never estimated, nothing comes after)."""
    return stock_by_month(directory).groupby("area").tail(1).reset_index(drop=True)


def rows_at(directory: str | Path | None, month: str) -> pd.DataFrame:
    """The monthly rows of `month` (YYYY-MM), or each area's latest figure when `month` is `latest`."""
    if month == LATEST:
        return latest_rows(directory)
    series = stock_by_month(directory)
    return series[series["month"] == month]


@memoized_on_data
def r4v_vintage(directory: Path) -> str:
    """The newest R4V update (YYYY-MM) among the snapshot figures used, as in "R4V update of Nov 2025"."""
    figures = r4v_figures(directory)
    return str(figures.loc[figures["set_aside"] == "", "snapshot"].max())


def resolve_month(directory: str | Path | None, area: str, month: str) -> str:
    """`month` itself, or for `latest` the month of the area's latest figure (for chart cursors)."""
    if month != LATEST:
        return month
    rows = latest_rows(directory)
    found = rows.loc[rows["area"] == area, "month"]
    return str(found.iloc[0]) if len(found) else months(directory)[-1]
