"""What play leaves undone per step is done when it is seen: charts out of view catch up when they
come into view, and the map's shapes restyled in place show the month, the selection and tooltips."""

import re

from playwright.sync_api import expect
from scrolling import scroll_to

HIGHLIGHT = "#d95f02"


def open_dashboard(page, server, query):
    page.goto(f"{server.url}/?{query}")
    page.wait_for_selector("#map path.country-COL", state="attached")
    scroll_to(page)  # the charts draw when they come near the view
    page.wait_for_selector("#bar-chart .bars path", state="attached")


def test_a_chart_out_of_view_shows_the_month_on_screen_once_scrolled_to(watched_page, server):
    watched_page.set_viewport_size({"width": 1280, "height": 720})
    open_dashboard(watched_page, server, "lang=en&date=2019-09")
    watched_page.evaluate("window.scrollTo(0, 0)")
    chart = watched_page.locator("#bar-chart")
    assert chart.bounding_box()["y"] > 720 + 100  # below the fold (and the margin charts.js draws ahead)
    for _ in range(2):
        watched_page.locator("#next-month").click()
    expect(watched_page.locator("#month-label")).to_have_text("Nov 2019")
    chart.scroll_into_view_if_needed()
    expect(chart.locator(".gtitle")).to_have_text("Host countries, Nov 2019")
    expect(watched_page.locator("#line-chart .annotation-text").first).to_have_text("Nov 2019")
    assert watched_page.console_errors == []


def test_shapes_restyled_in_place_keep_the_selection_and_show_the_month(watched_page, server):
    open_dashboard(watched_page, server, "lang=en&date=2019-10&country=COL")
    colombia = watched_page.locator("#map path.country-COL")
    expect(colombia).to_have_attribute("stroke", HIGHLIGHT)
    assert colombia.get_attribute("fill").startswith("#")  # Oct 2019: a published figure, solid
    watched_page.locator("#next-month").click()
    expect(watched_page.locator("#month-label")).to_have_text("Nov 2019")
    expect(colombia).to_have_attribute("fill", re.compile(r"url\(#corredores-hatch-\d+\)"))  # an estimate
    expect(colombia).to_have_attribute("stroke", HIGHLIGHT)  # the selection survives the step
    expect(colombia).to_have_count(1)  # no shape drawn twice
    assert watched_page.console_errors == []


def test_a_tooltip_after_a_step_tells_the_month_on_screen(watched_page, server):
    open_dashboard(watched_page, server, "lang=en&date=2019-10")
    watched_page.locator("#next-month").click()
    expect(watched_page.locator("#month-label")).to_have_text("Nov 2019")
    watched_page.locator("#map path.country-COL").hover(force=True)  # Nov 2019: between two figures
    expect(watched_page.locator(".country-tooltip")).to_contain_text("Oct 31, 2019 and Dec 31, 2019")
