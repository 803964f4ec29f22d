"""Crossing popups list dated counts with units; boat-route popups list incidents."""

import re

from playwright.sync_api import Locator, expect


def crossing_popup(page, server, query: str, crossing: str) -> Locator:
    """Open the page at `query`, click the crossing's marker and return its popup."""
    page.goto(f"{server.url}/?{query}")
    marker = page.locator(f"#map .crossing-icon[title='{crossing}']")
    expect(marker).to_have_count(1)
    marker.click(force=True)
    return page.locator(".leaflet-popup-content")


def test_pacaraima_popup_lists_dated_counts_with_units(watched_page, server):
    popup = crossing_popup(watched_page, server, "lang=en&date=2019-10", "Pacaraima")
    expect(popup).to_contain_text("Published counts at this crossing")
    expect(popup).to_contain_text(re.compile(r"\w{3} \d{4}.*: ≈? ?[\d,]+ entries per day"))
    expect(popup.locator("a[href^='http']").first).to_be_visible()
    assert watched_page.console_errors == []


def test_crossing_description_follows_the_page_language(watched_page, server):
    popup = crossing_popup(watched_page, server, "lang=pt&date=2019-10", "Pacaraima")
    expect(popup).to_contain_text("Plano de Ação Regional da OIM 2018: Roraima")
    expect(popup).not_to_contain_text("IOM Regional Action Plan 2018: Roraima")
