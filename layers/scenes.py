"""Prepared presenter scenes (data/scenes.json), checked against the rest of the data."""

from __future__ import annotations

import json
from pathlib import Path

from layers.boundaries import admin0
from layers.memo import memoized_on_data
from layers.problems import DataError, Problem, raise_if_errors
from layers.stock import months

SCENES_FILE = "scenes.json"
LANGUAGES = ("es", "en", "pt")
METRICS = ("absolute", "per_1000")
SECOND_MEASURES = ("permits", "funding", "funding_per_1000", "per_1000")
LAYERS = ("entry_points", "land_routes", "maritime_routes", "services", "tiles")


@memoized_on_data
def scenes(directory: Path) -> list[dict]:
    """Scenes in order; each names a month with data, a known country, valid bounds and 3 captions."""
    path = directory / SCENES_FILE
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise DataError([Problem(SCENES_FILE, f"expected a JSON file of scenes, found {error}")]) from error
    items = document.get("scenes") if isinstance(document, dict) else None
    if not isinstance(items, list):
        raise DataError([Problem(SCENES_FILE, 'expected an object with a list of "scenes"', column="scenes")])
    known_months = set(months(directory))
    countries = set(admin0(directory).index)
    problems: list[Problem] = []
    for number, scene in enumerate(items, start=1):
        if not isinstance(scene, dict):
            problems.append(Problem(SCENES_FILE, "expected a scene object", number))
            continue

        def problem(field: str, message: str, number: int = number) -> None:
            problems.append(Problem(SCENES_FILE, message, number, field))

        if not isinstance(scene.get("date"), str) or scene["date"] not in known_months:
            problem("date", f'expected a month with data (YYYY-MM), found "{scene.get("date")}"')
        if scene.get("metric") not in METRICS:
            problem("metric", f"expected one of {', '.join(METRICS)}, found {scene.get('metric')!r}")
        if scene.get("second") not in SECOND_MEASURES:
            problem("second", f"expected one of {', '.join(SECOND_MEASURES)}, found {scene.get('second')!r}")
        chosen = scene.get("layers", [])
        if not isinstance(chosen, list) or not set(map(str, chosen)) <= set(LAYERS):
            problem("layers", f"expected layers among {', '.join(LAYERS)}, found {scene.get('layers')}")
        country = scene.get("country")
        if not (country is None or (isinstance(country, str) and country in countries)):
            problem("country", f"expected an ISO3 code of admin0 or null, found {scene.get('country')!r}")
        bounds = scene.get("bounds")
        valid = (
            isinstance(bounds, list)
            and len(bounds) == 2
            and all(
                isinstance(c, list)
                and len(c) == 2
                and all(isinstance(n, int | float) and not isinstance(n, bool) for n in c)
                and -90 <= c[0] <= 90
                and -180 <= c[1] <= 180
                for c in bounds
            )
        )
        if not valid:
            problem("bounds", f"expected [[south, west], [north, east]] in degrees, found {bounds}")
        captions = scene.get("caption")
        captions = captions if isinstance(captions, dict) else {}
        for lang in LANGUAGES:
            if not isinstance(captions.get(lang), str) or not captions[lang].strip():
                problem(f"caption.{lang}", "expected a caption in this language, found none")
    raise_if_errors(problems)
    return items
