"""The country tooltip can be read: short, inside the map, with value, date and a short source."""

from __future__ import annotations

from playwright.sync_api import expect

FIND_EDGE_COUNTRY = """([edge]) => {
  const r = document.querySelector('#map').getBoundingClientRect();
  for (let f = 0.15; f <= 0.85; f += 0.01) {
    const across = edge === 'top' || edge === 'bottom';
    const x = across ? r.left + f * r.width : edge === 'left' ? r.left + 3 : r.right - 3;
    const y = edge === 'top' ? r.top + 3 : edge === 'bottom' ? r.bottom - 3 : r.top + f * r.height;
    const hit = document.elementFromPoint(x, y);
    if (hit && hit.matches('path.country')) return [x, y];
  }
  return null;
}"""


def open_map(page, server, query):
    page.goto(f"{server.url}/?{query}")
    page.wait_for_selector("#map path.country-COL", state="attached")
    page.wait_for_function("() => document.querySelector('#map-legend .legend-bar')")


def tooltip_inside_map(page) -> dict:
    tooltip = page.locator(".country-tooltip")
    expect(tooltip).to_be_visible()
    page.wait_for_function(
        """() => { const t = document.querySelector('.country-tooltip').getBoundingClientRect();
          const m = document.querySelector('#map').getBoundingClientRect();
          return t.left >= m.left && t.right <= m.right && t.top >= m.top && t.bottom <= m.bottom; }"""
    )
    return tooltip.bounding_box()


def test_tooltip_names_value_date_and_a_short_source_in_a_small_box(page, server):
    page.set_viewport_size({"width": 1280, "height": 720})
    open_map(page, server, "lang=en&date=2019-10")
    page.locator("#map path.country-COL").hover(force=True)
    box = tooltip_inside_map(page)
    assert box["height"] <= 160 and box["width"] <= 310
    text = page.locator(".country-tooltip").inner_text()
    assert "Colombia" in text and "1,630,903" in text and "Oct 31, 2019" in text and "Source:" in text
    assert "http" not in text and "www." not in text


def test_tooltips_at_the_edges_of_the_map_stay_inside_it(page, server):
    page.set_viewport_size({"width": 1280, "height": 720})
    views = {"lang=en&date=2021-08": ("top", "bottom"), "lang=en&view=4.6,-72,6": ("left", "right")}
    for query, edges in views.items():
        open_map(page, server, query)
        for edge in edges:
            point = page.evaluate(FIND_EDGE_COUNTRY, [edge])
            assert point, f"no country at the {edge} edge of {query}"
            page.mouse.move(point[0], point[1])
            box = tooltip_inside_map(page)
            assert box["height"] <= 160
            page.mouse.move(0, 0)
            expect(page.locator(".country-tooltip")).to_have_count(0)
