"""Regional tables and compare mode in headless Chromium."""

from playwright.sync_api import expect


def rows_of(page, table):
    expect(table.locator("tbody tr").first).to_be_visible()  # drawn when the section is first opened
    return [
        [cell.strip() for cell in row]
        for row in table.locator("tbody tr").evaluate_all(
            "rs => rs.map(r => [...r.cells].map(c => c.textContent))"
        )
    ]


def test_funding_table_matches_the_seed_totals_to_the_dollar(watched_page, server):
    watched_page.goto(f"{server.url}/?lang=en")
    watched_page.locator("#regional-tables > summary").click()
    table = watched_page.locator("#regional-tables table").nth(0)
    rows = {row[0]: row[1:] for row in rows_of(watched_page, table)}
    assert rows["Total"] == ["4,870,332", "8,013,791", "9,308,907", "9,968,231", "164,780", "32,326,041"]
    assert rows["Colombia"][-1] == "13,399,999"
    assert rows["Regional Office Buenos Aires"][-1] == "1,373,882"
    assert rows["Regional Office San José"][-1] == "901,092"
    assert rows["Caribbean (sub-regional)"][-1] == "1,000,022"


def test_funding_table_sorts_by_total(watched_page, server):
    watched_page.goto(f"{server.url}/?lang=en")
    watched_page.locator("#regional-tables > summary").click()
    table = watched_page.locator("#regional-tables table").nth(0)
    table.get_by_role("button", name="Total").click()
    table.get_by_role("button", name="Total").click()
    first = rows_of(watched_page, table)[:2]
    assert [row[0] for row in first] == ["Total", "Colombia"]


def test_permits_table_shows_not_available_not_zero(watched_page, server):
    watched_page.goto(f"{server.url}/?lang=en")
    watched_page.locator("#regional-tables > summary").click()
    rows = {
        row[0]: row[1:]
        for row in rows_of(watched_page, watched_page.locator("#regional-tables table").nth(1))
    }
    assert len(rows) == 12
    assert rows["Chile"] == ["9,730", "26,625", "84,425"]
    assert rows["Colombia"] == ["11,743", "15,541", "68,799"]
    assert rows["Brazil"] == ["N.A.", "N.A.", "8,470"]


def test_compare_mode_from_the_url_draws_the_chosen_countries(watched_page, server):
    watched_page.goto(f"{server.url}/?lang=en&compare=COL,PER")
    expect(watched_page.locator("#regional-tables")).to_have_attribute("open", "")
    titles = watched_page.locator("#compare-body .infolayer .annotation-text")
    expect(titles.first).to_be_visible()
    assert {"Colombia", "Peru"} <= set(titles.all_text_contents())
