"""Read-only HTTP for journalists: the data API, on-screen downloads, image export, the methods page.

- `/api/<resource>.csv|json?country=COL,PER&from=2018&to=2019-06` every resource of the package
- `/export/map.csv`, `/export/series.csv`, `/export/<layer>.geojson` what the map and charts show
- `/export/map.png`, `/export/timelapse.gif`, `/export/timelapse.mp4`, `/export/status` server renders
- `/methods?lang=en` datasets, licences, caveats and method, as plain HTML
"""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path

from flask import Blueprint, Flask, Response, jsonify, request
from werkzeug.utils import secure_filename

from dashboard import jobs
from dashboard.i18n import LANGUAGES, country_name
from dashboard.jobs import KINDS, RETRY_AFTER_SECONDS, QueueFull, Render, Unavailable
from dashboard.pages import export
from dashboard.state import current_data_dir
from dashboard.view_state import METRICS
from dashboard.web.methods import methods_page
from layers.api_tables import (
    RESOURCES,
    FilterError,
    parse_countries,
    parse_month_bound,
    records,
    resource_credit,
    resource_table,
    safe_cell,
)
from layers.boundaries import admin0_codes
from layers.choropleth import stock_matrix
from layers.citation import map_rows, series_rows
from layers.months import months_between, year_up_to
from layers.provenance import provenance_text
from layers.services import services
from layers.web_geometry import admin0_web
from layers.web_layers import (
    SERVICE_PROPERTIES,
    entry_points_geojson,
    feature_collection,
    land_routes_geojson,
    maritime_routes_geojson,
)

LAYER_GEOJSON = {
    "entry_points": entry_points_geojson,
    "land_routes": land_routes_geojson,
    "maritime_routes": maritime_routes_geojson,
    "services": lambda directory: feature_collection(services(directory), SERVICE_PROPERTIES),
}

api = Blueprint("corredores_api", __name__)


class BadRequest(Exception):
    """A query parameter the endpoint cannot use; answered as a 400 JSON naming it."""

    def __init__(self, parameter: str, message: str):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


@api.errorhandler(BadRequest)
def bad_request(error: BadRequest) -> tuple[Response, int]:
    return jsonify({"error": f"{error.parameter}: {error.message}", "parameter": error.parameter}), 400


@api.errorhandler(FilterError)
def bad_filter(error: FilterError) -> tuple[Response, int]:
    return jsonify({"error": str(error), "parameter": error.parameter}), 400


def csv_text(columns: list[str], rows: list[list], bom: bool = False) -> str:
    """CSV that spreadsheets open safely: formula-like text is neutralised, numbers stay numbers."""
    buffer = io.StringIO()
    if bom:
        buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue()


def _cell(value: object) -> object:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return safe_cell(value)


def csv_response(frame, filename: str, bom: bool = False) -> Response:
    rows = records(frame)
    columns = list(frame.columns)
    body = csv_text(columns, [[row[c] for c in columns] for row in rows], bom=bom)
    response = Response(body, mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    return response


def _lang() -> str:
    value = request.args.get("lang", "es")
    if value not in LANGUAGES:
        raise BadRequest("lang", f'expected one of {", ".join(LANGUAGES)}, got "{value[:20]}"')
    return value


def _metric() -> str:
    value = request.args.get("metric", "absolute")
    if value not in METRICS:
        raise BadRequest("metric", f'expected one of {", ".join(METRICS)}, got "{value[:20]}"')
    return value


def _month(directory: Path, parameter: str = "date", default: str | None = None) -> str:
    months = stock_matrix(directory)["months"]
    value = request.args.get(parameter) or default or months[-1]
    if value not in months:
        raise BadRequest(
            parameter, f'expected a month YYYY-MM from {months[0]} to {months[-1]}, got "{value[:20]}"'
        )
    return value


def _country(directory: Path) -> str:
    """The `country` a map image outlines (ISO3), or "" for none."""
    value = request.args.get("country", "")
    if value and value not in admin0_codes(directory):
        raise BadRequest("country", f'expected an ISO3 code of a country on the map, got "{value[:20]}"')
    return value


# ---------- the data API ----------


@api.get("/api/<resource>.<fmt>")
def resource(resource: str, fmt: str) -> Response:
    """One resource as CSV or JSON, filtered by `country`, `from` and `to`."""
    if resource not in RESOURCES or fmt not in ("csv", "json"):
        known = ", ".join(RESOURCES)
        return jsonify({"error": f'unknown resource "{resource}.{fmt}"; known: {known} (.csv or .json)'}), 404
    directory = current_data_dir()
    unknown = sorted(set(request.args) - {"country", "from", "to"})
    if unknown:
        raise BadRequest(unknown[0], "unknown parameter; use country, from or to")
    countries = parse_countries(request.args.get("country"), directory)
    start = parse_month_bound("from", request.args.get("from"))
    end = parse_month_bound("to", request.args.get("to"))
    if start and end and start > end:
        raise BadRequest("from", f"{request.args['from']} is after to={request.args['to']}")
    frame = resource_table(directory, resource, countries, start, end)
    if fmt == "csv":
        return csv_response(frame, f"corredores-{resource}.csv")
    credit = resource_credit(directory, resource)
    return jsonify(
        {
            "resource": resource,
            "license": credit["licenses"],
            "sources": credit["sources"],
            "description": credit["description"],
            "filters": {"country": countries, "from": start, "to": end},
            "count": len(frame),
            "rows": records(frame),
        }
    )


@api.get("/api")
@api.get("/api/")
def index() -> Response:
    """The list of resources and their URLs."""
    return jsonify(
        {
            "resources": {
                name: {"csv": f"/api/{name}.csv", "json": f"/api/{name}.json"} for name in RESOURCES
            },
            "parameters": {
                "country": "ISO3 codes, comma-separated (COL,PER)",
                "from": "YYYY or YYYY-MM, first month kept",
                "to": "YYYY or YYYY-MM, last month kept",
            },
        }
    )


# ---------- downloads of what is on screen ----------


@api.get("/export/map.csv")
def map_csv() -> Response:
    """The map of one month: value shown, estimated flag, reference dates, qualifier and sources."""
    directory = current_data_dir()
    month, metric, lang = _month(directory), _metric(), _lang()
    frame = map_rows(directory, month, metric)
    frame.insert(3, "country", [country_name(iso, lang) for iso in frame["iso_a3"]])
    return csv_response(frame, f"corredores-map-{month}-{metric}.csv", bom=True)


@api.get("/export/series.csv")
def series_csv() -> Response:
    """The charts' data: every host country's monthly series and the regional total."""
    directory = current_data_dir()
    lang = _lang()
    frame = series_rows(directory)
    frame.insert(2, "name", [country_name(a, lang) if a.isupper() else a for a in frame["area"]])
    return csv_response(frame, "corredores-series.csv", bom=True)


def geojson_response(document: dict, filename: str) -> Response:
    response = Response(json.dumps(document, ensure_ascii=False), mimetype="application/geo+json")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@api.get("/export/admin0.geojson")
def admin0_geojson() -> Response:
    """Countries (simplified as on the web map) with the month's value, estimated flag, dates and sources."""
    directory = current_data_dir()
    month, metric = _month(directory), _metric()
    rows = {row["iso_a3"]: row for row in records(map_rows(directory, month, metric))}
    document = admin0_web(directory).feature_collection
    for feature in document["features"]:
        properties = feature["properties"]
        iso = properties.get("iso_a3")
        row = rows.get(iso, {})
        for key in ("month", "metric", "value", "people", "per_1000", "estimated", "reference_date"):
            properties[key] = row.get(key)
        properties["month"], properties["metric"] = month, metric
        for key in ("date_before", "date_after", "qualifier", "source", "source_before", "source_after"):
            properties[key] = row.get(key, "")
    return geojson_response(document, f"corredores-countries-{month}-{metric}.geojson")


@api.get("/export/<layer>.geojson")
def layer_geojson(layer: str) -> Response:
    """A point or line layer of the map as GeoJSON."""
    if layer not in LAYER_GEOJSON:
        known = ", ".join(["admin0", *LAYER_GEOJSON])
        return jsonify({"error": f'unknown layer "{layer}"; known: {known}'}), 404
    return geojson_response(LAYER_GEOJSON[layer](current_data_dir()), f"corredores-{layer}.geojson")


# ---------- images ----------


def _layout() -> str:
    value = request.args.get("layout", "portrait")
    if value not in export.LAYOUTS:
        raise BadRequest("layout", f'expected one of {", ".join(export.LAYOUTS)}, got "{value[:20]}"')
    return value


def _image_request(kind: str) -> tuple[Path, Render]:
    directory = current_data_dir()
    lang = _lang()
    if kind == "map" and "scene" in request.args:
        scene_id = request.args["scene"]
        scene = export.find_scene(directory, scene_id)
        if scene is None:
            raise BadRequest("scene", f'expected a scene id of scenes.json, got "{scene_id[:40]}"')
        month, metric = export.scene_view(scene)
        return directory, Render("map", (month,), metric, lang, _layout(), scene_id)
    metric = _metric()
    months = stock_matrix(directory)["months"]
    if kind == "map":
        month, layout = _month(directory), _layout()
        return directory, Render("map", (month,), metric, lang, layout, country=_country(directory))
    start = _month(directory, "from", year_up_to(months, months[-1])[0])
    end = _month(directory, "to", months[-1])
    chosen = months_between(months, start, end)
    if not chosen:
        raise BadRequest("from", f"{start} is after to={end}")
    if len(chosen) > export.MAX_FRAMES:
        raise BadRequest("to", f"at most {export.MAX_FRAMES} months per animation, got {len(chosen)}")
    return directory, Render(kind, tuple(chosen), metric, lang, "portrait" if kind == "timelapse" else "wide")


def busy(message: str) -> Response:
    """503 with Retry-After: the render queue is full or its store unreachable."""
    response = jsonify({"error": message, "retry_after": RETRY_AFTER_SECONDS})
    response.status_code = 503
    response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def _image(kind: str, mimetype: str, filename: str) -> Response:
    """The finished render (200), or the render taken into the queue (202 with its status URL)."""
    directory, render = _image_request(kind)
    engine = jobs.engine()
    try:
        key, state = engine.admit(render, directory)
        body = engine.result(key) if state == "done" else None
        if state == "new":
            engine.dispatch(render, directory)
    except QueueFull:
        return busy("too many renders are waiting; try again later")
    except Unavailable:
        return busy("the render queue is unavailable; try again later")
    if body is None:
        response = jsonify({"state": "queued", "status_url": render.status_url(), "total": render.total})
        response.status_code = 202
        response.headers["Location"] = render.status_url()
        response.headers["Retry-After"] = "1"
        return response
    response = Response(body, mimetype=mimetype)
    response.headers["Cache-Control"] = "public, max-age=3600"
    if request.args.get("download") == "1":
        response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@api.get("/export/map.png")
def map_png() -> Response:
    """The map of `date` (or of `scene`) for `metric` in `lang`, `layout=wide` (16:9) or `portrait`."""
    name = request.args.get("scene") or request.args.get("date", "")
    return _image("map", "image/png", f"corredores-map-{secure_filename(name)}.png")


@api.get("/export/timelapse.gif")
def timelapse_gif() -> Response:
    """The months `from`..`to` as an animated GIF, one frame per month."""
    return _image("timelapse", "image/gif", "corredores-timelapse.gif")


@api.get("/export/timelapse.mp4")
def timelapse_mp4() -> Response:
    """The months `from`..`to` as an H.264 MP4 video (16:9, 720p), one frame per month."""
    return _image("video", "video/mp4", "corredores-timelapse.mp4")


@api.get("/export/status")
def render_status() -> Response:
    """Report a render (`kind=map|timelapse|video` plus the image's parameters); never starts one."""
    kind = request.args.get("kind", "map")
    if kind not in KINDS:
        raise BadRequest("kind", f'expected one of {", ".join(KINDS)}, got "{kind[:20]}"')
    directory, render = _image_request(kind)
    engine = jobs.engine()
    try:
        state = engine.status(engine.key(render, directory), render)
    except Unavailable:
        return busy("the render queue is unavailable; try again later")
    if state["state"] == "done":
        state["url"] = render.url()
    return jsonify(state)


# ---------- methodology ----------


@api.get("/methods")
def methods() -> Response:
    """Datasets, licences, dates, caveats and method in the language of `lang` (Spanish by default)."""
    lang = request.args.get("lang", "es")
    lang = lang if lang in LANGUAGES else "es"
    return Response(methods_page(current_data_dir(), lang), mimetype="text/html")


@api.get("/methods/PROVENANCE.md")
def provenance() -> Response:
    """The full provenance notes, as plain text."""
    return Response(provenance_text(current_data_dir()), mimetype="text/plain")


def register_api(server: Flask) -> None:
    """Attach the journalist routes to the Flask server (one line in `create_app`)."""
    server.register_blueprint(api)
