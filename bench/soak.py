"""Soak: many clients for many minutes against gunicorn; report errors and memory growth per worker.

    python bench/soak.py                          # 10 minutes, 50 clients, 4 workers x 4 threads
    python bench/soak.py --minutes 1 --clients 10 --workers 2

Each client loops over what a reader's browser asks for: the page, its layout (in the three
languages, with a few link settings), the country-panel callback, a language switch with that
country open, and /healthz. Prints requests, errors (5xx and failed connections), latency
percentiles, each worker's resident memory (RSS) every minute (after a warm-up minute fraction),
and its growth from minute 3 to the end (the caches fill by URL variety in the first minutes;
after that it must stay flat).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COUNTRIES = ["COL", "PER", "BRA", "CHL", "ECU", "ARG", "PAN", "MEX"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def worker_pids(master: int) -> list[int]:
    """The live worker processes of a gunicorn master."""
    return sorted(int(pid) for pid in Path(f"/proc/{master}/task/{master}/children").read_text().split())


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MB (0 when it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


@lru_cache(maxsize=4)
def declared_callback(url: str, first_output: str) -> dict:
    """The callback whose outputs start with `first_output`, as the app declares it (/_dash-dependencies)."""
    dependencies = json.load(urllib.request.urlopen(url + "/_dash-dependencies"))
    return next(d for d in dependencies if d["output"].lstrip(".").startswith(first_output))


def callback_body(callback: dict, inputs: dict, states: dict) -> bytes:
    """The request the browser sends for `callback`, with input and state values by component id."""
    outputs = [
        {"id": part.split(".")[0], "property": part.split(".")[1].split("@")[0]}
        for part in callback["output"].strip(".").split("...")
    ]
    return json.dumps(
        {
            "output": callback["output"],
            "outputs": outputs if len(outputs) > 1 else outputs[0],
            "inputs": [{**i, "value": inputs.get(i["id"])} for i in callback["inputs"]],
            "state": [{**s, "value": states.get(s["id"])} for s in callback["state"]],
            "changedPropIds": [f"{i['id']}.{i['property']}" for i in callback["inputs"]],
        }
    ).encode()


def country_body(url: str, iso: str, index: int, lang: str) -> bytes:
    """The request a click on a country sends (month `index`, page language `lang`)."""
    callback = declared_callback(url, "country-panel.hidden")
    return callback_body(callback, {"selected-country": iso}, {"month-index": index, "lang-store": lang})


def language_body(url: str, shown: str, lang: str, date: str, iso: str, index: int) -> bytes:
    """The request a language button sends: from `shown` to `lang`, with a country panel open."""
    callback = declared_callback(url, "lang-patch.data")
    states = {
        "lang-store": shown,
        "url": f"?lang={lang}&date={date}&country={iso}",
        "month-index": index,
        "present-mode": False,
        "selected-country": iso,
        "map": [[-56, -118], [33, -34]],
        "service-kinds": [],
    }
    return callback_body(callback, {"lang": lang}, states)


def requests_of_a_visit(url: str) -> list[tuple[str, bytes | None, dict]]:
    """What one reader's visit asks for, with a random language, month and country."""
    lang = random.choice(["es", "en", "pt"])
    iso = random.choice(COUNTRIES)
    date = f"{random.randint(2016, 2025)}-{random.randint(1, 12):02d}"
    page = f"{url}/?lang={lang}&date={date}"
    index = random.randint(0, 120)
    other = random.choice([code for code in ("es", "en", "pt") if code != lang])
    callback = {"Content-Type": "application/json"}
    return [
        ("/?lang=" + lang, None, {}),
        ("/_dash-layout", None, {"Referer": page, "Accept-Language": lang}),
        ("/_dash-update-component", country_body(url, iso, index, lang), callback),
        ("/_dash-update-component", language_body(url, lang, other, date, iso, index), callback),
        ("/healthz", None, {}),
    ]


def start_gunicorn(workers: int, threads: int, log: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "CORREDORES_CACHE_DIR": tempfile.mkdtemp(prefix="corredores-soak-")}
    gunicorn = Path(sys.executable).with_name("gunicorn")
    command = [str(gunicorn), "dashboard.app:server", "--no-control-socket", "--bind", f"127.0.0.1:{port}"]
    command += ["--workers", str(workers), "--threads", str(threads), "--timeout", "60"]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            urllib.request.urlopen(url + "/healthz", timeout=2)
            if len(worker_pids(process.pid)) == workers:
                return process, url
        except OSError:
            pass
        time.sleep(0.3)
    process.kill()
    raise SystemExit(f"gunicorn did not start; see {log}")


def sample_rss(master: int, stop: threading.Event, every: float) -> list[dict[int, float]]:
    """Each worker's RSS now and every `every` seconds until `stop` (list filled while it runs)."""
    samples: list[dict[int, float]] = []

    def sample() -> None:
        while True:
            samples.append({pid: rss_mb(pid) for pid in worker_pids(master)})
            if stop.wait(every):
                return

    threading.Thread(target=sample, daemon=True).start()
    return samples


def soak(url: str, clients: int, seconds: float) -> dict:
    """Run `clients` looping visitors for `seconds`; return counts and latencies."""
    stop = threading.Event()
    lock = threading.Lock()
    stats = {"requests": 0, "server_errors": 0, "refused": 0, "failed": 0, "latencies": []}

    def visitor() -> None:
        while not stop.is_set():
            for path, body, headers in requests_of_a_visit(url):
                request = urllib.request.Request(url + path, data=body, headers=headers)
                started = time.perf_counter()
                status = 0
                try:
                    with urllib.request.urlopen(request, timeout=60) as response:
                        response.read()
                        status = response.status
                except urllib.error.HTTPError as error:
                    status = error.code
                except OSError:
                    status = 0
                with lock:
                    stats["requests"] += 1
                    stats["latencies"].append(time.perf_counter() - started)
                    stats["server_errors"] += status >= 500
                    stats["refused"] += 400 <= status < 500  # a request the bench built wrong
                    stats["failed"] += status == 0

    threads = [threading.Thread(target=visitor, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    time.sleep(seconds)
    stop.set()
    for thread in threads:
        thread.join(timeout=90)
    return stats


def print_rss(samples: list[dict[int, float]], every: float) -> None:
    """RSS per worker per sample, and the growth from minute 3 (or the middle of a short soak) to the end."""
    pids = sorted({pid for sample in samples for pid in sample})
    print(f"RSS per worker (MB) every {every:g} s after warm-up:")
    print("  min  " + "".join(f"{pid:>9}" for pid in pids))
    for i, sample in enumerate(samples):
        cells = "".join(f"{sample[pid]:>9.0f}" if pid in sample else f"{'-':>9}" for pid in pids)
        print(f"  {'end' if i == len(samples) - 1 else f'{i * every / 60:4.1f}':>4} {cells}")
    base = round(180 / every)
    base = base if base < len(samples) - 1 else (len(samples) - 1) // 2  # a short soak: from its middle
    label = f"{base * every / 60:g} min"
    for pid in pids:
        start, end = samples[base].get(pid), samples[-1].get(pid)
        if start and end:
            growth = 100 * (end - start) / start
            print(f"  growth {pid} from {label} to the end: {start:.0f} -> {end:.0f} MB ({growth:+.1f}%)")
        else:
            print(f"  growth {pid}: replaced during the soak")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--sample-seconds", type=float, default=60, help="RSS sampling period (default 60)")
    args = parser.parse_args()
    log = Path(tempfile.mkdtemp(prefix="corredores-soak-log-")) / "gunicorn.log"
    process, url = start_gunicorn(args.workers, args.threads, log)
    try:
        warm_up = min(30.0, args.minutes * 60 / 10)
        soak(url, args.clients, warm_up)  # first visits fill caches; memory is measured after
        stop_sampling = threading.Event()
        samples = sample_rss(process.pid, stop_sampling, args.sample_seconds)
        started = time.perf_counter()
        stats = soak(url, args.clients, args.minutes * 60)
        elapsed = time.perf_counter() - started
        stop_sampling.set()
        samples.append({pid: rss_mb(pid) for pid in worker_pids(process.pid)})
    finally:
        process.terminate()
        process.wait(timeout=30)
    latencies = sorted(stats["latencies"]) or [0.0]
    shape = f"{args.clients} clients, {args.workers} workers x {args.threads} threads"
    print(f"soak: {args.minutes:g} min, {shape}, load average {os.getloadavg()[0]:.1f} (shared machine)")
    print(f"requests: {stats['requests']} ({stats['requests'] / elapsed:.0f}/s)")
    print(f"errors: 5xx {stats['server_errors']}, 4xx {stats['refused']}, no answer {stats['failed']}")
    median, p95 = statistics.median(latencies) * 1000, latencies[int(len(latencies) * 0.95)] * 1000
    print(f"latency: median {median:.0f} ms, p95 {p95:.0f} ms, max {latencies[-1] * 1000:.0f} ms")
    print_rss(samples, args.sample_seconds)
    print(f"gunicorn log: {log}")
    return 1 if stats["server_errors"] or stats["refused"] or stats["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
