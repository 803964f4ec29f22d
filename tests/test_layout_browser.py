"""Boxes on screen at a projector's and a phone's size: the map gets the room, controls stay compact."""

import re

import pytest
from playwright.sync_api import expect


@pytest.fixture
def sized_page(browser, server):
    """Open the dashboard at a given viewport size; contexts are closed at the end."""
    contexts = []

    def open_at(width: int, height: int, query: str = "lang=es"):
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{server.url}/?{query}")
        page.wait_for_selector("#map path.country-COL", state="attached")
        expect(page.locator("#map-legend .legend-title")).not_to_be_empty()
        return page

    yield open_at
    for context in contexts:
        context.close()


def box(page, selector: str) -> dict:
    return page.locator(selector).first.bounding_box()


def test_projector_main_map_is_at_least_520_px_tall_with_the_time_bar_under_it(sized_page):
    page = sized_page(1280, 720)
    main_map = box(page, "#map")
    assert main_map["height"] >= 520
    time = box(page, ".timebar")
    assert 0 <= time["y"] - (main_map["y"] + main_map["height"]) <= 16
    assert time["x"] < main_map["x"] + 20 and time["width"] <= main_map["width"] + 20


def test_second_map_measure_selector_is_one_compact_row(sized_page):
    page = sized_page(1280, 720)
    selector = box(page, ".second-select")
    assert selector["height"] <= 40, selector
    buttons = page.locator(".second-select button")
    expect(buttons).to_have_count(5)  # permits, IOM funds, funds per 1,000, per 1,000, balance
    tops = {round(b.bounding_box()["y"]) for b in buttons.all()}
    assert len(tops) == 1  # one row
    assert box(page, "#second-map")["height"] >= 450


@pytest.mark.parametrize("lang", ["es", "en", "pt"])
def test_phone_is_map_first(sized_page, lang):
    page = sized_page(390, 844, f"lang={lang}")
    header = box(page, ".topbar")
    assert header["y"] + header["height"] <= 0.2 * 844, header
    main_map = box(page, "#map")
    assert main_map["height"] >= 300 and main_map["y"] < 0.3 * 844
    time = box(page, ".timebar")
    slider = box(page, "[role=slider]")
    # the slider right under the map, on the first screen
    assert 0 <= time["y"] - (main_map["y"] + main_map["height"]) <= 16
    assert slider["y"] + slider["height"] <= 844
    # the second map's measures stay inside its panel in every language
    panel = box(page, ".map-panel.secondary")
    for button in page.locator(".second-select button").all():
        edge = button.bounding_box()
        assert panel["x"] <= edge["x"] and edge["x"] + edge["width"] <= panel["x"] + panel["width"], lang


def test_phone_legend_starts_folded_and_opens_on_request(sized_page):
    page = sized_page(390, 844, "lang=en")
    toggle = page.locator(".map-panel.primary .legend-box > summary")
    expect(toggle).to_have_text(re.compile("Legend"))
    expect(page.locator("#map-legend")).to_be_hidden()
    toggle_box = toggle.bounding_box()
    assert toggle_box["height"] <= 40 and toggle_box["width"] <= 120  # a button, not half the map
    toggle.click()
    expect(page.locator("#map-legend .legend-bar")).to_be_visible()
    toggle.click()
    expect(page.locator("#map-legend")).to_be_hidden()


def test_projector_legend_starts_open(sized_page):
    page = sized_page(1280, 720, "lang=en")
    expect(page.locator("#map-legend .legend-bar")).to_be_visible()
