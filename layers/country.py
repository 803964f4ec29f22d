"""Everything one host country's panel shows, assembled from the validated layers.

Each function is pure over the data directory and an ISO3 code, so the panel can be tested
without a browser and cached per (snapshot, country).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from layers.boundaries import admin0_table, admin1
from layers.entry_points import entry_points
from layers.funding import IOM_2018_PLAN, OUTCOMES, TOTAL, funding, iom_2018_by_outcome
from layers.memo import memoized_on_data
from layers.profiles import country_profiles
from layers.regularisation import PERMITS_ISSUED, regularisation_mechanisms, residence_permits
from layers.services import services
from layers.stock import main_series, month_of, other_figures, resolve_month, stock_by_month

if TYPE_CHECKING:  # heavy libraries, imported where used (a warm start needs none)
    import geopandas as gpd
    import pandas as pd


IOM_2018_TOTAL_ENTITY = "TOTAL"
RMRP = "RMRP"


def english_name(directory: str | Path | None, iso: str) -> str:
    """The admin-0 English name, which is also how funding tables name a country."""
    return str(admin0_table(directory).loc[iso, "name"])


def stock_history(directory: str | Path | None, iso: str) -> dict[str, pd.DataFrame]:
    """Monthly values, the published figures chosen, and the other published figures."""
    return _stock_histories(directory).get(iso) or _stock_histories(directory)[None]


@memoized_on_data
def _stock_histories(directory: Path) -> dict[str | None, dict[str, pd.DataFrame]]:
    """`stock_history` of every area, split once per data snapshot (a click reads one, never filters);
    under None, the empty history of an area without figures."""
    frames = {
        "monthly": stock_by_month(directory),
        "published": main_series(directory),
        "others": other_figures(directory),
    }
    by_area = {name: dict(tuple(frame.groupby("area", sort=False))) for name, frame in frames.items()}
    areas = set().union(*by_area.values())
    return {
        area: {
            name: by_area[name].get(area, frame.iloc[:0]).reset_index(drop=True)
            for name, frame in frames.items()
        }
        for area in [*areas, None]
    }


def headline(directory: str | Path | None, iso: str, month: str) -> dict | None:
    """The value at `month` with its reference, and the change since the previous published figure."""
    import numpy as np

    history = stock_history(directory, iso)
    month = resolve_month(directory, iso, month)
    # positions, then single rows: a click reads two or three rows, it never filters whole frames
    at_month = np.flatnonzero(history["monthly"]["month"].to_numpy() == month)
    if not len(at_month):
        return None
    row = history["monthly"].iloc[at_month[0]]
    published = history["published"]
    months = published["month"].to_numpy()
    cutoff = month_of(row["date_before"]) if row["estimated"] else month
    earlier = np.flatnonzero(months <= cutoff if row["estimated"] else months < cutoff)
    reference = published.iloc[np.flatnonzero(months == month)[0]] if not row["estimated"] else None
    previous = published.iloc[earlier[-1]] if len(earlier) else None
    current_value = float(row["value"]) if row["estimated"] else float(reference["value"])
    return {
        "month": month,
        "value": current_value,
        "estimated": bool(row["estimated"]),
        "qualifier": "" if row["estimated"] else reference["qualifier"],
        "date": None if row["estimated"] else reference["date"],
        "source": None if row["estimated"] else reference["source"],
        "date_before": row["date_before"] if row["estimated"] else None,
        "date_after": row["date_after"] if row["estimated"] else None,
        "sources": [row["source_before"], row["source_after"]] if row["estimated"] else [reference["source"]],
        "previous_value": None if previous is None else float(previous["value"]),
        "previous_date": None if previous is None else previous["date"],
        "change": None if previous is None else current_value - float(previous["value"]),
        "per_1000": float(row["per_1000"]),
    }


def permits_per_year(directory: str | Path | None, iso: str) -> pd.DataFrame:
    """Residence permits issued per year (2015-2017 from the IOM 2018 plan; later where published)."""
    permits = residence_permits(directory)
    rows = permits[(permits["iso_a3"] == iso) & (permits["measure"] == PERMITS_ISSUED)]
    return rows[["date", "value", "source"]].sort_values("date").reset_index(drop=True)


def other_regularisation_figures(directory: str | Path | None, iso: str) -> pd.DataFrame:
    """Regularisation counts other than yearly permits (PEP, PTP, PPT, refugee recognitions)."""
    permits = residence_permits(directory)
    rows = permits[(permits["iso_a3"] == iso) & (permits["measure"] != PERMITS_ISSUED)]
    return rows[["date", "measure", "value", "source", "note"]].reset_index(drop=True)


def mechanisms(directory: str | Path | None, iso: str) -> pd.DataFrame:
    """The country's regularisation mechanisms, oldest first."""
    rows = regularisation_mechanisms(directory)
    return rows[rows["iso_a3"] == iso].sort_values("launched_month", kind="stable").reset_index(drop=True)


def funding_by_outcome(directory: str | Path | None, iso: str) -> dict | None:
    """The IOM 2018 request for the country's office by outcome, with shares and share of the total."""
    table = iom_2018_by_outcome(directory).set_index("entity")
    name = english_name(directory, iso)
    if name not in table.index:
        return None
    row = table.loc[name]
    grand_total = (
        int(table.loc[IOM_2018_TOTAL_ENTITY, TOTAL]) if IOM_2018_TOTAL_ENTITY in table.index else None
    )
    total = int(row[TOTAL])
    outcomes = [
        {"outcome": outcome, "value": int(row[outcome]), "share": (row[outcome] / total) if total else 0.0}
        for outcome in OUTCOMES
    ]
    return {
        "entity": name,
        "outcomes": outcomes,
        "total": total,
        "plan_total": grand_total,
        "share_of_plan": total / grand_total if grand_total else None,
        "source": _iom_source(directory),
    }


def _iom_source(directory: str | Path | None) -> str:
    rows = funding(directory)
    return str(rows.loc[rows["plan"] == IOM_2018_PLAN, "source"].iloc[0])


def rmrp_requirements(directory: str | Path | None, iso: str) -> pd.DataFrame:
    """RMRP requirements (and received amounts where published) per year for the country."""
    rows = funding(directory)
    name = english_name(directory, iso)
    mine = rows[(rows["plan"] == RMRP) & (rows["entity"] == name)]
    return (
        mine[["year", "measure", "value", "unit", "source", "note"]]
        .sort_values("year")
        .reset_index(drop=True)
    )


def on_the_ground(directory: str | Path | None, iso: str) -> dict:
    """Entry points (crossing, side_place) and services by kind in the country, what is counted per
    admin-1 unit ("services", else "entry_points") and the count of every unit (most first)."""
    import pandas as pd

    ground = ground_tallies(directory).get(iso, EMPTY_GROUND)
    return {
        "entry_points": pd.DataFrame(ground["entry_points"], columns=["crossing", "side_place"]),
        "by_kind": pd.DataFrame(ground["by_kind"], columns=["kind", "count"]),
        "per_admin1": pd.DataFrame(ground["per_admin1"], columns=["iso_3166_2", "name", "count"]),
        "counted": ground["counted"],
    }


EMPTY_GROUND = {"entry_points": [], "by_kind": [], "per_admin1": [], "counted": "entry_points"}


@memoized_on_data
def ground_tallies(directory: Path) -> dict[str, dict]:
    """`on_the_ground` of every country as plain lists: kept on disk with the snapshot, so a warm
    worker builds a country's panel and shades its states without geopandas or the geometry."""
    units = admin1(directory)
    located_services = services(directory)
    points = entry_points(directory)
    tallies = {}
    for iso in admin0_table(directory).index:
        crossings = points[points["iso_a3"] == iso]
        mine = located_services[located_services["iso_a3"] == iso]
        counted, what = (mine, "services") if len(mine) else (crossings, "entry_points")
        per_unit = _count_per_unit(counted, units[units["parent_iso_a3"] == iso])
        tallies[iso] = {
            "entry_points": list(zip(crossings["crossing"], crossings["side_place"], strict=True)),
            "by_kind": [(kind, int(count)) for kind, count in mine["kind"].value_counts().items()],
            "per_admin1": [
                (code, name, int(count)) for code, name, count in per_unit.itertuples(index=False)
            ],
            "counted": what,
        }
    return tallies


def _count_per_unit(points: gpd.GeoDataFrame, units: gpd.GeoDataFrame) -> pd.DataFrame:
    """How many points fall in each admin-1 unit (every unit listed, zeros included)."""
    import geopandas as gpd

    located = points[points.geometry.notna()]
    joined = gpd.sjoin(
        located[["geometry"]], units[["iso_3166_2", "geometry"]], how="inner", predicate="within"
    )
    counts = joined["iso_3166_2"].value_counts()
    table = units[["iso_3166_2", "name"]].copy()
    table["count"] = table["iso_3166_2"].map(counts).fillna(0).astype(int)
    return table.sort_values(["count", "name"], ascending=[False, True]).reset_index(drop=True)


def profile(directory: str | Path | None, iso: str, lang: str) -> dict[str, list[str]]:
    """Key challenges and government response phrases in the UI language, with their source."""
    rows = country_profiles(directory)
    mine = rows[rows["iso_a3"] == iso]
    text = f"text_{lang}" if f"text_{lang}" in mine.columns else "text_en"
    return {
        "challenge": list(mine.loc[mine["kind"] == "challenge", text]),
        "government_response": list(mine.loc[mine["kind"] == "government_response", text]),
        "source": list(dict.fromkeys(mine["source"])),
    }
