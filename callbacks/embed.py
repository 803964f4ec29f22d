"""The embed card: the selected country's figure, from the same colours-and-facts the map draws."""

from dash import ClientsideFunction, Input, Output, clientside_callback

from dashboard import ids

clientside_callback(
    ClientsideFunction("corredores", "embedValue"),
    Output(ids.EMBED_VALUE, "children"),
    Input(ids.MAP_COUNTRIES, "hideout"),
)
