"""Start once per data version: a snapshot's derived artefacts are kept on disk and read back.

A second process on unchanged data reads every artefact (no file rewritten, nothing recomputed);
changed data gets new artefacts; a damaged artefact is never served, only recomputed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import brotli
import geobuf
import pytest
from flask import Flask

from dashboard import cache
from dashboard.i18n import LANGUAGES
from dashboard.state import copy_snapshot, install
from layers.boundaries import admin1
from layers.catalog import LOADERS
from layers.memo import ARTEFACT_FOLDERS, artefact_counts, artefact_dir, mark_immutable, on_disk
from layers.services import services
from layers.table import Table
from layers.web_layers import SERVICE_PROPERTIES, feature_collection, services_geobuf
from tests.datadir import SHIPPED_DATA, broken_copy, read_rows, write_rows

ROOT = Path(__file__).resolve().parent.parent
START = """
import json, sys
import dashboard.app  # builds the app from the environment, as gunicorn's worker does
from layers.memo import artefact_counts
geometry = sorted(m for m in sys.modules if m.split(".")[0] in ("geopandas", "shapely", "pyproj", "pyogrio"))
print(json.dumps({**artefact_counts, "geometry": geometry}))
"""
# A worker's first click on Colombia shades its states on the map (callbacks/map_view.py)
SHADE = """
import json, sys
import dashboard.app
from dashboard.pages.admin1 import admin1_view
from dashboard.state import current_data_dir
hideout, legend = admin1_view(current_data_dir(), "COL", "es")
geometry = sorted(m for m in sys.modules if m.split(".")[0] in ("geopandas", "shapely", "pyproj", "pyogrio"))
counts = hideout["counts"]
print(json.dumps({"units": len(counts), "shaded": sum(counts.values()), "geometry": geometry}))
"""


def start(data: Path, root: Path, script: str = START) -> dict:
    """A fresh process builds the app on `data` as a worker does (validation, warm-up); returns its
    artefact counts (or what `script` prints) and, under "geometry", the geometry libraries it imported."""
    run = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "CORREDORES_DATA_DIR": str(data),
            "CORREDORES_CACHE_DIR": str(root),
        },
    )
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout.strip().splitlines()[-1])


def artefact_files(root: Path) -> dict[str, int]:
    """Every artefact file under the snapshot root, with its modification time."""
    return {str(p.relative_to(root)): p.stat().st_mtime_ns for p in (root / "derived").glob("*/*")}


def test_a_second_start_on_unchanged_data_reads_every_artefact(tmp_path):
    root = tmp_path / "snapshots"
    first = start(SHIPPED_DATA, root)
    written = artefact_files(root)
    assert first.get("written", 0) == len(written)
    names = {Path(name).name for name in written}
    assert {f"{loader.__module__}.{loader.__name__}.pickle" for loader in LOADERS.values()} <= names
    assert {lang for lang in LANGUAGES if any(f"-layout-{lang}-" in name for name in names)} == set(LANGUAGES)
    assert sum(name.startswith("encoded-") for name in names) == 6  # 3 documents x (br, gzip)
    second = start(SHIPPED_DATA, root)
    assert second.get("written", 0) == 0 and second.get("rejected", 0) == 0
    assert second["read"] >= 1 + len(LANGUAGES) + 6  # the verdict, pages, compressed bodies
    assert artefact_files(root) == written  # not one file rewritten


def test_a_restart_on_unchanged_data_does_not_import_the_geometry_libraries(tmp_path):
    root = tmp_path / "snapshots"
    assert "geopandas" in start(SHIPPED_DATA, root)["geometry"]  # the first start builds geometry
    assert start(SHIPPED_DATA, root)["geometry"] == []


def test_a_warm_worker_shades_a_countrys_states_without_the_geometry_libraries(tmp_path):
    root = tmp_path / "snapshots"
    start(SHIPPED_DATA, root)  # the first start builds what a click needs
    shaded = start(SHIPPED_DATA, root, SHADE)
    assert shaded["geometry"] == []
    assert shaded["units"] == int((admin1(SHIPPED_DATA)["parent_iso_a3"] == "COL").sum())
    # every located service in Colombia lies in one of its states
    assert shaded["shaded"] == len(services(SHIPPED_DATA).query("iso_a3 == 'COL'"))


def test_changed_data_gets_new_artefacts(tmp_path):
    data = broken_copy(tmp_path)
    path = data / "points" / "services.csv"
    first = copy_snapshot(data, tmp_path / "snapshots")
    mark_immutable(first)
    before = services(first)
    rows = read_rows(path)
    name = rows[0].index("name")
    rows[1][name] = "Renamed shelter"
    write_rows(path, rows)
    second = copy_snapshot(data, tmp_path / "snapshots")
    mark_immutable(second)
    after = services(second)
    assert artefact_dir(second) != artefact_dir(first)
    assert after.loc[2, "name"] == "Renamed shelter" != before.loc[2, "name"]
    assert (artefact_dir(second) / "layers.services.services.pickle").is_file()


@pytest.mark.parametrize("damage", ["flip", "truncate", "empty"])
def test_a_damaged_artefact_is_recomputed_never_served(tmp_path, damage):
    snapshot = copy_snapshot(SHIPPED_DATA, tmp_path / "snapshots")
    mark_immutable(snapshot)
    expected = services(snapshot)
    artefact = artefact_dir(snapshot) / "layers.services.services.pickle"
    body = artefact.read_bytes()
    damaged = {
        "flip": body[:-100] + bytes([body[-100] ^ 0xFF]) + body[-99:],
        "truncate": body[: len(body) // 2],
        "empty": b"",
    }[damage]
    artefact.write_bytes(damaged)
    services.cache_clear()  # as a new process would: only the disk remains
    rejected = artefact_counts["rejected"]
    again = services(snapshot)
    assert artefact_counts["rejected"] == rejected + 1
    assert again.equals(expected) and list(again.geometry) == list(expected.geometry)
    assert artefact.read_bytes() != damaged  # replaced by a good copy
    services.cache_clear()
    read = artefact_counts["read"]
    assert services(snapshot).equals(expected)
    assert artefact_counts["read"] == read + 1


def test_a_data_directory_that_is_no_snapshot_is_not_kept_on_disk(tmp_path):
    data = broken_copy(tmp_path)
    assert artefact_dir(data) is None
    services(data)
    assert not (tmp_path / "derived").exists()


def test_compressed_geometry_is_kept_beside_the_snapshot(tmp_path):
    from dashboard.documents import encoded, services_document

    cache.init_cache(Flask("artefacts"), None)
    state = install(SHIPPED_DATA, tmp_path / "snapshots", 60.0)
    document = services_document(state.data_dir)
    compressed = encoded(document, "br")
    assert brotli.decompress(compressed) == document.body
    stored = artefact_dir(state.data_dir) / f"encoded-{document.digest}.br"
    assert stored.is_file()
    cache._local.clear()
    cache.cache.clear()
    mtime, read = stored.stat().st_mtime_ns, artefact_counts["read"]
    assert encoded(document, "br") == compressed
    assert artefact_counts["read"] == read + 1 and stored.stat().st_mtime_ns == mtime


def test_services_geobuf_holds_the_geojson_of_the_located_services():
    decoded = geobuf.decode(services_geobuf(SHIPPED_DATA))
    geojson = feature_collection(services(SHIPPED_DATA), SERVICE_PROPERTIES)
    assert len(decoded["features"]) == len(geojson["features"]) > 0
    for ours, reference in zip(decoded["features"], geojson["features"], strict=True):
        assert ours["properties"] == reference["properties"]
        assert ours["geometry"]["coordinates"] == [round(c, 5) for c in reference["geometry"]["coordinates"]]


def test_uniqueness_names_each_repeated_key_and_its_first_row(tmp_path):
    data = broken_copy(tmp_path)
    path = data / "points" / "services.csv"
    rows = read_rows(path)
    rows.append(list(rows[3]))  # a copy of spreadsheet row 4
    rows.append(list(rows[3]))
    write_rows(path, rows)
    table = Table(data, "points/services.csv")
    table.check_schema()
    repeated = [p for p in table.problems if p.column == "service_id" and "unique" in p.message]
    found = [(p.row, p.message.endswith("already used in row 4")) for p in repeated]
    assert found == [(len(rows) - 1, True), (len(rows), True)]


def test_artefact_folders_on_disk_are_bounded(tmp_path):
    root = tmp_path / "derived"
    for number in range(ARTEFACT_FOLDERS + 3):
        assert on_disk(root / f"snapshot-{number}" / "value.pickle", lambda number=number: number) == number
    kept = sorted(p.name for p in root.iterdir())
    assert kept == [f"snapshot-{n}" for n in range(3, ARTEFACT_FOLDERS + 3)]  # the newest ones
    assert on_disk(root / "snapshot-0" / "value.pickle", lambda: "computed again") == "computed again"
