"""The country timeline credits each figure by publisher and outlet, never by a raw page address."""

from __future__ import annotations

import csv
import json

import pytest
from datadir import SHIPPED_DATA

from dashboard.pages.country import timeline_figure


def stock_hover_texts(iso: str, lang: str) -> list[str]:
    """Every credit line the stock markers of a country's timeline show on hover."""
    figure = timeline_figure(SHIPPED_DATA, iso, "2025-11", lang)
    markers = [trace for trace in figure.data if trace.type == "scatter" and trace.mode == "markers"]
    assert markers
    return [str(point[1]) for trace in markers for point in trace.customdata]


@pytest.mark.parametrize(
    ("lang", "printed_by"), [("es", "publicado por"), ("en", "printed by"), ("pt", "publicado por")]
)
def test_peru_figures_are_credited_to_r4v_and_the_outlet_that_printed_them(lang, printed_by):
    with (SHIPPED_DATA / "figures" / "r4v_snapshots.csv").open(encoding="utf-8") as handle:
        latest = max((r for r in csv.DictReader(handle) if r["iso_a3"] == "PER"), key=lambda r: r["snapshot"])
    outlet = latest["source_title"].split(":")[0]
    texts = stock_hover_texts("PER", lang)
    assert f"R4V, {printed_by} {outlet}" in texts
    assert not [text for text in texts if "http" in text or "www." in text]


def test_hover_dates_and_measures_are_written_in_the_page_language():
    figure = timeline_figure(SHIPPED_DATA, "PER", "2025-11", "es")
    markers = {
        trace.name: trace.customdata
        for trace in figure.data
        if trace.type == "scatter" and trace.mode == "markers"
    }
    shown_dates = [str(point[0]) for points in markers.values() for point in points]
    assert "nov 2025" in shown_dates and not [d for d in shown_dates if d[:4].isdigit() and "-" in d]
    others = markers["otras cifras publicadas (fuera de la serie principal)"]
    package = json.loads((SHIPPED_DATA / "datapackage.json").read_text(encoding="utf-8"))
    stock = next(r for r in package["resources"] if r["name"] == "stock")
    codes = next(f for f in stock["schema"]["fields"] if f["name"] == "measure")["constraints"]["enum"]
    shown = {str(point[2]) for point in others}
    assert "total presente (medida de R4V)" in shown and not shown & set(codes)
