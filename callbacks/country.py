"""The country drill-down: open on selection, follow the month (the map side is in map_view.py)."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

from dash import Input, Output, Patch, State, callback, no_update
from plotly.io.json import to_json_plotly

from dashboard import ids
from dashboard.cache import remember, snapshot_key
from dashboard.i18n import country_name, language
from dashboard.pages.country import (
    EMPTY_FIGURE,
    country_body,
    headline_block,
    timeline_figure,
    timeline_height,
)
from dashboard.state import current_data_dir
from layers.choropleth import stock_matrix
from layers.memo import artefact_dir, on_disk
from layers.months import month_at
from layers.stock import resolve_month


def _month(index: int | None) -> str:
    return month_at(stock_matrix(current_data_dir())["months"], index)


def country_panel_outputs() -> list[Output]:
    """What `open_country` returns, in order; the language switch (language.py) sends it too."""
    props = (
        (ids.COUNTRY_PANEL, "hidden"),
        (ids.COUNTRY_TITLE, "children"),
        (ids.COUNTRY_HEADLINE, "children"),
        (ids.COUNTRY_TIMELINE, "figure"),
        (ids.COUNTRY_TIMELINE, "style"),
        (ids.COUNTRY_BODY, "children"),
    )
    return [Output(component, prop, allow_duplicate=True) for component, prop in props]


@callback(
    *country_panel_outputs(),
    Input(ids.SELECTED, "data"),
    State(ids.MONTH_INDEX, "value"),
    State(ids.LANG_STORE, "data"),
    prevent_initial_call="initial_duplicate",
)
def open_country(iso: str | None, index: int | None, lang_code: str | None):
    """Build the panel of the selected country (or hide it when none is selected)."""
    lang = language(lang_code)
    directory = current_data_dir()
    if not iso:
        return True, "", [], EMPTY_FIGURE, no_update, []
    month = _month(index)
    title, timeline, height, body = json.loads(country_panel(directory, iso, lang))
    place_month(timeline, resolve_month(directory, iso, month))
    return False, title, headline_block(directory, iso, month, lang), timeline, height, body


def country_panel(directory: Path, iso: str, lang: str) -> str:
    """Title, timeline (cursor at the first month), its height and body of a country's panel as JSON text.

    Nothing in it depends on the month, so it is cached per (snapshot, country, language): in the
    shared tier (a hit is one string, not a tree of components to unpickle) and on disk beside the
    snapshot, so another worker or a restart on the same data reads it instead of building it.
    """

    def build() -> str:
        timeline = timeline_figure(directory, iso, stock_matrix(directory)["months"][0], lang)
        body = country_body(directory, iso, "", lang)
        return to_json_plotly((country_name(iso, lang), timeline, timeline_height(timeline), body))

    folder = artefact_dir(directory)
    compute = partial(on_disk, folder / "panels" / f"{iso}-{lang}.pickle", build) if folder else build
    return remember(snapshot_key(directory, "panel", iso, lang), compute)


def place_month(timeline: dict, month: str) -> None:
    """Move a timeline built at the first month to `month`: the cursor, the open mechanisms' dotted
    bars (they run to the cursor) and the end of the time axis (it reaches at least the cursor)."""
    cursor = timeline["layout"]["shapes"][0]
    cursor["x0"] = cursor["x1"] = month
    for trace in timeline["data"]:  # the mechanisms are the third row
        if trace.get("yaxis") == "y3" and trace.get("line", {}).get("dash") == "dot":
            trace["x"][1] = max(trace["x"][1], month)
    for name, axis in timeline["layout"].items():
        if name.startswith("xaxis") and "range" in axis:
            axis["range"][1] = max(axis["range"][1], month)


# COUNTRY_MONTH follows the month while a country is selected: timeline.js monthFollow.


@callback(
    Output(ids.COUNTRY_HEADLINE, "children", allow_duplicate=True),
    Output(ids.COUNTRY_TIMELINE, "figure"),
    Input(ids.COUNTRY_MONTH, "data"),
    State(ids.SELECTED, "data"),
    State(ids.LANG_STORE, "data"),
    prevent_initial_call=True,
)
def follow_month(index: int | None, iso: str | None, lang_code: str | None):
    """Update the headline and move the timeline cursor: a few hundred bytes, no chart rebuild."""
    if not iso or index is None:
        return no_update, no_update
    month = _month(index)
    cursor = Patch()
    cursor["layout"]["shapes"][0]["x0"] = resolve_month(current_data_dir(), iso, month)
    cursor["layout"]["shapes"][0]["x1"] = resolve_month(current_data_dir(), iso, month)
    return headline_block(current_data_dir(), iso, month, language(lang_code)), cursor
