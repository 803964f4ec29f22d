"""Share links in headless Chromium: only non-default keys; an older, longer link still reopens its view."""

import re
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import expect

from layers.services import KINDS

MAP_READY = "() => !!document.querySelector('#map path.country-COL')"


def test_the_default_view_shares_the_bare_address(browser, server):
    context = browser.new_context(locale="es-ES", extra_http_headers={"Accept-Language": "es-ES,es;q=0.9"})
    page = context.new_page()
    page.goto(f"{server.url}/?lang=es&date=latest&metric=absolute")  # every key at its default
    page.wait_for_function(MAP_READY)
    page.locator(".share summary").click()
    expect(page.locator("#share-link")).to_have_value(f"{server.url}/")
    snippet = page.locator("#share-embed").input_value()
    assert f'src="{server.url}/?embed=1"' in snippet
    context.close()


def test_a_country_in_english_shares_exactly_those_keys(watched_page, server):
    watched_page.goto(
        f"{server.url}/?lang=en&country=COL&date=latest&layers=entry_points,land_routes,maritime_routes"
    )
    watched_page.wait_for_function(MAP_READY)
    watched_page.locator(".share summary").click()
    expect(watched_page.locator("#share-link")).to_have_value(re.compile(r"country=COL"))
    link = urlsplit(watched_page.locator("#share-link").input_value())
    assert link.scheme + "://" + link.netloc == server.url and link.path == "/"
    assert parse_qs(link.query, keep_blank_values=True) == {"lang": ["en"], "country": ["COL"]}


def test_an_old_style_link_reopens_the_same_view_and_shares_a_short_one(watched_page, server):
    old = (
        f"{server.url}/?lang=en&date=2020-06&metric=absolute&second=per_1000"
        f"&layers=entry_points,land_routes,admin1&services={','.join(KINDS)}&country=per"
    )
    watched_page.goto(old)
    watched_page.wait_for_function(MAP_READY)
    expect(watched_page.locator("#month-label")).to_have_text("Jun 2020")
    expect(watched_page.locator("#country-title")).to_have_text("Peru")
    expect(watched_page.locator(".url-notice")).to_have_count(0)  # nothing in the old link is refused
    watched_page.locator("#map .leaflet-control-layers").hover()
    expect(watched_page.get_by_label("Maritime routes (schematic)")).not_to_be_checked()
    expect(watched_page.get_by_label("Land corridors (schematic)")).to_be_checked()
    watched_page.locator(".share summary").click()
    expect(watched_page.locator("#share-link")).to_have_value(re.compile(r"country=PER"))
    query = parse_qs(urlsplit(watched_page.locator("#share-link").input_value()).query)
    assert query == {
        "lang": ["en"],
        "date": ["2020-06"],
        "country": ["PER"],
        "layers": ["entry_points,land_routes"],
    }
