"""Prepared presenter scenes (data/scenes.json), checked against the rest of the data."""

from __future__ import annotations

import json
from pathlib import Path

from layers.boundaries import admin0_codes
from layers.choropleth import BREAKS
from layers.memo import memoized_on_data
from layers.problems import DataError, Problem, raise_if_errors
from layers.stock import months

SCENES_FILE = "scenes.json"
LANGUAGES = ("es", "en", "pt")
MEASURES = tuple(BREAKS)  # every measure a map can colour by: people, per 1,000, permits, funding, balance
LAYERS = ("entry_points", "land_routes", "maritime_routes", "services", "tiles")
TEXTS = ("title", "caption")


def _bounds_ok(bounds: object) -> bool:
    """[[south, west], [north, east]] in degrees, south below north and west of east."""
    return (
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
        and bounds[0][0] < bounds[1][0]
        and bounds[0][1] < bounds[1][1]
    )


def _scene_problems(scene: dict, known_months: list[str], countries: set[str]) -> list[tuple[str, str]]:
    """(column, message) for each thing wrong with one scene."""
    found: list[tuple[str, str]] = []
    span = f"{known_months[0]} to {known_months[-1]}"
    play = scene.get("play")
    if play is None:
        if scene.get("date") not in known_months:
            wanted = f'a month with data (YYYY-MM, {span}) or a "play" range'
            found.append(("date", f"expected {wanted}, found {scene.get('date')!r}"))
    elif not isinstance(play, dict):
        found.append(("play", f'expected {{"from": "YYYY-MM", "to": "YYYY-MM"}}, found {play!r}'))
    else:
        start, end = play.get("from"), play.get("to")
        for column, month in (("play.from", start), ("play.to", end)):
            if month not in known_months:
                found.append((column, f"expected a month with data ({span}), found {month!r}"))
        if start in known_months and end in known_months and start >= end:
            found.append(("play", f"expected a range from an earlier to a later month, found {play!r}"))
    if scene.get("measure") not in MEASURES:
        found.append(("measure", f"expected one of {', '.join(MEASURES)}, found {scene.get('measure')!r}"))
    chosen = scene.get("layers", [])
    if not isinstance(chosen, list) or not set(map(str, chosen)) <= set(LAYERS):
        found.append(("layers", f"expected layers among {', '.join(LAYERS)}, found {scene.get('layers')}"))
    country = scene.get("country")
    if not (country is None or (isinstance(country, str) and country in countries)):
        found.append(("country", f"expected an ISO3 code of admin0 or null, found {scene.get('country')!r}"))
    if not _bounds_ok(scene.get("bounds")):
        found.append(
            ("bounds", f"expected [[south, west], [north, east]] in degrees, found {scene.get('bounds')}")
        )
    for text in TEXTS:
        given = scene.get(text)
        given = given if isinstance(given, dict) else {}
        for lang in LANGUAGES:
            if not isinstance(given.get(lang), str) or not given[lang].strip():
                found.append((f"{text}.{lang}", f"expected a {text} in this language, found none"))
    return found


@memoized_on_data
def scenes(directory: Path) -> list[dict]:
    """Scenes in order; each names a month (or a range to play) with data, a measure, a known
    country, valid bounds, and a title and caption in each language."""
    path = directory / SCENES_FILE
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise DataError([Problem(SCENES_FILE, f"expected a JSON file of scenes, found {error}")]) from error
    items = document.get("scenes") if isinstance(document, dict) else None
    if not isinstance(items, list):
        raise DataError([Problem(SCENES_FILE, 'expected an object with a list of "scenes"', column="scenes")])
    known_months = months(directory)
    countries = set(admin0_codes(directory))
    problems: list[Problem] = []
    for number, scene in enumerate(items, start=1):
        if not isinstance(scene, dict):
            problems.append(Problem(SCENES_FILE, "expected a scene object", number))
            continue
        problems += [
            Problem(SCENES_FILE, m, number, c) for c, m in _scene_problems(scene, known_months, countries)
        ]
    raise_if_errors(problems)
    return items
