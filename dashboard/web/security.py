"""Production hardening: security headers, request ids, a request-size limit, no tracebacks to clients.

Bad input is a 4xx: a callback body that names no registered callback, or values that fail the
explicit checks of `dashboard.inputs`. Anything else that goes wrong is a bug: a 500 with a
generic JSON body naming the request id, the traceback in the log under that id, and one more
on the `server_errors` count of `/healthz`.

`install_security(app)` is called once by the app factory, after every callback is registered
(the Content-Security-Policy carries hashes of Dash's inline scripts). Operators configure it
with environment variables:

- `CORREDORES_FRAME_ANCESTORS`: who may embed the dashboard in a frame (CSP `frame-ancestors`);
  default `*` (anyone: embedding is a feature). E.g. `'self' https://r4v.info` or `'none'`.
- `CORREDORES_ONLINE_TILES=1`: also allow images from tile.openstreetmap.org (the optional
  OpenStreetMap background layer); off by default, so the page loads nothing from elsewhere.
- `CORREDORES_MAX_REQUEST_BYTES`: largest request body accepted (default 1 MB; larger → 413).
"""

from __future__ import annotations

import logging
import re
import threading
import uuid
from collections.abc import Mapping
from typing import Any

import dash
from dash.fingerprint import check_fingerprint
from flask import Flask, Response, g, jsonify, request
from werkzeug.exceptions import BadRequest, HTTPException, NotFound, ServiceUnavailable
from werkzeug.middleware.proxy_fix import ProxyFix

from dashboard.config import settings
from dashboard.inputs import Known, input_problem
from layers.problems import DataError

log = logging.getLogger(__name__)

CALLBACK_PATH = "/_dash-update-component"
OSM_TILE_ORIGIN = "https://tile.openstreetmap.org"
REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
COMPONENT_SUITES = "/_dash-component-suites/"


class ErrorCount:
    """How many requests of this process ended in a 500 (shown on /healthz)."""

    def __init__(self) -> None:
        self.value = 0
        self._lock = threading.Lock()

    def add(self) -> None:
        with self._lock:
            self.value += 1


server_errors = ErrorCount()


def online_tiles_enabled() -> bool:
    """True when the operator allows the OpenStreetMap tile layer (`CORREDORES_ONLINE_TILES=1`)."""
    return settings().online_tiles


def frame_ancestors() -> str:
    """The CSP `frame-ancestors` sources from `CORREDORES_FRAME_ANCESTORS` (default `*`)."""
    return settings().frame_ancestors


def max_request_bytes() -> int:
    """The request-body limit from `CORREDORES_MAX_REQUEST_BYTES` (default 1 MB)."""
    return settings().max_request_bytes


def content_security_policy(script_hashes: list[str], *, tiles: bool, ancestors: str) -> str:
    """The CSP header: the app's own origin only, plus Dash's inline scripts by hash.

    Styles keep 'unsafe-inline': Plotly and Leaflet set element styles and inject <style> tags.
    """
    images = ["'self'", "data:", "blob:"] + ([OSM_TILE_ORIGIN] if tiles else [])
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *script_hashes],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": images,
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": [ancestors],
    }
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def request_id() -> str:
    """The id of the current request: the caller's `X-Request-ID` when sane, else a new one."""
    if "request_id" not in g:
        incoming = request.headers.get("X-Request-ID", "")
        g.request_id = incoming if REQUEST_ID.match(incoming) else uuid.uuid4().hex
    return g.request_id


def _matches(items: Any, specs: list[dict]) -> bool:
    """True when callback inputs or states name exactly the registered ids and properties."""
    if not isinstance(items, list) or len(items) != len(specs):
        return False
    for item, spec in zip(items, specs, strict=True):
        if isinstance(spec.get("id"), dict):  # pattern-matching: a list of matching components
            group = item if isinstance(item, list) else [item]
            if not all(isinstance(i, dict) and i.get("property") == spec["property"] for i in group):
                return False
        elif (
            not (isinstance(item, dict) and item.get("id") == spec["id"])
            or item.get("property") != spec["property"]
        ):
            return False
    return True


def _is_output(entry: Any) -> bool:
    return (
        isinstance(entry, dict)
        and isinstance(entry.get("id"), str | dict)
        and isinstance(entry.get("property"), str)
    )


def callback_body_problem(body: Any, callback_map: Mapping[str, dict]) -> str | None:
    """Why a `/_dash-update-component` body cannot be dispatched, or None when it can.

    The body must name a registered server-side callback and carry its inputs and states with the
    registered ids and properties, in order; values themselves are the callback's business.
    """
    if not isinstance(body, dict):
        return "the body must be a JSON object"
    output = body.get("output")
    if not isinstance(output, str):
        return "'output' must be a string"
    spec = callback_map.get(output)
    if spec is None or "callback" not in spec:
        return "no server callback has this output"
    if not _matches(body.get("inputs"), spec.get("inputs", [])):
        return "'inputs' do not match the callback's inputs"
    if not _matches(body.get("state", []), spec.get("state", [])):
        return "'state' does not match the callback's state"
    outputs = body.get("outputs")
    if not output.startswith(".."):
        if not _is_output(outputs):
            return "'outputs' must be an object with 'id' and 'property'"
    else:
        expected = output.count("...") + 1  # "..a.x...b.y.." names two outputs
        if not (isinstance(outputs, list) and len(outputs) == expected and all(map(_is_output, outputs))):
            return f"'outputs' must list the callback's {expected} outputs"
    changed = body.get("changedPropIds", [])
    inputs = {f"{i['id']}.{i['property']}" for i in spec.get("inputs", []) if isinstance(i.get("id"), str)}
    if not (isinstance(changed, list) and all(isinstance(c, str) and c in inputs for c in changed)):
        return "'changedPropIds' must list some of the callback's inputs"
    return None


def known_values() -> Known:
    """The countries and months of the data being served (memoized by the layers)."""
    from dashboard.state import current_data_dir
    from layers.boundaries import admin0_codes
    from layers.choropleth import stock_matrix

    directory = current_data_dir()
    return Known(admin0_codes(directory), tuple(stock_matrix(directory)["months"]))


def component_suite_exists(app: dash.Dash, path: str) -> bool:
    """True when a `/_dash-component-suites/<package>/<file>` path names a file Dash registered."""
    package, _, fingerprinted = path[len(COMPONENT_SUITES) :].partition("/")
    resource, _ = check_fingerprint(fingerprinted)
    return resource in app.registered_paths.get(package, ())


def install_security(
    app: dash.Dash, *, debug: bool = False, trusted_proxies: int = 0, hsts_seconds: int = 0
) -> None:
    """Add headers, request ids, the size limit and error handlers to the app's Flask server.

    Behind `trusted_proxies` reverse proxies, their `X-Forwarded-Proto` and `X-Forwarded-For` are
    believed (werkzeug's ProxyFix); HTTPS responses then carry HSTS for `hsts_seconds`.
    """
    server: Flask = app.server
    if trusted_proxies:
        server.wsgi_app = ProxyFix(server.wsgi_app, x_for=trusted_proxies, x_proto=trusted_proxies)
    server.config["MAX_CONTENT_LENGTH"] = max_request_bytes()
    server.config["PROPAGATE_EXCEPTIONS"] = debug
    policy = content_security_policy(
        list(app.csp_hashes()), tiles=online_tiles_enabled(), ancestors=frame_ancestors()
    )

    @server.before_request
    def check_callback_body() -> Response | None:
        request_id()
        if request.path != CALLBACK_PATH or request.method != "POST":
            return None
        try:
            body = request.get_json()  # invalid JSON → 400, another content type → 415
        except RecursionError:  # nesting deeper than the parser allows
            raise BadRequest("the body is nested too deeply") from None
        problem = callback_body_problem(body, app.callback_map)
        if problem:
            return short_error(400, problem)
        try:
            known = known_values()
        except DataError:
            raise ServiceUnavailable("no valid data is being served") from None
        problem = input_problem([*body["inputs"], *body.get("state", [])], known)
        if problem:
            return short_error(400, problem)
        return None

    @server.before_request
    def unknown_component_suite() -> None:
        if request.path.startswith(COMPONENT_SUITES) and not component_suite_exists(app, request.path):
            raise NotFound()

    @server.after_request
    def add_headers(response: Response) -> Response:
        headers = response.headers
        headers["Content-Security-Policy"] = policy
        headers["X-Content-Type-Options"] = "nosniff"
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin"
        headers["X-Request-ID"] = request_id()
        if hsts_seconds and request.is_secure:
            headers["Strict-Transport-Security"] = f"max-age={hsts_seconds}"
        return response

    @server.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Response:
        return short_error(error.code or 500, error.description or error.name)

    if debug:
        return

    @server.errorhandler(Exception)
    def unexpected_error(error: Exception) -> Response:
        server_errors.add()
        log.error("request %s: %s %s failed", request_id(), request.method, request.path, exc_info=error)
        return short_error(500, "internal error")


def short_error(status: int, message: str) -> Response:
    """A small JSON error naming the request id, which the server log also carries."""
    response = jsonify({"error": message, "status": status, "request_id": request_id()})
    response.status_code = status
    return response
