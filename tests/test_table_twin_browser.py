"""The table twin of the main map, used as a person would: switch, read, sort, select, skip to it."""

import csv
import io
import re
import urllib.request
from decimal import ROUND_HALF_UP, Decimal

from playwright.sync_api import expect


def map_download(server, month: str) -> list[dict]:
    """The month's rows as the journalist's CSV download gives them (another path than the table's)."""
    with urllib.request.urlopen(f"{server.url}/export/map.csv?date={month}&lang=en") as response:
        return list(csv.DictReader(io.StringIO(response.read().decode("utf-8-sig"))))


def open_table(page, server, query: str):
    page.goto(f"{server.url}/?{query}")
    page.wait_for_selector("#map path.country-COL", state="attached")
    table = page.locator("#twin-table")
    expect(table.locator("tbody tr").first).to_be_visible()
    return table


def column(table, index: int) -> list[str]:
    return table.locator(f"tbody tr > :nth-child({index})").all_inner_texts()


def test_table_tab_replaces_the_map_and_lists_every_host_of_the_month(watched_page, server):
    watched_page.goto(f"{server.url}/?lang=en&date=2019-10")
    watched_page.wait_for_selector("#map path.country-COL", state="attached")
    expect(watched_page.locator("#twin-table")).to_be_hidden()
    map_box = watched_page.locator("#map").bounding_box()
    time_y = watched_page.locator(".timebar").bounding_box()["y"]
    watched_page.get_by_role("button", name="Table", exact=True).click()
    table = watched_page.locator("#twin-table")
    expect(table.locator("tbody tr").first).to_be_visible()
    expect(watched_page.locator("#map")).to_be_hidden()
    # the table takes the map's place: same box, the time bar does not move
    place = watched_page.locator("#table-twin").bounding_box()
    assert abs(place["y"] - map_box["y"]) <= 2 and abs(place["height"] - map_box["height"]) <= 2
    assert watched_page.locator(".timebar").bounding_box()["y"] == time_y
    table_tab = watched_page.get_by_role("button", name="Table", exact=True)
    expect(table_tab).to_have_attribute("aria-pressed", "true")
    expect(watched_page).to_have_url(re.compile(r"tab=table"))

    rows = map_download(server, "2019-10")
    expect(table.locator("tbody tr")).to_have_count(len(rows))
    expect(table.locator("caption")).to_contain_text("Oct 2019")
    for row in rows:
        named = watched_page.get_by_role("button", name=row["country"], exact=True)
        cells = table.locator("tbody tr", has=named).locator("td")
        expect(cells.nth(0)).to_have_text(f"{round(float(row['value'])):,}")
        per_1000 = Decimal(row["per_1000"]).quantize(Decimal("0.1"), ROUND_HALF_UP)  # 30.95 → 31.0
        expect(cells.nth(1)).to_have_text(f"{per_1000:,}")
        estimated = row["estimated"] == "true"
        expect(cells.nth(3)).to_have_text("estimated" if estimated else "published")
        # the reference date, or the two figures an estimate lies between
        if estimated:
            expect(cells.nth(2)).to_contain_text(" – ")
        else:
            expect(cells.nth(2)).to_contain_text(row["reference_date"][:4])
    colombia = table.locator("tbody tr", has=watched_page.get_by_role("button", name="Colombia"))
    expect(colombia.locator("td").nth(2)).to_have_text("Oct 31, 2019")
    # a short label to cite, linked to its page; never a raw URL on screen
    source = colombia.locator("td").nth(4).get_by_role("link")
    expect(source).to_have_attribute("href", re.compile(r"^https?://"))
    label = source.inner_text()
    assert 0 < len(label) <= 60 and "http" not in label and "www." not in label, label

    watched_page.get_by_role("button", name="Map", exact=True).click()
    expect(watched_page.locator("#map")).to_be_visible()
    expect(table).to_be_hidden()
    assert watched_page.console_errors == []


def test_headers_sort_the_rows_and_say_how(watched_page, server):
    table = open_table(watched_page, server, "lang=en&date=2019-10&tab=table")
    people = [int(v.replace(",", "")) for v in column(table, 2)]
    assert people == sorted(people, reverse=True) and len(set(people)) > 3
    expect(table.locator("th[aria-sort]")).to_have_count(1)

    per_1000 = table.get_by_role("button", name="Per 1,000 inhabitants")
    per_1000.focus()
    per_1000.press("Enter")  # keyboard, as the table is the keyboard route
    header = table.locator("th", has=watched_page.get_by_role("button", name="Per 1,000 inhabitants"))
    expect(header).to_have_attribute("aria-sort", "descending")
    by_share = sorted(map_download(server, "2019-10"), key=lambda row: float(row["per_1000"]))
    expect(table.locator("tbody tr").first.locator("th")).to_have_text(by_share[-1]["country"])
    values = [float(v.replace(",", "")) for v in column(table, 3)]
    assert values == sorted(values, reverse=True)
    expect(per_1000).to_be_focused()

    per_1000.press("Enter")
    expect(header).to_have_attribute("aria-sort", "ascending")
    expect(table.locator("tbody tr").first.locator("th")).to_have_text(by_share[0]["country"])

    table.get_by_role("button", name="Country").click()
    expect(table.locator("thead th").first).to_have_attribute("aria-sort", "ascending")
    names = column(table, 1)
    assert names == sorted(names) and len(names) == len(by_share)
    expect(table.locator("th[aria-sort]")).to_have_count(1)


def test_choosing_a_row_selects_the_country_everywhere(watched_page, server):
    table = open_table(watched_page, server, "lang=en&date=2019-10&tab=table")
    chile = table.get_by_role("button", name="Chile")
    chile.focus()
    chile.press("Enter")
    expect(watched_page.locator("#country-title")).to_have_text("Chile")
    expect(watched_page).to_have_url(re.compile(r"country=CHL"))
    expect(watched_page.locator("#selection-label")).to_contain_text("Chile")
    expect(chile).to_have_attribute("aria-pressed", "true")
    expect(chile).to_be_focused()  # the redrawn table keeps the keyboard where it was
    expect(table.locator("tr.selected")).to_have_count(1)
    watched_page.get_by_role("button", name="Map", exact=True).click()
    # the map shows the same selection: Chile's outline in the highlight colour
    expect(watched_page.locator("#map path.country-CHL")).to_have_attribute("stroke", "#d95f02")


def test_the_table_follows_the_slider_without_asking_the_server(watched_page, server):
    table = open_table(watched_page, server, "lang=en&date=2019-10&tab=table")
    asked = []
    watched_page.on(
        "request",
        lambda request: (
            "_dash-update-component" in request.url
            and "twin" in (request.post_data or "")
            and asked.append(request.post_data)
        ),
    )
    watched_page.locator("#next-month").click()
    expect(table.locator("caption")).to_contain_text("Nov 2019")
    watched_page.locator("#previous-year").click()
    expect(table.locator("caption")).to_contain_text("Nov 2018")
    rows = map_download(server, "2018-11")
    expect(table.locator("tbody tr")).to_have_count(len(rows))
    assert asked == []


def test_skip_link_is_the_first_tab_stop_and_lands_in_the_table(watched_page, server):
    watched_page.goto(f"{server.url}/?lang=en")
    watched_page.wait_for_selector("#map path.country-COL", state="attached")
    watched_page.keyboard.press("Tab")
    skip = watched_page.get_by_role("link", name="Skip to the data table")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box["y"] >= 0 and box["height"] > 20  # visible on focus, not clipped away
    watched_page.keyboard.press("Enter")
    expect(watched_page.locator("#twin-table")).to_be_focused()
    expect(watched_page.locator("#twin-table tbody tr").first).to_be_visible()
    watched_page.keyboard.press("Tab")
    expect(watched_page.locator("#twin-table .sort-button").first).to_be_focused()
