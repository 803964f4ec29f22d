"""Time: step buttons, keyboard, play/pause; all in the browser, no server round trip."""

from dash import ClientsideFunction, Input, Output, State, clientside_callback

from dashboard import ids

clientside_callback(
    ClientsideFunction("corredores", "stepMonth"),
    Output(ids.MONTH_INDEX, "value"),
    Input(ids.PREVIOUS, "n_clicks"),
    Input(ids.NEXT, "n_clicks"),
    Input(ids.PREVIOUS_YEAR, "n_clicks"),
    Input(ids.NEXT_YEAR, "n_clicks"),
    Input(ids.TICKER, "n_intervals"),
    State(ids.MONTH_INDEX, "value"),
    State(ids.MONTH_INDEX, "max"),
    prevent_initial_call=True,
)

clientside_callback(
    ClientsideFunction("corredores", "togglePlay"),
    Output(ids.TICKER, "disabled"),
    Output(ids.PLAY, "children"),
    Output(ids.PLAY, "title"),
    Output(ids.PLAY, "aria-label"),
    Output(ids.PLAYING, "data"),
    Output(ids.MONTH_INDEX, "value", allow_duplicate=True),
    Input(ids.PLAY, "n_clicks"),
    Input(ids.TICKER, "n_intervals"),
    State(ids.PLAYING, "data"),
    State(ids.MONTH_INDEX, "value"),
    State(ids.MONTH_INDEX, "max"),
    prevent_initial_call=True,
)

clientside_callback(
    ClientsideFunction("corredores", "sliderText"),
    Input(ids.MONTH_INDEX, "value"),
    State(ids.STOCK_STORE, "data"),
    State(ids.TEXT_STORE, "data"),
)
