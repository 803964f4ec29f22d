"""Server-rendered map images, time-lapse GIFs and videos: size, frames, validation, jobs, the public URL."""

import io
import json

import pytest
from PIL import Image
from processes import http_get, poll_until

from dashboard.jobs import Render
from dashboard.pages import export
from dashboard.pages.export import (
    GIF_SIZE,
    MAP_SIZE,
    class_index,
    draw_map,
    fit_extent,
    legend_labels,
    map_png,
    timelapse,
)
from layers.choropleth import BREAKS
from layers.paths import SHIPPED_DATA_DIR


def fetch(server, path):
    return http_get(server.url + path, timeout=120)


@pytest.mark.parametrize(("layout", "size"), [("wide", (1920, 1080)), ("portrait", (1080, 1350))])
def test_map_png_is_a_png_of_the_expected_size(layout, size):
    body = map_png(SHIPPED_DATA_DIR, "2019-03", "absolute", "es", layout=layout)
    image = Image.open(io.BytesIO(body))
    assert image.format == "PNG"
    assert image.size == size


def test_timelapse_has_one_frame_per_month():
    months = ["2018-01", "2018-02", "2018-03", "2018-04"]
    progress = []
    body = timelapse(
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


def render_when_done(server, path: str) -> tuple[int, dict, bytes]:
    """Ask for an image, follow its status URL until it is done, then fetch it."""
    status, headers, body = fetch(server, path)
    if status == 202:
        status_url = json.loads(body)["status_url"]
        done = poll_until(lambda: json.loads(fetch(server, status_url)[2])["state"] == "done", 240)
        assert done, "render not done"
        status, headers, body = fetch(server, path)
    return status, headers, body


def test_map_endpoint_answers_202_then_the_png(server):
    path = "/export/map.png?date=2019-03&metric=absolute&lang=en"
    status, headers, body = fetch(server, path)
    assert status in (200, 202)
    status, headers, body = render_when_done(server, path)
    assert status == 200
    assert headers["Content-Type"] == "image/png"
    assert Image.open(io.BytesIO(body)).size == MAP_SIZE
    status, _, body = fetch(server, "/export/status?kind=map&date=2019-03&metric=absolute&lang=en")
    assert json.loads(body)["state"] == "done"


def test_timelapse_endpoint_has_n_frames_for_n_months(server):
    status, headers, body = render_when_done(
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
        ("/export/timelapse.gif?from=2015-01&to=2020-01", "to"),  # 61 frames, one past the cap
        ("/export/status?kind=film", "kind"),
        ("/export/map.png?date=2019-03&layout=square", "layout"),
        ("/export/map.png?scene=no-such-scene", "scene"),
        ("/export/map.png?date=2019-03&country=XYZ", "country"),
        ("/export/timelapse.mp4?from=2015-01&to=2020-01", "to"),
    ):
        status, _, body = fetch(server, path)
        assert status == 400, path
        assert json.loads(body)["parameter"] == parameter


def test_the_frame_cap_is_named_in_the_error(server):
    status, _, body = fetch(server, "/export/timelapse.gif?from=2015-01&to=2025-11")
    assert status == 400
    assert f"at most {export.MAX_FRAMES} months" in json.loads(body)["error"]


def test_status_reports_but_never_starts_a_render(server):
    query = "kind=timelapse&from=2016-01&to=2016-06&metric=per_1000&lang=es"
    for _ in range(3):
        assert json.loads(fetch(server, f"/export/status?{query}")[2]) == {
            "state": "unknown",
            "done": 0,
            "total": 6,
        }
    status, _, _ = render_when_done(
        server, "/export/timelapse.gif?from=2016-01&to=2016-06&metric=per_1000&lang=es"
    )
    assert status == 200
    assert json.loads(fetch(server, f"/export/status?{query}")[2])["state"] == "done"


def test_the_render_key_depends_on_every_parameter_and_the_data_but_not_the_host():
    base = Render("map", ("2019-03",), "absolute", "es")
    keys = {
        base.key(SHIPPED_DATA_DIR, ""),
        Render("map", ("2019-03",), "absolute", "en").key(SHIPPED_DATA_DIR, ""),
        Render("map", ("2019-04",), "absolute", "es").key(SHIPPED_DATA_DIR, ""),
        Render("map", ("2019-03",), "per_1000", "es").key(SHIPPED_DATA_DIR, ""),
        Render("timelapse", ("2019-03",), "absolute", "es").key(SHIPPED_DATA_DIR, ""),
        base.key(SHIPPED_DATA_DIR.parent / "other-snapshot", ""),
        base.key(SHIPPED_DATA_DIR, "https://atlas.example"),
        Render("map", ("2019-03",), "absolute", "es", "wide").key(SHIPPED_DATA_DIR, ""),
        Render("map", ("2019-03",), "absolute", "es", "portrait", "surge-cucuta").key(SHIPPED_DATA_DIR, ""),
        Render("video", ("2019-03",), "absolute", "es").key(SHIPPED_DATA_DIR, ""),
        Render("map", ("2019-03",), "absolute", "es", country="COL").key(SHIPPED_DATA_DIR, ""),
    }
    assert len(keys) == 11


def test_image_credit_links_use_the_public_url_only():
    render = Render("timelapse", ("2019-01", "2019-02"), "absolute", "en")
    assert render.credit_link("") == ""
    assert render.credit_link("https://atlas.example") == (
        "https://atlas.example/api/stock_by_month.csv?from=2019-01&to=2019-02"
    )
    figure = draw_map(
        SHIPPED_DATA_DIR, "2019-03", "absolute", "en", GIF_SIZE, render.credit_link("https://atlas.example")
    )
    texts = " ".join(text.get_text() for text in figure.texts)
    assert "https://atlas.example/api/stock_by_month.csv" in texts
    figure = draw_map(SHIPPED_DATA_DIR, "2019-03", "absolute", "en", GIF_SIZE, "")
    texts = " ".join(text.get_text() for text in figure.texts)
    assert "Sources: " in texts  # the footer is drawn, with no address when none is configured
    assert "http" not in texts and "/api/" not in texts and "localhost" not in texts


def test_a_time_lapse_past_the_frame_cap_is_refused_before_drawing():
    months = [f"{y}-{m:02d}" for y in range(2015, 2021) for m in range(1, 13)][: export.MAX_FRAMES + 1]
    with pytest.raises(ValueError, match=f"1 to {export.MAX_FRAMES} frames"):
        timelapse(SHIPPED_DATA_DIR, months, "absolute", "en")


def test_a_toolbar_image_outlines_the_selected_country():
    """The map image of a view with a selected country carries the highlight outline; without, none."""
    from dashboard.map_style import COLOURS

    highlight = tuple(bytes.fromhex(COLOURS["highlight"][1:]))

    def outline_pixels(render: Render) -> int:
        body = export.draw(render, SHIPPED_DATA_DIR, "", lambda done, total: None)
        colours = Image.open(io.BytesIO(body)).convert("RGB").getcolors(1920 * 1080)
        return next((count for count, colour in colours if colour == highlight), 0)

    selected = Render("map", ("2019-03",), "absolute", "en", "wide", country="COL")
    assert Render.from_dict(selected.as_dict()) == selected
    assert "country=COL" in selected.url()
    assert outline_pixels(selected) > 500  # Colombia's border, 3 px wide
    assert outline_pixels(Render("map", ("2019-03",), "absolute", "en", "wide")) == 0
