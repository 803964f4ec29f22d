"""The embed card (`embed=1`) in headless Chromium, in frames from 400x300 up: the whole region on
the map, title, month and legend inside the frame and beside the region, the selected country's
figure, and a link back to the full view."""

import pytest
from playwright.sync_api import expect

# The region by hand: Tijuana (Mexico's north-west), Tierra del Fuego (the south), Cabo Branco (Brazil's
# east) and Punta Gallinas (the north of the continent; the Caribbean hosts lie inside the box).
REGION = {"south": -54.9, "west": -117.0, "north": 32.5, "east": -34.8}
CARIBBEAN = {"ABW": (12.5, -70.0), "CUW": (12.2, -69.0), "DOM": (18.7, -70.2), "TTO": (10.4, -61.3)}
SIZES = [(400, 300), (600, 400), (800, 600), (390, 600)]  # the last one portrait: stacked
MAP_READY = """() => !!document.querySelector('#map path.country-COL')
    && (document.querySelector('#map-legend')?.textContent || '').trim().length > 0"""
# the map's real view and where the region's box falls on the page, in CSS pixels
REGION_ON_PAGE = """([s, w, n, e]) => {
    const map = corredores.leafletMap('map');
    const b = map.getBounds();
    const frame = map.getContainer().getBoundingClientRect();
    const nw = map.latLngToContainerPoint([n, w]), se = map.latLngToContainerPoint([s, e]);
    return {bounds: {south: b.getSouth(), west: b.getWest(), north: b.getNorth(), east: b.getEast()},
            box: {x: frame.left + nw.x, y: frame.top + nw.y, width: se.x - nw.x, height: se.y - nw.y}};
}"""


def overlap(a: dict, b: dict) -> float:
    """Area shared by two boxes ({x, y, width, height})."""
    width = min(a["x"] + a["width"], b["x"] + b["width"]) - max(a["x"], b["x"])
    height = min(a["y"] + a["height"], b["y"] + b["height"]) - max(a["y"], b["y"])
    return max(width, 0) * max(height, 0)


def open_card(browser, server, size: tuple[int, int], query: str):
    """A page of the given size showing the embed card, once its map and legend are drawn."""
    width, height = size
    page = browser.new_page(viewport={"width": width, "height": height})
    page.goto(f"{server.url}/?embed=1&{query}")
    page.wait_for_function(MAP_READY)
    return page


@pytest.mark.parametrize("size", SIZES, ids=lambda size: "x".join(map(str, size)))
def test_the_card_holds_the_whole_region_beside_its_title_month_and_legend(browser, server, size):
    page = open_card(browser, server, size, "lang=en&date=2019-10")
    width, height = size
    seen = page.evaluate(REGION_ON_PAGE, [REGION[k] for k in ("south", "west", "north", "east")])
    bounds = seen["bounds"]
    assert bounds["south"] <= REGION["south"] and bounds["north"] >= REGION["north"], bounds
    assert bounds["west"] <= REGION["west"] and bounds["east"] >= REGION["east"], bounds
    for iso, (lat, lon) in CARIBBEAN.items():
        assert bounds["south"] < lat < bounds["north"] and bounds["west"] < lon < bounds["east"], iso
    expect(page.locator(".embed-title")).to_have_text("Refugees and migrants from Venezuela")
    expect(page.locator(".embed-month")).to_have_text("October 2019")
    parts = {
        "title": page.locator(".embed-title"),
        "month": page.locator(".embed-month"),
        "legend": page.locator("#map-legend"),
        "link": page.locator("#embed-link"),
    }
    for name, locator in parts.items():
        box = locator.bounding_box()
        assert box is not None and box["width"] > 0, name
        assert box["x"] >= 0 and box["y"] >= 0, (name, box)
        right, bottom = box["x"] + box["width"], box["y"] + box["height"]
        assert right <= width + 0.5 and bottom <= height + 0.5, (name, box)
        assert overlap(box, seen["box"]) <= 0.05 * box["width"] * box["height"], (name, box, seen["box"])
    # a card, not the app: no header, time bar, zoom buttons or layer switch
    for chrome in (".topbar", ".timebar", ".leaflet-control-zoom", ".leaflet-control-layers", ".view-switch"):
        expect(page.locator(chrome).first).to_be_hidden()
    page.close()


@pytest.mark.parametrize("size", SIZES[:2], ids=lambda size: "x".join(map(str, size)))
def test_the_selected_countrys_figure_is_on_the_card(browser, server, size):
    page = open_card(browser, server, size, "lang=en&date=2019-10&country=COL")
    value = page.locator("#embed-value")
    expect(value).to_contain_text("Colombia")
    expect(value).to_contain_text("1,630,903")
    expect(value).to_contain_text("figure as of Oct 31, 2019 · Migración Colombia")
    box = value.bounding_box()
    assert box["y"] + box["height"] <= size[1] and box["x"] + box["width"] <= size[0], box
    page.close()


def test_an_estimated_month_says_so_on_the_card(browser, server):
    page = open_card(browser, server, (600, 400), "lang=es&date=2019-11&country=COL")
    expect(page.locator("#embed-value")).to_contain_text("Colombia")
    expect(page.locator("#embed-value")).to_contain_text("oct 2019")
    expect(page.locator("#embed-value")).to_contain_text("dic 2019")
    page.close()


def test_the_link_back_opens_the_same_view_outside_the_frame(browser, server):
    page = open_card(browser, server, (400, 300), "lang=en&date=2019-10&country=COL&metric=absolute")
    link = page.locator("#embed-link")
    expect(link).to_have_attribute("href", "./?lang=en&date=2019-10&country=COL")
    expect(link).to_have_attribute("target", "_blank")
    page.close()
