"""Analysts replace files under a running server: bad files never reach readers, good ones do.

One server runs on a private copy of `data/` and looks for changes every 0.2 s
(`CORREDORES_RELOAD_SECONDS`). Each bad file must leave the site serving the last good numbers
(the stock store of `/_dash-layout`) while `/healthz` reports "degraded" and names file, row and
problem; restoring the file returns the site to "ok". A good edit is served once it settles.
"""

from __future__ import annotations

import json
import shutil
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path

import pytest
from datadir import SHIPPED_DATA, drop_column, row_where, set_cell
from processes import poll_until

from dashboard import ids

STOCK = "figures/stock.csv"
ENTRY_POINTS = "points/entry_points.csv"
# Migración Colombia, 31 Oct 2019: 1,630,903 in data/figures/stock.csv, a main-series figure
COLOMBIA_OCT_2019 = {"iso_a3": "COL", "date": "2019-10-31"}


def get_json(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict]:
    """Status and JSON body of a GET, whatever the status."""
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def find_component(node, component_id: str) -> dict | None:
    """The component with this id anywhere in a Dash layout tree."""
    if isinstance(node, dict):
        if node.get("props", {}).get("id") == component_id:
            return node
        children = node.get("props", {}).get("children")
        return find_component(children, component_id) if children is not None else None
    if isinstance(node, list):
        for child in node:
            found = find_component(child, component_id)
            if found:
                return found
    return None


def served_stock(server) -> dict:
    """The stock matrix the page is built with right now."""
    status, layout = get_json(server.url + "/_dash-layout", {"Referer": server.url + "/?lang=en"})
    assert status == 200
    return find_component(layout, ids.STOCK_STORE)["props"]["data"]


def health(server) -> dict:
    status, body = get_json(server.url + "/healthz")
    assert status == 200, body  # degraded still serves: 200
    return body


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 30) -> None:
    """Poll (each poll is a request, which is what triggers the data check) until true."""
    assert poll_until(condition, timeout), f"timed out waiting for {what}"


def looked_since(server, moment: float) -> bool:
    """Whether the server found its data files at rest in a look that began after `moment` (epoch s)."""
    checked = health(server)["data_checked"]
    return checked is not None and datetime.fromisoformat(checked).timestamp() > moment


def replace_file(path: Path, edit: Callable[[Path], None]) -> None:
    """Edit a copy beside the file, then move it over the original (as `cp` + `mv` would)."""
    staged = path.with_name(path.name + ".new")
    shutil.copy2(path, staged)
    edit(staged)
    staged.replace(path)


@pytest.fixture(scope="module")
def live(tmp_path_factory, start_server):
    """A server on a private data copy that checks for changed files every 0.2 s."""
    data = tmp_path_factory.mktemp("live") / "data"
    shutil.copytree(SHIPPED_DATA, data)
    running = start_server(data, {"CORREDORES_RELOAD_SECONDS": "0.2"})
    running.data = data
    running.baseline = served_stock(running)
    return running


def restore(live, *relatives: str) -> None:
    """Put the shipped files back and wait until the site is healthy again."""
    for relative in relatives:
        shutil.copy(SHIPPED_DATA / relative, live.data / relative)
    wait_for(lambda: health(live)["status"] == "ok", "status ok after restoring " + ", ".join(relatives))


def set_lat(path: Path) -> None:
    set_cell(path, 5, "lat", "7,83")


def set_value(path: Path) -> None:
    set_cell(path, 10, "value", "many")


def drop_kind(path: Path) -> None:
    drop_column(path, "kind")


def truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:5000])


def empty(path: Path) -> None:
    path.write_bytes(b"")


def latin1(path: Path) -> None:
    path.write_bytes(path.read_bytes().replace("ó".encode(), b"\xf3"))


def binary(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 40)


BAD_FILES = [
    # (file, edit, words the /healthz problem must contain)
    (ENTRY_POINTS, set_lat, ["points/entry_points.csv", "row 5", "column lat", '"7,83"']),
    (STOCK, set_value, ["figures/stock.csv", "row 10", "column value", '"many"']),
    ("points/services.csv", drop_kind, ["points/services.csv", "column kind", "missing"]),
    ("boundaries/admin0.geojson", truncate, ["boundaries/admin0.geojson", "GeoJSON"]),
    ("routes/land.csv", empty, ["routes/land.csv", "empty file"]),
    ("countries/profiles.csv", latin1, ["countries/profiles.csv", "row 2", "UTF-8"]),
    ("routes/maritime.csv", binary, ["routes/maritime.csv"]),
    ("datapackage.json", truncate, ["datapackage.json", "JSON"]),
    ("datapackage.json", empty, ["datapackage.json", "JSON"]),
    ("PROVENANCE.md", binary, ["PROVENANCE.md", "UTF-8"]),
    ("scenes.json", truncate, ["scenes.json", "JSON"]),
]


@pytest.mark.parametrize(
    ("relative", "edit", "words"), BAD_FILES, ids=[b[0] + ":" + b[1].__name__ for b in BAD_FILES]
)
def test_a_bad_file_keeps_the_last_good_data_and_is_reported(live, relative, edit, words):
    replace_file(live.data / relative, edit)
    wait_for(lambda: health(live)["status"] == "degraded", f"degraded after breaking {relative}")
    body = health(live)
    assert any(all(word in problem for word in words) for problem in body["data_problems"]), body
    assert body["data_vintage"] == "2025-11"
    assert served_stock(live) == live.baseline
    restore(live, relative)
    assert served_stock(live) == live.baseline


def test_a_deleted_file_keeps_the_last_good_data(live):
    (live.data / "figures/funding.csv").unlink()
    wait_for(lambda: health(live)["status"] == "degraded", "degraded after deleting funding.csv")
    assert "figures/funding.csv: expected the file to exist, found nothing" in health(live)["data_problems"]
    assert served_stock(live) == live.baseline
    restore(live, "figures/funding.csv")


def test_a_good_edit_is_served(live):
    row = row_where(live.data / STOCK, **COLOMBIA_OCT_2019)
    replace_file(live.data / STOCK, lambda path: set_cell(path, row, "value", "1630904"))
    wait_for(lambda: served_stock(live) != live.baseline, "the edited stock to be served")
    assert 1630904 in served_stock(live)["areas"]["COL"]["v"]
    assert health(live)["status"] == "ok"
    restore(live, STOCK)
    wait_for(lambda: served_stock(live) == live.baseline, "the shipped stock to be served again")


def test_two_files_changed_together_are_served_together_or_not_at_all(live):
    """A good stock edit arriving with a bad entry-points file waits until both are good."""
    row = row_where(live.data / STOCK, **COLOMBIA_OCT_2019)
    set_cell(live.data / STOCK, row, "value", "1630905")
    set_lat(live.data / ENTRY_POINTS)
    wait_for(lambda: health(live)["status"] == "degraded", "degraded with one bad file of two")
    for look in ("a first", "a second"):  # later looks at the unchanged files: still the old numbers
        wait_for(partial(looked_since, live, time.time()), f"{look} look at the data after it was rejected")
        assert served_stock(live) == live.baseline
    shutil.copy(SHIPPED_DATA / ENTRY_POINTS, live.data / ENTRY_POINTS)
    wait_for(lambda: health(live)["status"] == "ok", "ok once the second file is fixed")
    assert 1630905 in served_stock(live)["areas"]["COL"]["v"]
    restore(live, STOCK)
    wait_for(lambda: served_stock(live) == live.baseline, "the shipped stock to be served again")


def test_a_file_being_written_is_not_loaded_half_done(live):
    """A stock file cut at a row boundary is valid on its own, but it is loaded only once settled."""
    path = live.data / STOCK
    full = path.read_bytes()
    lines = full.splitlines(keepends=True)
    path.write_bytes(b"".join(lines[: len(lines) // 2]))  # the first half of a slow copy
    written = time.monotonic()
    while time.monotonic() - written < 0.6:  # within the settle window (1 s) nothing switches
        assert served_stock(live) == live.baseline
        assert health(live)["status"] == "ok"
    path.write_bytes(full)  # the copy completes
    completed = time.time()
    wait_for(lambda: looked_since(live, completed), "a look at the settled data after the copy completed")
    assert health(live)["status"] == "ok"
    assert served_stock(live) == live.baseline


def test_a_server_started_on_bad_data_says_so(tmp_path, start_server):
    data = tmp_path / "data"
    shutil.copytree(SHIPPED_DATA, data)
    set_lat(data / ENTRY_POINTS)
    broken = start_server(data)
    status, body = get_json(broken.url + "/healthz")
    assert status == 503
    assert body["status"] == "error"
    assert any("points/entry_points.csv, row 5, column lat" in p for p in body["data_problems"])
    with urllib.request.urlopen(broken.url + "/_dash-layout") as response:
        assert response.status == 200
        assert b"fatal" in response.read()
