"""Journalist tools in headless Chromium: downloads follow the view, image export, cite this, methods."""

import csv
import io
import re
from pathlib import Path

from playwright.sync_api import expect


def open_dashboard(page, server, query="lang=en&date=2019-10"):
    page.goto(f"{server.url}/?{query}")
    page.wait_for_selector("#map path.country-COL", state="attached")
    page.wait_for_selector("#journalist-tools")


def open_group(page, name):
    page.locator("#journalist-tools summary", has_text=name).click()


def test_map_csv_download_contains_the_figures_shown_with_sources(watched_page, server):
    open_dashboard(watched_page, server)
    open_group(watched_page, "Download data")
    with watched_page.expect_download() as info:
        watched_page.locator("#download-map-csv").click()
    text = Path(info.value.path()).read_text(encoding="utf-8-sig")
    rows = {r["iso_a3"]: r for r in csv.DictReader(io.StringIO(text))}
    assert rows["COL"]["value"] == "1630903"  # the tooltip and bar chart show 1,630,903 for Oct 2019
    assert rows["COL"]["reference_date"] == "2019-10-31"
    assert all(r["source"] or r["source_before"] for r in rows.values())
    assert watched_page.console_errors == []
    assert watched_page.outside_requests == []


def test_download_links_follow_the_month_and_selection(watched_page, server):
    open_dashboard(watched_page, server)
    watched_page.click("#next-month")
    expect(watched_page.locator("#download-map-csv")).to_have_attribute("href", re.compile(r"date=2019-11"))
    expect(watched_page.locator("#download-admin0-geojson")).to_have_attribute(
        "href", re.compile(r"date=2019-11")
    )
    watched_page.goto(f"{server.url}/?lang=en&date=2019-10&country=PER")
    expect(watched_page.locator("#download-api")).to_have_attribute("href", re.compile(r"country=PER"))


def test_cite_this_follows_the_selected_country_and_month(watched_page, server):
    open_dashboard(watched_page, server, "lang=en&date=2019-10&country=COL")
    open_group(watched_page, "Cite this")
    sentence = watched_page.locator("#cite-text")
    expect(sentence).to_contain_text(
        "As of October 31, 2019, Colombia hosted 1,630,903 refugees and migrants from Venezuela"
    )
    watched_page.click("#previous-month")
    expect(sentence).to_contain_text("In September 2019, Colombia hosted an estimated")
    watched_page.locator("#clear-selection").click()
    expect(sentence).to_contain_text("Latin America and the Caribbean")


def test_cite_this_in_spanish_uses_spanish_numbers(watched_page, server):
    open_dashboard(watched_page, server, "lang=es&date=2019-10&country=COL")
    open_group(watched_page, "Citar")
    expect(watched_page.locator("#cite-text")).to_contain_text(
        "Al 31 de octubre de 2019, Colombia acogía 1.630.903"
    )


def test_map_image_renders_with_progress_and_a_download_link(watched_page, server):
    open_dashboard(watched_page, server, "lang=en&date=2019-03")
    open_group(watched_page, "Map image and animation")
    watched_page.locator("#render-png").click()
    link = watched_page.locator("#render-link")
    expect(link).to_be_visible(timeout=60_000)
    expect(link).to_have_attribute(
        "href", re.compile(r"/export/map\.png\?date=2019-03&metric=absolute&lang=en&layout=wide")
    )
    image = watched_page.locator("#render-status img")
    expect(image).to_have_js_property("complete", True)
    assert image.evaluate("img => [img.naturalWidth, img.naturalHeight]") == [1920, 1080]
    assert watched_page.console_errors == []


def test_methods_page_opens_in_the_ui_language(watched_page, server):
    open_dashboard(watched_page, server, "lang=pt&date=2019-10")
    href = watched_page.locator("#methods-link").get_attribute("href")
    assert href == "/methods?lang=pt"
    watched_page.goto(server.url + href)
    expect(watched_page.locator("h1")).to_have_text("Metodologia e fontes")
    expect(watched_page.locator("section#entry_points")).to_contain_text("CC BY 4.0")
    assert watched_page.console_errors == []
    assert watched_page.outside_requests == []
