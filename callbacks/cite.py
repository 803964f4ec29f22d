"""Cite this: the sentence for the selected country (or the region) at the month on screen."""

from __future__ import annotations

from dash import Input, Output, State, callback

from dashboard import ids
from dashboard.i18n import language
from dashboard.journalist import citation_block
from dashboard.state import current_data_dir
from layers.choropleth import stock_matrix


@callback(
    Output(ids.CITE_BLOCK, "children"),
    Input(ids.MONTH_INDEX, "value"),
    Input(ids.SELECTED, "data"),
    State(ids.TEXT_STORE, "data"),
    prevent_initial_call=True,
)
def cite_view(index: int | None, iso: str | None, text: dict | None) -> list:
    """Rebuild the citation when the month or the selection changes."""
    directory = current_data_dir()
    months = stock_matrix(directory)["months"]
    month = months[min(max(index or 0, 0), len(months) - 1)]
    return citation_block(directory, month, iso or None, language((text or {}).get("lang")))
