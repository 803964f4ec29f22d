"""Hypothesis strategies for hostile `/_dash-update-component` bodies; used by tests and bench/fuzz.py.

A payload is `(content_type, body_bytes)`. Most are built from the app's real callbacks (from
`/_dash-dependencies`) and then damaged: wrong JSON types, missing or extra inputs, unknown ids,
values of every shape, deep nesting, huge strings, bytes that are not JSON at all. Also the paths
that probe Dash's component-file route.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request

from hypothesis import strategies as st

CALLBACK_PATH = "/_dash-update-component"
# a valid body: the service counts for a box over Peru and Bolivia
SERVICES_BODY = {
    "output": "service-counts.children",
    "outputs": {"id": "service-counts", "property": "children"},
    "inputs": [
        {"id": "map", "property": "bounds", "value": [[-20, -80], [10, -60]]},
        {"id": "service-kinds", "property": "data", "value": ["shelter", "health"]},
    ],
    "state": [{"id": "lang-store", "property": "data", "value": "en"}],
    "changedPropIds": ["map.bounds"],
}
# paths under Dash's component-file route that name no component file: each must be a 404
COMPONENT_FILE_PROBES = [
    "/_dash-component-suites/..%2f..%2f..%2fetc/passwd",
    "/_dash-component-suites/os/path.js",
    "/_dash-component-suites/dash/../../../etc/passwd",
    "/_dash-component-suites/dash/no-such-file.js",
    "/_dash-component-suites/",
]
HOSTILE_TEXT = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "'; DROP TABLE stock; --",
    "../../../../etc/passwd",
    "{{7*7}}",
    "%s%s%s%n",
    "\x00\ud7ff\ufffd",
    "🇻🇪" * 50,
    "COL",
    "__proto__",
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=40),
    st.sampled_from(HOSTILE_TEXT),
)
# Values a real callback accepts (and near misses), so generated bodies also reach the callbacks.
PLAUSIBLE = [
    "COL",
    "PER",
    "VEN",
    "XXX",
    "col",
    "2019-03",
    "2025-11",
    "absolute",
    "per_1000",
    0,
    40,
    131,
    -1,
    {"lang": "en"},
    {"lang": "pt"},
    {"lang": "xx"},
    ["COL", "PER"],
    ["COL", "XXX"],
    ["shelter", "health"],
    [[-20, -80], [10, -60]],
    [[-90, -180], [90, 180]],
    {"index": 40, "country": "COL"},
    {"index": 40, "country": None},
    {"kind": "map", "months": ["2019-03"], "metric": "absolute", "lang": "en"},
]
plausible = st.sampled_from(PLAUSIBLE)
# Per component property: values its callbacks accept, and a few near misses.
RENDER = {"months": ["2019-03"], "metric": "absolute", "lang": "en", "scene": "", "country": ""}
SAMPLES = {
    ("map", "bounds"): [
        None,
        [[-20, -80], [10, -60]],
        [[-60, -200], [30, 10]],
        [[0, 0], [0, 0]],
        [[10, 0], [0, 1]],
    ],
    ("service-kinds", "data"): [None, [], ["shelter"], ["health", "food", "other"], ["shelter", "shelter"]],
    ("text-store", "data"): [None, {"lang": "en"}, {"lang": "es"}, {"lang": "pt"}, {}, {"lang": "xx"}],
    ("selected-country", "data"): [None, "COL", "PER", "VEN", "BRA", "XXX"],
    ("month-index", "value"): [None, 0, 40, 130, 131, 500, -1],
    ("country-month", "data"): [None, 0, 77, 131, 132],
    ("compare-pick", "data"): [None, [], ["COL"], ["COL", "PER", "ECU", "CHL"], ["COL", "COL"]],
    ("cite-view", "data"): [
        None,
        {"index": 3, "country": None},
        {"index": 100, "country": "ECU"},
        {"index": "x"},
    ],
    ("metric", "data"): ["absolute", "per_1000", "total"],
    ("gif-from", "value"): [None, "2019-01", "2025-11", "2019-13"],
    ("gif-to", "value"): [None, "2019-03", "2015-01", "2019-13"],
    ("render-png", "n_clicks"): [None, 0, 1, 7],
    ("render-gif", "n_clicks"): [None, 0, 1, 7],
    ("render-portrait", "n_clicks"): [None, 0, 1, 7],
    ("render-mp4", "n_clicks"): [None, 0, 1, 7],
    ("render-request", "data"): [
        None,
        RENDER | {"kind": "map", "layout": "wide"},
        RENDER | {"kind": "video", "layout": "x"},
        RENDER | {"kind": "map", "layout": "wide", "country": "COL"},
        RENDER | {"kind": "map", "layout": "wide", "country": "XXX"},
    ],
}
json_values = st.recursive(
    scalars | plausible,
    lambda children: st.one_of(
        st.lists(children, max_size=6),
        st.dictionaries(st.text(max_size=12), children, max_size=6),
    ),
    max_leaves=25,
)


def fetch_dependencies(base_url: str) -> list[dict]:
    """The app's callbacks as the browser sees them."""
    with urllib.request.urlopen(base_url + "/_dash-dependencies", timeout=30) as response:
        return json.load(response)


def outputs_of(output: str) -> dict | list[dict]:
    """The `outputs` entry the renderer sends for a callback output key."""

    def one(key: str) -> dict:
        component, prop = key.rsplit(".", 1)
        return {"id": component, "property": prop.split("@")[0]}

    if output.startswith(".."):
        return [one(key) for key in output[2:-2].split("...")]
    return one(output)


def well_formed(dependency: dict, values: st.SearchStrategy | None = None) -> st.SearchStrategy:
    """A body shaped like the renderer's for this callback, with arbitrary values (default: `SAMPLES`)."""

    def value_of(spec: dict) -> st.SearchStrategy:
        if values is not None:
            return values
        return st.sampled_from(SAMPLES.get((spec["id"], spec["property"]), PLAUSIBLE))

    def entries(specs: list[dict]) -> st.SearchStrategy:
        return st.tuples(*[value_of(s).map(lambda v, s=s: {**s, "value": v}) for s in specs]).map(list)

    inputs = dependency.get("inputs", [])
    return st.fixed_dictionaries(
        {
            "output": st.just(dependency["output"]),
            "outputs": st.just(outputs_of(dependency["output"])),
            "inputs": entries(inputs),
            "state": entries(dependency.get("state", [])),
            "changedPropIds": st.lists(
                st.sampled_from([f"{i['id']}.{i['property']}" for i in inputs] or ["x.y"]), max_size=2
            ),
        }
    )


def damaged(bodies: st.SearchStrategy, outputs: list[str]) -> st.SearchStrategy:
    """Well-formed bodies with one part removed, retyped, or pointed at something else."""
    keys = st.sampled_from(["output", "outputs", "inputs", "state", "changedPropIds"])

    def drop(body: dict, key: str) -> dict:
        return {k: v for k, v in body.items() if k != key}

    def retype(body: dict, key: str, value) -> dict:
        return {**body, key: value}

    def shorten(body: dict) -> dict:
        return {
            **body,
            "inputs": body["inputs"][:-1],
            "state": body["state"] + [{"id": "x", "property": "y"}],
        }

    return st.one_of(
        st.builds(drop, bodies, keys),
        st.builds(retype, bodies, keys, json_values),
        st.builds(shorten, bodies),
        st.builds(lambda b, o: {**b, "output": o}, bodies, st.sampled_from(outputs) | st.text(max_size=30)),
        st.builds(
            lambda b, i: {**b, "inputs": [{**entry, "id": i} for entry in b["inputs"]]},
            bodies,
            st.text(max_size=20) | st.dictionaries(st.text(max_size=5), scalars, max_size=3),
        ),
    )


def encoded(bodies: st.SearchStrategy) -> st.SearchStrategy:
    """JSON bodies as bytes, mostly with the JSON content type."""
    content_types = st.sampled_from(["application/json"] * 8 + ["text/plain", ""])
    return st.tuples(content_types, bodies.map(lambda b: json.dumps(b).encode()))


def payloads(dependencies: list[dict]) -> st.SearchStrategy:
    """Every kind of hostile body, weighted towards ones that reach a server-side callback."""
    server_side = [d for d in dependencies if not d.get("clientside_function")]
    outputs = [d["output"] for d in dependencies]
    valid = st.one_of(*[well_formed(d, plausible | json_values) for d in server_side])
    near_valid = st.one_of(*[well_formed(d) for d in server_side])  # mostly reach the callback
    return st.one_of(
        encoded(valid),
        encoded(near_valid),
        encoded(near_valid),
        encoded(damaged(valid, outputs)),
        encoded(damaged(valid, outputs)),
        encoded(json_values),
        st.tuples(st.just("application/json"), st.binary(max_size=200)),
        st.integers(1, 100_000).map(lambda n: ("application/json", b"[" * n + b"]" * n)),
        st.integers(1, 100_000).map(lambda n: ("application/json", b'{"a":' * n + b"1" + b"}" * n)),
        st.integers(10_000, 1_500_000).map(
            lambda n: ("application/json", json.dumps({"output": "x" * n, "inputs": []}).encode())
        ),
    )


def post(base_url: str, content_type: str, body: bytes, timeout: float = 30) -> int:
    """POST a body to the callback endpoint; the HTTP status (0 when the connection failed)."""
    headers = {"Content-Type": content_type} if content_type else {}
    request = urllib.request.Request(base_url + CALLBACK_PATH, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        error.read()
        return error.code
    except (ConnectionError, urllib.error.URLError):
        return 0
