"""Slide mode's parts of the page: the band under the map with the scene caption and scene list."""

from __future__ import annotations

from pathlib import Path

from dash import html

from dashboard import ids
from dashboard.i18n import t
from layers.scenes import scenes


def scene_band(directory: Path, lang: str) -> html.Div:
    """Slide mode's band under the map: the scene's caption, and the scene list to pick from."""
    return html.Div(
        className="scene-band",
        children=[
            html.Div(id=ids.SCENE_CAPTION, className="scene-caption", **{"aria-live": "polite"}),
            html.Details(
                id=ids.SCENE_LIST,
                className="scene-list",
                children=[
                    html.Summary(t("present.list", lang)),
                    html.Ol(
                        id=ids.SCENE_BUTTONS,
                        **{"aria-label": t("present.scenes", lang)},
                        children=[
                            html.Li(
                                html.Button(
                                    [html.Span(str(n), className="scene-key"), scene["title"][lang]],
                                    id={"type": "scene", "index": n - 1},
                                    title=scene["caption"][lang],
                                    className="scene-button",
                                )
                            )
                            for n, scene in enumerate(scenes(directory), start=1)
                        ],
                    ),
                ],
            ),
        ],
    )
