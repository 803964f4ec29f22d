"""`python -m bench.floor_bench`: Corredores beside the floor app (bench/floor.py), same run and machine.

Start-up to the first /healthz 200, cold (empty cache directory) and warm (the cache directory of
the cold start: a restart on unchanged data), on the shipped data and on synthetic services; the
country-panel callback's time over loopback HTTP (warm); a language switch fully drawn in headless
Chromium. The machine's 1-minute load average is printed beside each figure: it is shared by
several agents, so read figures as sizes, not records.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bench import lighthouse
from bench.browser import MAP_READY, button, launch, open_page
from bench.interactions import percentile
from bench.server import Gunicorn
from bench.soak import country_body
from bench.synthetic import data_with_services
from layers.paths import SHIPPED_DATA_DIR

COUNTRIES = ["COL", "PER", "BRA", "CHL", "ECU", "ARG", "PAN", "MEX"]
Row = tuple[str, str, str, str, str, bool | None, str]
NOTE = "\n(the machine is shared by several agents: load average beside each figure; 2 cores)"


def load() -> str:
    """The 1-minute load average now."""
    return f"{os.getloadavg()[0]:.1f}"


def country_click_ms(url: str, reps: int) -> list[float]:
    """Milliseconds per country-panel request after warming passes (loopback: server time); the
    measured clicks are at other months than the warming ones (panels are kept per country and
    language, the month is placed per click)."""
    warming = [country_body(url, iso, 60, "es") for iso in COUNTRIES] * 3  # requests spread over workers
    months = [12 + (7 * i) % 100 for i in range(reps)]
    clicks = [country_body(url, COUNTRIES[i % len(COUNTRIES)], m, "es") for i, m in enumerate(months)]
    times = []
    for i, body in enumerate(warming + clicks):
        headers = {"Content-Type": "application/json"}
        request = urllib.request.Request(url + "/_dash-update-component", data=body, headers=headers)
        started = time.perf_counter()
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()
        if i >= len(warming):
            times.append((time.perf_counter() - started) * 1000)
    return times


def language_switch_s(url: str, reps: int) -> list[float]:
    """Seconds from a click on a language button to the page fully drawn in that language."""
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        context, page, recorder = open_page(browser)
        page.goto(f"{url}/?lang=en")
        page.wait_for_function(MAP_READY, polling=20, timeout=120_000)
        for i in range(reps):
            target = "es" if i % 2 == 0 else "en"
            started = time.perf_counter()
            page.click(button("lang", target))
            page.wait_for_function(f"() => document.documentElement.lang === '{target}'", polling=10)
            page.wait_for_function(MAP_READY, polling=10)
            recorder.wait_idle(page, quiet=0.2)
            times.append(time.perf_counter() - started - 0.2)
        context.close()
        browser.close()
    return times


def language_row(switches: list[float]) -> Row:
    """The table row of the language switches."""
    return (
        "Language switch, fully drawn",
        f"median {statistics.median(switches):.2f} s, max {max(switches):.2f} s (n={len(switches)})",
        "n/a (one language)",
        "",
        "<= 1.5 s",
        statistics.median(switches) <= 1.5,
        load(),
    )


PLAY = """async (steps) => {
  const tasks = [];
  new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)))
    .observe({type: 'longtask'});
  const label = document.querySelector('#month-label');
  const times = [];
  const observer = new MutationObserver(() => times.push(performance.now()));
  observer.observe(label, {subtree: true, childList: true, characterData: true});
  document.querySelector('#play').click();
  while (times.length < steps) await new Promise((resolve) => setTimeout(resolve, 50));
  document.querySelector('#play').click();
  observer.disconnect();
  const intervals = times.slice(1).map((t, i) => t - times[i]);
  return {intervals, longest: Math.max(0, ...tasks)};
}"""


def play_cadence(url: str, steps: int) -> dict:
    """Play from 2017-01 in headless Chromium (desktop size): intervals between month labels, and
    the longest task (Long Tasks API) while it plays."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        context, page, recorder = open_page(browser)
        page.goto(f"{url}/?lang=en&date=2017-01")
        page.wait_for_function(MAP_READY, polling=20, timeout=120_000)
        recorder.wait_idle(page, quiet=0.5)
        played = page.evaluate(PLAY, steps)
        context.close()
        browser.close()
    # a label change may come as several mutations within one frame: count steps, not mutations
    intervals = [i for i in played["intervals"] if i > 50]
    return {"median": statistics.median(intervals), "longest": played["longest"], "n": len(intervals)}


def startups(data: Path, name: str, cold_target: float | None) -> tuple[list[Row], Gunicorn]:
    """Floor, cold and warm start on `data`; returns the rows and the warm server (still running)."""
    floor = Gunicorn(data, app="bench.floor:server")
    floor_s, floor_load = floor.startup_seconds, load()
    floor.stop()
    cache = Path(tempfile.mkdtemp(prefix="corredores-bench-cache-"))
    cold = Gunicorn(data, cache_dir=cache)
    cold_s, cold_load = cold.startup_seconds, load()
    cold.stop()
    warm = Gunicorn(data, cache_dir=cache)
    warm_s = warm.startup_seconds
    rows: list[Row] = [
        (
            f"Warm start ({name})",
            f"{warm_s:.1f} s",
            f"{floor_s:.1f} s",
            f"{warm_s / floor_s:.1f}x",
            "<= 2x floor",
            warm_s <= 2 * floor_s,
            f"{load()} (floor {floor_load})",
        ),
        (
            f"Cold start ({name})",
            f"{cold_s:.1f} s",
            f"{floor_s:.1f} s",
            f"{cold_s / floor_s:.1f}x",
            f"<= {cold_target:g} s" if cold_target else "",
            cold_s <= cold_target if cold_target else None,
            cold_load,
        ),
    ]
    return rows, warm


def lighthouse_rows(url: str, floor_url: str) -> list[Row]:
    """Lighthouse performance, total blocking time, accessibility and best practices on both presets."""
    rows: list[Row] = []
    for preset in lighthouse.PRESETS:
        ours, floor = lighthouse.audit(url, preset), lighthouse.audit(floor_url, preset)
        gap = floor["performance"] - ours["performance"]
        rows.append(
            (
                f"Lighthouse performance ({preset})",
                str(ours["performance"]),
                str(floor["performance"]),
                f"{-gap:+d} points",
                "within 10 points of floor",
                gap <= 10,
                load(),
            )
        )
        ratio = ours["tbt"] / max(floor["tbt"], 1)
        rows.append(
            (
                f"Lighthouse total blocking time ({preset})",
                f"{ours['tbt']:.0f} ms",
                f"{floor['tbt']:.0f} ms",
                f"{ratio:.1f}x",
                "<= 2x floor",
                ratio <= 2,
                load(),
            )
        )
        rows.append(
            (
                f"Lighthouse accessibility / best practices ({preset})",
                f"{ours['accessibility']} / {ours['best-practices']}",
                f"{floor['accessibility']} / {floor['best-practices']}",
                "",
                "100 / 100",
                ours["accessibility"] == ours["best-practices"] == 100,
                load(),
            )
        )
        if ours["failing"]:
            print(f"Lighthouse ({preset}) audits not passed: {', '.join(ours['failing'])}", file=sys.stderr)
    return rows


def scaled_startups(points: int) -> list[Row]:
    """Floor, cold and warm start with `points` synthetic services (none when 0)."""
    if not points:
        return []
    with tempfile.TemporaryDirectory(prefix="corredores-synthetic-") as temp:
        data = data_with_services(SHIPPED_DATA_DIR, Path(temp) / "data", points)
        rows, warm = startups(data, f"{points:,} services", 30.0)
        warm.stop()
    return rows


def play_rows(url: str) -> list[Row]:
    """Play's step interval and longest task."""
    play = play_cadence(url, 13)
    return [
        (
            "Play: step interval (configured 600 ms)",
            f"median {play['median']:.0f} ms (n={play['n']})",
            "n/a (no slider)",
            f"{play['median'] / 600:.2f}x configured",
            "within 10 % of 600 ms",
            abs(play["median"] - 600) <= 60,
            load(),
        ),
        (
            "Play: longest task while playing",
            f"{play['longest']:.0f} ms",
            "n/a",
            "",
            "<= 100 ms",
            play["longest"] <= 100,
            load(),
        ),
    ]


def print_table(rows: list[Row]) -> None:
    """Figure | Corredores | floor | ratio | target | met | load average."""
    header = ("Figure", "Corredores", "Floor", "Ratio", "Target", "Met", "Load avg (1 min)")
    table = [header, *[(*r[:5], "" if r[5] is None else ("yes" if r[5] else "NO"), r[6]) for r in rows]]
    widths = [max(len(str(row[i])) for row in table) for i in range(len(header))]
    for i, row in enumerate(table):
        print(" " + " | ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=True)))
        if i == 0:
            print("-" + "+".join("-" * (w + 2) for w in widths) + "-")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.floor_bench", description=__doc__)
    parser.add_argument("--points", type=int, default=100_000, help="synthetic services (0: skip)")
    parser.add_argument("--reps", type=int, default=40, help="country clicks measured")
    parser.add_argument("--lang-reps", type=int, default=4, help="language switches measured")
    parser.add_argument("--only", choices=["startups", "language", "play"], help="measure only this part")
    args = parser.parse_args(argv)
    if args.only == "startups":
        rows, warm = startups(SHIPPED_DATA_DIR, "shipped data", None)
        warm.stop()
        print_table(rows + scaled_startups(args.points))
        print(NOTE)
        return 0
    if args.only in ("language", "play"):  # on a fresh server
        server = Gunicorn(SHIPPED_DATA_DIR)
        try:
            if args.only == "language":
                rows = [language_row(language_switch_s(server.url, args.lang_reps))]
            else:
                rows = play_rows(server.url)
        finally:
            server.stop()
        print_table(rows)
        return 0
    rows, warm = startups(SHIPPED_DATA_DIR, "shipped data", None)
    try:
        clicks = country_click_ms(warm.url, args.reps)
        p95 = percentile(clicks, 0.95)
        rows.append(
            (
                "Country click, server (warm)",
                f"p95 {p95:.0f} ms, median {statistics.median(clicks):.0f} ms (n={len(clicks)})",
                "n/a (no panel)",
                "",
                "p95 <= 50 ms",
                p95 <= 50,
                load(),
            )
        )
        rows.append(language_row(language_switch_s(warm.url, args.lang_reps)))
        if lighthouse.available():
            floor = Gunicorn(SHIPPED_DATA_DIR, app="bench.floor:server")
            try:
                rows += lighthouse_rows(f"{warm.url}/?lang=en", floor.url)
            finally:
                floor.stop()
        else:
            print("Lighthouse skipped: npm install --prefix bench/lighthouse", file=sys.stderr)
        rows += play_rows(warm.url)
    finally:
        warm.stop()
    print_table(rows + scaled_startups(args.points))
    print(NOTE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
