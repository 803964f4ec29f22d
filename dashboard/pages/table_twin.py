"""The table twin of the main map: a Map | Table switch, the table frame and the skip link to it.

The rows are drawn in the browser (assets/table_twin.js) from the stock store, so a slider step
or a sort never reaches the server.
"""

from __future__ import annotations

from dash import dcc, html

from dashboard import ids
from dashboard.i18n import t
from dashboard.pages.controls import choice_group
from dashboard.view_state import TABS

COLUMNS = ("country", "value", "per_1000", "date", "estimated", "source")


def skip_link(lang: str) -> html.A:
    """The first thing Tab reaches: a link that opens the table and moves focus into it."""
    return html.A(t("table.skip", lang), href=f"#{ids.TABLE_TWIN}", id=ids.SKIP_LINK, className="skip-link")


def view_switch(tab: str, lang: str) -> html.Div:
    """Map | Table, above the map (as Our World in Data's chart tabs)."""
    return choice_group(ids.MAP_TAB, TABS, tab, lang, "tab", "tab.label", "view-switch")


def table_twin(tab: str, lang: str) -> html.Section:
    """The table's frame over the map's place; assets/table_twin.js fills it for the current month."""
    return html.Section(
        id=ids.TABLE_TWIN,
        className="twin",
        hidden=tab != "table",
        **{"aria-label": t("tab.table", lang)},
        children=[
            dcc.Store(id=ids.TWIN_SORT, data={"column": "value", "descending": True, "columns": COLUMNS}),
            html.P(t("table.hint", lang), className="twin-hint"),
            html.Table(id=ids.TWIN_TABLE, className="data-table twin-table", tabIndex=-1),
        ],
    )
