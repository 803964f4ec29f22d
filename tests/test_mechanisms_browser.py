"""Mechanism details written in English are marked as such on Spanish and Portuguese pages."""

import csv

import pytest
from playwright.sync_api import expect

from tests.datadir import SHIPPED_DATA

MARKERS = {
    "es": "En inglés, el idioma en que se redactaron estas notas",
    "pt": "Em inglês, o idioma em que estas notas foram redigidas",
}


def colombian_mechanisms() -> list[dict]:
    """Colombia's mechanism rows as shipped."""
    with (SHIPPED_DATA / "figures" / "regularisation_mechanisms.csv").open(encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle) if row["iso_a3"] == "COL"]


def open_first_mechanism(page, server, lang: str):
    """Open Colombia's panel in `lang` and unfold its first mechanism; the mechanism element."""
    page.goto(f"{server.url}/?lang={lang}&country=COL")
    mechanism = page.locator("#country-panel .mechanism").first
    expect(mechanism).to_be_visible()
    mechanism.locator("summary").click()
    expect(mechanism.locator("dl")).to_be_visible()
    return mechanism


@pytest.mark.parametrize("lang", ["es", "pt"])
def test_english_notes_are_marked_and_tagged_on_other_language_pages(watched_page, server, lang):
    first = colombian_mechanisms()[0]
    assert first["text_lang"] == "en"
    mechanism = open_first_mechanism(watched_page, server, lang)
    expect(mechanism.locator(".original-language")).to_have_text(MARKERS[lang])
    expect(mechanism.locator(".original-language")).to_be_visible()
    grants = mechanism.locator("dd", has_text=first["grants"])
    expect(grants).to_have_attribute("lang", "en")
    # the instrument keeps the country's own language: it is not marked as English
    instrument = mechanism.locator("dd", has_text=first["instrument"])
    expect(instrument).not_to_have_attribute("lang", "en")
    assert watched_page.console_errors == []


def test_english_pages_show_no_marker(watched_page, server):
    mechanism = open_first_mechanism(watched_page, server, "en")
    expect(mechanism.locator("dd").first).to_be_visible()
    expect(mechanism.locator(".original-language")).to_have_count(0)
    expect(mechanism.locator("dd[lang]")).to_have_count(0)


@pytest.mark.parametrize(
    ("lang", "written"), [("es", "25 jul 2017"), ("en", "Jul 25, 2017"), ("pt", "25 de jul. de 2017")]
)
def test_launch_dates_are_written_as_the_page_language_writes_dates(watched_page, server, lang, written):
    assert colombian_mechanisms()[0]["launched"] == "2017-07-25"
    mechanism = open_first_mechanism(watched_page, server, lang)
    expect(mechanism.locator("dd").nth(1)).to_have_text(written)
