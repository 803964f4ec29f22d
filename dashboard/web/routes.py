"""Plain HTTP routes beside the Dash app: health, static geometry by content hash."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Flask, Response, abort, jsonify, request

from dashboard.cache import cache_outcome_header, reachable
from dashboard.documents import ENCODINGS, Document, encoded, services_document, web_geometry
from dashboard.state import current_data_dir, current_state
from dashboard.web.security import server_errors

YEAR_SECONDS = 365 * 24 * 3600


def immutable(document: Document, mimetype: str) -> Response:
    """A response whose URL carries its content hash, so browsers may keep it for a year.

    The body is compressed once per content (`dashboard.documents.compress`) and kept in the cache;
    flask-compress leaves responses that already have a Content-Encoding alone.
    """
    encoding = request.accept_encodings.best_match(ENCODINGS, default="identity")
    response = Response(encoded(document, encoding), mimetype=mimetype)
    if encoding != "identity":
        response.headers["Content-Encoding"] = encoding
    response.headers["Vary"] = "Accept-Encoding"
    response.headers["Cache-Control"] = f"public, max-age={YEAR_SECONDS}, immutable"
    return response


def register_routes(server: Flask, cache_backend: str) -> None:
    """Attach the non-Dash routes to the Flask server."""

    @server.get("/geo/<name>.<content_hash>.geojson")
    def boundaries(name: str, content_hash: str) -> Response:
        if name not in ("admin0", "admin1"):
            abort(404)
        document = web_geometry(current_data_dir(), name)
        if document.digest != content_hash:
            abort(404)
        return immutable(document, "application/geo+json")

    @server.get("/geo/services.<content_hash>.pbf")
    def services(content_hash: str) -> Response:
        document = services_document(current_data_dir())
        if document.digest != content_hash:
            abort(404)
        return immutable(document, "application/x-protobuf")

    @server.get("/healthz")
    def healthz() -> Response:
        state = current_state()
        state.refresh()
        snapshot, checked = state.snapshot, state.checked_at
        status = "error" if state.bug or not snapshot else "degraded" if state.problems else "ok"
        body = {
            "status": status,
            "bug": state.bug,
            "data_vintage": snapshot.vintage if snapshot else None,
            "data_problems": [str(p) for p in state.problems[:50]],
            "data_checked": checked and datetime.fromtimestamp(checked, UTC).isoformat(),
            "cache": {"backend": cache_backend, "reachable": reachable()},
            "server_errors": server_errors.value,
        }
        return jsonify(body), 200 if snapshot else 503

    @server.after_request
    def static_cache_headers(response: Response) -> Response:
        """URLs fingerprinted by Dash may be kept a year; say where the cache hit.

        Assets carry `?m=<mtime>`, the favicon `?v=<dash version>`; Chromium asks for the favicon
        again on every URL change (each slider step), so without this it costs 5 KB a step.
        """
        fingerprinted = (request.path.startswith("/assets/") and "m" in request.args) or (
            request.path == "/_favicon.ico" and "v" in request.args
        )
        if fingerprinted and response.status_code == 200:
            response.headers["Cache-Control"] = f"public, max-age={YEAR_SECONDS}, immutable"
        return cache_outcome_header(response)
