"""Boxes on screen at a projector's and a phone's size: the map gets the room, controls stay compact."""

import re

import pytest
from playwright.sync_api import expect
from scrolling import scroll_to


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
    # nothing runs past the screen's edge (no sideways scrolling), the slider's last mark included
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
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


# each tick label's text as drawn (not its grid cell), and each class's swatch
TICKS = """(legend) => {
  const rect = (node) => { const r = document.createRange(); r.selectNodeContents(node);
    const b = r.getBoundingClientRect();
    return {text: node.textContent, left: b.left, right: b.right, top: b.top, bottom: b.bottom}; };
  const root = document.querySelector(legend);
  return {ticks: Array.from(root.querySelectorAll('.legend-ticks .tick')).map(rect),
          bars: Array.from(root.querySelectorAll('.legend-bar .bar'), (e) => e.getBoundingClientRect().left),
          frame: root.getBoundingClientRect().toJSON()}; }"""


@pytest.mark.parametrize("size", [(1280, 720), (390, 844)])
@pytest.mark.parametrize("lang", ["es", "en", "pt"])
def test_every_class_break_is_labelled_and_no_two_labels_run_into_each_other(sized_page, lang, size):
    page = sized_page(*size, f"lang={lang}")
    for legend in ("#map-legend", "#second-legend"):
        toggle = page.locator(f".legend-box:has({legend}) > summary")
        if not page.locator(legend).is_visible():  # folded on a phone: open it as a person would
            toggle.scroll_into_view_if_needed()
            toggle.click()
        expect(page.locator(f"{legend} .legend-bar")).to_be_visible()
        drawn = page.evaluate(TICKS, legend)
        ticks, bars, frame = drawn["ticks"], drawn["bars"], drawn["frame"]
        assert len(ticks) == len(bars) == 8 and all(t["text"].strip() for t in ticks), ticks
        for number, tick in enumerate(ticks):
            assert abs(tick["left"] - bars[number]) <= 4, (tick, bars)  # under its own class's edge
            assert frame["left"] <= tick["left"] and tick["right"] <= frame["right"], (tick, frame)
            for other in ticks[number + 1 :]:
                beside = tick["right"] <= other["left"] or other["right"] <= tick["left"]
                above = tick["bottom"] <= other["top"] or other["bottom"] <= tick["top"]
                assert beside or above, (tick, other)


def test_phone_country_panel_funding_labels_are_not_cut_off(sized_page):
    page = sized_page(390, 844, "lang=es&country=COL")
    scroll_to(page, "country-funding")  # in one page step: Dash swaps the chart's node as Plotly arrives
    chart = page.locator("#country-funding")
    labels = chart.locator(".bartext")
    expect(labels.first).to_be_visible()
    assert labels.count() >= 4  # Colombia's outcomes with an amount requested
    frame = chart.locator(".main-svg").first.bounding_box()
    for label in labels.all():
        text = label.bounding_box()
        assert text["x"] >= frame["x"] and text["x"] + text["width"] <= frame["x"] + frame["width"], text
        assert "USD" in label.text_content()
