"""The country drill-down: open on selection, follow the month (the map side is in map_view.py)."""

from __future__ import annotations

import json

from dash import ClientsideFunction, Input, Output, Patch, State, callback, clientside_callback, no_update
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
from layers.months import month_at
from layers.stock import resolve_month


def _month(index: int | None) -> str:
    return month_at(stock_matrix(current_data_dir())["months"], index)


@callback(
    Output(ids.COUNTRY_PANEL, "hidden"),
    Output(ids.COUNTRY_TITLE, "children"),
    Output(ids.COUNTRY_HEADLINE, "children"),
    Output(ids.COUNTRY_TIMELINE, "figure", allow_duplicate=True),
    Output(ids.COUNTRY_TIMELINE, "style"),
    Output(ids.COUNTRY_BODY, "children"),
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

    def build() -> tuple:
        timeline = timeline_figure(directory, iso, resolve_month(directory, iso, month), lang)
        return (
            False,
            country_name(iso, lang),
            headline_block(directory, iso, month, lang),
            timeline,
            timeline_height(timeline),
            country_body(directory, iso, month, lang),
        )

    # kept as JSON text (bounded shared tier): a hit is one string, not a tree of components to unpickle
    panel = remember(snapshot_key(directory, "panel", iso, month, lang), lambda: to_json_plotly(build()))
    return json.loads(panel)


clientside_callback(
    ClientsideFunction("corredores", "countryMonth"),
    Output(ids.COUNTRY_MONTH, "data"),
    Input(ids.MONTH_INDEX, "value"),
    State(ids.SELECTED, "data"),
    prevent_initial_call=True,
)


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
