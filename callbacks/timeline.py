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

# A month change (a step, play, the slider, a scene) redraws all that shows the month in this one
# callback (timeline.js monthView): every callback round is work for each component on the page, so
# a step runs as few as it can. The callbacks drawing each part for their other inputs read the
# month as a State and call the same functions.
clientside_callback(
    ClientsideFunction("corredores", "monthView"),
    Output(ids.MAP_COUNTRIES, "hideout", allow_duplicate=True),
    Output(ids.SMALL_PLACES, "hideout", allow_duplicate=True),
    Output(ids.MONTH_LABEL, "children", allow_duplicate=True),
    Output(ids.SECOND_COUNTRIES, "hideout", allow_duplicate=True),
    Output(ids.LINE_CHART, "figure", allow_duplicate=True),
    Output(ids.BAR_CHART, "figure", allow_duplicate=True),
    Output(ids.TWIN_TABLE, "children", allow_duplicate=True),
    Output(ids.DOWNLOAD_MAP_CSV, "href", allow_duplicate=True),
    Output(ids.DOWNLOAD_ADMIN0, "href", allow_duplicate=True),
    Output(ids.DOWNLOAD_API, "href", allow_duplicate=True),
    Output(ids.COUNTRY_MONTH, "data"),
    Output(ids.CITE_VIEW, "data", allow_duplicate=True),
    Input(ids.MONTH_INDEX, "value"),
    State(ids.METRIC, "data"),
    State(ids.SELECTED, "data"),
    State(ids.HOVERED, "data"),
    State(ids.PRESENT, "data"),
    State(ids.SLIDE_MEASURE, "data"),
    State(ids.SECOND_MEASURE, "data"),
    State(ids.MAP_TAB, "data"),
    State(ids.TWIN_SORT, "data"),
    State(ids.SCENE_INDEX, "data"),
    State(ids.SCENES, "data"),
    State(ids.PLAYING, "data"),
    State(ids.STOCK_STORE, "data"),
    State(ids.SECOND_STORE, "data"),
    State(ids.TEXT_STORE, "data"),
    prevent_initial_call=True,
)

# The slider thumb's name at the first month shown (the month never changes its `max`: no call per step).
clientside_callback(
    ClientsideFunction("corredores", "sliderName"),
    Input(ids.MONTH_INDEX, "max"),
    State(ids.MONTH_INDEX, "value"),
    State(ids.STOCK_STORE, "data"),
    State(ids.TEXT_STORE, "data"),
)
