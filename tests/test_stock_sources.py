"""Who the shipped stock figures cite: the primary publisher where one is known, never an avoided domain."""

from __future__ import annotations

import csv
import re
from collections import Counter

from datadir import SHIPPED_DATA

R4V = "figures/r4v_snapshots.csv"
ADDRESS = re.compile(r"https?://([^/\s;,()]+)")


def rows(name: str) -> list[dict]:
    """The records of a shipped CSV."""
    with (SHIPPED_DATA / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def cited_hosts(row: dict, *columns: str) -> set[str]:
    """Host names of every address in the given columns of a row, without `www.`."""
    text = " ".join(row[column] for column in columns)
    return {host.lower().removeprefix("www.") for host in ADDRESS.findall(text)}


def on(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def test_no_stock_or_snapshot_row_cites_an_avoid_listed_domain():
    never = [row["domain"] for row in rows("avoid_domains.csv") if row["rule"] == "avoid"]
    assert "noticiaslatam.lat" in never
    cited = [
        (name, number, host)
        for name, columns in (("figures/stock.csv", ("source", "url")), (R4V, ("source_url",)))
        for number, row in enumerate(rows(name), start=2)
        for host in cited_hosts(row, *columns)
        if any(on(host, domain) for domain in never)
    ]
    assert cited == []


def test_a_figure_r4v_published_for_that_month_is_attributed_to_r4v_unhcr_or_iom():
    """Where the R4V snapshots hold the same figure for the same area and month, the row credits R4V."""
    aggregates = {"world": "WLD", "lac": "LAC"}
    r4v = {(r["iso_a3"], r["reference_date"][:7], r["value"]) for r in rows(R4V)}
    same = [
        row
        for row in rows("figures/stock.csv")
        if (row["iso_a3"] or aggregates.get(row["scope"], ""), row["date"][:7], row["value"]) in r4v
    ]
    assert len(same) > 100
    assert Counter(row["publisher_kind"] for row in same) == {"r4v": len(same)}


def test_rows_by_publisher_kind_and_the_primary_page_of_the_four_million_release():
    stock = rows("figures/stock.csv")
    # the counts PROVENANCE.md (section 16) states: a change of attribution must be written there too
    assert Counter(row["publisher_kind"] for row in stock) == {"r4v": 172, "national": 45, "other": 18}
    four_million = ("world", "2019-06-07", "4000000")
    release = next(r for r in stock if (r["scope"], r["date"], r["value"]) == four_million)
    assert cited_hosts(release, "url") == {"unhcr.org"} and release["outlet"] == "UNHCR"
