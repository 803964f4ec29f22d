"""Scaling out on a real redis-server: two instances share one cache, and Redis may die and return.

Each test starts its own `redis-server` (Debian package) on a free port with persistence off, and
app instances under gunicorn (one worker, so "one warning" means one line in one log).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, SHIPPED_DATA, free_port

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
UNREACHABLE = "is unreachable"
RETURNED = "is reachable again"


class RedisServer:
    """`redis-server` on a free port, in-memory only; can be killed and restarted on that port."""

    def __init__(self, workdir: Path):
        if not Path(REDIS_SERVER).exists():
            pytest.fail(
                "redis-server is missing: install Debian's redis-server (./scripts/test does as root)"
            )
        self.workdir = workdir
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None
        self.start()

    def start(self) -> None:
        """Start (or restart) the server and wait until it answers PING."""
        import redis

        command = [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
        command += ["--appendonly", "no", "--dir", str(self.workdir)]
        log = (self.workdir / "redis.log").open("ab")
        self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                if self.client().ping():
                    return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError(f"redis-server did not start on port {self.port}")

    def client(self):
        """A redis-py client on this server."""
        import redis

        return redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=2)

    def keys(self, pattern: str = "corredores:*") -> list[str]:
        """Keys matching `pattern`."""
        return sorted(key.decode() for key in self.client().scan_iter(pattern))

    def kill(self) -> None:
        """Kill the server hard, as a crash would."""
        self.process.kill()
        self.process.wait(timeout=10)


class Instance:
    """One app instance: gunicorn, one worker, its own port and snapshot folder, log in a file."""

    def __init__(self, workdir: Path, redis_url: str):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = workdir / f"app-{self.port}.log"
        environment = {
            **os.environ,
            "CORREDORES_DATA_DIR": str(SHIPPED_DATA),
            "CORREDORES_CACHE_DIR": str(workdir / f"snapshots-{self.port}"),
            "REDIS_URL": redis_url,
        }
        gunicorn = Path(sys.executable).with_name("gunicorn")
        command = [str(gunicorn), "dashboard.app:server", "--no-control-socket"]
        command += ["--bind", f"127.0.0.1:{self.port}", "--workers", "1", "--threads", "4"]
        with self.log.open("wb") as output:
            self.process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=output, stderr=output)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"instance exited early:\n{self.log.read_text()}")
            try:
                urllib.request.urlopen(self.url + "/healthz", timeout=2)
                return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"instance did not start:\n{self.log.read_text()}")

    def get(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        """Status, headers and (identity-encoded) body of a GET."""
        request = urllib.request.Request(self.url + path, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def health(self) -> dict:
        """The /healthz document."""
        return json.loads(self.get("/healthz")[2])

    def lines(self, text: str) -> list[str]:
        """Log lines containing `text`."""
        return [line for line in self.log.read_text(errors="replace").splitlines() if text in line]

    def stop(self) -> None:
        """Terminate gunicorn and wait for it."""
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()


@pytest.fixture
def redis_server(tmp_path) -> Iterator[RedisServer]:
    """A private redis-server, killed at the end."""
    running = RedisServer(tmp_path)
    yield running
    if running.process.poll() is None:
        running.kill()


@pytest.fixture
def instances(tmp_path, redis_server) -> Iterator:
    """Start app instances on the test's redis-server; all stopped at the end."""
    started: list[Instance] = []

    def start() -> Instance:
        started.append(Instance(tmp_path, redis_server.url))
        return started[-1]

    yield start
    for instance in started:
        instance.stop()


def layout(instance: Instance, query: str = "", lang: str = "es") -> tuple[int, dict[str, str], bytes]:
    """The page layout as a browser asks for it: the page's URL in the Referer."""
    headers = {"Accept-Language": lang, "Referer": f"{instance.url}/{query}"}
    return instance.get("/_dash-layout", headers)


def test_two_instances_share_one_redis(redis_server, instances):
    first = instances()
    computed_by_first = redis_server.keys()
    assert any(":layout:" in key for key in computed_by_first), computed_by_first
    assert any(":geo:admin0" in key for key in computed_by_first), computed_by_first
    assert any(key.startswith("corredores:encoded:") for key in computed_by_first), computed_by_first

    second = instances()
    # The second instance found everything its warm-up needed in Redis: it computed nothing.
    warm = second.lines("cache warm-up")
    assert warm and "0 computed" in warm[-1], warm

    for path in ("/_dash-dependencies", "/healthz"):
        assert first.get(path)[2] == second.get(path)[2], path
    for lang in ("es", "en", "pt"):
        assert layout(first, lang=lang)[2] == layout(second, lang=lang)[2], lang

    # A view nobody asked for yet: computed by the first instance, a hit for the second.
    query = "?date=2019-06&metric=per_1000&country=PER"
    status, headers, body = layout(first, query)
    assert (status, headers.get("X-Cache")) == (200, "miss")
    assert (
        len(redis_server.keys("corredores:*:layout:*"))
        == len([key for key in computed_by_first if ":layout:" in key]) + 1
    )
    status, headers, shared = layout(second, query)
    assert (status, headers.get("X-Cache")) == (200, "hit")
    assert shared == body
    assert first.health()["cache"] == second.health()["cache"] == {"backend": "RedisCache", "reachable": True}


def test_redis_dies_and_returns(redis_server, instances):
    app = instances()
    page = json.loads(layout(app)[2])
    assert app.health()["cache"] == {"backend": "RedisCache", "reachable": True}
    before = {query: layout(app, query)[2] for query in ("", "?date=2018-03", "?metric=per_1000")}
    dependencies = app.get("/_dash-dependencies")[2]
    assert page and redis_server.keys()

    redis_server.kill()
    for _ in range(3):
        for query, body in before.items():
            status, _, answer = layout(app, query)
            assert status == 200 and answer == body, query
        assert app.get("/_dash-dependencies")[2] == dependencies
        uncached = layout(app, "?date=2020-01")
        assert uncached[0] == 200 and uncached[1].get("X-Cache") == "miss"
        assert app.health()["cache"] == {"backend": "RedisCache", "reachable": False}
    assert app.health()["status"] == "ok"
    assert len(app.lines(UNREACHABLE)) == 1, app.lines("WARNING")
    assert "RedisCache" in app.lines(UNREACHABLE)[0]

    redis_server.start()  # same port, empty: persistence is off
    assert redis_server.keys() == []
    deadline = time.monotonic() + 10
    while app.health()["cache"]["reachable"] is not True:
        assert time.monotonic() < deadline, "the app never saw Redis come back"
        time.sleep(0.2)
    query = "?date=2021-07&country=COL"
    assert layout(app, query)[1].get("X-Cache") == "miss"
    assert redis_server.keys("corredores:*:layout:*"), "nothing written to Redis after it returned"
    assert layout(app, query)[1].get("X-Cache") == "hit"
    assert len(app.lines(RETURNED)) == 1
    assert len(app.lines(UNREACHABLE)) == 1
