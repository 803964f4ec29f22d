"""The data package descriptor (data/datapackage.json): licences, sources and dates per resource."""

from __future__ import annotations

import json
from pathlib import Path

from layers.memo import memoized_on_data
from layers.problems import DataError, Problem

PACKAGE_FILE = "datapackage.json"


@memoized_on_data
def package(directory: Path) -> dict:
    """The descriptor as a dict; a missing or unreadable file is a data problem."""
    path = directory / PACKAGE_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise DataError([Problem(PACKAGE_FILE, f"expected a JSON data package, found {error}")]) from error


def resource_credits(directory: str | Path | None, names: list[str]) -> list[dict[str, str]]:
    """Title, licence and sources of the named resources, for "Sources" lists."""
    resources = {r["name"]: r for r in package(directory).get("resources", [])}
    credits = []
    for name in names:
        resource = resources.get(name, {})
        licenses = ", ".join(lic.get("title") or lic.get("name", "") for lic in resource.get("licenses", []))
        sources = "; ".join(s.get("title", "") for s in resource.get("sources", []))
        credits.append(
            {"name": name, "title": resource.get("title", name), "license": licenses, "sources": sources}
        )
    return credits
