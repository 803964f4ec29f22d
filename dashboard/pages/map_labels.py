"""The labels drawn on the map's route lines: a short name in the page language, marked schematic."""

from __future__ import annotations

from dashboard.i18n import t


def short(text: object) -> str:
    """A name without its detail: "Andean corridor (Cúcuta to Santiago)" -> "Andean corridor"."""
    return str(text or "").split(" (")[0].strip()


def route_labels(collection: dict, lang: str) -> dict:
    """Routes with a short name (`label`, in `label_lang` if not the page's) and a `label_note`."""
    features = []
    for feature in collection["features"]:
        p = feature["properties"]
        other = {}
        if p.get("name"):
            spanish = lang == "es" and bool(p.get("name_es"))
            name = short(p["name_es"] if spanish else p["name"])
            if lang != "en" and not spanish:
                other = {"label_lang": "en"}  # the data has no name in this language yet
        else:  # a boat route: where it goes, a place name in every language
            name = t("map.sea_route", lang, place=short(p.get("destination")))
        properties = {**p, "label": name, "label_note": t("map.schematic", lang), **other}
        features.append({**feature, "properties": properties})
    return {**collection, "features": features}
