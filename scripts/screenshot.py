"""Take headless-Chromium screenshots of a running dashboard at projector and phone sizes.

Usage: python scripts/screenshot.py URL OUT_DIR [NAME] [SCENE]

With SCENE (a number, for a `present=1` URL) the scene's key is pressed first and the shot waits
until the map has flown to the scene's bounds.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.browser import CHROMIUM_ARGS, MAP_READY  # noqa: E402  (same flags as the benchmark)

SIZES = {"projector": (1280, 720), "phone": (390, 844), "large": (1920, 1080)}
# the map is drawn (even behind the table) and, in the table view, the table has its rows
READY = f"""() => ({MAP_READY})()
    && (document.getElementById('table-twin').hidden || !!document.querySelector('#twin-table tbody tr'))"""


SCENE_SHOWN = """([number, s, w, n, e]) => {
  const caption = document.querySelector('#scene-caption');
  const map = window.corredores.leafletMap('map');
  const named = caption && caption.textContent.includes(' ' + number + ' ');
  return named && map.getBounds().contains([[s, w], [n, e]]); }"""


def show_scene(page, number: int) -> None:
    """Press the scene's key and wait until its caption shows and the map holds its bounds."""
    scene = json.loads((ROOT / "data" / "scenes.json").read_text(encoding="utf-8"))["scenes"][number - 1]
    (south, west), (north, east) = scene["bounds"]
    page.locator("h1").click()
    page.keyboard.press(str(number))
    page.wait_for_function(SCENE_SHOWN, arg=[number, south, west, north, east], timeout=20000)


def main(url: str, out_dir: str, name: str = "view", scene: str | None = None) -> None:
    """Save NAME-projector.png, -phone.png and -large.png, printing console errors and outside requests."""
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
            if scene:
                show_scene(page, int(scene))
            page.screenshot(path=f"{out_dir}/{name}-{label}.png", full_page=label == "phone")
            page.close()
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
