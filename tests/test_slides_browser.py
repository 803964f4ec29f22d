"""Slide mode (present=1) in headless Chromium: scenes move the real map and change its measure,
the caption band never covers the selected country, a large timeline, scene keys and scene list."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.datadir import SHIPPED_DATA, broken_copy

SCENES = json.loads((SHIPPED_DATA / "scenes.json").read_text(encoding="utf-8"))["scenes"]
SIZES = {"1280x720": (1280, 720), "1920x1080": (1920, 1080)}
# the legend title each measure reads in English (dashboard/i18n/en.json, typed out here)
TITLES = {
    "absolute": "Venezuelans hosted",
    "per_1000": "Venezuelans per 1,000 inhabitants",
    "permits": "Residence permits granted in the year",
    "funding": "IOM 2018 funding requested (USD)",
    "funding_per_1000": "IOM 2018 funding requested per 1,000",
    "balance": "Migratory balance of Venezuelans",
}
SHOWS = """([south, west, north, east]) => { const m = window.corredores.leafletMap('map');
  if (!m) return false; const b = m.getBounds();
  const fits = b.contains([[south, west], [north, east]]);
  const tight = (north - south) / (b.getNorth() - b.getSouth()) > 0.6
    || (east - west) / (b.getEast() - b.getWest()) > 0.6;
  return fits && tight; }"""
VIEW = """() => { const b = window.corredores.leafletMap('map').getBounds();
  return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()].map(v => +v.toFixed(3)); }"""
# the colours the legend's classes show, and the colours the map's countries are filled with
# (a hatched fill is a pattern: its tile's background colour), all as #rrggbb
COLOURS = """() => { const ctx = document.createElement('canvas').getContext('2d');
  const hex = c => { ctx.fillStyle = '#000'; ctx.fillStyle = c; return ctx.fillStyle; };
  const bars = document.querySelectorAll('#map-legend .legend-bar .bar');
  const legend = [...bars].map(b => hex(b.style.backgroundColor));
  const fills = [...document.querySelectorAll('#map path.country')].map(p => {
    const f = p.getAttribute('fill') || ''; const id = (f.match(/url\\(#([^)]+)\\)/) || [])[1];
    return id ? hex(document.getElementById(id).querySelector('rect').getAttribute('fill')) : hex(f); });
  return {legend, fills}; }"""
STEP_MS = 600  # the play step: dcc.Interval(id=ticker, interval=600) in dashboard/pages/layout.py
CLEAR = """([iso, covers]) => { const path = document.querySelector('#map path.country-' + iso);
  if (!path) return false;
  const p = path.getBoundingClientRect(), f = document.getElementById('map').getBoundingClientRect();
  const v = [Math.max(p.left, f.left), Math.max(p.top, f.top),
             Math.min(p.right, f.right), Math.min(p.bottom, f.bottom)];
  if (v[2] - v[0] < 40 || v[3] - v[1] < 40) return false;
  return covers.every(selector => { const c = document.querySelector(selector).getBoundingClientRect();
    return !(v[0] < c.right && c.left < v[2] && v[1] < c.bottom && c.top < v[3]); }); }"""


def open_slides(page, server, size="1280x720", query=""):
    page.set_viewport_size(dict(zip(("width", "height"), SIZES[size], strict=True)))
    page.goto(f"{server.url}/?lang=en&present=1{query}")
    page.wait_for_selector("#map path.country-COL", state="attached")
    page.wait_for_function("() => window.corredores.leafletMap('map')")
    page.locator("h1").click()  # keys go to the page, not to a control


def bounds_of(scene) -> list[float]:
    (south, west), (north, east) = scene["bounds"]
    return [south, west, north, east]


def go_to_scene(page, number: int) -> dict:
    """Press the scene's key and wait until the Leaflet map shows its bounds; the scene."""
    scene = SCENES[number - 1]
    page.keyboard.press(str(number))
    expect(page.locator("#scene-caption")).to_contain_text(f"Scene {number} · {scene['title']['en']}")
    page.wait_for_function(SHOWS, arg=bounds_of(scene))
    return scene


def test_each_scene_moves_the_map_to_its_bounds_and_shows_its_measure(watched_page, server):
    page = watched_page
    open_slides(page, server, query="&country=PER")  # start away from every scene's view
    page.wait_for_function("() => window.corredores.leafletMap('map').getBounds().getSouth() > -25")
    before = page.evaluate(VIEW)
    for number in range(1, len(SCENES) + 1):
        scene = go_to_scene(page, number)
        expect(page.locator("#map-legend .legend-title")).to_contain_text(TITLES[scene["measure"]])
        now = page.evaluate(VIEW)
        if scene["bounds"] != SCENES[number - 2]["bounds"] or number == 1:
            assert now != before, scene["id"]
        before = now
        colours = page.evaluate(COLOURS)
        palette = page.evaluate(
            "m => window.corredores.config[m === 'balance' ? 'balance_palette' : 'palette']", scene["measure"]
        )
        assert colours["legend"] == palette, scene["id"]
        assert set(colours["fills"]) & set(palette), scene["id"]  # the map draws the legend's classes
        if scene["measure"] == "balance":
            assert set(colours["legend"]).isdisjoint(page.evaluate("() => window.corredores.config.palette"))
    # Plotly may log a NaN path for the line chart hidden in slide mode (display: none); nothing else
    assert [e for e in page.console_errors if not e.startswith("Error: <path> attribute d")] == []


@pytest.mark.parametrize("size", list(SIZES))
def test_the_caption_and_legend_never_cover_the_selected_country(page, server, size):
    open_slides(page, server, size)
    for number, scene in enumerate(SCENES, start=1):
        if not scene["country"]:
            continue
        go_to_scene(page, number)
        expect(page.locator(f"#map path.country-{scene['country']}")).to_have_attribute("stroke", "#d95f02")
        for cover in (".scene-band", "#map-legend"):
            assert page.locator(cover).bounding_box()["width"] > 100, cover
        # the country's part inside the map, at least 40 px square, is clear of the caption band and legend
        page.wait_for_function(CLEAR, arg=[scene["country"], [".scene-band", "#map-legend"]])


def test_the_timeline_reads_from_the_back_of_the_room(page, server):
    open_slides(page, server, "1920x1080")
    go_to_scene(page, 2)
    label = page.locator("#month-label")
    expect(label).to_have_text("Sep 2018")
    size = label.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 48 and label.bounding_box()["height"] >= 48
    marks = page.locator(".timebar .dash-slider-mark").filter(has_text=re.compile(r"\d{4}"))
    assert marks.first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= 18
    caption = page.locator("#scene-caption .scene-text")
    assert caption.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= 20


def test_home_end_and_the_scene_list_pick_scenes_by_keyboard(page, server):
    open_slides(page, server)
    last = len(SCENES)
    page.keyboard.press("End")
    expect(page.locator("#scene-caption")).to_contain_text(f"Scene {last} · {SCENES[-1]['title']['en']}")
    page.keyboard.press("Home")
    expect(page.locator("#scene-caption")).to_contain_text(f"Scene 1 · {SCENES[0]['title']['en']}")
    page.keyboard.press("s")
    scene_list = page.locator("#scene-list")
    expect(scene_list).to_have_attribute("open", "")
    for scene in SCENES:
        expect(scene_list.get_by_role("button", name=scene["title"]["en"])).to_be_visible()
    expect(scene_list.locator(".scene-button").first).to_be_focused()  # the current scene
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(scene_list.locator(".scene-button").nth(2)).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#scene-caption")).to_contain_text(f"Scene 3 · {SCENES[2]['title']['en']}")
    expect(scene_list).not_to_have_attribute("open", "")
    page.wait_for_function(SHOWS, arg=bounds_of(SCENES[2]))


def test_space_pauses_and_resumes_a_scene_that_plays_a_range(page, server):
    open_slides(page, server)
    number = next(i for i, scene in enumerate(SCENES, start=1) if "play" in scene)
    label = page.locator("#month-label")
    page.keyboard.press(str(number))
    first = page.evaluate("m => window.corredores.format.month(m)", SCENES[number - 1]["play"]["from"])
    expect(label).not_to_have_text(first)  # it plays
    expect(page.locator("#play")).to_have_text("❚❚")
    page.keyboard.press("Space")
    expect(page.locator("#play")).to_have_text("▶")
    shown = label.text_content()
    start = page.evaluate("() => performance.now()")
    page.wait_for_function("([t, ms]) => performance.now() > t + 3 * ms", arg=[start, STEP_MS])
    assert label.text_content() == shown  # three steps later, still the same month
    page.keyboard.press("Space")
    expect(page.locator("#play")).to_have_text("❚❚")
    expect(label).not_to_have_text(shown)


def test_the_second_map_shows_the_migratory_balance_with_derived_figures_flagged(page, server):
    page.goto(f"{server.url}/?lang=en&date=2019-09&second=balance")
    page.wait_for_selector("#second-map path.country-BRA", state="attached")
    expect(page.locator("#second-legend .legend-title")).to_contain_text("Migratory balance of Venezuelans")
    expect(page.locator("#second-legend")).to_contain_text("entries minus exits computed here")
    brazil = page.locator("#second-map path.country-BRA")
    # Brazil's cumulative 213,000 to 30 Sep 2019 is published: a solid fill of the balance palette
    expect(brazil).to_have_attribute("fill", re.compile(r"^#"))
    assert brazil.get_attribute("fill") in page.evaluate("() => window.corredores.config.balance_palette")
    # Peru's September 2019 balance is entries minus exits computed here: hatched, more exits (orange)
    peru = page.locator("#second-map path.country-PER")
    expect(peru).to_have_attribute("fill", re.compile(r"^url\(#corredores-hatch-"))
    tile = page.evaluate(
        "id => document.getElementById(id).querySelector('rect').getAttribute('fill')",
        peru.get_attribute("fill")[5:-1],
    )
    assert tile in page.evaluate("() => window.corredores.config.balance_palette.slice(0, 3)")  # below zero
    box = peru.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.move(box["x"] + box["width"] / 2 + 3, box["y"] + box["height"] / 2 + 3)
    tip = page.locator(".country-tooltip")
    expect(tip).to_contain_text("Peru")
    expect(tip).to_contain_text("-2,248")
    expect(tip).to_contain_text("balance from Sep 1, 2019 to Sep 30, 2019")
    expect(tip).to_contain_text("entries minus exits computed here")


def test_a_scene_range_stops_playing_at_its_last_month(page, start_server, tmp_path):
    data = broken_copy(tmp_path)
    path = data / "scenes.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    document["scenes"][0].pop("date", None)
    document["scenes"][0]["play"] = {"from": "2019-01", "to": "2019-03"}
    path.write_text(json.dumps(document), encoding="utf-8")
    open_slides(page, start_server(data))
    page.keyboard.press("1")
    label = page.locator("#month-label")
    expect(label).to_have_text("Feb 2019")  # playing from Jan 2019
    expect(label).to_have_text("Mar 2019")
    expect(page.locator("#play")).to_have_text("▶")  # paused at the range's end
    start = page.evaluate("() => performance.now()")
    page.wait_for_function("([t, ms]) => performance.now() > t + 3 * ms", arg=[start, STEP_MS])
    assert label.text_content() == "Mar 2019"
