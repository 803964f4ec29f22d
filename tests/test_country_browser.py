"""The country drill-down in headless Chromium."""

import csv
import io
import urllib.request

from playwright.sync_api import expect

from tests.datadir import SHIPPED_DATA


def open_dashboard(page, server, query="lang=en&date=2019-06"):
    page.goto(f"{server.url}/?{query}")
    page.wait_for_selector("#map path.country-COL", state="attached")


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
    expect(headline).to_contain_text("published figure as of Oct 31, 2019")


def data_rows(name: str, iso: str) -> list[dict]:
    with (SHIPPED_DATA / "figures" / name).open(encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle) if row["iso_a3"] == iso]


def test_timeline_gives_permits_their_own_axis_and_names_each_mechanism(watched_page, server):
    open_dashboard(watched_page, server, "lang=en&date=2019-06&country=COL")
    chart = watched_page.locator("#country-timeline")
    permits = [r for r in data_rows("residence_permits.csv", "COL") if r["measure"].endswith("_issued")]
    expect(chart.locator(".barlayer .point path")).to_have_count(len(permits))
    expect(chart.locator(".annotation-text")).to_contain_text(
        ["Venezuelans hosted", "Residence permits granted in the year", "Regularisation mechanisms"]
    )
    # 68,799 permits in 2017 next to 1.8 M people: on a shared axis the bar would be 5 px tall
    heights = [bar.bounding_box()["height"] for bar in chart.locator(".barlayer .point path").all()]
    assert min(heights) >= 8 and max(heights) >= 40, heights
    expect(chart.locator(".barlayer .bartext")).to_contain_text(["11,743", "15,541", "68,799"])

    labels = chart.locator(".scatterlayer .textpoint text")
    dated = [r for r in data_rows("regularisation_mechanisms.csv", "COL") if r["launched"]]
    expect(labels).to_have_count(len(dated))
    expect(labels.first).to_have_text("PEP – primera fase")
    figure = chart.locator(".main-svg").first.bounding_box()
    for label in labels.all():
        box = label.bounding_box()
        assert figure["x"] <= box["x"] and box["x"] + box["width"] <= figure["x"] + figure["width"]


def test_timeline_speaks_the_interface_language(watched_page, server):
    open_dashboard(watched_page, server, "lang=es&date=2019-06&country=CHL")
    chart = watched_page.locator("#country-timeline")
    expect(chart.locator(".annotation-text")).to_contain_text(
        ["Venezolanos acogidos", "Permisos de residencia otorgados en el año", "Mecanismos de regularización"]
    )
    expect(chart.locator(".legendtext")).to_contain_text(["estimado entre cifras publicadas"])
    expect(chart.locator(".barlayer .bartext")).to_contain_text(["9.730", "26.625", "84.425"])


def test_regional_lines_are_named_and_their_names_do_not_overlap(watched_page, server):
    open_dashboard(watched_page, server, "lang=en&date=2021-08&country=ECU")
    rows = csv.DictReader(
        io.StringIO(
            urllib.request.urlopen(f"{server.url}/export/map.csv?date=2021-08&lang=en")
            .read()
            .decode("utf-8-sig")
        )
    )
    largest = [r["country"] for r in sorted(rows, key=lambda r: -float(r["value"]))[:5]]
    names = watched_page.locator("#line-chart .annotation-text")
    for name in [*largest, "Region total", "Ecuador"]:
        expect(names.filter(has_text=name)).to_have_count(1)
    boxes = [box for box in (n.bounding_box() for n in names.all()) if box]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            apart = a["y"] + a["height"] <= b["y"] + 1 or b["y"] + b["height"] <= a["y"] + 1
            apart = apart or a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
            assert apart, (a, b)
