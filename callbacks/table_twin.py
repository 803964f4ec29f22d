"""The table twin (the Table tab, redrawn in the browser each month) and the phone legend toggle."""

from dash import ClientsideFunction, Input, Output, State, clientside_callback

from dashboard import ids

clientside_callback(
    ClientsideFunction("corredores", "twinTable"),
    Output(ids.TABLE_TWIN, "hidden"),
    Output(ids.TWIN_TABLE, "children"),
    Input(ids.MAP_TAB, "data"),
    Input(ids.MONTH_INDEX, "value"),
    Input(ids.SELECTED, "data"),
    Input(ids.TWIN_SORT, "data"),
    State(ids.STOCK_STORE, "data"),
    State(ids.TEXT_STORE, "data"),
)

clientside_callback(
    ClientsideFunction("corredores", "toggleLegend"),
    Output(ids.LEGEND_TOGGLE, "aria-expanded"),
    Input(ids.LEGEND_TOGGLE, "n_clicks"),
    State(ids.LEGEND_TOGGLE, "aria-expanded"),
    prevent_initial_call=True,
)
