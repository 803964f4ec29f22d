"""Map images, time-lapse GIFs and MP4 videos drawn on the server (run as jobs by `dashboard.jobs`).

Drawing uses matplotlib's object API (a `Figure` per image, never pyplot), so renders never
share state. matplotlib is imported inside the drawing functions only: the web app starts without
it. Time-lapse frames are streamed to the encoder one at a time.

Two layouts: `wide` (16:9, for slides and video: the map on the left, title, month, legend and
credits in a column on the right) and `portrait` (4:5, for social posts: title on top, legend on
the map, credits below). Footers print the configured public URL (`CORREDORES_PUBLIC_URL`) and
nothing when it is unset: never a guess from the request.
"""

from __future__ import annotations

import io
import tempfile
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import GifImagePlugin, Image

from dashboard.i18n import format_month, format_number, plural, t
from dashboard.map_style import COLOURS, HOME_BOUNDS
from dashboard.view_state import METRICS
from layers.boundaries import admin0
from layers.choropleth import BALANCE_PALETTE, BREAKS, PALETTE, second_measures, stock_matrix
from layers.citation import host_codes, map_rows
from layers.entry_points import entry_points
from layers.memo import memoized_on_data
from layers.routes import land_routes, maritime_routes
from layers.scenes import scenes
from layers.stock import LATEST, rows_at

if TYPE_CHECKING:  # heavy libraries, imported where used (the web app starts without them)
    import geopandas as gpd
    import pandas as pd
    from matplotlib.figure import Figure
    from matplotlib.path import Path as MplPath
    from shapely.geometry import MultiPolygon, Polygon

    from dashboard.jobs import Render


LAYOUTS = ("wide", "portrait")
WIDE_SIZE = (1920, 1080)  # pixels, 16:9: a full-HD slide
MAP_SIZE = (1080, 1350)  # pixels, 4:5 portrait: South America is tall, and social posts like it
SIZES = {"wide": WIDE_SIZE, "portrait": MAP_SIZE}
GIF_SIZE = (720, 900)  # the portrait layout, smaller: GIFs are for social posts
VIDEO_SIZE = (1280, 720)  # the wide layout at 720p: both sides are multiples of H.264's 16-pixel blocks
GIF_FRAME_MS = 700
VIDEO_FPS = Fraction(1000, GIF_FRAME_MS)  # one video frame per month, as long as a GIF frame
MAX_FRAMES = 60  # five years of months: about 30 s of rendering and 3 MB per animation
DPI = 100
MIN_TEXT_SCALE = 0.8
TEXT = "#222222"
MUTED_TEXT = "#444444"
MONTH_TEXT = "#0c2c84"
SEA = "#eaf2f8"
SPINE = "#c8d3dd"
WEB_MERCATOR = "EPSG:3857"
SIMPLIFY_METRES = 1500
VIEW_MARGIN = 0.07  # of the view's span on each side: the home view's -52° leaves Tierra del Fuego out
WIDE_MAP_BOX = (0.01, 0.018, 0.6, 0.964)  # left, bottom, width, height as fractions of the image
PANEL_LEFT = 0.635  # the wide layout's text column
ROUTE_LAYERS = ("land_routes", "maritime_routes", "entry_points")
# Every colour an image draws in (greys for anti-aliased text): the GIF's one fixed palette.
GIF_COLOURS = [
    "#ffffff",
    SEA,
    SPINE,
    TEXT,
    MUTED_TEXT,
    MONTH_TEXT,
    "#000000",
    "#777777",
    "#aaaaaa",
    "#dddddd",
    *PALETTE,
    *BALANCE_PALETTE,
    COLOURS["origin"],
    COLOURS["no_data"],
    COLOURS["no_data_dots"],
    COLOURS["hatch"],
    COLOURS["border"],
    COLOURS["land_route"],
    COLOURS["maritime_route"],
    COLOURS["highlight"],
]


@dataclass(frozen=True)
class MapGeometry:
    """Everything drawn under the colours, projected once per data snapshot."""

    countries: dict[str, MplPath]
    origin: set[str]
    land: list[list[tuple[float, float]]]
    maritime: list[list[tuple[float, float]]]
    crossings: list[tuple[float, float]]


@dataclass(frozen=True)
class Slide:
    """What one image shows beyond the month and measure: a scene's view, title and caption."""

    bounds: list[list[float]]  # [[south, west], [north, east]] in degrees
    title: str = ""
    caption: str = ""
    layers: tuple[str, ...] = ROUTE_LAYERS
    country: str = ""  # outlined, as the web map outlines a selected country


HOME = Slide(HOME_BOUNDS)


@dataclass(frozen=True)
class Shown:
    """One month of one measure as the web map colours it: values, classes and their wording."""

    rows: pd.DataFrame  # by ISO3: `value`, `estimated` (drawn hatched)
    palette: list[str]
    title: str  # the legend's title
    hatch_label: str  # what hatching means; "" when nothing is hatched
    notes: list[str]  # lines under the month
    sources: list[str]  # short source labels of the figures drawn


def scene_slide(scene: dict, lang: str) -> Slide:
    """A scene of data/scenes.json as a slide; optional fields it lacks (title, layers) fall back."""

    def text(value: object) -> str:
        return str(value.get(lang, "")) if isinstance(value, dict) else str(value or "")

    layers = tuple(layer for layer in scene.get("layers", []) if layer in ROUTE_LAYERS)
    country = scene.get("country") if isinstance(scene.get("country"), str) else ""
    return Slide(scene["bounds"], text(scene.get("title")), text(scene.get("caption")), layers, country)


def find_scene(directory: Path, scene_id: str) -> dict | None:
    """The scene of data/scenes.json with this id, or None."""
    return next((scene for scene in scenes(directory) if scene.get("id") == scene_id), None)


def scene_view(scene: dict) -> tuple[str, str]:
    """A scene's month (its `date`, else the end of its `play` range) and measure (`measure`, else
    the older `metric`); images draw every measure `layers.scenes` accepts."""
    month = scene.get("date")
    if not isinstance(month, str):
        play = scene.get("play")
        month = str(play.get("to")) if isinstance(play, dict) and play.get("to") else LATEST
    return month, str(scene.get("measure") or scene.get("metric") or "absolute")


def _polygon_path(geometry: Polygon | MultiPolygon) -> MplPath:
    """One compound matplotlib path for a (multi)polygon, holes included."""
    from matplotlib.path import Path as MplPath
    from shapely.geometry import MultiPolygon

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
    return MapGeometry(
        countries={iso: _polygon_path(shape) for iso, shape in zip(countries.index, simplified, strict=True)},
        origin=set(countries.index[countries["origin"]]),
        land=_lines(land_routes(directory)),
        maritime=_lines(maritime_routes(directory)),
        crossings=[(p.x, p.y) for p in points.geometry],
    )


def projected(bounds: list[list[float]]) -> tuple[float, float, float, float]:
    """[[south, west], [north, east]] in degrees as (west, east, south, north) in Web Mercator, widened."""
    import geopandas as gpd

    (south, west), (north, east) = bounds
    corners = gpd.GeoSeries.from_xy([west, east], [south, north], crs="EPSG:4326").to_crs(WEB_MERCATOR)
    pad_x = (corners.x.max() - corners.x.min()) * VIEW_MARGIN
    pad_y = (corners.y.max() - corners.y.min()) * VIEW_MARGIN
    return corners.x.min() - pad_x, corners.x.max() + pad_x, corners.y.min() - pad_y, corners.y.max() + pad_y


def fit_extent(extent: tuple[float, float, float, float], width: float, height: float) -> tuple[float, ...]:
    """Widen the view's shorter side so it fills a box of `width` x `height` at equal scale."""
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
    labels = [
        f"{format_number(low, lang)} – {format_number(high, lang)}"
        for low, high in zip(breaks, breaks[1:], strict=False)
    ]
    return [*labels, f"≥ {format_number(breaks[-1], lang)}"]


def short_sources(directory: Path, month: str) -> list[str]:
    """The short labels (publishers) of the figures behind a month's map, both sides of estimates."""
    rows = rows_at(directory, month)
    rows = rows[rows["area"].isin(host_codes(directory))]
    cells = [*rows["publisher"], *rows["publisher_before"], *rows["publisher_after"]]
    return sorted({cell for cell in cells if isinstance(cell, str) and cell})


def hatch_ink(colour: str) -> str:
    """The hatch line colour over a fill: white where its relative luminance is below 0.4, as the web map."""
    red, green, blue = ((channel / 255) ** 2.2 for channel in bytes.fromhex(colour[1:]))
    return "#ffffff" if 0.2126 * red + 0.7152 * green + 0.0722 * blue < 0.4 else COLOURS["hatch"]


def _counted(values: dict[str, float], derived: dict[str, bool] | None = None) -> pd.DataFrame:
    """Values by ISO3 as rows with `value` and `estimated` (hatched)."""
    import pandas as pd

    flags = derived or {}
    return pd.DataFrame(
        {"value": values, "estimated": {iso: flags.get(iso, False) for iso in values}},
        columns=["value", "estimated"],
    )


def balance_at(figures: dict, iso: str, month: str) -> dict | None:
    """Brazil's cumulative balance at its latest checkpoint up to `month`; elsewhere the balance of
    the shortest published period containing it (`latest`: each country's newest), as the web map."""
    import pandas as pd

    latest = month == LATEST
    if iso in figures["cumulative"]:
        reached = [f for f in figures["cumulative"][iso] if latest or f["to"][:7] <= month]
        return reached[-1] if reached else None
    periods = [f for f in figures["periods"].get(iso, []) if latest or f["from"][:7] <= month <= f["to"][:7]]

    def order(figure: dict) -> tuple:
        """Newest end first for `latest`, then the shortest period."""
        length = pd.Timestamp(figure["to"]) - pd.Timestamp(figure["from"])
        return (-pd.Timestamp(figure["to"]).value if latest else 0, length)

    return min(periods, key=order, default=None)


def shown(directory: Path, month: str, measure: str, lang: str) -> Shown:
    """What a map of `measure` draws for `month`: people and per 1,000 from the stock, the second
    map's measures (permits, funding, balance) from `second_measures`, as the web map does."""
    if measure in METRICS:
        rows = map_rows(directory, month, measure).set_index("iso_a3")
        notes = [subtitle(rows, lang, latest_range(directory, month, lang))]
        title = t(f"legend.title_{measure}", lang)
        return Shown(
            rows, PALETTE, title, t("export.estimated", lang), notes, short_sources(directory, month)
        )
    second = second_measures(directory)
    title = t(f"second.{measure}", lang)
    if measure == "balance":
        figures = second["balance"]
        found = {
            iso: balance_at(figures, iso, month) for iso in {*figures["cumulative"], *figures["periods"]}
        }
        found = {iso: figure for iso, figure in sorted(found.items()) if figure}
        rows = _counted(
            {iso: f["value"] for iso, f in found.items()}, {iso: f["derived"] for iso, f in found.items()}
        )
        notes = [_count(rows, lang), t("legend.balance_cumulative", lang)]
        sources = sorted({f["source"] for f in found.values()})
        return Shown(rows, BALANCE_PALETTE, title, t("legend.balance_derived", lang), notes, sources)
    entry = second[measure]
    if measure == "permits":
        year = (stock_matrix(directory)["latest"]["to"] if month == LATEST else month)[:4]
        rows = _counted(entry["by_year"].get(year, {}))
        title += f" · {year}"
        notes = [_count(rows, lang) if len(rows) else t("second.no_year", lang, year=year)]
    else:
        rows = _counted(entry["values"])
        notes = [_count(rows, lang)]
    return Shown(rows, PALETTE, title, "", notes, [entry["source"]] if entry["source"] else [])


def _count(rows: pd.DataFrame, lang: str) -> str:
    """ "3 countries with data"."""
    return plural("export.countries", lang, len(rows), number=format_number(len(rows), lang))


def _draw_countries(
    axes, geometry: MapGeometry, rows, breaks: list[float], palette: list[str], scale: float
) -> None:
    """Class colours, Venezuela grey, dotted "no figure", hatched estimates; as the web map."""
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import PathPatch

    groups: dict[tuple[str, str], list] = {}  # (fill, hatch) -> paths
    inks: dict[tuple[str, str], str] = {}
    for iso, path in geometry.countries.items():
        if iso in geometry.origin:
            fill, hatch, ink = COLOURS["origin"], "", COLOURS["border"]
        elif iso in rows.index:
            fill = palette[class_index(float(rows.loc[iso, "value"]), breaks)]
            hatch, ink = ("///", hatch_ink(fill)) if rows.loc[iso, "estimated"] else ("", COLOURS["border"])
        else:
            fill, hatch, ink = COLOURS["no_data"], "..", COLOURS["no_data_dots"]
        groups.setdefault((fill, hatch), []).append(PathPatch(path))
        inks[(fill, hatch)] = ink
    for (fill, hatch), patches in groups.items():
        axes.add_collection(
            PatchCollection(
                patches,
                facecolors=fill,
                edgecolors=COLOURS["border"],
                linewidths=0.5 * scale,
                hatch=hatch or None,
                hatchcolor=inks[(fill, hatch)],
            )
        )


def _draw_routes(axes, geometry: MapGeometry, layers: tuple[str, ...], scale: float) -> None:
    if "land_routes" in layers:
        for line in geometry.land:
            xs, ys = zip(*line, strict=True)
            axes.plot(xs, ys, color=COLOURS["land_route"], linewidth=2.2 * scale, solid_capstyle="round")
    if "maritime_routes" in layers:
        for line in geometry.maritime:
            xs, ys = zip(*line, strict=True)
            axes.plot(xs, ys, color=COLOURS["maritime_route"], linewidth=2.2 * scale, linestyle=(0, (4, 3)))
    if "entry_points" in layers and geometry.crossings:
        xs, ys = zip(*geometry.crossings, strict=True)
        axes.scatter(
            xs,
            ys,
            marker="D",
            s=28 * scale**2,
            color=COLOURS["land_route"],
            edgecolors="white",
            linewidths=1,
            zorder=5,
        )


def _legend_entries(metric: str, view: Shown, lang: str, layers: tuple[str, ...]) -> tuple[list, list[str]]:
    """Every class, then the "no figure" dots, Venezuela, the hatch (if any) and the layers drawn."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    border = {"edgecolor": COLOURS["border"], "linewidth": 0.5}
    handles = [Patch(facecolor=colour, **border) for colour in view.palette]
    labels = legend_labels(metric, lang)
    handles += [
        Patch(facecolor=COLOURS["no_data"], hatch="..", hatchcolor=COLOURS["no_data_dots"], **border),
        Patch(facecolor=COLOURS["origin"], **border),
    ]
    labels += [t("legend.no_data", lang), t("legend.origin", lang)]
    if view.hatch_label:
        hatched = view.palette[len(view.palette) // 2]
        handles.append(Patch(facecolor=hatched, hatch="///", hatchcolor=hatch_ink(hatched), **border))
        labels.append(view.hatch_label)
    lines = {
        "land_routes": Line2D([], [], color=COLOURS["land_route"], linewidth=2.2),
        "maritime_routes": Line2D(
            [], [], color=COLOURS["maritime_route"], linewidth=2.2, linestyle=(0, (4, 3))
        ),
        "entry_points": Line2D(
            [], [], color=COLOURS["land_route"], marker="D", linestyle="", markeredgecolor="white"
        ),
    }
    for layer in ROUTE_LAYERS:
        if layer in layers:
            handles.append(lines[layer])
            labels.append(t(f"layer.{layer}", lang))
    return handles, labels


def footer_lines(
    directory: Path, month: str, lang: str, link: str, labels: list[str] | None = None
) -> list[str]:
    """Short source line (`labels`, else the people map's), where the figures are listed (only with a
    public URL), credits."""
    labels = short_sources(directory, month) if labels is None else labels
    lines = [plural("export.sources", lang, len(labels), labels=", ".join(labels))]
    if link:
        lines += [t("export.link", lang), link]  # the address on a line of its own: it stays whole
    return [*lines, t("export.credit", lang)]


def latest_range(directory: Path, month: str, lang: str) -> str:
    """For the `latest` view, the months its figures span ("cifras de nov 2024 a nov 2025"); else ""."""
    if month != LATEST:
        return ""
    span = stock_matrix(directory)["latest"]
    return t(
        "legend.latest_range",
        lang,
        start=format_month(span["from"], lang),
        end=format_month(span["to"], lang),
    )


def subtitle(rows, lang: str, span: str = "") -> str:
    """ "Venezuelan refugees and migrants by host country · 17 countries with data, 2 estimated"."""
    shown, estimated = len(rows), int(rows["estimated"].sum())
    counts = plural("export.countries", lang, shown, number=format_number(shown, lang))
    if estimated:
        counts += ", " + plural(
            "export.estimated_count", lang, estimated, number=format_number(estimated, lang)
        )
    return " · ".join([t("export.subtitle", lang), counts, *([span] if span else [])])


def wrapped(text: str, width_px: float, fontsize: float) -> str:
    """`text` broken into lines that fit `width_px` at `fontsize` points (a character is about 0.58 em).

    Addresses stay whole unless one alone is wider than the column."""
    chars = max(20, int(width_px / (fontsize * DPI / 72 * 0.58)))
    return "\n".join(textwrap.fill(line, chars, break_on_hyphens=False) for line in text.split("\n"))


class Column:
    """Text blocks stacked downwards from a point of the figure, each measured once drawn."""

    def __init__(self, figure: Figure, left: float, top: float, width_px: float):
        self.figure, self.left, self.top, self.width_px = figure, left, top, width_px
        self.renderer = figure.canvas.get_renderer()

    def add(self, text: str, fontsize: float, gap: float = 0.012, **style) -> None:
        """Draw `text` (wrapped to the column) below the previous block."""
        artist = self.figure.text(
            self.left, self.top, wrapped(text, self.width_px, fontsize), fontsize=fontsize, va="top", **style
        )
        self.top = artist.get_window_extent(self.renderer).y0 / self.figure.bbox.height - gap


def draw_map(
    directory: Path,
    month: str,
    metric: str,
    lang: str,
    size: tuple[int, int],
    link: str = "",
    slide: Slide = HOME,
) -> Figure:
    """One month's map: the web map's classes and palette, origin, routes, crossings, legend, credits."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import PathPatch

    view = shown(directory, month, metric, lang)
    wide = size[0] > size[1]
    scale = size[0] / (WIDE_SIZE if wide else MAP_SIZE)[0]
    text = max(scale, MIN_TEXT_SCALE)  # text shrinks less than lines: small GIFs stay legible
    figure = Figure(figsize=(size[0] / DPI, size[1] / DPI), dpi=DPI, facecolor="white")
    FigureCanvasAgg(figure)  # a renderer to measure text with
    measure = view.title
    notes = "\n".join([*view.notes, *([slide.caption] if slide.caption else [])])
    footer = "\n".join(footer_lines(directory, month, lang, link, view.sources))
    margin = 0.03 * size[0]
    if wide:
        column = Column(figure, PANEL_LEFT, 0.955, (1 - PANEL_LEFT) * size[0] - margin)
        column.add(slide.title or measure, 24 * text, fontweight="bold", color=TEXT)
        column.add(format_month(month, lang), 40 * text, gap=0.03, fontweight="bold", color=MONTH_TEXT)
        column.add(notes, 12.5 * text, gap=0.02, color=TEXT, linespacing=1.4)
        legend_top = column.top
        box = WIDE_MAP_BOX
    else:
        column = Column(figure, 0.03, 0.97, size[0] - 2 * margin)
        title = t("export.title", lang, measure=slide.title or measure, month=format_month(month, lang))
        column.add(title, 21 * text, fontweight="bold", color=TEXT)
        column.add(notes, 12 * text, gap=0.015, color=TEXT, linespacing=1.3)
        box = None
    footer_style = {"fontsize": (10 if wide else 9) * text, "color": MUTED_TEXT, "linespacing": 1.4}
    footer_artist = figure.text(
        column.left,
        0.015,
        wrapped(footer, column.width_px, footer_style["fontsize"]),
        va="bottom",
        gid="footer",
        **footer_style,
    )
    if box is None:
        footer_top = footer_artist.get_window_extent(column.renderer).y1 / size[1]
        box = (0.01, footer_top + 0.015, 0.98, column.top - footer_top - 0.015)

    axes = figure.add_axes(box)
    axes.set_facecolor(SEA)
    geometry = map_geometry(directory)
    _draw_countries(axes, geometry, view.rows, BREAKS[metric], view.palette, scale)
    if slide.country in geometry.countries:
        axes.add_patch(
            PathPatch(
                geometry.countries[slide.country],
                facecolor="none",
                edgecolor=COLOURS["highlight"],
                linewidth=3 * scale,
                zorder=3,
            )
        )
    _draw_routes(axes, geometry, slide.layers, scale)
    west, east, south, north = fit_extent(projected(slide.bounds), box[2] * size[0], box[3] * size[1])
    axes.set_xlim(west, east)
    axes.set_ylim(south, north)
    axes.set_aspect("equal")
    axes.set_xticks([])
    axes.set_yticks([])
    for spine in axes.spines.values():
        spine.set_color(SPINE)

    handles, labels = _legend_entries(metric, view, lang, slide.layers)
    if wide:
        legend = figure.legend(
            handles,
            labels,
            loc="upper left",
            bbox_to_anchor=(PANEL_LEFT - 0.006, legend_top),
            title=wrapped(measure, column.width_px, 13 * text),
            fontsize=12 * text,
            title_fontsize=13 * text,
            frameon=False,
            alignment="left",
        )
    else:
        legend = axes.legend(
            handles,
            labels,
            loc="lower right",
            title=measure,
            fontsize=9 * text,
            title_fontsize=10 * text,
            frameon=True,
            framealpha=1,
        )
    legend.get_title().set_fontweight("bold")
    return figure


def draw(render: Render, directory: Path, public_url: str, progress: Callable[[int, int], None]) -> bytes:
    """The file of a render (PNG, GIF or MP4); `progress(done, total)` after each frame."""
    # the listing behind `credit_link` holds people figures: other measures point to the atlas itself
    link = render.credit_link(public_url) if render.metric in METRICS else public_url
    if render.kind == "map":
        scene = find_scene(directory, render.scene) if render.scene else None
        slide = scene_slide(scene, render.lang) if scene else replace(HOME, country=render.country)
        body = map_png(directory, render.months[0], render.metric, render.lang, link, render.layout, slide)
        progress(1, 1)
        return body
    video = render.kind == "video"
    return timelapse(directory, list(render.months), render.metric, render.lang, link, progress, video)


def _png(figure: Figure) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    buffer = io.BytesIO()
    FigureCanvasAgg(figure).print_png(buffer)
    return buffer.getvalue()


def map_png(
    directory: Path,
    month: str,
    metric: str,
    lang: str,
    link: str = "",
    layout: str = "wide",
    slide: Slide = HOME,
) -> bytes:
    """The month's map as a PNG: 1920x1080 (`wide`) or 1080x1350 (`portrait`)."""
    return _png(draw_map(directory, month, metric, lang, SIZES[layout], link, slide))


def _frames(
    directory: Path,
    months: list[str],
    metric: str,
    lang: str,
    size: tuple[int, int],
    link: str,
    progress: Callable[[int, int], None] | None,
) -> Iterator[Image.Image]:
    """The time-lapse's frames as RGB images, drawn one at a time; `progress(done, total)` after each."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    if not 0 < len(months) <= MAX_FRAMES:
        raise ValueError(f"a time-lapse has 1 to {MAX_FRAMES} frames, got {len(months)}")
    for done, month in enumerate(months, start=1):
        canvas = FigureCanvasAgg(draw_map(directory, month, metric, lang, size, link))
        canvas.draw()
        rgba = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
        yield rgba.convert("RGB")
        if progress:
            progress(done, len(months))


def timelapse(
    directory: Path,
    months: list[str],
    metric: str,
    lang: str,
    link: str = "",
    progress: Callable[[int, int], None] | None = None,
    video: bool = False,
) -> bytes:
    """The months as an animated GIF or, with `video`, an MP4; `progress(done, total)` after each frame."""
    frames = _frames(directory, months, metric, lang, VIDEO_SIZE if video else GIF_SIZE, link, progress)
    return _mp4(frames) if video else _gif(frames, len(months))


def _gif(frames: Iterator[Image.Image], count: int) -> bytes:
    """An animated GIF of `count` frames, the last one held longer.

    Each frame is encoded as soon as it is drawn and then dropped, so memory holds one frame and
    the compressed file, not every frame of the animation.
    """
    with tempfile.TemporaryFile() as output:
        for done, image in enumerate(frames, start=1):
            frame = gif_frame(image)
            if done == 1:
                header, _ = GifImagePlugin.getheader(frame, info={"loop": 0})
                output.writelines(header)
            hold = GIF_FRAME_MS * 3 if done == count else GIF_FRAME_MS  # hold the last month
            output.writelines(
                GifImagePlugin.getdata(frame, duration=hold, disposal=1)  # the header's palette serves all
            )
        output.write(b";")  # GIF trailer
        output.seek(0)
        return output.read()


def gif_palette() -> Image.Image:
    """A palette image holding exactly the colours images are drawn in (`GIF_COLOURS`)."""
    palette = Image.new("P", (1, 1))
    values = [channel for colour in GIF_COLOURS for channel in bytes.fromhex(colour[1:])]
    palette.putpalette(values + values[:3] * (256 - len(GIF_COLOURS)))
    return palette


def gif_frame(image: Image.Image) -> Image.Image:
    """An RGB frame on the fixed palette, each pixel its nearest colour (no dithering): classes stay apart."""
    return image.quantize(palette=gif_palette(), dither=Image.Dither.NONE)


def _mp4(frames: Iterator[Image.Image]) -> bytes:
    """An H.264 MP4 (16:9, 720p) of the frames, each shown for `GIF_FRAME_MS`."""
    import imageio_ffmpeg

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "timelapse.mp4"
        writer = imageio_ffmpeg.write_frames(
            str(path),
            VIDEO_SIZE,
            fps=VIDEO_FPS,
            codec="libx264",
            output_params=["-movflags", "+faststart"],
            ffmpeg_log_level="error",
        )
        writer.send(None)  # start ffmpeg
        try:
            for image in frames:
                writer.send(image.tobytes())
        finally:
            writer.close()
        return path.read_bytes()
