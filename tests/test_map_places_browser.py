"""Small places, crossings, route labels and the tab order of the map, as a person meets them."""

from __future__ import annotations

from playwright.sync_api import expect


def test_aruba_curacao_bonaire_and_trinidad_have_targets_large_enough_to_click(page, server):
    names = {"ABW": "Aruba", "CUW": "Curaçao", "BES": "Bonaire", "TTO": "Trinidad and Tobago"}
    for iso, name in names.items():
        page.goto(f"{server.url}/?lang=en")  # the region's scale, where these islands are specks
        page.wait_for_selector(f"#map path.small-place-{iso}", state="attached")
        box = page.locator(f"#map path.small-place-{iso}").bounding_box()
        assert box["width"] >= 16 and box["height"] >= 16, (iso, box)
        # a point of the target not under a crossing marker
        point = page.evaluate(
            """([sel, b]) => {
                 for (let dy = 2; dy < b.height - 2; dy += 2) for (let dx = 2; dx < b.width - 2; dx += 2) {
                   const e = document.elementFromPoint(b.x + dx, b.y + dy);
                   if (e && e.matches(sel)) return [b.x + dx, b.y + dy];
                 }
                 return null; }""",
            [f"#map path.small-place-{iso}", box],
        )
        assert point, iso
        page.mouse.click(*point)
        if iso == "BES":  # no R4V figure: selecting it names it, the map does not claim more
            expect(page.locator("#selection-label")).to_contain_text("Bonaire")
        else:
            expect(page.locator("#selection-label")).to_have_text(f"Selected: {name}")


def test_country_shapes_are_not_in_the_tab_order(page, server):
    page.goto(f"{server.url}/?lang=en")
    page.wait_for_selector("#map path.country-COL", state="attached")
    page.locator("#map").focus()
    for _ in range(40):
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.tagName.toLowerCase()") != "path"
