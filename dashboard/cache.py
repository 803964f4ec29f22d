"""Every cache tier of the app, each with a size bound; only tier 6 calls a backend from elsewhere.

1. Shared tier: flask-caching, SimpleCache (`SHARED_ENTRIES` values) by default, Redis (bounded by
   its own `maxmemory`; every value expires after a day) when `REDIS_URL` is set. `shared`,
   `remember` and `cache_get_responses` are the only ways in.
2. Process tier: `LOCAL_ENTRIES` large immutable values (geometry, compressed bodies) kept in
   front of the shared tier (`remember(..., local=True)`).
3. Loader tier: `layers.memo.memoized_on_data`, `LOADER_ENTRIES` frames per layer loader (it lives
   in `layers`, which cannot import `dashboard`); also used by the map image renderer.
4. Translation catalogs: `dashboard.i18n.catalog`, one per language.
5. Disk tier: `layers.memo.on_disk`, the artefacts of a data snapshot (validated layers, web
   geometry, services geobuf, compressed bodies, the default page per language) in
   `CORREDORES_CACHE_DIR/derived/<snapshot hash>-<code hash>/`, checksummed, for the newest
   `ARTEFACT_FOLDERS` (snapshot, code) pairs: a restart or another worker on the same data and code
   reads them instead of computing again (a damaged file is computed again, never served).
6. Job tier, in `dashboard.jobs` (a queue's state and its products, shared by every process that
   renders or polls): render state and rendered images and time-lapses, keyed by content.
   Without `REDIS_URL`: diskcache folders `CORREDORES_CACHE_DIR/jobs/state`, `jobs/results` (at most
   `CORREDORES_EXPORT_CACHE_MB`, least recently stored dropped first) and `jobs/dash` (Dash's
   `DiskcacheManager`). With it: Redis keys `corredores:jobs:*` (results capped at the same size,
   oldest dropped first) and Celery's broker and result backend on the same Redis
   (`CeleryManager`). State entries expire (queued 15 min, errors 2 min), results after 7 days,
   Celery's own task results after an hour.

Country panels are cached per (snapshot, country, language) in the shared tier and on disk (the
month is placed per request: `callbacks.country.place_month`).


Keys start with the name of the data snapshot directory, which is a hash of the data's content:
a key never goes stale, and every instance on the same data shares the same keys. Derived values
(web geometry and its brotli/gzip bodies, the services geobuf, the page layout per language and
URL) are computed once, by whichever process asks first, and warmed at start-up by `warm_up`.
Every backend call goes through `status` (see `dashboard.cache_status`): a dead Redis means
correct answers computed uncached, one warning in the log, and caching again when it returns.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

from flask import Flask, Response, g, has_request_context, request
from flask_caching import Cache

from dashboard.cache_status import CacheStatus
from layers.memo import MISSING, BoundedCache

log = logging.getLogger(__name__)
T = TypeVar("T")

cache = Cache()
status = CacheStatus()
DAY_SECONDS = 24 * 3600
LAYOUT_SECONDS = 3600  # one entry per language and URL query: let rare views expire
REDIS_SOCKET_SECONDS = 0.5  # a dead or unreachable Redis must not stall requests
LOCAL_ENTRIES = 16
SHARED_ENTRIES = 300  # SimpleCache only; Redis is bounded by its own maxmemory
_backends: dict[str, object] = {}  # the backend of this process, by configuration


def init_cache(server: Flask, redis_url: str | None) -> str:
    """Configure the cache on the Flask server; returns the backend's name."""
    if redis_url:
        config = {
            "CACHE_TYPE": "RedisCache",
            "CACHE_REDIS_URL": redis_url,
            "CACHE_KEY_PREFIX": "corredores:",
            "CACHE_OPTIONS": {
                "socket_timeout": REDIS_SOCKET_SECONDS,
                "socket_connect_timeout": REDIS_SOCKET_SECONDS,
            },
        }
        location = redacted(redis_url)
    else:
        config = {"CACHE_TYPE": "SimpleCache", "CACHE_THRESHOLD": SHARED_ENTRIES}
        location = "process memory"
    config["CACHE_DEFAULT_TIMEOUT"] = DAY_SECONDS
    same = repr(sorted(config.items()))
    try:
        cache.init_app(server, config=config)
    except RuntimeError as error:
        if "redis" in str(error):
            raise RuntimeError(
                "REDIS_URL is set but the redis package is missing: pip install 'corredores[redis]'"
            ) from error
        raise
    if same in _backends:  # the app built again in this process (e.g. `corredores serve`): keep its values
        server.extensions["cache"][cache] = _backends[same]
    else:
        _backends.clear()
        _backends[same] = server.extensions["cache"][cache]
        status.configure(config["CACHE_TYPE"], location)
        _local.clear()
    return config["CACHE_TYPE"]


def redacted(url: str) -> str:
    """The URL without its password, for logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    return parts._replace(netloc=f"{parts.username or ''}:***@{parts.hostname}:{parts.port}").geturl()


def reachable() -> bool:
    """True when the backend answers a write and a read now (health checks; always tries)."""
    key = "healthz:ping"
    return status.probe_call(lambda: cache.set(key, "pong", timeout=30) and cache.get(key) == "pong", False)


class SharedTier:
    """The backend's `get`/`set`, through `status`: a failing backend reads as a miss."""

    def get(self, key: str) -> object:
        """The stored value, or None (absent, or the backend is down)."""
        return status.call(lambda: cache.get(key), None)

    def set(self, key: str, value: object, timeout: int | None = None) -> None:
        """Store `value` (`timeout` seconds, default a day); does nothing while the backend is down."""
        status.call(lambda: cache.set(key, value, timeout=timeout), None)


shared = SharedTier()
_local: BoundedCache[object] = BoundedCache(LOCAL_ENTRIES)


def snapshot_key(directory: Path, *parts: str) -> str:
    """A cache key for a value derived from one data snapshot (content-addressed directory)."""
    return ":".join([Path(directory).name, *parts])


def remember(key: str, compute: Callable[[], T], *, local: bool = False, timeout: int | None = None) -> T:
    """The cached value of `key`, computing and storing it on a miss (or when the cache is down).

    `local` also keeps the value in this process, for large values read on many requests.
    """
    if local:
        value = _local.get(key)
        if value is not MISSING:
            _note(True)
            return value  # type: ignore[return-value]
    value = shared.get(key)
    hit = value is not None
    status.count(hit)
    _note(hit)
    if not hit:
        value = compute()
        shared.set(key, value, timeout=timeout)
    if local:
        _local.put(key, value)
    return value


def _note(hit: bool) -> None:
    """Inside a request, remember whether this lookup was answered without computing."""
    if has_request_context():
        g.setdefault("cache_outcomes", []).append(hit)


def cache_outcome_header(response: Response) -> Response:
    """`X-Cache: hit|miss` on responses that looked something up (hit only if every lookup hit)."""
    outcomes = g.get("cache_outcomes")
    if "response_cache_hit" in g:
        outcomes = [g.response_cache_hit]
    if outcomes:
        response.headers["X-Cache"] = "hit" if all(outcomes) else "miss"
    return response


def cache_get_responses(server: Flask, path: str, key_of_request: Callable[[], str | None]) -> None:
    """Serve GET `path` from the cache under `key_of_request()` (None: do not cache this request).

    Register after flask-compress: the stored body is the uncompressed one, compressed per
    response by flask-compress like any other.
    """

    @server.before_request
    def cached_response() -> Response | None:
        if request.method != "GET" or request.path != path:
            return None
        key = key_of_request()
        if key is None:
            return None
        g.response_cache_key = key
        body = shared.get(key)
        status.count(body is not None)
        g.response_cache_hit = body is not None
        if body is None:
            return None
        return Response(body, mimetype="application/json")

    @server.after_request
    def store_response(response: Response) -> Response:
        key = g.get("response_cache_key")
        if key and not g.get("response_cache_hit") and response.status_code == 200:
            body = response.get_data()
            shared.set(key, body, timeout=LAYOUT_SECONDS)
        return response
