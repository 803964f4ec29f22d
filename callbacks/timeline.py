"""Time: step buttons, keyboard, play/pause; all in the browser, no server round trip."""

from dash import ClientsideFunction, Input, Output, State, clientside_callback

from dashboard import ids

clientside_callback(
    ClientsideFunction("corredores", "time"),
    Output(ids.MONTH_INDEX, "value"),
    Output(ids.TICKER, "disabled"),
    Output(ids.PLAY, "children"),
    Output(ids.PLAY, "title"),
    Output(ids.PLAY, "aria-label"),
    Output(ids.PLAYING, "data"),
    Input(ids.PREVIOUS, "n_clicks"),
    Input(ids.NEXT, "n_clicks"),
    Input(ids.PREVIOUS_YEAR, "n_clicks"),
    Input(ids.NEXT_YEAR, "n_clicks"),
    Input(ids.TICKER, "n_intervals"),
    Input(ids.PLAY, "n_clicks"),
    State(ids.PLAYING, "data"),
    State(ids.MONTH_INDEX, "value"),
    State(ids.MONTH_INDEX, "max"),
    prevent_initial_call=True,
)

# One callback follows each month change (timeline.js monthFollow): a step runs as few as it can.
clientside_callback(
    ClientsideFunction("corredores", "monthFollow"),
    Output(ids.COUNTRY_MONTH, "data"),
    Input(ids.MONTH_INDEX, "value"),
    State(ids.STOCK_STORE, "data"),
    State(ids.TEXT_STORE, "data"),
    State(ids.SELECTED, "data"),
    State(ids.SCENE_INDEX, "data"),
    State(ids.SCENES, "data"),
    State(ids.PLAYING, "data"),
)
