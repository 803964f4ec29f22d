"""A language switch without a reload: the server sends the new language's texts and the props of the
page that differ between the two languages; the browser sets those props in place
(assets/language.js), so every component stays mounted (the maps keep their view, layers and
geometry), and the callbacks that draw with the texts run again with the new text store."""

from urllib.parse import parse_qsl

from dash import ClientsideFunction, Input, Output, State, callback, clientside_callback, no_update
from dash.exceptions import PreventUpdate

from callbacks.country import country_panel_outputs, open_country
from callbacks.map_view import services_in_view
from dashboard import ids, state
from dashboard.cache import LAYOUT_SECONDS, remember, snapshot_key
from dashboard.pages.page import plain, text_patches, view_page
from layers.digest import short_digest

# sent as outputs (their callbacks run again), or renamed in the browser (assets/language.js)
NOT_PATCHED = (
    (ids.TEXT_STORE, "data"),
    (ids.LANG_STORE, "data"),
    (ids.LANG, "data"),
    (ids.MAP_LAYERS, "overlays"),
)


@callback(
    Output(ids.LANG_PATCH, "data"),
    Output(ids.TEXT_STORE, "data"),
    Output(ids.LANG_STORE, "data"),
    # set again as they are: the browser-side callbacks that draw with the texts run with the new ones
    Output(ids.MONTH_INDEX, "value", allow_duplicate=True),
    Output(ids.PRESENT, "data", allow_duplicate=True),
    # what server callbacks draw from other inputs: the selected country's panel, the services in view
    *country_panel_outputs(),
    Output(ids.SERVICE_COUNTS, "children", allow_duplicate=True),
    Input(ids.LANG, "data"),
    State(ids.LANG_STORE, "data"),
    State(ids.URL, "search"),
    State(ids.MONTH_INDEX, "value"),
    State(ids.PRESENT, "data"),
    State(ids.SELECTED, "data"),
    State(ids.MAP, "bounds"),
    State(ids.SERVICE_KINDS, "data"),
    prevent_initial_call=True,
)
def switch_language(
    lang: str,
    shown: str,
    search: str | None,
    index: int,
    present: bool,
    iso: str | None,
    bounds: list | None,
    kinds: list[str] | None,
) -> tuple:
    """The props that change from the shown language to `lang`, for the view in the address bar."""
    if lang == shown:
        raise PreventUpdate
    query = {key: value for key, value in parse_qsl((search or "").lstrip("?")) if key != "lang"}
    patches, texts = switched(query, shown, lang)
    panel = open_country(iso, index, lang) if iso else (no_update,) * len(country_panel_outputs())
    return patches, texts, lang, index, present, *panel, services_in_view(bounds, kinds, lang)


def switched(query: dict[str, str], shown: str, lang: str) -> tuple[list[dict], dict]:
    """The patches from `shown` to `lang` and the new text store, for a view (cached as layouts are)."""
    directory = state.current_data_dir()
    problems = [str(problem) for problem in state.current_state().problems]  # the admin banner shows them
    view = short_digest(repr((sorted(query.items()), problems)).encode(), 16)

    def compute() -> tuple[list[dict], dict]:
        before, after = view_page({**query, "lang": shown}, shown), view_page({**query, "lang": lang}, lang)
        return text_patches(plain(before), plain(after), skip=NOT_PATCHED), after[ids.TEXT_STORE].data

    return remember(snapshot_key(directory, "language", shown, lang, view), compute, timeout=LAYOUT_SECONDS)


clientside_callback(
    ClientsideFunction("corredores", "patchLanguage"),
    Output(ids.APP_ROOT, "lang"),
    Input(ids.LANG_PATCH, "data"),
    State(ids.TEXT_STORE, "data"),
)
