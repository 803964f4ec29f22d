"""The two linked maps: colours per month, legends, synchronised views, services in view."""

from __future__ import annotations

from dash import ClientsideFunction, Input, Output, State, callback, clientside_callback, html

from dashboard import ids
from dashboard.i18n import format_number, language, t
from dashboard.state import current_data_dir
from layers.services import count_in_box

clientside_callback(
    ClientsideFunction("corredores", "choropleth"),
    Output(ids.MAP_COUNTRIES, "hideout"),
    Output(ids.MAP_LEGEND, "children"),
    Output(ids.MONTH_LABEL, "children"),
    Input(ids.MONTH_INDEX, "value"),
    Input(ids.METRIC, "data"),
    Input(ids.SELECTED, "data"),
    Input(ids.HOVERED, "data"),
    State(ids.STOCK_STORE, "data"),
    State(ids.TEXT_STORE, "data"),
)

clientside_callback(
    ClientsideFunction("corredores", "secondChoropleth"),
    Output(ids.SECOND_COUNTRIES, "hideout"),
    Output(ids.SECOND_LEGEND, "children"),
    Input(ids.MONTH_INDEX, "value"),
    Input(ids.SECOND_MEASURE, "data"),
    Input(ids.SELECTED, "data"),
    Input(ids.HOVERED, "data"),
    State(ids.STOCK_STORE, "data"),
    State(ids.SECOND_STORE, "data"),
    State(ids.TEXT_STORE, "data"),
)

clientside_callback(
    ClientsideFunction("corredores", "followView"),
    Output(ids.SECOND_MAP, "viewport"),
    Input(ids.MAP, "center"),
    Input(ids.MAP, "zoom"),
    State(ids.SECOND_MAP, "center"),
    State(ids.SECOND_MAP, "zoom"),
    prevent_initial_call=True,
)

clientside_callback(
    ClientsideFunction("corredores", "followView"),
    Output(ids.MAP, "viewport"),
    Input(ids.SECOND_MAP, "center"),
    Input(ids.SECOND_MAP, "zoom"),
    State(ids.MAP, "center"),
    State(ids.MAP, "zoom"),
    prevent_initial_call=True,
)

clientside_callback(
    ClientsideFunction("corredores", "resetView"),
    Output(ids.MAP, "bounds"),
    Input(ids.MAP_RESET, "n_clicks"),
    State(ids.TEXT_STORE, "data"),
    prevent_initial_call=True,
)

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
