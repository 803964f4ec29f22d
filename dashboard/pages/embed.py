"""The embed card (`embed=1`): title, month, the selected country's value, legend and a link back.

The page is the full app with its chrome hidden (assets/embed.css); the card's parts are built here.
"""

from __future__ import annotations

import json

from dash import html

from dashboard import ids
from dashboard.config import settings
from dashboard.i18n import format_long_month, format_month, t
from dashboard.view_state import ViewState, link_query
from layers.map_view import region_bounds
from layers.stock import LATEST


def full_view_href(view: ViewState) -> str:
    """The full view of the same state: on CORREDORES_PUBLIC_URL when set, else relative (never the Host)."""
    query = link_query(view)
    base = settings().public_url + "/" if settings().public_url else "./"
    return base + (f"?{query}" if query else "")


def month_line(view: ViewState, latest: dict) -> str:
    """ "octubre de 2019", or for the latest view the span of months its figures come from."""
    lang = view.lang
    if view.date != LATEST:
        return format_long_month(view.date, lang)
    start, end = format_month(latest["from"], lang), format_month(latest["to"], lang)
    return t("embed.latest", lang, start=start, end=end)


def embed_card(view: ViewState, directory, latest: dict) -> html.Div:
    """Title, month and (filled in the browser, assets/embed.js) the selected country's value."""
    return html.Div(
        id=ids.EMBED_CARD,
        className="embed-card",
        **{"data-bounds": json.dumps(region_bounds(directory))},
        children=[
            html.H1(t("embed.title", view.lang), className="embed-title"),
            html.P(month_line(view, latest), className="embed-month"),
            html.Div(id=ids.EMBED_VALUE, className="embed-value", **{"aria-live": "polite"}),
        ],
    )


def embed_credit(view: ViewState) -> html.Div:
    """Attribution and the link back to the full interactive view (a new tab: the host page stays)."""
    return html.Div(
        className="embed-credit",
        children=[
            html.A(
                t("embed.full_view", view.lang) + " ↗",
                id=ids.EMBED_LINK,
                href=full_view_href(view),
                target="_blank",
                rel="noopener",
            ),
            html.Span(t("embed.attribution", view.lang)),
        ],
    )
