"""Estimates keep their class colour under a hatch, as the legend shows; "no figure" is not "low"."""

from __future__ import annotations

from bisect import bisect_right

from playwright.sync_api import expect

from layers.choropleth import BREAKS, PALETTE, stock_matrix
from tests.datadir import SHIPPED_DATA

MONTH = "2019-10"  # Colombia published (Migración Colombia), most hosts estimated between R4V updates
PAINT = """(sel) => { const path = document.querySelector(sel); const fill = path.getAttribute('fill');
  const pattern = fill.startsWith('url(#') ? document.querySelector(fill.slice(4, -1)) : null;
  return {fill, opacity: path.getAttribute('fill-opacity'),
          base: pattern && pattern.querySelector('rect').getAttribute('fill'),
          marks: pattern ? pattern.querySelectorAll('path, circle').length : 0}; }"""


def hosts_at(month: str) -> tuple[dict[str, int], dict[str, int]]:
    """Estimated and published hosts at a month, with their class index (from the data and BREAKS)."""
    matrix = stock_matrix(SHIPPED_DATA)
    i = matrix["months"].index(month)
    estimated, published = {}, {}
    for iso, area in matrix["areas"].items():
        if area["v"][i] is not None:
            target = estimated if area["e"][i] == 1 else published
            target[iso] = bisect_right(BREAKS["absolute"], area["v"][i]) - 1
    return estimated, published


def test_estimated_countries_are_hatched_over_their_class_colour(page, server):
    estimated, published = hosts_at(MONTH)
    assert estimated and published
    page.goto(f"{server.url}/?lang=en&date={MONTH}&metric=absolute")
    page.wait_for_selector("#map path.country-COL", state="attached")
    iso = next(iter(published))
    page.wait_for_function(
        "([sel, c]) => document.querySelector(sel).getAttribute('fill') === c",
        arg=[f"#map path.country-{iso}", PALETTE[published[iso]]],
    )
    plain = page.evaluate(PAINT, f"#map path.country-{iso}")
    for iso, klass in estimated.items():
        paint = page.evaluate(PAINT, f"#map path.country-{iso}")
        assert paint["base"] == PALETTE[klass], (iso, paint)
        assert paint["marks"] > 0 and paint["opacity"] == plain["opacity"], (iso, paint)
    legend_key = page.locator("#map-legend .swatch.estimated")
    assert "stroke" in legend_key.evaluate("e => decodeURIComponent(getComputedStyle(e).backgroundImage)")


def test_every_class_break_is_labelled(page, server):
    page.goto(f"{server.url}/?lang=en&date={MONTH}")
    ticks = page.locator("#map-legend .legend-ticks .tick")
    expect(ticks).to_have_count(len(BREAKS["absolute"]))
    texts = ticks.all_text_contents()
    assert all(text.strip() for text in texts) and len(set(texts)) == len(texts), texts


def test_no_figure_is_dotted_and_differs_from_the_lowest_class(page, server):
    page.goto(f"{server.url}/?lang=en&date={MONTH}")
    page.wait_for_selector("#map path.country-USA", state="attached")
    paint = page.evaluate(PAINT, "#map path.country-USA")
    assert paint["base"] and paint["base"] != PALETTE[0] and paint["marks"] > 0, paint
    swatch = page.locator("#map-legend .swatch.nodata")
    assert "circle" in swatch.evaluate("e => decodeURIComponent(getComputedStyle(e).backgroundImage)")
