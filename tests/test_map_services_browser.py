"""Service clusters count what the kind filter leaves, as the panel next to the map does."""

from __future__ import annotations

from playwright.sync_api import expect

from dashboard.map_style import KIND_COLOURS

ON_MAP_AND_IN_PANEL = """() => {
  const bubbles = [...document.querySelectorAll('#map .service-cluster')].map(e => Number(e.textContent));
  const onMap = bubbles.reduce((a, c) => a + c, 0) + document.querySelectorAll('#map path.service').length;
  const items = [...document.querySelectorAll('#service-counts li')].map(li => li.textContent);
  const inPanel = items.reduce((a, t) => a + Number(t.split(':').pop().replace(/\\D/g, '')), 0);
  return items.length && onMap === inPanel ? onMap : null; }"""


def test_cluster_counts_follow_the_kind_filter_and_match_the_panel(page, server):
    page.goto(f"{server.url}/?lang=en&layers=services")
    page.wait_for_selector("#map .service-cluster")
    everything = page.wait_for_function(ON_MAP_AND_IN_PANEL).json_value()
    panel = page.locator(".map-panel.primary .services-panel")
    panel.locator("summary").click()
    panel.get_by_role("button", name="Shelter").click()
    expect(panel.get_by_role("button", name="Shelter")).to_have_attribute("aria-pressed", "false")
    page.wait_for_function(
        f"() => {{ const n = ({ON_MAP_AND_IN_PANEL})(); return n !== null && n < {everything}; }}"
    )


def test_each_kind_has_its_colour_on_the_map_and_in_the_filter(page, server):
    page.goto(f"{server.url}/?lang=en&layers=services&view=10.7,-61.2,9")  # Trinidad: one by one
    page.wait_for_selector("#map path.service", state="attached")
    for point in page.locator("#map path.service").all():
        kind = next(c for c in point.get_attribute("class").split() if c.startswith("service-"))[8:]
        assert point.get_attribute("fill") == KIND_COLOURS[kind]
        button = page.locator(f'.services-panel button[id*="{kind}"] .swatch')
        colour = button.evaluate("e => getComputedStyle(e).backgroundColor")
        r, g, b = (int(KIND_COLOURS[kind][i : i + 2], 16) for i in (1, 3, 5))
        assert colour == f"rgb({r}, {g}, {b})"
