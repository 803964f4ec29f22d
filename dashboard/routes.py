"""Plain HTTP routes beside the Dash app: health, static geometry by content hash."""

from __future__ import annotations

from flask import Flask, Response, abort, jsonify

from dashboard.cache import cache
from dashboard.state import current_data_dir, current_state
from layers.web_geometry import admin0_web, admin1_web
from layers.web_layers import digest, services_geobuf

YEAR_SECONDS = 365 * 24 * 3600


def immutable(body: bytes, mimetype: str) -> Response:
    """A response whose URL carries its content hash, so browsers may keep it for a year."""
    response = Response(body, mimetype=mimetype)
    response.headers["Cache-Control"] = f"public, max-age={YEAR_SECONDS}, immutable"
    return response


def geometry_url(name: str) -> str:
    """URL of the simplified admin-0 or admin-1 GeoJSON of the data being served."""
    web = {"admin0": admin0_web, "admin1": admin1_web}[name](current_data_dir())
    return f"/geo/{web.filename}"


def services_url() -> str:
    """URL of the services geobuf of the data being served."""
    return f"/geo/services.{digest(services_geobuf(current_data_dir()))}.pbf"


def register_routes(server: Flask, cache_backend: str) -> None:
    """Attach the non-Dash routes to the Flask server."""

    @server.get("/geo/<name>.<content_hash>.geojson")
    def boundaries(name: str, content_hash: str) -> Response:
        makers = {"admin0": admin0_web, "admin1": admin1_web}
        if name not in makers:
            abort(404)
        web = makers[name](current_data_dir())
        if web.digest != content_hash:
            abort(404)
        return immutable(web.body, "application/geo+json")

    @server.get("/geo/services.<content_hash>.pbf")
    def services(content_hash: str) -> Response:
        body = services_geobuf(current_data_dir())
        if digest(body) != content_hash:
            abort(404)
        return immutable(body, "application/x-protobuf")

    @server.get("/healthz")
    def healthz() -> Response:
        state = current_state()
        state.refresh()
        snapshot = state.snapshot
        body = {
            "status": "ok" if snapshot and not state.problems else ("degraded" if snapshot else "error"),
            "data_vintage": snapshot.vintage if snapshot else None,
            "data_problems": [str(p) for p in state.problems[:50]],
            "cache": {"backend": cache_backend, "reachable": cache_reachable()},
        }
        return jsonify(body), 200 if snapshot else 503


def cache_reachable() -> bool:
    """True when the cache answers a write and a read."""
    try:
        cache.set("corredores:ping", "pong", timeout=30)
        return cache.get("corredores:ping") == "pong"
    except Exception:
        return False
