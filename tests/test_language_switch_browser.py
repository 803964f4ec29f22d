"""A language switch in headless Chromium: no reload, nothing refetched, the view kept, texts changed."""

import re
from urllib.parse import parse_qsl, urlsplit

import pytest
from playwright.sync_api import expect
from scrolling import scroll_to

LANGUAGE_NAMES = {"es": "Español", "en": "English", "pt": "Português"}
# hand-written: what a person reads in each language
TOOLS_HEADING = {
    "es": "Herramientas para periodistas",
    "en": "Journalist tools",
    "pt": "Ferramentas para jornalistas",
}
COLOMBIA = {"es": "Colombia", "en": "Colombia", "pt": "Colômbia"}
ENTRY_POINTS = {"es": "Puntos de entrada", "en": "Entry points", "pt": "Pontos de entrada"}
# the note under route labels on the map
SCHEMATIC = {"es": "trazado esquemático", "en": "schematic line", "pt": "traçado esquemático"}
MONTH = {"es": "oct 2019", "en": "Oct 2019", "pt": "out. de 2019"}
PRESENT_EXIT = {
    "es": "Salir del modo presentación (Esc)",
    "en": "Leave presenter mode (Esc)",
    "pt": "Sair do modo apresentação (Esc)",
}
BOUNDS = "() => window.corredores.leafletMap('map').getBounds().toBBoxString()"
LANGUAGE_GROUP = {"es": "Idioma", "en": "Language", "pt": "Idioma"}
PRESENT = re.compile(r"(^|\s)present(\s|$)")


def query(url: str) -> dict[str, str]:
    """The keys of a URL's query."""
    return dict(parse_qsl(urlsplit(url).query))


def open_view(page, url: str) -> None:
    """Open `url` and wait for the map, its legend and the country panel."""
    page.goto(url)
    page.wait_for_selector("#map path.country-COL", state="attached")
    expect(page.locator("#map-legend")).not_to_be_empty()


def drag_map(page) -> None:
    """Move the main map by hand; the address bar then carries its view."""
    box = page.locator("#map").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x - 80, y - 40, steps=5)
    page.mouse.up()
    page.wait_for_function("() => new URLSearchParams(location.search).has('view')")


def switch(page, before: str, after: str) -> list[str]:
    """Click the language `after` while the page is in `before`; the requests made until it is drawn."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    group = page.get_by_role("group", name=LANGUAGE_GROUP[before])
    group.get_by_role("button", name=LANGUAGE_NAMES[after]).click()
    page.wait_for_function(f"() => document.documentElement.lang === '{after}'")
    expect(page.locator(".tools-title")).to_have_text(TOOLS_HEADING[after])
    return requests


@pytest.mark.parametrize(("before", "after"), [("es", "en"), ("en", "pt"), ("pt", "es")])
def test_switch_keeps_the_page_and_its_view_and_changes_every_text(watched_page, server, before, after):
    page = watched_page
    open_view(page, f"{server.url}/?lang={before}&country=COL&date=2019-10&compare=PER,ECU")
    expect(page.locator("#country-panel")).to_be_visible()
    drag_map(page)
    page.evaluate("window.__beforeSwitch = 'still here'")
    bounds, url = page.evaluate(BOUNDS), page.url
    expect(page.locator("#month-label")).to_have_text(MONTH[before])

    requests = switch(page, before, after)

    assert page.evaluate("window.__beforeSwitch") == "still here"  # no reload
    expect(page.locator("#month-label")).to_have_text(MONTH[after])
    expect(page.locator(".leaflet-control-layers-overlays")).to_contain_text(ENTRY_POINTS[after])
    expect(page.locator("#map .route-label").first).to_contain_text(SCHEMATIC[after])
    expect(page.locator("#country-title")).to_have_text(COLOMBIA[after])
    expect(page.locator("#country-panel")).to_be_visible()
    expect(page.locator("#compare-body")).not_to_be_empty()
    assert page.evaluate("document.documentElement.lang") == after
    page.wait_for_function(f"() => new URLSearchParams(location.search).get('lang') === '{after}'")
    unchanged = {key: value for key, value in query(url).items() if key != "lang"}
    assert {key: value for key, value in query(page.url).items() if key != "lang"} == unchanged
    assert unchanged["view"] and unchanged["country"] == "COL" and unchanged["date"] == "2019-10"
    assert page.evaluate(BOUNDS) == bounds
    assert [address for address in requests if "/geo/" in address] == []
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == LANGUAGE_NAMES[after]
    assert page.console_errors == []


def test_switch_draws_numbers_and_panels_in_the_new_language(watched_page, server):
    page = watched_page
    open_view(page, f"{server.url}/?lang=en&country=COL&date=2019-10")
    expect(page.locator("#country-headline")).to_contain_text("1,630,903")
    switch(page, "en", "es")
    expect(page.locator("#country-headline")).to_contain_text("1.630.903")
    scroll_to(page)  # charts out of view are drawn when they come in
    expect(page.locator("#bar-chart .bars text", has_text="1.630.903")).to_have_count(1)
    expect(page.locator("#selection-label")).to_have_text("Seleccionado: Colombia")


def test_sections_opened_before_the_switch_and_names_sorted_anew_follow_it(watched_page, server):
    page = watched_page
    open_view(page, f"{server.url}/?lang=es")
    for summary in ["Tablas regionales", "Imagen del mapa y animación"]:
        page.locator("summary", has_text=summary).click()
    expect(page.get_by_role("button", name="Crear animación (GIF)")).to_be_visible()
    picker = page.get_by_role("group", name="Elija dos o tres países de acogida")
    expect(picker.get_by_role("button", name="Brasil")).to_be_visible()
    switch(page, "es", "en")
    expect(page.get_by_role("button", name="Create animation (GIF)")).to_be_visible()
    expect(page.get_by_text("IOM 2018 plan: funding requested by outcome and office (USD)")).to_be_visible()
    picker = page.get_by_role("group", name="Pick two or three host countries")
    # English sorts "Dominican Republic" before "Ecuador"; Spanish put "República Dominicana" near the end
    names = picker.get_by_role("button").all_inner_texts()
    assert names.index("Dominican Republic") < names.index("Ecuador") and "Brazil" in names
    assert page.console_errors == []


def test_old_links_and_reloads_keep_their_language(watched_page, server):
    page = watched_page
    open_view(page, f"{server.url}/?lang=pt&date=2019-10")
    assert page.evaluate("document.documentElement.lang") == "pt"
    expect(page.locator(".tools-title")).to_have_text(TOOLS_HEADING["pt"])
    switch(page, "pt", "en")
    page.reload()
    page.wait_for_selector("#map path.country-COL", state="attached")
    assert page.evaluate("document.documentElement.lang") == "en"
    expect(page.locator(".tools-title")).to_have_text(TOOLS_HEADING["en"])
    expect(page.locator("#month-label")).to_have_text(MONTH["en"])


@pytest.mark.parametrize("lang", ["es", "en", "pt"])
def test_presenter_mode_works_after_a_switch(watched_page, server, lang):
    page = watched_page
    start = "en" if lang != "en" else "es"
    open_view(page, f"{server.url}/?lang={start}&date=2019-10")
    switch(page, start, lang)
    page.locator("#present-button").click()
    expect(page.locator("#app-root")).to_have_class(PRESENT)
    expect(page.locator("#present-button")).to_have_text(PRESENT_EXIT[lang])
    page.wait_for_function("() => new URLSearchParams(location.search).get('present') === '1'")
    assert query(page.url).get("lang") == lang
    page.keyboard.press("Escape")
    expect(page.locator("#app-root")).not_to_have_class(PRESENT)
