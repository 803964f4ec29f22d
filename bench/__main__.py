"""`python -m bench`: start the app under gunicorn and print a table of figures beside naive baselines.

Loopback only; bounded in clients, repetitions and seconds (`--quick` for a short run).
"""

from __future__ import annotations

import argparse
import sys
import time
import urllib.request

from bench.browser import first_load, launch
from bench.interactions import measure_interactions, naive_slider_step
from bench.load import callbacks_only, first_visit_then_moves, run_load
from bench.scale import services_at_scale
from bench.server import Gunicorn
from layers.paths import SHIPPED_DATA_DIR

KB, MB = 1024, 1024 * 1024


def size(n: float) -> str:
    """Bytes for humans."""
    return f"{n / MB:.2f} MB" if n >= MB else (f"{n / KB:.1f} KB" if n >= KB else f"{n:.0f} B")


def verdict(ok: bool | None) -> str:
    return "" if ok is None else ("yes" if ok else "NO")


def print_table(rows: list[tuple[str, str, str, str, str, bool | None]]) -> None:
    """Figure | measured | naive baseline | ratio | target | met."""
    header = ("Figure", "Corredores", "Naive baseline", "Ratio", "Target", "Met")
    table = [header, *[(*row[:5], verdict(row[5])) for row in rows]]
    widths = [max(len(str(row[i])) for row in table) for i in range(len(header))]
    line = "+".join("-" * (w + 2) for w in widths)
    for i, row in enumerate(table):
        print(" " + " | ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=True)))
        if i == 0:
            print("-" + line + "-")


def service_counts_callback(posts: list[dict]) -> dict:
    """The `service-counts.children` callback body the browser sent on load."""
    for body in posts:
        if "service-counts.children" in str(body.get("output", "")):
            return body
    raise RuntimeError("the page sent no service-counts callback: cannot replay it under load")


def geometry_paths(url: str) -> list[str]:
    """The /geo/ URLs of the page layout."""
    layout = urllib.request.urlopen(url + "/_dash-layout").read().decode().replace("\\u002f", "/")
    return sorted({"/geo/" + part.split('"')[0] for part in layout.split('"/geo/')[1:]})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--quick", action="store_true", help="fewer repetitions, shorter load, 10k points only"
    )
    parser.add_argument("--reps", type=int, help="repetitions per interaction (default 100, quick 30)")
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients (default 50)")
    parser.add_argument("--seconds", type=float, help="seconds per load phase (default 20, quick 8)")
    parser.add_argument("--points", help="synthetic service counts, comma-separated (default 10000,100000)")
    parser.add_argument(
        "--workers", type=int, default=2, help="gunicorn workers (default 2, as the Procfile)"
    )
    parser.add_argument(
        "--threads", type=int, default=4, help="gunicorn threads (default 4, as the Procfile)"
    )
    args = parser.parse_args(argv)
    reps = args.reps or (30 if args.quick else 100)
    seconds = args.seconds or (8 if args.quick else 20)
    points = [int(p) for p in (args.points or ("10000" if args.quick else "10000,100000")).split(",") if p]
    clients = max(1, min(args.clients, 200))
    started = time.perf_counter()
    rows: list[tuple[str, str, str, str, str, bool | None]] = []

    from playwright.sync_api import sync_playwright

    server = Gunicorn(SHIPPED_DATA_DIR, workers=args.workers, threads=args.threads)
    print(
        f"app under gunicorn at {server.url} ({args.workers} workers x {args.threads} threads, --preload), "
        f"up in {server.startup_seconds:.1f} s",
        file=sys.stderr,
    )
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            loads = [first_load(browser, server.url + "/") for _ in range(1 if args.quick else 3)]
            load = sorted(loads, key=lambda x: x["seconds"])[len(loads) // 2]
            rows.append(
                (
                    "First load: bytes transferred",
                    f"{size(load['encoded'])} ({load['requests']} requests)",
                    f"{size(load['decoded'])} uncompressed",
                    f"{load['decoded'] / load['encoded']:.1f}x",
                    "<= 1.5 MB",
                    load["encoded"] <= 1.5 * MB,
                )
            )
            rows.append(
                (
                    "First load: map interactive",
                    f"{load['seconds']:.2f} s (median of {len(loads)})",
                    "",
                    "",
                    "<= 2.5 s",
                    load["seconds"] <= 2.5,
                )
            )
            print("first load measured", file=sys.stderr)
            interactions = measure_interactions(
                browser, server.url, reps, play_reps=2 if args.quick else 5, lang_reps=4 if args.quick else 10
            )
            naive = naive_slider_step(server.url, SHIPPED_DATA_DIR, reps)
            print("interactions measured", file=sys.stderr)
            for name, figure in interactions.items():
                measured = (
                    f"{size(figure['bytes'])}, {figure['requests']:.1f} req; "
                    f"server p50 {figure['p50']:.1f} / p95 {figure['p95']:.1f} ms (n={figure['reps']})"
                )
                if name == "slider step":
                    baseline = (
                        f"{size(naive['bytes'])}, 1 req; server p50 {naive['p50']:.1f} / "
                        f"p95 {naive['p95']:.1f} ms"
                    )
                    ratio = (
                        f"bytes /{naive['bytes'] / max(figure['bytes'], 1):.0f}, "
                        f"p95 /{naive['p95'] / max(figure['p95'], 0.01):.1f}"
                    )
                    ok = figure["bytes"] <= 2 * KB and figure["p95"] <= 20
                    rows.append((name, measured, baseline, ratio, "<= 2 KB, p95 <= 20 ms", ok))
                else:
                    rows.append((name, measured, "", "", "", None))
            recorded = service_counts_callback(loads[0]["posts"])
            browser.close()
        geometry = [p for p in geometry_paths(server.url) if "admin0" in p]
        mixed = run_load(server.url, first_visit_then_moves(geometry, recorded), clients, seconds)
        only = run_load(server.url, callbacks_only(recorded), clients, seconds)
        print("load measured", file=sys.stderr)
        for name, figure, ok in (
            ("Load: first visit + 5 map moves", mixed, None),
            ("Load: service-count callbacks only", only, only["callback_rps"] >= 300 and only["errors"] == 0),
        ):
            rows.append(
                (
                    f"{name} ({figure['clients']} clients, {figure['seconds']:.0f} s)",
                    f"{figure['rps']:.0f} req/s ({figure['callback_rps']:.0f} callbacks/s); "
                    f"p50 {figure['p50']:.0f} / p95 {figure['p95']:.0f} / p99 {figure['p99']:.0f} ms; "
                    f"{figure['errors']} errors",
                    "",
                    "",
                    ">= 300 callbacks/s, 0 errors" if ok is not None else "",
                    ok,
                )
            )
    finally:
        server.stop()

    with sync_playwright() as playwright:
        browser = launch(playwright)
        for count in points:
            scale = services_at_scale(browser, SHIPPED_DATA_DIR, count)
            print(f"{count} services measured", file=sys.stderr)
            rows.append(
                (
                    f"Services {count:,}: first clusters",
                    f"{scale['clusters_s']:.2f} s from navigation (map {scale['interactive_s']:.2f} s)"
                    if scale["clusters_s"] is not None
                    else f"no cluster marker within 15 s (map {scale['interactive_s']:.2f} s)",
                    "",
                    "",
                    "<= 2.5 s (100k)",
                    (scale["clusters_s"] or 99) <= 2.5 if count >= 100_000 else None,
                )
            )
            rows.append(
                (
                    f"Services {count:,}: kind filter",
                    f"{scale['filter_ms']:.0f} ms median (max {scale['filter_max_ms']:.0f})"
                    if scale["filter_ms"] is not None
                    else "map unchanged within 5 s",
                    "",
                    "",
                    "<= 200 ms (100k)",
                    (scale["filter_ms"] or 1e9) <= 200 if count >= 100_000 else None,
                )
            )
            rows.append(
                (
                    f"Services {count:,}: geobuf bytes",
                    f"{size(scale['pbf_encoded'])} on the wire",
                    f"{size(scale['pbf_decoded'])} uncompressed",
                    f"{scale['pbf_decoded'] / max(scale['pbf_encoded'], 1):.1f}x",
                    "",
                    None,
                )
            )
            rows.append(
                (
                    f"Services {count:,}: app start-up",
                    f"{scale['startup_s']:.1f} s (validation + warm-up)",
                    "",
                    "",
                    "",
                    None,
                )
            )
        browser.close()

    print()
    print_table(rows)
    print("\nServer callbacks each interaction fired (Dash outputs):")
    for name, figure in interactions.items():
        print(f"  {name}: {', '.join(figure['callbacks']) or 'none (clientside only)'}")
    print(
        f"\n(bench ran {time.perf_counter() - started:.0f} s; server time = Chromium's send-end to "
        f"response-headers time of the requests an interaction causes, summed per repetition)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
