"""The main screen in headless Chromium: maps, time, layers and linked selection."""

import re

from playwright.sync_api import expect
from scrolling import scroll_to

HIGHLIGHT = "#d95f02"


def open_dashboard(page, server, query="lang=en"):
    page.goto(f"{server.url}/?{query}")
    page.wait_for_selector("#map path.country-COL", state="attached")
    scroll_to(page)  # the charts draw when they come near the view
    page.wait_for_selector("#bar-chart .bars path")


def fill_of(page, selector):
    return page.locator(selector).first.get_attribute("fill")


def test_page_loads_without_errors_or_outside_requests(watched_page, server):
    open_dashboard(watched_page, server)
    watched_page.wait_for_selector("#line-chart .lines path")
    watched_page.wait_for_load_state("networkidle")  # every request the page makes has finished
    assert watched_page.console_errors == []
    assert watched_page.outside_requests == []


def test_stepping_the_month_changes_colombias_fill(watched_page, server):
    open_dashboard(watched_page, server, "lang=en&date=2021-02")  # about 1.7 million
    before = fill_of(watched_page, "#map path.country-COL")
    for _ in range(18):
        watched_page.click("#next-month")
    expect(watched_page.locator("#month-label")).to_have_text("Aug 2022")  # 2.48 million (R4V)
    after = fill_of(watched_page, "#map path.country-COL")
    assert before != after


def test_arrow_keys_step_one_month(watched_page, server):
    open_dashboard(watched_page, server, "lang=en&date=2020-05")
    watched_page.locator("h1").click()
    watched_page.keyboard.press("ArrowRight")
    expect(watched_page.locator("#month-label")).to_have_text("Jun 2020")
    watched_page.keyboard.press("ArrowLeft")
    watched_page.keyboard.press("ArrowLeft")
    expect(watched_page.locator("#month-label")).to_have_text("Apr 2020")


def test_country_tooltip_names_value_date_and_source(watched_page, server):
    open_dashboard(watched_page, server, "lang=en&date=2019-10")
    watched_page.locator("#map path.country-COL").hover(force=True)
    tooltip = watched_page.locator(".country-tooltip")
    expect(tooltip).to_contain_text("Colombia")
    expect(tooltip).to_contain_text("1,630,903")  # Migración Colombia, 31 Oct 2019, in data/figures/stock.csv
    expect(tooltip).to_contain_text("Source")


def test_estimated_month_tooltip_names_both_published_dates(watched_page, server):
    open_dashboard(watched_page, server, "lang=en&date=2019-11")
    watched_page.locator("#map path.country-COL").hover(force=True)
    expect(watched_page.locator(".country-tooltip")).to_contain_text(
        "estimated between figures of Oct 31, 2019 and Dec 31, 2019"
    )


def test_toggling_entry_points_hides_them(watched_page, server):
    open_dashboard(watched_page, server)
    markers = watched_page.locator("#map :is(.crossing-icon, .crossing-badge)")  # one, or several in a badge
    expect(watched_page.locator("#map :is(.crossing-icon, .crossing-badge):visible").first).to_be_visible()
    watched_page.locator("#map .leaflet-control-layers").hover()
    watched_page.get_by_label("Entry points").uncheck()
    expect(markers).to_have_count(0)


def test_clicking_peru_in_the_bar_chart_highlights_it_on_both_maps(watched_page, server):
    open_dashboard(watched_page, server, "lang=en&date=2021-11")
    bars = watched_page.locator("#bar-chart .bars path")
    labels = watched_page.locator("#bar-chart .ytick text").all_text_contents()
    # bars and tick labels are listed bottom-up in the same order
    bars.nth(labels.index("Peru")).click(force=True)
    expect(watched_page.locator("#selection-label")).to_have_text("Selected: Peru")
    for map_id in ("#map", "#second-map"):
        expect(watched_page.locator(f"{map_id} path.country-PER")).to_have_attribute("stroke", HIGHLIGHT)
    expect(watched_page).to_have_url(re.compile(r"country=PER"))
    watched_page.keyboard.press("Escape")
    expect(watched_page.locator("#selection-label")).to_contain_text("No country selected")
