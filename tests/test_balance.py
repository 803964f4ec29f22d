"""Migratory balance: Brazil's cumulative series and period balances, published and derived told apart."""

import csv

from datadir import SHIPPED_DATA

from layers.balance import cumulative_balance, migratory_balance, period_balances


def rows():
    with open(SHIPPED_DATA / "figures/migratory_balance.csv", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_every_row_is_loaded():
    assert len(migratory_balance(SHIPPED_DATA)) == len(rows())


def test_brazil_cumulative_series_keeps_published_balances_and_flags_derived_ones():
    series = cumulative_balance(SHIPPED_DATA)
    printed = {
        r["period_end"]: int(r["balance"])
        for r in rows()
        if r["iso_a3"] == "BRA" and r["measure"] == "cumulative_balance" and r["balance"]
    }
    assert len(printed) >= 4
    published = series[~series["derived"]]
    assert dict(zip(published["period_end"], published["balance"], strict=True)) == printed
    derived = series[series["derived"]]
    assert len(derived) > 0
    assert (derived["balance"] == derived["entries"] - derived["exits"]).all()
    assert list(series["period_end"]) == sorted(series["period_end"])
    assert series["period_end"].iloc[-1] == max(printed)  # nothing after the last checkpoint


def test_period_balances_cover_peru_ecuador_chile_colombia_and_can_be_negative():
    balances = period_balances(SHIPPED_DATA)
    assert {"PER", "ECU", "CHL", "COL"} <= set(balances["iso_a3"])
    # Peru, 1 Sep - 23 Dec 2019: 21,292 entries and 38,372 exits (no balance printed)
    peru = balances[(balances["iso_a3"] == "PER") & (balances["period_end"] == "2019-12-23")].iloc[0]
    assert peru["derived"] and peru["balance"] == 21_292 - 38_372
    # Ecuador 2018-01..09: the balance the Ministerio del Interior printed, not recomputed
    ecuador = balances[(balances["iso_a3"] == "ECU") & (balances["period_end"] == "2018-09-30")].iloc[0]
    assert not ecuador["derived"] and ecuador["balance"] == 121_469


def test_brazil_timeline_shows_published_and_derived_balances_apart():
    from dashboard.pages.country import timeline_figure

    figure = timeline_figure(SHIPPED_DATA, "BRA", "2025-11", "en")
    traces = {trace.name: trace for trace in figure.data}
    published = traces["Migratory balance since 2017 · published"]
    derived = traces["Migratory balance since 2017 · derived: entries − exits"]
    printed = sorted(
        int(r["balance"]) for r in rows() if r["iso_a3"] == "BRA" and r["measure"] == "cumulative_balance"
    )
    assert sorted(published.y) == printed
    assert published.marker.symbol == "diamond" and derived.marker.symbol == "diamond-open"
    assert len(derived.y) > 0
