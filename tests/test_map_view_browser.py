"""Where the map looks, read from the Leaflet map itself: fly to a country, home, links, scenes, settling."""

from __future__ import annotations

from playwright.sync_api import expect

from layers.boundaries import admin1
from tests.datadir import SHIPPED_DATA

# Places a view of Colombia must show (not taken from the code that computes the view)
BOGOTA, LETICIA, RIOHACHA = (4.71, -74.07), (-4.21, -69.94), (11.54, -72.91)
LIMA, SANTIAGO = (-12.05, -77.04), (-33.45, -70.67)
VIEW = """id => { const m = window.corredores.leafletMap(id); const b = m.getBounds(), c = m.getCenter();
  return {south: b.getSouth(), west: b.getWest(), north: b.getNorth(), east: b.getEast(),
          lat: c.lat, lng: c.lng, zoom: m.getZoom()}; }"""
# Sets window.landed once the main map's next move (a flight) has ended
LAND_WATCH = """() => { window.landed = false;
  window.corredores.leafletMap('map').once('moveend', () => { window.landed = true; }); }"""
# Holds the page's request for the admin-1 shapes until the test calls window.releaseAdmin1()
HOLD_ADMIN1 = """(() => {
  const fetchNow = window.fetch;
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  window.releaseAdmin1 = () => release();
  window.fetch = function (resource, options) {
    const url = typeof resource === "string" ? resource : resource.url;
    if (!url.includes("/geo/admin1.")) return fetchNow.call(this, resource, options);
    window.admin1Held = true;
    return released.then(() => fetchNow.call(this, resource, options));
  };
})();"""
# A zoom that is not one of the levels a person lands on (the maps snap to quarters)
BETWEEN_LEVELS = "z => Math.abs(z * 4 - Math.round(z * 4)) > 1e-6"
CONTAINS = """([id, points]) => { const m = window.corredores && window.corredores.leafletMap(id);
  return !!m && points.every(p => m.getBounds().contains(p)); }"""


def open_map(page, server, query="lang=en"):
    page.goto(f"{server.url}/?{query}")
    page.wait_for_selector("#map path.country-COL", state="attached")
    page.wait_for_function("() => ['map', 'second-map'].every(id => window.corredores.leafletMap(id))")


def view(page, map_id="map") -> dict:
    return page.evaluate(VIEW, map_id)


def area(v: dict) -> float:
    return (v["north"] - v["south"]) * (v["east"] - v["west"])


def wait_until_shows(page, points, map_id="map"):
    page.wait_for_function(CONTAINS, arg=[map_id, [list(p) for p in points]])


def wait_until_zoomed_in(page, home: dict) -> None:
    """Wait until the main map shows under a quarter of the area it showed at `home` (a flight has landed)."""
    page.wait_for_function(
        f"limit => {{ const v = ({VIEW})('map'); return (v.north - v.south) * (v.east - v.west) < limit; }}",
        arg=area(home) / 4,
    )


def wait_until_still(page):
    """Both maps show the same centre (within 2 pixels) and zoom: the second has followed."""
    page.wait_for_function(
        """() => { const find = window.corredores.leafletMap, a = find('map'), b = find('second-map');
          const z = a.getZoom(), gap = a.project(a.getCenter(), z).distanceTo(a.project(b.getCenter(), z));
          return z === b.getZoom() && gap < 2; }"""
    )


def search(page, name):
    page.fill("#country-search", name)
    page.press("#country-search", "Enter")


def test_selecting_colombia_flies_there_draws_its_states_and_reset_returns(watched_page, server):
    page = watched_page
    open_map(page, server)
    home = view(page)
    page.evaluate(LAND_WATCH)
    search(page, "Colombia")
    page.wait_for_function("() => window.landed")
    wait_until_shows(page, [BOGOTA, LETICIA, RIOHACHA])
    page.wait_for_function("h => window.corredores.leafletMap('map').getZoom() > h", arg=home["zoom"])
    wait_until_zoomed_in(page, home)
    units = int((admin1(SHIPPED_DATA)["parent_iso_a3"] == "COL").sum())
    expect(page.locator("#map path.admin1")).to_have_count(units)
    wait_until_still(page)
    assert view(page, "second-map")["zoom"] == view(page)["zoom"]
    page.evaluate(LAND_WATCH)
    page.click("#map .easy-button-button")
    page.wait_for_function("() => window.landed")
    page.wait_for_function("h => window.corredores.leafletMap('map').getZoom() <= h", arg=home["zoom"])
    wait_until_shows(page, [LIMA, SANTIAGO, BOGOTA])
    back = view(page)
    assert abs(back["lat"] - home["lat"]) < 3 and abs(back["lng"] - home["lng"]) < 3
    assert page.console_errors == []


def test_states_are_drawn_when_their_shading_comes_before_their_shapes(page, server):
    page.add_init_script(HOLD_ADMIN1)
    open_map(page, server)
    search(page, "Colombia")
    # the shading (hideout and legend) has arrived while the shapes are still on their way
    expect(page.locator("#admin1-legend")).to_contain_text("Services per state or department")
    page.wait_for_function("() => window.admin1Held")
    page.evaluate("() => window.releaseAdmin1()")
    units = int((admin1(SHIPPED_DATA)["parent_iso_a3"] == "COL").sum())
    expect(page.locator("#map path.admin1")).to_have_count(units)


def test_clicking_a_country_on_the_map_flies_to_it(page, server):
    open_map(page, server)
    home = view(page)
    page.locator("#map path.country-PER").click(force=True)
    expect(page.locator("#selection-label")).to_have_text("Selected: Peru")
    wait_until_shows(page, [LIMA, (-3.75, -73.25), (-18.0, -70.25)])
    wait_until_zoomed_in(page, home)


def test_a_link_with_a_country_opens_on_it_and_a_moved_map_is_in_the_url(page, server):
    open_map(page, server, "lang=en&country=COL")
    wait_until_shows(page, [BOGOTA, LETICIA, RIOHACHA])
    expect(page.locator("#map path.admin1").first).to_be_attached()
    assert "view=" not in page.url  # the page opened on the link's country: nothing has moved yet
    home_zoom = view(page)["zoom"]
    page.locator("#map").hover()
    page.mouse.wheel(0, -300)
    # wait until the URL names the view the map settled on (a wheel turn may zoom in several steps)
    page.wait_for_function(
        """() => { const v = new URLSearchParams(location.search).get('view');
          const m = window.corredores.leafletMap('map'), c = m.getCenter();
          if (!v) return false;
          const [lat, lng, zoom] = v.split(',').map(Number);
          return Math.abs(lat - c.lat) < 0.001 && Math.abs(lng - c.lng) < 0.001
            && Math.abs(zoom - m.getZoom()) < 0.01; }"""
    )
    moved = view(page)
    assert moved["zoom"] > home_zoom
    page.reload()
    page.wait_for_function("() => window.corredores.leafletMap('map')")
    page.wait_for_function(
        "z => Math.abs(window.corredores.leafletMap('map').getZoom() - z) < 0.01", arg=moved["zoom"]
    )
    again = view(page)
    assert abs(again["lat"] - moved["lat"]) < 0.01 and abs(again["lng"] - moved["lng"]) < 0.01


def test_a_link_with_a_view_opens_exactly_there_and_a_bad_view_is_noted(page, server):
    open_map(page, server, "lang=en&view=-12.05,-77.04,7")
    v = view(page)
    assert v["zoom"] == 7 and abs(v["lat"] + 12.05) < 0.01 and abs(v["lng"] + 77.04) < 0.01
    open_map(page, server, "lang=en&view=north,3")
    expect(page.locator(".url-notice, [role=status]").first).to_contain_text("view")


def test_a_scene_moves_the_map_to_its_view(page, server):
    open_map(page, server, "lang=en&present=1")
    page.locator("h1").click()
    page.keyboard.press("2")  # scene 2 of data/scenes.json: the Cúcuta surge, 2018
    expect(page.locator("#month-label")).to_have_text("Sep 2018")
    wait_until_shows(page, [(7.89, -72.5), (10.96, -74.8)])  # Cúcuta and Barranquilla
    # both are in view from early in the flight: wait for where it lands, closer than the region
    page.wait_for_function("() => window.corredores.leafletMap('map').getZoom() >= 5")
    wait_until_shows(page, [(7.89, -72.5), (10.96, -74.8)])


def test_linked_maps_settle_after_a_drag(page, server):
    page.clock.install()  # time flows as usual until the idle window below is run through at once
    open_map(page, server)
    requests = []
    page.on("request", lambda r: "_dash-update-component" in r.url and requests.append(r.post_data))
    for name, place in (("Colombia", BOGOTA), ("Peru", LIMA), ("Chile", SANTIAGO)):
        # the drag below must come after the flight: each country's view may already show the next place
        page.evaluate(LAND_WATCH)
        search(page, name)
        page.wait_for_function("() => window.landed")
        wait_until_shows(page, [place])
        wait_until_still(page)
    box = page.locator("#map").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    before = view(page, "second-map")
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 120, y + 60, steps=8)
    page.mouse.up()
    page.wait_for_function(
        "lng => Math.abs(window.corredores.leafletMap('second-map').getCenter().lng - lng) > 1",
        arg=before["lng"],
    )
    wait_until_still(page)
    # the move's one update (services in view) has gone out: from here on, an idle page is silent
    page.wait_for_function("() => !document.querySelector('[data-dash-is-loading]')")
    page.wait_for_load_state("networkidle")
    requests.clear()
    page.clock.run_for(30_000)  # every timer and animation frame of the next 30 s fires now
    page.wait_for_function("() => !document.querySelector('[data-dash-is-loading]')")
    assert requests == []


def test_a_drag_that_stops_a_flight_midway_leaves_both_maps_alike(page, server):
    open_map(page, server)
    # a flight of ten minutes, so that the drag below catches it between two zoom levels even on a
    # loaded machine (a 20 s flight had ended before the drag when three test runs shared two cores)
    page.evaluate("() => window.corredores.leafletMap('map').flyTo([-33.45, -70.67], 5, {duration: 600})")
    page.wait_for_function(f"() => {BETWEEN_LEVELS}(window.corredores.leafletMap('map').getZoom())")
    box = page.locator("#map").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + 120, y + 60, steps=8)
    page.mouse.up()
    stopped = view(page)["zoom"]
    assert page.evaluate(BETWEEN_LEVELS, stopped), stopped  # the drag stopped the flight between two levels
    wait_until_still(page)
    assert view(page, "second-map")["zoom"] == stopped


def test_a_country_without_located_services_gets_a_legend_and_no_error(watched_page, server):
    open_map(watched_page, server, "lang=en")
    search(watched_page, "Chile")
    expect(watched_page.locator("#admin1-legend")).to_contain_text("per state or department")
    assert watched_page.console_errors == []


def test_state_shading_uses_the_colours_its_legend_shows(page, server):
    open_map(page, server, "lang=en&country=COL")
    expect(page.locator("#map path.admin1").first).to_be_attached()
    expect(page.locator("#admin1-legend")).to_contain_text("Services per state or department")
    page.wait_for_function("() => document.querySelectorAll('#admin1-legend .swatch').length > 1")
    swatches = page.locator("#admin1-legend .swatch").evaluate_all(
        "els => els.map(e => getComputedStyle(e).backgroundColor)"
    )
    fills = page.locator("#map path.admin1").evaluate_all(
        "els => [...new Set(els.map(e => { const d = document.createElement('i');"
        " d.style.color = e.getAttribute('fill'); document.body.appendChild(d);"
        " const c = getComputedStyle(d).color; d.remove(); return c; }))]"
    )
    assert len(fills) > 1 and set(fills) <= set(swatches), (fills, swatches)
    assert page.locator("#map-legend .legend-title").is_visible()
    page.locator(".map-panel.primary .legend-box > summary").click()
    expect(page.locator("#map-legend")).to_be_hidden()


def test_a_popup_is_read_above_the_legend(page, server):
    open_map(page, server, "lang=en&country=COL")
    page.locator("#map .crossing-icon").first.click(force=True)
    popup = page.locator("#map .leaflet-popup-content")
    expect(popup).to_be_visible()
    expect(page.locator(".map-panel.primary .legend-box")).to_be_hidden()
    box = popup.bounding_box()
    on_top = page.evaluate(
        "([x, y]) => !!document.elementFromPoint(x, y).closest('.leaflet-popup')",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    assert on_top


def test_on_a_phone_the_legend_starts_folded_and_opens(page, server):
    page.set_viewport_size({"width": 390, "height": 844})
    open_map(page, server, "lang=en")
    expect(page.locator("#map-legend")).to_be_hidden()
    page.locator(".map-panel.primary .legend-box > summary").click()
    expect(page.locator("#map-legend .legend-title")).to_be_visible()
