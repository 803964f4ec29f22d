"""Journalist tools: the toolbar (downloads, image export, cite this) and the citation sentence."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from dash import dcc, html

from dashboard import ids
from dashboard.config import settings
from dashboard.i18n import (
    country_name,
    format_long_month,
    format_month,
    format_number,
    format_partial_date,
    t,
)
from dashboard.view_state import ViewState
from layers.choropleth import stock_matrix
from layers.citation import cite_facts, r4v_licence_applies
from layers.months import year_up_to

GEOJSON_LAYERS = ("entry_points", "land_routes", "maritime_routes", "services")


def date_label(date: str, lang: str) -> str:
    """A partial date as people write it: "2019", "mar 2019", "31 mar 2019"."""
    return format_partial_date(date, lang) if date else ""


def rounded(value: float) -> float:
    """An estimate to three significant figures: 1,742,927.4 → 1,740,000 (never claim more precision)."""
    if value < 1000:
        return round(value)
    digits = len(str(int(value))) - 3
    return round(value, -digits)


def citation_sentence(facts: dict | None, lang: str, month: str = "", area: str | None = None) -> str:
    """The "cite this" sentence of a view in the UI language, from `layers.citation.cite_facts`."""
    if facts is None:
        where = country_name(area, lang) if area else t("cite.region", lang)
        return t("cite.none", lang, month=format_long_month(month, lang), area=where)
    where = t("cite.region", lang) if facts["region"] else country_name(facts["area"], lang)
    when = format_long_month(facts["month"], lang)
    if not facts["estimated"]:
        qualifier = t(f"qualifier.{facts['qualifier']}", lang) + " " if facts["qualifier"] else ""
        published = facts["published"]
        return t(
            "cite.published",
            lang,
            month=when,
            area=where,
            value=qualifier + format_number(facts["value"], lang),
            source=facts["source"],
            date=date_label(facts["date"], lang),
            published=t("cite.published_on", lang, date=date_label(published, lang)) if published else "",
        )
    before, after = facts["before"], facts["after"]

    def on(side: dict) -> str:
        return (
            t("cite.published_on", lang, date=date_label(side["published"], lang))
            if side["published"]
            else ""
        )

    return t(
        "cite.estimated",
        lang,
        month=when,
        area=where,
        value=format_number(rounded(facts["value"]), lang),
        before=format_number(before["value"], lang),
        before_date=date_label(before["date"], lang),
        before_source=before["source"],
        before_published=on(before),
        after=format_number(after["value"], lang),
        after_date=date_label(after["date"], lang),
        after_source=after["source"],
        after_published=on(after),
    )


def citation_credit(facts: dict | None, lang: str) -> str:
    """Licence and credit line; names R4V's CC BY 4.0 when an R4V figure is among the sources."""
    credit = t("cite.credit", lang)
    if facts and r4v_licence_applies(facts["sources"]):
        credit += t("cite.r4v", lang)
    return credit


def citation_block(directory: Path, month: str, area: str | None, lang: str) -> list:
    """The sentence, its sources and the credit line, as components."""
    facts = cite_facts(directory, month, area)
    children = [
        html.P(citation_sentence(facts, lang, month, area), id=ids.CITE_TEXT, className="cite-sentence")
    ]
    if facts:
        links = [html.A(label, href=url, rel="noopener") for label, url in facts["links"]]
        if links:
            children.append(html.P([t("cite.sources", lang) + ": ", *links], className="cite-links"))
        children.append(html.P(citation_credit(facts, lang), className="cite-credit"))
    return children


def view_links(month: str, metric: str, lang: str, country: str | None) -> dict[str, str]:
    """Every download URL of the view: the same ones the browser builds in assets/journalist.js."""
    view = {"date": month, "metric": metric, "lang": lang}
    links = {
        "map_csv": "/export/map.csv?" + urlencode(view),
        "series_csv": "/export/series.csv?" + urlencode({"lang": lang}),
        "admin0": "/export/admin0.geojson?" + urlencode(view),
        "api": "/api/stock_by_month.csv?" + urlencode({"country": country} if country else {}),
        "methods": "/methods?" + urlencode({"lang": lang}),
    }
    links.update({layer: f"/export/{layer}.geojson" for layer in GEOJSON_LAYERS})
    links["api"] = links["api"].rstrip("?")
    return links


def _month_options(months: list[str], lang: str) -> list[dict]:
    return [{"label": format_month(m, lang), "value": m} for m in months]


def share_dialog(lang: str) -> html.Details:
    """The link that reopens this exact view and an iframe snippet, each with a copy button."""
    return html.Details(
        className="tools-group share",
        children=[
            html.Summary(t("share.title", lang)),
            dcc.Store(id=ids.SHARE_BASE, data=settings().public_url),
            html.Label(t("share.link", lang), htmlFor=ids.SHARE_LINK),
            dcc.Input(id=ids.SHARE_LINK, type="text", readOnly=True, className="share-field"),
            dcc.Clipboard(target_id=ids.SHARE_LINK, title=t("share.copy_link", lang), className="share-copy"),
            html.Label(t("share.embed", lang), htmlFor=ids.SHARE_EMBED),
            dcc.Textarea(id=ids.SHARE_EMBED, readOnly=True, className="share-field", rows=3),
            dcc.Clipboard(
                target_id=ids.SHARE_EMBED, title=t("share.copy_embed", lang), className="share-copy"
            ),
        ],
    )


def journalist_toolbar(view: ViewState, directory: Path) -> html.Section:
    """Downloads of what is on screen, map image and GIF export, cite this, and the methods link."""
    lang = view.lang
    months = stock_matrix(directory)["months"]
    year = year_up_to(months, view.date)
    links = view_links(view.date, view.metric, lang, view.country)

    def link(key: str, label: str, link_id: str, download: bool = True) -> html.A:
        extra = {"download": ""} if download else {}
        return html.A(label, id=link_id, href=links[key], **extra)

    downloads = html.Details(
        className="tools-group",
        children=[
            html.Summary(t("tools.downloads", lang)),
            html.Ul(
                [
                    html.Li(link("map_csv", t("tools.map_csv", lang), ids.DOWNLOAD_MAP_CSV)),
                    html.Li(link("series_csv", t("tools.series_csv", lang), ids.DOWNLOAD_SERIES_CSV)),
                    html.Li(
                        [
                            t("tools.geojson", lang) + " ",
                            link("admin0", t("tools.geo_admin0", lang), ids.DOWNLOAD_ADMIN0),
                            *[
                                item
                                for layer in GEOJSON_LAYERS
                                for item in (
                                    " · ",
                                    html.A(t(f"layer.{layer}", lang), href=links[layer], download=""),
                                )
                            ],
                        ]
                    ),
                    html.Li(link("api", t("tools.api", lang), ids.DOWNLOAD_API)),
                    html.Li(t("tools.chart_png", lang), className="hint"),
                ]
            ),
        ],
    )
    options = _month_options(months, lang)
    image = html.Details(
        className="tools-group",
        children=[
            html.Summary(t("tools.image", lang)),
            html.Div(
                className="tools-row",
                children=[html.Button(t("tools.render_png", lang), id=ids.RENDER_PNG, n_clicks=0)],
            ),
            html.Div(
                className="tools-row",
                children=[
                    html.Label(t("tools.from", lang), htmlFor=ids.GIF_FROM),
                    dcc.Dropdown(
                        id=ids.GIF_FROM,
                        options=options,
                        value=year[0],
                        clearable=False,
                        className="month-select",
                    ),
                    html.Label(t("tools.to", lang), htmlFor=ids.GIF_TO),
                    dcc.Dropdown(
                        id=ids.GIF_TO,
                        options=options,
                        value=year[-1],
                        clearable=False,
                        className="month-select",
                    ),
                    html.Button(t("tools.render_gif", lang), id=ids.RENDER_GIF, n_clicks=0),
                ],
            ),
            html.Div(
                id=ids.RENDER_STATUS,
                className="render-status",
                role="status",
                **{"aria-live": "polite"},
            ),
            html.Div(
                id=ids.RENDER_PROGRESS_BOX,
                className="render-progress",
                hidden=True,
                children=[
                    html.Progress(id=ids.RENDER_PROGRESS, value="0", max="1"),
                    " ",
                    html.Span(t("tools.queued", lang), id=ids.RENDER_PROGRESS_TEXT),
                ],
            ),
            dcc.Store(id=ids.RENDER_REQUEST, data=None),
        ],
    )
    cite = html.Details(
        id=ids.CITE_DETAILS,
        className="tools-group",
        children=[
            html.Summary(t("tools.cite", lang)),
            html.Div(citation_block(directory, view.date, view.country, lang), id=ids.CITE_BLOCK),
            dcc.Clipboard(target_id=ids.CITE_TEXT, title=t("tools.copy", lang), className="cite-copy"),
        ],
    )
    return html.Section(
        id=ids.JOURNALIST_TOOLS,
        className="journalist-tools",
        **{"aria-label": t("tools.title", lang)},
        children=[
            dcc.Store(id=ids.CITE_VIEW, data=None),
            html.H2(t("tools.title", lang), className="tools-title"),
            downloads,
            image,
            cite,
            share_dialog(lang),
            html.A(
                t("tools.methods", lang), id=ids.METHODS_LINK, href=links["methods"], className="methods-link"
            ),
        ],
    )
