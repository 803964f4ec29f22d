"""Journalist downloads and image export: links follow the view; renders are Dash background jobs.

`request_render` (in the web worker) checks the choice, takes the render into the bounded queue
and dispatches it, answering at once when it is done, busy or unavailable; `render` (a background
callback, run by the job engine's worker) follows the process drawing it (or draws it if that one
died), showing progress from whichever web worker the browser's polls reach.
"""

from __future__ import annotations

from dash import ClientsideFunction, Input, Output, State, callback, clientside_callback, ctx, html, no_update

from dashboard import ids, jobs
from dashboard.i18n import language, t
from dashboard.jobs import KINDS, RETRY_AFTER_SECONDS, QueueFull, Render, Unavailable
from dashboard.pages import export
from dashboard.state import current_data_dir
from layers.choropleth import stock_matrix
from layers.months import month_at, months_between

clientside_callback(
    ClientsideFunction("journalist", "links"),
    Output(ids.DOWNLOAD_MAP_CSV, "href"),
    Output(ids.DOWNLOAD_ADMIN0, "href"),
    Output(ids.DOWNLOAD_API, "href"),
    Input(ids.METRIC, "data"),
    Input(ids.SELECTED, "data"),
    State(ids.MONTH_INDEX, "value"),  # a month change: timeline.js monthView (callbacks/timeline.py)
    State(ids.STOCK_STORE, "data"),
    State(ids.TEXT_STORE, "data"),
)


def alert(text: str) -> html.P:
    """A message screen readers announce at once."""
    return html.P(text, role="alert")


# What each toolbar button renders: (kind, layout); a map draws the current month, the others a range
BUTTONS = {
    ids.RENDER_PNG: ("map", "wide"),
    ids.RENDER_PORTRAIT: ("map", "portrait"),
    ids.RENDER_GIF: ("timelapse", "portrait"),
    ids.RENDER_MP4: ("video", "wide"),
}


def finished(render: Render, lang: str) -> html.Div:
    """The download link and a preview of the finished image or video."""
    label = t(f"tools.download_{KINDS[render.kind]}", lang)
    url = render.url()
    preview = (
        html.Video(src=url, controls=True, muted=True, title=label)
        if render.kind == "video"
        else html.Img(src=url, alt=label)
    )
    return html.Div([html.A(label, href=url + "&download=1", download="", id=ids.RENDER_LINK), preview])


@callback(
    Output(ids.RENDER_REQUEST, "data"),
    Output(ids.RENDER_STATUS, "children"),
    Input(ids.RENDER_PNG, "n_clicks"),
    Input(ids.RENDER_PORTRAIT, "n_clicks"),
    Input(ids.RENDER_GIF, "n_clicks"),
    Input(ids.RENDER_MP4, "n_clicks"),
    State(ids.MONTH_INDEX, "value"),
    State(ids.METRIC, "data"),
    State(ids.GIF_FROM, "value"),
    State(ids.GIF_TO, "value"),
    State(ids.LANG_STORE, "data"),
    State(ids.SELECTED, "data"),
    prevent_initial_call=True,
)
def request_render(wide, portrait, gif, mp4, index, metric, start, end, lang_code, selected):
    """Take the map image, the GIF or the video into the render queue, or say why not."""
    lang = language(lang_code)
    directory = current_data_dir()
    months = stock_matrix(directory)["months"]
    kind, layout = BUTTONS[ctx.triggered_id]
    chosen = [month_at(months, index)] if kind == "map" else months_between(months, start, end)
    if not chosen or len(chosen) > export.MAX_FRAMES:
        return no_update, alert(t("tools.bad_range", lang, n=export.MAX_FRAMES))
    country = selected if kind == "map" and isinstance(selected, str) else ""  # images outline it, as the map
    render = Render(kind, tuple(chosen), metric, lang, layout, country=country)
    engine = jobs.engine()
    try:
        _, state = engine.admit(render, directory)
        if state == "new":  # every admitted render runs, even if the browser never asks again
            engine.dispatch(render, directory)
    except QueueFull:
        return no_update, alert(t("tools.busy", lang, seconds=RETRY_AFTER_SECONDS))
    except Unavailable:
        return no_update, alert(t("tools.unavailable", lang))
    if state == "done":
        return no_update, finished(render, lang)
    return render.as_dict(), []  # the progress box takes over: "Waiting…", then "Rendering… n of m"


@callback(
    Output(ids.RENDER_STATUS, "children", allow_duplicate=True),
    Input(ids.RENDER_REQUEST, "data"),
    background=True,
    progress=[
        Output(ids.RENDER_PROGRESS, "value"),
        Output(ids.RENDER_PROGRESS, "max"),
        Output(ids.RENDER_PROGRESS_TEXT, "children"),
    ],
    running=[
        (Output(ids.RENDER_PROGRESS_BOX, "hidden"), False, True),
        *[(Output(button, "disabled"), True, False) for button in BUTTONS],
    ],
    prevent_initial_call=True,
)
def render(set_progress, requested: dict | None):
    """Draw the requested render (or follow the process drawing it), reporting each frame."""
    if not requested:
        return no_update
    jobs.lower_priority()
    render = Render.from_dict(requested)
    engine, directory = jobs.engine(), current_data_dir()
    if engine.status(engine.key(render, directory), render)["state"] == "unknown":
        return alert(t("tools.failed", render.lang))  # not taken into the queue by request_render

    def report(done: int, total: int) -> None:
        set_progress((str(done), str(total), t("tools.rendering", render.lang, done=done, total=total)))

    if engine.run(render, directory, report):
        return finished(render, render.lang)
    return alert(t("tools.failed", render.lang))
