"""What one view of the map shows, as rows and facts: for downloads, image exports and "cite this".

Every function reads the monthly series of `layers.stock`, so a download, an image and a citation
of the same month always carry the same numbers, dates and sources as the map.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from layers.boundaries import admin0_table
from layers.stock import main_series, rows_at, stock_by_month

if TYPE_CHECKING:  # pandas, numpy: imported where used (a warm start needs none)
    import pandas as pd

REGION = "lac"
R4V_MARK = "R4V"
MAP_COLUMNS = [
    "month",
    "metric",
    "iso_a3",
    "value",
    "people",
    "per_1000",
    "estimated",
    "reference_date",
    "date_before",
    "date_after",
    "qualifier",
    "source",
    "source_before",
    "source_after",
    "publisher",
    "url",
    "pop_est",
    "pop_year",
]


def host_codes(directory: str | Path | None) -> list[str]:
    """ISO3 codes of the R4V host countries, the countries the map colours."""
    countries = admin0_table(directory)
    return list(countries.index[countries["r4v_host"]])


def map_rows(directory: str | Path | None, month: str, metric: str) -> pd.DataFrame:
    """One row per host country with a value at `month` (or `latest`): the value shown, its dates, sources.

    `value` is the measure on screen (`people` or `per_1000`); estimated rows leave
    `reference_date` empty and name the bracketing published figures instead.
    """
    import pandas as pd

    rows = rows_at(directory, month)
    rows = rows[rows["area"].isin(host_codes(directory))]
    rows = rows.sort_values("value", ascending=False)
    table = pd.DataFrame(
        {
            "month": month,
            "metric": metric,
            "iso_a3": rows["area"],
            "people": rows["value"].round().astype("int64"),
            **_reference_columns(rows),
            "pop_est": rows["pop_est"].astype("Int64"),
            "pop_year": rows["pop_year"].astype("Int64"),
        }
    )
    table["value"] = table["per_1000"] if metric == "per_1000" else table["people"]
    return table[MAP_COLUMNS].reset_index(drop=True)


def _reference_columns(rows: pd.DataFrame) -> dict[str, pd.Series]:
    """Per 1,000, the estimated flag and where each value comes from (one or two published figures)."""
    columns = {"per_1000": rows["per_1000"].round(2), "estimated": rows["estimated"].astype(bool)}
    names = {"reference_date": "date", "date_before": "date_before", "date_after": "date_after"}
    names |= {
        name: name for name in ("qualifier", "source", "source_before", "source_after", "publisher", "url")
    }
    columns |= {column: rows[source].fillna("") for column, source in names.items()}
    return columns


def series_rows(directory: str | Path | None) -> pd.DataFrame:
    """The data of the charts: every host country's monthly series plus the regional total."""
    import pandas as pd

    series = stock_by_month(directory)
    rows = series[series["area"].isin([*host_codes(directory), REGION])]
    table = pd.DataFrame(
        {
            "month": rows["month"],
            "area": rows["area"],
            "people": rows["value"].round().astype("int64"),
            **_reference_columns(rows),
        }
    )
    return table.sort_values(["area", "month"]).reset_index(drop=True)


def _reference(directory: str | Path | None, area: str, date: str, source: str) -> dict[str, str]:
    """When and where (the outlet carrying it) the main-series row with this date and source was published."""
    import pandas as pd

    rows = main_series(directory)
    match = rows[(rows["area"] == area) & (rows["date"] == date) & (rows["source"] == source)]
    if match.empty:
        return {"published": "", "outlet": ""}
    row = match.iloc[0]
    return {name: str(row[name]) if pd.notna(row[name]) else "" for name in ("published", "outlet")}


def cite_facts(directory: str | Path | None, month: str, area: str | None) -> dict | None:
    """The figure a citation of `month` names: a host country's, or the regional total when `area` is None.

    Returns None when no published figure covers the month. Estimated months carry both bracketing
    figures (`before`, `after`: value, date, source, url, published, outlet). `source` is the short
    label (the publisher, "R4V"), `outlet` who carried it, `url` the page; `links` lists each cited
    (label, url) once. For `latest`, `month` is the month of the area's latest figure.
    """
    area = area or REGION
    rows = rows_at(directory, month)
    rows = rows[rows["area"] == area]
    if rows.empty:
        return None
    row = rows.iloc[0]
    facts = {
        "area": area,
        "region": area == REGION,
        "month": str(row["month"]),
        "value": float(row["value"]),
        "estimated": bool(row["estimated"]),
        "qualifier": "" if row["estimated"] else str(row["qualifier"] or ""),
        "date": "" if row["estimated"] else str(row["date"]),
        "source": "" if row["estimated"] else str(row["publisher"]),
        "url": "" if row["estimated"] else str(row["url"]),
        "published": "",
        "outlet": "",
        "before": None,
        "after": None,
    }
    if row["estimated"]:
        for side in ("before", "after"):
            date = str(row[f"date_{side}"])
            facts[side] = {
                "value": float(row[f"value_{side}"]),
                "date": date,
                "source": str(row[f"publisher_{side}"]),
                "url": str(row[f"url_{side}"]),
                **_reference(directory, area, date, str(row[f"source_{side}"])),
            }
        cited = [facts["before"], facts["after"]]
    else:
        facts |= _reference(directory, area, facts["date"], str(row["source"]))
        cited = [facts]
    facts["sources"] = list(dict.fromkeys(side["source"] for side in cited))
    facts["links"] = list(dict.fromkeys((side["source"], side["url"]) for side in cited if side["url"]))
    return facts


def r4v_licence_applies(sources: list[str]) -> bool:
    """True when an R4V figure is among the sources: its CC BY 4.0 licence must then be named."""
    return any(R4V_MARK in source for source in sources)
