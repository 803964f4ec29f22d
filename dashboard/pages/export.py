"""Map images and time-lapse GIFs drawn on the server (run as jobs by `dashboard.jobs`).

Drawing uses matplotlib's object API (a `Figure` per image, never pyplot), so renders never
share state. Time-lapse frames are streamed to the GIF encoder one at a time.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PatchCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path as MplPath
from PIL import GifImagePlugin, Image
from shapely.geometry import MultiPolygon, Polygon

from dashboard.i18n import format_month, format_number, t
from layers.boundaries import admin0
from layers.choropleth import BREAKS, PALETTE
from layers.citation import map_rows
from layers.entry_points import entry_points
from layers.memo import memoized_on_data
from layers.routes import land_routes, maritime_routes

MAP_SIZE = (1080, 1350)  # pixels, 4:5 portrait: South America is tall, and social posts like it
GIF_SIZE = (720, 900)
GIF_FRAME_MS = 700
MAX_FRAMES = 60  # five years of months: about 30 s of rendering and 3 MB per animation
DPI = 100
ORIGIN_FILL = "#bdbdbd"  # the same greys and purples as assets/corredores.js
NO_DATA_FILL = "#f4f4f4"
BORDER = "#5f6b7a"
LAND_ROUTE = "#7b3294"
MARITIME_ROUTE = "#0571b0"
SEA = "#eaf2f8"
WEB_MERCATOR = "EPSG:3857"
HOME_LON = (-88.0, -36.0)  # the web map's home view: Tierra del Fuego to the Greater Antilles
HOME_LAT = (-52.0, 20.0)
SIMPLIFY_METRES = 1500
AXES_BOX = (0.01, 0.1, 0.98, 0.79)  # left, bottom, width, height as fractions of the image


@dataclass(frozen=True)
class MapGeometry:
    """Everything drawn under the colours, projected once per data snapshot."""

    countries: dict[str, MplPath]
    origin: set[str]
    land: list[list[tuple[float, float]]]
    maritime: list[list[tuple[float, float]]]
    crossings: list[tuple[float, float]]
    extent: tuple[float, float, float, float]


def _polygon_path(geometry: Polygon | MultiPolygon) -> MplPath:
    """One compound matplotlib path for a (multi)polygon, holes included."""
    polygons = geometry.geoms if isinstance(geometry, MultiPolygon) else [geometry]
    vertices, codes = [], []
    for polygon in polygons:
        for ring in [polygon.exterior, *polygon.interiors]:
            coords = list(ring.coords)
            vertices += coords
            codes += [MplPath.MOVETO] + [MplPath.LINETO] * (len(coords) - 2) + [MplPath.CLOSEPOLY]
    return MplPath(vertices, codes)


def _lines(frame: gpd.GeoDataFrame) -> list[list[tuple[float, float]]]:
    located = frame[frame.geometry.notna() & ~frame.geometry.is_empty].to_crs(WEB_MERCATOR)
    return [list(line.coords) for line in located.geometry]


@memoized_on_data
def map_geometry(directory: Path) -> MapGeometry:
    """Countries, routes and crossings in Web Mercator, like the web map; snapshots never change."""
    countries = admin0(directory).to_crs(WEB_MERCATOR)
    simplified = countries.geometry.simplify(SIMPLIFY_METRES)
    points = entry_points(directory)
    points = points[points.geometry.notna() & ~points.geometry.is_empty].to_crs(WEB_MERCATOR)
    corners = gpd.GeoSeries.from_xy(list(HOME_LON), list(HOME_LAT), crs="EPSG:4326").to_crs(WEB_MERCATOR)
    return MapGeometry(
        countries={iso: _polygon_path(shape) for iso, shape in zip(countries.index, simplified, strict=True)},
        origin=set(countries.index[countries["origin"]]),
        land=_lines(land_routes(directory)),
        maritime=_lines(maritime_routes(directory)),
        crossings=[(p.x, p.y) for p in points.geometry],
        extent=(corners.x.min(), corners.x.max(), corners.y.min(), corners.y.max()),
    )


def fit_extent(extent: tuple[float, float, float, float], width: float, height: float) -> tuple[float, ...]:
    """Widen the home view's shorter side so it fills a box of `width` x `height` at equal scale."""
    west, east, south, north = extent
    x_mid, y_mid = (west + east) / 2, (south + north) / 2
    span_x, span_y = east - west, north - south
    if span_x / span_y < width / height:
        span_x = span_y * width / height
    else:
        span_y = span_x * height / width
    return x_mid - span_x / 2, x_mid + span_x / 2, y_mid - span_y / 2, y_mid + span_y / 2


def class_index(value: float, breaks: list[float]) -> int:
    """The palette class of a value: the last break it reaches (as the web map does)."""
    index = 0
    for i, lower in enumerate(breaks):
        if value >= lower:
            index = i
    return index


def legend_labels(metric: str, lang: str) -> list[str]:
    """ "0 – 10.000", …, "≥ 2.000.000" for the metric's classes."""
    breaks = BREAKS[metric]
    decimals = 0
    labels = [
        f"{format_number(low, lang, decimals)} – {format_number(high, lang, decimals)}"
        for low, high in zip(breaks, breaks[1:], strict=False)
    ]
    return [*labels, f"≥ {format_number(breaks[-1], lang, decimals)}"]


def draw_map(
    directory: Path, month: str, metric: str, lang: str, size: tuple[int, int], link: str = ""
) -> Figure:
    """One month's map: the web map's classes and palette, origin, routes, crossings, legend, credits."""
    geometry = map_geometry(directory)
    rows = map_rows(directory, month, metric).set_index("iso_a3")
    breaks = BREAKS[metric]
    scale = size[0] / MAP_SIZE[0]
    figure = Figure(figsize=(size[0] / DPI, size[1] / DPI), dpi=DPI, facecolor="white")
    axes = figure.add_axes(AXES_BOX)
    axes.set_facecolor(SEA)
    plain, estimated, plain_colours, estimated_colours = [], [], [], []
    for iso, path in geometry.countries.items():
        if iso in geometry.origin:
            colour = ORIGIN_FILL
        elif iso in rows.index:
            colour = PALETTE[class_index(float(rows.loc[iso, "value"]), breaks)]
        else:
            colour = NO_DATA_FILL
        if iso in rows.index and rows.loc[iso, "estimated"]:
            estimated.append(PathPatch(path))
            estimated_colours.append(colour)
        else:
            plain.append(PathPatch(path))
            plain_colours.append(colour)
    axes.add_collection(
        PatchCollection(plain, facecolors=plain_colours, edgecolors=BORDER, linewidths=0.5 * scale)
    )
    axes.add_collection(
        PatchCollection(
            estimated,
            facecolors=estimated_colours,
            edgecolors=BORDER,
            linewidths=0.5 * scale,
            hatch="///",
        )
    )
    for line in geometry.land:
        xs, ys = zip(*line, strict=True)
        axes.plot(xs, ys, color=LAND_ROUTE, linewidth=2.2 * scale, alpha=0.85, solid_capstyle="round")
    for line in geometry.maritime:
        xs, ys = zip(*line, strict=True)
        axes.plot(xs, ys, color=MARITIME_ROUTE, linewidth=2.2 * scale, linestyle=(0, (4, 3)))
    if geometry.crossings:
        xs, ys = zip(*geometry.crossings, strict=True)
        axes.scatter(
            xs, ys, marker="D", s=28 * scale**2, color=LAND_ROUTE, edgecolors="white", linewidths=1, zorder=5
        )
    west, east, south, north = fit_extent(geometry.extent, AXES_BOX[2] * size[0], AXES_BOX[3] * size[1])
    axes.set_xlim(west, east)
    axes.set_ylim(south, north)
    axes.set_aspect("equal")
    axes.set_xticks([])
    axes.set_yticks([])
    for spine in axes.spines.values():
        spine.set_color("#c8d3dd")

    handles = [Patch(facecolor=colour, edgecolor=BORDER, linewidth=0.5) for colour in PALETTE]
    labels = legend_labels(metric, lang)
    handles += [
        Patch(facecolor=NO_DATA_FILL, edgecolor=BORDER, linewidth=0.5),
        Patch(facecolor=ORIGIN_FILL, edgecolor=BORDER, linewidth=0.5),
        Patch(facecolor="white", edgecolor=BORDER, hatch="///", linewidth=0.5),
        Line2D([], [], color=LAND_ROUTE, linewidth=2.2),
        Line2D([], [], color=MARITIME_ROUTE, linewidth=2.2, linestyle=(0, (4, 3))),
        Line2D([], [], color=LAND_ROUTE, marker="D", linestyle="", markeredgecolor="white"),
    ]
    labels += [
        t("legend.no_data", lang),
        t("legend.origin", lang),
        t("export.estimated", lang),
        t("layer.land_routes", lang),
        t("layer.maritime_routes", lang),
        t("layer.entry_points", lang),
    ]
    legend = axes.legend(
        handles,
        labels,
        loc="lower right",
        title=t(f"legend.title_{metric}", lang),
        fontsize=9 * scale,
        title_fontsize=10 * scale,
        frameon=True,
        framealpha=0.92,
    )
    legend.get_title().set_fontweight("bold")

    shown = len(rows)
    title = t(
        "export.title", lang, measure=t(f"legend.title_{metric}", lang), month=format_month(month, lang)
    )
    figure.text(0.03, 0.965, title, fontsize=21 * scale, fontweight="bold", va="top")
    subtitle = t("export.subtitle", lang, n=int(rows["estimated"].sum()), total=shown)
    figure.text(0.03, 0.925, subtitle, fontsize=12 * scale, va="top", color="#333")
    sources = t("export.sources", lang, n=len(_sources(rows)), link=link or t("export.link_default", lang))
    figure.text(0.03, 0.075, sources, fontsize=9.5 * scale, va="top", wrap=True, color="#222")
    figure.text(
        0.03, 0.035, t("export.credit", lang), fontsize=8.5 * scale, va="top", wrap=True, color="#444"
    )
    return figure


def _sources(rows) -> list[str]:
    """Distinct sources behind the month's values (both bracketing ones for estimated values)."""
    cells = [*rows["source"], *rows["source_before"], *rows["source_after"]]
    return list(dict.fromkeys(cell for cell in cells if cell))


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    FigureCanvasAgg(figure).print_png(buffer)
    return buffer.getvalue()


def map_png(directory: Path, month: str, metric: str, lang: str, link: str = "") -> bytes:
    """The month's map as a PNG of MAP_SIZE pixels."""
    return _png(draw_map(directory, month, metric, lang, MAP_SIZE, link))


def timelapse_gif(
    directory: Path,
    months: list[str],
    metric: str,
    lang: str,
    link: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> bytes:
    """An animated GIF with one frame per month; `progress(done, total)` is called after each frame.

    Each frame is encoded as soon as it is drawn and then dropped, so memory holds one frame and
    the compressed file, not every frame of the animation.
    """
    if not 0 < len(months) <= MAX_FRAMES:
        raise ValueError(f"a time-lapse has 1 to {MAX_FRAMES} frames, got {len(months)}")
    with tempfile.TemporaryFile() as output:
        for done, month in enumerate(months, start=1):
            frame = _gif_frame(draw_map(directory, month, metric, lang, GIF_SIZE, link))
            if done == 1:
                header, _ = GifImagePlugin.getheader(frame, info={"loop": 0})
                output.writelines(header)
            hold = GIF_FRAME_MS * 3 if done == len(months) else GIF_FRAME_MS  # hold the last month
            output.writelines(
                GifImagePlugin.getdata(frame, duration=hold, disposal=1, include_color_table=True)
            )
            if progress:
                progress(done, len(months))
        output.write(b";")  # GIF trailer
        output.seek(0)
        return output.read()


def _gif_frame(figure: Figure) -> Image.Image:
    """A drawn figure as a 128-colour palette image."""
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    image = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    return image.convert("RGB").quantize(colors=128, method=Image.Quantize.MEDIANCUT)
