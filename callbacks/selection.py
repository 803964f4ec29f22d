"""One selected and one hovered country, shared by both maps and both charts."""

from dash import ClientsideFunction, Input, Output, State, clientside_callback

from dashboard import ids

clientside_callback(
    ClientsideFunction("corredores", "selectFromCharts"),
    Output(ids.SELECTED, "data"),
    Input(ids.BAR_CHART, "clickData"),
    Input(ids.LINE_CHART, "clickData"),
    Input(ids.CLEAR_SELECTION, "n_clicks"),
    Input(ids.COUNTRY_CLOSE, "n_clicks"),
    Input(ids.COUNTRY_SEARCH, "value"),
    State(ids.TEXT_STORE, "data"),
    prevent_initial_call=True,
)

clientside_callback(
    ClientsideFunction("corredores", "hoverFromCharts"),
    Output(ids.HOVERED, "data"),
    Input(ids.BAR_CHART, "hoverData"),
    Input(ids.LINE_CHART, "hoverData"),
    prevent_initial_call=True,
)

clientside_callback(
    ClientsideFunction("corredores", "selectionLabel"),
    Output(ids.SELECTION_LABEL, "children"),
    Input(ids.SELECTED, "data"),
    Input(ids.TEXT_STORE, "data"),  # a language switch rewrites the label
)
