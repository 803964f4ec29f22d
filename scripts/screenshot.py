"""Take headless-Chromium screenshots of a running dashboard at projector and phone sizes.

Usage: python scripts/screenshot.py URL OUT_DIR [NAME]
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.browser import CHROMIUM_ARGS, MAP_READY  # noqa: E402  (same flags as the benchmark)

SIZES = {"projector": (1280, 720), "phone": (390, 844), "large": (1920, 1080)}
# the map is drawn (even behind the table) and, in the table view, the table has its rows
READY = f"""() => ({MAP_READY})()
    && (document.getElementById('table-twin').hidden || !!document.querySelector('#twin-table tbody tr'))"""


def main(url: str, out_dir: str, name: str = "view") -> None:
    """Save NAME-projector/-phone/-large.png, printing console errors and outside requests."""
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for label, (width, height) in SIZES.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            page.on("console", lambda m: m.type == "error" and print("console error:", m.text))
            page.on(
                "request",
                lambda r: (
                    not r.url.startswith(url.split("/?")[0].rstrip("/")) and print("outside request:", r.url)
                ),
            )
            page.goto(url)
            page.wait_for_function(READY, timeout=30000)
            page.wait_for_load_state("networkidle")
            page.screenshot(path=f"{out_dir}/{name}-{label}.png", full_page=label == "phone")
            page.close()
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
