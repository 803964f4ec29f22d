"""The view a URL describes: parsed from the query string, with defaults and notices."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlencode

from werkzeug.datastructures import LanguageAccept

from dashboard.i18n import DEFAULT_LANGUAGE, LANGUAGES
from layers.services import KINDS
from layers.stock import LATEST

METRICS = ("absolute", "per_1000")
SECOND_MEASURES = ("permits", "funding", "funding_per_1000", "per_1000", "balance")
TABS = ("map", "table")
LAYERS = ("entry_points", "land_routes", "maritime_routes", "services", "tiles")
DEFAULT_LAYERS = ("entry_points", "land_routes", "maritime_routes")
MAX_VALUE_LENGTH = 200
MONTH = re.compile(r"^(\d{4}-\d{2}|latest)$")
NONE = "none"  # an empty list in a link: `layers=none` turns every overlay off
# What a link leaves out: the value each key has when the URL does not name it (a bare URL opens
# this view). Share links and the address bar carry only keys that differ (assets/url_state.js).
LINK_DEFAULTS = {
    "lang": DEFAULT_LANGUAGE,
    "date": LATEST,
    "country": "",
    "metric": "absolute",
    "second": "per_1000",
    "compare": "",
    "layers": ",".join(DEFAULT_LAYERS),
    "services": ",".join(KINDS),
    "tab": "map",
    "view": "",
    "present": "0",
    "embed": "0",
}
LIST_KEYS = ("compare", "layers", "services")  # comma-separated sets: their order does not matter
RETIRED = {"layers": ["admin1"]}  # values older links carry that no longer exist: read as absent


@dataclass
class ViewState:
    """Every setting a link can carry; invalid values are replaced by defaults and noted."""

    lang: str
    date: str
    country: str | None = None
    metric: str = "absolute"
    second: str = "per_1000"
    compare: tuple[str, ...] = ()
    layers: tuple[str, ...] = DEFAULT_LAYERS
    services: tuple[str, ...] | None = None
    tab: str = "map"  # what shows in the main map's place: the map or its table twin
    present: bool = False
    embed: bool = False
    view: tuple[float, float, float] | None = None  # map centre and zoom: latitude, longitude, zoom
    admin: bool = False  # show the data-problems banner (dashboard.pages.notices.admin_banner)
    notices: list[str] = field(default_factory=list)


def _list(value: str, key: str = "") -> list[str]:
    """ "a,b" → ["a", "b"]; `none` → []; values the key has retired are dropped."""
    return [item for item in value.split(",") if item and item != NONE and item not in RETIRED.get(key, [])]


def link_values(view: ViewState) -> dict[str, str]:
    """Every link key of `view` as the text a URL carries."""
    services = LINK_DEFAULTS["services"] if view.services is None else ",".join(view.services) or NONE
    return {
        "lang": view.lang,
        "date": view.date,
        "country": view.country or "",
        "metric": view.metric,
        "second": view.second,
        "compare": ",".join(view.compare),
        "layers": ",".join(view.layers) or NONE,
        "services": services,
        "tab": view.tab,
        "view": ",".join(f"{part:g}" for part in view.view) if view.view else "",
        "present": "1" if view.present else "0",
        "embed": "1" if view.embed else "0",
    }


def is_default(key: str, value: str) -> bool:
    """True when a link need not carry `key=value` (sets compare regardless of order)."""
    default = LINK_DEFAULTS[key]
    if key in LIST_KEYS:
        return set(_list(value, key)) == set(_list(default))
    return value == default


def link_query(view: ViewState, leave_out: tuple[str, ...] = ("present", "embed")) -> str:
    """The query string that reopens `view`: only its non-default keys ("" for the default view)."""
    values = link_values(view).items()
    kept = {key: value for key, value in values if key not in leave_out and not is_default(key, value)}
    return urlencode(kept, safe=",")


def parse_map_view(value: str) -> tuple[float, float, float] | None:
    """ "4.6,-74.1,5.5" → (4.6, -74.1, 5.5): latitude, longitude and zoom of the map, or None."""
    try:
        lat, lon, zoom = (float(part) for part in value.split(","))
    except ValueError:
        return None
    if -90 <= lat <= 90 and -180 <= lon <= 180 and 0 <= zoom <= 20:
        return lat, lon, zoom
    return None


def parse_view(
    query: Mapping[str, str],
    *,
    lang: str,
    months: list[str],
    default_date: str,
    countries: set[str],
    kinds: list[str],
) -> ViewState:
    """Read the keys lang date country metric compare second tab layers services present embed admin view."""
    view = ViewState(lang=lang, date=default_date)
    notices = view.notices

    def get(key: str) -> str | None:
        value = query.get(key)
        if value is None:
            return None
        if len(value) > MAX_VALUE_LENGTH:
            notices.append(key)
            return None
        return value

    def choose(key: str, allowed: Collection[str]) -> None:
        """Set a one-choice key to its value where `allowed` holds it; note the key otherwise."""
        if (value := get(key)) is not None:
            if value in allowed:
                setattr(view, key, value)
            else:
                notices.append(key)

    choose("lang", LANGUAGES)
    if (value := get("date")) is not None:
        if MONTH.match(value) and value in months:
            view.date = value
        else:
            notices.append("date")
    if (value := get("country")) is not None:
        if value.upper() in countries:
            view.country = value.upper()
        elif value:
            notices.append("country")
    choose("metric", METRICS)
    choose("second", SECOND_MEASURES)
    choose("tab", TABS)
    if (value := get("compare")) is not None:
        chosen = [code.upper() for code in _list(value, "compare")]
        view.compare = tuple(code for code in chosen if code in countries)[:3]
        if len(view.compare) != len(chosen):
            notices.append("compare")
    if (value := get("layers")) is not None:
        chosen = _list(value, "layers")
        if all(layer in LAYERS for layer in chosen):
            view.layers = tuple(chosen)
        else:
            view.layers = tuple(layer for layer in chosen if layer in LAYERS)
            notices.append("layers")
    if (value := get("services")) is not None:
        chosen = _list(value, "services")
        view.services = tuple(kind for kind in chosen if kind in kinds)
        if len(view.services) != len(chosen):
            notices.append("services")
    if (value := get("view")) is not None:
        view.view = parse_map_view(value)
        if view.view is None:
            notices.append("view")
    for key in ("present", "embed", "admin"):
        if (value := get(key)) is not None:
            if value in ("0", "1"):
                setattr(view, key, value == "1")
            else:
                notices.append(key)
    return view


def preferred_language(accepted: LanguageAccept) -> str:
    """The supported language the client ranks highest (`request.accept_languages`), else Spanish.

    Regional tags count as their language ("es-419" is Spanish), so werkzeug's preference for an
    exact match cannot let a lower-ranked "en" beat them.
    """
    by_language = LanguageAccept([(tag.split("-")[0].split("_")[0], q) for tag, q in accepted])
    return by_language.best_match(LANGUAGES, default=DEFAULT_LANGUAGE)
