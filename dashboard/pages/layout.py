"""The page: header, two linked maps, time controls, charts; built per request in its language."""

from __future__ import annotations

import dash_leaflet as dl
from dash import dcc, html
from dash_extensions.javascript import Namespace

from dashboard import ids
from dashboard.config import settings
from dashboard.documents import geometry_url, services_url
from dashboard.i18n import LANGUAGES, catalog, country_name, format_month, t
from dashboard.map_style import FIT_PADDING, HOME_BOUNDS, HOME_CENTER, KIND_COLOURS, PANES
from dashboard.pages.admin1 import admin1_view
from dashboard.pages.cite import journalist_toolbar
from dashboard.pages.compare import regional_section
from dashboard.pages.controls import button_group, choice_group
from dashboard.pages.country import panel_shell
from dashboard.pages.embed import embed_card, embed_credit
from dashboard.pages.map_labels import route_labels
from dashboard.pages.notices import admin_banner, url_notice
from dashboard.pages.presenter import scene_band
from dashboard.pages.table_twin import skip_link, table_twin, view_switch
from dashboard.view_state import LAYERS, METRICS, SECOND_MEASURES, ViewState
from layers.choropleth import second_measures, stock_matrix
from layers.codes import iso_by_name
from layers.map_view import country_bounds, region_bounds, small_places, spread
from layers.months import YEAR_MONTHS
from layers.scenes import scenes
from layers.services import KINDS
from layers.web_layers import entry_points_geojson, land_routes_geojson, maritime_routes_geojson

js = Namespace("corredores", "map")
HOVER_STYLE = js("hoverStyle")
LANGUAGE_NAMES = {"es": "Español", "en": "English", "pt": "Português"}
OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = "© OpenStreetMap contributors"
# both maps; assets/map_view.js reports `bounds` and MAP_VIEW once per settled move (no viewport tracking)
MAP_OPTIONS = {"trackViewport": False, "minZoom": 2, "maxZoom": 12, "zoomSnap": 0.25, "className": "map"}


def browser_text(lang: str) -> dict[str, str]:
    """The strings the browser-side code needs (legends, tooltips, popups, names, formats)."""
    strings = catalog(lang)
    prefixes = (
        "legend.",
        "tooltip.",
        "qualifier.",
        "popup.",
        "kind.",
        "month.",
        "number.",
        "country.",
        "chart.",
        "second.",
        "services.",
        "selection.",
        "metric.",
        "time.",
        "present.",
        "table.",
        "map.",
        "embed.",
    )
    return {key: value for key, value in strings.items() if key.startswith(prefixes)}


def month_marks(months: list[str], latest: str) -> dict[int, str]:
    """Slider marks: one label per odd year, the others as ticks; the last position is `latest`.

    A year label within a year of the end is left as a tick so that it does not run into `latest`.
    """
    end = len(months) - 1
    marks = {
        i: (m[:4] if int(m[:4]) % 2 and end - i > YEAR_MONTHS else "")
        for i, m in enumerate(months[:-1])
        if m.endswith("-01")
    }
    return {**marks, end: latest}


def map_start(view: ViewState, directory) -> dict:
    """The first view of the main map: the link's `view`, else its country, else the whole region.

    dash-leaflet 1.x fits `bounds` only when no centre is given, and only at the first render; the
    second map follows the main one (assets/map_view.js). The embed card always shows the region.
    """
    if view.embed:
        return {"bounds": region_bounds(directory), "boundsOptions": {"padding": FIT_PADDING}}
    if view.view:
        lat, lon, zoom = view.view
        return {"center": [lat, lon], "zoom": zoom}
    bounds = country_bounds(directory).get(view.country or "", HOME_BOUNDS)
    return {"bounds": bounds, "boundsOptions": {"padding": FIT_PADDING}}


def countries(component_id: str, map_name: str, **source) -> dl.GeoJSON:
    """Countries (or enlarged targets for small ones) coloured by the map's measure, hover and click wired."""
    hooks = {"style": js("countryStyle"), "hoverStyle": HOVER_STYLE, "onEachFeature": js("countryFeature")}
    return dl.GeoJSON(id=component_id, hideout={"map": map_name}, **hooks, **source)


def overlay(view: ViewState, key: str, child) -> dl.Overlay:
    """One switchable layer of the map, named in the page's language, on when the view lists it."""
    return dl.Overlay(child, name=t(f"layer.{key}", view.lang), checked=key in view.layers)


def geojson_overlay(view: ViewState, key: str, component_id: str, data: dict, **functions: str) -> dl.Overlay:
    """A switchable GeoJSON layer; `functions` name its browser-side hooks (style, onEachFeature, ...)."""
    hooks = {option: js(name) for option, name in functions.items()}
    return overlay(view, key, dl.GeoJSON(id=component_id, data=data, hideout={"lang": view.lang}, **hooks))


def route_overlay(view: ViewState, key: str, component_id: str, routes: dict, style: str) -> dl.Overlay:
    """A switchable layer of routes, labelled along their lines, drawn by the browser's `style`."""
    labelled = route_labels(routes, view.lang)
    return geojson_overlay(view, key, component_id, labelled, style=style, onEachFeature="routeFeature")


def primary_map(view: ViewState, directory) -> dl.Map:
    """The main map: countries coloured by the stock, with crossings, routes and services."""
    lang = view.lang
    # the online street map is offered only where the CSP lets its images in (CORREDORES_ONLINE_TILES=1)
    tiles = [overlay(view, "tiles", dl.TileLayer(url=OSM_TILES, attribution=OSM_ATTRIBUTION, opacity=0.5))]
    if not settings().online_tiles:
        tiles = []
    return dl.Map(
        id=ids.MAP,
        **map_start(view, directory),
        **MAP_OPTIONS,
        children=[
            countries(ids.MAP_COUNTRIES, "primary", url=geometry_url("admin0")),
            dl.Pane(  # enlarged targets on islands too small to see or click, above the routes
                countries(
                    ids.SMALL_PLACES,
                    "primary",
                    data=spread(small_places(directory), near=2.0, radius_px=12),
                    pointToLayer=js("smallPlace"),
                ),
                name=PANES["small_places"],
                style={"zIndex": 420, "pointerEvents": "none"},
            ),
            dl.Pane(  # above the countries, never in the way of their pointer events
                dl.GeoJSON(
                    id=ids.MAP_ADMIN1_COUNTRY,
                    url=geometry_url("admin1") if view.country else None,
                    style=js("admin1CountryStyle"),
                    filter=js("admin1Filter"),
                    hideout=admin1_view(directory, view.country, lang)[0],
                    interactive=False,
                ),
                name=PANES["admin1"],
                style={"zIndex": 405, "pointerEvents": "none"},
            ),
            dl.LayersControl(
                id=ids.MAP_LAYERS,
                position="topright",
                collapsed=True,
                # as the control reports them once mounted; set here so its first change has a list to edit
                overlays=[t(f"layer.{key}", lang) for key in view.layers if key != "tiles" or tiles],
                children=[
                    route_overlay(
                        view, "land_routes", ids.LAND_ROUTES, land_routes_geojson(directory), "landStyle"
                    ),
                    route_overlay(
                        view,
                        "maritime_routes",
                        ids.MARITIME_ROUTES,
                        maritime_routes_geojson(directory),
                        "maritimeStyle",
                    ),
                    geojson_overlay(
                        view,
                        "entry_points",
                        ids.ENTRY_POINTS,
                        entry_points_geojson(directory),
                        pointToLayer="entryPoint",
                        onEachFeature="entryFeature",
                    ),
                    overlay(
                        view,
                        "services",
                        dl.GeoJSON(
                            id=ids.SERVICES,
                            url=services_url(),
                            format="geobuf",
                            cluster=True,
                            zoomToBoundsOnClick=True,
                            superClusterOptions={"radius": 60, "maxZoom": 11},
                            pointToLayer=js("servicePoint"),
                            clusterToLayer=js("serviceCluster"),
                            onEachFeature=js("serviceFeature"),
                            filter=js("serviceFilter"),
                            hideout={"kinds": list(view.services or KINDS), "lang": lang},
                        ),
                    ),
                    *tiles,
                ],
            ),
            dl.ScaleControl(position="bottomleft", imperial=False),
            dl.FullScreenControl(
                position="topleft",
                title=t("map.fullscreen", lang),
                titleCancel=t("map.exit_fullscreen", lang),
            ),
            dl.EasyButton(id=ids.MAP_RESET, icon="&#x21BA;", title=t("map.reset", lang), position="topleft"),
        ],
    )


def second_map(view: ViewState) -> dl.Map:
    """The linked map: another measure, same month and view (it follows the main map)."""
    return dl.Map(
        id=ids.SECOND_MAP,
        center=[view.view[0], view.view[1]] if view.view else HOME_CENTER,
        zoom=view.view[2] if view.view else 3,
        **MAP_OPTIONS,
        children=[
            countries(ids.SECOND_COUNTRIES, "second", url=geometry_url("admin0")),
            dl.ScaleControl(position="bottomleft", imperial=False),
        ],
    )


def kind_label(kind: str, lang: str) -> list:
    """A service kind's name with the colour its points have on the map."""
    return [html.Span(className="swatch", style={"background": KIND_COLOURS[kind]}), t(f"kind.{kind}", lang)]


def legend_box(lang: str, *legends: html.Div) -> html.Details:
    """The legends of a map, over its corner, folding away behind a "Legend" toggle."""
    return html.Details([html.Summary(t("legend.toggle", lang)), *legends], open=True, className="legend-box")


def time_button(symbol: str, component_id: str, key: str, lang: str) -> html.Button:
    """A time-control button: a symbol, named for tooltips and screen readers."""
    return html.Button(symbol, id=component_id, title=t(key, lang), **{"aria-label": t(key, lang)})


def time_bar(view: ViewState, months: list[str]) -> html.Div:
    """Play/pause, step buttons and the monthly slider."""
    lang = view.lang
    return html.Div(
        className="timebar",
        children=[
            time_button("«", ids.PREVIOUS_YEAR, "time.previous_year", lang),
            time_button("◀", ids.PREVIOUS, "time.previous", lang),
            time_button("▶", ids.PLAY, "time.play", lang),
            time_button("▶|", ids.NEXT, "time.next", lang),
            time_button("»", ids.NEXT_YEAR, "time.next_year", lang),
            html.Div(
                dcc.Slider(
                    id=ids.MONTH_INDEX,
                    min=0,
                    max=len(months) - 1,
                    step=1,
                    value=months.index(view.date),
                    marks=month_marks(months, t("month.latest", lang)),
                    included=False,
                    updatemode="drag",
                    allow_direct_input=False,
                ),
                className="slider",
                title=t("time.keys", lang),
            ),
            html.Output(
                format_month(view.date, lang),
                id=ids.MONTH_LABEL,
                className="month-label",
                **{"aria-live": "polite"},
            ),
            dcc.Interval(id=ids.TICKER, interval=600, disabled=True),
            dcc.Store(id=ids.PLAYING, data=False),
        ],
    )


def header(view: ViewState, vintage: str) -> html.Header:
    """Title, data vintage (newest R4V update, YYYY-MM), language, metric and second-map measure."""
    lang = view.lang
    return html.Header(
        className="topbar",
        children=[
            html.Div(
                [
                    html.H1(t("app.title", lang)),
                    html.P(t("app.tagline", lang), className="tagline"),
                    html.P(t("app.vintage", lang, month=format_month(vintage, lang)), className="vintage"),
                ],
                className="brand",
            ),
            html.Div(
                className="controls",
                children=[
                    choice_group(ids.METRIC, METRICS, view.metric, lang, "metric", "nav.metric", "segmented"),
                    html.Button(
                        t("present.enter", lang),
                        id=ids.PRESENT_BUTTON,
                        className="present-button",
                        title=t("present.keys", lang),
                    ),
                    button_group(
                        ids.LANG,
                        [(code, LANGUAGE_NAMES[code]) for code in LANGUAGES],
                        lang,
                        t("nav.language", lang),
                        class_name="lang-select",
                    ),
                ],
            ),
        ],
    )


def build_layout(view: ViewState, directory) -> html.Div:
    """The whole page for one view."""
    lang = view.lang
    matrix = stock_matrix(directory)
    months = matrix["months"]
    stores = [
        dcc.Location(id=ids.URL, refresh=False),
        dcc.Store(id=ids.STOCK_STORE, data=matrix),
        dcc.Store(id=ids.SECOND_STORE, data=second_measures(directory)),
        dcc.Store(
            id=ids.TEXT_STORE,
            data={
                "t": browser_text(lang),
                "lang": lang,
                "names": {country_name(iso, lang).lower(): iso for iso in matrix["areas"]},
                "layers": {key: t(f"layer.{key}", lang) for key in LAYERS},
                "bounds": country_bounds(directory),
            },
        ),
        dcc.Store(id=ids.LANG_STORE, data=lang),
        dcc.Store(id=ids.LANG_PATCH, data=None),
        dcc.Store(id=ids.SELECTED, data=view.country),
        dcc.Store(id=ids.MAP_VIEW, data=",".join(map(str, view.view)) if view.view else None),
        dcc.Store(id=ids.HOVERED, data=None),
        dcc.Store(id=ids.COUNTRY_MONTH),
        dcc.Store(id=ids.PRESENT, data=view.present),
        dcc.Store(id=ids.SCENES, data=scenes(directory)),
        dcc.Store(id=ids.SCENE_INDEX, data=None),
        dcc.Store(id=ids.SLIDE_MEASURE, data=None),
    ]
    services_panel = html.Details(
        className="services-panel",
        children=[
            html.Summary(t("services.filter", lang)),
            button_group(
                ids.SERVICE_KINDS,
                [(k, kind_label(k, lang)) for k in KINDS],
                list(view.services or KINDS),
                t("services.filter", lang),
                multi=True,
                class_name="kinds",
            ),
            html.Div(id=ids.SERVICE_COUNTS, className="service-counts", **{"aria-live": "polite"}),
        ],
    )
    maps = html.Section(
        className="maps",
        children=[
            html.Div(
                className="map-panel primary",
                role="region",
                **{"aria-label": t("map.primary_label", lang)},
                children=[
                    view_switch(view.tab, lang),
                    primary_map(view, directory),
                    services_panel,
                    legend_box(
                        lang,
                        html.Div(id=ids.MAP_LEGEND, className="legend"),
                        html.Div(
                            admin1_view(directory, view.country, lang)[1],
                            id=ids.ADMIN1_LEGEND,
                            className="legend admin1-legend",
                        ),
                    ),
                    scene_band(directory, lang),
                    table_twin(view.tab, lang),
                ],
            ),
            time_bar(view, months),
            html.Div(
                className="map-panel secondary",
                role="region",
                **{"aria-label": t("map.secondary_label", lang)},
                children=[
                    choice_group(
                        ids.SECOND_MEASURE,
                        SECOND_MEASURES,
                        view.second,
                        lang,
                        "second_short",
                        "second.label",
                        "second-select",
                    ),
                    second_map(view),
                    legend_box(lang, html.Div(id=ids.SECOND_LEGEND, className="legend")),
                ],
            ),
        ],
    )
    hosts = sorted(matrix["areas"], key=lambda iso: country_name(iso, lang))
    selection = html.Div(
        className="selection",
        children=[
            html.Label(t("panel.search", lang), htmlFor=ids.COUNTRY_SEARCH, className="visually-hidden"),
            dcc.Input(
                id=ids.COUNTRY_SEARCH,
                type="search",
                list=ids.COUNTRY_LIST,
                placeholder=t("panel.search", lang),
                className="country-search",
                debounce=True,
                autoComplete="off",
            ),
            html.Datalist(
                id=ids.COUNTRY_LIST, children=[html.Option(value=country_name(iso, lang)) for iso in hosts]
            ),
            html.Span(t("selection.none", lang), id=ids.SELECTION_LABEL),
            html.Button(t("selection.clear", lang), id=ids.CLEAR_SELECTION, className="link-button"),
        ],
    )
    charts = html.Section(
        className="charts",
        children=[
            dcc.Graph(
                id=ids.LINE_CHART,
                config={"displaylogo": False, "responsive": True},
                className="chart",
            ),
            dcc.Graph(
                id=ids.BAR_CHART,
                config={"displaylogo": False, "responsive": True},
                className="chart",
            ),
        ],
    )
    classes = ["app", *(["present"] if view.present else []), *(["embed"] if view.embed else [])]
    return html.Div(
        id=ids.APP_ROOT,
        className=" ".join(classes),
        lang=lang,
        children=[
            skip_link(lang),
            *stores,
            admin_banner(view),
            url_notice(view),
            header(view, matrix["latest"]["vintage"]),
            embed_card(view, directory, matrix["latest"]) if view.embed else None,
            html.Main(
                [
                    maps,
                    selection,
                    journalist_toolbar(view, directory),
                    panel_shell(lang),
                    charts,
                    regional_section(directory, hosts, list(view.compare), lang, iso_by_name(directory)),
                ]
            ),
            html.Footer(t("credit.line", lang), className="credit"),
            embed_credit(view) if view.embed else None,
        ],
    )
