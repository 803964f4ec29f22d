"""Security headers on every response, request ids, errors without tracebacks, CSP in Chromium."""

from __future__ import annotations

import base64
import hashlib
import logging
import re
import urllib.error
import urllib.request

import dash
import dash._callback as dash_callbacks
import pytest
from dash import html

from dashboard.pages.notices import admin_banner
from dashboard.view_state import ViewState
from dashboard.web.security import content_security_policy, frame_ancestors, install_security

PATHS = ["/", "/?lang=en&date=2099-13", "/_dash-layout", "/_dash-dependencies", "/healthz", "/no/such/page"]


def fetch(url: str, method: str = "GET", headers: dict | None = None) -> tuple[int, bytes, dict]:
    request = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers


@pytest.mark.parametrize("path", PATHS)
def test_every_response_carries_the_security_headers(server, path):
    _, _, headers = fetch(server.url + path)
    policy = headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert re.search(r"script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;", policy)
    assert "'unsafe-eval'" not in policy and "script-src 'self' 'unsafe-inline'" not in policy
    assert "connect-src 'self'" in policy and "img-src 'self' data: blob:;" in policy
    assert "frame-ancestors *" in policy
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert re.fullmatch(r"[0-9a-f]{32}", headers["X-Request-ID"])


def test_error_responses_carry_the_headers_too(server):
    status, body, headers = fetch(server.url + "/_dash-update-component", method="POST")
    assert 400 <= status < 500
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Request-ID"].encode() in body


def test_a_sane_incoming_request_id_is_kept_and_a_hostile_one_replaced(server):
    _, _, headers = fetch(server.url + "/healthz", headers={"X-Request-ID": "lb-1234.abc"})
    assert headers["X-Request-ID"] == "lb-1234.abc"
    _, _, headers = fetch(server.url + "/healthz", headers={"X-Request-ID": "<script>" + "x" * 100})
    assert re.fullmatch(r"[0-9a-f]{32}", headers["X-Request-ID"])


def test_the_script_hashes_cover_every_inline_script_of_the_page(server):
    _, page, headers = fetch(server.url + "/")
    inline = re.findall(rb"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", page, re.S)
    executable = [
        body for attributes, body in inline if b"application/json" not in attributes and body.strip()
    ]
    assert executable, "expected Dash's renderer bootstrap"
    for body in executable:
        if b"Internet Explorer" in body:  # inside an IE conditional comment: never run
            continue
        digest = base64.b64encode(hashlib.sha256(body).digest()).decode()
        assert f"'sha256-{digest}'" in headers["Content-Security-Policy"]


def test_frame_ancestors_and_online_tiles_are_configurable(start_server, tmp_path):
    from processes import SHIPPED_DATA

    restricted = start_server(
        SHIPPED_DATA,
        {"CORREDORES_FRAME_ANCESTORS": "'self' https://r4v.info", "CORREDORES_ONLINE_TILES": "1"},
    )
    _, _, headers = fetch(restricted.url + "/")
    policy = headers["Content-Security-Policy"]
    assert "frame-ancestors 'self' https://r4v.info" in policy
    assert "img-src 'self' data: blob: https://tile.openstreetmap.org" in policy


def test_a_malformed_frame_ancestors_value_stops_the_app(monkeypatch):
    monkeypatch.setenv("CORREDORES_FRAME_ANCESTORS", "*; script-src *")
    with pytest.raises(ValueError, match="CORREDORES_FRAME_ANCESTORS"):
        frame_ancestors()


def test_default_policy_has_no_outside_origin():
    policy = content_security_policy(["'sha256-x'"], tiles=False, ancestors="*")
    assert "http" not in policy


@pytest.fixture
def tiny_app():
    """A minimal Dash app with the production hardening and a route that fails."""
    app = dash.Dash(__name__)
    app.layout = html.Div("tiny")

    @app.server.get("/boom")
    def boom():
        raise RuntimeError("secret detail /etc/passwd")

    install_security(app)
    # its first request takes any module-level callbacks registered in this process: give them back
    registered = dict(dash_callbacks.GLOBAL_CALLBACK_MAP), list(dash_callbacks.GLOBAL_CALLBACK_LIST)
    yield app
    dash_callbacks.GLOBAL_CALLBACK_MAP.update(registered[0])
    dash_callbacks.GLOBAL_CALLBACK_LIST[:] = registered[1]


def test_an_unexpected_error_is_a_short_500_with_a_request_id_that_the_log_names(tiny_app, caplog):
    client = tiny_app.server.test_client()
    with caplog.at_level(logging.ERROR, logger="dashboard.web.security"):
        response = client.get("/boom", headers={"X-Request-ID": "req-42"})
    assert response.status_code == 500
    assert response.get_json() == {"error": "internal error", "status": 500, "request_id": "req-42"}
    assert b"Traceback" not in response.data and b"secret" not in response.data
    assert response.headers["X-Request-ID"] == "req-42"
    record = caplog.records[-1]
    assert "req-42" in record.getMessage() and record.exc_info is not None


def test_the_size_limit_answers_413(tiny_app):
    response = tiny_app.server.test_client().post(
        "/_dash-update-component", data=b"x" * 1_100_000, content_type="application/json"
    )
    assert response.status_code == 413


def test_admin_banner_lists_problems_only_for_admins(monkeypatch):
    from dashboard import state
    from layers.problems import Problem

    class Fake:
        problems = [Problem("points/entry_points.csv", "expected a number", row=5, column="lat")] * 25
        snapshot = type("S", (), {"vintage": "2025-11"})()

    monkeypatch.setattr(state, "current_state", lambda: Fake)
    monkeypatch.delenv("CORREDORES_ADMIN_BANNER", raising=False)
    assert admin_banner(ViewState(lang="en", date="2025-11")) is None
    banner = admin_banner(ViewState(lang="en", date="2025-11", admin=True)).to_plotly_json()
    assert banner["props"]["role"] == "alert"
    text = str(banner)
    assert "points/entry_points.csv, row 5, column lat: expected a number" in text
    assert "2025-11" in text and "5 more" in text
    monkeypatch.setenv("CORREDORES_ADMIN_BANNER", "1")
    assert admin_banner(ViewState(lang="es", date="2025-11")) is not None
