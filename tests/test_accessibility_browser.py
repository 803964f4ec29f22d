"""axe-core (npm axe-core 4.14.1, vendored in tests/vendor) finds no serious or critical violation."""

from pathlib import Path

import pytest
from scrolling import scroll_to

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
PROJECTOR = {"width": 1280, "height": 720}
PHONE = {"width": 390, "height": 844}
VIEWS = {
    "main view": ("lang=es", PROJECTOR),
    "country panel": ("lang=es&country=COL&date=2019-10", PROJECTOR),
    "presenter mode": ("lang=en&present=1", PROJECTOR),
    "table view": ("lang=es&tab=table&country=PER", PROJECTOR),
    "phone layout": ("lang=es&country=COL", PHONE),
}


@pytest.fixture
def axe_browser_context(browser):
    # axe is injected by the test, not served by the app: let it past the app's CSP
    contexts = []

    def open_context(viewport):
        context = browser.new_context(bypass_csp=True, viewport=viewport)
        contexts.append(context)
        return context.new_page()

    yield open_context
    for context in contexts:
        context.close()


@pytest.mark.parametrize("view", VIEWS)
def test_no_serious_or_critical_violations(axe_browser_context, server, view):
    query, viewport = VIEWS[view]
    axe_page = axe_browser_context(viewport)
    axe_page.goto(f"{server.url}/?{query}")
    axe_page.wait_for_selector("#map path.country-COL", state="attached")
    scroll_to(axe_page)  # charts draw when they come near the view
    axe_page.wait_for_selector("#bar-chart .bars path", state="attached")
    if "country" in query:
        axe_page.wait_for_selector("#country-body .mechanism")
    if "tab=table" in query:
        axe_page.wait_for_selector("#twin-table tbody tr")
    axe_page.evaluate(AXE)
    results = axe_page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}"
        for v in results
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == [], "\n".join(serious)
