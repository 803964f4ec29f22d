"""Regional views: IOM 2018 funding by outcome and office, permits 2015-2017, and compare mode."""

from __future__ import annotations

import math
from pathlib import Path

import plotly.graph_objects as go
from dash import dcc, html
from plotly.subplots import make_subplots

from dashboard import ids
from dashboard.i18n import country_name, format_number, number_separators, t
from dashboard.pages.controls import button_group
from dashboard.pages.country import GRAPH_CONFIG, simple_table
from dashboard.pages.deferred import deferred_details
from layers import country as panel_data
from layers.funding import OUTCOMES, TOTAL, iom_2018_by_outcome
from layers.regularisation import permits_by_year
from layers.stock import months

PERMIT_YEARS = ["2015", "2016", "2017"]
COMPARE_COLOURS = ["#225ea8", "#d95f02", "#1b9e77"]
MAX_COMPARED = 3


def _office_label(entity: str, iso_by_name: dict[str, str], lang: str) -> str:
    """An implementing office's name in the UI language (country offices take the country's name)."""
    if entity in iso_by_name:
        return country_name(iso_by_name[entity], lang)
    key = f"office.{entity}"
    return t(key, lang) if key in _catalog_keys(lang) else entity


def _catalog_keys(lang: str) -> set[str]:
    from dashboard.i18n import catalog

    return set(catalog(lang))


def funding_table(directory: Path, iso_by_name: dict[str, str], lang: str) -> html.Div:
    """Every implementing office by outcome, exactly as published (USD), sortable."""
    table = iom_2018_by_outcome(directory)
    header = [t("regional.office", lang), *[t(f"outcome.{o}", lang) for o in [*OUTCOMES, TOTAL]]]
    rows = [
        [
            _office_label(row["entity"], iso_by_name, lang),
            *[format_number(row[c], lang) for c in [*OUTCOMES, TOTAL]],
        ]
        for _, row in table.iterrows()
    ]
    return simple_table(header, rows, caption=t("regional.rounding", lang), sortable=True)


def permits_table(directory: Path, lang: str) -> html.Div:
    """Residence permits per year for the seed's 12 countries; a missing figure reads N.A., never 0."""
    table = permits_by_year(directory)
    header = [t("regional.country", lang), *PERMIT_YEARS]

    def cell(value: float) -> str:
        return (
            t("regional.not_available", lang)
            if value is None or math.isnan(value)
            else format_number(value, lang)
        )

    rows = [
        [country_name(row["iso_a3"], lang), *[cell(row.get(year)) for year in PERMIT_YEARS]]
        for _, row in table.sort_values("country").iterrows()
    ]
    return simple_table(header, rows, caption=t("regional.not_available_long", lang), sortable=True)


def regional_section(
    directory: Path, hosts: list[str], compared: list[str], lang: str, iso_by_name: dict[str, str]
) -> html.Details:
    """The collapsible section with the compare mode and both seed tables (drawn when first opened)."""
    options = [(iso, country_name(iso, lang)) for iso in hosts]
    return deferred_details(
        ids.REGIONAL,
        [
            html.Summary(t("regional.title", lang)),
            html.H3(t("compare.title", lang)),
            button_group(
                ids.COMPARE_PICK,
                options,
                compared,
                t("compare.pick", lang),
                multi=True,
                class_name="compare-pick",
            ),
            html.Div(compare_block(directory, compared[:MAX_COMPARED], lang), id=ids.COMPARE_BODY),
        ],
        [
            html.H3(t("regional.funding", lang)),
            funding_table(directory, iso_by_name, lang),
            html.H3(t("regional.permits", lang)),
            permits_table(directory, lang),
        ],
        open_now=bool(compared),
        id=ids.REGIONAL,
        className="regional",
    )


def compare_figure(directory: Path, countries: list[str], lang: str) -> go.Figure:
    """Stock, permits and IOM 2018 request by outcome for 2-3 countries on shared scales."""
    countries = countries[:MAX_COMPARED]
    figure = make_subplots(
        rows=3,
        cols=len(countries),
        shared_yaxes="rows",
        subplot_titles=[country_name(iso, lang) for iso in countries],
        vertical_spacing=0.12,
    )
    for column, iso in enumerate(countries, start=1):
        colour = COMPARE_COLOURS[column - 1]
        monthly = panel_data.stock_history(directory, iso)["monthly"]
        figure.add_scatter(
            x=monthly["month"],
            y=monthly["value"],
            mode="lines",
            line={"color": colour},
            showlegend=False,
            row=1,
            col=column,
        )
        permits = panel_data.permits_per_year(directory, iso)
        figure.add_bar(
            x=permits["date"],
            y=permits["value"],
            marker={"color": colour},
            showlegend=False,
            row=2,
            col=column,
        )
        request = panel_data.funding_by_outcome(directory, iso)
        outcomes = request["outcomes"] if request else []
        figure.add_bar(
            x=[t(f"outcome.{o['outcome']}", lang) for o in outcomes],
            y=[o["value"] for o in outcomes],
            marker={"color": colour},
            showlegend=False,
            row=3,
            col=column,
        )
    figure.update_yaxes(tickformat="~s")
    for row, key in enumerate(("compare.stock", "compare.permits", "compare.funding"), start=1):
        figure.update_yaxes(title_text=t(key, lang), title_font={"size": 11}, row=row, col=1)
    figure.update_xaxes(range=["2015-01", months(directory)[-1]], row=1)
    figure.update_xaxes(type="category", row=2)
    figure.update_xaxes(showticklabels=False, row=3)
    figure.update_layout(
        height=620,
        margin={"l": 60, "r": 30, "t": 40, "b": 20},
        separators=number_separators(lang),
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
    )
    return figure


def compare_block(directory: Path, countries: list[str], lang: str) -> list:
    """The compare chart, or a prompt until two countries are picked."""
    if len(countries) < 2:
        return [html.P(t("compare.pick", lang), className="empty-note")]
    return [
        dcc.Graph(
            figure=compare_figure(directory, countries, lang), config=GRAPH_CONFIG, style={"height": "620px"}
        )
    ]
