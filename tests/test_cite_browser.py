"""Cite this in headless Chromium: the sentence with one link, the full reference toggle that stays
open, the copy buttons (plain text with one URL; valid CSL-JSON), in Spanish."""

import json

from playwright.sync_api import expect


def open_cite(page, server, query):
    page.goto(f"{server.url}/?{query}")
    page.wait_for_selector("#map path.country-COL", state="attached")
    page.locator("#cite-details > summary").click()


def test_full_reference_opens_and_stays_open_with_its_copies(browser, server):
    context = browser.new_context(locale="es-ES")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    page = context.new_page()
    open_cite(page, server, "lang=es&date=2019-10&country=COL")
    sentence = page.locator("#cite-text")
    expect(sentence).to_have_text(
        "Al 31 de octubre de 2019, Colombia acogía 1.630.903 refugiados y migrantes de Venezuela "
        "(fuente: Migración Colombia)."
    )
    expect(sentence.locator("a")).to_have_count(1)
    page.locator("#cite-full > summary").click()
    full = page.locator("#cite-full")
    expect(full).to_have_attribute("open", "")
    expect(full.locator(".cite-references li")).to_contain_text("publicada en diciembre de 2019")
    expect(full.locator(".cite-references a")).to_have_attribute(
        "href", r"https://elsumario.com/mas-de-16-millones-de-venezolanos-viven-en-colombia/"
    )
    items = json.loads(page.locator("#cite-csl").inner_text())
    assert items[0]["type"] == "dataset" and items[0]["author"] == [{"literal": "Migración Colombia"}]
    expect(page.locator("#cite-bibtex")).to_contain_text("@misc{corredores-col-2019-10,")
    # copying the sentence: the text and its one link, as a URL after it
    page.locator(".cite-copy").click()
    read = """() => { navigator.clipboard.readText().then((text) => { window.copied = text; });
        return (window.copied || '').includes('Migración Colombia'); }"""
    page.wait_for_function(read)
    copied = page.evaluate("window.copied")
    assert copied.startswith("Al 31 de octubre de 2019, Colombia acogía 1.630.903")
    assert copied.count("http") == 1 and copied.endswith("viven-en-colombia/")
    expect(full).to_have_attribute("open", "")  # a click inside the panel does not rebuild it
    page.locator("#next-month").click()
    expect(sentence).to_contain_text("En noviembre de 2019, Colombia acogía unos 1.700.000")
    context.close()
