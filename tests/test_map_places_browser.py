"""Small places, crossings, route labels and the tab order of the map, as a person meets them."""

from __future__ import annotations

from playwright.sync_api import expect

OVERLAPS = """() => { const boxes = [...document.querySelectorAll('#map .crossing-icon')]
    .map(e => e.getBoundingClientRect());
  let n = 0;
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach(b => {
    if (a.left < b.right - 2 && b.left < a.right - 2 && a.top < b.bottom - 2 && b.top < a.bottom - 2) n++;
  }));
  return [boxes.length, n]; }"""


def test_crossings_at_cucuta_do_not_hide_each_other(page, server):
    page.goto(f"{server.url}/?lang=en&view=7.85,-72.45,9")  # Cúcuta and its four crossing sides
    page.wait_for_selector("#map .crossing-icon")
    count, overlapping = page.evaluate(OVERLAPS)
    assert count >= 4 and overlapping == 0


def test_aruba_curacao_bonaire_and_trinidad_have_targets_large_enough_to_click(page, server):
    names = {"ABW": "Aruba", "CUW": "Curaçao", "BES": "Bonaire", "TTO": "Trinidad and Tobago"}
    for iso, name in names.items():
        page.goto(f"{server.url}/?lang=en")  # the region's scale, where these islands are specks
        page.wait_for_selector(f"#map path.small-place-{iso}", state="attached")
        box = page.locator(f"#map path.small-place-{iso}").bounding_box()
        assert box["width"] >= 16 and box["height"] >= 16, (iso, box)
        page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        if iso == "BES":  # no R4V figure: selecting it names it, the map does not claim more
            expect(page.locator("#selection-label")).to_contain_text("Bonaire")
        else:
            expect(page.locator("#selection-label")).to_have_text(f"Selected: {name}")


def test_routes_are_labelled_with_name_and_schematic_when_zoomed_in(page, server):
    page.goto(f"{server.url}/?lang=en&view=5,-72,5.5")
    label = page.locator("#map .route-label", has_text="Andean corridor")
    expect(label).to_be_visible()
    expect(label).to_contain_text("schematic")


def test_country_shapes_are_not_in_the_tab_order(page, server):
    page.goto(f"{server.url}/?lang=en")
    page.wait_for_selector("#map path.country-COL", state="attached")
    page.locator("#map").focus()
    for _ in range(40):
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.tagName.toLowerCase()") != "path"
