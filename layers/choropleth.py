"""Values the browser needs to colour maps and draw charts, month by month, with no geometry."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from layers.balance import cumulative_balance, period_balances
from layers.boundaries import admin0_table
from layers.codes import iso_by_name
from layers.funding import IOM_2018_PLAN, TOTAL, funding
from layers.memo import memoized_on_data
from layers.regularisation import PERMITS_ISSUED, residence_permits
from layers.stock import LATEST, latest_rows, months, r4v_vintage, stock_by_month

if TYPE_CHECKING:  # pandas, numpy: imported where used (a warm start needs none)
    import pandas as pd

# Class breaks (lower bounds) fixed across time so colours compare from one month to the next.
BREAKS = {
    "absolute": [0, 10_000, 50_000, 100_000, 250_000, 500_000, 1_000_000, 2_000_000],
    "per_1000": [0, 1, 5, 10, 25, 50, 100, 150],
    "permits": [0, 1_000, 5_000, 10_000, 25_000, 50_000, 75_000, 100_000],
    "funding": [0, 250_000, 500_000, 1_000_000, 2_000_000, 4_000_000, 8_000_000, 12_000_000],
    "funding_per_1000": [0, 5, 10, 25, 50, 100, 250, 500],
    # entries minus exits: three classes of net departures (the lowest published is -17,080), five of arrivals
    "balance": [-20_000, -5_000, -1_000, 0, 10_000, 50_000, 150_000, 500_000],
}
# ColorBrewer YlGnBu, 8 classes: sequential and safe for the common colour-vision deficiencies.
PALETTE = ["#ffffd9", "#edf8b1", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"]
# ColorBrewer PuOr, diverging at zero: oranges for more exits than entries, purples for more entries.
BALANCE_PALETTE = ["#b35806", "#f1a340", "#fee0b6", "#d8daeb", "#b2abd2", "#8073ac", "#542788", "#2d004b"]


SIDES = (("publisher", "url"), ("publisher_before", "url_before"), ("publisher_after", "url_after"))


def _sources(frame: pd.DataFrame) -> list[tuple[str, str]]:
    """Distinct (publisher, URL) pairs the rows cite, in first-seen order (rows: URLs filled with "")."""
    pairs = [pair for columns in SIDES for pair in zip(frame[columns[0]], frame[columns[1]], strict=True)]
    return list(dict.fromkeys((p, u) for p, u in pairs if isinstance(p, str) and p))


def _column(rows: pd.DataFrame, index: dict[tuple[str, str], int]) -> dict[str, list]:
    """One area's compact arrays over `rows` (one row per column; NaN value = no figure)."""
    present = rows["value"].notna().tolist()
    estimated = rows["estimated"].fillna(False).astype(bool)
    dates = rows["date"].where(~estimated, rows["date_before"] + "|" + rows["date_after"])

    def cited(row: pd.Series, side: int) -> str:
        publisher, url = SIDES[side]
        return str(index[(row[publisher], row[url])])

    sources = [
        (f"{cited(row, 1)}|{cited(row, 2)}" if e else cited(row, 0)) if ok else None
        for (_, row), e, ok in zip(rows.iterrows(), estimated, present, strict=True)
    ]
    return {
        "v": [round(v) if ok else None for v, ok in zip(rows["value"], present, strict=True)],
        "p": [round(v, 2) if ok else None for v, ok in zip(rows["per_1000"], present, strict=True)],
        "e": [int(e) if ok else None for e, ok in zip(estimated, present, strict=True)],
        "d": [d if ok else None for d, ok in zip(dates, present, strict=True)],
        "q": [q if ok and q else "" for q, ok in zip(rows["qualifier"].fillna(""), present, strict=True)],
        "s": sources,
    }


@memoized_on_data
def stock_matrix(directory: Path) -> dict:
    """R4V host-country stock per month as compact arrays: the browser animates without the server.

    `months`: every month from 2015-01 to the last country figure, then one virtual last column
    `latest` (the default view). `sources`: short source labels (the publisher: "R4V",
    "Migración Colombia") the `s` arrays point into; `source_urls[i]`: the page of `sources[i]`.
    For each ISO3 in `areas`, arrays as long as `months`:
    `v` absolute values, `p` per 1,000 inhabitants, `e` 1 when estimated, `d` the published
    date (or "before|after" dates when estimated), `q` qualifier, `s` source index ("i|j" when
    estimated). Months before a country's first figure or after its last hold null (nothing is
    extrapolated). In the `latest` column each area holds its latest main-series figure, `d` its
    reference date.
    `c[i]`: the index of the month column whose figure the latest view shows, set where month i
    has no figure because it comes after the area's last one, and in the `latest` column; null
    elsewhere. A tooltip can say "no figure for months[i]; latest figure d[c[i]]".
    `totals`: `lac` and `world` with `v` and `e`, `latest` column included.
    `latest`: `from` / `to` the oldest and newest month among the hosts' latest figures, `count`
    hosts with a latest figure, `vintage` the newest R4V update used (YYYY-MM).
    """
    import pandas as pd

    series = stock_by_month(directory)
    countries = series[series["scope"] == "country"]
    hosts = admin0_table(directory)
    countries = countries[countries["area"].isin(hosts.index[hosts["r4v_host"]])]
    countries = countries.fillna({url: "" for _, url in SIDES})
    all_months = months(directory)
    sources = _sources(countries)
    index = {source: i for i, source in enumerate(sources)}
    latest = latest_rows(directory).fillna({url: "" for _, url in SIDES}).set_index("area")
    areas = {}
    for iso, rows in countries.groupby("area"):
        rows = rows.set_index("month").reindex(all_months)
        last = all_months.index(latest.loc[iso, "month"])
        column = _column(pd.concat([rows, latest.loc[[iso]]], ignore_index=True), index)
        column["c"] = [last if i > last else None for i in range(len(all_months))] + [last]
        areas[iso] = column
    regional = series[series["area"].isin(["lac", "world"])]
    totals = {}
    for scope, rows in regional.groupby("area"):
        rows = pd.concat(
            [rows.set_index("month").reindex(all_months), latest.loc[[scope]]], ignore_index=True
        )
        totals[scope] = {
            "v": [None if pd.isna(v) else round(v) for v in rows["value"]],
            "e": rows["estimated"].fillna(False).astype(int).tolist(),
        }
    shown = latest.loc[list(areas), "month"]
    return {
        "months": [*all_months, LATEST],
        "areas": areas,
        "sources": [publisher for publisher, _ in sources],
        "source_urls": [url for _, url in sources],
        "totals": totals,
        "latest": {
            "from": shown.min(),
            "to": shown.max(),
            "count": len(shown),
            "vintage": r4v_vintage(directory),
        },
    }


@memoized_on_data
def second_measures(directory: Path) -> dict:
    """Measures for the second map: permits by year, IOM 2018 request, per 1,000, migratory balances.

    `balance`: Brazil's `cumulative` balance since January 2017 at each checkpoint, and `periods`
    (balances over a stated period), per ISO3 as in `_balance_figures`; the browser picks, for a
    month, the latest checkpoint up to it and the shortest period containing it.
    """
    population = admin0_table(directory)["pop_est"]
    permits = residence_permits(directory)
    issued = permits[(permits["measure"] == PERMITS_ISSUED) & permits["iso_a3"].isin(population.index)]
    by_year: dict[str, dict[str, int]] = {}
    for row in issued.itertuples():
        by_year.setdefault(row.date, {})[row.iso_a3] = int(row.value)
    rows = funding(directory)
    requested = rows[(rows["plan"] == IOM_2018_PLAN) & (rows["outcome"] == TOTAL)]
    names = iso_by_name(directory)
    iom = {
        names[e]: int(v) for e, v in zip(requested["entity"], requested["value"], strict=True) if e in names
    }
    per_1000 = {iso: round(v / population[iso] * 1000, 1) for iso, v in iom.items()}
    balances = {
        "cumulative": _balance_figures(cumulative_balance(directory)),
        "periods": _balance_figures(period_balances(directory)),
    }
    return {
        "permits": {"by_year": by_year, "source": issued["source"].iloc[0] if len(issued) else ""},
        "funding": {"values": iom, "source": requested["source"].iloc[0] if len(requested) else ""},
        "funding_per_1000": {
            "values": per_1000,
            "source": requested["source"].iloc[0] if len(requested) else "",
        },
        "balance": balances,
    }


def _balance_figures(rows: pd.DataFrame) -> dict[str, list[dict]]:
    """Per ISO3, each balance with its period (YYYY-MM-DD), `derived` flag and source title."""
    by_area: dict[str, list[dict]] = {}
    for row in rows.itertuples():
        by_area.setdefault(row.iso_a3, []).append(
            {
                "from": row.period_start,
                "to": row.period_end,
                "value": int(row.balance),
                "derived": bool(row.derived),
                "source": row.source_title,
            }
        )
    return by_area


def default_month(matrix: dict) -> str:
    """The view a page opens on: `latest`, each country at its latest figure."""
    return matrix["months"][-1]
