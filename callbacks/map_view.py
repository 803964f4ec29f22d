"""The two linked maps: colours per month, legends, where the map looks, states of the selected country.

The colour callbacks also draw the maps' legends (assets/map_view.js), outside Dash's components."""

from __future__ import annotations

from dash import ClientsideFunction, Input, Output, State, callback, clientside_callback, html, no_update

from dashboard import ids
from dashboard.documents import geometry_url
from dashboard.i18n import format_number, language, t
from dashboard.pages.admin1 import admin1_view
from dashboard.state import current_data_dir
from layers.services import count_in_box

clientside_callback(
    ClientsideFunction("corredores", "choropleth"),
    Output(ids.MAP_COUNTRIES, "hideout"),
    Output(ids.SMALL_PLACES, "hideout"),
    Output(ids.MONTH_LABEL, "children"),
    Input(ids.METRIC, "data"),
    Input(ids.SELECTED, "data"),
    Input(ids.HOVERED, "data"),
    Input(ids.PRESENT, "data"),
    Input(ids.SLIDE_MEASURE, "data"),  # slide mode: a scene's second-map measure on the one map
    State(ids.MONTH_INDEX, "value"),  # a month change: timeline.js monthView (callbacks/timeline.py)
    State(ids.STOCK_STORE, "data"),
    State(ids.SECOND_STORE, "data"),
    State(ids.TEXT_STORE, "data"),
)

clientside_callback(
    ClientsideFunction("corredores", "secondChoropleth"),
    Output(ids.SECOND_COUNTRIES, "hideout"),
    Input(ids.SECOND_MEASURE, "data"),
    Input(ids.SELECTED, "data"),
    Input(ids.HOVERED, "data"),
    State(ids.MONTH_INDEX, "value"),
    State(ids.STOCK_STORE, "data"),
    State(ids.SECOND_STORE, "data"),
    State(ids.TEXT_STORE, "data"),
)

# Moves the app asks for (selection, scene, ↺) go through `viewport`: dash-leaflet 1.x ignores
# `bounds` after the first render. The two maps follow each other in the browser (map_view.js).
clientside_callback(
    ClientsideFunction("corredores", "mapViewport"),
    Output(ids.MAP, "viewport"),
    Input(ids.SELECTED, "data"),
    Input(ids.MAP_RESET, "n_clicks"),
    Input(ids.SCENE_INDEX, "data"),
    State(ids.SCENES, "data"),
    State(ids.TEXT_STORE, "data"),
    prevent_initial_call=True,
)


@callback(
    Output(ids.MAP_ADMIN1_COUNTRY, "url"),
    Output(ids.MAP_ADMIN1_COUNTRY, "hideout"),
    Output(ids.ADMIN1_LEGEND, "children"),
    Input(ids.SELECTED, "data"),
    Input(ids.LANG_STORE, "data"),  # a language switch redraws the legend
    prevent_initial_call=True,  # the page holds the shading of the link's country
)
def admin1_shading(iso: str | None, lang_code: str | None) -> tuple[str | None, dict, list]:
    """Shade the selected country's states by what its panel counts there, with a matching legend.

    The shapes' URL is set with the shading, never before it: dash-leaflet draws fetched shapes with
    the hideout they were requested under and ignores one that arrives while they load.
    """
    hideout, legend = admin1_view(current_data_dir(), iso, language(lang_code))
    return (geometry_url("admin1") if iso else no_update), hideout, legend


clientside_callback(
    ClientsideFunction("corredores", "serviceKinds"),
    Output(ids.SERVICES, "hideout"),
    Input(ids.SERVICE_KINDS, "data"),
    State(ids.SERVICES, "hideout"),
    prevent_initial_call=True,
)


@callback(
    Output(ids.SERVICE_COUNTS, "children"),
    Input(ids.MAP, "bounds"),
    Input(ids.SERVICE_KINDS, "data"),
    State(ids.LANG_STORE, "data"),
)
def services_in_view(bounds: list | None, kinds: list[str] | None, lang_code: str | None) -> html.Ul | str:
    """Count the services of the chosen kinds inside the visible part of the map."""
    lang = language(lang_code)
    box = None
    if isinstance(bounds, list) and len(bounds) == 2:
        (south, west), (north, east) = bounds
        box = (south, west, north, east)
    counts = count_in_box(current_data_dir(), kinds or [], box)
    if counts.empty:
        return t("services.none_visible", lang)
    items = [html.Li(f"{t(f'kind.{kind}', lang)}: {format_number(n, lang)}") for kind, n in counts.items()]
    return html.Div([html.Strong(t("services.visible", lang)), html.Ul(items)])
