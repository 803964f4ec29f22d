"""Small places, crossings, route labels and the tab order of the map, as a person meets them."""

from __future__ import annotations

import pytest
from datadir import SHIPPED_DATA
from playwright.sync_api import expect

from layers.web_layers import entry_points_geojson


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


ROUTE_STROKES = '#map path[stroke="#7b3294"], #map path[stroke="#0571b0"]'  # land, maritime (map_style)
SHOWN_LABELS = """() => Array.from(document.querySelectorAll('#map .route-label'))
    .filter((e) => getComputedStyle(e).visibility === 'visible')
    .map((e) => { const b = e.getBoundingClientRect();
                  return {text: e.textContent, left: b.left, right: b.right,
                          top: b.top, bottom: b.bottom}; })"""
# the distance in px from a point on screen to the nearest route line drawn on the map
DISTANCE_TO_ROUTE = """([sel, x, y]) => Math.min(...Array.from(document.querySelectorAll(sel)).map((path) => {
    const m = path.getScreenCTM(); let best = Infinity;
    for (let s = 0, n = path.getTotalLength(); s <= n; s += 1) {
      const p = path.getPointAtLength(s);
      best = Math.min(best, Math.hypot(m.a * p.x + m.c * p.y + m.e - x, m.b * p.x + m.d * p.y + m.f - y));
    }
    return best; }))"""
BOXES = """(sel) => Array.from(document.querySelectorAll(sel))
    .filter((e) => getComputedStyle(e).visibility === 'visible')
    .map((e) => { const b = e.getBoundingClientRect();
                  return {left: b.left, right: b.right, top: b.top, bottom: b.bottom}; })
    .filter((b) => b.right > b.left)"""


def overlap(a: dict, b: dict) -> bool:
    across = a["left"] < b["right"] and b["left"] < a["right"]
    return across and a["top"] < b["bottom"] and b["top"] < a["bottom"]


def inside(a: dict, frame: dict) -> bool:
    return (
        a["left"] >= frame["x"]
        and a["right"] <= frame["x"] + frame["width"]
        and a["top"] >= frame["y"]
        and a["bottom"] <= frame["y"] + frame["height"]
    )


@pytest.mark.parametrize(
    ("query", "name", "note"),
    [
        ("lang=en&country=COL", "Andean corridor", "schematic line"),
        ("lang=es", "Corredor andino", "trazado esquemático"),
        ("lang=pt&view=11.5,-66,5.5", "Rota marítima para Aruba", "traçado esquemático"),
    ],
)
def test_route_labels_name_their_lines_and_cover_nothing(page, server, query, name, note):
    page.goto(f"{server.url}/?{query}")
    page.wait_for_selector("#map .crossing-icon")
    page.wait_for_function(f"() => ({SHOWN_LABELS})().some((l) => l.text.includes({name!r}))")
    labels = page.evaluate(SHOWN_LABELS)
    frame = page.locator("#map").bounding_box()
    # what a label must leave readable: crossing markers, the map's buttons, the legend, the filter
    covers = "#map :is(.crossing-icon, .leaflet-control), .primary :is(.legend-box, .services-panel)"
    others = page.evaluate(BOXES, covers)
    assert others
    for number, label in enumerate(labels):
        assert note in label["text"], label
        assert inside(label, frame), label
        centre = ((label["left"] + label["right"]) / 2, (label["top"] + label["bottom"]) / 2)
        assert page.evaluate(DISTANCE_TO_ROUTE, [ROUTE_STROKES, *centre]) <= 3, label  # on its line
        assert not [other for other in labels[number + 1 :] if overlap(label, other)], labels
        assert not [other for other in others if overlap(label, other)], (label, others)


def crossing_places() -> dict[str, list[float]]:
    """The crossings' sides that have a place on the map: name -> [lon, lat]."""
    features = entry_points_geojson(SHIPPED_DATA)["features"]
    return {f["properties"]["side_place"]: f["geometry"]["coordinates"] for f in features}


# each crossing marker: its box, its diamond's centre and size, and its place's name
MARKERS = """() => {
    const frame = corredores.leafletMap('map').getContainer().getBoundingClientRect();
    return Array.from(document.querySelectorAll('#map .crossing-icon')).map((icon) => {
      const b = icon.getBoundingClientRect();
      const d = icon.querySelector('.diamond').getBoundingClientRect();
      return {left: b.left, right: b.right, top: b.top, bottom: b.bottom, title: icon.title, size: d.width,
              x: d.left + d.width / 2 - frame.left, y: d.top + d.height / 2 - frame.top}; }); }"""


def diamonds_touch(a: dict, b: dict) -> bool:
    """Two squares turned 45° meet when their centres are closer (along x + y) than their half-diagonals."""
    return abs(a["x"] - b["x"]) + abs(a["y"] - b["y"]) < (a["size"] + b["size"]) / 2


PLACE_ON_SCREEN = """([lat, lon]) => {
    const p = corredores.leafletMap('map').latLngToContainerPoint([lat, lon]); return [p.x, p.y]; }"""


@pytest.mark.parametrize("query", ["lang=en&country=COL", "lang=en", "lang=en&view=7.86,-72.47,8"])
def test_crossing_markers_at_cucuta_do_not_hide_each_other(page, server, query):
    places = crossing_places()
    page.goto(f"{server.url}/?{query}")
    expect(page.locator("#map .crossing-icon")).to_have_count(len(places))
    apart = f"""() => {{ const m = ({MARKERS})();
        return m.every((a, i) => m.slice(i + 1).every((b) =>
          Math.abs(a.x - b.x) + Math.abs(a.y - b.y) >= (a.size + b.size) / 2)); }}"""
    page.wait_for_function(apart)  # markers are spread once the map has settled
    markers = page.evaluate(MARKERS)
    for number, marker in enumerate(markers):
        assert not [other for other in markers[number + 1 :] if overlap(marker, other)], (marker, markers)
        assert not [other for other in markers[number + 1 :] if diamonds_touch(marker, other)], marker
        lon, lat = places[marker["title"]]
        # each stays beside its place: pushed aside only as far as its neighbours need
        x, y = page.evaluate(PLACE_ON_SCREEN, [lat, lon])
        assert ((marker["x"] - x) ** 2 + (marker["y"] - y) ** 2) ** 0.5 <= 40, marker


def test_crossing_markers_are_not_in_the_tab_order(page, server):
    page.goto(f"{server.url}/?lang=en&country=COL")
    page.wait_for_selector("#map .crossing-icon")
    page.locator("#skip-link").focus()
    for _ in range(40):
        page.keyboard.press("Tab")
        assert not page.evaluate("() => !!document.activeElement.closest('.crossing-icon')")
