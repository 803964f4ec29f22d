"""Shared fixtures: a real server process per data directory, and headless Debian Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect
from processes import SHIPPED_DATA, Server

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
