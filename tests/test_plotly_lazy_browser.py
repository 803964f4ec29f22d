"""Plotly stays off the first load (issue 14): it loads when a chart first comes near the viewport."""

import csv
import io
from urllib.request import urlopen

from playwright.sync_api import expect
from scrolling import scroll_to

# the library itself (window.Plotly is a stand-in that dcc.Graph waits on until then)
PLOTLY_LOADED = "() => !!(window.Plotly && window.Plotly.newPlot)"


def hosts_in(server, month: str) -> dict[str, str]:
    """Host countries (name by code) with a stock shown in `month`, from the map's CSV download."""
    with urlopen(f"{server.url}/export/map.csv?date={month}&lang=es") as response:
        rows = csv.DictReader(io.StringIO(response.read().decode("utf-8-sig")))
        return {row["iso_a3"]: row["country"] for row in rows}


def open_page(page, server, query: str):
    """The page at 1280x720 with its maps drawn and every request it makes on its own finished."""
    page.set_viewport_size({"width": 1280, "height": 720})
    scripts = []
    page.on("request", lambda request: request.resource_type == "script" and scripts.append(request.url))
    page.goto(f"{server.url}/?{query}")
    page.wait_for_selector("#map path.country-COL", state="attached")
    page.wait_for_load_state("networkidle")
    return scripts


def test_first_load_has_no_plotly_then_charts_draw_the_month_shown_when_scrolled_to(page, server):
    scripts = open_page(page, server, "lang=es&date=2019-09")
    assert [url for url in scripts if "plotly" in url.lower()] == []
    assert page.evaluate(PLOTLY_LOADED) is False
    assert page.locator(".js-plotly-plot").count() == 0
    page.locator("#next-month").click()  # a step before the charts are drawn
    expect(page.locator("#month-label")).to_have_text("oct 2019")

    scroll_to(page)
    bars = page.locator("#bar-chart .bars path")
    expect(bars.first).to_be_attached()
    assert page.evaluate(PLOTLY_LOADED) is True
    labels = page.locator("#bar-chart .ytick text").all_text_contents()
    assert "Colombia" in labels
    expect(page.locator("#bar-chart text.bartext", has_text="1.630.903")).to_have_count(1)  # COL 2019-10
    assert bars.count() == len(labels) == len(hosts_in(server, "2019-10"))
    expect(page.locator("#line-chart .lines path").first).to_be_attached()
    expect(page.locator("#line-chart .annotation-text", has_text="oct 2019")).to_have_count(1)


def test_selecting_a_country_draws_its_timeline(page, server):
    open_page(page, server, "lang=es")
    assert page.evaluate(PLOTLY_LOADED) is False
    page.fill("#country-search", "Colombia")
    page.keyboard.press("Enter")
    expect(page.locator("#country-timeline .scatterlayer .trace").first).to_be_attached()
    expect(page.locator("#country-timeline")).to_be_visible()
    assert page.evaluate(PLOTLY_LOADED) is True


def test_a_link_to_a_country_shows_its_timeline_at_once(page, server):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{server.url}/?lang=en&country=COL")
    expect(page.locator("#country-timeline .scatterlayer .trace").first).to_be_attached()
    assert page.evaluate(PLOTLY_LOADED) is True


def test_charts_drawn_out_of_view_catch_up_with_steps_taken_before_plotly_came(page, server):
    open_page(page, server, "lang=es&date=2019-09")
    page.locator("#next-month").click()  # the charts, out of view, leave this step for later
    expect(page.locator("#month-label")).to_have_text("oct 2019")
    page.fill("#country-search", "Colombia")
    page.keyboard.press("Enter")  # the panel's timeline brings Plotly: the charts draw out of view
    expect(page.locator("#country-timeline .scatterlayer .trace").first).to_be_attached()
    expect(page.locator("#bar-chart .bars path").first).to_be_attached()
    scroll_to(page)
    expect(page.locator("#bar-chart .gtitle")).to_have_text("Países de acogida, oct 2019")
    expect(page.locator("#bar-chart text.bartext", has_text="1.630.903")).to_have_count(1)
