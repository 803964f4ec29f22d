"""The page opens on the latest view: each host country at its latest figure, with its date."""

import csv
import json
import re

from datadir import SHIPPED_DATA
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

# a point of the screen where the country's own shape is what the pointer would touch
VISIBLE_POINT = """(selector) => {
  const path = document.querySelector(selector);
  const box = path.getBoundingClientRect();
  for (let step = 8; step >= 1; step /= 2) {
    for (let y = box.top; y <= box.bottom; y += step) {
      for (let x = box.left; x <= box.right; x += step) {
        if (document.elementFromPoint(x, y) === path) return [x, y];
      }
    }
  }
  return null;
}"""
DATED_FIGURE = re.compile(r"published figure as of (\w{3} \d{4}|\w{3} \d{1,2}, \d{4})")
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def r4v_hosts() -> list[str]:
    document = json.loads((SHIPPED_DATA / "boundaries/admin0.geojson").read_bytes())
    return sorted(f["properties"]["iso_a3"] for f in document["features"] if f["properties"]["r4v_host"])


def newest_r4v_update() -> str:
    """ "Nov 2025": the newest snapshot month of data/figures/r4v_snapshots.csv, read here."""
    with open(SHIPPED_DATA / "figures/r4v_snapshots.csv", encoding="utf-8") as handle:
        newest = max(r["snapshot"] for r in csv.DictReader(handle) if not r["set_aside"])
    return f"{MONTHS[int(newest[5:7]) - 1]} {newest[:4]}"


def hover_shows_a_dated_figure(page, iso: str, tries: int = 3) -> bool:
    """Hover a host (again if the map re-renders under the pointer): its tooltip gives a dated value."""
    path = page.locator(f"#map path.country-{iso}").first
    tooltip = page.locator(".country-tooltip")
    for _ in range(tries):
        page.mouse.move(0, 0)
        point = page.evaluate(VISIBLE_POINT, f"#map path.country-{iso}")
        if point:
            page.mouse.move(point[0], point[1])
        else:  # an island a pixel wide: send the event Leaflet listens to
            path.dispatch_event("mouseover")
        try:
            expect(tooltip).to_contain_text(DATED_FIGURE, timeout=5_000)
            text = tooltip.inner_text()
        except (AssertionError, PlaywrightError):
            continue
        finally:
            path.dispatch_event("mouseout")
            expect(tooltip).to_have_count(0)  # it fades out: the next hover must not find two
        if re.search(r"\d{1,3}(,\d{3})+|\d+", text.split("\n", 1)[-1]):
            return True
    return False


def test_default_view_shows_every_host_at_its_latest_figure_with_its_date(watched_page, server):
    watched_page.goto(f"{server.url}/?lang=en")
    watched_page.wait_for_selector("#map path.country-COL")
    expect(watched_page.locator("#month-label")).to_have_text("latest")
    # share links carry only non-default keys: the default view names no month
    expect(watched_page).not_to_have_url(re.compile(r"[?&]date=(?!latest)"))
    expect(watched_page.locator(".vintage")).to_have_text(f"Data: R4V update of {newest_r4v_update()}")
    expect(watched_page.locator("#map-legend")).to_contain_text(
        re.compile(r"figures from \w{3} \d{4} to \w{3} \d{4}")
    )
    shown = []
    hosts = r4v_hosts()
    assert len(hosts) == 17
    for iso in hosts:
        if hover_shows_a_dated_figure(watched_page, iso):
            shown.append(iso)
    assert len(shown) >= 16, sorted(set(hosts) - set(shown))
    assert watched_page.console_errors == []


def test_old_month_links_still_work(watched_page, server):
    watched_page.goto(f"{server.url}/?lang=en&date=2019-10")
    watched_page.wait_for_selector("#map path.country-COL")
    expect(watched_page.locator("#month-label")).to_have_text("Oct 2019")
