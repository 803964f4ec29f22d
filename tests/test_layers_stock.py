"""The stock main-series rule (layers/stock.py docstring) on a hand-made file and on data/."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest
from datadir import FIXTURES, SHIPPED_DATA, append_row, broken_copy, read_rows

from layers.stock import main_series, months, other_figures, stock_by_month, stock_figures

STOCK = "figures/stock.csv"


@pytest.fixture(scope="module")
def rules(tmp_path_factory):
    """Shipped data with figures/stock.csv replaced by tests/data/stock_rules.csv."""
    directory = broken_copy(tmp_path_factory.mktemp("rules"))
    shutil.copyfile(FIXTURES / "stock_rules.csv", directory / STOCK)
    return directory


def value_at(series: pd.DataFrame, area: str, month: str) -> pd.Series:
    """The monthly row of one area and month."""
    rows = series[(series["area"] == area) & (series["month"] == month)]
    assert len(rows) == 1, (area, month, len(rows))
    return rows.iloc[0]


def chosen(main: pd.DataFrame, area: str) -> dict[str, int]:
    """Month -> value of one area's main series."""
    rows = main[main["area"] == area]
    return dict(zip(rows["month"], rows["value"], strict=True))


# --- the rule on a hand-made file ------------------------------------------------------------


def test_main_series_choices_on_hand_made_file(rules):
    main = main_series(rules)
    assert chosen(main, "GUY") == {
        "2018-12": 1100,  # same year-only precision: official (B) beats press (A)
        "2019-06": 4000,  # a day (D, press) beats a month (E, official): precision first
        "2019-12": 6500,  # exact (G) beats "about" (F)
        "2020-03": 7200,  # the later publication (I, a revision) beats the first release (H)
        "2020-06": 8000,  # full tie: first in file (J)
    }
    assert chosen(main, "PRY") == {"2014-12": 120, "2015-12": 240}
    assert chosen(main, "lac") == {"2019-06": 900_000, "2020-06": 1_000_000}


def test_narrower_measures_and_losing_rows_are_set_aside(rules):
    aside = other_figures(rules)
    assert sorted(aside["source"]) == [
        "A press year",
        "C census",
        "E official month",
        "F qualified",
        "H first release",
        "K second in file",
    ]
    assert "census" not in set(main_series(rules)["measure"])


def test_main_and_set_aside_rows_partition_the_file(rules):
    main, aside, every = main_series(rules), other_figures(rules), stock_figures(rules)
    assert len(main) + len(aside) == len(every) == 17
    assert set(main["row"]).isdisjoint(set(aside["row"]))


def test_interpolation_between_published_months(rules):
    series = stock_by_month(rules)
    march = value_at(series, "GUY", "2019-03")  # 3 of 6 months from 1,100 (Dec) to 4,000 (Jun)
    assert march["estimated"]
    assert march["value"] == pytest.approx(1100 + (4000 - 1100) * 3 / 6)  # not the census 2,000
    assert march["value_before"] == 1100 and march["value_after"] == 4000
    assert march["source_before"] == "B official year" and march["source_after"] == "D press day"
    assert value_at(series, "GUY", "2020-01")["value"] == pytest.approx(6500 + 700 / 3)
    assert value_at(series, "GUY", "2020-02")["value"] == pytest.approx(6500 + 1400 / 3)


def test_published_months_are_not_estimated(rules):
    series = stock_by_month(rules)
    for month, value in chosen(main_series(rules), "GUY").items():
        row = value_at(series, "GUY", month)
        assert not row["estimated"] and row["value"] == value
    assert value_at(series, "GUY", "2019-06")["source"] == "D press day"


def test_no_extrapolation_outside_published_months(rules):
    series = stock_by_month(rules)
    guyana = series[series["area"] == "GUY"]["month"]
    assert (guyana.min(), guyana.max(), len(guyana)) == ("2018-12", "2020-06", 19)
    suriname = series[series["area"] == "SUR"]["month"]
    assert (suriname.min(), suriname.max()) == ("2019-06", "2020-06")


def test_series_starts_in_january_2015(rules):
    paraguay = stock_by_month(rules)
    paraguay = paraguay[paraguay["area"] == "PRY"]
    assert paraguay["month"].min() == "2015-01"
    january = value_at(paraguay, "PRY", "2015-01")  # 1 of 12 months from 120 (Dec 2014) to 240
    assert january["estimated"] and january["value"] == pytest.approx(130)
    assert value_at(paraguay, "PRY", "2015-06")["value"] == pytest.approx(180)


def test_regional_total_comes_from_its_own_rows(rules):
    series = stock_by_month(rules)
    lac = value_at(series, "lac", "2019-12")
    assert lac["estimated"] and lac["value"] == pytest.approx(950_000)
    countries = series[(series["month"] == "2019-12") & series["area"].isin(["GUY", "SUR", "PRY"])]
    assert countries["value"].sum() != pytest.approx(lac["value"])
    assert pd.isna(lac["per_1000"])


def test_months_end_at_latest_country_month(rules):
    listed = months(rules)
    assert listed[0] == "2015-01" and listed[-1] == "2020-06"
    assert len(listed) == 66


def test_months_ignore_a_later_regional_figure(tmp_path):
    directory = broken_copy(tmp_path)
    shutil.copyfile(FIXTURES / "stock_rules.csv", directory / STOCK)
    append_row(
        directory / STOCK,
        {
            "country": "Latin America and the Caribbean",
            "date": "2021-03",
            "value": "1100000",
            "source": "R",
            "scope": "lac",
            "measure": "stock",
            "source_kind": "official",
        },
    )
    assert months(directory)[-1] == "2020-06"


# --- the shipped file, checked by hand -------------------------------------------------------


@pytest.fixture(scope="module")
def series():
    return stock_by_month(SHIPPED_DATA)


def shipped_rows() -> list[dict[str, str]]:
    rows = read_rows(SHIPPED_DATA / STOCK)
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def test_colombia_november_2019_is_the_midpoint_of_october_and_december(series):
    # figures/stock.csv: COL 2019-10-31 1,630,903 and 2019-12-31 1,771,000, nothing in November
    november = value_at(series, "COL", "2019-11")
    assert november["estimated"]
    assert november["value"] == pytest.approx((1_630_903 + 1_771_000) / 2)
    assert november["date_before"] == "2019-10-31" and november["date_after"] == "2019-12-31"
    assert value_at(series, "COL", "2019-10")["value"] == 1_630_903
    assert not value_at(series, "COL", "2019-12")["estimated"]


def test_colombia_2017_year_only_figure_sits_in_december_official_wins(series):
    # two year-only 2017 figures: IOM plan (official) 600,000 and Cactus24 (press) 403,702
    december = value_at(series, "COL", "2017-12")
    assert not december["estimated"] and december["value"] == 600_000
    aside = other_figures(SHIPPED_DATA)
    assert 403_702 in set(aside.loc[aside["iso_a3"] == "COL", "value"])


def test_colombia_2020_day_date_beats_year_only_official(series):
    # 2020-12-31 1,729,537 (press, day) against 2020 1,800,000 (EUROsociAL+, official, year only)
    assert value_at(series, "COL", "2020-12")["value"] == 1_729_537


def test_shipped_narrower_measures_are_all_set_aside():
    narrower = [r for r in shipped_rows() if r["measure"] != "stock"]
    assert len(narrower) == 10
    aside = other_figures(SHIPPED_DATA)
    assert set(aside["row"]) >= {2 + shipped_rows().index(r) for r in narrower}
    assert set(main_series(SHIPPED_DATA)["measure"]) == {"stock"}


def test_shipped_main_series_has_one_row_per_area_and_month():
    main = main_series(SHIPPED_DATA)
    assert not main.duplicated(["area", "month"]).any()
    assert len(main) + len(other_figures(SHIPPED_DATA)) == 235


def test_shipped_series_spans_first_to_last_published_month_per_country(series):
    by_area: dict[str, list[str]] = {}
    for r in shipped_rows():
        if r["measure"] == "stock" and r["scope"] == "country":
            month = r["date"] + "-12" if len(r["date"]) == 4 else r["date"][:7]
            by_area.setdefault(r["iso_a3"], []).append(month)
    for area, published in by_area.items():
        listed = series.loc[series["area"] == area, "month"]
        if max(published) < "2015-01":
            assert listed.empty
            continue
        assert listed.max() == max(published), area  # nothing extrapolated after
        assert listed.min() == max(min(published), "2015-01"), area
        assert len(listed) == len(set(listed))
    assert value_at(series, "COL", "2025-11")["value"] == 2_828_195


def test_shipped_lac_total_at_end_2023_is_the_rmrp_figure(series):
    # IOM RMRP 2024 appeal (seed 003): 6.53 M in Latin America and the Caribbean, 31 Dec 2023
    lac = value_at(series, "lac", "2023-12")
    assert not lac["estimated"] and lac["value"] == 6_530_000
    hosts = series[(series["month"] == "2023-12") & (series["area"].str.isupper())]
    assert hosts["value"].sum() != pytest.approx(6_530_000)


def test_per_1000_uses_pop_est_from_the_geojson(series):
    document = json.loads((SHIPPED_DATA / "boundaries/admin0.geojson").read_bytes())
    colombia = next(f for f in document["features"] if f["properties"]["iso_a3"] == "COL")
    pop_est = colombia["properties"]["pop_est"]
    november = value_at(series, "COL", "2019-11")
    expected = (1_630_903 + 1_771_000) / 2 / pop_est * 1000
    assert november["per_1000"] == pytest.approx(expected)
    assert november["pop_year"] == colombia["properties"]["pop_year"]
