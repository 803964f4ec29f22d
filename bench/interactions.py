"""Per-interaction cost in a loaded page: bytes over the wire and server time, per repetition."""

from __future__ import annotations

import json
import statistics
import time
import urllib.request
from collections.abc import Callable

import brotli

from bench.browser import MAP_READY, button, open_page

COUNTRIES = ["COL", "PER", "ECU", "CHL", "BRA", "ARG"]


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile (0 for no values)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]


def summary(samples: list[dict]) -> dict:
    """Mean bytes and requests, server-time percentiles over repetitions."""
    server = [s["server_ms"] for s in samples]
    return {
        "reps": len(samples),
        "bytes": statistics.mean(s["bytes"] for s in samples),
        "requests": statistics.mean(s["requests"] for s in samples),
        "p50": percentile(server, 0.50),
        "p95": percentile(server, 0.95),
        "wall_p50": percentile([s["wall_ms"] for s in samples], 0.5),
    }


def repeat(page, recorder, action: Callable[[int], None], reps: int) -> dict:
    """Run `action(i)` `reps` times; after each, wait for the network to go quiet and account."""
    samples = []
    outputs: set[str] = set()
    for i in range(reps):
        mark, posted = recorder.mark(), len(recorder.posts)
        started = time.perf_counter()
        action(i)
        wall = (time.perf_counter() - started) * 1000
        recorder.wait_idle(page)
        requests = recorder.since(mark)
        outputs.update(str(body.get("output", "?"))[:60] for body in recorder.posts[posted:])
        samples.append(
            {
                "bytes": sum(r.encoded_bytes for r in requests),
                "requests": len(requests),
                "server_ms": sum(r.server_ms for r in requests),
                "wall_ms": wall,
            }
        )
    return {**summary(samples), "callbacks": sorted(outputs)}


def text(page, selector: str) -> str:
    return page.locator(selector).first.text_content() or ""


def changed(page, selector: str, before: str) -> None:
    """Wait until the text of `selector` differs from `before`."""
    page.wait_for_function(
        "([s, b]) => (document.querySelector(s)?.textContent || '') !== b", arg=[selector, before], polling=10
    )


def measure_interactions(browser, url: str, reps: int, play_reps: int, lang_reps: int) -> dict[str, dict]:
    """Slider step, play 12 months, country click, layer toggle, metric switch, language switch."""
    context, page, recorder = open_page(browser)
    page.goto(f"{url}/?lang=en&date=2017-01")
    page.wait_for_function(MAP_READY, polling=20)
    recorder.wait_idle(page, quiet=0.5)
    results = {}

    def slider(i: int) -> None:
        before = text(page, "#month-label")
        page.click("#next-month" if i % 2 == 0 else "#previous-month")
        changed(page, "#month-label", before)

    results["slider step"] = repeat(page, recorder, slider, reps)

    def play(i: int) -> None:
        page.evaluate(
            """() => { window.__steps = 0; const label = document.querySelector('#month-label');
            new MutationObserver(() => window.__steps++).observe(label, {subtree: true, childList: true,
            characterData: true}); }"""
        )
        page.click("#play")
        page.wait_for_function("() => window.__steps >= 12", polling=10, timeout=60_000)
        page.click("#play")

    results["play 12 months"] = repeat(page, recorder, play, play_reps)

    def country(i: int) -> None:
        before = text(page, "#country-title")
        # The map zooms to each selected country: dispatch the click, the next one may be off screen.
        page.eval_on_selector(
            f"#map path.country-{COUNTRIES[i % len(COUNTRIES)]}",
            "(path) => path.dispatchEvent(new MouseEvent('click', {bubbles: true, view: window}))",
        )
        changed(page, "#country-title", before)

    results["country click"] = repeat(page, recorder, country, reps)
    page.keyboard.press("Escape")
    recorder.wait_idle(page)

    page.locator("#map .leaflet-control-layers").hover()
    toggle = page.get_by_label("Entry points")

    def layer(i: int) -> None:
        if toggle.is_checked():
            toggle.uncheck()
            page.wait_for_function("() => !document.querySelector('#map .crossing-icon')", polling=10)
        else:
            toggle.check()
            # close crossings hide under a count badge (map_layers.js): wait for markers drawn, not shown
            page.wait_for_function("() => document.querySelector('#map .crossing-icon')", polling=10)

    results["layer toggle"] = repeat(page, recorder, layer, reps)

    def metric(i: int) -> None:
        before = text(page, "#map-legend")
        page.click(button("metric", "per_1000" if i % 2 == 0 else "absolute"))
        changed(page, "#map-legend", before)

    results["metric switch"] = repeat(page, recorder, metric, reps)

    def language(i: int) -> None:
        target = "es" if i % 2 == 0 else "en"
        page.click(button("lang", target))
        page.wait_for_function(f"() => document.documentElement.lang === '{target}'", polling=20)
        page.wait_for_function(MAP_READY, polling=20)

    results["language switch"] = repeat(page, recorder, language, lang_reps)
    context.close()
    return results


def naive_slider_step(url: str, data, reps: int) -> dict:
    """The naive way: colour every admin-0 feature for the month and resend the whole GeoJSON.

    Same work a server callback returning the figure would do (build, JSON, brotli 4 as
    flask-compress does), timed in this process at the geometry the app serves.
    """
    from layers.choropleth import BREAKS, PALETTE, stock_matrix

    layout = urllib.request.urlopen(url + "/_dash-layout").read().decode().replace("\\u002f", "/")
    path = layout.split('"/geo/admin0.')[1].split('"')[0]
    body = urllib.request.urlopen(f"{url}/geo/admin0.{path}").read()
    matrix = stock_matrix(data)
    breaks = BREAKS["absolute"]
    times, sizes = [], []
    for i in range(reps):
        started = time.perf_counter()
        collection = json.loads(body)
        month = i % len(matrix["months"])
        for feature in collection["features"]:
            values = matrix["areas"].get(feature["id"], {}).get("v") or []
            value = values[month] if month < len(values) else None
            shade = None if value is None else PALETTE[sum(value >= b for b in breaks) - 1]
            feature["properties"]["fill"] = shade
        wire = brotli.compress(json.dumps(collection, separators=(",", ":")).encode(), quality=4)
        times.append((time.perf_counter() - started) * 1000)
        sizes.append(len(wire))
    return {
        "reps": reps,
        "bytes": statistics.mean(sizes),
        "requests": 1,
        "p50": percentile(times, 0.5),
        "p95": percentile(times, 0.95),
    }
