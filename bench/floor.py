"""The floor: a bare Dash page with one dash-leaflet map of the same admin-0 GeoJSON, nothing else.

`gunicorn bench.floor:server` with `CORREDORES_DATA_DIR` set; `python -m bench.floor_bench` starts
it beside Corredores. It reads the boundary file directly (no validation, no cache): what any Dash
map page must at least pay to import and serve.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import dash
import dash_leaflet as dl
from dash import html

from layers.paths import SHIPPED_DATA_DIR

ADMIN0 = Path(os.environ.get("CORREDORES_DATA_DIR") or SHIPPED_DATA_DIR) / "boundaries" / "admin0.geojson"

app = dash.Dash(__name__, title="Floor", serve_locally=True, update_title=None)
app.layout = html.Div(
    dl.Map(
        dl.GeoJSON(data=json.loads(ADMIN0.read_text(encoding="utf-8")), id="countries"),
        id="map",
        center=[-10, -65],
        zoom=3,
        style={"height": "100vh"},
    )
)
server = app.server


@server.get("/healthz")
def healthz() -> dict:
    """Up."""
    return {"status": "ok"}
