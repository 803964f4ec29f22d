"""The stock main-series rule (layers/stock.py docstring) on a hand-made file and on data/."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest
from datadir import FIXTURES, SHIPPED_DATA, append_row, broken_copy, read_rows, write_rows

from layers.problems import DataError
from layers.stock import main_series, months, other_figures, published_figures, stock_by_month

STOCK = "figures/stock.csv"
R4V = "figures/r4v_snapshots.csv"


@pytest.fixture(scope="module")
def rules(tmp_path_factory):
    """Shipped data with the stock and R4V files replaced by tests/data/stock_rules.csv, r4v_rules.csv."""
    directory = broken_copy(tmp_path_factory.mktemp("rules"))
    shutil.copyfile(FIXTURES / "stock_rules.csv", directory / STOCK)
    shutil.copyfile(FIXTURES / "r4v_rules.csv", directory / R4V)
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
        "2018-06": 1000,  # national figure before the first R4V figure (N1)
        "2019-06": 3100,  # R4V: exact (B) beats rounded (A) in one month
        "2020-09": 4200,  # R4V: the later snapshot (E) revises the same reference month (D)
        "2021-08": 4500,  # national figure inside a 27-month R4V gap (N4)
        "2021-09": 4600,  # national: a day (N6) beats a month (N5)
        "2022-12": 6000,  # R4V at its reference month (G, dated 2022-12-05)
        "2024-06": 7000,  # press figure more than a year from any other (P2)
    }
    assert chosen(main, "PRY") == {"2014-12": 120, "2015-12": 240}
    assert chosen(main, "lac") == {
        "2019-06": 900_000,
        "2020-06": 950_000,
        "2021-11": 1_000_000,
        "2022-11": 1_100_000,
    }


def test_set_aside_rows_and_why(rules):
    aside = set(other_figures(rules)["source"])
    assert {"N2 census", "N8 year only"} <= aside  # another measure; a year without a month
    assert "N3 inside R4V cover" in aside  # R4V covers 2019-06..2020-06 (12 months)
    assert "https://r4v.example/c (R4V C)" in aside  # 3,100 again: a re-publication of June 2019
    assert "N7 re-publication" in aside  # 4,600 again
    assert "https://r4v.example/f (R4V F)" in aside  # flagged set_aside in the file
    assert "P1 within a year of R4V" in aside
    assert "census" not in set(main_series(rules)["measure"])


def test_year_only_dates_never_become_december_points(rules):
    series = stock_by_month(rules)
    december = value_at(series, "GUY", "2022-12")
    assert december["value"] == 6000 and december["source"].endswith("(R4V G)")
    assert not (main_series(rules)["date"].str.len() == 4).any()


def test_main_and_set_aside_rows_partition_the_files(rules):
    main, aside, every = main_series(rules), other_figures(rules), published_figures(rules)
    assert len(main) + len(aside) == len(every) == 16 + 9
    assert set(main["key"]).isdisjoint(set(aside["key"]))


def test_interpolation_between_published_months(rules):
    series = stock_by_month(rules)
    march = value_at(series, "GUY", "2019-03")  # 9 of 12 months from 1,000 (Jun 2018) to 3,100 (Jun 2019)
    assert march["estimated"]
    assert march["value"] == pytest.approx(1000 + (3100 - 1000) * 9 / 12)  # not the census 2,000
    assert march["value_before"] == 1000 and march["value_after"] == 3100
    assert (
        march["source_before"] == "N1 before first R4V"
        and march["source_after"] == "https://r4v.example/b (R4V B)"
    )


def test_published_months_are_not_estimated(rules):
    series = stock_by_month(rules)
    for month, value in chosen(main_series(rules), "GUY").items():
        row = value_at(series, "GUY", month)
        assert not row["estimated"] and row["value"] == value
    assert value_at(series, "GUY", "2021-09")["source"] == "N6 day"


def test_no_extrapolation_outside_published_months(rules):
    series = stock_by_month(rules)
    guyana = series[series["area"] == "GUY"]["month"]
    assert (guyana.min(), guyana.max(), len(guyana)) == ("2018-06", "2024-06", 73)
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
    assert lac["estimated"] and lac["value"] == pytest.approx(925_000)
    countries = series[(series["month"] == "2019-12") & series["area"].isin(["GUY", "SUR", "PRY"])]
    assert countries["value"].sum() != pytest.approx(lac["value"])
    assert pd.isna(lac["per_1000"])


def test_months_end_at_latest_country_month(rules):
    listed = months(rules)
    assert listed[0] == "2015-01" and listed[-1] == "2024-06"
    assert len(listed) == 9 * 12 + 6


def test_months_ignore_a_later_regional_figure(tmp_path):
    directory = broken_copy(tmp_path)
    shutil.copyfile(FIXTURES / "stock_rules.csv", directory / STOCK)
    shutil.copyfile(FIXTURES / "r4v_rules.csv", directory / R4V)
    append_row(
        directory / STOCK,
        {
            "country": "Latin America and the Caribbean",
            "date": "2026-03",
            "value": "1200000",
            "source": "R",
            "scope": "lac",
            "measure": "stock",
            "publisher": "Press",
            "publisher_kind": "other",
        },
    )
    assert months(directory)[-1] == "2024-06"


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


def test_issue_examples_no_longer_show_false_values(series):
    # Colombia 2022-07: 1,842,390 was the Aug 2021 figure re-published; Peru 2020-12: 830,000 a
    # year-only seed figure; Brazil 2019-06: 96,000 the Feb 2019 figure (the release says 168,000)
    assert value_at(series, "COL", "2022-07")["value"] != 1_842_390
    assert value_at(series, "COL", "2022-07")["estimated"]
    assert value_at(series, "PER", "2020-12")["value"] != 830_000
    assert value_at(series, "BRA", "2019-06")["value"] == 168_000
    aside = other_figures(SHIPPED_DATA)
    assert 830_000 in set(aside.loc[aside["area"] == "PER", "value"])  # still shown as another figure


def test_colombia_year_only_figures_are_other_figures(series):
    aside = other_figures(SHIPPED_DATA)
    assert {600_000, 403_702} <= set(aside.loc[aside["iso_a3"] == "COL", "value"])
    assert value_at(series, "COL", "2018-09")["value"] == 1_032_016  # national, before R4V's first
    assert series.loc[series["area"] == "COL", "month"].min() == "2018-09"


def test_shipped_narrower_measures_are_all_set_aside():
    narrower = [r for r in shipped_rows() if r["measure"] != "stock"]
    assert len(narrower) == 10
    aside = other_figures(SHIPPED_DATA)
    assert set(aside.loc[aside["file"] == STOCK, "row"]) >= {2 + shipped_rows().index(r) for r in narrower}
    assert set(main_series(SHIPPED_DATA)["measure"]) == {"stock"}


def test_shipped_main_series_has_one_row_per_area_and_month():
    main = main_series(SHIPPED_DATA)
    assert not main.duplicated(["area", "month"]).any()
    r4v_rows = len(read_rows(SHIPPED_DATA / R4V)) - 1
    assert len(main) + len(other_figures(SHIPPED_DATA)) == len(shipped_rows()) + r4v_rows


def test_shipped_series_spans_first_to_last_main_month_per_area(series):
    main = main_series(SHIPPED_DATA)
    for area, rows in main.groupby("area"):
        listed = series.loc[series["area"] == area, "month"]
        assert listed.max() == rows["month"].max(), area  # nothing extrapolated after
        assert listed.min() == max(rows["month"].min(), "2015-01"), area
    assert value_at(series, "COL", "2025-11")["value"] == 2_828_195


def test_shipped_lac_end_2023_is_between_r4v_figures(series):
    # the RMRP 2024 appeal's 6.53 M (31 Dec 2023) lies within a year of R4V's Aug 2023 figure
    lac = value_at(series, "lac", "2023-12")
    assert lac["estimated"] and lac["date_before"] == "2023-08" and lac["date_after"] == "2024-07"
    aside = other_figures(SHIPPED_DATA)
    assert 6_530_000 in set(aside.loc[aside["area"] == "lac", "value"])


def test_per_1000_uses_pop_est_from_the_geojson(series):
    document = json.loads((SHIPPED_DATA / "boundaries/admin0.geojson").read_bytes())
    colombia = next(f for f in document["features"] if f["properties"]["iso_a3"] == "COL")
    pop_est = colombia["properties"]["pop_est"]
    november = value_at(series, "COL", "2019-11")
    expected = (1_630_903 + 1_771_000) / 2 / pop_est * 1000
    assert november["per_1000"] == pytest.approx(expected)
    assert november["pop_year"] == colombia["properties"]["pop_year"]


# --- the main series against the R4V snapshot file, read here with csv ------------------------


def r4v_expected() -> dict[tuple[str, str], set[int]]:
    """(area, reference month) -> the values R4V gave there, leaving out flagged rows and re-publications."""
    rows = read_rows(SHIPPED_DATA / R4V)
    records = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    records = sorted((r for r in records if not r["set_aside"]), key=lambda r: r["reference_date"][:7])
    names = {"LAC": "lac", "WLD": "world"}
    seen: dict[str, set[int]] = {}
    expected: dict[tuple[str, str], set[int]] = {}
    for r in records:
        area, month, value = names.get(r["iso_a3"], r["iso_a3"]), r["reference_date"][:7], int(r["value"])
        earlier = seen.setdefault(area, set())
        if value in earlier and (area, month) not in expected:
            continue  # the same figure published again later keeps its first date
        earlier.add(value)
        expected.setdefault((area, month), set()).add(value)
    return expected


def test_main_series_equals_the_r4v_snapshots_at_their_reference_dates(series):
    expected = r4v_expected()
    assert len(expected) > 150
    for (area, month), values in expected.items():
        row = value_at(series, area, month)
        assert not row["estimated"], (area, month)
        assert row["value"] in values, (area, month, row["value"], values)
    # one value wherever the snapshots agree, and that is most of them
    assert sum(len(v) == 1 for v in expected.values()) > 0.9 * len(expected)


def test_every_row_set_aside_is_a_clear_error_not_a_crash(tmp_path):
    directory = broken_copy(tmp_path)
    for name in (STOCK, R4V):
        rows = read_rows(directory / name)
        column = rows[0].index("set_aside")
        for row in rows[1:]:
            row[column] = "checked by hand"
        write_rows(directory / name, rows)
    with pytest.raises(DataError) as raised:
        stock_by_month(directory)
    (problem,) = raised.value.problems
    assert (problem.file, problem.column) == (STOCK, "set_aside") and "main series" in problem.message
