"""axe-core (npm axe-core 4.14.1, vendored in tests/vendor) finds no serious or critical violation."""

from pathlib import Path

import pytest

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")
VIEWS = {
    "main view": "lang=es",
    "country panel": "lang=es&country=COL&date=2019-10",
    "presenter mode": "lang=en&present=1",
}


@pytest.fixture
def axe_page(browser, server):
    # axe is injected by the test, not served by the app: let it past the app's CSP
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 720})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("view", VIEWS)
def test_no_serious_or_critical_violations(axe_page, server, view):
    axe_page.goto(f"{server.url}/?{VIEWS[view]}")
    axe_page.wait_for_selector("#map path.country-COL")
    axe_page.wait_for_selector("#bar-chart .bars path", state="attached")
    if "country" in VIEWS[view]:
        axe_page.wait_for_selector("#country-body .mechanism")
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
