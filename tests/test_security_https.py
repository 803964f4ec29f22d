"""HSTS on HTTPS only, and X-Forwarded-Proto believed only from configured proxies (werkzeug ProxyFix)."""

from __future__ import annotations

import pytest
from processes import SHIPPED_DATA
from test_security_headers import fetch

HTTPS = {"X-Forwarded-Proto": "https"}


@pytest.fixture(scope="module")
def behind_proxy(start_server):
    return start_server(SHIPPED_DATA, {"CORREDORES_TRUSTED_PROXIES": "1", "CORREDORES_HSTS_SECONDS": "600"})


def test_https_through_a_trusted_proxy_gets_hsts(behind_proxy):
    for path in ("/", "/healthz", "/no/such/page"):
        _, _, headers = fetch(behind_proxy.url + path, headers=HTTPS)
        assert headers["Strict-Transport-Security"] == "max-age=600", path


def test_plain_http_behind_the_proxy_gets_no_hsts(behind_proxy):
    _, _, headers = fetch(behind_proxy.url + "/", headers={"X-Forwarded-Proto": "http"})
    assert "Strict-Transport-Security" not in headers


def test_a_forwarded_proto_from_an_untrusted_client_is_ignored(server):
    _, _, headers = fetch(server.url + "/", headers=HTTPS)
    assert "Strict-Transport-Security" not in headers


def test_hsts_can_be_turned_off(start_server):
    off = start_server(SHIPPED_DATA, {"CORREDORES_TRUSTED_PROXIES": "1", "CORREDORES_HSTS_SECONDS": "0"})
    _, _, headers = fetch(off.url + "/", headers=HTTPS)
    assert "Strict-Transport-Security" not in headers
