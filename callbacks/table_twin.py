"""The table twin: shown instead of the map on the Table tab, redrawn in the browser each month."""

from dash import ClientsideFunction, Input, Output, State, clientside_callback

from dashboard import ids

clientside_callback(
    ClientsideFunction("corredores", "twinTable"),
    Output(ids.TABLE_TWIN, "hidden"),
    Output(ids.TWIN_TABLE, "children"),
    Input(ids.MAP_TAB, "data"),
    Input(ids.SELECTED, "data"),
    Input(ids.TWIN_SORT, "data"),
    State(ids.MONTH_INDEX, "value"),  # a month change: timeline.js monthView (callbacks/timeline.py)
    State(ids.STOCK_STORE, "data"),
    State(ids.TEXT_STORE, "data"),
)
