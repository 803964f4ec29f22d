"""The two linked maps: colours per month, legends, where the map looks, states of the selected country.

The colour callbacks also draw the maps' legends (assets/map_view.js), outside Dash's components."""

from __future__ import annotations

from dash import ClientsideFunction, Input, Output, State, callback, clientside_callback, html

from dashboard import ids
from dashboard.i18n import format_number, language, t
from dashboard.map_style import COLOURS
from dashboard.state import current_data_dir
from layers.map_view import admin1_counts, count_breaks
from layers.services import count_in_box

clientside_callback(
    ClientsideFunction("corredores", "choropleth"),
    Output(ids.MAP_COUNTRIES, "hideout"),
    Output(ids.SMALL_PLACES, "hideout"),
    Output(ids.MONTH_LABEL, "children"),
    Input(ids.METRIC, "data"),
    Input(ids.SELECTED, "data"),
    Input(ids.HOVERED, "data"),
    Input(ids.PRESENT, "data"),
    Input(ids.SLIDE_MEASURE, "data"),  # slide mode: a scene's second-map measure on the one map
    State(ids.MONTH_INDEX, "value"),  # a month change: timeline.js monthView (callbacks/timeline.py)
    State(ids.STOCK_STORE, "data"),
    State(ids.SECOND_STORE, "data"),
    State(ids.TEXT_STORE, "data"),
)

clientside_callback(
    ClientsideFunction("corredores", "secondChoropleth"),
    Output(ids.SECOND_COUNTRIES, "hideout"),
    Input(ids.SECOND_MEASURE, "data"),
    Input(ids.SELECTED, "data"),
    Input(ids.HOVERED, "data"),
    State(ids.MONTH_INDEX, "value"),
    State(ids.STOCK_STORE, "data"),
    State(ids.SECOND_STORE, "data"),
    State(ids.TEXT_STORE, "data"),
)

# Moves the app asks for (selection, scene, ↺) go through `viewport`: dash-leaflet 1.x ignores
# `bounds` after the first render. The two maps follow each other in the browser (map_view.js).
clientside_callback(
    ClientsideFunction("corredores", "mapViewport"),
    Output(ids.MAP, "viewport"),
    Input(ids.SELECTED, "data"),
    Input(ids.MAP_RESET, "n_clicks"),
    Input(ids.SCENE_INDEX, "data"),
    State(ids.SCENES, "data"),
    State(ids.TEXT_STORE, "data"),
    prevent_initial_call=True,
)

clientside_callback(
    ClientsideFunction("corredores", "admin1Url"),
    Output(ids.MAP_ADMIN1_COUNTRY, "url"),
    Input(ids.SELECTED, "data"),
    State(ids.TEXT_STORE, "data"),
    prevent_initial_call=True,
)


@callback(
    Output(ids.MAP_ADMIN1_COUNTRY, "hideout"),
    Output(ids.ADMIN1_LEGEND, "children"),
    Input(ids.SELECTED, "data"),
    Input(ids.LANG_STORE, "data"),  # a language switch redraws the legend
)
def admin1_shading(iso: str | None, lang_code: str | None) -> tuple[dict, list]:
    """Shade the selected country's states by what its panel counts there, with a matching legend."""
    if not iso:
        return {"country": None}, []
    lang = language(lang_code)
    counted, counts = admin1_counts(current_data_dir(), iso)
    breaks = count_breaks(list(counts.values()))
    shades = COLOURS["admin1"]
    hideout = {"country": iso, "counts": counts, "breaks": [0, *breaks], "colours": shades[: len(breaks) + 1]}
    return hideout, admin1_legend(counted, breaks, max(counts.values(), default=0), lang)


def admin1_legend(counted: str, breaks: list[int], largest: int, lang: str) -> list:
    """Title and one swatch per class, labelled with its range ("1–3", "4–6", "7")."""
    shades = COLOURS["admin1"]
    uppers = [b - 1 for b in breaks[1:]] + [largest] if breaks else []
    labels = [
        format_number(low, lang) if low == high else f"{format_number(low, lang)}–{format_number(high, lang)}"
        for low, high in zip(breaks, uppers, strict=True)
    ]
    keys = [(shades[0], format_number(0, lang) if breaks else t("map.admin1_none", lang))]
    keys += [(shades[i + 1], label) for i, label in enumerate(labels)]
    return [
        html.Div(t(f"map.admin1_{counted}", lang), className="legend-title"),
        html.Div(
            [
                html.Span(
                    [html.Span(className="swatch", style={"background": colour}), html.Span(label)],
                    className="key",
                )
                for colour, label in keys
            ],
            className="legend-keys",
        ),
    ]


clientside_callback(
    ClientsideFunction("corredores", "serviceKinds"),
    Output(ids.SERVICES, "hideout"),
    Input(ids.SERVICE_KINDS, "data"),
    State(ids.SERVICES, "hideout"),
    prevent_initial_call=True,
)


@callback(
    Output(ids.SERVICE_COUNTS, "children"),
    Input(ids.MAP, "bounds"),
    Input(ids.SERVICE_KINDS, "data"),
    State(ids.LANG_STORE, "data"),
)
def services_in_view(bounds: list | None, kinds: list[str] | None, lang_code: str | None) -> html.Ul | str:
    """Count the services of the chosen kinds inside the visible part of the map."""
    lang = language(lang_code)
    box = None
    if isinstance(bounds, list) and len(bounds) == 2:
        (south, west), (north, east) = bounds
        box = (south, west, north, east)
    counts = count_in_box(current_data_dir(), kinds or [], box)
    if counts.empty:
        return t("services.none_visible", lang)
    items = [html.Li(f"{t(f'kind.{kind}', lang)}: {format_number(n, lang)}") for kind, n in counts.items()]
    return html.Div([html.Strong(t("services.visible", lang)), html.Ul(items)])
