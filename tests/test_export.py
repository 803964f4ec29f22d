"""Server-rendered map images and time-lapse GIFs: size, frames, validation, the job pool."""

import io
import json
import urllib.error
import urllib.request

from PIL import Image

from dashboard import export
from dashboard.export import (
    GIF_SIZE,
    MAP_SIZE,
    class_index,
    fit_extent,
    legend_labels,
    map_png,
    timelapse_gif,
)
from layers.choropleth import BREAKS
from layers.paths import SHIPPED_DATA_DIR


def fetch(server, path):
    try:
        with urllib.request.urlopen(server.url + path, timeout=120) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_map_png_is_a_png_of_the_expected_size():
    body = map_png(SHIPPED_DATA_DIR, "2019-03", "absolute", "es")
    image = Image.open(io.BytesIO(body))
    assert image.format == "PNG"
    assert image.size == MAP_SIZE


def test_timelapse_has_one_frame_per_month():
    months = ["2018-01", "2018-02", "2018-03", "2018-04"]
    progress = []
    body = timelapse_gif(
        SHIPPED_DATA_DIR, months, "per_1000", "en", progress=lambda d, n: progress.append((d, n))
    )
    image = Image.open(io.BytesIO(body))
    assert image.format == "GIF"
    assert image.n_frames == len(months)
    assert image.size == GIF_SIZE
    assert progress[-1] == (4, 4)


def test_classes_and_legend_follow_the_web_maps_breaks():
    breaks = BREAKS["absolute"]
    assert class_index(0, breaks) == 0
    assert class_index(1_842_390, breaks) == 6
    assert class_index(2_000_000, breaks) == 7
    labels = legend_labels("absolute", "es")
    assert labels[1] == "10.000 – 50.000" and labels[-1] == "≥ 2.000.000"
    assert legend_labels("absolute", "en")[-1] == "≥ 2,000,000"


def test_fit_extent_keeps_the_home_view_and_fills_the_box():
    west, east, south, north = fit_extent((0, 10, 0, 20), 200, 200)
    assert (west, east, south, north) == (-5, 15, 0, 20)


def test_map_endpoint_returns_the_png_and_caches_it(server):
    path = "/export/map.png?date=2019-03&metric=absolute&lang=en"
    status, headers, body = fetch(server, path)
    assert status == 200
    assert headers["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(body)).size == MAP_SIZE
    status, _, body = fetch(server, "/export/status?kind=map&date=2019-03&metric=absolute&lang=en")
    assert json.loads(body)["state"] == "done"


def test_timelapse_endpoint_has_n_frames_for_n_months(server):
    status, headers, body = fetch(
        server, "/export/timelapse.gif?from=2018-01&to=2018-12&metric=absolute&lang=pt"
    )
    assert status == 200
    assert headers["Content-Type"] == "image/gif"
    assert Image.open(io.BytesIO(body)).n_frames == 12


def test_bad_date_metric_and_range_are_400s(server):
    for path, parameter in (
        ("/export/map.png?date=2019-3", "date"),
        ("/export/map.png?date=1999-01", "date"),
        ("/export/map.png?date=2019-03&metric=total", "metric"),
        ("/export/map.png?date=2019-03&lang=fr", "lang"),
        ("/export/timelapse.gif?from=2019-12&to=2019-01", "from"),
        ("/export/status?kind=video", "kind"),
    ):
        status, _, body = fetch(server, path)
        assert status == 400, path
        assert json.loads(body)["parameter"] == parameter


def test_status_reports_progress_then_done(server):
    query = "kind=timelapse&from=2016-01&to=2016-06&metric=per_1000&lang=es"
    first = json.loads(fetch(server, f"/export/status?{query}")[2])
    assert first["state"] in ("running", "done") and first["total"] == 6
    status, _, body = fetch(server, f"/export/timelapse.gif?{query.replace('kind=timelapse&', '')}")
    assert status == 200
    assert json.loads(fetch(server, f"/export/status?{query}")[2]) == {"state": "done", "done": 6, "total": 6}


def test_job_key_depends_on_every_parameter():
    keys = {
        export.job_key("map", SHIPPED_DATA_DIR, "2019-03", "absolute", "es"),
        export.job_key("map", SHIPPED_DATA_DIR, "2019-03", "absolute", "en"),
        export.job_key("map", SHIPPED_DATA_DIR, "2019-04", "absolute", "es"),
        export.job_key("timelapse", SHIPPED_DATA_DIR, "2019-03", "absolute", "es"),
    }
    assert len(keys) == 4
