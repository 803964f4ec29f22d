"""Headless Chromium with a CDP network recorder: bytes on the wire and server time per action."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
MAP_READY = """() => !!document.querySelector('#map path.country-COL')
    && (document.querySelector('#map-legend')?.textContent || '').trim().length > 0"""


def button(group: str, value: str) -> str:
    """Selector of a button of a `dashboard.pages.controls.button_group` (Dash writes dict ids as JSON)."""
    return f"""[id='{json.dumps({"group": group, "value": value}, separators=(",", ":"))}']"""


@dataclass
class Finished:
    """One network request that completed."""

    url: str
    encoded_bytes: int
    decoded_bytes: int
    server_ms: float


@dataclass
class Recorder:
    """Collects CDP Network events of one page."""

    finished: list[Finished] = field(default_factory=list)
    pending: dict[str, dict] = field(default_factory=dict)
    last_activity: float = 0.0
    posts: list[dict] = field(default_factory=list)

    def attach(self, context, page) -> None:
        """Enable the Network domain on the page and listen."""
        session = context.new_cdp_session(page)
        session.on("Network.requestWillBeSent", self._sent)
        session.on("Network.responseReceived", self._response)
        session.on("Network.dataReceived", self._data)
        session.on("Network.loadingFinished", self._finished)
        session.on("Network.loadingFailed", self._failed)
        session.send("Network.enable")
        self.session = session

    def _sent(self, event: dict) -> None:
        request = event["request"]
        self.pending[event["requestId"]] = {"url": request["url"], "server_ms": 0.0, "decoded": 0}
        if request.get("method") == "POST" and "_dash-update-component" in request["url"]:
            self.posts.append(json.loads(request.get("postData") or "{}"))
        self.last_activity = time.monotonic()

    def _response(self, event: dict) -> None:
        timing = event["response"].get("timing") or {}
        entry = self.pending.get(event["requestId"])
        if entry is not None and timing:
            entry["server_ms"] = max(
                0.0,
                timing.get("receiveHeadersStart", timing.get("receiveHeadersEnd", 0))
                - timing.get("sendEnd", 0),
            )
        self.last_activity = time.monotonic()

    def _data(self, event: dict) -> None:
        entry = self.pending.get(event["requestId"])
        if entry is not None:
            entry["decoded"] += event.get("dataLength", 0)

    def _finished(self, event: dict) -> None:
        entry = self.pending.pop(event["requestId"], None)
        if entry is not None:
            self.finished.append(
                Finished(
                    entry["url"], int(event.get("encodedDataLength", 0)), entry["decoded"], entry["server_ms"]
                )
            )
        self.last_activity = time.monotonic()

    def _failed(self, event: dict) -> None:
        self.pending.pop(event["requestId"], None)
        self.last_activity = time.monotonic()

    def mark(self) -> int:
        """A position in the list of finished requests."""
        return len(self.finished)

    def since(self, mark: int) -> list[Finished]:
        """Requests finished after `mark`."""
        return self.finished[mark:]

    def wait_idle(self, page, quiet: float = 0.12, timeout: float = 20) -> None:
        """Wait until no request is pending and nothing happened for `quiet` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            page.wait_for_timeout(15)
            if not self.pending and time.monotonic() - self.last_activity >= quiet:
                return


def launch(playwright):
    """Debian's Chromium, headless."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


def open_page(browser):
    """A fresh context (empty HTTP cache) with a recorder."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)
    recorder = Recorder()
    recorder.attach(context, page)
    return context, page, recorder


def first_load(browser, url: str) -> dict:
    """Cold first visit: bytes (encoded and decoded) and seconds until the map is interactive."""
    context, page, recorder = open_page(browser)
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_function(MAP_READY, polling=20)
    interactive = time.perf_counter() - started
    recorder.wait_idle(page, quiet=0.5)
    requests = recorder.since(0)
    context.close()
    return {
        "seconds": interactive,
        "encoded": sum(r.encoded_bytes for r in requests),
        "decoded": sum(r.decoded_bytes for r in requests),
        "requests": len(requests),
        "posts": recorder.posts,
    }
