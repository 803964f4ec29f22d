"""The regional line chart and the ranked bar chart, drawn in the browser from the stock store."""

from dash import ClientsideFunction, Input, Output, State, clientside_callback

from dashboard import ids

for graph, function in ((ids.LINE_CHART, "lineChart"), (ids.BAR_CHART, "barChart")):
    clientside_callback(
        ClientsideFunction("corredores", function),
        Output(graph, "figure"),
        Input(ids.METRIC, "data"),
        Input(ids.SELECTED, "data"),
        Input(ids.HOVERED, "data"),
        Input(ids.PRESENT, "data"),
        State(ids.MONTH_INDEX, "value"),  # a month change: timeline.js monthView (callbacks/timeline.py)
        State(ids.STOCK_STORE, "data"),
        State(ids.TEXT_STORE, "data"),
    )
