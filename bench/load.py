"""N concurrent clients on loopback replaying a first visit and map moves (threads + http.client)."""

from __future__ import annotations

import copy
import http.client
import json
import random
import threading
import time
from urllib.parse import urlsplit

from bench.interactions import percentile

BROWSER_HEADERS = {"Accept-Encoding": "gzip, deflate, br, zstd", "Accept-Language": "es"}


def callback_body(recorded: dict, rng: random.Random) -> bytes:
    """The recorded `service-counts.children` callback with the map moved somewhere else."""
    body = copy.deepcopy(recorded)
    south, west = rng.uniform(-40, 5), rng.uniform(-85, -55)
    for item in body["inputs"]:
        if item.get("property") == "bounds":
            item["value"] = [[south, west], [south + rng.uniform(3, 20), west + rng.uniform(3, 25)]]
    return json.dumps(body).encode()


class Client(threading.Thread):
    """One simulated reader: a keep-alive connection, a sequence replayed until the deadline."""

    def __init__(self, url: str, sequence, deadline: float, seed: int):
        super().__init__(daemon=True)
        parts = urlsplit(url)
        self.host, self.port = parts.hostname, parts.port
        self.sequence, self.deadline = sequence, deadline
        self.rng = random.Random(seed)
        self.samples: list[tuple[str, float]] = []
        self.errors = 0

    def run(self) -> None:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        while time.monotonic() < self.deadline:
            for kind, method, path, body_of in self.sequence:
                if time.monotonic() >= self.deadline:
                    break
                headers = dict(BROWSER_HEADERS)
                body = body_of(self.rng) if body_of else None
                if body is not None:
                    headers["Content-Type"] = "application/json"
                started = time.perf_counter()
                try:
                    connection.request(method, path, body=body, headers=headers)
                    response = connection.getresponse()
                    response.read()
                    ok = response.status == 200
                except (OSError, http.client.HTTPException):
                    ok = False
                    connection.close()
                    connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
                elapsed = (time.perf_counter() - started) * 1000
                if ok:
                    self.samples.append((kind, elapsed))
                else:
                    self.errors += 1
        connection.close()


def run_load(url: str, sequence, clients: int, seconds: float) -> dict:
    """Run `clients` threads for `seconds`; requests/s and latency percentiles, overall and per kind."""
    deadline = time.monotonic() + seconds
    threads = [Client(url, sequence, deadline, seed) for seed in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 60)
    elapsed = time.perf_counter() - started
    samples = [s for t in threads for s in t.samples]
    latencies = [ms for _, ms in samples]
    callbacks = [ms for kind, ms in samples if kind == "callback"]
    return {
        "clients": clients,
        "seconds": elapsed,
        "requests": len(samples),
        "rps": len(samples) / elapsed,
        "callback_rps": len(callbacks) / elapsed,
        "p50": percentile(latencies, 0.5),
        "p95": percentile(latencies, 0.95),
        "p99": percentile(latencies, 0.99),
        "errors": sum(t.errors for t in threads),
    }


def first_visit_then_moves(layout_urls: list[str], recorded: dict, moves: int = 5) -> list:
    """GET /, layout, dependencies, admin-0 geometry, then `moves` service-count callbacks."""
    sequence = [
        ("page", "GET", "/", None),
        ("page", "GET", "/_dash-layout", None),
        ("page", "GET", "/_dash-dependencies", None),
        *[("page", "GET", path, None) for path in layout_urls],
    ]
    sequence += [
        ("callback", "POST", "/_dash-update-component", lambda rng: callback_body(recorded, rng))
    ] * moves
    return sequence


def callbacks_only(recorded: dict) -> list:
    """Only the service-count callback, as readers pan and zoom."""
    return [("callback", "POST", "/_dash-update-component", lambda rng: callback_body(recorded, rng))]
