"""The page for a URL query: what a first visit gets and what a language switch swaps in."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from dash import html
from dash.development.base_component import Component
from plotly.utils import PlotlyJSONEncoder

from dashboard import state
from dashboard.i18n import t
from dashboard.pages.layout import build_layout
from dashboard.view_state import parse_view
from layers.boundaries import admin0_codes
from layers.choropleth import default_month, stock_matrix
from layers.problems import DataError
from layers.services import KINDS


def view_page(query: Mapping[str, str], lang: str) -> html.Div:
    """The whole page for a URL query; `lang` is the language when the query names none."""
    try:
        directory = state.current_data_dir()
    except DataError:
        return html.Div(t("data.unavailable", lang), className="fatal", role="alert")
    matrix = stock_matrix(directory)
    view = parse_view(
        query,
        lang=lang,
        months=matrix["months"],
        default_date=default_month(matrix),
        countries=set(admin0_codes(directory)),
        kinds=KINDS,
    )
    return build_layout(view, directory)


def plain(component: Component) -> dict:
    """A component tree as the JSON Dash sends to the browser."""
    return json.loads(json.dumps(component, cls=PlotlyJSONEncoder))


def _is_component(value: Any) -> bool:
    return isinstance(value, dict) and "type" in value and "namespace" in value and "props" in value


def _ids(value: Any) -> list:
    """The ids in a piece of layout, in order: a swap that keeps them keeps every callback's target."""
    if _is_component(value):
        return [value["props"].get("id"), *_ids(value["props"].get("children"))]
    if isinstance(value, list):
        return [found for item in value for found in _ids(item)]
    return []


def text_patches(old: dict, new: dict, path: tuple = (), skip: Sequence[tuple] = ()) -> list[dict]:
    """The props that differ between two versions of one page (e.g. in two languages).

    Each patch names a component's path in the layout, its type, and the props that differ with their
    values before and after: the browser sets a prop only where it still holds the value before (a
    callback may have changed it since). Children holding components with ids are followed, so those
    stay mounted. `skip` names (id, prop) pairs to leave out.
    """
    if old["type"] != new["type"] or old["props"].get("id") != new["props"].get("id"):
        return []
    patches, before_props, after_props = [], {}, {}
    for prop in sorted(set(old["props"]) | set(new["props"])):
        before, after = old["props"].get(prop), new["props"].get(prop)
        if before == after or (old["props"].get("id"), prop) in skip:
            continue
        where = (*path, "props", prop)
        static = not any(_ids(before)) and not any(_ids(after))  # nothing in it a callback targets
        if not static and _is_component(before) and _is_component(after):
            patches += text_patches(before, after, where, skip)
        elif not static and isinstance(before, list) and _same_shape(before, after):
            for i, (a, b) in enumerate(zip(before, after, strict=True)):
                if _is_component(a):
                    patches += text_patches(a, b, (*where, i), skip)
        elif sorted(map(str, _ids(before))) == sorted(map(str, _ids(after))):
            # replaced whole (what it holds is remounted), also when the language reorders it (names A-Z)
            before_props[prop], after_props[prop] = before, after
    if after_props:
        patches.append({"path": list(path), "type": old["type"], "old": before_props, "new": after_props})
    return patches


def _same_shape(before: list, after: Any) -> bool:
    """Lists whose items are components of the same types at the same places, and the same texts elsewhere."""
    return (
        isinstance(after, list)
        and len(before) == len(after)
        and all(
            (a["type"], a["props"].get("id")) == (b["type"], b["props"].get("id"))
            if _is_component(a) and _is_component(b)
            else a == b
            for a, b in zip(before, after, strict=True)
        )
    )
