"""Post a few thousand generated hostile bodies to /_dash-update-component; print the status counts.

    python bench/fuzz.py                      # starts `corredores serve` on the shipped data
    python bench/fuzz.py --url http://127.0.0.1:8050 --payloads 5000

The number that matters is the count of 5xx (and of failed connections): both must be 0. The
slowest payloads are listed so that an expensive body is easy to reproduce.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from security_payloads import fetch_dependencies, payloads, post  # noqa: E402


def start_server() -> tuple[subprocess.Popen, str]:
    """`corredores serve` on a free port with its own cache folder."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "CORREDORES_CACHE_DIR": tempfile.mkdtemp(prefix="corredores-fuzz-")}
    process = subprocess.Popen(
        [sys.executable, "-m", "dashboard.cli", "serve", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(url + "/healthz", timeout=2)
            return process, url
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit("the server did not start")


def fuzz(url: str, count: int, timeout: float) -> dict:
    """Post `count` payloads; return status counts, the slowest payloads and the failing ones."""
    statuses: collections.Counter = collections.Counter()
    timings: list[tuple[float, int, bytes]] = []
    failures: list[tuple[int, bytes]] = []
    dependencies = fetch_dependencies(url)

    @settings(
        max_examples=count,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(data=st.data())
    def one(data) -> None:
        content_type, body = data.draw(payloads(dependencies))
        started = time.perf_counter()
        status = post(url, content_type, body, timeout=timeout)
        timings.append((time.perf_counter() - started, status, body[:300]))
        statuses[status] += 1
        if status >= 500 or (status == 0 and len(body) <= 1_000_000):
            failures.append((status, body[:300]))

    one()
    timings.sort(reverse=True)
    return {"statuses": statuses, "slowest": timings[:5], "failures": failures}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", help="a running server (default: start one on the shipped data)")
    parser.add_argument("--payloads", type=int, default=3000)
    parser.add_argument("--timeout", type=float, default=30, help="seconds per request")
    args = parser.parse_args()
    process, url = (None, args.url) if args.url else start_server()
    try:
        started = time.perf_counter()
        result = fuzz(url, args.payloads, args.timeout)
        elapsed = time.perf_counter() - started
        with urllib.request.urlopen(url + "/healthz", timeout=30) as response:
            health = json.load(response)["status"]
    finally:
        if process:
            process.terminate()
            process.wait(timeout=10)
    statuses = result["statuses"]
    total = sum(statuses.values())
    server_errors = sum(n for s, n in statuses.items() if s >= 500)
    print(f"payloads posted: {total} in {elapsed:.0f} s")
    print("statuses: " + ", ".join(f"{s or 'no answer'}: {n}" for s, n in sorted(statuses.items())))
    print(f"5xx: {server_errors}")
    print(
        f"failed connections (bodies under the size limit): {sum(1 for s, _ in result['failures'] if s == 0)}"
    )
    print(f"/healthz afterwards: {health}")
    print("slowest:")
    for seconds, status, body in result["slowest"]:
        print(f"  {seconds:6.2f} s  {status}  {body[:120]!r}")
    for status, body in result["failures"][:10]:
        print(f"FAILED {status}: {body!r}")
    return 1 if result["failures"] or health == "error" else 0


if __name__ == "__main__":
    sys.exit(main())
