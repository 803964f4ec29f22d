"""Colours and the home view of the maps and charts, handed to the browser by browser_config.py."""

from __future__ import annotations

from layers.choropleth import PALETTE

HOME_BOUNDS = [[-52.0, -88.0], [20.0, -36.0]]  # Tierra del Fuego to the Greater Antilles
HOME_CENTER = [-16.0, -62.0]  # dash-leaflet needs a centre even when bounds set the view

COLOURS = {
    "highlight": "#d95f02",  # orange: distinct from the blue-green palette for all common CVDs
    "muted": "#9aa5b1",
    "line_label": "#52606d",  # names beside the muted lines, readable on white (6.4:1)
    "hover": "#111111",
    "border": "#5f6b7a",
    "no_data": "#f4f4f4",
    "origin": "#bdbdbd",
    "origin_border": "#333333",
    "bar": PALETTE[5],
    "total": "#111111",
    "note": "#8a3b00",
    "admin1": ["#ffffff", "#fdd0a2", "#fdae6b", "#fd8d3c", "#e6550d", "#a63603"],
    "admin1_border": "#444444",
    "land_route": "#7b3294",
    "maritime_route": "#0571b0",
    "service": "#1b9e77",
    "service_border": "#222222",
}
