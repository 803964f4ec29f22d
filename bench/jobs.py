"""`python -m bench.jobs`: the job engine under the Procfile's shape (2 gunicorn workers, 4 threads).

Prints: `/` and `/healthz` latency (p50, p95, max) while 12 distinct time-lapses render; the
failed progress polls across the two workers; the web workers' RSS before and after 30 distinct
renders; and the answer past the queue cap. `--redis` runs the same on Celery + a private
redis-server (Debian's) with `corredores worker`.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.server import ROOT, Gunicorn, free_port
from layers.paths import SHIPPED_DATA_DIR

TIMELAPSES = 12
FRAMES = 12
RENDERS_FOR_RSS = 30
IDLE_SAMPLES = 20  # latency samples of each probe before the renders start


def get(url: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def wait_for_redis(url: str, timeout: float = 30) -> None:
    """Return once the Redis server at `url` answers PING."""
    from redis import Redis
    from redis.exceptions import ConnectionError as RedisDown

    deadline = time.monotonic() + timeout
    while True:
        try:
            Redis.from_url(url, socket_timeout=2).ping()
            return
        except RedisDown:
            if time.monotonic() > deadline:
                raise SystemExit(f"redis-server at {url} did not answer in {timeout} s") from None
            time.sleep(0.1)  # a poll interval


def months(first_year: int, count: int) -> list[str]:
    return [f"{first_year + (m // 12)}-{m % 12 + 1:02d}" for m in range(count)]


def wait_all(base: str, status_urls: list[str], failures: list[str], timeout: float = 900) -> float:
    """Poll every status URL until all are done; count any answer that is not progress."""
    started = time.perf_counter()
    pending = set(status_urls)
    while pending and time.perf_counter() - started < timeout:
        for url in list(pending):
            status, _, body = get(base + url)
            state = json.loads(body).get("state") if status == 200 else f"HTTP {status}"
            if state == "done":
                pending.discard(url)
            elif state not in ("queued", "running"):
                failures.append(f"{url}: {state}")
                pending.discard(url)
        time.sleep(0.25)
    return time.perf_counter() - started


def latencies(base: str, path: str, stop: threading.Event, out: list[float]) -> None:
    while not stop.is_set():
        started = time.perf_counter()
        status, _, _ = get(base + path)
        out.append(time.perf_counter() - started if status == 200 else float("inf"))
        time.sleep(0.1)


def summary(values: list[float]) -> str:
    ordered = sorted(values)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    median, worst = statistics.median(ordered) * 1000, ordered[-1] * 1000
    return f"n={len(ordered)} p50={median:.0f} ms p95={p95 * 1000:.0f} ms max={worst:.0f} ms"


def rss_mb(master: int) -> float:
    """Resident memory of the gunicorn workers (not the master), in MB."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    total = 0
    for pid in children:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--redis", action="store_true", help="Celery on a private redis-server")
    args = parser.parse_args()
    extra: list[subprocess.Popen] = []
    env = {"CORREDORES_JOB_QUEUE": str(TIMELAPSES + RENDERS_FOR_RSS)}
    if args.redis:
        port = free_port()
        redis = shutil.which("redis-server") or "/usr/bin/redis-server"
        extra.append(
            subprocess.Popen(
                [redis, "--port", str(port), "--save", "", "--appendonly", "no"], stdout=subprocess.DEVNULL
            )
        )
        env["REDIS_URL"] = f"redis://127.0.0.1:{port}/0"
        wait_for_redis(env["REDIS_URL"])
        worker_env = {**os.environ, **env, "CORREDORES_DATA_DIR": str(SHIPPED_DATA_DIR)}
        corredores = str(Path(sys.executable).with_name("corredores"))
        extra.append(
            subprocess.Popen(
                [corredores, "worker", "--concurrency", "2"],
                cwd=ROOT,
                env=worker_env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
    server = Gunicorn(SHIPPED_DATA_DIR, workers=2, threads=4, env=env)
    base = server.url
    try:
        get(base + "/")
        rss_before = rss_mb(server.process.pid)
        stop = threading.Event()
        page, health = [], []
        probes = [
            threading.Thread(target=latencies, args=(base, p, stop, out))
            for p, out in (("/", page), ("/healthz", health))
        ]
        for probe in probes:
            probe.start()
        while min(len(page), len(health)) < IDLE_SAMPLES:
            time.sleep(0.1)  # a poll interval: the probes are collecting idle samples
        idle_page, idle_health = list(page), list(health)
        started = time.perf_counter()
        status_urls, answers = [], []
        for number in range(TIMELAPSES):
            chosen = months(2015 + number % 6, FRAMES + number // 6)  # 12 distinct ranges
            status, _, body = get(f"{base}/export/timelapse.gif?from={chosen[0]}&to={chosen[-1]}&lang=en")
            answers.append(status)
            if status == 202:
                status_urls.append(json.loads(body)["status_url"])
        enqueue_seconds = time.perf_counter() - started
        failures: list[str] = []
        page.clear(), health.clear()
        render_seconds = wait_all(base, status_urls, failures)
        stop.set()
        for probe in probes:
            probe.join()
        print(f"backend: {'Celery + Redis' if args.redis else 'diskcache, child processes'}")
        print(f"idle:    /        {summary(idle_page)}")
        print(f"idle:    /healthz {summary(idle_health)}")
        print(
            f"12 distinct time-lapses ({FRAMES}-{FRAMES + 1} frames): answers {sorted(set(answers))} "
            f"in {enqueue_seconds:.2f} s, all rendered in {render_seconds:.0f} s"
        )
        print(f"during:  /        {summary(page)}")
        print(f"during:  /healthz {summary(health)}")
        print(f"failed progress polls: {len(failures)} {failures[:3]}")
        status_urls = []
        for number in range(RENDERS_FOR_RSS):
            month = months(2015, 132)[number * 4]
            status, _, body = get(f"{base}/export/map.png?date={month}&metric=per_1000&lang=pt")
            if status == 202:
                status_urls.append(json.loads(body)["status_url"])
        wait_all(base, status_urls, failures)
        for number in range(RENDERS_FOR_RSS):
            get(f"{base}/export/map.png?date={months(2015, 132)[number * 4]}&metric=per_1000&lang=pt")
        rss_after = rss_mb(server.process.pid)
        change = (rss_after - rss_before) / rss_before * 100
        print(
            f"web workers' RSS: {rss_before:.0f} MB before, {rss_after:.0f} MB after {RENDERS_FOR_RSS} "
            f"distinct renders ({change:+.1f} %)"
        )
    finally:
        server.stop()
        for process in extra:
            process.terminate()
            process.wait(timeout=30)
    capped = Gunicorn(SHIPPED_DATA_DIR, workers=2, threads=4, env={"CORREDORES_JOB_QUEUE": "2"})
    try:
        answers = [
            get(f"{capped.url}/export/timelapse.gif?from=2016-0{m}&to=2016-0{m + 1}") for m in (1, 3, 5)
        ]
        last = answers[-1]
        print(
            f"queue cap 2, three renders: {[a[0] for a in answers]}, Retry-After {last[1].get('Retry-After')}"
        )
    finally:
        capped.stop()


if __name__ == "__main__":
    main()
