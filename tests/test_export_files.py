"""The exported files themselves: slide size, legend colours in the GIF, MP4 frames, plurals, no Host."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys

import geopandas as gpd
import imageio_ffmpeg
import numpy as np
import pytest
from PIL import GifImagePlugin, Image
from processes import ROOT, SHIPPED_DATA, http_get, poll_until

from dashboard.i18n import format_number, plural
from dashboard.pages import export
from dashboard.pages.export import GIF_SIZE, VIDEO_SIZE, draw_map, footer_lines, subtitle, timelapse
from layers.choropleth import BALANCE_PALETTE, PALETTE
from layers.citation import map_rows
from layers.paths import SHIPPED_DATA_DIR
from layers.scenes import scenes

PUBLIC_URL = "https://atlas.example"
ODD_HOST = "odd-host-4711.example"  # a distinctive Host header: it must appear in no answer
DEADLINE_SECONDS = 240


def swatch_centres(figure, count: int) -> list[tuple[int, int]]:
    """Pixel (x, y from the top) at the middle of the first `count` legend swatches of a drawn figure."""
    figure.canvas.draw()
    legend = figure.legends[0] if figure.legends else figure.axes[0].get_legend()
    renderer = figure.canvas.get_renderer()
    height = figure.bbox.height
    centres = []
    for handle in legend.legend_handles[:count]:
        box = handle.get_window_extent(renderer)
        centres.append((round((box.x0 + box.x1) / 2), round(height - (box.y0 + box.y1) / 2)))
    return centres


def test_no_two_legend_classes_share_a_colour_in_the_gif():
    """Read the GIF's palette and the pixel in the middle of each class swatch (and Venezuela's)."""
    month, metric, lang = "2019-03", "absolute", "es"
    figure = draw_map(SHIPPED_DATA_DIR, month, metric, lang, GIF_SIZE)  # the GIF frame's own drawing
    centres = swatch_centres(figure, len(PALETTE) + 2)  # classes, "no figure", Venezuela
    gif = Image.open(io.BytesIO(timelapse(SHIPPED_DATA_DIR, [month], metric, lang)))
    assert gif.mode == "P"
    palette = gif.getpalette()
    colours = []
    for x, y in centres:
        index = gif.getpixel((x, y))
        colours.append(tuple(palette[3 * index : 3 * index + 3]))
    classes, origin = colours[: len(PALETTE)], colours[-1]
    assert len(set(classes)) == len(PALETTE), classes
    assert origin not in classes, (origin, classes)
    assert all(colour != (255, 255, 255) for colour in classes)  # a swatch was hit, not the background
    # and each class keeps the web map's colour exactly (a per-frame reduction only approximates it)
    assert classes == [tuple(bytes.fromhex(colour[1:])) for colour in PALETTE]


def test_every_gif_frame_uses_the_same_palette(monkeypatch):
    # Pillow keeps later frames on a palette ("P") only when their palette equals the first one's
    strategy = GifImagePlugin.LoadingStrategy.RGB_AFTER_DIFFERENT_PALETTE_ONLY
    monkeypatch.setattr(GifImagePlugin, "LOADING_STRATEGY", strategy)
    gif = Image.open(io.BytesIO(timelapse(SHIPPED_DATA_DIR, ["2018-01", "2021-01"], "per_1000", "pt")))
    palettes = []
    for number in range(gif.n_frames):
        gif.seek(number)
        assert gif.mode == "P", number
        palettes.append(bytes(gif.getpalette()))
    assert gif.n_frames == 2 and palettes[0] == palettes[1]


def test_the_mp4_is_h264_and_decodes_with_one_frame_per_month(tmp_path):
    months = ["2018-01", "2018-02", "2018-03"]
    progress = []
    body = export.timelapse(
        SHIPPED_DATA_DIR, months, "absolute", "en", progress=lambda d, n: progress.append((d, n)), video=True
    )
    path = tmp_path / "timelapse.mp4"
    path.write_bytes(body)
    frames, seconds = imageio_ffmpeg.count_frames_and_secs(str(path))
    assert frames == len(months)
    assert seconds == pytest.approx(len(months) * export.GIF_FRAME_MS / 1000, abs=0.05)
    reader = imageio_ffmpeg.read_frames(str(path))
    meta = next(reader)
    assert meta["codec"].startswith("h264") and tuple(meta["size"]) == VIDEO_SIZE
    decoded = sum(1 for _ in reader)
    assert decoded == len(months)
    assert progress[-1] == (3, 3)


def test_a_scene_image_is_16_9_and_carries_its_caption():
    scene = scenes(SHIPPED_DATA_DIR)[1]
    month, metric = export.scene_view(scene)
    assert month == scene["date"]
    slide = export.scene_slide(scene, "en")
    body = export.map_png(SHIPPED_DATA_DIR, month, metric, "en", layout="wide", slide=slide)
    assert Image.open(io.BytesIO(body)).size == (1920, 1080)
    figure = draw_map(SHIPPED_DATA_DIR, month, metric, "en", (1920, 1080), slide=slide)
    texts = " ".join(text.get_text() for text in figure.texts).replace("\n", " ")
    assert " ".join(scene["caption"]["en"].split()) in " ".join(texts.split())


def test_a_scene_with_unknown_or_missing_optional_fields_still_draws():
    scene = {
        "id": "x",
        "play": {"from": "2018-01", "to": "2018-06"},
        "metric": "balance",
        "bounds": [[-10, -80], [5, -60]],
        "title": {"es": "Título de prueba"},
        "extra": 1,
    }
    assert export.scene_view(scene) == ("2018-06", "balance")
    slide = export.scene_slide(scene, "es")
    assert slide.title == "Título de prueba" and slide.caption == "" and slide.layers == ()
    figure = draw_map(SHIPPED_DATA_DIR, "2018-06", "absolute", "es", (960, 540), slide=slide)
    assert "Título de prueba" in [text.get_text() for text in figure.texts]


@pytest.mark.parametrize(
    ("lang", "one_country", "two_countries", "one_source", "sources"),
    [
        ("es", "1 país con datos", "2 países con datos, 1 estimado (rayado)", "Fuente: ", "Fuentes: "),
        (
            "en",
            "1 country with data",
            "2 countries with data, 1 estimated (hatched)",
            "Source: ",
            "Sources: ",
        ),
        ("pt", "1 país com dados", "2 países com dados, 1 estimado (hachurado)", "Fonte: ", "Fontes: "),
    ],
)
def test_counts_and_sources_take_the_languages_plural(lang, one_country, two_countries, one_source, sources):
    # 2018-04: one host country with a figure and one source; 2018-05: two, one of them estimated
    assert subtitle(map_rows(SHIPPED_DATA_DIR, "2018-04", "absolute").set_index("iso_a3"), lang).endswith(
        " · " + one_country
    )
    assert subtitle(map_rows(SHIPPED_DATA_DIR, "2018-05", "absolute").set_index("iso_a3"), lang).endswith(
        " · " + two_countries
    )
    single = footer_lines(SHIPPED_DATA_DIR, "2018-04", lang, "")[0]
    assert single.startswith(one_source) and "," not in single
    several = footer_lines(SHIPPED_DATA_DIR, "2018-05", lang, "")[0]
    assert several.startswith(sources) and several.count(",") == 2


def test_thousands_in_counts_use_the_languages_separator():
    assert (
        plural("export.countries", "es", 1200, number=format_number(1200, "es")) == "1.200 países con datos"
    )
    assert (
        plural("export.countries", "en", 1200, number=format_number(1200, "en"))
        == "1,200 countries with data"
    )


def test_the_app_starts_without_importing_matplotlib(tmp_path):
    code = "import sys, dashboard.app; print(sorted(m for m in sys.modules if m.startswith('matplotlib')))"
    env = {**os.environ, "CORREDORES_DATA_DIR": str(SHIPPED_DATA), "CORREDORES_CACHE_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


# ---------- over HTTP, with a public URL configured and an odd Host header ----------


@pytest.fixture(scope="module")
def public_server(start_server):
    return start_server(SHIPPED_DATA, {"CORREDORES_PUBLIC_URL": PUBLIC_URL})


def get(server, path: str) -> tuple[int, dict, bytes]:
    """A GET naming an odd Host, which no export may repeat."""
    return http_get(server.url + path, {"Host": ODD_HOST})


def rendered(server, path: str) -> tuple[list[bytes], bytes]:
    """Every answer on the way (202, status polls) and the finished file."""
    seen = []
    status, headers, body = get(server, path)
    seen.append(json.dumps(headers).encode() + body)
    if status == 202:
        status_url = json.loads(body)["status_url"]

        def finished() -> bool:
            _, headers, answer = get(server, status_url)
            seen.append(json.dumps(headers).encode() + answer)
            return json.loads(answer)["state"] in ("done", "error")

        assert poll_until(finished, DEADLINE_SECONDS), "render not done"
        status, headers, body = get(server, path)
        seen.append(json.dumps(headers).encode())
    assert status == 200, body[:300]
    return seen, body


def test_no_localhost_nor_request_host_in_any_export(public_server):
    """Bytes of the PNG (incl. its metadata), GIF, MP4 and every JSON answer: no Host, no localhost.

    Image pixels are not read (no OCR): the footer text drawn is checked in the next test.
    """
    port = public_server.url.rsplit(":", 1)[1]
    for path, size in (
        ("/export/map.png?date=2019-03&metric=absolute&lang=es&layout=wide", (1920, 1080)),
        ("/export/map.png?scene=surge-cucuta&lang=en&layout=wide", (1920, 1080)),
        ("/export/map.png?date=2019-03&metric=absolute&lang=pt&layout=portrait", (1080, 1350)),
        ("/export/timelapse.gif?from=2018-01&to=2018-02&metric=absolute&lang=es", GIF_SIZE),
        ("/export/timelapse.mp4?from=2018-01&to=2018-02&metric=absolute&lang=en", None),
    ):
        answers, body = rendered(public_server, path)
        for chunk in [*answers, body]:
            for needle in (ODD_HOST.encode(), b"localhost", b"127.0.0.1", f":{port}".encode()):
                assert needle not in chunk, (path, needle)
        if size:
            assert Image.open(io.BytesIO(body)).size == size, path
        else:
            assert body[4:8] == b"ftyp"  # an MP4 file


def test_the_footer_drawn_names_the_configured_public_url_only():
    """The text passed to matplotlib for the footer of a render made for `PUBLIC_URL`."""
    from dashboard.jobs import Render

    render = Render("map", ("2019-03",), "absolute", "es", "wide")
    figure = draw_map(
        SHIPPED_DATA_DIR, "2019-03", "absolute", "es", (1920, 1080), render.credit_link(PUBLIC_URL)
    )
    footer = next(text.get_text() for text in figure.texts if text.get_gid() == "footer")
    assert f"{PUBLIC_URL}/export/map.csv?date=2019-03" in footer.replace("\n", "")
    assert re.findall(r"https?://[^\s]+", footer.replace("\n", " ")) == [
        f"{PUBLIC_URL}/export/map.csv?date=2019-03"
    ]


# ---------- every scene measure: people, per 1,000, permits, funding, migratory balance ----------

SHIPPED_SCENES = scenes(SHIPPED_DATA_DIR)


def scene_figure(scene_id: str, lang: str = "en"):
    """The 16:9 figure of a shipped scene, drawn (canvas rendered), with its month and measure."""
    scene = next(scene for scene in SHIPPED_SCENES if scene["id"] == scene_id)
    month, measure = export.scene_view(scene)
    figure = draw_map(
        SHIPPED_DATA_DIR, month, measure, lang, (1920, 1080), slide=export.scene_slide(scene, lang)
    )
    figure.canvas.draw()
    return figure, month, measure


def pixel(figure, x: float, y: float) -> tuple[int, int, int]:
    """The RGB colour drawn at figure pixel (x, y from the bottom)."""
    rgba = np.asarray(figure.canvas.buffer_rgba())
    return tuple(int(c) for c in rgba[round(figure.bbox.height - y), round(x)][:3])


def rgb(colour: str) -> tuple[int, int, int]:
    return tuple(bytes.fromhex(colour[1:]))


@pytest.mark.parametrize("scene", SHIPPED_SCENES, ids=[scene["id"] for scene in SHIPPED_SCENES])
def test_every_shipped_scene_exports_a_16_9_png(scene):
    month, measure = export.scene_view(scene)
    body = export.map_png(
        SHIPPED_DATA_DIR, month, measure, "es", layout="wide", slide=export.scene_slide(scene, "es")
    )
    image = Image.open(io.BytesIO(body))
    assert (image.format, image.size) == ("PNG", (1920, 1080))


def test_the_balance_scene_draws_in_the_balance_palette():
    figure, month, measure = scene_figure("brazil-balance")
    assert measure == "balance"
    swatches = [pixel(figure, x, figure.bbox.height - y) for x, y in swatch_centres(figure, 8)]
    assert swatches == [rgb(colour) for colour in BALANCE_PALETTE]
    # a point inside Brazil (Mato Grosso, 12° S 55° W), where the map draws its fill
    axes = figure.axes[0]
    x, y = axes.transData.transform(
        gpd.GeoSeries.from_xy([-55], [-12], crs="EPSG:4326").to_crs(export.WEB_MERCATOR).iloc[0].coords[0]
    )
    brazil = pixel(figure, x, y)
    assert brazil in [rgb(colour) for colour in BALANCE_PALETTE], brazil
    assert brazil not in [rgb(colour) for colour in PALETTE]
    legend = figure.legends[0]
    assert legend.get_title().get_text().startswith("Migratory balance")
    labels = [text.get_text() for text in legend.get_texts()]
    assert "entries minus exits computed here (the source gave no balance)" in labels  # the derived hatch
    footer = next(text.get_text() for text in figure.texts if text.get_gid() == "footer")
    assert "Estrelinha" in footer  # the source of June 2025's balance, not the people map's R4V
    assert "R4V" not in footer.split("\n")[0]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_permits_scene_names_permits_and_its_year(lang):
    figure, month, _ = scene_figure("regularisation", lang)
    title = figure.legends[0].get_title().get_text()
    word = {"en": "permits", "es": "permisos"}[lang]
    assert word in title.lower() and month[:4] in title
    swatches = [pixel(figure, x, figure.bbox.height - y) for x, y in swatch_centres(figure, 8)]
    assert swatches == [rgb(colour) for colour in PALETTE]
