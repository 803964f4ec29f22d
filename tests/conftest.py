"""Shared fixtures: a real server process per data directory, and headless Debian Chromium."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parent.parent
SHIPPED_DATA = ROOT / "data"
CHROMIUM = "/usr/bin/chromium"
# Conditions may take long on a loaded machine (CI, 2 cores, CPU hogs): wait for them, never sleep.
expect.set_options(timeout=20_000)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """`corredores serve` in a child process, on its own port and cache folder."""

    def __init__(self, data_dir: Path, cache_dir: Path, env: dict[str, str] | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        environment = {
            **os.environ,
            "CORREDORES_DATA_DIR": str(data_dir),
            "CORREDORES_CACHE_DIR": str(cache_dir),
            **(env or {}),
        }
        command = [sys.executable, "-m", "dashboard.cli", "serve", "--port", str(self.port)]
        # a file, not a pipe: an unread pipe fills up and blocks the server mid-test
        self.log_path = cache_dir / "server.log"
        self.log = self.log_path.open("wb")
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=environment, stdout=self.log, stderr=subprocess.STDOUT
        )
        self.wait_until_up()

    def wait_until_up(self, timeout: float = 300) -> None:
        """Poll /healthz until the server answers (any status) or fail with its output."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                output = self.log_path.read_text(errors="replace")
                raise RuntimeError(f"server exited early:\n{output}")
            try:
                urllib.request.urlopen(self.url + "/healthz", timeout=2)
                return
            except urllib.error.HTTPError:
                return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("server did not start in time")

    def stop(self) -> None:
        """Terminate the process and wait for it."""
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> Iterator[Server]:
    """The dashboard on the shipped data."""
    running = Server(SHIPPED_DATA, tmp_path_factory.mktemp("cache"))
    yield running
    running.stop()


@pytest.fixture(scope="session")
def start_server(tmp_path_factory) -> Iterator:
    """Start extra servers on other data directories; all stopped at the end of the session."""
    started: list[Server] = []

    def start(data_dir: Path, env: dict[str, str] | None = None) -> Server:
        running = Server(data_dir, tmp_path_factory.mktemp("cache"), env)
        started.append(running)
        return running

    yield start
    for running in started:
        running.stop()


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict:
    """Launch Debian's Chromium; a missing or broken browser fails the test, never skips it."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package (./scripts/test does as root)")
    return {"executable_path": CHROMIUM, "args": CHROMIUM_ARGS, "headless": True}


@pytest.fixture
def watched_page(page, server):
    """A page that records console errors and every request leaving the server's host."""
    page.console_errors = []
    page.outside_requests = []
    page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    page.on(
        "request",
        lambda request: (
            None if request.url.startswith(server.url) else page.outside_requests.append(request.url)
        ),
    )
    page.set_default_timeout(20_000)
    return page
