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
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT, SHIPPED_DATA, free_port

THREADS_PER_WORKER = 2
CLIENTS = 6
CALLBACK_BODY = json.dumps(
    {
        "output": "service-counts.children",
        "outputs": {"id": "service-counts", "property": "children"},
        "inputs": [
            {"id": "map", "property": "bounds", "value": [[-20, -80], [10, -60]]},
            {"id": "service-kinds", "property": "data", "value": ["shelter", "health"]},
        ],
        "state": [{"id": "lang-store", "property": "data", "value": "en"}],
        "changedPropIds": ["map.bounds"],
    }
).encode()


def worker_pids(master: int) -> list[int]:
    """The live worker processes of a gunicorn master."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return sorted(int(pid) for pid in children)


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


class Gunicorn:
    """`gunicorn dashboard.app:server` with 2 workers, as the Procfile runs it, on its own cache folder."""

    def __init__(self, folder: Path, env: dict[str, str] | None = None, threads: int = THREADS_PER_WORKER):
        port = free_port()
        self.log = folder / "gunicorn.log"
        environment = {
            **os.environ,
            "CORREDORES_DATA_DIR": str(SHIPPED_DATA),
            "CORREDORES_CACHE_DIR": str(folder / "cache"),
            **(env or {}),
        }
        gunicorn = str(Path(sys.executable).with_name("gunicorn"))
        command = [gunicorn, "dashboard.app:server", "--no-control-socket", "--bind", f"127.0.0.1:{port}"]
        command += ["--workers", "2", "--threads", str(threads)]
        with self.log.open("wb") as output:
            self.process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=output, stderr=output)
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.log.read_text()
            try:
                urllib.request.urlopen(self.url + "/healthz", timeout=2)
                if len(worker_pids(self.process.pid)) == 2:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        self.stop()
        pytest.fail("gunicorn did not start:\n" + self.log.read_text())

    def stop(self) -> None:
        """Stop the master (and so its workers)."""
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture
def gunicorn(tmp_path):
    running = Gunicorn(tmp_path)
    yield running.process, running.url, running.log
    running.stop()


def test_killing_a_worker_fails_at_most_its_in_flight_requests(gunicorn):
    process, url, log = gunicorn
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
    time.sleep(3)
    victim = worker_pids(process.pid)[0]
    killed_at = time.monotonic()
    os.kill(victim, signal.SIGKILL)
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        pids = worker_pids(process.pid)
        if len(pids) == 2 and victim not in pids:
            break
        time.sleep(0.2)
    time.sleep(5)  # load continues on the replacement
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
    assert len(worker_pids(process.pid)) == 2
    assert "Booting worker" in log.read_text()
