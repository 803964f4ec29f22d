"""Whether the shared cache answers: one warning when it stops, one notice when it returns.

flask-caching either raises backend errors (direct `get`/`set`) or logs a traceback per call
(`memoize`). Every call of the app goes through `CacheStatus.call` instead: a failure marks the
cache unreachable and logs once; while it is down the backend is left alone for a few seconds at a
time (no connect attempt per request), then tried again; the first success logs the recovery.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import TypeVar

log = logging.getLogger("dashboard.cache")
T = TypeVar("T")
RETRY_SECONDS = 2.0


class CacheStatus:
    """Reachability of the cache backend and per-process hit/miss counts."""

    def __init__(self) -> None:
        self.backend = "SimpleCache"
        self.location = "process memory"
        self.reachable = True
        self.hits = 0
        self.misses = 0
        self.failures = 0
        self._retry_at = 0.0
        self._lock = threading.Lock()

    def configure(self, backend: str, location: str) -> None:
        """Start over for a newly configured backend."""
        self.backend, self.location = backend, location
        self.reachable, self._retry_at = True, 0.0
        self.hits = self.misses = self.failures = 0

    def call(self, operation: Callable[[], T], default: T) -> T:
        """`operation()`, or `default` when the backend fails or is known to be down."""
        if not self.reachable and time.monotonic() < self._retry_at:
            return default
        return self.probe_call(operation, default)

    def probe_call(self, operation: Callable[[], T], default: T) -> T:
        """Like `call`, but always tries the backend (health checks)."""
        try:
            result = operation()
        except Exception as error:  # redis.ConnectionError, TimeoutError, ... : all mean "no cache"
            self._failed(error)
            return default
        self._succeeded()
        return result

    def count(self, hit: bool) -> None:
        """Record a lookup's outcome."""
        if hit:
            self.hits += 1
        else:
            self.misses += 1

    def _failed(self, error: Exception) -> None:
        with self._lock:
            self.failures += 1
            self._retry_at = time.monotonic() + RETRY_SECONDS
            if not self.reachable:
                return
            self.reachable = False
        log.warning(
            "cache backend %s at %s is unreachable (%s: %s); serving uncached answers until it returns",
            self.backend,
            self.location,
            type(error).__name__,
            error,
        )

    def _succeeded(self) -> None:
        if self.reachable:
            return
        with self._lock:
            if self.reachable:
                return
            self.reachable = True
        log.info("cache backend %s at %s is reachable again; caching resumed", self.backend, self.location)
