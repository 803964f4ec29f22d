"""The country drill-down in headless Chromium."""

from playwright.sync_api import expect


def open_dashboard(page, server, query="lang=en&date=2019-06"):
    page.goto(f"{server.url}/?{query}")
    page.wait_for_selector("#map path.country-COL")


def test_clicking_colombia_opens_its_panel_with_pep_and_funding(watched_page, server):
    open_dashboard(watched_page, server)
    watched_page.locator("#map path.country-COL").click(force=True)
    panel = watched_page.locator("#country-panel")
    expect(panel).to_be_visible()
    expect(watched_page.locator("#country-title")).to_have_text("Colombia")
    expect(panel).to_contain_text("Permiso Especial de Permanencia (PEP)")
    expect(panel).to_contain_text("Resolución 5797 de 2017")
    expect(panel).to_contain_text("Total 13,399,999 USD")
    expect(watched_page.locator("#country-funding .bars path")).to_have_count(5)
    assert watched_page.console_errors == []


def test_brazil_shows_normative_resolution_126_and_its_request(watched_page, server):
    open_dashboard(watched_page, server, "lang=en&date=2019-06&country=BRA")
    panel = watched_page.locator("#country-panel")
    expect(panel).to_contain_text("Resolução Normativa CNIg nº 126")
    expect(panel).to_contain_text("Total 3,424,000 USD")


def test_a_country_without_mechanisms_says_so(watched_page, server):
    open_dashboard(watched_page, server, "lang=en&country=BOL")
    panel = watched_page.locator("#country-panel")
    expect(panel).to_contain_text("No regularisation mechanism is recorded for this country in the data.")
    expect(panel.locator(".mechanism")).to_have_count(0)


def test_search_box_selects_a_country_and_close_button_hides_the_panel(watched_page, server):
    open_dashboard(watched_page, server, "lang=es")
    watched_page.locator("#country-search").fill("Perú")
    watched_page.locator("#country-search").press("Enter")
    expect(watched_page.locator("#country-title")).to_have_text("Perú")
    watched_page.locator("#country-close").click()
    expect(watched_page.locator("#country-panel")).to_be_hidden()


def test_headline_follows_the_month_and_names_its_reference(watched_page, server):
    open_dashboard(watched_page, server, "lang=en&date=2019-09&country=COL")
    headline = watched_page.locator("#country-headline")
    expect(headline).to_contain_text("Sep 2019")
    watched_page.locator("#next-month").click()
    expect(headline).to_contain_text("Oct 2019")
    expect(headline).to_contain_text("1,630,903")  # Migración Colombia, 31 Oct 2019
    expect(headline).to_contain_text("published figure as of 31 Oct 2019")
