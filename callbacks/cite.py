"""Cite this: the sentence for the selected country (or the region) at the month on screen."""

from __future__ import annotations

from dash import ClientsideFunction, Input, Output, State, callback, clientside_callback
from dash.exceptions import PreventUpdate

from dashboard import ids
from dashboard.i18n import language
from dashboard.pages.cite import citation_block
from dashboard.state import current_data_dir
from layers.choropleth import stock_matrix
from layers.months import month_at

# Only while "Cite this" is open does a month step or a selection reach the server.
clientside_callback(
    ClientsideFunction("corredores", "citeView"),
    Output(ids.CITE_VIEW, "data"),
    Input(ids.SELECTED, "data"),
    Input(ids.CITE_DETAILS, "n_clicks"),
    State(ids.MONTH_INDEX, "value"),  # a month change: timeline.js monthView (callbacks/timeline.py)
    prevent_initial_call=True,
)


@callback(
    Output(ids.CITE_BLOCK, "children"),
    Input(ids.CITE_VIEW, "data"),
    Input(ids.LANG_STORE, "data"),
    prevent_initial_call=True,
)
def cite_view(view: dict | None, lang_code: str | None) -> list:
    """Rebuild the citation for the month and selection on screen."""
    if not view:
        raise PreventUpdate
    index, iso = view.get("index"), view.get("country")
    directory = current_data_dir()
    months = stock_matrix(directory)["months"]
    month = month_at(months, index)
    return citation_block(directory, month, iso or None, language(lang_code))
