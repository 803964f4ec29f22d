"""The browser colours the map with the class breaks and palette defined in Python (read from the page)."""

from __future__ import annotations

from bisect import bisect_right

from dashboard.map_style import COLOURS
from layers.choropleth import BREAKS, PALETTE, stock_matrix
from tests.datadir import SHIPPED_DATA


def rgb(hex_colour: str) -> str:
    """`#1d91c0` as the browser's computed `rgb(29, 145, 192)`."""
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def test_legend_and_country_fill_use_the_python_breaks_and_palette(page, server):
    page.goto(f"{server.url}/?lang=en&date=2019-10&metric=absolute")
    page.wait_for_selector("#map path.country-COL")
    swatches = page.locator("#map-legend .legend-bar .bar")
    page.wait_for_function("() => document.querySelectorAll('#map-legend .legend-bar .bar').length > 0")
    shown = swatches.evaluate_all("els => els.map(e => getComputedStyle(e).backgroundColor)")
    assert shown == [rgb(c) for c in PALETTE]
    assert page.locator("#map-legend .legend-ticks .tick").count() == len(BREAKS["absolute"])
    matrix = stock_matrix(SHIPPED_DATA)
    value = matrix["areas"]["COL"]["v"][matrix["months"].index("2019-10")]
    expected = PALETTE[bisect_right(BREAKS["absolute"], value) - 1]
    page.wait_for_function(
        "c => document.querySelector('#map path.country-COL').getAttribute('fill') === c", arg=expected
    )
    assert page.evaluate("() => window.corredores.config.breaks") == BREAKS


def test_a_country_without_a_figure_has_the_no_data_colour(page, server):
    page.goto(f"{server.url}/?lang=en&date=2021-08")
    page.wait_for_selector("#map path.country-USA", state="attached")
    fill = page.locator("#map path.country-USA").get_attribute("fill")
    pattern_base = "f => document.querySelector(f.slice(4, -1)).querySelector('rect').getAttribute('fill')"
    base = page.evaluate(pattern_base, fill)
    assert base == COLOURS["no_data"]
