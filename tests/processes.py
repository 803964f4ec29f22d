"""Processes the tests start: the app (dev server or gunicorn), redis-server, a Celery worker."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from datadir import SHIPPED_DATA

ROOT = SHIPPED_DATA.parent
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def app_environment(cache_dir: Path, env: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of an app process on the shipped data, with its own cache folder."""
    base = {"CORREDORES_DATA_DIR": str(SHIPPED_DATA), "CORREDORES_CACHE_DIR": str(cache_dir)}
    return {**os.environ, **base, **(env or {})}


def http_get(url: str, headers: dict[str, str] | None = None, timeout: float = 60) -> tuple[int, dict, bytes]:
    """Status, headers and body of a GET; an HTTP error status is an answer, not an exception."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def answers(url: str) -> bool:
    """Whether the app at `url` answers /healthz (with any status)."""
    try:
        http_get(url + "/healthz", timeout=2)
        return True
    except OSError:
        return False


def poll_until(ready: Callable[[], bool], timeout: float) -> bool:
    """Poll `ready` until it holds (True) or `timeout` seconds pass (False)."""
    deadline = time.monotonic() + timeout
    while not ready():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)  # a poll interval, not a wait for an outcome
    return True


class Child:
    """A command in a child process with its output in a log file."""

    def __init__(self, command: list[str], log: Path, env: dict[str, str] | None = None):
        self.log = log
        # a file, not a pipe: an unread pipe fills up and blocks the child mid-test
        with log.open("ab") as output:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT
            )

    def output(self) -> str:
        """Everything the process has written so far."""
        return self.log.read_text(errors="replace")

    def wait_until(self, ready: Callable[[], bool], timeout: float = 300) -> None:
        """Poll `ready` until it holds; fail with the output when the process exits or time runs out."""
        held = poll_until(lambda: self.process.poll() is not None or ready(), timeout)
        if self.process.poll() is not None:
            raise RuntimeError(f"{self.log.name}: process exited early:\n{self.output()}")
        if not held:
            self.stop()
            raise RuntimeError(f"{self.log.name}: not ready in {timeout} s:\n{self.output()}")

    def stop(self, timeout: float = 20) -> None:
        """Terminate the process and wait for it; kill it if it does not go."""
        self.process.terminate()
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=timeout)

    def kill(self) -> None:
        """Kill the process hard, as a crash would."""
        self.process.kill()
        self.process.wait(timeout=10)


class AppProcess(Child):
    """An app process on its own port, ready once it answers /healthz."""

    def __init__(self, command: list[str], port: int, log: Path, env: dict[str, str]):
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        super().__init__(command, log, env)

    def get(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict, bytes]:
        """Status, headers and body of a GET on this app."""
        return http_get(self.url + path, headers)

    def health(self) -> dict:
        """The /healthz document."""
        return json.loads(self.get("/healthz")[2])

    def lines(self, text: str) -> list[str]:
        """Log lines containing `text`."""
        return [line for line in self.output().splitlines() if text in line]


class Server(AppProcess):
    """`corredores serve` on a data directory, its own port and cache folder."""

    def __init__(self, data_dir: Path, cache_dir: Path, env: dict[str, str] | None = None):
        port = free_port()
        command = [sys.executable, "-m", "dashboard.cli", "serve", "--port", str(port)]
        environment = app_environment(cache_dir, {"CORREDORES_DATA_DIR": str(data_dir), **(env or {})})
        super().__init__(command, port, cache_dir / "server.log", environment)
        self.wait_until(lambda: answers(self.url))


class Gunicorn(AppProcess):
    """`gunicorn dashboard.app:server` as the Procfile runs it, ready once every worker is up."""

    def __init__(self, folder: Path, env: dict[str, str] | None = None, workers: int = 2, threads: int = 2):
        port = free_port()
        gunicorn = str(Path(sys.executable).with_name("gunicorn"))
        command = [gunicorn, "dashboard.app:server", "--no-control-socket", "--bind", f"127.0.0.1:{port}"]
        command += ["--workers", str(workers), "--threads", str(threads)]
        environment = app_environment(folder / f"cache-{port}", env)
        super().__init__(command, port, folder / f"gunicorn-{port}.log", environment)
        self.wait_until(lambda: answers(self.url) and len(self.worker_pids()) == workers, timeout=120)

    def worker_pids(self) -> list[int]:
        """The live worker processes of the gunicorn master."""
        master = self.process.pid
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        return sorted(int(pid) for pid in children)


class RedisServer:
    """`redis-server` on a free port, in-memory only; can be killed and restarted on that port."""

    def __init__(self, workdir: Path):
        if not Path(REDIS_SERVER).exists():
            missing = "redis-server is missing: install Debian's redis-server (./scripts/test does as root)"
            raise RuntimeError(missing)
        self.workdir = workdir
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.start()

    def start(self) -> None:
        """Start (or restart) the server and wait until it answers PING."""
        command = [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
        command += ["--appendonly", "no", "--dir", str(self.workdir)]
        self.child = Child(command, self.workdir / "redis.log")
        self.child.wait_until(self.pings, timeout=30)

    def pings(self) -> bool:
        """Whether the server answers PING."""
        import redis

        try:
            return bool(self.client().ping())
        except redis.ConnectionError:
            return False

    def client(self):
        """A redis-py client on this server."""
        import redis

        return redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=2)

    def keys(self, pattern: str = "corredores:*") -> list[str]:
        """Keys matching `pattern`."""
        return sorted(key.decode() for key in self.client().scan_iter(pattern))

    def running(self) -> bool:
        """Whether the current redis-server process is alive."""
        return self.child.process.poll() is None

    def kill(self) -> None:
        """Kill the server hard, as a crash would."""
        self.child.kill()
