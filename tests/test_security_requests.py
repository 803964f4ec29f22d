"""Hostile requests: malformed links fall back to defaults, malformed callback bodies get a 4xx.

Never a 5xx, never a traceback, and the server answers /healthz "ok" afterwards.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from security_payloads import HOSTILE_TEXT, SERVICES_BODY, fetch_dependencies, payloads, post
from test_reliability_data_updates import find_component

from dashboard import ids
from dashboard.i18n import LANGUAGES
from dashboard.pages.notices import url_notice
from dashboard.view_state import LAYERS, METRICS, ViewState, parse_view

QUERY_KEYS = [
    "lang",
    "date",
    "country",
    "metric",
    "compare",
    "second",
    "layers",
    "services",
    "present",
    "embed",
    "tab",
    "view",
]
MONTHS = [f"{y}-{m:02d}" for y in range(2015, 2026) for m in range(1, 13)]
MALFORMED_QUERIES = [
    "country=XXX",
    "country=zz",
    "country=COL'%20OR%20'1'='1",
    "country=%F0%9F%87%BB%F0%9F%87%AA",
    "date=2099-13",
    "date=2099-12",
    "date=1999-01",
    "date=abcd",
    "date=2019-03%0D%0ASet-Cookie:%20x=1",
    "date=" + "9" * 10_000,
    "lang=xx",
    "lang=" + "%C3%A9" * 5_000,
    "metric=%3Cscript%3Ealert(1)%3C/script%3E",
    "layers=entry_points,%3Cimg%20src=x%20onerror=alert(1)%3E",
    "layers=" + ",".join(["x"] * 2_000),
    "services=../../etc/passwd",
    "present=yes",
    "embed=2",
    "admin=%00",
    "compare=%7B%7B7*7%7D%7D",
    "second=__proto__",
    "date=2019-01&date=2020-01",
    "=novalue&&&",
    "%",
    "%zz=%zz",
    "country=%00%00",
    "q=" + "a" * 10_000,
]


def request(url: str, headers: dict[str, str] | None = None) -> tuple[int, bytes, dict]:
    """Status, body and headers of a GET, whatever the status."""
    try:
        with urllib.request.urlopen(
            urllib.request.Request(url, headers=headers or {}), timeout=30
        ) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


def layout_for(server, query: str, referer: str | None = None) -> dict:
    referer = referer if referer is not None else f"{server.url}/?{query}"
    status, body, _ = request(server.url + "/_dash-layout", {"Referer": referer})
    assert status == 200, body[:500]
    return json.loads(body)


def slider_value(layout: dict) -> int:
    return find_component(layout, ids.MONTH_INDEX)["props"]["value"]


@pytest.fixture(scope="module")
def default_layout(server) -> dict:
    return layout_for(server, "lang=en")


@pytest.mark.parametrize("query", MALFORMED_QUERIES, ids=[q[:40] for q in MALFORMED_QUERIES])
def test_malformed_link_is_served_with_defaults(server, default_layout, query):
    status, page, _ = request(f"{server.url}/?{query}")
    assert status == 200
    assert b"Traceback" not in page
    layout = layout_for(server, query)
    text = json.dumps(layout)
    assert "Traceback" not in text
    assert "onerror" not in text and "<script>" not in text and "Set-Cookie" not in text
    if "date=" in query and "date=2019-01" not in query:
        assert slider_value(layout) == slider_value(default_layout)


@pytest.mark.parametrize(
    "referer", ["http://[::1/?date=2099-13", "not a url", "//?date=%", "http://x/?" + "%" * 5000, ""]
)
def test_malformed_referer_builds_the_default_page(server, default_layout, referer):
    layout = layout_for(server, "", referer=referer)
    assert slider_value(layout) == slider_value(default_layout)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    query=st.dictionaries(
        st.sampled_from(QUERY_KEYS) | st.text(max_size=8), st.text(max_size=300), max_size=5
    )
)
def test_any_link_builds_a_page(server, query):
    layout = layout_for(server, urllib.parse.urlencode(query))
    assert find_component(layout, ids.MONTH_INDEX) is not None


@settings(max_examples=500, deadline=None)
@given(query=st.dictionaries(st.sampled_from(QUERY_KEYS + ["admin"]) | st.text(), st.text(), max_size=8))
def test_parse_view_never_fails_and_keeps_only_valid_values(query):
    view = parse_view(
        query, lang="es", months=MONTHS, default_date="2025-11", countries={"COL", "PER"}, kinds=["shelter"]
    )
    assert set(view.notices) <= set(QUERY_KEYS + ["admin"])
    assert view.lang in LANGUAGES and view.date in MONTHS and view.metric in METRICS
    assert view.country in (None, "COL", "PER")
    assert set(view.layers) <= set(LAYERS)
    assert set(view.services or ()) <= {"shelter"}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_url_notice_names_the_ignored_keys_never_their_values(lang):
    view = ViewState(lang=lang, date="2025-11", notices=["date", "country", "date"])
    notice = url_notice(view).to_plotly_json()
    assert notice["props"]["role"] == "status"
    assert "date, country" in notice["props"]["children"]
    assert url_notice(ViewState(lang=lang, date="2025-11")) is None


@pytest.fixture(scope="module")
def dependencies(server) -> list[dict]:
    return fetch_dependencies(server.url)


def healthy(server) -> bool:
    status, body, _ = request(server.url + "/healthz")
    return status == 200 and json.loads(body)["status"] == "ok"


CALLBACK_CASES = [
    ("application/json", b"{bad"),
    ("application/json", b""),
    ("application/json", b"null"),
    ("application/json", b"[1, 2]"),
    ("application/json", b'"output"'),
    ("application/json", b'{"output": "nope.children"}'),
    ("application/json", b'{"output": 5, "inputs": {}}'),
    ("application/json", b'{"output": "url.search", "inputs": []}'),  # a clientside callback
    ("application/json", b'{"output": "service-counts.children"}'),
    ("application/json", b'{"output": "service-counts.children", "inputs": "x", "outputs": []}'),
    ("application/json", b"[" * 50_000 + b"]" * 50_000),
    ("application/json", b"\xff\xfe\x00"),
    ("text/plain", b'{"output": "service-counts.children"}'),
    ("", b"output=x"),
    ("application/x-www-form-urlencoded", b"output=x&inputs=y"),
]


@pytest.mark.parametrize(
    ("content_type", "body"), CALLBACK_CASES, ids=[repr(c[1][:30]) for c in CALLBACK_CASES]
)
def test_malformed_callback_body_is_a_4xx(server, content_type, body):
    status = post(server.url, content_type, body)
    assert 400 <= status < 500


WRONG_VALUES = [
    (0, [["a", None], {"x": 1}], "map.bounds"),
    (0, [[95, -80], [10, -60]], "map.bounds"),
    (0, [[float("inf"), 0], [0, 0]], "map.bounds"),
    (1, {"$gt": ""}, "service-kinds.data"),
    (1, ["shelter", "shelter"], "service-kinds.data"),
    (1, ["<img src=x onerror=alert(1)>"], "service-kinds.data"),
    (2, HOSTILE_TEXT, "lang-store.data"),
    (2, "xx", "lang-store.data"),
    (2, {"lang": "en"}, "lang-store.data"),
]


def test_the_services_body_reaches_the_real_callback(server):
    status = post(server.url, "application/json", json.dumps(SERVICES_BODY).encode())
    assert status == 200


@pytest.mark.parametrize(("position", "value", "named"), WRONG_VALUES)
def test_wrongly_typed_values_for_a_real_callback_are_a_400_naming_the_value(server, position, value, named):
    entries = [*SERVICES_BODY["inputs"], *SERVICES_BODY["state"]]
    entries[position] = {**entries[position], "value": value}
    body = {**SERVICES_BODY, "inputs": entries[:2], "state": entries[2:]}
    request = urllib.request.Request(
        server.url + "/_dash-update-component",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    try:
        urllib.request.urlopen(request, timeout=30)
        pytest.fail("accepted")
    except urllib.error.HTTPError as error:
        assert error.code == 400
        message = json.loads(error.read())["error"]
    if named:
        assert message.startswith(named + ":"), message


def test_a_body_over_the_size_limit_is_refused_with_413(server):
    body = json.dumps({"output": "x", "pad": "a" * 1_100_000}).encode()
    assert post(server.url, "application/json", body) in (413, 0)  # 0: reset while still sending
    assert healthy(server)


@settings(
    max_examples=300,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # a failing body is reported as drawn
    suppress_health_check=list(HealthCheck),
)
@given(data=st.data())
def test_generated_callback_payloads_never_get_a_5xx(server, dependencies, data):
    content_type, body = data.draw(payloads(dependencies))
    status = post(server.url, content_type, body)
    assert status != 0 or len(body) > 1_000_000, "connection failed"
    assert status < 500, body[:300]


def test_server_is_healthy_after_the_fuzzing(server):
    assert healthy(server)
