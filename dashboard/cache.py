"""Every cache tier of the app, each with a size bound; nothing else calls a cache backend.

1. Shared tier: flask-caching, SimpleCache (`SHARED_ENTRIES` values) by default, Redis (bounded by
   its own `maxmemory`; every value expires after a day) when `REDIS_URL` is set. `shared`,
   `remember` and `cache_get_responses` are the only ways in.
2. Process tier: `LOCAL_ENTRIES` large immutable values (geometry, compressed bodies) kept in
   front of the shared tier (`remember(..., local=True)`).
3. Loader tier: `layers.memo.memoized_on_data`, `LOADER_ENTRIES` frames per layer loader (it lives
   in `layers`, which cannot import `dashboard`); also used by the map image renderer.
4. Translation catalogs: `dashboard.i18n.catalog`, one per language.


Keys start with the name of the data snapshot directory, which is a hash of the data's content:
a key never goes stale, and every instance on the same data shares the same keys. Derived values
(web geometry and its brotli/gzip bodies, the services geobuf, the page layout per language and
URL) are computed once, by whichever process asks first, and warmed at start-up by `warm_up`.
Every backend call goes through `status` (see `dashboard.cache_status`): a dead Redis means
correct answers computed uncached, one warning in the log, and caching again when it returns.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

import brotli
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
# Content codings we prepare once per document, best first; identity is always possible.
ENCODINGS = ("br", "gzip")
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


@dataclass(frozen=True)
class Document:
    """A static body for the browser and the short content hash its URL carries."""

    body: bytes
    digest: str

    @classmethod
    def of(cls, body: bytes) -> Document:
        """Hash the body."""
        return cls(body, hashlib.sha256(body).hexdigest()[:12])


def web_geometry(directory: Path, name: str) -> Document:
    """Simplified admin-0 or admin-1 GeoJSON (`layers.web_geometry`), shared by every instance."""
    from layers.web_geometry import admin0_web, admin1_web

    maker = {"admin0": admin0_web, "admin1": admin1_web}[name]
    return remember(
        snapshot_key(directory, "geo", name), lambda: Document.of(maker(directory).body), local=True
    )


def services_document(directory: Path) -> Document:
    """The services geobuf (`layers.web_layers.services_geobuf`), shared by every instance."""
    from layers.web_layers import services_geobuf

    return remember(
        snapshot_key(directory, "geo", "services"),
        lambda: Document.of(services_geobuf(directory)),
        local=True,
    )


def encoded(document: Document, encoding: str) -> bytes:
    """The document compressed once with the best setting of `encoding` (slow, so cached)."""
    if encoding == "identity":
        return document.body
    compress = {
        "br": lambda body: brotli.compress(body, quality=11),
        "gzip": lambda body: gzip.compress(body, compresslevel=9, mtime=0),
    }[encoding]
    return remember(f"encoded:{document.digest}:{encoding}", lambda: compress(document.body), local=True)


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


def set_up_dash_now(app) -> None:
    """Run Dash's once-per-process set-up now, in one thread, instead of on the first request.

    On the first request, a threaded worker (gunicorn --threads) lets concurrent first requests
    skip the set-up while it runs: they get an empty `/_dash-dependencies`, a dead page. The
    `dash.callback` registrations it consumes are put back, so an app built later in the same
    process (`corredores serve` builds two) still finds them.
    """
    from dash import _callback

    registered, registry = list(_callback.GLOBAL_CALLBACK_LIST), dict(_callback.GLOBAL_CALLBACK_MAP)
    with app.server.test_request_context("/"):
        app._setup_server()
    _callback.GLOBAL_CALLBACK_LIST[:] = registered
    _callback.GLOBAL_CALLBACK_MAP.update(registry)


def warm_up(app, layout_key: Callable[[], str | None]) -> None:
    """Compute what a first visit needs (layout per language, compressed geometry) before serving.

    Calls the builders directly: a request through the test client would make Dash take the
    module-level callbacks into this app, and a second app built in the process would get none.
    """
    from dashboard.i18n import LANGUAGES
    from dashboard.state import current_data_dir

    started = time.perf_counter()
    hits_before, misses_before = status.hits, status.misses
    try:
        set_up_dash_now(app)
        for lang in LANGUAGES:
            with app.server.test_request_context("/_dash-layout", headers={"Accept-Language": lang}):
                key = layout_key()
                if key is not None:
                    remember(key, lambda: app.serve_layout().get_data(), timeout=LAYOUT_SECONDS)
        directory = current_data_dir()
        documents = [web_geometry(directory, "admin0"), web_geometry(directory, "admin1")]
        for document in [*documents, services_document(directory)]:
            for encoding in ENCODINGS:
                encoded(document, encoding)
    except Exception:  # warming is an optimisation: never stop the app from starting
        log.warning("cache warm-up failed; the first visitors will compute what they need", exc_info=True)
        return
    log.info(
        "cache warm-up in %.1f s (%s: %d values from the cache, %d computed)",
        time.perf_counter() - started,
        status.backend,
        status.hits - hits_before,
        status.misses - misses_before,
    )
