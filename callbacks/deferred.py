"""Folded content drawn at its <details>' first opening (dashboard/pages/deferred.py)."""

from dash import MATCH, ClientsideFunction, Input, Output, State, clientside_callback

from dashboard import ids

clientside_callback(
    ClientsideFunction("corredores", "deferredBody"),
    Output({"type": ids.DEFERRED_BODY, "name": MATCH}, "children"),
    Input({"type": ids.DEFERRED_OPENED, "name": MATCH}, "data"),
    State({"type": ids.DEFERRED_CONTENT, "name": MATCH}, "data"),
    prevent_initial_call=True,
)
