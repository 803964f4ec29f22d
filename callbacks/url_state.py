"""The view lives in the URL query, so a reload or a shared link reopens it exactly."""

from dash import ClientsideFunction, Input, Output, State, clientside_callback

from dashboard import ids

clientside_callback(
    ClientsideFunction("corredores", "urlState"),
    Output(ids.URL, "search"),
    Input(ids.MONTH_INDEX, "value"),
    Input(ids.METRIC, "data"),
    Input(ids.SELECTED, "data"),
    Input(ids.SECOND_MEASURE, "data"),
    Input(ids.MAP_LAYERS, "overlays"),
    Input(ids.SERVICE_KINDS, "data"),
    Input(ids.COMPARE_PICK, "data"),
    Input(ids.PRESENT, "data"),
    Input(ids.LANG, "data"),
    Input(ids.MAP_VIEW, "data"),
    Input(ids.MAP_TAB, "data"),
    State(ids.STOCK_STORE, "data"),
    State(ids.TEXT_STORE, "data"),
    prevent_initial_call=True,
)

clientside_callback(
    ClientsideFunction("corredores", "shareLinks"),
    Output(ids.SHARE_LINK, "value"),
    Output(ids.SHARE_EMBED, "value"),
    Input(ids.URL, "search"),
    State(ids.SHARE_BASE, "data"),
)
