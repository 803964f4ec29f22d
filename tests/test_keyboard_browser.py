"""The page without a mouse: the time slider, the play button and the Tab order outside the map."""

from playwright.sync_api import expect

RECORD_MONTHS = """() => {
  window.seenMonths = [];
  new MutationObserver(() => window.seenMonths.push(document.getElementById('month-label').textContent))
    .observe(document.getElementById('month-label'), {childList: true, characterData: true, subtree: true});
}"""


def open_page(page, server, query):
    page.goto(f"{server.url}/?{query}")
    page.wait_for_selector("#map path.country-COL", state="attached")
    expect(page.locator("#month-label")).not_to_be_empty()


def test_an_arrow_key_on_the_slider_moves_exactly_one_month_and_says_which(watched_page, server):
    open_page(watched_page, server, "lang=en&date=2019-03")
    thumb = watched_page.get_by_role("slider")
    expect(thumb).to_have_attribute("aria-valuetext", "Mar 2019")
    watched_page.evaluate(RECORD_MONTHS)
    thumb.focus()
    thumb.press("ArrowRight")
    expect(watched_page.locator("#month-label")).to_have_text("Apr 2019")
    expect(thumb).to_have_attribute("aria-valuetext", "Apr 2019")
    thumb.press("ArrowLeft")
    expect(watched_page.locator("#month-label")).to_have_text("Mar 2019")
    expect(thumb).to_have_attribute("aria-valuetext", "Mar 2019")
    # a second handler would have passed through May 2019 (two months per press)
    assert "May 2019" not in watched_page.evaluate("window.seenMonths")
    assert watched_page.console_errors == []


def test_shift_arrow_on_the_slider_moves_exactly_one_year(watched_page, server):
    open_page(watched_page, server, "lang=en&date=2019-03")
    thumb = watched_page.get_by_role("slider")
    watched_page.evaluate(RECORD_MONTHS)
    thumb.focus()
    thumb.press("Shift+ArrowRight")
    expect(watched_page.locator("#month-label")).to_have_text("Mar 2020")
    thumb.press("Shift+ArrowLeft")
    expect(watched_page.locator("#month-label")).to_have_text("Mar 2019")
    seen = watched_page.evaluate("window.seenMonths")
    assert "Jan 2021" not in seen and "Jan 2020" not in seen, seen  # no slider jump of ten on top
    expect(thumb).to_be_focused()


def test_slider_speaks_the_month_in_the_interface_language(watched_page, server):
    open_page(watched_page, server, "lang=es&date=2019-03")
    thumb = watched_page.get_by_role("slider")
    label = watched_page.locator("#month-label").inner_text()
    assert "2019" in label and "3" not in label.replace("2019", "")  # a month name, not "50"
    expect(thumb).to_have_attribute("aria-valuetext", label)
    expect(thumb).to_have_accessible_name("Mes")


def test_play_button_name_follows_its_state(watched_page, server):
    open_page(watched_page, server, "lang=en&date=2019-03")
    play = watched_page.locator("#play")
    expect(play).to_have_accessible_name("Play")
    play.click()
    expect(play).to_have_accessible_name("Pause")
    expect(watched_page.locator("#month-label")).not_to_have_text("Mar 2019")  # it is playing
    play.click()
    expect(play).to_have_accessible_name("Play")


def tab_stops_until(page, selector: str, limit: int = 80) -> list[str]:
    """Press Tab until `selector` has focus; return what had focus at each press."""
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stops.append(
            page.evaluate(
                """() => {
                  const e = document.activeElement;
                  const where = e.closest('.leaflet-container') ? 'map' : 'page';
                  return `${where} ${e.tagName.toLowerCase()}#${e.id}.${e.getAttribute('class') || ''}`;
                }"""
            )
        )
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return stops
    raise AssertionError(f"{selector} not reached in {limit} Tab presses: {stops}")


def test_tab_order_starts_with_the_skip_link_and_reaches_the_time_controls_quickly(watched_page, server):
    open_page(watched_page, server, "lang=en&country=COL")  # Cúcuta's crossings in view
    watched_page.wait_for_selector("#map .crossing-icon")
    stops = tab_stops_until(watched_page, "#play")
    assert stops[0] == "page a#skip-link.skip-link"
    assert not [s for s in stops if " path#" in s], "country or route shapes are Tab stops"
    assert not [s for s in stops if "crossing-icon" in s], "crossing markers are Tab stops"
    # skip link, 6 header buttons, Map | Table; the map, its zoom ±, full screen, ↺, layers and
    # attribution; the services filter and the legend's fold; « ◀ ▶
    assert len(stops) <= 21, stops
    to_slider = tab_stops_until(watched_page, "[role=slider]")
    assert len(to_slider) <= 3
