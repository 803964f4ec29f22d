"""Play draws every step in full: each month it passes through shows, together on screen, its label,
both maps' colours and legends, the URL's date and the download link; and a step asks no server."""

from __future__ import annotations

from bisect import bisect_right
from datetime import date

from playwright.sync_api import expect

from layers.choropleth import BREAKS, PALETTE, stock_matrix
from tests.datadir import SHIPPED_DATA

# Every animation frame while playing: what a person sees of the month.
RECORD_FRAMES = """() => {
  window.seen = [];
  window.requests = [];
  new PerformanceObserver((list) => list.getEntries().forEach((e) => window.requests.push(e.name)))
    .observe({type: 'resource'});
  const text = (selector) => (document.querySelector(selector) || {}).textContent || '';
  const record = () => {
    window.seen.push({
      label: text('#month-label'),
      fill: document.querySelector('#map path.country-COL').getAttribute('fill'),
      search: window.location.search,
      legend: text('#map-legend .legend-title'),
      second: text('#second-legend .legend-title'),
      csv: document.querySelector('#download-map-csv').getAttribute('href'),
    });
    requestAnimationFrame(record);
  };
  requestAnimationFrame(record);
}"""


def label(month: str) -> str:
    """`2019-10` as the English month label, `Oct 2019`."""
    return date.fromisoformat(month + "-01").strftime("%b %Y")


def test_each_month_play_passes_through_is_drawn_in_full_with_no_server_request(watched_page, server):
    page = watched_page
    page.goto(f"{server.url}/?lang=en&date=2019-09")
    page.wait_for_selector("#map path.country-COL", state="attached")
    expect(page.locator("#map-legend .legend-title")).to_contain_text("Sep 2019")
    page.evaluate(RECORD_FRAMES)
    page.locator("#play").click()
    expect(page.locator("#month-label")).to_have_text("Feb 2020", timeout=30_000)
    page.locator("#play").click()
    expect(page.locator("#play")).to_have_attribute("aria-label", "Play")
    frames = page.evaluate("window.seen")
    matrix = stock_matrix(SHIPPED_DATA)
    colombia = matrix["areas"]["COL"]
    months = ("2019-10", "2019-11", "2019-12", "2020-01")
    assert {colombia["e"][matrix["months"].index(m)] for m in months} == {0, 1}  # published and estimated
    for month in months:
        i = matrix["months"].index(month)
        if colombia["e"][i]:  # an estimate: the map's hatch pattern
            colour_ok = lambda fill: fill.startswith("url(#corredores-hatch-")  # noqa: E731
        else:  # a published figure: its class colour
            expected = PALETTE[bisect_right(BREAKS["absolute"], colombia["v"][i]) - 1]
            colour_ok = lambda fill, expected=expected: fill == expected  # noqa: E731
        shown = [
            f
            for f in frames
            if f["label"] == label(month)
            and colour_ok(f["fill"])
            and f"date={month}" in f["search"]
            and f["legend"].endswith(label(month))
            and f["second"].endswith(label(month))
            and f"date={month}" in f["csv"]
        ]
        assert shown, f"{month}: never all on screen at once; frames with its label: " + str(
            [f for f in frames if f["label"] == label(month)][:2]
        )
    assert [r for r in page.evaluate("window.requests") if "_dash-update-component" in r] == []
    assert page.console_errors == []
