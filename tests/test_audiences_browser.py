"""Languages, shareable URLs, presenter mode and embeds, in headless Chromium."""

import re

from playwright.sync_api import expect
from scrolling import scroll_to

HIGHLIGHT = "#d95f02"


def wait_for_map(page):
    page.wait_for_selector("#map path.country-COL", state="attached")
    scroll_to(page)  # the charts draw when they come near the view
    page.wait_for_selector("#bar-chart .bars path", state="attached")


def bar_label_texts(page):
    return page.locator("#bar-chart .bars text").all_text_contents()


def test_switching_language_changes_labels_and_number_formats(watched_page, server):
    watched_page.goto(f"{server.url}/?lang=en&date=2019-10")
    wait_for_map(watched_page)
    expect(watched_page.locator("#month-label")).to_have_text("Oct 2019")
    assert "1,630,903" in bar_label_texts(watched_page)
    watched_page.get_by_role("group", name="Language").get_by_role("button", name="Español").click()
    expect(watched_page).to_have_url(re.compile(r"lang=es"))
    wait_for_map(watched_page)
    expect(watched_page.locator("#month-label")).to_have_text("oct 2019")
    expect(watched_page.locator("h1 + .tagline")).to_have_text(
        "Refugiados y migrantes venezolanos en América Latina y el Caribe"
    )
    scroll_to(watched_page)  # a switch redraws charts in view
    expect(watched_page.locator("#bar-chart .bars text", has_text="1.630.903")).to_have_count(1)


def test_browser_language_is_the_default_and_the_url_wins(browser, server):
    context = browser.new_context(locale="pt-BR", extra_http_headers={"Accept-Language": "pt-BR,pt;q=0.9"})
    page = context.new_page()
    page.goto(f"{server.url}/?date=2019-03")
    expect(page.locator("#month-label")).to_have_text("mar. de 2019")
    expect(page.locator(".tagline")).to_contain_text("Refugiados e migrantes venezuelanos")
    page.goto(f"{server.url}/?date=2019-03&lang=en")
    expect(page.locator(".tagline")).to_contain_text("Venezuelan refugees and migrants")
    context.close()


def test_a_shared_url_reopens_the_same_view(watched_page, server):
    watched_page.goto(f"{server.url}/?lang=en&date=2020-05")
    wait_for_map(watched_page)
    watched_page.locator("#next-month").click()
    watched_page.locator("#map path.country-PER").click(force=True)
    watched_page.locator("#map .leaflet-control-layers").hover()
    watched_page.get_by_label("Maritime routes (schematic)").uncheck()
    expect(watched_page).to_have_url(re.compile(r"country=PER"))
    expect(watched_page).to_have_url(re.compile(r"date=2020-06"))
    expect(watched_page).to_have_url(re.compile(r"layers=entry_points,land_routes(&|$)"))
    shared = watched_page.url

    page = watched_page.context.new_page()
    page.goto(shared)
    wait_for_map(page)
    expect(page.locator("#month-label")).to_have_text("Jun 2020")
    expect(page.locator("#country-title")).to_have_text("Peru")
    expect(page.locator("#map path.country-PER")).to_have_attribute("stroke", HIGHLIGHT)
    page.locator("#map .leaflet-control-layers").hover()
    expect(page.get_by_label("Maritime routes (schematic)")).not_to_be_checked()
    expect(page.get_by_label("Land corridors (schematic)")).to_be_checked()


def test_presenter_keys_step_time_and_jump_to_scenes(watched_page, server):
    watched_page.goto(f"{server.url}/?lang=en&date=2020-05&present=1")
    wait_for_map(watched_page)
    size = watched_page.locator("#app-root").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 24
    watched_page.locator("h1").click()
    watched_page.keyboard.press("ArrowRight")
    expect(watched_page.locator("#month-label")).to_have_text("Jun 2020")
    watched_page.keyboard.press("Shift+ArrowRight")
    expect(watched_page.locator("#month-label")).to_have_text("Jun 2021")
    watched_page.keyboard.press("Shift+ArrowLeft")
    watched_page.keyboard.press("Shift+ArrowLeft")
    expect(watched_page.locator("#month-label")).to_have_text("Jun 2019")
    watched_page.keyboard.press("2")  # the 2017-2018 surge through Cúcuta (data/scenes.json)
    expect(watched_page.locator("#month-label")).to_have_text("Sep 2018")
    expect(watched_page.locator("#scene-caption")).to_contain_text("Cúcuta")
    expect(watched_page.locator("#country-title")).to_have_text("Colombia")
    watched_page.keyboard.press("5")  # Caribbean maritime routes, per 1,000 inhabitants
    expect(watched_page.locator("#month-label")).to_have_text("Nov 2021")
    per_1000 = watched_page.get_by_role("group", name="Measure").get_by_role(
        "button", name="Per 1,000 inhabitants"
    )
    expect(per_1000).to_have_attribute("aria-pressed", "true")
    watched_page.keyboard.press("Space")
    expect(watched_page.locator("#play")).to_have_text("❚❚")
    watched_page.keyboard.press("Space")
    expect(watched_page.locator("#play")).to_have_text("▶")
    watched_page.keyboard.press("Escape")
    expect(watched_page.locator("#app-root")).not_to_have_class(re.compile(r"\bpresent\b"))


def test_embed_view_is_chrome_less_with_attribution_and_link_back(watched_page, server):
    watched_page.goto(f"{server.url}/?lang=en&date=2019-10&embed=1")
    watched_page.wait_for_selector("#map path.country-COL", state="attached")  # an embed has no charts
    expect(watched_page.locator(".topbar")).to_be_hidden()
    expect(watched_page.locator(".embed-credit")).to_contain_text("Natural Earth")
    link = watched_page.locator("#embed-link")
    expect(link).to_have_attribute("href", re.compile(r"date=2019-10"))
    assert "embed" not in link.get_attribute("href")


def test_share_dialog_gives_the_exact_link_and_an_iframe_snippet(watched_page, server):
    watched_page.goto(f"{server.url}/?lang=en&date=2019-10&country=COL")
    wait_for_map(watched_page)
    watched_page.get_by_text("Share / embed").click()
    link = watched_page.locator("#share-link")
    expect(link).to_have_value(re.compile(r"date=2019-10.*country=COL|country=COL.*date=2019-10"))
    snippet = watched_page.locator("#share-embed").input_value()
    assert snippet.startswith("<iframe src=") and "embed=1" in snippet and "date=2019-10" in snippet
    watched_page.locator("#next-month").click()
    expect(link).to_have_value(re.compile(r"date=2019-11"))
