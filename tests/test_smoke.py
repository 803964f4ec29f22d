"""`corredores serve` starts on the shipped data and answers."""

import json
import urllib.request


def test_home_page_answers(server):
    with urllib.request.urlopen(server.url + "/") as response:
        assert response.status == 200
        assert b"Corredores" in response.read()


def test_healthz_reports_data_vintage_and_cache(server):
    with urllib.request.urlopen(server.url + "/healthz") as response:
        body = json.load(response)
    assert body["status"] == "ok"
    assert body["data_vintage"] == "2025-11"  # R4V update of Nov 2025 is the newest figure in data/
    assert body["cache"] == {"backend": "SimpleCache", "reachable": True}
