"""Keep every button group and its store in step (see dashboard/pages/controls.py)."""

from dash import ALL, ClientsideFunction, Input, Output, State, clientside_callback

from dashboard import ids

GROUPS = {
    ids.METRIC: False,
    ids.SECOND_MEASURE: False,
    ids.SERVICE_KINDS: True,
    ids.COMPARE_PICK: True,
    ids.LANG: False,
    ids.MAP_TAB: False,
}

for group, multi in GROUPS.items():
    clientside_callback(
        ClientsideFunction("corredores", "groupMulti" if multi else "groupSingle"),
        Output(group, "data", allow_duplicate=True),
        Input({"group": group, "value": ALL}, "n_clicks"),
        State(group, "data"),
        prevent_initial_call=True,
    )
    clientside_callback(
        ClientsideFunction("corredores", "groupPressed"),
        Output({"group": group, "value": ALL}, "aria-pressed"),
        Output({"group": group, "value": ALL}, "className"),
        Input(group, "data"),
        State({"group": group, "value": ALL}, "id"),
    )
