"""The view lives in the URL query, so a reload or a shared link reopens it exactly."""

from dash import ClientsideFunction, Input, Output, State, clientside_callback

from dashboard import ids

clientside_callback(
    ClientsideFunction("corredores", "urlState"),
    Output(ids.URL, "search"),
    Input(ids.MONTH_INDEX, "value"),
    Input(ids.METRIC, "value"),
    Input(ids.SELECTED, "data"),
    Input(ids.SECOND_MEASURE, "value"),
    Input(ids.MAP_LAYERS, "overlays"),
    Input(ids.SERVICE_KINDS, "value"),
    Input(ids.COMPARE_PICK, "value"),
    Input(ids.PRESENT, "data"),
    Input(ids.LANG, "value"),
    State(ids.STOCK_STORE, "data"),
    State(ids.TEXT_STORE, "data"),
    prevent_initial_call=True,
)
