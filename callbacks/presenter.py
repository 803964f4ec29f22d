"""Slide mode: one full-screen map, prepared scenes (data/scenes.json), scene list, keyboard control."""

from dash import ALL, ClientsideFunction, Input, Output, State, clientside_callback

from dashboard import ids

clientside_callback(
    ClientsideFunction("corredores", "presentClass"),
    Output(ids.APP_ROOT, "className"),
    Output(ids.PRESENT_BUTTON, "children"),
    Input(ids.PRESENT, "data"),
    State(ids.APP_ROOT, "className"),
    State(ids.TEXT_STORE, "data"),
)

clientside_callback(
    ClientsideFunction("corredores", "togglePresent"),
    Output(ids.PRESENT, "data"),
    Input(ids.PRESENT_BUTTON, "n_clicks"),
    State(ids.PRESENT, "data"),
    prevent_initial_call=True,
)

clientside_callback(
    ClientsideFunction("corredores", "sceneFromButton"),
    Output(ids.SCENE_INDEX, "data"),
    Input({"type": "scene", "index": ALL}, "n_clicks"),
    prevent_initial_call=True,
)

clientside_callback(
    ClientsideFunction("corredores", "applyScene"),
    Output(ids.MONTH_INDEX, "value", allow_duplicate=True),
    Output(ids.METRIC, "data", allow_duplicate=True),
    Output(ids.SECOND_MEASURE, "data", allow_duplicate=True),
    Output(ids.SLIDE_MEASURE, "data", allow_duplicate=True),
    Output(ids.SELECTED, "data", allow_duplicate=True),
    Output(ids.SCENE_CAPTION, "children"),
    Input(ids.SCENE_INDEX, "data"),
    State(ids.SCENES, "data"),
    State(ids.PLAYING, "data"),
    State(ids.STOCK_STORE, "data"),
    State(ids.TEXT_STORE, "data"),
    prevent_initial_call=True,
)

# A playing scene's end is watched by timeline.js monthFollow (callbacks/timeline.py).

clientside_callback(
    ClientsideFunction("corredores", "clearSlideMeasure"),
    Output(ids.SLIDE_MEASURE, "data"),
    Input(ids.METRIC, "data"),
    prevent_initial_call=True,
)

clientside_callback(
    ClientsideFunction("corredores", "markSlideMeasure"),
    Input(ids.SLIDE_MEASURE, "data"),
    prevent_initial_call=True,
)
