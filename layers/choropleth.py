"""Values the browser needs to colour maps and draw charts, month by month, with no geometry."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from layers.boundaries import admin0
from layers.codes import iso_by_name
from layers.funding import IOM_2018_PLAN, TOTAL, funding
from layers.memo import memoized_on_data
from layers.regularisation import PERMITS_ISSUED, residence_permits
from layers.stock import months, stock_by_month

# Class breaks (lower bounds) fixed across time so colours compare from one month to the next.
BREAKS = {
    "absolute": [0, 10_000, 50_000, 100_000, 250_000, 500_000, 1_000_000, 2_000_000],
    "per_1000": [0, 1, 5, 10, 25, 50, 100, 150],
    "permits": [0, 1_000, 5_000, 10_000, 25_000, 50_000, 75_000, 100_000],
    "funding": [0, 250_000, 500_000, 1_000_000, 2_000_000, 4_000_000, 8_000_000, 12_000_000],
    "funding_per_1000": [0, 5, 10, 25, 50, 100, 250, 500],
}
# ColorBrewer YlGnBu, 8 classes: sequential and safe for the common colour-vision deficiencies.
PALETTE = ["#ffffd9", "#edf8b1", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"]


def _sources(frame: pd.DataFrame, columns: list[str]) -> list[str]:
    """Distinct non-empty sources used in the given columns, in first-seen order."""
    values = pd.concat([frame[c] for c in columns]).dropna()
    return list(dict.fromkeys(v for v in values if v))


@memoized_on_data
def stock_matrix(directory: Path) -> dict:
    """R4V host-country stock per month as compact arrays: the browser animates without the server.

    For each ISO3: `v` absolute values, `p` per 1,000 inhabitants, `e` 1 when estimated, `d` the
    published date (or "before|after" dates when estimated), `q` qualifier, `s` source index.
    Months before a country's first figure or after its last hold null.
    """
    series = stock_by_month(directory)
    countries = series[series["scope"] == "country"]
    hosts = admin0(directory)
    countries = countries[countries["area"].isin(hosts.index[hosts["r4v_host"]])]
    all_months = months(directory)
    sources = _sources(countries, ["source", "source_before", "source_after"])
    index = {source: i for i, source in enumerate(sources)}
    areas = {}
    for iso, rows in countries.groupby("area"):
        rows = rows.set_index("month").reindex(all_months)
        present = rows["value"].notna()
        estimated = rows["estimated"].fillna(False).astype(bool)
        dates = rows["date"].where(~estimated, rows["date_before"] + "|" + rows["date_after"])
        source = rows["source"].where(~estimated, rows["source_before"] + "|" + rows["source_after"])
        areas[iso] = {
            "v": [round(v) if ok else None for v, ok in zip(rows["value"], present, strict=True)],
            "p": [round(v, 2) if ok else None for v, ok in zip(rows["per_1000"], present, strict=True)],
            "e": [int(e) if ok else None for e, ok in zip(estimated, present, strict=True)],
            "d": [d if ok else None for d, ok in zip(dates, present, strict=True)],
            "q": [q if ok and q else "" for q, ok in zip(rows["qualifier"].fillna(""), present, strict=True)],
            "s": [
                "|".join(str(index[part]) for part in s.split("|")) if ok else None
                for s, ok in zip(source, present, strict=True)
            ],
        }
    regional = series[series["area"].isin(["lac", "world"])]
    totals = {
        scope: {
            "v": rows.set_index("month")["value"].reindex(all_months).round().astype("Int64").tolist(),
            "e": rows.set_index("month")["estimated"].reindex(all_months).fillna(False).astype(int).tolist(),
        }
        for scope, rows in regional.groupby("area")
    }
    for scope in totals.values():
        scope["v"] = [None if pd.isna(v) else int(v) for v in scope["v"]]
    return {"months": all_months, "areas": areas, "sources": sources, "totals": totals}


@memoized_on_data
def second_measures(directory: Path) -> dict:
    """Measures for the second map: permits granted by year, IOM 2018 request, and per 1,000."""
    population = admin0(directory)["pop_est"]
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
    return {
        "permits": {"by_year": by_year, "source": issued["source"].iloc[0] if len(issued) else ""},
        "funding": {"values": iom, "source": requested["source"].iloc[0] if len(requested) else ""},
        "funding_per_1000": {
            "values": per_1000,
            "source": requested["source"].iloc[0] if len(requested) else "",
        },
    }


def default_month(matrix: dict, share: float = 0.8) -> str:
    """The latest month where at least `share` of the best-covered month's countries have a value.

    Series end at different dates (some in 2023, most in 2024-2025), so the very last month
    would show only a handful of countries.
    """
    counts = [
        sum(area["v"][i] is not None for area in matrix["areas"].values())
        for i in range(len(matrix["months"]))
    ]
    enough = [i for i, n in enumerate(counts) if n >= share * max(counts)]
    return matrix["months"][enough[-1]]
