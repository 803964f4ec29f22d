"""Explicit checks of the values a browser sends to server callbacks: wrong values are a 400, not a bug.

Every input and state of every server-side callback has a check here, keyed by component id and
property (a test makes sure none is missing). A value that passes reaches the callback, so an
exception the callback raises afterwards is a bug: a 500, logged with its traceback.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dashboard import ids
from dashboard.i18n import LANGUAGES
from dashboard.view_state import METRICS
from layers.services import KINDS

MAX_CLICKS = 2**53  # a JavaScript safe integer
MAX_QUERY_LENGTH = 4000  # a page address's query string (each value is cut at view_state.MAX_VALUE_LENGTH)


@dataclass(frozen=True)
class Known:
    """What the data being served allows: its countries and months."""

    countries: frozenset[str]
    months: tuple[str, ...]


Check = Callable[[Any, Known], str | None]


def _integer(value: Any, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def clicks(value: Any, known: Known) -> str | None:
    """`n_clicks` / `n_intervals`: absent or a count."""
    if value is None or _integer(value, 0, MAX_CLICKS):
        return None
    return "expected a count of clicks"


def month_index(value: Any, known: Known) -> str | None:
    """A position on the month slider."""
    if value is None or _integer(value, 0, len(known.months) - 1):
        return None
    return f"expected a month index from 0 to {len(known.months) - 1}"


def month(value: Any, known: Known) -> str | None:
    """A month with data, YYYY-MM."""
    if value is None or (isinstance(value, str) and value in known.months):
        return None
    return f"expected a month from {known.months[0]} to {known.months[-1]}"


def country(value: Any, known: Known) -> str | None:
    """None or the ISO3 code of a country on the map."""
    if value is None or (isinstance(value, str) and value in known.countries):
        return None
    return "expected the ISO3 code of a country on the map, or null"


def countries(value: Any, known: Known) -> str | None:
    """A list of distinct ISO3 codes of countries on the map."""
    if value is None:
        return None
    if not isinstance(value, list) or len(value) > len(known.countries):
        return "expected a list of ISO3 codes"
    if len(set(map(str, value))) != len(value) or any(country(v, known) or v is None for v in value):
        return "expected distinct ISO3 codes of countries on the map"
    return None


def metric(value: Any, known: Known) -> str | None:
    """One of the map's measures."""
    return None if value in METRICS else f"expected one of {', '.join(METRICS)}"


def service_kinds(value: Any, known: Known) -> str | None:
    """A list of distinct service kinds."""
    if value is None:
        return None
    if not (isinstance(value, list) and all(isinstance(v, str) and v in KINDS for v in value)):
        return f"expected a list of kinds among {', '.join(KINDS)}"
    return None if len(set(value)) == len(value) else "expected distinct kinds"


def page_language(value: Any, known: Known) -> str | None:
    """The page language: a supported language code."""
    if value is None or value in LANGUAGES:
        return None
    return f"expected one of {', '.join(LANGUAGES)}"


def flag(value: Any, known: Known) -> str | None:
    """A switch: true, false or absent."""
    return None if value is None or isinstance(value, bool) else "expected true or false"


def query(value: Any, known: Known) -> str | None:
    """The page's query string, as the address bar has it (`parse_view` checks each key)."""
    if value is None or (isinstance(value, str) and len(value) <= MAX_QUERY_LENGTH):
        return None
    return f"expected a query string of at most {MAX_QUERY_LENGTH} characters"


def bounds(value: Any, known: Known) -> str | None:
    """The map's bounds, [[south, west], [north, east]] in degrees."""
    if value is None:
        return None
    corners = value if isinstance(value, list) and len(value) == 2 else []
    numbers = [c for corner in corners if isinstance(corner, list) and len(corner) == 2 for c in corner]
    if len(numbers) == 4 and all(
        isinstance(n, int | float) and not isinstance(n, bool) and math.isfinite(n) for n in numbers
    ):
        south, west, north, east = numbers
        if -90 <= south <= north <= 90 and west <= east:
            return None
    return "expected [[south, west], [north, east]] in degrees"


def cite_view(value: Any, known: Known) -> str | None:
    """The "Cite this" view: a month index and a country (or none)."""
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) - {"index", "country"}:
        return "expected an object with index and country"
    return month_index(value.get("index"), known) or country(value.get("country") or None, known)


RENDER_FIELDS = {"kind", "months", "metric", "lang", "layout", "scene", "country"}


def render_request(value: Any, known: Known) -> str | None:
    """A render asked for by the toolbar (see `callbacks.export`)."""
    from dashboard.jobs import KINDS as RENDER_KINDS
    from dashboard.pages.export import LAYOUTS, MAX_FRAMES

    if value is None:
        return None
    if not isinstance(value, dict) or set(value) != RENDER_FIELDS:
        return "expected an object with kind, months, metric, lang, layout, scene and country"
    if value["kind"] not in RENDER_KINDS or value["lang"] not in LANGUAGES or value["layout"] not in LAYOUTS:
        return "expected a known kind, a supported lang and a known layout"
    if value["scene"] != "":
        return "expected no scene (the toolbar renders the current view)"
    chosen = value["months"]
    if not (isinstance(chosen, list) and chosen and all(isinstance(m, str) for m in chosen)):
        return "expected a list of months"
    if len(chosen) > MAX_FRAMES or any(month(m, known) for m in chosen):
        return f"expected at most {MAX_FRAMES} months with data"
    return metric(value["metric"], known) or country(value["country"] or None, known)


CHECKS: dict[tuple[str, str], Check] = {
    (ids.MAP, "bounds"): bounds,
    (ids.SERVICE_KINDS, "data"): service_kinds,
    (ids.LANG_STORE, "data"): page_language,
    (ids.LANG, "data"): page_language,
    (ids.URL, "search"): query,
    (ids.PRESENT, "data"): flag,
    (ids.SELECTED, "data"): country,
    (ids.MONTH_INDEX, "value"): month_index,
    (ids.COUNTRY_MONTH, "data"): month_index,
    (ids.COMPARE_PICK, "data"): countries,
    (ids.CITE_VIEW, "data"): cite_view,
    (ids.METRIC, "data"): metric,
    (ids.GIF_FROM, "value"): month,
    (ids.GIF_TO, "value"): month,
    (ids.RENDER_PNG, "n_clicks"): clicks,
    (ids.RENDER_GIF, "n_clicks"): clicks,
    (ids.RENDER_PORTRAIT, "n_clicks"): clicks,
    (ids.RENDER_MP4, "n_clicks"): clicks,
    (ids.RENDER_REQUEST, "data"): render_request,
}


def input_problem(entries: list[dict], known: Known) -> str | None:
    """Why one of a callback's input or state values is unusable, or None when all are fine."""
    for entry in entries:
        check = CHECKS.get((entry["id"], entry["property"]))
        if check is None:
            return f"{entry['id']}.{entry['property']}: no server callback reads this value"
        problem = check(entry.get("value"), known)
        if problem:
            return f"{entry['id']}.{entry['property']}: {problem}"
    return None
