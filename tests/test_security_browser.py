"""In Chromium: the page works under its CSP, and hostile strings in data files stay text.

The poisoned data directory is the shipped one with HTML, script and spreadsheet-formula payloads
appended to every free-text field of every CSV (found from the data package's schema), every scene
caption and the provenance notes: what reaches the map's popups and tooltips, the country panel
and its Plotly hover labels (mechanism, instrument, dates) and the methods page. The XSS checks
run with the CSP bypassed, so they prove the rendering itself is safe (textContent, React), not
merely that the CSP would block a script.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest
from datadir import SHIPPED_DATA, read_rows, write_rows
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

HOSTILE = [
    "<img src=x onerror=window.__xss=1;alert(1)>",
    "<script>window.__xss=2;alert(2)</script>",
    '"><svg onload=window.__xss=3>',
    "<iframe src=javascript:window.__xss=4>",
    '=HYPERLINK("http://evil.example","x")',
    "+1+1",
    "-2+3",
    "@SUM(1)",
]
# Columns that hold references or geometry, not text a person reads: poisoning them breaks joins.
STRUCTURAL = {
    "route_id",
    "origin_point",
    "destination_point",
    "crossings",
    "waypoints",
    "waypoints_wkt",
    "admin1",
    "observed",
    "entity",
    "country",
    "set_aside",  # a reason that takes a figure out of the main series: any text would set every row aside
}


def text_columns(directory) -> dict[str, list[str]]:
    """Every free-text column of every CSV in the data package: strings without a pattern or enum."""
    descriptor = json.loads((directory / "datapackage.json").read_text(encoding="utf-8"))
    columns = {}
    for resource in descriptor["resources"]:
        if not resource.get("path", "").endswith(".csv"):
            continue
        fields = resource.get("schema", {}).get("fields", [])
        names = [
            f["name"]
            for f in fields
            if f.get("type") == "string"
            and not {"pattern", "enum"} & set(f.get("constraints", {}))
            and f["name"] not in STRUCTURAL
        ]
        if names:
            columns[resource["path"]] = names
    return columns


WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__csp.push(e.violatedDirective + " " + e.blockedURI));
"""


def poison(directory) -> int:
    """Append a hostile string to every free-text cell, scene caption and the provenance notes.

    Returns how many fields were changed.
    """
    changed = 0
    for relative, columns in text_columns(directory).items():
        rows = read_rows(directory / relative)
        header = rows[0]
        for number, row in enumerate(rows[1:]):
            for column in columns:
                position = header.index(column)
                row[position] = f"{row[position]} {HOSTILE[number % len(HOSTILE)]}".strip()
                changed += 1
        write_rows(directory / relative, rows)
    scenes_path = directory / "scenes.json"
    document = json.loads(scenes_path.read_text(encoding="utf-8"))
    for number, scene in enumerate(document["scenes"]):
        for lang in scene["caption"]:
            scene["caption"][lang] += " " + HOSTILE[number % len(HOSTILE)]
            changed += 1
    scenes_path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    provenance = directory / "PROVENANCE.md"
    lines = provenance.read_text(encoding="utf-8").splitlines()
    first_section = next(n for n, line in enumerate(lines) if line.startswith("#") and "admin0" in line)
    lines.insert(first_section + 1, " ".join(HOSTILE))  # shown on /methods with that dataset
    provenance.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return changed + 1


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory, start_server):
    data = tmp_path_factory.mktemp("poisoned") / "data"
    shutil.copytree(SHIPPED_DATA, data)
    cells = poison(data)
    running = start_server(data)
    running.cells = cells
    running.data = data
    return running


@pytest.fixture
def hostile_page(browser, poisoned):
    """A page with the CSP bypassed that records dialogs, page errors and CSP violations."""
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.dialogs = []
    page.errors = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.add_init_script(WATCH)
    page.set_default_timeout(20_000)
    yield page
    context.close()


POPUP_WITH = """(pattern) => {
    const box = document.querySelector('.leaflet-popup-content');
    if (!box || !new RegExp(pattern).test(box.textContent)) return null;
    return {text: box.innerText, elements: box.querySelectorAll('img, script, svg, iframe').length};
}"""


def opened_popup(page, pattern: str, timeout: float = 20_000) -> dict:
    """Text and element count of the popup, read the moment it shows `pattern`.

    Some popups close again a moment later (the map pans to fit them and re-renders), so the
    content is captured inside the same poll that sees it.
    """
    return page.wait_for_function(POPUP_WITH, arg=pattern, timeout=timeout).json_value()


def assert_no_script_ran(page) -> None:
    assert page.evaluate("window.__xss") is None
    assert page.dialogs == []
    assert page.locator('img[src="x"], #react-entry-point script, svg[onload], iframe').count() == 0


def assert_literal(locator) -> None:
    """The box shows a payload as text and holds no element built from it."""
    text = locator.inner_text()
    assert any(payload.split(" ")[0].lstrip('"') in text for payload in HOSTILE if "<" in payload), text
    assert locator.locator("img, script, svg, iframe").count() == 0


MIDPOINT = """(path) => {
    const p = path.getPointAtLength(path.getTotalLength() / 2);
    const m = path.getScreenCTM();
    return {clientX: p.x * m.a + p.y * m.c + m.e, clientY: p.x * m.b + p.y * m.d + m.f};
}"""


def click_on_path(page, stroke: str) -> dict | None:
    """Click the map's paths with this stroke until one opens a route popup.

    The click is dispatched on the path element itself: a country under the mouse is brought to
    the front on hover and would otherwise take a real pointer's click.
    """
    paths = page.locator(f'#map path[stroke="{stroke}"]')
    for index in range(paths.count()):
        point = paths.nth(index).evaluate(MIDPOINT)
        paths.nth(index).dispatch_event("click", point)
        try:
            return opened_popup(page, "chematic", timeout=5000)
        except PlaywrightTimeout:
            continue
    return None


def click_until_popup(page, marker, pattern: str, attempts: int = 6) -> dict:
    """Click a marker until its popup shows `pattern`.

    The click is dispatched on the marker itself: the map may still be flying to the country, and
    a click at where the marker was a moment ago would miss it. A marker redrawn mid-flight loses
    its click, so it is clicked again.
    """
    for _ in range(attempts - 1):
        marker.dispatch_event("click")
        try:
            return opened_popup(page, pattern, timeout=5000)
        except PlaywrightTimeout:
            continue
    marker.dispatch_event("click")
    return opened_popup(page, pattern)


def hover_until_label(page, point, hover, pattern: re.Pattern, attempts: int = 6) -> None:
    """Move the mouse onto a Plotly point until the chart's hover label shows `pattern`.

    A chart redrawn while the panel settles (late sections, a resize) drops its hover label and
    may move the point, so the point's box is read again and the mouse moved onto it again.
    """

    def move_onto_point() -> None:
        point.scroll_into_view_if_needed()
        box = point.bounding_box()
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        page.mouse.move(x - 30, y - 30)
        page.mouse.move(x, y, steps=3)

    for _ in range(attempts - 1):
        try:
            move_onto_point()
            expect(hover).to_contain_text(pattern, timeout=3000)
            return
        except (AssertionError, PlaywrightError):  # no label yet, or the point was redrawn under us
            continue
    move_onto_point()
    expect(hover).to_contain_text(pattern)


def test_poisoned_data_passes_validation(poisoned):
    from layers.catalog import validate

    poisoned_columns = text_columns(poisoned.data)
    mechanisms = poisoned_columns["figures/regularisation_mechanisms.csv"]
    assert {"mechanism", "instrument", "launched", "ended"} <= set(mechanisms)  # they reach hovertemplates
    assert poisoned.cells > 1500
    assert [p for p in validate(poisoned.data) if not p.warning] == []


def test_hostile_strings_in_tooltips_popups_and_panel_stay_text(hostile_page, poisoned):
    page = hostile_page
    page.goto(f"{poisoned.url}/?lang=en&date=2021-08")
    page.wait_for_selector("#map path.country-COL")

    page.locator("#map path.country-BRA").hover(force=True)
    tooltip = page.locator(".country-tooltip")
    expect(tooltip).to_contain_text("Source")
    # the tooltip shows a short source label, which may cut the appended payload off: no element
    assert tooltip.locator("img, script, svg, iframe").count() == 0
    assert_no_script_ran(page)

    for stroke, kind in (("#0571b0", "maritime"), ("#7b3294", "land")):
        popup = click_on_path(page, stroke)
        assert popup, f"no {kind} route popup opened"
        assert any(payload in popup["text"] for payload in HOSTILE), popup
        assert popup["elements"] == 0
        assert_no_script_ran(page)
        page.keyboard.press("Escape")
    # the routes' names on their lines (some hidden where they would cover another): payloads as text
    page.goto(f"{poisoned.url}/?lang=en&date=2021-08&view=11.5,-67.5,6")
    labels = page.locator("#map .route-label")
    expect(labels.filter(has_text="Aruba <img src=x onerror")).to_be_visible()
    assert labels.locator("img, script, svg, iframe").count() == 0
    assert_no_script_ran(page)

    page.goto(f"{poisoned.url}/?lang=en&date=2021-08&country=COL")
    panel = page.locator("#country-panel")
    expect(panel).to_be_visible()
    expect(panel).to_contain_text("<img src=x onerror")
    assert panel.locator("img, script, svg[onload], iframe").count() == 0

    # the mechanism bars' hover labels carry mechanism, instrument and dates (a Plotly hovertemplate)
    markers = page.locator("#country-timeline .subplot.x3y3 .scatterlayer .trace .points path")
    expect(markers.first).to_be_attached()
    hover = page.locator("#country-timeline .hoverlayer")
    for index in range(min(3, markers.count())):
        hover_until_label(page, markers.nth(index), hover, re.compile(r"<(img|script|svg|iframe)"))
        assert hover.locator("a, image, foreignObject").count() == 0
        assert_no_script_ran(page)

    # the crossings' popups, where each crossing has its own marker
    page.goto(f"{poisoned.url}/?lang=en&date=2021-08&country=COL")
    markers = page.locator("#map .crossing-icon")
    expect(markers.nth(3)).to_be_attached()
    for index in range(4):
        popup = click_until_popup(page, markers.nth(index), "Source")
        assert any(payload in popup["text"] for payload in HOSTILE), popup
        assert popup["elements"] == 0
        page.keyboard.press("Escape")
        assert_no_script_ran(page)

    page.goto(f"{poisoned.url}/methods?lang=en")
    expect(page.locator("body")).to_contain_text("<img src=x onerror")
    assert page.locator("body img, body script, body svg, body iframe").count() == 0
    assert_no_script_ran(page)
    assert page.errors == []


def test_hostile_link_values_are_not_reflected(hostile_page, poisoned):
    page = hostile_page
    page.goto(
        f"{poisoned.url}/?lang=en&country=%3Cimg%20src%3Dx%20onerror%3Dwindow.__xss%3D9%3E&date=%3Cscript%3E"
    )
    page.wait_for_selector("#map path.country-COL")
    expect(page.locator("#url-notice")).to_contain_text("country")  # the page has read the link
    page.wait_for_load_state("networkidle")
    assert_no_script_ran(page)


def test_the_page_works_under_its_csp_without_violations(watched_page, server):
    page = watched_page
    violations = []
    page.on("console", lambda m: "Content Security Policy" in m.text and violations.append(m.text))
    page.add_init_script(WATCH)
    page.goto(
        f"{server.url}/?lang=en&date=2021-08&country=COL&layers=entry_points,land_routes,maritime_routes,services"
    )
    page.wait_for_selector("#map path.country-COL")
    page.wait_for_selector("#bar-chart .bars path")
    page.wait_for_selector("#line-chart .lines path")
    page.wait_for_selector("#map .crossing-icon")
    page.locator("#map path.country-PER").hover(force=True)
    expect(page.locator(".country-tooltip")).to_contain_text("Peru")
    expect(page.locator("#country-panel")).to_be_visible()
    page.wait_for_selector("#country-timeline .scatterlayer .trace")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__csp") == []
    assert violations == []
    assert page.console_errors == []
    assert page.outside_requests == []
