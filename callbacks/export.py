"""Journalist downloads and image export: links follow the view; renders run in a pool and are polled."""

from __future__ import annotations

from urllib.parse import urlencode

from dash import ClientsideFunction, Input, Output, State, callback, clientside_callback, ctx, html, no_update

from dashboard import export, ids
from dashboard.i18n import language, t
from dashboard.state import current_data_dir
from layers.choropleth import stock_matrix
from layers.months import month_at, months_between

clientside_callback(
    ClientsideFunction("journalist", "links"),
    Output(ids.DOWNLOAD_MAP_CSV, "href"),
    Output(ids.DOWNLOAD_ADMIN0, "href"),
    Output(ids.DOWNLOAD_API, "href"),
    Input(ids.MONTH_INDEX, "value"),
    Input(ids.METRIC, "data"),
    Input(ids.SELECTED, "data"),
    State(ids.STOCK_STORE, "data"),
    State(ids.TEXT_STORE, "data"),
)


def job_url(kind: str, months: list[str], metric: str, lang: str) -> str:
    """The endpoint serving a render, with the same parameters the job was submitted with."""
    if kind == "map":
        return "/export/map.png?" + urlencode({"date": months[0], "metric": metric, "lang": lang})
    query = {"from": months[0], "to": months[-1], "metric": metric, "lang": lang}
    return "/export/timelapse.gif?" + urlencode(query)


@callback(
    Output(ids.RENDER_JOB, "data"),
    Output(ids.RENDER_POLL, "disabled"),
    Output(ids.RENDER_STATUS, "children"),
    Input(ids.RENDER_PNG, "n_clicks"),
    Input(ids.RENDER_GIF, "n_clicks"),
    State(ids.MONTH_INDEX, "value"),
    State(ids.METRIC, "data"),
    State(ids.GIF_FROM, "value"),
    State(ids.GIF_TO, "value"),
    State(ids.LANG_STORE, "data"),
    prevent_initial_call=True,
)
def start_render(png_clicks, gif_clicks, index, metric, start, end, lang_code):
    """Submit the map image or the animation to the render pool; polling shows its progress."""
    lang = language(lang_code)
    directory = current_data_dir()
    months = stock_matrix(directory)["months"]
    metric = metric if metric in ("absolute", "per_1000") else "absolute"
    if ctx.triggered_id == ids.RENDER_PNG:
        kind, chosen = "map", [month_at(months, index)]
    else:
        kind, chosen = "timelapse", months_between(months, start, end)
        if not chosen or len(chosen) > export.MAX_FRAMES:
            return None, True, html.P(t("tools.bad_range", lang, n=export.MAX_FRAMES), role="alert")
    key = export.submit(kind, directory, chosen, metric, lang, export.credit_link(chosen, kind))
    job = {"key": key, "kind": kind, "url": job_url(kind, chosen, metric, lang)}
    return job, False, progress(export.status(key), lang)


def progress(state: dict, lang: str) -> html.Div:
    """A native progress bar with its text: "Rendering… 3 of 12 frames"."""
    done, total = state.get("done", 0), max(state.get("total", 1), 1)
    return html.Div(
        [
            html.Progress(value=str(done), max=str(total)),
            html.Span(t("tools.rendering", lang, done=done, total=total)),
        ]
    )


def finished(job: dict, lang: str) -> html.Div:
    """The download link and a preview of the finished image."""
    label = t("tools.download_png" if job["kind"] == "map" else "tools.download_gif", lang)
    return html.Div(
        [
            html.A(label, href=job["url"] + "&download=1", download="", id=ids.RENDER_LINK),
            html.Img(src=job["url"], alt=label),
        ]
    )


@callback(
    Output(ids.RENDER_STATUS, "children", allow_duplicate=True),
    Output(ids.RENDER_POLL, "disabled", allow_duplicate=True),
    Input(ids.RENDER_POLL, "n_intervals"),
    State(ids.RENDER_JOB, "data"),
    State(ids.LANG_STORE, "data"),
    prevent_initial_call=True,
)
def poll_render(_ticks, job, lang_code):
    """Report progress until the render is done (link and preview) or failed (message)."""
    lang = language(lang_code)
    if not job:
        return no_update, True
    state = export.status(job["key"])
    if state["state"] == "done":
        return finished(job, lang), True
    if state["state"] in ("error", "unknown"):
        return html.P(t("tools.failed", lang), role="alert"), True
    return progress(state, lang), False
