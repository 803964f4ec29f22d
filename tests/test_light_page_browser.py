"""A light page (issue 14): targets big enough to hit, legible text on phones, panels drawn when opened."""

from pathlib import Path

import pytest
from playwright.sync_api import expect
from scrolling import scroll_to

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
SIZES = {"projector": (1280, 720), "phone": (390, 844), "lighthouse phone": (412, 823)}

# the font size of every text drawn (laid out, non-empty) under `root`, with its element's class
TEXT_SIZES = """(root) => {
  const walker = document.createTreeWalker(document.querySelector(root), NodeFilter.SHOW_TEXT);
  const sizes = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const range = document.createRange();
    range.selectNodeContents(node);
    if (!node.textContent.trim() || !range.getClientRects().length) continue;
    const element = node.parentElement;
    sizes.push([parseFloat(getComputedStyle(element).fontSize), element.className, node.textContent]);
  }
  return sizes; }"""


@pytest.fixture
def page_at(browser, server):
    """Open the dashboard at a viewport size, its maps and legends drawn; contexts closed at the end."""
    contexts = []

    def open_at(width: int, height: int, query: str = "lang=en"):
        context = browser.new_context(viewport={"width": width, "height": height}, bypass_csp=True)
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{server.url}/?{query}")
        page.wait_for_selector("#map path.country-COL", state="attached")
        expect(page.locator("#map-legend .legend-title")).not_to_be_empty()
        expect(page.locator("#second-legend .legend-title")).not_to_be_empty()
        return page

    yield open_at
    for context in contexts:
        context.close()


@pytest.mark.parametrize("size", SIZES)
def test_every_target_is_big_enough_or_far_enough_from_the_next(page_at, size):
    page = page_at(*SIZES[size])
    page.evaluate(AXE)
    only = "{runOnly: ['target-size'], resultTypes: ['violations']}"
    found = page.evaluate(f"async () => (await axe.run(document, {only})).violations")
    assert [[(node["target"], node["failureSummary"]) for node in rule["nodes"]] for rule in found] == []


def test_legend_toggle_is_24_px_tall(page_at):
    page = page_at(1280, 720)
    for toggle in page.locator(".legend-box > summary").all():
        assert toggle.bounding_box()["height"] >= 24


def test_phone_text_on_the_maps_is_at_least_12_px(page_at):
    page = page_at(390, 844)
    for legend in ("#map-legend", "#second-legend"):  # folded on a phone: open them as a person would
        toggle = page.locator(f".legend-box:has({legend}) > summary")
        toggle.scroll_into_view_if_needed()
        toggle.click()
        expect(page.locator(f"{legend} .legend-bar")).to_be_visible()
    expect(page.locator("#map .route-label").first).to_be_visible()
    drawn = page.evaluate(TEXT_SIZES, ".maps")
    assert any("tick" in cls for _, cls, _ in drawn) and any("route-note" in cls for _, cls, _ in drawn)
    small = [(size, cls, text) for size, cls, text in drawn if size < 12]
    assert small == []


def test_regional_tables_are_drawn_when_the_section_is_first_opened(page_at):
    page = page_at(1280, 720)
    section = page.locator("#regional-tables")
    expect(section.locator(".compare-pick button").first).to_be_attached()  # the section itself is there
    assert section.locator("table").count() == 0  # nothing drawn behind the fold
    section.locator("summary").focus()
    page.keyboard.press("Enter")  # as a keyboard user opens it
    expect(section.locator("table")).to_have_count(2)
    totals = section.locator("table").first.locator("tbody tr", has_text="Total")
    expect(totals).to_contain_text("32,326,041")
    section.locator("summary").click()  # folded and opened again: still there, drawn once
    section.locator("summary").click()
    expect(section.locator("table")).to_have_count(2)
    expect(section.locator("table").nth(1).locator("tbody tr")).to_have_count(12)


def test_regional_tables_are_drawn_at_once_when_the_link_opens_the_section(page_at):
    page = page_at(1280, 720, "lang=en&compare=COL,PER")
    section = page.locator("#regional-tables")
    expect(section).to_have_attribute("open", "")
    expect(section.locator("table")).to_have_count(2)
    expect(section.locator("#compare-body .main-svg").first).to_be_visible()


def test_the_page_loads_no_script_it_does_not_use(browser, server):
    context = browser.new_context()
    page = context.new_page()
    scripts = []
    page.on("request", lambda request: request.resource_type == "script" and scripts.append(request.url))
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{server.url}/?lang=en")
    page.wait_for_selector("#map path.country-COL", state="attached")
    scroll_to(page)  # the charts draw when they come near the view
    expect(page.locator("#bar-chart .bars path").first).to_be_attached()
    context.close()
    assert any("dash_renderer" in url for url in scripts)  # the scripts were seen
    assert [url for url in scripts if "dash_table" in url] == [] and errors == []


def test_image_tools_and_their_month_pickers_load_when_the_group_is_first_opened(browser, server):
    context = browser.new_context()
    page = context.new_page()
    scripts = []
    page.on("request", lambda request: request.resource_type == "script" and scripts.append(request.url))
    page.goto(f"{server.url}/?lang=en&date=2019-03")
    page.wait_for_selector("#map path.country-COL", state="attached")
    scroll_to(page)  # the charts draw when they come near the view
    expect(page.locator("#bar-chart .bars path").first).to_be_attached()
    assert page.locator("#gif-from").count() == 0 and not [url for url in scripts if "dropdown" in url]
    page.locator("#journalist-tools summary", has_text="Map image and animation").click()
    # the range the group always offered: the twelve months up to the one shown
    expect(page.locator("#gif-from")).to_contain_text("Apr 2018")
    expect(page.locator("#gif-to")).to_contain_text("Mar 2019")
    expect(page.locator("#render-png")).to_be_visible()
    context.close()
    assert [url for url in scripts if "dropdown" in url]  # loaded now, at the opening
