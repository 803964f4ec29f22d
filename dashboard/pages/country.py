"""The country drill-down panel: headline, timeline, regularisation, funding, ground, sources."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

import plotly.graph_objects as go
from dash import dcc, html
from plotly.subplots import make_subplots

from dashboard import ids
from dashboard.i18n import (
    format_compact,
    format_month,
    format_number,
    format_partial_date,
    number_separators,
    plural,
    t,
)
from dashboard.pages.flow_panels import add_balance, crossing_counts_block
from layers import country as data
from layers.package import resource_credits

if TYPE_CHECKING:  # pandas, numpy: imported where used (a warm start needs none)
    import pandas as pd

STOCK_COLOUR = "#225ea8"
PERMIT_COLOUR = "#7fcdbb"
MECHANISM_COLOUR = "#7b3294"
HIGHLIGHT = "#d95f02"
PANEL_RESOURCES = [
    "stock",
    "residence_permits",
    "regularisation_mechanisms",
    "funding",
    "entry_points",
    "services",
    "country_profiles",
    "admin0",
    "admin1",
]
MARGIN_LEFT = 50
GRAPH_CONFIG = {"displaylogo": False, "responsive": True}
EMPTY_FIGURE = {
    "data": [],
    "layout": {"height": 60, "xaxis": {"visible": False}, "yaxis": {"visible": False}},
}


def _percent(share: float, lang: str) -> str:
    return format_number(share * 100, lang, 1) + " %"


def _funding_value(value: float, unit: str, lang: str) -> str:
    """USD amounts as whole numbers, funded shares as percentages."""
    return _percent(value, lang) if unit == "fraction" else format_number(value, lang)


def _date_label(date: str, lang: str) -> str:
    """ "2019", "2019-03" or "2019-03-31" in the UI language."""
    return format_partial_date(date, lang) if date else ""


def headline_block(directory: Path, iso: str, month: str, lang: str) -> list:
    """Value at the month with its reference, qualifier, source and change since the previous figure."""
    figure = data.headline(directory, iso, month)
    title = html.H3(t("panel.headline", lang, month=format_month(month, lang)))
    if figure is None:
        return [title, html.P(t("panel.no_figure", lang, month=format_month(month, lang)))]
    qualifier = t(f"qualifier.{figure['qualifier']}", lang) + " " if figure["qualifier"] else ""
    value = html.P(
        [html.Span(qualifier), html.Strong(format_number(figure["value"], lang), className="big-number")],
        className="headline-value",
    )
    if figure["estimated"]:
        reference = t(
            "tooltip.between",
            lang,
            before=_date_label(figure["date_before"], lang),
            after=_date_label(figure["date_after"], lang),
        )
    else:
        reference = t("tooltip.as_of", lang, date=_date_label(figure["date"], lang))
    if figure["change"] is None:
        change = t("panel.first_figure", lang)
    else:
        sign = "+" if figure["change"] >= 0 else "−"
        change = t(
            "panel.change",
            lang,
            sign=sign,
            value=format_number(abs(figure["change"]), lang),
            date=_date_label(figure["previous_date"], lang),
        )
    sources = [html.Li(source) for source in dict.fromkeys(figure["sources"]) if source]
    return [
        title,
        value,
        html.P(reference, className="estimated" if figure["estimated"] else None),
        html.P(t("panel.per_1000", lang, value=format_number(figure["per_1000"], lang, 1))),
        html.P(change),
        html.Details([html.Summary(t("tooltip.source", lang)), html.Ul(sources)]),
    ]


def timeline_figure(directory: Path, iso: str, month: str, lang: str) -> go.Figure:
    """Stock, permits per year and mechanisms: three rows on one time axis, each with its own scale."""
    mechanisms = data.mechanisms(directory, iso)
    dated = mechanisms[mechanisms["launched_month"].astype(bool)]
    mechanism_height = 30 + 26 * max(len(dated), 1)
    heights = [200, 110, mechanism_height]
    figure = make_subplots(
        rows=3,
        cols=1,
        shared_xaxes=True,
        row_heights=heights,
        vertical_spacing=0.09,
        subplot_titles=[t("panel.stock", lang), t("panel.permits", lang), t("panel.mechanisms", lang)],
    )
    _add_stock(figure, data.stock_history(directory, iso), lang)
    add_balance(figure, directory, iso, lang)
    _add_permits(figure, data.permits_per_year(directory, iso), lang)
    _add_mechanisms(figure, dated, month)
    # the month cursor spans all three rows; callbacks.country moves it through layout.shapes[0]
    figure.add_shape(
        type="line",
        xref="x",
        yref="paper",
        x0=month,
        x1=month,
        y0=0,
        y1=1,
        line={"color": HIGHLIGHT, "width": 2},
    )
    # row titles start at the figure's left edge, so that they fit on a phone
    figure.update_annotations(font={"size": 13}, xanchor="left", x=0, xshift=-MARGIN_LEFT + 4)
    figure.update_layout(
        height=sum(heights) + 130,
        margin={"l": MARGIN_LEFT, "r": 10, "t": 30, "b": 30},
        legend={"orientation": "h", "y": -0.06, "yanchor": "top"},
        separators=number_separators(lang),
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        hovermode="closest",
    )
    figure.update_xaxes(type="date", range=["2015-01", max(month, "2025-12")], showticklabels=True)
    figure.update_yaxes(tickformat="~s", rangemode="tozero", row=1, col=1)
    figure.update_yaxes(tickformat="~s", rangemode="tozero", row=2, col=1)
    figure.update_yaxes(visible=False, range=[len(dated) - 0.5, -0.7], row=3, col=1)
    return figure


def timeline_height(figure: go.Figure) -> dict[str, str]:
    """The graph's CSS height, matching the figure's own (it grows with the number of mechanisms)."""
    return {"height": f"{figure.layout.height}px"}


def _cited(figures: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The figures for hover texts: `cited` (publisher, and the outlet that printed the page), the date
    as the language writes it (`shown_date`) and what is counted (`counted`)."""
    pairs = zip(figures["publisher"], figures["outlet"], strict=True)
    cited = [
        name if outlet in ("", name) else t("panel.printed_by", lang, publisher=name, outlet=outlet)
        for name, outlet in pairs
    ]
    dates = [format_partial_date(date, lang) for date in figures["date"]]
    counted = [t(f"stock_measure.{measure}", lang) for measure in figures["measure"]]
    return figures.assign(cited=cited, shown_date=dates, counted=counted)


def _markers(
    figure: go.Figure, frame: pd.DataFrame, name: str, marker: dict, columns: list[str], hover: str
) -> None:
    """Dated figures as markers on the stock row, with `columns` for the hover text."""
    figure.add_scatter(
        x=frame["month"],
        y=frame["value"],
        mode="markers",
        marker=marker,
        name=name,
        customdata=frame[columns].to_numpy(),
        hovertemplate=hover,
        row=1,
        col=1,
    )


def _add_stock(figure: go.Figure, history: dict[str, pd.DataFrame], lang: str) -> None:
    """Monthly values dashed where estimated, published figures as dots, other figures as rings."""
    monthly = history["monthly"]
    if len(monthly):
        figure.add_scatter(
            x=monthly["month"],
            y=monthly["value"],
            mode="lines",
            line={"color": STOCK_COLOUR, "dash": "dash", "width": 2},
            name=t("panel.stock_estimated", lang),
            hoverinfo="skip",
            row=1,
            col=1,
        )
    published = _cited(history["published"], lang)
    marker = {"color": STOCK_COLOUR, "size": 8}
    hover = "%{y:,.0f} · %{customdata[0]}<br>%{customdata[1]}<extra></extra>"
    _markers(figure, published, t("panel.stock", lang), marker, ["shown_date", "cited"], hover)
    others = _cited(history["others"], lang)
    if len(others):
        marker = {"color": "#666", "size": 7, "symbol": "circle-open"}
        hover = "%{y:,.0f} · %{customdata[0]} · %{customdata[2]}<br>%{customdata[1]}<extra></extra>"
        columns = ["shown_date", "cited", "counted"]
        _markers(figure, others, t("panel.other_figures", lang), marker, columns, hover)


def _add_permits(figure: go.Figure, permits: pd.DataFrame, lang: str) -> None:
    """Residence permits per year as labelled bars on their own axis (thousands, not millions)."""
    if permits.empty:
        figure.add_annotation(
            text=t("panel.no_permits", lang),
            xref="x2 domain",
            yref="y2 domain",
            x=0.5,
            y=0.5,
            showarrow=False,
            font={"color": "#52606d"},
        )
        return
    figure.add_bar(
        x=[f"{year}-07" for year in permits["date"]],
        y=permits["value"],
        width=[1000 * 3600 * 24 * 300] * len(permits),
        marker={"color": PERMIT_COLOUR, "line": {"color": "#2c7f74", "width": 1}},
        name=t("panel.permits", lang),
        text=[format_number(value, lang) for value in permits["value"]],
        textposition="outside",
        textfont={"size": 11},
        constraintext="none",
        cliponaxis=False,
        customdata=permits[["date", "source"]].to_numpy(),
        hovertemplate="%{customdata[0]}: %{text}<br>%{customdata[1]}<extra></extra>",
        showlegend=False,
        row=2,
        col=1,
    )


def _mechanism_label(name: str, limit: int = 48) -> str:
    """A name short enough to sit beside its bar: "Permiso Especial de Permanencia (PEP) – x" → "PEP – x"."""
    if len(name) > limit:
        name = ACRONYM.sub(r"\1", name)
    if len(name) > limit and " (" in name:
        name = name.split(" (")[0]
    return name if len(name) <= limit else name[: limit - 1].rstrip(" –-,") + "…"


def _add_mechanisms(figure: go.Figure, mechanisms: pd.DataFrame, month: str) -> None:
    """One labelled bar per mechanism, from launch to end (dotted to the cursor month when open)."""
    for position, row in enumerate(mechanisms.itertuples()):
        start = row.launched_month
        start = start if len(start) == 7 else f"{start}-01"
        end = (row.ended or "")[:7]
        end = end if len(end) == 7 and end[4] == "-" else (f"{end[:4]}-12" if end[:4].isdigit() else None)
        stop = end or max(month, start)
        late = start > "2021-01"  # labels of late bars sit to their left, so they stay inside the plot
        figure.add_scatter(
            x=[start, stop],
            y=[position, position],
            mode="lines+markers+text",
            line={"color": MECHANISM_COLOUR, "width": 6, "dash": "solid" if end else "dot"},
            marker={"size": 7},
            text=["", _mechanism_label(row.mechanism)] if late else [_mechanism_label(row.mechanism), ""],
            textposition="top left" if late else "top right",
            textfont={"size": 11, "color": "#3f1d4f"},
            cliponaxis=False,
            name=row.mechanism,
            showlegend=False,
            hovertemplate=f"{escape(row.mechanism)}<br>{escape(row.instrument)}<br>"
            f"{escape(row.launched or row.launched_note)} – {escape(row.ended or '…')}<extra></extra>",
            row=3,
            col=1,
        )


def _dated(date: str, note: str, lang: str) -> str:
    """A mechanism's date in the page's language, followed by the remark the data gives with it."""
    return " ".join(filter(None, [format_partial_date(date, lang) if date else "", note]))


def mechanisms_block(directory: Path, iso: str, lang: str) -> html.Div:
    """The mechanisms as readable entries (original name, gloss, instrument, dates, grants, figures)."""
    rows = data.mechanisms(directory, iso)
    title = html.H3(t("panel.mechanisms", lang))
    if rows.empty:
        return html.Div([title, html.P(t("panel.no_mechanisms", lang), className="empty-note")])
    entries = []
    for row in rows.itertuples():
        gloss = f" — {row.mechanism_en}" if lang != "es" and row.mechanism_en else ""
        # (label, value, written by the project in `text_lang`: marked when the page is in another language)
        launched = _dated(row.launched, row.launched_note, lang)
        facts = [
            (t("panel.instrument", lang), row.instrument, False),
            (t("panel.launched", lang), launched, bool(row.launched_note)),
            (
                t("panel.ended", lang),
                _dated(row.ended, row.ended_note, lang) or t("panel.open_ended", lang),
                bool(row.ended_note),
            ),
            (t("panel.grants", lang), row.grants, True),
            (t("panel.eligibility", lang), row.eligibility, True),
            (t("panel.figures", lang), row.figures, True),
            (t("panel.source", lang), row.source, False),
        ]
        foreign = row.text_lang != lang
        items = [
            html.Div([html.Dt(label), html.Dd(value, lang=row.text_lang if written and foreign else None)])
            for label, value, written in facts
            if value
        ]
        marker = [html.P(t(f"panel.notes_in.{row.text_lang}", lang), className="original-language")]
        entries.append(
            html.Details(
                [html.Summary(f"{row.mechanism}{gloss}"), *(marker if foreign else []), html.Dl(items)],
                className="mechanism",
            )
        )
    extra = data.other_regularisation_figures(directory, iso)
    if len(extra):
        entries.append(
            html.Details(
                [
                    html.Summary(t("panel.regularisation_figures", lang)),
                    simple_table(
                        [
                            t("panel.date", lang),
                            t("panel.measure", lang),
                            t("panel.value", lang),
                            t("panel.source", lang),
                        ],
                        [
                            [r.date, r.measure, format_number(r.value, lang), r.source]
                            for r in extra.itertuples()
                        ],
                    ),
                ]
            )
        )
    return html.Div([title, *entries])


def funding_block(directory: Path, iso: str, lang: str) -> html.Div:
    """IOM 2018 request by outcome (bars with amounts and shares) and RMRP requirements per year."""
    title = html.H3(t("panel.funding", lang))
    request = data.funding_by_outcome(directory, iso)
    children: list = [title]
    if request is None:
        children.append(html.P(t("panel.no_funding", lang), className="empty-note"))
    else:
        outcomes = request["outcomes"]
        labels = [t(f"outcome.{o['outcome']}", lang) for o in outcomes]
        bars = go.Figure(
            go.Bar(
                x=[o["value"] for o in outcomes],
                y=labels,
                orientation="h",
                marker={"color": STOCK_COLOUR},
                # short amounts fit beside the bars on a phone; exact ones and shares: hover and table
                text=[f"{format_compact(o['value'], lang)} USD" for o in outcomes],
                textposition="auto",
                cliponaxis=False,
                customdata=[
                    f"{format_number(o['value'], lang)} USD · {_percent(o['share'], lang)}" for o in outcomes
                ],
                hovertemplate="%{y}: %{customdata}<extra></extra>",
            )
        )
        bars.update_layout(
            height=260,
            margin={"l": 10, "r": 10, "t": 10, "b": 30},
            yaxis={"autorange": "reversed", "automargin": True},
            xaxis={"tickformat": "~s", "range": [0, 1.6 * max(o["value"] for o in outcomes)]},
            separators=number_separators(lang),
            paper_bgcolor="rgba(0,0,0,0)",
            plot_bgcolor="rgba(0,0,0,0)",
        )
        children += [
            dcc.Graph(id=ids.COUNTRY_FUNDING, figure=bars, config=GRAPH_CONFIG, style={"height": "260px"}),
            html.P(
                t(
                    "panel.funding_total",
                    lang,
                    value=format_number(request["total"], lang),
                    share=_percent(request["share_of_plan"], lang),
                    plan=format_number(request["plan_total"], lang),
                ),
                className="funding-total",
            ),
            simple_table(
                [t("panel.outcome", lang), "USD", t("panel.share", lang)],
                [
                    [label, format_number(o["value"], lang), _percent(o["share"], lang)]
                    for label, o in zip(labels, outcomes, strict=True)
                ],
                caption=request["source"],
            ),
        ]
    rmrp = data.rmrp_requirements(directory, iso)
    if len(rmrp):
        rows = [
            [r.year, t(f"measure.{r.measure}", lang), _funding_value(r.value, r.unit, lang), r.source]
            for r in rmrp.itertuples()
        ]
        children += [
            html.H4(t("panel.rmrp", lang)),
            simple_table(
                [t("panel.year", lang), t("panel.measure", lang), "USD", t("panel.source", lang)], rows
            ),
        ]
    if not (rmrp["measure"] == "received").any():
        children.append(html.P(t("panel.no_received", lang), className="empty-note"))
    return html.Div(children)


def ground_block(directory: Path, iso: str, lang: str) -> html.Div:
    """Entry points and services in the country, by kind and per admin-1 unit (table twin of the map)."""
    ground = data.on_the_ground(directory, iso)
    crossings = ground["entry_points"]
    items = [html.Li(f"{row.crossing} — {row.side_place}") for row in crossings.itertuples()]
    children = [
        html.H3(t("panel.ground", lang)),
        html.H4(t("panel.entry_points", lang)),
        html.Ul(items) if items else html.P(t("panel.no_entry_points", lang), className="empty-note"),
        crossing_counts_block(directory, iso, lang),
        html.H4(t("panel.services_by_kind", lang)),
    ]
    if ground["by_kind"].empty:
        children.append(html.P(t("panel.no_services", lang), className="empty-note"))
    else:
        children.append(
            simple_table(
                [t("panel.kind", lang), t("panel.count", lang)],
                [
                    [t(f"kind.{r.kind}", lang), format_number(r.count, lang)]
                    for r in ground["by_kind"].itertuples()
                ],
            )
        )
    per_unit = ground["per_admin1"]
    counted = per_unit[per_unit["count"] > 0]
    if len(counted):
        key = (
            "panel.per_admin1_services"
            if ground["counted"] == "services"
            else "panel.per_admin1_entry_points"
        )
        children += [
            html.H4(t(key, lang)),
            simple_table(
                [t("panel.unit", lang), t("panel.count", lang)],
                [[r.name, format_number(r.count, lang)] for r in counted.itertuples()],
                caption=plural("panel.zero_units", lang, len(per_unit) - len(counted)),
                sortable=True,
            ),
        ]
    return html.Div(children)


def profile_block(directory: Path, iso: str, lang: str) -> html.Div:
    """Key challenges and government response from the IOM 2018 country sheet, as short phrases."""
    profile = data.profile(directory, iso, lang)
    if not profile["challenge"] and not profile["government_response"]:
        return html.Div(
            [
                html.H3(t("panel.challenges", lang)),
                html.P(t("panel.no_profile", lang), className="empty-note"),
            ]
        )
    children = []
    for key, kind in (("panel.challenges", "challenge"), ("panel.response", "government_response")):
        if profile[kind]:
            children += [html.H3(t(key, lang)), html.Ul([html.Li(phrase) for phrase in profile[kind]])]
    children.append(
        html.P(f"{t('panel.source', lang)}: {'; '.join(profile['source'])}", className="source-line")
    )
    return html.Div(children)


def sources_block(directory: Path, lang: str) -> html.Details:
    """Every dataset the panel used, with licence and sources."""
    rows = [[c["title"], c["license"], c["sources"]] for c in resource_credits(directory, PANEL_RESOURCES)]
    return html.Details(
        [
            html.Summary(t("panel.sources", lang)),
            simple_table(
                [t("panel.source", lang), t("panel.licence", lang), t("tooltip.source", lang)], rows
            ),
        ],
        className="panel-sources",
    )


ACRONYM = re.compile(r"[^()/–\s][^()/–]*?\s*\(([A-Z][A-Za-z0-9-]{1,9})\)")
NUMBER = re.compile(r"[\d.,\s%+−-]+|N\.[AD]\.")


def simple_table(
    header: list[str], rows: list[list], caption: str | None = None, sortable: bool = False
) -> html.Div:
    """A plain accessible table that scrolls sideways on phones; `sortable` adds header buttons."""
    cells = [
        html.Th(html.Button(h, className="sort-button", type="button") if sortable else h, scope="col")
        for h in header
    ]
    body = [
        html.Tr(
            [html.Td(str(value), className="num" if NUMBER.fullmatch(str(value)) else None) for value in row]
        )
        for row in rows
    ]
    parts = ([html.Caption(caption)] if caption else []) + [html.Thead(html.Tr(cells)), html.Tbody(body)]
    table = html.Table(parts, className="data-table sortable" if sortable else "data-table")
    return html.Div(table, className="table-scroll")


def country_body(directory: Path, iso: str, month: str, lang: str) -> list:
    """Everything in a country's panel below the headline and the timeline."""
    return [
        html.Div(
            className="panel-grid",
            children=[mechanisms_block(directory, iso, lang), funding_block(directory, iso, lang)],
        ),
        html.Div(
            className="panel-grid",
            children=[ground_block(directory, iso, lang), profile_block(directory, iso, lang)],
        ),
        sources_block(directory, lang),
    ]


def panel_shell(lang: str) -> html.Section:
    """The panel's fixed frame (title, close button, headline, body), hidden until a country is chosen."""
    return html.Section(
        id=ids.COUNTRY_PANEL,
        className="country-panel",
        hidden=True,
        **{"aria-labelledby": ids.COUNTRY_TITLE},
        children=[
            html.Div(
                [
                    html.H2(id=ids.COUNTRY_TITLE, tabIndex=-1),
                    html.Button(
                        "×",
                        id=ids.COUNTRY_CLOSE,
                        className="close-button",
                        title=t("panel.close", lang),
                        **{"aria-label": t("panel.close", lang)},
                    ),
                ],
                className="panel-header",
            ),
            html.Div(
                className="panel-top",
                children=[
                    html.Div(id=ids.COUNTRY_HEADLINE, className="headline", **{"aria-live": "polite"}),
                    html.Div(
                        [
                            html.H3(t("panel.timeline_title", lang), className="chart-title"),
                            dcc.Graph(
                                id=ids.COUNTRY_TIMELINE,
                                figure=EMPTY_FIGURE,
                                config=GRAPH_CONFIG,
                                className="panel-chart",
                                style={"height": "420px"},
                            ),
                        ]
                    ),
                ],
            ),
            dcc.Loading(html.Div(id=ids.COUNTRY_BODY), type="dot"),
        ],
    )
