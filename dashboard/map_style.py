"""Colours and the home view of the maps and charts, handed to the browser by browser_config.py."""

from __future__ import annotations

from layers.choropleth import PALETTE
from layers.services import KINDS

HOME_BOUNDS = [[-52.0, -88.0], [20.0, -36.0]]  # Tierra del Fuego to the Greater Antilles
HOME_CENTER = [-16.0, -62.0]  # dash-leaflet needs a centre even when bounds set the view
PANES = {"admin1": "admin1", "small_places": "small-places"}  # Leaflet panes above the countries
FIT_PADDING = [8, 8]  # pixels kept free around a country or region the map is fitted to

COLOURS = {
    "highlight": "#d95f02",  # orange: distinct from the blue-green palette for all common CVDs
    "muted": "#9aa5b1",
    "line_label": "#52606d",  # names beside the muted lines, readable on white (6.4:1)
    "hover": "#111111",
    "border": "#5f6b7a",
    "no_data": "#f4f4f4",
    "no_data_dots": "#8c8c8c",  # dotted: "no figure" must not look like the lightest class
    "hatch": "#3d3d3d",  # hatch lines over light classes (white over dark ones)
    "origin": "#bdbdbd",
    "origin_border": "#333333",
    "bar": PALETTE[5],
    "total": "#111111",
    "note": "#8a3b00",
    "admin1": ["#ffffff", "#fdd0a2", "#fdae6b", "#fd8d3c", "#e6550d", "#a63603"],
    "admin1_border": "#444444",
    "land_route": "#7b3294",
    "maritime_route": "#0571b0",
    "service_border": "#222222",
    "cluster": "#37474f",
}
# One colour per service kind (ColorBrewer Paired, 11 classes, in layers.services.KINDS order)
KIND_COLOURS = dict(
    zip(
        KINDS,
        [
            "#1f78b4",
            "#33a02c",
            "#e31a1c",
            "#ff7f00",
            "#6a3d9a",
            "#b15928",
            "#a6cee3",
            "#b2df8a",
            "#fb9a99",
            "#fdbf6f",
            "#cab2d6",
        ],
        strict=True,
    )
)
