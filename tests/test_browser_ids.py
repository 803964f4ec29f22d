"""assets/*.js name components only through the ids handed over from dashboard/ids.py."""

from __future__ import annotations

import re
from pathlib import Path

from dashboard.browser_config import component_ids

ASSETS = Path(__file__).resolve().parent.parent / "assets"
ID_NAME = re.compile(r"\bids\.([A-Za-z_][A-Za-z_0-9]*)")
# places where a string names a component: lookups, set_props, clicks, comparisons with the trigger
LITERAL_ID = re.compile(
    r"""(?:getElementById|setProps|set_props|click|byId)\(\s*["'`]([^"'`]+)["'`]"""
    r"""|querySelector(?:All)?\(\s*["'`][^"'`]*#([A-Za-z][\w-]*)"""
    r"""|closest\(\s*["'`][^"'`]*#([A-Za-z][\w-]*)"""
    r"""|(?:triggered\(\)|triggered_id|source|id)\s*[!=]==?\s*["'`]([^"'`]+)["'`]"""
)


def problems(script: str, known: dict[str, str]) -> list[str]:
    """Id literals, and `ids.NAME` references that dashboard/ids.py lacks, in one script."""
    found = [f"literal id {next(g for g in m.groups() if g)!r}" for m in LITERAL_ID.finditer(script)]
    unknown = [name for name in ID_NAME.findall(script) if name not in known]
    found += [f"ids.{name} is not in dashboard/ids.py" for name in unknown]
    return found


def scripts() -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(ASSETS.glob("*.js"))}


def test_browser_code_uses_only_ids_from_ids_py():
    known = component_ids()
    used = {name for text in scripts().values() for name in ID_NAME.findall(text)}
    assert len(used) >= 10, "the scan found almost no ids: it would pass vacuously"
    assert {name: problems(text, known) for name, text in scripts().items() if problems(text, known)} == {}


def test_the_scan_catches_a_literal_id_and_an_unknown_name():
    known = component_ids()
    assert problems('document.getElementById("cite-details")', known) == ["literal id 'cite-details'"]
    assert problems("setProps('no-such-thing', {})", known) == ["literal id 'no-such-thing'"]
    assert problems('if (triggered() === "ticker") step += 1;', known) == ["literal id 'ticker'"]
    assert problems('document.querySelector("#map .leaflet-pane")', known) == ["literal id 'map'"]
    assert problems("click(ids.NO_SUCH_BUTTON)", known) == ["ids.NO_SUCH_BUTTON is not in dashboard/ids.py"]
    assert problems("click(ids.PLAY)", known) == []


def test_the_page_hands_every_id_to_the_browser(page, server):
    page.goto(f"{server.url}/?lang=en")
    page.wait_for_function("() => window.corredores && window.corredores.ids")
    assert page.evaluate("() => window.corredores.ids") == component_ids()
