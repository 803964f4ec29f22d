"""A gunicorn worker killed under load: only the requests it was holding may fail.

gunicorn runs 2 gthread workers of 2 threads each; 6 clients loop over the page, its layout, a
callback and /healthz. One worker gets SIGKILL mid-run. Only the connections that worker had
accepted may fail: a gthread worker accepts ahead of its threads, so that is at most one per
client, all at the moment of the kill. The master starts a replacement; every later request
succeeds.
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest
from processes import Gunicorn, poll_until
from security_payloads import SERVICES_BODY

THREADS_PER_WORKER = 2
CLIENTS = 6
CALLBACK_BODY = json.dumps(SERVICES_BODY).encode()


def one_request(url: str, number: int) -> bool:
    """One request of the client mix; True when it got a 200 (the callback body is a valid one)."""
    path, body = [
        ("/", None),
        ("/_dash-layout", None),
        ("/_dash-update-component", CALLBACK_BODY),
        ("/healthz", None),
    ][number % 4]
    headers = {"Content-Type": "application/json", "Referer": url + "/?lang=en"}
    request = urllib.request.Request(url + path, data=body, headers=headers, method="POST" if body else "GET")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()
            return response.status == 200
    except OSError:
        return False


@pytest.fixture
def gunicorn(tmp_path) -> Iterator[Gunicorn]:
    """Two workers of two threads each, as the Procfile runs them."""
    running = Gunicorn(tmp_path, threads=THREADS_PER_WORKER)
    yield running
    running.stop()


def test_killing_a_worker_fails_at_most_its_in_flight_requests(gunicorn):
    url = gunicorn.url
    for number in range(8):  # both workers warm
        assert one_request(url, number)
    stop = threading.Event()
    results: list[tuple[float, bool]] = []
    lock = threading.Lock()

    def client(offset: int) -> None:
        number = offset
        while not stop.is_set():
            ok = one_request(url, number)
            with lock:
                results.append((time.monotonic(), ok))
            number += 1

    threads = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
    for thread in threads:
        thread.start()
    assert poll_until(lambda: len(results) >= 4 * CLIENTS, 120), "the clients got no answers"
    victim = gunicorn.worker_pids()[0]
    killed_at = time.monotonic()
    os.kill(victim, signal.SIGKILL)
    pids = gunicorn.worker_pids
    replaced = poll_until(lambda: len(pids()) == 2 and victim not in pids(), 90)
    assert replaced, "no replacement worker"
    # load continues on the replacement
    assert poll_until(lambda: sum(at > killed_at + 2 for at, _ in list(results)) > 4 * CLIENTS, 120)
    stop.set()
    for thread in threads:
        thread.join(timeout=60)

    failed = [at for at, ok in results if not ok]
    before = [at for at in failed if at < killed_at]
    assert before == [], "requests failed before the kill"
    assert len(failed) <= CLIENTS, f"{len(failed)} failed of {len(results)}"
    assert all(at - killed_at < 1.0 for at in failed), "failures after the killed worker's own requests"
    after_kill = [ok for at, ok in results if at > killed_at + 2]
    assert len(after_kill) > 20 and all(after_kill)
    assert len(gunicorn.worker_pids()) == 2
    assert "Booting worker" in gunicorn.output()
