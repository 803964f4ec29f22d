"""Journalist tools: the toolbar (downloads, image export, cite this) and the citation sentence."""

from __future__ import annotations

import json
from datetime import date
from html import escape
from pathlib import Path
from urllib.parse import urlencode

from babel.dates import format_date
from babel.lists import format_list
from dash import dcc, html

from dashboard import ids
from dashboard.config import settings
from dashboard.i18n import (
    catalog,
    country_name,
    format_long_month,
    format_month,
    format_number,
    language,
    t,
)
from dashboard.pages.deferred import deferred_details
from dashboard.view_state import ViewState, is_default
from layers.choropleth import stock_matrix
from layers.citation import REGION, cite_facts, r4v_licence_applies
from layers.months import year_up_to

GEOJSON_LAYERS = ("entry_points", "land_routes", "maritime_routes", "services")


def precise_date(text: str, lang: str) -> str:
    """A date at its own precision: "31 de octubre de 2019", "octubre de 2019" or "2019" (Babel, CLDR)."""
    if len(text) >= 10:
        return format_date(date.fromisoformat(text[:10]), "long", locale=lang)
    return format_long_month(text, lang) if len(text) == 7 else text


def precision(text: str) -> str:
    """ "day", "month" or "year": the catalog variant of a phrase about this date."""
    return "day" if len(text) >= 10 else "month" if len(text) == 7 else "year"


def rounded(value: float) -> float:
    """An estimate to three significant figures: 1,742,927.4 → 1,740,000 (never claim more precision)."""
    if value < 1000:
        return round(value)
    digits = len(str(int(value))) - 3
    return round(value, -digits)


def subject(area: str, lang: str) -> str:
    """The area as the subject of a sentence, with the article its language needs ("o Peru")."""
    if area == REGION:
        return t("cite.region", lang)
    return catalog(language(lang)).get(f"cite.subject.{area}", country_name(area, lang))


def view_query(month: str, area: str, lang: str) -> str:
    """The link keys of a month and area's view, leaving out defaults (dashboard/view_state.py)."""
    keys = {"lang": lang, "date": month, "country": "" if area == REGION else area}
    return urlencode({key: value for key, value in keys.items() if not is_default(key, value)})


def public_view_url(month: str, area: str, lang: str) -> str:
    """Corredores' page of a month and area on the public address (CORREDORES_PUBLIC_URL); "" unset."""
    return f"{settings().public_url}/?{view_query(month, area, lang)}" if settings().public_url else ""


def view_href(month: str, area: str, lang: str) -> str:
    """Corredores' page of a month and area (the source of an estimate): public, else relative."""
    return public_view_url(month, area, lang) or f"./?{view_query(month, area, lang)}"


def citation_parts(facts: dict, lang: str) -> tuple[str, tuple[str, str], str]:
    """The short sentence as (text before the link, (link label, URL), text after): one link only."""
    area = subject(facts["area"], lang)
    if facts["estimated"]:
        sources = format_list(facts["sources"], locale=language(lang))
        text = t(
            "cite.short_estimated",
            lang,
            month=format_long_month(facts["month"], lang),
            area=area,
            value=format_number(rounded(facts["value"]), lang),
            sources=sources,
            source="\0",
        )
        link = ("Corredores", view_href(facts["month"], facts["area"], lang))
    else:
        qualifier = t(f"qualifier.{facts['qualifier']}", lang) + " " if facts["qualifier"] else ""
        when = t(f"cite.when.{precision(facts['date'])}", lang, date=precise_date(facts["date"], lang))
        text = t(
            "cite.short",
            lang,
            when=when,
            area=area,
            value=qualifier + format_number(facts["value"], lang),
            source="\0",
        )
        link = (facts["source"], facts["url"])
    before, after = text.split("\0")
    return before[:1].upper() + before[1:], link, after


def citation_sentence(facts: dict | None, lang: str, month: str = "", area: str | None = None) -> str:
    """The "cite this" sentence as plain text (the link's label in place), from `cite_facts`."""
    if facts is None:
        return t("cite.none", lang, month=format_long_month(month, lang), area=subject(area or REGION, lang))
    before, (label, _), after = citation_parts(facts, lang)
    return before + label + after


def reference_line(side: dict, lang: str) -> str:
    """One cited figure in full: publisher, outlet, the figure's date, when it was published."""
    via = (
        t("cite.via", lang, outlet=side["outlet"])
        if side["outlet"] and side["outlet"] != side["source"]
        else ""
    )
    as_of = t(f"cite.as_of.{precision(side['date'])}", lang, date=precise_date(side["date"], lang))
    published = side["published"]
    on = (
        t(f"cite.published_on.{precision(published)}", lang, date=precise_date(published, lang))
        if published
        else ""
    )
    return t(
        "cite.reference",
        lang,
        publisher=side["source"],
        via=", " + via if via else "",
        value=format_number(side["value"], lang),
        as_of=as_of,
        published=", " + on if on else "",
    )


def cited_sides(facts: dict) -> list[dict]:
    """The published figures a citation rests on: one, or the two an estimate lies between."""
    return [facts["before"], facts["after"]] if facts["estimated"] else [facts]


def bib_title(facts: dict, lang: str) -> str:
    """ "Refugiados y migrantes de Venezuela — Colombia, noviembre de 2025" (the region when no country)."""
    where = t("cite.region", lang) if facts["region"] else country_name(facts["area"], lang)
    return f"{t('embed.title', lang)} — {where}, {format_long_month(facts['month'], lang)}"


def bibtex_escape(text: str) -> str:
    """Text safe inside a BibTeX field: LaTeX's special characters escaped."""
    special = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$"}
    special |= {"#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
    return "".join(special.get(char, char) for char in text)


def citation_key(facts: dict) -> str:
    """A stable key for reference managers: corredores-col-2025-11."""
    return f"corredores-{facts['area'].lower()}-{facts['month']}"


def bibtex(facts: dict, lang: str) -> str:
    """A BibTeX @misc entry for the figure (the publisher as author; an estimate is Corredores')."""
    side = facts if not facts["estimated"] else None
    fields = {
        "author": "{" + bibtex_escape(side["source"] if side else "Corredores") + "}",
        "title": bibtex_escape(bib_title(facts, lang)),
        "year": (side["published"] or side["date"])[:4] if side else facts["month"][:4],
        "howpublished": bibtex_escape(side["outlet"] or side["source"]) if side else "",
        "url": side["url"] if side else public_view_url(facts["month"], facts["area"], lang),
        "note": bibtex_escape(citation_sentence(facts, lang)),
    }
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items() if value)
    return f"@misc{{{citation_key(facts)},\n{body}\n}}"


def csl_json(facts: dict, lang: str) -> str:
    """The figure as CSL-JSON (a one-item list of type "dataset"), for Zotero, Pandoc and the like."""
    side = facts if not facts["estimated"] else None
    issued = (side["published"] or side["date"]) if side else facts["month"]
    item = {
        "id": citation_key(facts),
        "type": "dataset",
        "title": bib_title(facts, lang),
        "author": [{"literal": side["source"] if side else "Corredores"}],
        "publisher": side["source"] if side else "Corredores",
        "container-title": (side["outlet"] or side["source"]) if side else "Corredores",
        "URL": side["url"] if side else public_view_url(facts["month"], facts["area"], lang),
        "issued": {"date-parts": [[int(part) for part in issued[:10].split("-")]]},
        "note": citation_sentence(facts, lang),
        "language": lang,
    }
    return json.dumps([item], ensure_ascii=False, indent=2)


def citation_credit(facts: dict | None, lang: str) -> str:
    """Licence and credit line; names R4V's CC BY 4.0 when an R4V figure is among the sources."""
    credit = t("cite.credit", lang)
    if facts and r4v_licence_applies(facts["sources"]):
        credit += t("cite.r4v", lang)
    return credit


def full_reference(facts: dict, lang: str) -> html.Details:
    """The "full reference" toggle: each figure's publisher, outlet, dates and URL; BibTeX and CSL-JSON."""
    lines = [
        html.Li([reference_line(side, lang), " ", html.A(side["url"], href=side["url"], rel="noopener")])
        for side in cited_sides(facts)
    ]
    method = [html.P(t("cite.method", lang), className="cite-method")] if facts["estimated"] else []
    formats = [
        (t("cite.bibtex", lang), bibtex(facts, lang), ids.CITE_COPY_BIBTEX),
        (t("cite.csl", lang), csl_json(facts, lang), ids.CITE_COPY_CSL),
    ]
    return html.Details(
        id=ids.CITE_FULL,
        className="cite-full",
        children=[
            html.Summary(t("cite.full", lang)),
            html.Ul(lines, className="cite-references"),
            *method,
            html.P(citation_credit(facts, lang), className="cite-credit"),
            *[
                html.Div(
                    className="cite-format",
                    children=[
                        html.Span(label, className="cite-format-label"),
                        dcc.Clipboard(content=text, title=t("cite.copy_format", lang, format=label)),
                        html.Pre(text, id=format_id),
                    ],
                )
                for label, text, format_id in formats
            ],
        ],
    )


def citation_block(directory: Path, month: str, area: str | None, lang: str) -> list:
    """The short sentence with its one link and a copy button, then the full reference toggle."""
    facts = cite_facts(directory, month, area)
    if facts is None:
        return [
            html.P(citation_sentence(None, lang, month, area), id=ids.CITE_TEXT, className="cite-sentence")
        ]
    before, (label, url), after = citation_parts(facts, lang)
    plain = before + label + after + " " + url
    rich = f'{escape(before)}<a href="{escape(url)}">{escape(label)}</a>{escape(after)}'
    return [
        html.P(
            [before, html.A(label, href=url, rel="noopener"), after],
            id=ids.CITE_TEXT,
            className="cite-sentence",
        ),
        dcc.Clipboard(content=plain, html_content=rich, title=t("tools.copy", lang), className="cite-copy"),
        full_reference(facts, lang),
    ]


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
    image = deferred_details(  # its month pickers and their script load when it is first opened
        ids.IMAGE_TOOLS,
        [html.Summary(t("tools.image", lang))],
        [
            html.Div(
                className="tools-row",
                children=[
                    html.Button(t("tools.render_png", lang), id=ids.RENDER_PNG, n_clicks=0),
                    html.Button(t("tools.render_portrait", lang), id=ids.RENDER_PORTRAIT, n_clicks=0),
                ],
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
                    html.Button(t("tools.render_mp4", lang), id=ids.RENDER_MP4, n_clicks=0),
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
            dcc.Store(id=ids.RENDER_REQUEST),
        ],
        open_now=False,
        className="tools-group",
    )
    cite = html.Details(
        id=ids.CITE_DETAILS,
        className="tools-group",
        children=[
            html.Summary(t("tools.cite", lang)),
            html.Div(
                citation_block(directory, view.date, view.country, lang),
                id=ids.CITE_BLOCK,
                **{"data-view": f"{months.index(view.date)}|{view.country or ''}"},  # assets/cite.js
            ),
        ],
    )
    return html.Section(
        id=ids.JOURNALIST_TOOLS,
        className="journalist-tools",
        **{"aria-label": t("tools.title", lang)},
        children=[
            dcc.Store(id=ids.CITE_VIEW),
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
