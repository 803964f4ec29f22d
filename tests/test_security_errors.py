"""Errors that surface: bad input is a 4xx, a bug is a 500 with a request id, counted on /healthz."""

from __future__ import annotations

import json
import sys
import urllib.request

import pytest
from processes import AppProcess, answers, app_environment, free_port
from security_payloads import COMPONENT_FILE_PROBES, fetch_dependencies, post
from test_security_headers import fetch

from dashboard import ids
from dashboard.inputs import CHECKS

# A value every server callback accepts, per component property; a country where one is wanted.
VALID = {
    (ids.MAP, "bounds"): [[-20, -80], [10, -60]],
    (ids.SERVICE_KINDS, "data"): ["shelter", "health"],
    (ids.LANG_STORE, "data"): "en",
    (ids.SELECTED, "data"): "COL",
    (ids.MONTH_INDEX, "value"): 40,
    (ids.COUNTRY_MONTH, "data"): 40,
    (ids.COMPARE_PICK, "data"): ["COL", "PER"],
    (ids.CITE_VIEW, "data"): {"index": 40, "country": "COL"},
}
UNKNOWN_COUNTRY = {
    (ids.SELECTED, "data"): "XXX",
    (ids.COMPARE_PICK, "data"): ["COL", "XXX"],
    (ids.CITE_VIEW, "data"): {"index": 40, "country": "XXX"},
}


def server_callbacks(dependencies: list[dict]) -> list[dict]:
    return [d for d in dependencies if not d.get("clientside_function")]


def body_for(dependency: dict, values: dict) -> dict:
    """The body the renderer would send for this callback, with `values` per input and state."""
    outputs = dependency["output"]
    entries = [
        {"id": part.rsplit(".", 1)[0], "property": part.rsplit(".", 1)[1].split("@")[0]}
        for part in (outputs[2:-2].split("...") if outputs.startswith("..") else [outputs])
    ]

    def filled(specs: list[dict]) -> list[dict]:
        return [{**spec, "value": values[(spec["id"], spec["property"])]} for spec in specs]

    return {
        "output": outputs,
        "outputs": entries if outputs.startswith("..") else entries[0],
        "inputs": filled(dependency["inputs"]),
        "state": filled(dependency.get("state", [])),
        "changedPropIds": [f"{dependency['inputs'][0]['id']}.{dependency['inputs'][0]['property']}"],
    }


@pytest.fixture(scope="module")
def dependencies(server) -> list[dict]:
    return fetch_dependencies(server.url)


def test_every_value_a_server_callback_reads_has_an_explicit_check(dependencies):
    read = {
        (spec["id"], spec["property"])
        for dependency in server_callbacks(dependencies)
        for spec in [*dependency["inputs"], *dependency.get("state", [])]
    }
    assert read, "no server callbacks found"
    assert read <= set(CHECKS), f"unchecked: {sorted(read - set(CHECKS))}"


def reads(dependency: dict) -> set[tuple[str, str]]:
    """The (id, property) pairs a callback reads."""
    return {(s["id"], s["property"]) for s in [*dependency["inputs"], *dependency.get("state", [])]}


def country_callbacks(dependencies: list[dict]) -> list[dict]:
    """Callbacks reading a country whose every input has a VALID value (the toolbar's render request
    reads the selected country too; its country check is exercised by the render-request samples)."""
    return [
        d
        for d in server_callbacks(dependencies)
        if reads(d) & set(UNKNOWN_COUNTRY) and reads(d) <= set(VALID)
    ]


def test_callbacks_reading_a_country_exist(dependencies):
    outputs = {d["output"] for d in country_callbacks(dependencies)}
    assert len(outputs) >= 4, outputs  # the country panel (2), compare, cite


def test_an_unknown_iso_in_every_callback_is_a_4xx_and_a_known_one_works(server, dependencies):
    for dependency in country_callbacks(dependencies):
        good = json.dumps(body_for(dependency, VALID)).encode()
        assert post(server.url, "application/json", good) == 200, dependency["output"]
        bad = json.dumps(body_for(dependency, {**VALID, **UNKNOWN_COUNTRY})).encode()
        assert 400 <= post(server.url, "application/json", bad) < 500, dependency["output"]


@pytest.mark.parametrize("path", COMPONENT_FILE_PROBES)
def test_a_path_naming_no_component_file_is_a_404(server, path):
    status, body, _ = fetch(server.url + path)
    assert status == 404, body[:200]


def test_the_page_scripts_are_still_served(server):
    _, page, _ = fetch(server.url + "/")
    scripts = [s.decode() for s in __import__("re").findall(rb'src="(/_dash-component-suites/[^"]+)"', page)]
    assert len(scripts) > 5
    assert all(fetch(server.url + src)[0] == 200 for src in scripts)


BROKEN_SERVER = """
import sys
import dashboard.pages.compare as regional

def broken(*args, **kwargs):
    raise KeyError("compare.heading")  # a missing i18n key, as a bug would look

regional.compare_block = broken
from dashboard.app import app
app.run(host="127.0.0.1", port=int(sys.argv[1]))
"""


@pytest.fixture(scope="module")
def broken_server(tmp_path_factory):
    """The dashboard with the comparison callback broken on purpose."""
    folder = tmp_path_factory.mktemp("broken")
    port = free_port()
    command = [sys.executable, "-c", BROKEN_SERVER, str(port)]
    running = AppProcess(command, port, folder / "server.log", app_environment(folder))
    running.wait_until(lambda: answers(running.url), timeout=90)
    yield running.url, running.log
    running.stop()


def test_a_broken_callback_is_a_500_with_a_request_id_logged_and_counted(broken_server, server):
    url, log = broken_server
    compare = next(d for d in fetch_dependencies(url) if d["output"] == f"{ids.COMPARE_BODY}.children")
    body = json.dumps(body_for(compare, VALID)).encode()
    request = urllib.request.Request(
        url + "/_dash-update-component",
        data=body,
        headers={"Content-Type": "application/json", "X-Request-ID": "bug-7"},
        method="POST",
    )
    status, answer, _ = fetch_request(request)
    assert status == 500
    assert json.loads(answer) == {"error": "internal error", "status": 500, "request_id": "bug-7"}
    text = log.read_text()
    assert "request bug-7" in text and "Traceback" in text and "compare.heading" in text
    health = json.loads(urllib.request.urlopen(url + "/healthz", timeout=10).read())
    assert health["server_errors"] == 1
    # the same body on the intact app is answered
    assert post(server.url, "application/json", body) == 200


def fetch_request(request: urllib.request.Request) -> tuple[int, bytes, dict]:
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)
